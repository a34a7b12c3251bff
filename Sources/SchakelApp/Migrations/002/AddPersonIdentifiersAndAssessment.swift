import Fluent
import SQLKit

/// Encrypted direct identifiers and the assessment on persons.
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
            try await database.schema("persons").field(.definition(name: .key(.init(stringLiteral: name)), dataType: type,
                                                                                constraints: constraints)).update()
        }
        try await (database as! any SQLDatabase).create(index: "persons_name_index_idx")
            .on("persons").column("name_index").run()
    }

    func revert(on database: any Database) async throws {
        try await (database as! any SQLDatabase).drop(index: "persons_name_index_idx").run()
        for (name, _, _) in Self.columns.reversed() {
            try await database.schema("persons").deleteField(.init(stringLiteral: name)).update()
        }
    }
}
