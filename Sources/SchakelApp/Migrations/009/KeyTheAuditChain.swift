import Fluent

/// The audit chain is sealed with an HMAC key from the keyring from now on; each entry records the id of the data key
/// its seal was derived from. Entries written before stay as they are (plain SHA-256) and may only stand at the
/// start of the chain: verification refuses an unkeyed entry after a keyed one.
struct KeyTheAuditChain: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("audit_entries").field("key_id", .string).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("audit_entries").deleteField("key_id").update()
    }
}
