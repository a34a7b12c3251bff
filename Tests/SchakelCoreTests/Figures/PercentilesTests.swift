import Testing
@testable import SchakelCore

@Suite struct PercentilesTests {
    @Test func anOddCountFromAnUnsortedHistogram() {
        // In order: 1 1 1 1 3 7 7 7 10 10 10 (11 persons). Median: person ⌈5.5⌉ = 6 → 7.
        // p90: person ⌈9.9⌉ = 10 → 10. Mean: (4 + 3 + 21 + 30) / 11.
        let histogram = [(value: 3, count: 1), (value: 1, count: 4), (value: 10, count: 3), (value: 7, count: 3)]
        #expect(Percentiles.median(of: histogram) == 7)
        #expect(Percentiles.p90(of: histogram) == 10)
        #expect(Percentiles.mean(of: histogram) == 58.0 / 11)
    }

    @Test func anEvenCountTakesTheLowerMiddleValue() {
        // 1 … 10: median is person 5 → 5, not 5.5; p90 is person 9 → 9.
        let histogram = (1...10).map { (value: $0, count: 1) }
        #expect(Percentiles.median(of: histogram) == 5)
        #expect(Percentiles.p90(of: histogram) == 9)
        #expect(Percentiles.mean(of: histogram) == 5.5)
        // Five persons at 2 days and five at 4: the median is 2.
        #expect(Percentiles.median(of: [(value: 2, count: 5), (value: 4, count: 5)]) == 2)
    }

    @Test func oneBigBucketIsEveryStatistic() {
        let histogram = [(value: 0, count: 0), (value: 14, count: 250), (value: 90, count: 0)]
        #expect(Percentiles.median(of: histogram) == 14)
        #expect(Percentiles.p90(of: histogram) == 14)
        #expect(Percentiles.mean(of: histogram) == 14)
    }

    @Test func fewerThanTenPersonsGiveNothing() {
        let nine = [(value: 5, count: 4), (value: 8, count: 5)]
        #expect(Percentiles.median(of: nine) == nil)
        #expect(Percentiles.p90(of: nine) == nil)
        #expect(Percentiles.mean(of: nine) == nil)
        #expect(Percentiles.median(of: []) == nil)
        #expect(Percentiles.mean(of: []) == nil)
        // Ten persons (5 5 5 5 8 8 8 8 8 8) are enough; the fifth of them has 8.
        #expect(Percentiles.median(of: [(value: 5, count: 4), (value: 8, count: 6)]) == 8)
    }

    @Test func theHistogramGivesWhatSortingEveryPersonWould() {
        var random = SeededGenerator(seed: 0x9E7C)
        for _ in 0..<200 {
            let histogram = (0..<random.int(in: 1...8)).map { _ in (value: random.int(in: 0...400), count: random.int(in: 0...30)) }
            let persons = histogram.flatMap { Array(repeating: $0.value, count: $0.count) }.sorted()
            for percent in [1, 25, 50, 90, 100] {
                let expected = persons.count < 10 ? nil : persons[Int((Double(percent * persons.count) / 100).rounded(.up)) - 1]
                #expect(Percentiles.nearestRank(percent, of: histogram) == expected, "p\(percent) of \(histogram)")
            }
        }
    }
}
