import Fluent
import SQLKit

struct CreateConsents: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("consents")
            .id()
            .field("person_id", .uuid, .required, .references("persons", "id", onDelete: .cascade))
            .field("recipient_organisation_id", .uuid, .required, .references("organisations", "id"))
            .field("purpose", .string, .required)
            .field("categories", .string, .required)
            .field("method", .string, .required)
            .field("witness", .string)
            .field("given_at", .datetime, .required)
            .field("expires_at", .datetime)
            .field("recorded_by_user_id", .uuid, .required, .references("users", "id"))
            .field("text", .string, .required)
            .field("text_language", .string, .required)
            .field("withdrawn_at", .datetime)
            .field("withdrawn_by_user_id", .uuid, .references("users", "id"))
            .create()
        try await (database as! any SQLDatabase).create(index: "consents_person_idx").on("consents").column("person_id").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("consents").delete()
    }
}
