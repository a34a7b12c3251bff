import Fluent
import SQLKit

struct CreateAuditLog: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("audit_entries")
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
            .on("audit_entries").column("person_id").run()
        // The head of the chain, kept apart: appends lock this row, and verification compares the
        // last entry with it, so removing entries from the end is found too.
        try await database.schema("audit_head")
            .field("id", .int, .identifier(auto: false))
            .field("sequence", .int64, .required)
            .field("hash", .string, .required)
            .create()
        // The chain's genesis hash (64 zeros), frozen here as it was when this migration shipped.
        try await (database as! any SQLDatabase).insert(into: "audit_head").columns("id", "sequence", "hash")
            .values(SQLBind(1), SQLBind(Int64(0)), SQLBind(String(repeating: "0", count: 64))).run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("audit_head").delete()
        try await database.schema("audit_entries").delete()
    }
}
