import Fluent

struct CreateAgreements: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("agreements")
            .id()
            .field("title", .string, .required)
            .field("kind", .string, .required)
            .field("region_id", .string, .references("regions", "id"))
            .field("valid_from", .string, .required)
            .field("valid_until", .string)
            .field("created_at", .datetime)
            .create()
        try await database.schema("agreement_parties")
            .id()
            .field("agreement_id", .uuid, .required, .references("agreements", "id", onDelete: .cascade))
            .field("organisation_id", .uuid, .required, .references("organisations", "id"))
            .field("tasks", .string, .required)
            .unique(on: "agreement_id", "organisation_id")
            .create()
        try await database.schema("agreement_routes")
            .id()
            .field("agreement_id", .uuid, .required, .references("agreements", "id", onDelete: .cascade))
            .field("from_organisation_id", .uuid, .required, .references("organisations", "id"))
            .field("to_organisation_id", .uuid, .required, .references("organisations", "id"))
            .field("categories", .string, .required)
            .unique(on: "agreement_id", "from_organisation_id", "to_organisation_id")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("agreement_routes").delete()
        try await database.schema("agreement_parties").delete()
        try await database.schema("agreements").delete()
    }
}
