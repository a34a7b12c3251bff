import Fluent
import SchakelCore

struct CreateRegionsAndMunicipalities: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(RegionModel.schema)
            .field("id", .string, .identifier(auto: false))
            .field("name_nl", .string, .required)
            .field("name_en", .string, .required)
            .field("kind", .string, .required)
            .create()
        try await database.schema(MunicipalityModel.schema)
            .field("id", .string, .identifier(auto: false))
            .field("name_nl", .string, .required)
            .field("name_fr", .string)
            .field("region_id", .string, .required, .references(RegionModel.schema, "id"))
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(MunicipalityModel.schema).delete()
        try await database.schema(RegionModel.schema).delete()
    }
}

/// The six regions and the municipalities the source cases use (docs/domain.md#the-source-cases); the full list
/// is imported by command.
struct SeedRegionsAndMunicipalities: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.transaction { transaction in
            for region in ReferenceRegions.all { try await RegionModel(region).create(on: transaction) }
            for municipality in ReferenceRegions.municipalities {
                try await MunicipalityModel(municipality).create(on: transaction)
            }
        }
    }

    func revert(on database: any Database) async throws {
        try await MunicipalityModel.query(on: database).delete()
        try await RegionModel.query(on: database).delete()
    }
}
