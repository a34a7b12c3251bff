import Fluent

struct CreateOrganisations: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(OrganisationModel.schema)
            .id()
            .field("slug", .string, .required)
            .field("name", .string, .required)
            .field("kind", .string, .required)
            .field("region_id", .string, .required, .references(RegionModel.schema, "id"))
            .field("municipality_id", .string, .references(MunicipalityModel.schema, "id"))
            .field("created_at", .datetime)
            .unique(on: "slug")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(OrganisationModel.schema).delete()
    }
}

struct CreateAgreements: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(AgreementModel.schema)
            .id()
            .field("title", .string, .required)
            .field("kind", .string, .required)
            .field("region_id", .string, .references(RegionModel.schema, "id"))
            .field("valid_from", .string, .required)
            .field("valid_until", .string)
            .field("created_at", .datetime)
            .create()
        try await database.schema(AgreementPartyModel.schema)
            .id()
            .field("agreement_id", .uuid, .required, .references(AgreementModel.schema, "id", onDelete: .cascade))
            .field("organisation_id", .uuid, .required, .references(OrganisationModel.schema, "id"))
            .field("tasks", .string, .required)
            .unique(on: "agreement_id", "organisation_id")
            .create()
        try await database.schema(AgreementRouteModel.schema)
            .id()
            .field("agreement_id", .uuid, .required, .references(AgreementModel.schema, "id", onDelete: .cascade))
            .field("from_organisation_id", .uuid, .required, .references(OrganisationModel.schema, "id"))
            .field("to_organisation_id", .uuid, .required, .references(OrganisationModel.schema, "id"))
            .field("categories", .string, .required)
            .unique(on: "agreement_id", "from_organisation_id", "to_organisation_id")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(AgreementRouteModel.schema).delete()
        try await database.schema(AgreementPartyModel.schema).delete()
        try await database.schema(AgreementModel.schema).delete()
    }
}
