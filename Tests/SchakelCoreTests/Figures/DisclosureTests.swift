import Foundation
import Testing
@testable import SchakelCore

@Suite struct DisclosureTests {
    /// What a protected table shows, as the page would print it: cells row by row, then totals.
    struct Printed: Equatable {
        var cells: [[String]]
        var rowTotals: [String]
        var columnTotals: [String]
        var total: String

        init(_ table: ProtectedTable) {
            cells = table.cells.map { $0.map(\.display) }
            rowTotals = table.rowTotals.map(\.display)
            columnTotals = table.columnTotals.map(\.display)
            total = table.total.display
        }

        init(cells: [[String]], rowTotals: [String], columnTotals: [String], total: String) {
            self.cells = cells
            self.rowTotals = rowTotals
            self.columnTotals = columnTotals
            self.total = total
        }
    }

    static func table(_ values: [[Int]], rows: [String]? = nil, columns: [String]? = nil) -> CountTable {
        CountTable(rows: rows ?? values.indices.map { "r\($0 + 1)" },
                   columns: columns ?? (values.first ?? []).indices.map { String(UnicodeScalar(UInt8(97 + $0))) }, values: values)
    }

    // MARK: - Primary suppression

    @Test func aSmallCellAndTheSmallestOthersInItsRowAndColumnsAreHidden() {
        // r1 has a 3: hidden, and so is 20, the next smallest in r1. Column a then has one hidden
        // cell, so its smallest other (10) goes; column b likewise (12). Every line now hides two.
        // Only the 3 reads "<5": the others are withheld to protect it and read "x".
        let protected = Disclosure.protect(Self.table([[3, 20, 30], [10, 12, 40], [15, 25, 11]]))
        #expect(Printed(protected) == Printed(cells: [["<5", "x", "30"], ["x", "x", "40"], ["15", "25", "11"]],
                                              rowTotals: ["53", "62", "51"], columnTotals: ["28", "57", "81"], total: "166"))
    }

    @Test func zeroIsHiddenLikeAnyCountUnderFive() {
        let protected = Disclosure.protect(CountList(keys: ["job", "training", "none"], counts: [0, 8, 9]))
        #expect(protected.counts == [.suppressed, .withheld, .value(9)])
        #expect(protected.total == .value(17))
    }

    @Test func totalsUnderFiveAreHidden() {
        let protected = Disclosure.protect(Self.table([[1, 2], [0, 1]]))
        #expect(Printed(protected) == Printed(cells: [["<5", "<5"], ["<5", "<5"]], rowTotals: ["<5", "<5"],
                                              columnTotals: ["<5", "<5"], total: "<5"))
        #expect(Disclosure.count(4) == .suppressed)
        #expect(Disclosure.count(5) == .value(5))
    }

    // MARK: - Differencing

    @Test(arguments: [(12, true), (13, true), (10, true), (9, false), (14, false), (5, true), (4, false)])
    func aParentDifferingByOneToFourHidesTheCount(parent: Int, hidden: Bool) {
        #expect(Disclosure.count(9, parents: [parent]) == (hidden ? .withheld : .value(9)))
    }

    @Test func aParentTableHidesTheCellsAndTotalsItDiffersFromByOneToFour() {
        // The parent (one filter removed) has 12 where the table has 9: a1 is hidden, and so are r1's
        // total (32 against 29), column a's total (42 against 39) and the grand total (102 against 99).
        // Each counts 5 or more, so each reads "x", not "<5".
        let protected = Disclosure.protect(Self.table([[9, 20], [30, 40]]), parents: [Self.table([[12, 20], [30, 40]])])
        #expect(Printed(protected) == Printed(cells: [["x", "20"], ["30", "40"]], rowTotals: ["x", "70"],
                                              columnTotals: ["x", "60"], total: "x"))
        #expect(Disclosure.protect(Self.table([[9, 20], [30, 40]])).total == .value(99))
    }

    @Test func aParentWithAnExtraGroupExposesTheTotalsItAddsTo() {
        // The parent adds 2 persons of group x to r1: r1's total (31 against 29) and the grand total
        // (101 against 99) are hidden. Then r1 hides its smallest cell, 9, and the totals row hides
        // column a's total, 39: each was the one hidden member of its line.
        let parent = CountTable(rows: ["r1", "r2"], columns: ["a", "b", "x"], values: [[9, 20, 2], [30, 40, 0]])
        let protected = Disclosure.protect(Self.table([[9, 20], [30, 40]]), parents: [parent])
        #expect(Printed(protected) == Printed(cells: [["x", "20"], ["30", "40"]], rowTotals: ["x", "70"],
                                              columnTotals: ["x", "60"], total: "x"))
    }

    @Test func aParentLackingAGroupStillExposesATotalCloseToItsOwn() {
        let parent = Self.table([[9]], columns: ["a"])
        let apart = Disclosure.protect(Self.table([[9, 20]], columns: ["a", "new"]), parents: [parent])
        #expect(Printed(apart) == Printed(cells: [["9", "20"]], rowTotals: ["29"], columnTotals: ["9", "20"], total: "29"))
        // 3 persons in the new group: the total 12 lies 3 away from the parent's 9.
        let close = Disclosure.protect(Self.table([[9, 3]], columns: ["a", "new"]), parents: [parent])
        #expect(close.total == .withheld)
    }

    // MARK: - Periods

    @Test func aShorterPeriodSharingAnEndpointThatDiffersByOneToFourHidesTheCount() {
        // Full 13; the last two months alone make 10, which singles out the 3 of the first month.
        #expect(Disclosure.count(13, months: [3, 0, 10]) == .withheld)
        // The middle month alone (16) differs by 4; the prefix of the first two (18) catches it by 2.
        #expect(Disclosure.count(20, months: [2, 16, 2]) == .withheld)
        #expect(Disclosure.count(30, months: [10, 10, 10]) == .value(30))
        #expect(Disclosure.count(14, months: [0, 14, 0]) == .value(14))
        #expect(Disclosure.count(12, months: [12]) == .value(12))
    }

    /// The prefix-and-suffix check must catch exactly what comparing with every shorter contiguous
    /// range would: checked against that brute force on every month series of up to four months.
    @Test func prefixesAndSuffixesCatchEveryShorterRange() {
        for length in 1...4 {
            for code in 0..<Int(pow(7, Double(length))) {
                let months = (0..<length).map { code / Int(pow(7, Double($0))) % 7 }
                let full = months.reduce(0, +)
                let ranges = (0..<length).flatMap { start in (start + 1...length).map { months[start..<$0].reduce(0, +) } }
                let exposed = full < 5 || ranges.contains { (1...4).contains(full - $0) }
                #expect(Disclosure.count(full, months: months) == (exposed ? .hidden(full) : .value(full)), "\(months)")
            }
        }
    }

    @Test func aTableComparesEveryCellWithItsShorterPeriods() {
        // Cell r1/a over three months: 3 + 0 + 10 = 13, the last two months 10: hidden, and with it,
        // by secondary suppression, the other cells of its row and columns.
        let months = [Self.table([[3, 10], [10, 10]]), Self.table([[0, 10], [10, 10]]), Self.table([[10, 10], [10, 10]])]
        let full = Self.table([[13, 30], [30, 30]])
        #expect(Printed(Disclosure.protect(full, months: months)) == Printed(
            cells: [["x", "x"], ["x", "x"]], rowTotals: ["43", "60"], columnTotals: ["43", "60"], total: "103"))
        #expect(Disclosure.protect(full).cells[0][0] == .value(13))
    }

    // MARK: - Secondary suppression

    @Test func theFirstOfEqualSmallestCellsIsTheOneHidden() {
        let protected = Disclosure.protect(CountList(keys: ["a", "b", "c", "d"], counts: [3, 8, 8, 20]))
        #expect(protected.counts.map(\.display) == ["<5", "x", "8", "20"])
        #expect(protected.total == .value(39))
    }

    @Test func aTotalIsHiddenOnlyWhenNoCellOfItsLineIsLeft() {
        // Column: 3 hidden, so 20 goes (a cell rather than the total 23). Row r2 then holds 20
        // hidden and its total 20 shown: the total has to go.
        let protected = Disclosure.protect(Self.table([[3], [20]]))
        #expect(Printed(protected) == Printed(cells: [["<5"], ["x"]], rowTotals: ["<5", "x"], columnTotals: ["23"], total: "23"))
    }

    @Test func secondarySuppressionRepeatsUntilNoLineHidesExactlyOne() {
        // Pass 1: r1 hides 20; column a hides 10 (r2); column b hides 25 (r3).
        // Pass 2: r2 hides 40; r3 hides 11; column c, now with 11 hidden, hides 30 (r1).
        let protected = Disclosure.protect(Self.table([[3, 20, 30], [10, 40, 50], [15, 25, 11]]))
        #expect(Printed(protected) == Printed(cells: [["<5", "x", "x"], ["x", "x", "50"], ["15", "x", "x"]],
                                              rowTotals: ["53", "100", "51"], columnTotals: ["28", "85", "91"], total: "204"))
    }

    @Test func noLineOfARandomTableGivesAHiddenFigureAwayBySubtraction() {
        var random = SeededGenerator(seed: 0xD15C)
        for _ in 0..<300 {
            let height = random.int(in: 1...5), width = random.int(in: 1...5)
            let values = (0..<height).map { _ in
                (0..<width).map { _ in random.chance(0.3) ? random.int(in: 0...4) : random.int(in: 5...60) }
            }
            let protected = Disclosure.protect(Self.table(values))
            let grid = zip(protected.cells, protected.rowTotals).map { $0 + [$1] } + [protected.columnTotals + [protected.total]]
            let lines = grid + (0...width).map { j in grid.map { $0[j] } }
            #expect(lines.allSatisfy { $0.count { $0.count == nil } != 1 }, "\(values)")
            let published = grid.joined().compactMap(\.count)
            #expect(published.allSatisfy { $0 >= Disclosure.threshold }, "\(values)")
        }
    }

    // MARK: - The marks, and tables protected together

    /// A brute force, independent of `Disclosure`: every way of filling the withheld figures of the
    /// tables that agrees with what is published (the shown numbers, "<5" meaning 0–4, "x" meaning
    /// 5 or more, capped here at the largest cell plus 5) and with every line and link. A withheld
    /// figure that only one filling allows would be given away.
    struct Feasible {
        struct Table {
            let values: CountTable
            let shown: ProtectedTable
        }

        let tables: [String: Table]
        let links: [TableLink]

        /// Every figure of a table as (row, column) keys, nil a total, with its true value and its mark.
        static func figures(_ table: Table) -> [(row: String?, column: String?, value: Int, shown: Shown)] {
            let rows = table.values.rows.map(Optional.some) + [nil]
            let columns = table.values.columns.map(Optional.some) + [nil]
            return rows.enumerated().flatMap { i, row in
                columns.enumerated().map { j, column in
                    let shown: Shown = i < table.values.rows.count
                        ? (j < table.values.columns.count ? table.shown.cells[i][j] : table.shown.rowTotals[i])
                        : (j < table.values.columns.count ? table.shown.columnTotals[j] : table.shown.total)
                    return (row, column, table.values.published(row: row, column: column), shown)
                }
            }
        }

        /// The withheld figures a filling pins down to one value, as "table row column" (empty: none).
        func givenAway() -> [String] {
            let ids = tables.keys.sorted()
            // Every body cell of every table is a variable; a figure is the sum of some of them.
            var variables: [Int] = []
            var candidates: [[Int]] = []
            var cellIndex: [String: [[Int]]] = [:]
            let cap = tables.values.flatMap { $0.values.values.joined() }.max().map { $0 + 5 } ?? 5
            for id in ids {
                let table = tables[id]!
                cellIndex[id] = table.values.values.indices.map { i in
                    table.values.values[i].indices.map { j in
                        variables.append(table.values.values[i][j])
                        switch table.shown.cells[i][j] {
                        case .value(let n): candidates.append([n])
                        case .suppressed: candidates.append(Array(0..<Disclosure.threshold))
                        case .withheld: candidates.append(Array(Disclosure.threshold...cap))
                        }
                        return variables.count - 1
                    }
                }
            }
            func members(_ id: String, _ row: String?, _ column: String?) -> [Int] {
                let table = tables[id]!.values
                let rows = row.map { key in table.rows.firstIndex(of: key).map { [$0] } ?? [] } ?? Array(table.rows.indices)
                let columns = column.map { key in table.columns.firstIndex(of: key).map { [$0] } ?? [] } ?? Array(table.columns.indices)
                return rows.flatMap { i in columns.map { cellIndex[id]![i][$0] } }
            }
            // Constraints: a figure's sum within what its mark says, or a link's parts summing to its whole.
            struct Constraint {
                var plus: [Int]
                var minus: [Int]
                var range: ClosedRange<Int>
                var name: String?
            }
            var constraints: [Constraint] = []
            for id in ids {
                for (row, column, _, shown) in Self.figures(tables[id]!) {
                    let range: ClosedRange<Int> = switch shown {
                    case .value(let n): n...n
                    case .suppressed: 0...(Disclosure.threshold - 1)
                    case .withheld: Disclosure.threshold...Int.max / 2
                    }
                    constraints.append(Constraint(plus: members(id, row, column), minus: [], range: range,
                                                  name: shown.count == nil ? "\(id) \(row ?? "total") \(column ?? "total")" : nil))
                }
            }
            for link in links {
                constraints.append(Constraint(plus: link.parts.flatMap { members($0.table, $0.row, $0.column) },
                                              minus: members(link.whole.table, link.whole.row, link.whole.column), range: 0...0))
            }
            // Each constraint is checked as soon as its last variable is filled.
            let due = Dictionary(grouping: constraints.indices) { (constraints[$0].plus + constraints[$0].minus).max() ?? -1 }
            var filled = variables
            var seen: [String: Set<Int>] = [:]
            func holds(_ c: Constraint) -> Bool {
                c.range.contains(c.plus.reduce(0) { $0 + filled[$1] } - c.minus.reduce(0) { $0 + filled[$1] })
            }
            func fill(_ k: Int) {
                guard k < filled.count else {
                    for c in constraints { if let name = c.name { seen[name, default: []].insert(c.plus.reduce(0) { $0 + filled[$1] }) } }
                    return
                }
                for candidate in candidates[k] {
                    filled[k] = candidate
                    if (due[k] ?? []).allSatisfy({ holds(constraints[$0]) }) { fill(k + 1) }
                }
            }
            fill(0)
            return seen.filter { $0.value.count < 2 }.keys.sorted()
        }
    }

    @Test func aCountWithheldToProtectAnotherReadsXWhateverItsSize() throws {
        #expect(Shown.hidden(4) == .suppressed && Shown.hidden(0) == .suppressed)
        #expect(Shown.hidden(5) == .withheld && Shown.hidden(120) == .withheld)
        #expect(Shown.withheld.display == "x" && Shown.withheld.count == nil)
        let json = try JSONEncoder().encode([Shown.value(12), .suppressed, .withheld])
        #expect(String(decoding: json, as: UTF8.self) == #"[12,"<5","x"]"#)
        #expect(try JSONDecoder().decode([Shown].self, from: json) == [.value(12), .suppressed, .withheld])
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([Shown].self, from: Data(#"["y"]"#.utf8)) }
        // 3 in a group of 40: the 3 reads "<5", the 12 hidden with it reads "x", not "<5".
        let list = Disclosure.protect(CountList(keys: ["a", "b", "c"], counts: [3, 12, 25]))
        #expect(list.counts.map(\.display) == ["<5", "x", "25"])
    }

    @Test func marksThatLeaveAFigureOneValueHideMore() {
        // 0 and 5 of 5: with the 5 marked "x" (5 or more) and the total 5 shown, the "x" could only be
        // 5 and the "<5" only 0. So the total goes too (and with it the row total it equals).
        let list = Disclosure.protect(CountList(keys: ["a", "b"], counts: [0, 5]))
        #expect(list.counts.map(\.display) == ["<5", "x"])
        #expect(list.total == .withheld)
        // What hiding only lines with one hidden member would have published: the brute force finds both pinned.
        let naive = ProtectedTable(rows: [""], columns: ["a", "b"], cells: [[.suppressed, .withheld]], rowTotals: [.value(5)],
                                   columnTotals: [.suppressed, .withheld], total: .value(5))
        let values = CountTable(rows: [""], columns: ["a", "b"], values: [[0, 5]])
        #expect(Feasible(tables: ["t": .init(values: values, shown: naive)], links: []).givenAway().contains("t  a"))
        // 2 and 6 of 8: "x" is 5–8 and "<5" 0–3, neither pinned: the total stays.
        let open = Disclosure.protect(CountList(keys: ["a", "b"], counts: [2, 6]))
        #expect(open.counts.map(\.display) == ["<5", "x"] && open.total == .value(8))
    }

    /// docs/domain.md#case-002: ten training requests, 7 refused, 2 refused and started after reconsideration, 1 started.
    static let trainingDecisions = CountTable(rows: ["org"], columns: ["accepted", "refused", "refused-then-reconsidered", "undecided"],
                                              values: [[1, 7, 2, 0]])

    @Test func aReasonsTableThatCountsMoreThanItsColumnGaveTheReconsideredAway() {
        // Before: the reasons counted the reconsidered applications' first refusals too (9), each
        // table protected alone. 9 − 7 gave the withheld 2 back.
        let reasons = CountTable(rows: ["funding", "motivation"], columns: ["refused"], values: [[4], [5]])
        let decisions = Disclosure.protect(Self.trainingDecisions)
        let alone = Disclosure.protect(reasons)
        #expect(decisions.cells[0][2] == .suppressed)
        #expect(alone.total.count! - decisions.columnTotals[1].count! == 2)
        // Protected together, with the link saying what the reasons' total counts, nothing is given away.
        let link = TableLink(parts: [TableFigure(table: "decisions", column: "refused"), TableFigure(table: "decisions", column: "refused-then-reconsidered")],
                             whole: TableFigure(table: "reasons"))
        let together = Disclosure.protect(together: [TableToProtect(id: "decisions", table: Self.trainingDecisions),
                                                     TableToProtect(id: "reasons", table: reasons)], links: [link])
        let feasible = Feasible(tables: ["decisions": .init(values: Self.trainingDecisions, shown: together["decisions"]!),
                                         "reasons": .init(values: reasons, shown: together["reasons"]!)], links: [link])
        #expect(feasible.givenAway() == [])
        #expect(together["decisions"]!.columnTotals[1] == .withheld)
    }

    @Test func reasonsCountingTheRefusalsThatStoodAgreeWithTheRefusedColumn() {
        // After: the reasons count the 7 refusals that stood, the "refused" column; 5 for motivation, 2 for funding.
        let reasons = CountTable(rows: ["funding", "motivation"], columns: ["refused"], values: [[2], [5]])
        let link = TableLink.same(TableFigure(table: "decisions", column: "refused"), TableFigure(table: "reasons"))
        let together = Disclosure.protect(together: [TableToProtect(id: "decisions", table: Self.trainingDecisions),
                                                     TableToProtect(id: "reasons", table: reasons)], links: [link])
        let decisions = together["decisions"]!, shownReasons = together["reasons"]!
        #expect(decisions.cells[0].map(\.display) == ["<5", "7", "<5", "<5"])
        #expect(decisions.total == .value(10))
        // The 2 for funding is withheld, so the 5 for motivation is too: it reads "x", not "<5".
        #expect(shownReasons.cells.map { $0.map(\.display) } == [["<5"], ["x"]])
        #expect(shownReasons.total == .value(7) && decisions.columnTotals[1] == .value(7))
        let feasible = Feasible(tables: ["decisions": .init(values: Self.trainingDecisions, shown: decisions),
                                         "reasons": .init(values: reasons, shown: shownReasons)], links: [link])
        #expect(feasible.givenAway() == [])
    }

    @Test func aFigureHiddenInOneTableIsHiddenInTheTableItIsLinkedTo() {
        // Two tables by route with the same rows. In the first, r2's total (12) lies 2 from the same
        // query without a filter (14), so it is withheld; the second, alone, would show it.
        let first = Self.table([[20, 30], [6, 6]])
        let parent = Self.table([[20, 30], [8, 6]])
        let second = Self.table([[25, 25], [6, 6]])
        let alone = Disclosure.protect(second)
        #expect(alone.rowTotals[1] == .value(12))
        let links = [TableLink.same(TableFigure(table: "first", row: "r1"), TableFigure(table: "second", row: "r1")),
                     TableLink.same(TableFigure(table: "first", row: "r2"), TableFigure(table: "second", row: "r2")),
                     TableLink.same(TableFigure(table: "first"), TableFigure(table: "second"))]
        #expect(Disclosure.protect(first, parents: [parent]).rowTotals[1] == .withheld)
        let together = Disclosure.protect(together: [TableToProtect(id: "first", table: first, parents: [parent]),
                                                     TableToProtect(id: "second", table: second)], links: links)
        #expect(together["first"]!.rowTotals[1] == .withheld)
        #expect(together["second"]!.rowTotals[1] == .withheld)
        let feasible = Feasible(tables: ["first": .init(values: first, shown: together["first"]!),
                                         "second": .init(values: second, shown: together["second"]!)], links: links)
        #expect(feasible.givenAway() == [])
    }

    /// Random small tables, alone and with a breakdown of one of their columns, against the brute force.
    @Test func noFillingOfARandomTableOrItsBreakdownPinsAWithheldFigure() {
        var random = SeededGenerator(seed: 0x5EC0)
        func value() -> Int { random.chance(0.35) ? random.int(in: 0...4) : random.int(in: 5...12) }
        for round in 0..<160 {
            let height = random.int(in: 1...2), width = random.int(in: 1...3)
            let main = Self.table((0..<height).map { _ in (0..<width).map { _ in value() } })
            var inputs = [TableToProtect(id: "main", table: main)]
            var links: [TableLink] = []
            if round % 2 == 1 {
                // A breakdown of column a's total into two groups, linked to it.
                let total = main.published(row: nil, column: "a")
                let first = random.int(in: 0...total)
                let breakdown = CountTable(rows: ["g1", "g2"], columns: ["n"], values: [[first], [total - first]])
                inputs.append(TableToProtect(id: "breakdown", table: breakdown))
                links.append(.same(TableFigure(table: "main", column: "a"), TableFigure(table: "breakdown")))
            }
            let protected = Disclosure.protect(together: inputs, links: links)
            var tables: [String: Feasible.Table] = [:]
            for input in inputs { tables[input.id] = .init(values: input.table, shown: protected[input.id]!) }
            #expect(Feasible(tables: tables, links: links).givenAway() == [], "\(inputs.map(\.table.values))")
            // Every hidden figure reads "<5" exactly when it is under 5.
            for table in tables.values {
                for (_, _, value, shown) in Feasible.figures(table) where shown.count == nil {
                    #expect(shown == .hidden(value))
                }
            }
        }
    }

    // MARK: - Rates and the wire format

    @Test func aRateNeedsBothCountsShown() {
        #expect(Disclosure.rate(numerator: .value(6), denominator: .value(24)) == 0.25)
        #expect(Disclosure.rate(numerator: .value(6), denominator: .value(24), per: 100) == 25)
        #expect(Disclosure.rate(numerator: .suppressed, denominator: .value(24)) == nil)
        #expect(Disclosure.rate(numerator: .value(6), denominator: .suppressed) == nil)
        #expect(Disclosure.rate(numerator: .value(0), denominator: .value(0)) == nil)
    }

    @Test func aShownCountTravelsAsTheNumberOrTheTextTheReaderSees() throws {
        let json = try JSONEncoder().encode([Shown.value(12), .suppressed])
        #expect(String(decoding: json, as: UTF8.self) == #"[12,"<5"]"#)
        #expect(try JSONDecoder().decode([Shown].self, from: json) == [.value(12), .suppressed])
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([Shown].self, from: Data(#"["12"]"#.utf8)) }
        #expect(Shown.value(12).display == "12")
        #expect(Shown.suppressed.display == "<5")
    }
}
