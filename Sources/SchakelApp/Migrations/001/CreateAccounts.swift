import Fluent
import SQLKit

struct CreateAccounts: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("users")
            .id()
            .field("email", .string, .required)
            .field("display_name", .string, .required)
            .field("organisation_id", .uuid, .required, .references("organisations", "id"))
            .field("role", .string, .required)
            .field("password_hash", .string, .required)
            .field("language", .string, .required)
            .field("created_at", .datetime)
            .unique(on: "email")
            .create()
        try await database.schema("user_tokens")
            .id()
            .field("user_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
            .field("token_hash", .string, .required)
            .field("expires_at", .datetime, .required)
            .field("created_at", .datetime)
            .unique(on: "token_hash")
            .create()
        try await database.schema("sign_in_throttles")
            .field("id", .string, .identifier(auto: false))
            .field("failures", .int, .required)
            .field("last_failure_at", .datetime)
            .field("locked_until", .datetime)
            .create()
        try await (database as! any SQLDatabase).create(index: "users_organisation_idx")
            .on("users").column("organisation_id").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("sign_in_throttles").delete()
        try await database.schema("user_tokens").delete()
        try await database.schema("users").delete()
    }
}
