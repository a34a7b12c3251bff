import Foundation
import SchakelCore

/// Times the two recommendation queries of issue 5 on synthetic data: one person against all
/// offers (target under 5 ms) and one offer against all persons (target under 200 ms), both in
/// a release build. Beside each, a baseline in the same run, a plain scan that reads one field
/// of every element, so the figure can be read against what the machine does in the same time.
/// Generation is not timed. Every repetition asks for another person or offer.
public enum RecommendationBenchmark {
    public struct Timing: Sendable {
        public let median: Duration
        public let p90: Duration
        public let baselineMedian: Duration
        public let target: Duration

        /// Query median over baseline median.
        public var ratio: Double { seconds(median) / max(seconds(baselineMedian), 1e-9) }
        public var meetsTarget: Bool { median < target }
    }

    public struct Report: Sendable {
        public let offers: Int
        public let persons: Int
        public let repetitions: Int
        public let personAgainstOffers: Timing
        public let offerAgainstPersons: Timing
        /// Average number of offers returned per person, and of persons per offer (limit 20, unknowns included).
        public let averageResults: (offers: Double, persons: Double)
        public let lines: [String]
    }

    public static func run(offers offerCount: Int = 10_000, persons personCount: Int = 100_000, repetitions: Int,
                           seed: UInt64 = 2026, today: CalendarDate = CalendarDate(2026, 9, 21)) -> Report {
        precondition(offerCount > 0 && personCount > 0 && repetitions > 0)
        let clock = ContinuousClock()
        let world = DemoWorld(seed: seed)
        var offers: [Offer] = []
        var persons: [PersonProfile] = []
        let generation = clock.measure {
            offers = DemoOfferGenerator(world: world, asOf: today).offers(0..<offerCount)
            persons = DemoPersonGenerator(world: world, asOf: today).profiles(0..<personCount)
        }

        // Keeps every result alive so that the optimiser cannot drop a scan.
        var sink = 0
        var personQueries: [Duration] = [], personBaselines: [Duration] = []
        var offerQueries: [Duration] = [], offerBaselines: [Duration] = []
        var offersFound = 0, personsFound = 0
        // One round unmeasured, to fault in pages and warm the caches like a running server.
        sink &+= Recommendations.offers(for: persons[0], among: offers, today: today, includeUnknown: true).count
        sink &+= Recommendations.candidates(for: offers[0], among: persons, today: today, includeUnknown: true).count
        for repetition in 0..<repetitions {
            let person = persons[(repetition * 7919) % personCount]
            let offer = offers[(repetition * 7919) % offerCount]
            var found = 0
            personQueries.append(clock.measure {
                found = Recommendations.offers(for: person, among: offers, today: today, includeUnknown: true).count
            })
            offersFound += found
            personBaselines.append(clock.measure { sink &+= baselineScan(offers) })
            offerQueries.append(clock.measure {
                found = Recommendations.candidates(for: offer, among: persons, today: today, includeUnknown: true).count
            })
            personsFound += found
            offerBaselines.append(clock.measure { sink &+= baselineScan(persons) })
        }

        let personTiming = Timing(median: percentile(personQueries, 0.5), p90: percentile(personQueries, 0.9),
                                  baselineMedian: percentile(personBaselines, 0.5), target: .milliseconds(5))
        let offerTiming = Timing(median: percentile(offerQueries, 0.5), p90: percentile(offerQueries, 0.9),
                                 baselineMedian: percentile(offerBaselines, 0.5), target: .milliseconds(200))
        let averages = (Double(offersFound) / Double(repetitions), Double(personsFound) / Double(repetitions))

        #if DEBUG
        let build = "debug build: figures mean little, run with -c release"
        #else
        let build = "release build"
        #endif
        func line(_ title: String, _ timing: Timing) -> String {
            "\(title): median \(ms(timing.median)), p90 \(ms(timing.p90)) (target < \(ms(timing.target)): "
                + (timing.meetsTarget ? "met" : "NOT met") + "); baseline scan median \(ms(timing.baselineMedian)), ratio "
                + String(format: "%.0f", timing.ratio) + "×"
        }
        let lines = [
            "Recommendation benchmark: \(offerCount) offers, \(personCount) persons, \(repetitions) repetitions, \(build)",
            line("one person against \(offerCount) offers", personTiming),
            line("one offer against \(personCount) persons", offerTiming),
            "results per query (limit 20, unknown included): " + String(format: "%.1f offers, %.1f persons", averages.0, averages.1),
            "baseline: a loop reading one field of each element; generation took \(ms(generation)) (not timed above); check \(sink & 0xFF)",
        ]
        return Report(offers: offerCount, persons: personCount, repetitions: repetitions, personAgainstOffers: personTiming,
                      offerAgainstPersons: offerTiming, averageResults: averages, lines: lines)
    }

    /// Reads one field of each element, the least a scan over the same array can do.
    @inline(never)
    static func baselineScan(_ offers: [Offer]) -> Int {
        var total = 0
        for index in offers.indices { total &+= offers[index].seatsTaken }
        return total
    }

    @inline(never)
    static func baselineScan(_ persons: [PersonProfile]) -> Int {
        var total = 0
        for index in persons.indices { total &+= persons[index].birthYear }
        return total
    }

    /// Nearest-rank percentile.
    static func percentile(_ durations: [Duration], _ fraction: Double) -> Duration {
        let sorted = durations.sorted()
        let rank = max(1, Int((fraction * Double(sorted.count)).rounded(.up)))
        return sorted[min(rank, sorted.count) - 1]
    }

    static func seconds(_ duration: Duration) -> Double {
        let parts = duration.components
        return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
    }

    static func ms(_ duration: Duration) -> String { String(format: "%.3f ms", seconds(duration) * 1000) }
}
