import Fluent
import Foundation
import SchakelCore
import SQLKit

/// Writes inbox entries and their e-mail outbox rows. A notification names a referral, meeting or
/// request by id, never a person; an e-mail sender may drain `outbox_messages` (none is sent here).
enum Notifier {
    /// One entry per `dedupeKey`: raising the same occasion twice leaves one notification.
    static func notify(_ kind: NotificationKind, about subject: UUID, organisation: UUID, user: UUID? = nil,
                       dedupeKey: String, at now: Date, on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        let id = UUID()
        // A closed account reads nothing any more: the statement itself addresses its organisation instead.
        let addressee: any SQLExpression = user.map {
            SQLGroupExpression(SQLQueryString("SELECT id FROM users WHERE id = \(bind: $0) AND closed_at IS NULL"))
        } ?? SQLLiteral.null
        let inserted = try await sql.insert(into: NotificationModel.schema)
            .columns("id", "organisation_id", "user_id", "kind", "subject_id", "dedupe_key", "created_at")
            .values(SQLBind(id), SQLBind(organisation), addressee, SQLBind(kind.rawValue), SQLBind(subject),
                    SQLBind(dedupeKey), SQLBind(now))
            .ignoringConflicts(with: ["dedupe_key"])
            .returning("user_id").all()
        guard let row = inserted.first else { return }
        try await sql.insert(into: OutboxMessageModel.schema)
            .columns("id", "notification_id", "organisation_id", "user_id", "created_at")
            .values(SQLBind(UUID()), SQLBind(id), SQLBind(organisation), SQLBind(try row.decode(column: "user_id", as: UUID?.self)),
                    SQLBind(now))
            .run()
    }

    /// Referrals of `organisation` past their first-contact deadline get an "overdue" entry, once.
    static func raiseOverdue(for organisation: UUID, today: CalendarDate, at now: Date, on database: any Database) async throws {
        let overdue = try await ReferralModel.query(on: database)
            .group(.or) { $0.filter(\.$from.$id == organisation).filter(\.$to.$id == organisation) }
            .overdue(on: today).all()
        for referral in overdue {
            try await notify(.referralOverdue, about: try referral.requireID(), organisation: organisation,
                             dedupeKey: "overdue:\(try referral.requireID()):\(organisation)", at: now, on: database)
        }
    }
}
