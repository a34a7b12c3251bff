import Fluent
import SchakelCore
import SQLKit

/// Encrypted direct identifiers and the assessment on persons; consents; the hash-chained audit log.
struct AddPersonIdentifiersAndAssessment: AsyncMigration {
    /// Optional columns: dossiers written before this migration have no identifiers.
    static let columns: [(String, DatabaseSchema.DataType, [DatabaseSchema.FieldConstraint])] = [
        ("identifiers", .data, []), ("identifiers_key_id", .string, []), ("name_index", .string, []),
        ("labour_market_distance", .string, []), ("resilience", .string, []),
        ("version", .int, [.required, .sql(.default(1))]), ("erased_at", .datetime, []), ("erasure_reason", .string, []),
        ("erased_by_user_id", .uuid, []), ("last_activity_at", .datetime, []), ("retention_flagged_at", .datetime, []),
    ]

    func prepare(on database: any Database) async throws {
        // One column per statement: SQLite adds a single column per ALTER TABLE.
        for (name, type, constraints) in Self.columns {
            try await database.schema(PersonModel.schema).field(.definition(name: .key(.init(stringLiteral: name)), dataType: type,
                                                                                constraints: constraints)).update()
        }
        try await (database as! any SQLDatabase).create(index: "persons_name_index_idx")
            .on(PersonModel.schema).column("name_index").run()
    }

    func revert(on database: any Database) async throws {
        try await (database as! any SQLDatabase).drop(index: "persons_name_index_idx").run()
        for (name, _, _) in Self.columns.reversed() {
            try await database.schema(PersonModel.schema).deleteField(.init(stringLiteral: name)).update()
        }
    }
}

struct CreateConsents: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(ConsentModel.schema)
            .id()
            .field("person_id", .uuid, .required, .references(PersonModel.schema, "id", onDelete: .cascade))
            .field("recipient_organisation_id", .uuid, .required, .references(OrganisationModel.schema, "id"))
            .field("purpose", .string, .required)
            .field("categories", .string, .required)
            .field("method", .string, .required)
            .field("witness", .string)
            .field("given_at", .datetime, .required)
            .field("expires_at", .datetime)
            .field("recorded_by_user_id", .uuid, .required, .references(UserModel.schema, "id"))
            .field("text", .string, .required)
            .field("text_language", .string, .required)
            .field("withdrawn_at", .datetime)
            .field("withdrawn_by_user_id", .uuid, .references(UserModel.schema, "id"))
            .create()
        try await (database as! any SQLDatabase).create(index: "consents_person_idx").on(ConsentModel.schema).column("person_id").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ConsentModel.schema).delete()
    }
}

struct CreateAuditLog: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(AuditEntryModel.schema)
            .field("id", .int64, .identifier(auto: false))
            .field("at", .datetime, .required)
            .field("user_id", .uuid)
            .field("organisation_id", .uuid)
            .field("person_id", .uuid)
            .field("action", .string, .required)
            .field("categories", .string, .required)
            .field("purpose", .string)
            .field("outcome", .string, .required)
            .field("previous_hash", .string, .required)
            .field("hash", .string, .required)
            .create()
        try await (database as! any SQLDatabase).create(index: "audit_entries_person_idx")
            .on(AuditEntryModel.schema).column("person_id").run()
        // The head of the chain, kept apart: appends lock this row, and verification compares the
        // last entry with it, so removing entries from the end is found too.
        try await database.schema(AuditHeadModel.schema)
            .field("id", .int, .identifier(auto: false))
            .field("sequence", .int64, .required)
            .field("hash", .string, .required)
            .create()
        let head = AuditHeadModel()
        head.id = 1
        head.sequence = 0
        head.hash = AuditChain.genesis
        try await head.create(on: database)
    }

    func revert(on database: any Database) async throws {
        try await database.schema(AuditHeadModel.schema).delete()
        try await database.schema(AuditEntryModel.schema).delete()
    }
}
