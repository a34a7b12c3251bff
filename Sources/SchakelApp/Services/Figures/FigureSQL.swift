import Foundation
import SchakelCore
import SQLKit

/// The grouped counts behind the indicators, straight from the read model. Every query groups by a
/// month column as well as its keys, so the period's months come back separately: the disclosure
/// check needs them, and the period total is their sum.
struct FigureSQL {
    enum Table {
        case persons, referrals

        var name: String { self == .persons ? FigureFacts.personTable : FigureFacts.referralTable }
    }

    enum KeyType { case uuid, string, int }

    struct Key {
        let expression: String
        let type: KeyType
    }

    struct Row {
        var keys: [String]
        var month: Int
        var values: [Int]
    }

    let sql: any SQLDatabase

    /// Set by the indicator benchmark to collect every statement, so DuckDB can run the same ones.
    @TaskLocal static var recorder: Recorder?

    final class Recorder: @unchecked Sendable {
        private let lock = NSLock()
        private(set) var statements: [(sql: String, binds: [any Encodable & Sendable])] = []

        func record(sql: String, binds: [any Encodable & Sendable]) { lock.withLock { statements.append((sql, binds)) } }
    }

    /// `keys` and `measures` are SQL expressions written in this code base, never from a request;
    /// everything from a request is bound.
    func grouped(_ table: Table, keys: [Key], month: String, measures: [String], filter: FigureFilter,
                 where extra: SQLQueryString? = nil) async throws -> [Row] {
        let keyList = keys.enumerated().map { "\($0.element.expression) AS k\($0.offset)" }
        let measureList = measures.enumerated().map { "\($0.element) AS m\($0.offset)" }
        let select = (keyList + ["\(month) AS month"] + measureList).joined(separator: ", ")
        // The month first, then the keys: the order of the covering indexes, so groups stream in order.
        let groups = ([month] + keys.map(\.expression)).joined(separator: ", ")
        var query: SQLQueryString = "SELECT \(unsafeRaw: select) FROM \(unsafeRaw: table.name) WHERE "
        query += conditions(table, month: month, filter: filter)
        if let extra { query += " AND (" + extra + ")" }
        query += " GROUP BY \(unsafeRaw: groups)"
        if let recorder = FigureSQL.recorder {
            var serializer = SQLSerializer(database: sql)
            query.serialize(to: &serializer)
            recorder.record(sql: serializer.sql, binds: serializer.binds)
        }
        let rows = try await sql.raw(query).all()
        return try rows.map { row in
            Row(keys: try keys.enumerated().map { index, key in
                    switch key.type {
                    case .uuid: try row.decode(column: "k\(index)", as: UUID?.self)?.uuidString ?? ""
                    case .string: try row.decode(column: "k\(index)", as: String?.self) ?? ""
                    case .int: try row.decode(column: "k\(index)", as: Int?.self).map(String.init) ?? ""
                    }
                },
                month: try row.decode(column: "month", as: Int?.self) ?? 0,
                values: try measures.indices.map { try row.decode(column: "m\($0)", as: Int?.self) ?? 0 })
        }
    }

    /// The period on `month` and every filter, as columns of the table at hand.
    func conditions(_ table: Table, month: String, filter: FigureFilter) -> SQLQueryString {
        var parts: [SQLQueryString] = ["\(unsafeRaw: month) BETWEEN \(bind: filter.fromMonth) AND \(bind: filter.toMonth)"]
        if let chain = filter.chain {
            let members = chain.organisations.sorted { $0.uuidString < $1.uuidString }.map { $0 as any Encodable & Sendable }
            parts.append(table == .persons ? "owner_id IN (\(binds: members))"
                                           : "from_id IN (\(binds: members)) AND to_id IN (\(binds: members))")
        }
        if let region = filter.region { parts.append("region = \(bind: region)") }
        if let organisation = filter.organisationID {
            parts.append(table == .persons ? "owner_id = \(bind: organisation)"
                                           : "(from_id = \(bind: organisation) OR to_id = \(bind: organisation))")
        }
        if let route = filter.route {
            parts.append(table == .persons ? "first_from_id = \(bind: route.fromID) AND first_to_id = \(bind: route.toID)"
                                           : "from_id = \(bind: route.fromID) AND to_id = \(bind: route.toID)")
        }
        if let status = filter.legalStatus { parts.append("legal_status = \(bind: status.rawValue)") }
        if let cohort = filter.cohort {
            let column = cohort.kind == .rightToWork ? "rtw_month" : "first_referral_month"
            parts.append("\(unsafeRaw: column) = \(bind: cohort.month)")
        }
        return parts.joined(separator: " AND ")
    }
}
