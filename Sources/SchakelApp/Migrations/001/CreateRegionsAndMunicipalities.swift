import Fluent

struct CreateRegionsAndMunicipalities: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("regions")
            .field("id", .string, .identifier(auto: false))
            .field("name_nl", .string, .required)
            .field("name_en", .string, .required)
            .field("kind", .string, .required)
            .create()
        try await database.schema("municipalities")
            .field("id", .string, .identifier(auto: false))
            .field("name_nl", .string, .required)
            .field("name_fr", .string)
            .field("region_id", .string, .required, .references("regions", "id"))
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("municipalities").delete()
        try await database.schema("regions").delete()
    }
}
