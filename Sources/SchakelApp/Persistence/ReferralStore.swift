import Fluent
import Foundation
import SchakelCore
import SQLKit

/// Referrals in the database: the writes of a step (claim the state, append the event, claim a seat, transfer the
/// dossier) and the bulk insert of whole referrals with their history (the demo world). Each write is one statement
/// meant to run inside the step's transaction; whether it happens is the domain's (`ReferralStateMachine.effects`).
enum ReferralStore {
    /// What sending adds to the referral row: the sealed snapshot, its categories and the deadline.
    struct Sending: Sendable {
        var sealed: (ciphertext: Data, keyID: String)
        var categories: Set<DataCategory>
        var sentOn: CalendarDate
        var dueOn: CalendarDate
    }

    /// Moves the referral to `next` only if it is still in `from`: of two concurrent steps from one state, only one
    /// claims it. False when another step came first (nothing was written).
    static func claimState(_ referral: UUID, from: ReferralState, to next: ReferralState, at now: Date, sending: Sending? = nil,
                           outcome: ReferralOutcome? = nil, on db: any Database) async throws -> Bool {
        let sql = db as! any SQLDatabase
        var update = sql.update(ReferralModel.schema).set("state", to: next.rawValue).set("updated_at", to: now)
        if let sending {
            update = update.set("snapshot", to: sending.sealed.ciphertext).set("snapshot_key_id", to: sending.sealed.keyID)
                .set("snapshot_categories", to: JSONList.encode(sending.categories.sorted { $0.rawValue < $1.rawValue }))
                .set("sent_on", to: sending.sentOn.iso).set("due_on", to: sending.dueOn.iso)
        }
        if let outcome { update = update.set("outcome", to: outcome.rawValue) }
        let claimed = try await update.where("id", .equal, referral).where("state", .equal, from.rawValue).returning("id").all()
        return !claimed.isEmpty
    }

    /// One step in the referral's history, numbered after the last. Call after `claimState` in the same transaction:
    /// the claim serialises steps on one referral, so the count is safe.
    @discardableResult
    static func appendEvent(to referral: UUID, action: ReferralAction, from: ReferralState, to next: ReferralState, at now: Date,
                            user: UUID, organisation: UUID, reason: RefusalReason?, text: String?, outcome: ReferralOutcome?,
                            on db: any Database) async throws -> Int {
        let position = try await ReferralEventModel.query(on: db).filter(\.$referral.$id == referral).count() + 1
        let event = ReferralEventModel()
        event.$referral.id = referral
        event.position = position
        event.action = action
        event.fromState = from
        event.toState = next
        event.at = now
        event.$user.id = user
        event.$organisation.id = organisation
        event.reasonCode = reason
        event.text = text
        event.outcome = outcome
        try await event.create(on: db)
        return position
    }

    /// Takes one seat of the offer, or none when none is left: two starts never take the last seat twice.
    static func claimSeat(of offer: UUID, at now: Date, on db: any Database) async throws -> Bool {
        let seat = try await (db as! any SQLDatabase).update(OfferModel.schema)
            .set(SQLIdentifier("seats_taken"), to: SQLRaw("seats_taken + 1")).set("updated_at", to: now)
            .where("id", .equal, offer).where(SQLIdentifier("seats_taken"), .lessThan, SQLIdentifier("seats"))
            .returning("id").all()
        return !seat.isEmpty
    }

    /// A warm hand-over accepted: the receiver owns the dossier from now on.
    static func transferOwnership(of person: UUID, to organisation: UUID, at now: Date, on db: any Database) async throws {
        try await (db as! any SQLDatabase).update(PersonModel.schema).set("owner_organisation_id", to: organisation)
            .set("updated_at", to: now).where("id", .equal, person).run()
    }

    // MARK: Bulk (the demo world)

    /// The columns of one row of `referrals`, in the order `insert` takes them.
    static let columns = ["id", "person_id", "from_organisation_id", "from_user_id", "to_organisation_id", "purpose", "reason",
                          "urgency", "desired_start", "transfers_ownership", "state", "response_days", "sent_on", "due_on", "outcome",
                          "snapshot", "snapshot_key_id", "snapshot_categories", "offer_id", "created_at", "updated_at"]

    /// The columns of one row of `referral_events`, in the order `insert` takes them.
    static let eventColumns = ["id", "referral_id", "position", "action", "from_state", "to_state", "at", "user_id",
                               "organisation_id", "reason_code", "text", "outcome"]

    /// Whole referrals and their events, rows in the order of `columns` and `eventColumns`.
    static func insert(referrals: [[any Encodable & Sendable]], events: [[any Encodable & Sendable]], on sql: any SQLDatabase) async throws {
        try await BulkInsert.rows(into: ReferralModel.schema, columns: columns, rows: referrals, on: sql)
        try await BulkInsert.rows(into: ReferralEventModel.schema, columns: eventColumns, rows: events, on: sql)
    }
}
