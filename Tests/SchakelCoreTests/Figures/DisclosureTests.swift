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
        let protected = Disclosure.protect(Self.table([[3, 20, 30], [10, 12, 40], [15, 25, 11]]))
        #expect(Printed(protected) == Printed(cells: [["<5", "<5", "30"], ["<5", "<5", "40"], ["15", "25", "11"]],
                                              rowTotals: ["53", "62", "51"], columnTotals: ["28", "57", "81"], total: "166"))
    }

    @Test func zeroIsHiddenLikeAnyCountUnderFive() {
        let protected = Disclosure.protect(CountList(keys: ["job", "training", "none"], counts: [0, 8, 9]))
        #expect(protected.counts == [.suppressed, .suppressed, .value(9)])
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
        #expect(Disclosure.count(9, parents: [parent]) == (hidden ? .suppressed : .value(9)))
    }

    @Test func aParentTableHidesTheCellsAndTotalsItDiffersFromByOneToFour() {
        // The parent (one filter removed) has 12 where the table has 9: a1 is hidden, and so are r1's
        // total (32 against 29), column a's total (42 against 39) and the grand total (102 against 99).
        let protected = Disclosure.protect(Self.table([[9, 20], [30, 40]]), parents: [Self.table([[12, 20], [30, 40]])])
        #expect(Printed(protected) == Printed(cells: [["<5", "20"], ["30", "40"]], rowTotals: ["<5", "70"],
                                              columnTotals: ["<5", "60"], total: "<5"))
        #expect(Disclosure.protect(Self.table([[9, 20], [30, 40]])).total == .value(99))
    }

    @Test func aParentWithAnExtraGroupExposesTheTotalsItAddsTo() {
        // The parent adds 2 persons of group x to r1: r1's total (31 against 29) and the grand total
        // (101 against 99) are hidden. Then r1 hides its smallest cell, 9, and the totals row hides
        // column a's total, 39: each was the one hidden member of its line.
        let parent = CountTable(rows: ["r1", "r2"], columns: ["a", "b", "x"], values: [[9, 20, 2], [30, 40, 0]])
        let protected = Disclosure.protect(Self.table([[9, 20], [30, 40]]), parents: [parent])
        #expect(Printed(protected) == Printed(cells: [["<5", "20"], ["30", "40"]], rowTotals: ["<5", "70"],
                                              columnTotals: ["<5", "60"], total: "<5"))
    }

    @Test func aParentLackingAGroupStillExposesATotalCloseToItsOwn() {
        let parent = Self.table([[9]], columns: ["a"])
        let apart = Disclosure.protect(Self.table([[9, 20]], columns: ["a", "new"]), parents: [parent])
        #expect(Printed(apart) == Printed(cells: [["9", "20"]], rowTotals: ["29"], columnTotals: ["9", "20"], total: "29"))
        // 3 persons in the new group: the total 12 lies 3 away from the parent's 9.
        let close = Disclosure.protect(Self.table([[9, 3]], columns: ["a", "new"]), parents: [parent])
        #expect(close.total == .suppressed)
    }

    // MARK: - Periods

    @Test func aShorterPeriodSharingAnEndpointThatDiffersByOneToFourHidesTheCount() {
        // Full 13; the last two months alone make 10, which singles out the 3 of the first month.
        #expect(Disclosure.count(13, months: [3, 0, 10]) == .suppressed)
        // The middle month alone (16) differs by 4; the prefix of the first two (18) catches it by 2.
        #expect(Disclosure.count(20, months: [2, 16, 2]) == .suppressed)
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
                #expect(Disclosure.count(full, months: months) == (exposed ? .suppressed : .value(full)), "\(months)")
            }
        }
    }

    @Test func aTableComparesEveryCellWithItsShorterPeriods() {
        // Cell r1/a over three months: 3 + 0 + 10 = 13, the last two months 10: hidden, and with it,
        // by secondary suppression, the other cells of its row and columns.
        let months = [Self.table([[3, 10], [10, 10]]), Self.table([[0, 10], [10, 10]]), Self.table([[10, 10], [10, 10]])]
        let full = Self.table([[13, 30], [30, 30]])
        #expect(Printed(Disclosure.protect(full, months: months)) == Printed(
            cells: [["<5", "<5"], ["<5", "<5"]], rowTotals: ["43", "60"], columnTotals: ["43", "60"], total: "103"))
        #expect(Disclosure.protect(full).cells[0][0] == .value(13))
    }

    // MARK: - Secondary suppression

    @Test func theFirstOfEqualSmallestCellsIsTheOneHidden() {
        let protected = Disclosure.protect(CountList(keys: ["a", "b", "c", "d"], counts: [3, 8, 8, 20]))
        #expect(protected.counts.map(\.display) == ["<5", "<5", "8", "20"])
        #expect(protected.total == .value(39))
    }

    @Test func aTotalIsHiddenOnlyWhenNoCellOfItsLineIsLeft() {
        // Column: 3 hidden, so 20 goes (a cell rather than the total 23). Row r2 then holds 20
        // hidden and its total 20 shown: the total has to go.
        let protected = Disclosure.protect(Self.table([[3], [20]]))
        #expect(Printed(protected) == Printed(cells: [["<5"], ["<5"]], rowTotals: ["<5", "<5"], columnTotals: ["23"], total: "23"))
    }

    @Test func secondarySuppressionRepeatsUntilNoLineHidesExactlyOne() {
        // Pass 1: r1 hides 20; column a hides 10 (r2); column b hides 25 (r3).
        // Pass 2: r2 hides 40; r3 hides 11; column c, now with 11 hidden, hides 30 (r1).
        let protected = Disclosure.protect(Self.table([[3, 20, 30], [10, 40, 50], [15, 25, 11]]))
        #expect(Printed(protected) == Printed(cells: [["<5", "<5", "<5"], ["<5", "<5", "50"], ["15", "<5", "<5"]],
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
            #expect(lines.allSatisfy { $0.count { $0 == .suppressed } != 1 }, "\(values)")
            let published = grid.joined().compactMap(\.count)
            #expect(published.allSatisfy { $0 >= Disclosure.threshold }, "\(values)")
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
