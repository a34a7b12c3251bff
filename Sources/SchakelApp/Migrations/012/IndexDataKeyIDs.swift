import Fluent
import SQLKit

/// The key ids in use are read at every start (`DataKeys.verify`): with these indexes that is a few
/// index probes per key instead of a scan of every dossier and snapshot. `keys rotate` finds the rows
/// still under an old key the same way.
struct IndexDataKeyIDs: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.create(index: "persons_identifiers_key_id_idx").on("persons").column("identifiers_key_id").run()
        try await sql.create(index: "referrals_snapshot_key_id_idx").on("referrals").column("snapshot_key_id").run()
    }

    func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.drop(index: "referrals_snapshot_key_id_idx").run()
        try await sql.drop(index: "persons_identifiers_key_id_idx").run()
    }
}
