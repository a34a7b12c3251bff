import Foundation
import SchakelCore

/// How long the demo's past takes to make per person (`DemoHistoryGenerator`), next to a baseline measured in the
/// same run: making the same persons' profiles (`DemoPersonGenerator`). Several rounds, median and spread, so a noisy
/// machine shows as spread rather than as a wrong figure. `schakel bench history` prints it.
public enum HistoryBenchmark {
    public static func run(persons count: Int = 20_000, rounds: Int = 5, asOf: CalendarDate = CalendarDate(2026, 9, 21)) -> [String] {
        let world = DemoWorld(seed: 7)
        let people = DemoPersonGenerator(world: world, asOf: asOf)
        let generator = DemoHistoryGenerator(world: world, asOf: asOf)
        let clock = ContinuousClock()
        var baselines: [Duration] = [], histories: [Duration] = []
        var steps = 0, referrals = 0
        for _ in 0..<max(1, rounds) {
            var profiles: [PersonProfile] = []
            profiles.reserveCapacity(count)
            baselines.append(clock.measure { for index in 0..<count { profiles.append(people.profile(at: index)) } })
            steps = 0; referrals = 0
            histories.append(clock.measure {
                for profile in profiles {
                    let history = generator.history(for: profile)
                    steps += history.steps.count
                    referrals += history.referrals.count
                }
            })
        }
        func perPerson(_ duration: Duration) -> Double {
            Double(duration.components.seconds) * 1e6 / Double(count) + Double(duration.components.attoseconds) / 1e12 / Double(count)
        }
        let baseline = RecommendationBenchmark.percentile(baselines, 0.5), history = RecommendationBenchmark.percentile(histories, 0.5)
        func spread(_ all: [Duration]) -> String {
            String(format: "%.2f–%.2f", perPerson(all.min() ?? .zero), perPerson(all.max() ?? .zero))
        }
        func row(_ name: String, _ median: String, _ range: String) -> String {
            name.padding(toLength: 28, withPad: " ", startingAt: 0) + String(repeating: " ", count: max(0, 12 - median.count)) + median
                + String(repeating: " ", count: max(0, 16 - range.count)) + range
        }
        return [
            "persons \(count), rounds \(rounds); per round \(steps) steps and \(referrals) referrals made",
            row("measure", "median µs", "min–max µs"),
            row("baseline: profile", String(format: "%.2f", perPerson(baseline)), spread(baselines)),
            row("history (steps, referrals)", String(format: "%.2f", perPerson(history)), spread(histories)),
            String(format: "ratio history / profile: %.1fx", perPerson(history) / max(perPerson(baseline), 0.000_001)),
        ]
    }
}
