import Fluent
import SQLKit
import Vapor

/// Browser sessions with a server-side end: one row per signed-in browser, found by the SHA-256 of the cookie's
/// value (a copy of the database signs no one in), with the account it belongs to (so a password change ends all
/// of them) and when it began and was last used (idle and absolute expiry). Replaces Vapor's `_fluent_sessions`,
/// which kept a row for every anonymous visit and never expired one.
struct CreateExpiringSessions: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("web_sessions")
            .field("id", .string, .identifier(auto: false))
            .field("user_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
            .field("data", .string, .required)
            .field("created_at", .datetime, .required)
            .field("last_seen_at", .datetime, .required)
            .create()
        try await (database as! any SQLDatabase).create(index: "web_sessions_user_idx")
            .on("web_sessions").column("user_id").run()
        try await database.schema("_fluent_sessions").delete()
    }

    func revert(on database: any Database) async throws {
        try await SessionRecord.migration.prepare(on: database).get()
        try await database.schema("web_sessions").delete()
    }
}
