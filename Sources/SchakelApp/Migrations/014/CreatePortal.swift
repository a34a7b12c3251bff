import Fluent
import SQLKit

/// "Mijn Schakel", the person's own portal: one client account per person (created by an invitation), its browser
/// sessions, the corrections a person asks for, and who withdrew a consent when the person did it themselves.
struct CreatePortal: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("portal_accounts")
            .id()
            .field("person_id", .uuid, .required, .references("persons", "id"))
            // Ten digits, printed on the letter; what the person signs in with. Not personal data: random.
            .field("account_number", .string, .required)
            // The language of the letter and of the portal until the person picks another.
            .field("language", .string, .required)
            .field("passphrase_hash", .string)
            // SHA-256 of the one-time code; cleared when used or replaced. The code itself is never stored.
            .field("code_hash", .string)
            .field("code_expires_at", .datetime)
            .field("invited_at", .datetime, .required)
            .field("invited_by_user_id", .uuid, .required, .references("users", "id"))
            .field("activated_at", .datetime)
            .field("last_used_at", .datetime)
            .field("revoked_at", .datetime)
            .field("revoked_by_user_id", .uuid, .references("users", "id"))
            .unique(on: "person_id")
            .unique(on: "account_number")
            .create()
        try await database.schema("portal_sessions")
            // SHA-256 of the cookie's value.
            .field("id", .string, .identifier(auto: false))
            .field("account_id", .uuid, .required, .references("portal_accounts", "id", onDelete: .cascade))
            .field("csrf", .string, .required)
            .field("created_at", .datetime, .required)
            .field("last_seen_at", .datetime, .required)
            .create()
        try await (database as! any SQLDatabase).create(index: "portal_sessions_account_idx")
            .on("portal_sessions").column("account_id").run()
        try await database.schema("correction_requests")
            .id()
            .field("person_id", .uuid, .required, .references("persons", "id"))
            // The owning organisation when it was asked: its inbox gets it.
            .field("organisation_id", .uuid, .required, .references("organisations", "id"))
            // The person's own words, sealed with the data keys like the identifiers.
            .field("text", .data, .required)
            .field("text_key_id", .string, .required)
            .field("created_at", .datetime, .required)
            .field("handled_at", .datetime)
            .field("handled_by_user_id", .uuid, .references("users", "id"))
            .create()
        try await (database as! any SQLDatabase).create(index: "correction_requests_person_idx")
            .on("correction_requests").column("person_id").run()
        try await (database as! any SQLDatabase).create(index: "correction_requests_text_key_id_idx")
            .on("correction_requests").column("text_key_id").run()
        try await database.schema("consents")
            .field("withdrawn_by_portal_account_id", .uuid, .references("portal_accounts", "id")).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("consents").deleteField("withdrawn_by_portal_account_id").update()
        try await database.schema("correction_requests").delete()
        try await database.schema("portal_sessions").delete()
        try await database.schema("portal_accounts").delete()
    }
}
