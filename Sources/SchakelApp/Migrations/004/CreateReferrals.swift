import Fluent
import SQLKit

/// Response deadlines on agreement routes, and referrals with their history.
struct CreateReferrals: AsyncMigration {
    func prepare(on database: any Database) async throws {
        // First contact within this many working days (docs/domain.md#first-contact-deadline).
        try await database.schema("agreement_routes")
            .field("response_days", .int, .required, .sql(.default(5))).update()
        try await database.schema("referrals")
            .id()
            .field("person_id", .uuid, .required, .references("persons", "id", onDelete: .cascade))
            .field("from_organisation_id", .uuid, .required, .references("organisations", "id"))
            .field("from_user_id", .uuid, .required, .references("users", "id"))
            .field("to_organisation_id", .uuid, .required, .references("organisations", "id"))
            .field("purpose", .string, .required)
            .field("reason", .string, .required)
            .field("urgency", .string, .required)
            .field("desired_start", .string)
            .field("transfers_ownership", .bool, .required)
            .field("state", .string, .required)
            .field("response_days", .int, .required)
            .field("sent_on", .string)
            .field("due_on", .string)
            .field("outcome", .string)
            .field("snapshot", .data)
            .field("snapshot_key_id", .string)
            .field("snapshot_categories", .string)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .create()
        try await database.schema("referral_events")
            .id()
            .field("referral_id", .uuid, .required, .references("referrals", "id", onDelete: .cascade))
            .field("position", .int, .required)
            .field("action", .string, .required)
            .field("from_state", .string, .required)
            .field("to_state", .string, .required)
            .field("at", .datetime, .required)
            .field("user_id", .uuid, .required, .references("users", "id"))
            .field("organisation_id", .uuid, .required, .references("organisations", "id"))
            .field("reason_code", .string)
            .field("text", .string)
            .field("outcome", .string)
            .unique(on: "referral_id", "position")
            .create()
        let sql = database as! any SQLDatabase
        try await sql.create(index: "referrals_from_idx").on("referrals").column("from_organisation_id").run()
        try await sql.create(index: "referrals_to_idx").on("referrals").column("to_organisation_id").run()
        try await sql.create(index: "referrals_person_idx").on("referrals").column("person_id").run()
        try await sql.create(index: "referral_events_referral_idx").on("referral_events").column("referral_id").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("referral_events").delete()
        try await database.schema("referrals").delete()
        try await database.schema("agreement_routes").deleteField("response_days").update()
    }
}
