import Foundation

/// A published count: the number, or "<5" where the number could tell something about fewer than
/// five persons. Coordinators only ever see figures of this type.
public enum Shown: Hashable, Sendable, Codable {
    case value(Int)
    case suppressed

    public static let suppressedText = "<\(Disclosure.threshold)"

    public var display: String {
        switch self {
        case .value(let count): String(count)
        case .suppressed: Self.suppressedText
        }
    }

    /// The number, when it may be shown.
    public var count: Int? {
        if case .value(let count) = self { count } else { nil }
    }

    /// JSON carries `12` or `"<5"`, the way the page shows it, so an API client cannot mistake a
    /// suppressed cell for a zero.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let text = try? container.decode(String.self) {
            guard text == Self.suppressedText else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "expected a count or \"\(Self.suppressedText)\"")
            }
            self = .suppressed
        } else {
            self = .value(try container.decode(Int.self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .value(let count): try container.encode(count)
        case .suppressed: try container.encode(Self.suppressedText)
        }
    }
}

/// Counts of persons by two groupings, as a GROUP BY returns them. Row and column keys are the
/// groups' codes (a region, a route, a month); the caller turns them into words.
public struct CountTable: Hashable, Sendable {
    public var rows: [String]
    public var columns: [String]
    /// `values[row][column]`.
    public var values: [[Int]]

    public init(rows: [String], columns: [String], values: [[Int]]) {
        precondition(values.count == rows.count && values.allSatisfy { $0.count == columns.count }, "values must be rows × columns")
        precondition(Set(rows).count == rows.count && Set(columns).count == columns.count, "keys must be unique")
        self.rows = rows
        self.columns = columns
        self.values = values
    }

    /// What this query publishes at a row and a column, nil standing for the total over all of the
    /// table's groups; a group the table does not have counts 0.
    func published(row: String?, column: String?) -> Int {
        func indices(_ key: String?, in keys: [String]) -> [Int] {
            guard let key else { return Array(keys.indices) }
            return keys.firstIndex(of: key).map { [$0] } ?? []
        }
        let columnIndices = indices(column, in: columns)
        return indices(row, in: rows).reduce(0) { sum, row in columnIndices.reduce(sum) { $0 + values[row][$1] } }
    }
}

/// A count table as it may be published: every cell and total a `Shown`.
public struct ProtectedTable: Hashable, Sendable, Codable {
    public let rows: [String]
    public let columns: [String]
    public let cells: [[Shown]]
    public let rowTotals: [Shown]
    public let columnTotals: [Shown]
    public let total: Shown
}

/// Counts by one grouping, with their total.
public struct CountList: Hashable, Sendable {
    public var keys: [String]
    public var counts: [Int]

    public init(keys: [String], counts: [Int]) {
        precondition(keys.count == counts.count, "one count per key")
        self.keys = keys
        self.counts = counts
    }

    /// One row: its cells are the list, its total the list's total.
    var table: CountTable { CountTable(rows: [""], columns: keys, values: [counts]) }
}

public struct ProtectedList: Hashable, Sendable, Codable {
    public let keys: [String]
    public let counts: [Shown]
    public let total: Shown
}

/// Statistical disclosure control for the figures: no published number, alone or next to another
/// published number, may tell something about fewer than `threshold` persons.
public enum Disclosure {
    /// The product owner's rule: any cell counting fewer than 5 persons, zero included, is shown as
    /// "<5" (a zero would tell that nobody in the group had the outcome).
    public static let threshold = 5
    /// Medians and percentiles need this many persons behind them: a p90 over 5 persons is nearly
    /// one person's value.
    public static let percentileBase = 10

    /// Protects a table whose totals are published with it.
    ///
    /// - `parents`: the same table with one filter removed (keys may differ; a missing key counts 0).
    ///   Subtracting the two queries must not single out 1–4 persons.
    /// - `months`: the same table for each month of the selected period, in order, for counts that
    ///   add up over months (referrals sent, persons started). Counts of distinct persons over the
    ///   period do not add up: pass the shorter periods' own tables as parents instead.
    public static func protect(_ table: CountTable, parents: [CountTable] = [], months: [CountTable] = []) -> ProtectedTable {
        // The table and its totals as one grid: a last column of row totals, a last row of column
        // totals, the grand total in the corner. Every row and column of the grid is then a line
        // whose last member is the sum of the others.
        let rowKeys = table.rows.map(Optional.some) + [nil]
        let columnKeys = table.columns.map(Optional.some) + [nil]
        let grid = rowKeys.map { row in columnKeys.map { table.published(row: row, column: $0) } }
        var hidden = rowKeys.indices.map { i in
            columnKeys.indices.map { j in
                let at = { (other: CountTable) in other.published(row: rowKeys[i], column: columnKeys[j]) }
                return isDisclosive(grid[i][j], parents: parents.map(at), months: months.map(at))
            }
        }
        suppressComplements(&hidden, grid: grid)
        let shown = zip(grid, hidden).map { zip($0, $1).map { $1 ? Shown.suppressed : .value($0) } }
        let body = shown.dropLast()
        return ProtectedTable(rows: table.rows, columns: table.columns, cells: body.map { Array($0.dropLast()) },
                              rowTotals: body.map { $0.last! }, columnTotals: Array(shown.last!.dropLast()), total: shown.last!.last!)
    }

    public static func protect(_ list: CountList, parents: [CountList] = [], months: [CountList] = []) -> ProtectedList {
        let table = protect(list.table, parents: parents.map(\.table), months: months.map(\.table))
        return ProtectedList(keys: list.keys, counts: table.cells[0], total: table.total)
    }

    /// A single published count; `parents` and `months` as for a table.
    public static func count(_ n: Int, parents: [Int] = [], months: [Int] = []) -> Shown {
        isDisclosive(n, parents: parents, months: months) ? .suppressed : .value(n)
    }

    /// A share computed from published counts only (nil when either is suppressed or the whole is
    /// 0), so no page can compute a rate from a hidden count. Take both from one protected table (a
    /// cell and its line's total), so that the part's complement is protected as well.
    public static func rate(numerator: Shown, denominator: Shown, per scale: Double = 1) -> Double? {
        guard let part = numerator.count, let whole = denominator.count, whole > 0 else { return nil }
        return Double(part) / Double(whole) * scale
    }

    /// Primary suppression, then differencing against the parent queries and the shorter periods.
    static func isDisclosive(_ value: Int, parents: [Int], months: [Int]) -> Bool {
        let closeBy = { (other: Int) in (1..<threshold).contains(abs(other - value)) }
        return value < threshold || parents.contains(where: closeBy) || shorterPeriods(months).contains(where: closeBy)
    }

    /// The same count over every shorter period sharing the first or the last month. These are enough
    /// for contiguous ranges. For a range inside the period, full − range = before + after (the months
    /// before and after it, both ≥ 0); when that is 1–4, either `after` is 1–4 and the prefix ending
    /// with the range differs by it, or `after` is 0 and the suffix starting with the range differs by
    /// `before`. A range reaching outside the period singles out the part of the period it misses,
    /// which is what the period minus their intersection (again a prefix or a suffix) tells.
    static func shorterPeriods(_ monthly: [Int]) -> [Int] {
        guard monthly.count > 1 else { return [] }
        return (1..<monthly.count).flatMap { [monthly.prefix($0).reduce(0, +), monthly.suffix($0).reduce(0, +)] }
    }

    /// Secondary suppression: a line (row or column, its total included) with exactly one hidden
    /// member would give it away by subtraction, so its smallest shown member is hidden too. Lines go
    /// in a fixed order and of equal members the first wins, so a table always hides the same cells;
    /// the total, last in its line and at least any cell, goes only when no cell is left.
    static func suppressComplements(_ hidden: inout [[Bool]], grid: [[Int]]) {
        typealias Position = (row: Int, column: Int)
        let rowLines = grid.indices.map { i in grid[i].indices.map { Position(i, $0) } }
        let columnLines = grid[0].indices.map { j in grid.indices.map { Position($0, j) } }
        let key = { (at: Position) in (grid[at.row][at.column], at.row, at.column) }
        var changed = true
        while changed {
            changed = false
            for line in rowLines + columnLines where line.filter({ hidden[$0.row][$0.column] }).count == 1 {
                let open = line.filter { !hidden[$0.row][$0.column] }
                guard let pick = open.min(by: { key($0) < key($1) }) else { continue }
                hidden[pick.row][pick.column] = true
                changed = true
            }
        }
    }
}
