import Foundation

extension ProtectedTable {
    /// Counts of organisations and agreements: public facts about the chain, not about persons, so
    /// they are published whole. Never use this for a count of persons.
    public static func organisationCounts(_ table: CountTable) -> ProtectedTable {
        let rowTotals = table.values.map { $0.reduce(0, +) }
        let columnTotals = table.columns.indices.map { column in table.values.reduce(0) { $0 + $1[column] } }
        return ProtectedTable(rows: table.rows, columns: table.columns, cells: table.values.map { $0.map(Shown.value) },
                              rowTotals: rowTotals.map(Shown.value), columnTotals: columnTotals.map(Shown.value),
                              total: .value(rowTotals.reduce(0, +)))
    }
}
