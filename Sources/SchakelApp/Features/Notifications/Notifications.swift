import Fluent
import Foundation
import SchakelCore

/// The inbox of a user and of their organisation: what waits for someone to act on it.
enum Notifications {
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
