import Fluent

/// Targets a partnership steers by (docs/domain.md#case-001: the Jobteam brings 900 persons to a job or training
/// in two years).
struct CreateTargets: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("targets")
            .id()
            .field("organisation_id", .uuid, .required, .references("organisations", "id"))
            .field("title", .string, .required)
            .field("persons", .int, .required)
            .field("starts_on", .string, .required)
            .field("ends_on", .string, .required)
            .field("created_by_user_id", .uuid, .required, .references("users", "id"))
            .field("created_at", .datetime, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("targets").delete()
    }
}
