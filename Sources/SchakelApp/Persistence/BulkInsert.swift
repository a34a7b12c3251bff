import Fluent
import Foundation
import SchakelCore
import SQLKit

/// Many rows into one table in as few statements as the engines allow: the demo world, the figures' facts, the
/// audit log's batches.
enum BulkInsert {
    /// Splits rows so no statement binds more than 30 000 values (SQLite allows 32 766, PostgreSQL 65 535).
    static func rows(into table: String, columns: [String], rows: [[any Encodable & Sendable]], on sql: any SQLDatabase) async throws {
        guard !rows.isEmpty else { return }
        let perStatement = max(1, 30_000 / columns.count)
        var start = 0
        while start < rows.count {
            let end = min(rows.count, start + perStatement)
            var builder = sql.insert(into: table).columns(columns)
            for row in rows[start..<end] { builder = builder.values(row) }
            try await builder.run()
            start = end
        }
    }
}
