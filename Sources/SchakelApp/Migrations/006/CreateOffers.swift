import Fluent
import SQLKit

/// The offer catalogue: trainings, Dutch courses, civic orientation, vacancies and places.
struct CreateOffers: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("offers")
            .id()
            .field("provider_organisation_id", .uuid, .required, .references("organisations", "id"))
            .field("kind", .string, .required)
            .field("title", .string, .required)
            .field("sector", .string, .required)
            .field("occupation", .string)
            .field("competences", .string, .required)
            .field("region_id", .string, .required)
            .field("municipality_id", .string, .required, .references("municipalities", "id"))
            .field("schedules", .string, .required)
            .field("starts_on", .string, .required)
            .field("ends_on", .string)
            .field("seats", .int, .required)
            .field("seats_taken", .int, .required)
            .field("funding", .string, .required)
            .field("instruction_language", .string, .required)
            // Admission requirements as JSON: read whole by the eligibility rule, never queried by field.
            .field("admission", .string, .required)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .create()
        let sql = database as! any SQLDatabase
        try await sql.create(index: "offers_kind_idx").on("offers").column("kind").column("starts_on").run()
        try await sql.create(index: "offers_region_idx").on("offers").column("region_id").run()
        try await sql.create(index: "offers_provider_idx").on("offers").column("provider_organisation_id").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("offers").delete()
    }
}
