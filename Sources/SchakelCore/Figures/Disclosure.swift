import Foundation

/// A published count: the number, or a mark where it is withheld. "<5" marks a count of fewer than
/// five persons; "x" marks a count of five or more withheld to protect another (it would give a
/// hidden count away by subtraction, from the table's totals, a linked table, the same query with a
/// filter removed or a shorter period), as statistical offices mark it. Coordinators only ever see
/// figures of this type.
public enum Shown: Hashable, Sendable, Codable {
    case value(Int)
    /// Fewer than `Disclosure.threshold` persons (zero included): "<5".
    case suppressed
    /// Withheld to protect another figure; it counts `Disclosure.threshold` persons or more: "x".
    case withheld

    public static let suppressedText = "<\(Disclosure.threshold)"
    public static let withheldText = "x"

    /// How a hidden count of `value` persons reads: "<5" only when it is under the threshold.
    public static func hidden(_ value: Int) -> Shown { value < Disclosure.threshold ? .suppressed : .withheld }

    public var display: String {
        switch self {
        case .value(let count): String(count)
        case .suppressed: Self.suppressedText
        case .withheld: Self.withheldText
        }
    }

    /// The number, when it may be shown.
    public var count: Int? {
        if case .value(let count) = self { count } else { nil }
    }

    /// JSON carries `12`, `"<5"` or `"x"`, the way the page shows it, so an API client cannot mistake a
    /// withheld cell for a zero.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let text = try? container.decode(String.self) {
            switch text {
            case Self.suppressedText: self = .suppressed
            case Self.withheldText: self = .withheld
            default:
                throw DecodingError.dataCorruptedError(
                    in: container, debugDescription: "expected a count, \"\(Self.suppressedText)\" or \"\(Self.withheldText)\"")
            }
        } else {
            self = .value(try container.decode(Int.self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .value(let count): try container.encode(count)
        case .suppressed, .withheld: try container.encode(display)
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

/// One published number of a table protected together with others (`Disclosure.protect(together:)`):
/// a cell, a row's total (`column` nil), a column's total (`row` nil) or the grand total (both nil).
public struct TableFigure: Hashable, Sendable {
    public var table: String
    public var row: String?
    public var column: String?

    public init(table: String, row: String? = nil, column: String? = nil) {
        self.table = table
        self.row = row
        self.column = column
    }
}

/// Published numbers of different tables of one answer that add up: `whole` counts exactly the
/// persons of all `parts`. Tables that count the same persons somewhere (a breakdown's total and the
/// cell it breaks down, tables with the same rows) must be linked, or one could show what the other
/// hides. A figure a table does not have counts 0 and is left out.
public struct TableLink: Hashable, Sendable {
    public var parts: [TableFigure]
    public var whole: TableFigure

    public init(parts: [TableFigure], whole: TableFigure) {
        self.parts = parts
        self.whole = whole
    }

    /// Two figures counting the same persons.
    public static func same(_ one: TableFigure, _ other: TableFigure) -> TableLink { TableLink(parts: [one], whole: other) }
}

/// A table to protect with the others of its answer: `parents` and `months` as for `Disclosure.protect(_:parents:months:)`.
public struct TableToProtect: Sendable {
    public var id: String
    public var table: CountTable
    public var parents: [CountTable]
    public var months: [CountTable]

    public init(id: String, table: CountTable, parents: [CountTable] = [], months: [CountTable] = []) {
        self.id = id
        self.table = table
        self.parents = parents
        self.months = months
    }
}

/// Statistical disclosure control for the figures: no published number, alone or next to another
/// published number of the same answer, may tell something about fewer than `threshold` persons,
/// and no subtraction or sum of published numbers may give a withheld one back.
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
        protect(together: [TableToProtect(id: "", table: table, parents: parents, months: months)])[""]!
    }

    public static func protect(_ list: CountList, parents: [CountList] = [], months: [CountList] = []) -> ProtectedList {
        let table = protect(list.table, parents: parents.map(\.table), months: months.map(\.table))
        return ProtectedList(keys: list.keys, counts: table.cells[0], total: table.total)
    }

    /// Protects the tables of one answer as one: each table and its totals as a grid (a last column
    /// of row totals, a last row of column totals, the grand total in the corner), every row and
    /// column of a grid a line whose last member is the sum of the others, and every link between
    /// tables a line as well. Primary suppression goes table by table (with its parents and months);
    /// secondary suppression sees every line of every table at once.
    public static func protect(together tables: [TableToProtect], links: [TableLink] = []) -> [String: ProtectedTable] {
        precondition(Set(tables.map(\.id)).count == tables.count, "table ids must be unique")
        var values: [Int] = []
        var hidden: [Bool] = []
        var lines: [[Int]] = []
        var offsets: [String: Int] = [:]
        for entry in tables {
            let table = entry.table
            let rowKeys = table.rows.map(Optional.some) + [nil]
            let columnKeys = table.columns.map(Optional.some) + [nil]
            let offset = values.count
            offsets[entry.id] = offset
            for row in rowKeys {
                for column in columnKeys {
                    let value = table.published(row: row, column: column)
                    let at = { (other: CountTable) in other.published(row: row, column: column) }
                    values.append(value)
                    hidden.append(isDisclosive(value, parents: entry.parents.map(at), months: entry.months.map(at)))
                }
            }
            let width = columnKeys.count
            for i in rowKeys.indices { lines.append(columnKeys.indices.map { offset + i * width + $0 }) }
            for j in columnKeys.indices { lines.append(rowKeys.indices.map { offset + $0 * width + j }) }
        }
        let byID = Dictionary(uniqueKeysWithValues: tables.map { ($0.id, $0.table) })
        func index(_ figure: TableFigure) -> Int? {
            guard let table = byID[figure.table], let offset = offsets[figure.table] else { return nil }
            guard let i = figure.row.map({ table.rows.firstIndex(of: $0) }) ?? table.rows.count,
                  let j = figure.column.map({ table.columns.firstIndex(of: $0) }) ?? table.columns.count else { return nil }
            return offset + i * (table.columns.count + 1) + j
        }
        for link in links {
            let parts = link.parts.compactMap(index)
            guard let whole = index(link.whole), !parts.isEmpty else { continue }
            assert(parts.reduce(0) { $0 + values[$1] } == values[whole], "linked figures must add up: \(link)")
            lines.append(parts + [whole])
        }
        suppressComplements(&hidden, values: values, lines: lines)
        var result: [String: ProtectedTable] = [:]
        for entry in tables {
            let table = entry.table, offset = offsets[entry.id]!, width = table.columns.count + 1
            let grid = (0...table.rows.count).map { i in
                (0..<width).map { j in
                    let k = offset + i * width + j
                    return hidden[k] ? Shown.hidden(values[k]) : .value(values[k])
                }
            }
            let body = grid.dropLast()
            result[entry.id] = ProtectedTable(rows: table.rows, columns: table.columns, cells: body.map { Array($0.dropLast()) },
                                              rowTotals: body.map { $0.last! }, columnTotals: Array(grid.last!.dropLast()),
                                              total: grid.last!.last!)
        }
        return result
    }

    /// A single published count; `parents` and `months` as for a table.
    public static func count(_ n: Int, parents: [Int] = [], months: [Int] = []) -> Shown {
        isDisclosive(n, parents: parents, months: months) ? .hidden(n) : .value(n)
    }

    /// A share computed from published counts only (nil when either is withheld or the whole is
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

    // MARK: Secondary suppression

    /// What a reader can know of a figure: from `lo` to `hi` (nil: no upper bound).
    struct Range: Equatable {
        var lo: Int
        var hi: Int?

        var isExact: Bool { hi == lo }
    }

    /// What the mark alone tells: "<5" is 0–4, "x" is 5 or more, a shown number is itself.
    static func markRange(_ value: Int, hidden: Bool) -> Range {
        guard hidden else { return Range(lo: value, hi: value) }
        return value < threshold ? Range(lo: 0, hi: threshold - 1) : Range(lo: threshold, hi: nil)
    }

    /// Secondary suppression: as long as the published figures and the marks pin a hidden figure down
    /// to one number (by subtraction along its lines, or because a "<5" and an "x" leave it one
    /// value), the smallest shown member of a line that gives it away is hidden too. Lines go in a
    /// fixed order, round and round, and of equal members the first wins, so a table always hides the
    /// same cells; a total, at least any member of its line, goes only when no smaller member is left.
    static func suppressComplements(_ hidden: inout [Bool], values: [Int], lines: [[Int]]) {
        guard !lines.isEmpty else { return }
        var position = 0
        while true {
            let ranges = feasibleRanges(hidden: hidden, values: values, lines: lines)
            let exposed = Set(hidden.indices.filter { hidden[$0] && ranges[$0].isExact })
            guard !exposed.isEmpty else { return }
            let order = (0..<lines.count).map { (position + $0) % lines.count }
            func open(_ line: [Int]) -> Int? {
                line.filter { !hidden[$0] }.min { (values[$0], $0) < (values[$1], $1) }
            }
            // First a line that by itself pins an exposed member, then any line holding one.
            let culprit = order.first { l in
                open(lines[l]) != nil && lines[l].contains { exposed.contains($0) && pins(lines[l], $0, ranges: ranges, hidden: hidden, values: values) }
            } ?? order.first { l in open(lines[l]) != nil && lines[l].contains(where: exposed.contains) }
            if let culprit, let pick = open(lines[culprit]) {
                hidden[pick] = true
                position = (culprit + 1) % lines.count
            } else if let pick = hidden.indices.filter({ !hidden[$0] }).min(by: { (values[$0], $0) < (values[$1], $1) }) {
                // Pinned through lines that are hidden whole: hide more until nothing is pinned.
                hidden[pick] = true
            } else {
                return
            }
        }
    }

    /// Whether `line` alone, with what is known of its other members, leaves `member` one value.
    static func pins(_ line: [Int], _ member: Int, ranges: [Range], hidden: [Bool], values: [Int]) -> Bool {
        let derived = derive(line, member, parts: PartsSum(line, ranges: ranges), ranges: ranges)
        let own = markRange(values[member], hidden: hidden[member])
        let lo = max(own.lo, derived.lo)
        let hi = [own.hi, derived.hi].compactMap { $0 }.min()
        return hi == lo
    }

    /// The known range of the sum of a line's parts (all members but the last), kept so that each
    /// member's share is found without adding the line up again.
    struct PartsSum {
        var lo = 0
        var hi = 0
        /// Parts without an upper bound: while there is one, neither is the sum bounded.
        var unbounded = 0

        init(_ line: [Int], ranges: [Range]) {
            for m in line.dropLast() {
                lo += ranges[m].lo
                if let bound = ranges[m].hi { hi += bound } else { unbounded += 1 }
            }
        }
    }

    /// The range `line` (its last member the sum of the others) gives `member`, from the other members' ranges.
    static func derive(_ line: [Int], _ member: Int, parts: PartsSum, ranges: [Range]) -> Range {
        let whole = line.last!
        if member == whole { return Range(lo: parts.lo, hi: parts.unbounded == 0 ? parts.hi : nil) }
        // member = whole − the other parts
        let own = ranges[member]
        let restLo = parts.lo - own.lo
        let restHi = parts.unbounded - (own.hi == nil ? 1 : 0) == 0 ? parts.hi - (own.hi ?? 0) : nil
        return Range(lo: max(0, ranges[whole].lo - (restHi ?? ranges[whole].lo)), hi: ranges[whole].hi.map { $0 - restLo })
    }

    /// What a reader can work out of every figure from the shown numbers, the marks and the lines:
    /// each line's sum narrows its members' ranges, round after round, until nothing changes.
    static func feasibleRanges(hidden: [Bool], values: [Int], lines: [[Int]]) -> [Range] {
        var ranges = values.indices.map { markRange(values[$0], hidden: hidden[$0]) }
        let involved = lines.filter { $0.contains { hidden[$0] } }
        // Every round tightens an integer bound towards the true value, so this ends; the cap only
        // keeps a pathological table from taking long (the ranges are then wider than they could be).
        for _ in 0..<1_000 {
            var changed = false
            for line in involved {
                let parts = PartsSum(line, ranges: ranges)
                for member in line where hidden[member] {
                    let derived = derive(line, member, parts: parts, ranges: ranges)
                    var range = ranges[member]
                    if derived.lo > range.lo { range.lo = derived.lo }
                    if let hi = derived.hi, hi < (range.hi ?? Int.max) { range.hi = hi }
                    if range != ranges[member] {
                        ranges[member] = range
                        changed = true
                    }
                }
            }
            if !changed { break }
        }
        return ranges
    }
}
