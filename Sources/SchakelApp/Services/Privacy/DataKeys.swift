import Fluent
import Foundation
import SQLKit
import Vapor

/// At start of every command that reads identifiers (`serve`, `demo`, `keys rotate`): the loaded keys
/// must open the data this database holds. Without this check a wrong key file (a new one generated in
/// another directory, a key left out) starts a server that answers 500 to every list.
enum DataKeys {
    enum Problem: Error, CustomStringConvertible, Equatable {
        /// Rows name these key ids and the loaded keys do not hold them.
        case missing([String])
        /// A key with this id is loaded but does not open the rows that name it: another key under the same id.
        case wrong([String])
        /// The keys open the rows, but the first key (from which the name search's blind index derives) is
        /// not the one the database's name index was made with.
        case wrongFirstKey(String)
        /// A demo would make a new key, but the database already holds persons encrypted with another.
        case noKeyForExistingData(keyFile: String)

        var description: String {
            switch self {
            case let .missing(ids):
                return "the data keys do not open this database: rows are encrypted with key id(s) \(ids.joined(separator: ", ")), "
                    + "which the loaded keys do not hold. Point SCHAKEL_DATA_KEY_FILE (or SCHAKEL_DATA_KEY) at the keys this database was written with."
            case let .wrong(ids):
                return "the data keys do not open this database: the loaded key(s) \(ids.joined(separator: ", ")) do not decrypt the rows "
                    + "that name them (a different key under the same id: was a new key file generated?). "
                    + "Point SCHAKEL_DATA_KEY_FILE (or SCHAKEL_DATA_KEY) at the keys this database was written with."
            case let .wrongFirstKey(id):
                return "the data keys do not fit this database: the first key (\(id)), from which the name search's index derives, "
                    + "is not the one this database was written with, so no name would be found. Keep the key file's lines in their "
                    + "order and the first key as it was."
            case let .noKeyForExistingData(keyFile):
                return "no data key found (\(keyFile) does not exist, SCHAKEL_DATA_KEY is not set) and the database already holds persons: "
                    + "no new key is made for them. Point SCHAKEL_DATA_KEY_FILE (or SCHAKEL_DATA_KEY) at the keys this database was written with."
            }
        }
    }

    /// The sealed columns and the column naming their key.
    static let sealedColumns: [(table: String, data: String, keyID: String)] = [
        ("persons", "identifiers", "identifiers_key_id"),
        ("referrals", "snapshot", "snapshot_key_id"),
        ("correction_requests", "text", "text_key_id"),
    ]

    /// Loads the keys, or for a demo (`mayCreate`) on a database without persons makes a key file; then
    /// checks that they open the data. Call after migrating.
    static func prepare(_ app: Application, mayCreate: Bool) async throws {
        try await prepare(app, mayCreate: mayCreate, keyFile: app.schakel.keyFile, environmentKey: Environment.get("SCHAKEL_DATA_KEY"))
    }

    static func prepare(_ app: Application, mayCreate: Bool, keyFile: String, environmentKey: String?) async throws {
        if app.storage[DataKeyringKey.self] == nil {
            do {
                app.storage[DataKeyringKey.self] = try DataKeyring.load(environmentKey: environmentKey, keyFile: keyFile, createIfMissing: false).0
            } catch DataKeyring.Problem.noKey where mayCreate {
                guard try await !holdsPersons(on: app.db) else { throw Problem.noKeyForExistingData(keyFile: keyFile) }
                app.storage[DataKeyringKey.self] = try DataKeyring.load(environmentKey: environmentKey, keyFile: keyFile, createIfMissing: true).0
                app.logger.notice("No data key was configured: generated \(keyFile) for this demo database. Keep it with the database; set SCHAKEL_DATA_KEY or SCHAKEL_DATA_KEY_FILE in production.")
            }
        }
        try await verify(try app.keyring, on: app.db)
    }

    /// Every key id in use must be loaded, each must open one row that names it, and the first key must
    /// give the name index the dossiers were stored with.
    static func verify(_ keyring: DataKeyring, on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        var missing: Set<String> = [], wrong: Set<String> = []
        for column in sealedColumns {
            for id in try await keyIDs(column.table, column.keyID, on: sql) {
                guard (try? keyring.key(id: id)) != nil else {
                    missing.insert(id)
                    continue
                }
                let row = try await sql.raw("""
                    SELECT \(ident: column.data) AS sealed FROM \(ident: column.table)
                    WHERE \(ident: column.keyID) = \(bind: id) AND \(ident: column.data) IS NOT NULL LIMIT 1
                    """).first()
                guard let sealed = try row?.decode(column: "sealed", as: Data.self) else { continue }
                if (try? keyring.open(sealed, keyID: id)) == nil { wrong.insert(id) }
            }
        }
        if !missing.isEmpty { throw Problem.missing(missing.sorted()) }
        if !wrong.isEmpty { throw Problem.wrong(wrong.sorted()) }
        // The name search: one dossier's name must give its stored index.
        let row = try await sql.raw("""
            SELECT identifiers, identifiers_key_id, name_index FROM persons
            WHERE name_index IS NOT NULL AND identifiers IS NOT NULL LIMIT 1
            """).first()
        if let row, let keyID = try row.decode(column: "identifiers_key_id", as: String?.self) {
            let identifiers = try keyring.openIdentifiers(try row.decode(column: "identifiers", as: Data.self), keyID: keyID)
            if keyring.blindIndex(identifiers.fullName) != (try row.decode(column: "name_index", as: String.self)) {
                throw Problem.wrongFirstKey(keyring.keys[0].id)
            }
        }
    }

    /// The distinct key ids of a column, by walking its index from one id to the next (a loose index
    /// scan: a few probes per key, whatever the number of rows).
    static func keyIDs(_ table: String, _ column: String, on sql: any SQLDatabase) async throws -> [String] {
        try await sql.raw("""
            WITH RECURSIVE ids(id) AS (
                SELECT MIN(\(ident: column)) FROM \(ident: table)
                UNION ALL
                SELECT (SELECT MIN(\(ident: column)) FROM \(ident: table) WHERE \(ident: column) > ids.id) FROM ids WHERE ids.id IS NOT NULL
            )
            SELECT id FROM ids WHERE id IS NOT NULL
            """).all().map { try $0.decode(column: "id", as: String.self) }
    }

    static func holdsPersons(on database: any Database) async throws -> Bool {
        try await (database as! any SQLDatabase).raw("SELECT 1 AS one FROM persons LIMIT 1").first() != nil
    }
}
