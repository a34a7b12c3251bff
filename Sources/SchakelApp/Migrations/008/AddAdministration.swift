import Fluent

/// Administrators record and end agreements from the application: who recorded an agreement, who ended
/// it and when, and who opened each route; and they close accounts of people who left. Plain columns without a foreign key: SQLite cannot drop a column
/// that is part of one, and accounts are never deleted.
struct AddAdministration: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("agreements")
            .field("created_by_user_id", .uuid)
            .update()
        try await database.schema("agreements")
            .field("ended_by_user_id", .uuid)
            .update()
        try await database.schema("agreements").field("ended_at", .datetime).update()
        try await database.schema("agreement_routes")
            .field("added_by_user_id", .uuid)
            .update()
        try await database.schema("users").field("closed_at", .datetime).update()
        try await database.schema("users").field("closed_by_user_id", .uuid).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("users").deleteField("closed_by_user_id").update()
        try await database.schema("users").deleteField("closed_at").update()
        try await database.schema("agreement_routes").deleteField("added_by_user_id").update()
        try await database.schema("agreements").deleteField("ended_at").update()
        try await database.schema("agreements").deleteField("ended_by_user_id").update()
        try await database.schema("agreements").deleteField("created_by_user_id").update()
    }
}
