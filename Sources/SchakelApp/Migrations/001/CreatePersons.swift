import Fluent
import SQLKit

struct CreatePersons: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("persons")
            .id()
            .field("reference", .string, .required)
            .field("owner_organisation_id", .uuid, .required, .references("organisations", "id"))
            .field("birth_year", .int, .required)
            .field("country_of_origin", .string, .required)
            .field("home_municipality_id", .string, .required, .references("municipalities", "id"))
            .field("arrived_on", .string)
            .field("protection_requested_on", .string)
            .field("competences", .string, .required)
            .field("job_wishes", .string, .required)
            .field("needs_childcare", .bool, .required)
            .field("mobility", .string, .required)
            .field("has_driving_licence", .bool, .required)
            .field("needs_adapted_work", .bool, .required)
            .field("part_time_only", .bool, .required)
            .field("available_evenings", .bool, .required)
            .field("available_weekends", .bool, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "reference")
            .create()
        try await database.schema("person_legal_statuses")
            .id()
            .field("person_id", .uuid, .required, .references("persons", "id", onDelete: .cascade))
            .field("status", .string, .required)
            .field("since", .string, .required)
            .create()
        try await database.schema("person_languages")
            .id()
            .field("person_id", .uuid, .required, .references("persons", "id", onDelete: .cascade))
            .field("language", .string, .required)
            .field("level", .string, .required)
            .field("assessed_on", .string, .required)
            .field("is_mother_tongue", .bool, .required)
            .create()
        try await database.schema("person_education")
            .id()
            .field("person_id", .uuid, .required, .references("persons", "id", onDelete: .cascade))
            .field("isced_level", .int, .required)
            .field("field", .string, .required)
            .field("country", .string, .required)
            .field("recognition", .string, .required)
            .create()
        try await database.schema("person_work_experience")
            .id()
            .field("person_id", .uuid, .required, .references("persons", "id", onDelete: .cascade))
            .field("isco_code", .string, .required)
            .field("years", .int, .required)
            .field("country", .string, .required)
            .create()
        // Child rows are always read per person, and dossiers are listed per owner.
        let sql = database as! any SQLDatabase
        for (index, table, column) in [
            ("persons_owner_idx", "persons", "owner_organisation_id"),
            ("person_legal_statuses_person_idx", "person_legal_statuses", "person_id"),
            ("person_languages_person_idx", "person_languages", "person_id"),
            ("person_education_person_idx", "person_education", "person_id"),
            ("person_work_experience_person_idx", "person_work_experience", "person_id"),
        ] {
            try await sql.create(index: index).on(table).column(column).run()
        }
    }

    func revert(on database: any Database) async throws {
        try await database.schema("person_work_experience").delete()
        try await database.schema("person_education").delete()
        try await database.schema("person_languages").delete()
        try await database.schema("person_legal_statuses").delete()
        try await database.schema("persons").delete()
    }
}
