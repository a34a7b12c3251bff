import Fluent
import Foundation
import SQLKit

/// The audit log's rows: the head (the last sequence number and hash) and the entries after it. The chain's rules
/// (what is hashed, batching, verifying) are `AuditLog`'s and `AuditChain`'s; here only where the rows live.
enum AuditStore {
    enum Problem: Error, CustomStringConvertible {
        case missingHead
        var description: String { "the audit log has no head row" }
    }

    /// The head, locked until the transaction ends (PostgreSQL: a row lock; SQLite: the write lock), so every writer
    /// waits for the one before it and a sequence number is never taken twice. Call inside a transaction.
    static func lockHead(on database: any Database) async throws -> (sequence: Int64, hash: String) {
        guard let row = try await (database as! any SQLDatabase)
            .raw("UPDATE audit_head SET sequence = sequence WHERE id = 1 RETURNING sequence, hash").first()
        else { throw Problem.missingHead }
        return (try row.decode(column: "sequence", as: Int64.self), try row.decode(column: "hash", as: String.self))
    }

    /// The head as it stands, without a lock.
    static func head(on database: any Database) async throws -> (sequence: Int64, hash: String) {
        guard let head = try await AuditHeadModel.find(1, on: database) else { throw Problem.missingHead }
        return (head.sequence, head.hash)
    }

    /// The columns of one entry, in the order `append` takes them.
    static let columns = ["id", "at", "user_id", "organisation_id", "person_id", "action", "categories", "purpose", "outcome",
                          "previous_hash", "hash", "key_id"]

    /// Entries after the locked head (the database moves the head along with each one).
    static func append(_ rows: [[any Encodable & Sendable]], on database: any Database) async throws {
        try await BulkInsert.rows(into: AuditEntryModel.schema, columns: columns, rows: rows, on: database as! any SQLDatabase)
    }

    /// Up to `limit` entries from sequence number `first` on, in order.
    static func entries(from first: Int64, limit: Int, on database: any Database) async throws -> [AuditEntryModel] {
        try await AuditEntryModel.query(on: database).filter(\.$id >= first).sort(\.$id).limit(limit).all()
    }

    /// The entries about one person (their access log), to be sorted and paged by the reader.
    static func about(_ person: UUID, on database: any Database) -> QueryBuilder<AuditEntryModel> {
        AuditEntryModel.query(on: database).filter(\.$personID == person)
    }
}
