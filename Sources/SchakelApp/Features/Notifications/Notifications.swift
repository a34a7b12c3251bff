import Fluent
import Foundation
import SchakelCore

/// The inbox of a user and of their organisation: what waits for someone to act on it.
enum Notifications {
    /// The caller's inbox (their own and their organisation's), newest first; `unreadOnly` leaves out what was read.
    static func inbox(unreadOnly: Bool, paging: Paging, caller: Caller) async throws -> Page<NotificationModel> {
        try await query(unreadOnly: unreadOnly, caller: caller).page(paging)
    }

    /// The newest unread notifications, at most `limit` (the day page).
    static func unread(limit: Int, caller: Caller) async throws -> [NotificationModel] {
        try await query(unreadOnly: true, caller: caller).limit(limit).all()
    }

    /// Deadlines passed since the last look are raised first, so a late referral is never missing from the inbox.
    private static func query(unreadOnly: Bool, caller: Caller) async throws -> QueryBuilder<NotificationModel> {
        try await Notifier.raiseOverdue(for: caller.organisationID, today: caller.today, at: caller.now, on: caller.db)
        let query = NotificationModel.query(on: caller.db).filter(\.$organisation.$id == caller.organisationID)
            .group(.or) { $0.filter(\.$user.$id == nil).filter(\.$user.$id == caller.user.id) }
        if unreadOnly { query.filter(\.$readAt == nil) }
        return query.sort(\.$createdAt, .descending).sort(\.$id)
    }

    /// Marks one of the caller's notifications read (once: the first reading's time stays); one addressed to
    /// another organisation or another colleague is not found.
    static func markRead(_ id: UUID, caller: Caller) async throws -> NotificationModel {
        guard let model = try await NotificationModel.find(id, on: caller.db),
              model.$organisation.id == caller.organisationID, model.$user.id == nil || model.$user.id == caller.user.id
        else { throw SchakelError.notFound }
        if model.readAt == nil {
            model.readAt = caller.now
            try await model.save(on: caller.db)
        }
        return model
    }
}
