import Fluent
import SchakelCore
import SchakelDemo
import Vapor

/// `schakel bench recommendations`: the recommendation queries of the domain, timed in this process
/// against a baseline scan over the same data (run the release build: `Benchmarks/recommendations.sh`).
struct BenchCommandGroup: AsyncCommandGroup {
    var help: String { "Benchmarks that print figures and ratios." }
    var commands: [String: any AnyAsyncCommand] {
        ["recommendations": RecommendationBenchCommand(), "indicators": IndicatorBenchCommand(), "history": HistoryBenchCommand()]
    }
}

struct RecommendationBenchCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "offers", help: "Offers in the catalogue (default 10000).") var offers: Int?
        @Option(name: "persons", help: "Persons to rank for one offer (default 100000).") var persons: Int?
        @Option(name: "repetitions", help: "Timed repetitions of each query (default 30).") var repetitions: Int?
    }

    var help: String { "One person against the offers, one offer against the persons: median, p90, baseline and ratio." }

    func run(using context: CommandContext, signature: Signature) async throws {
        #if DEBUG
        context.console.warning("This is a debug build: the figures mean little. Use Benchmarks/recommendations.sh (release).")
        #endif
        let report = RecommendationBenchmark.run(offers: signature.offers ?? 10_000, persons: signature.persons ?? 100_000,
                                                 repetitions: max(1, signature.repetitions ?? 30))
        for line in report.lines { context.console.print(line) }
    }
}

/// `schakel bench history`: the demo's past per person against making the persons themselves (`Benchmarks/demo-history.sh`).
struct HistoryBenchCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "persons", help: "Persons per round (default 20000).") var persons: Int?
        @Option(name: "rounds", help: "Timed rounds (default 5).") var rounds: Int?
    }

    var help: String { "Demo history generation per person: median and spread over rounds, baseline and ratio." }

    func run(using context: CommandContext, signature: Signature) async throws {
        #if DEBUG
        context.console.warning("This is a debug build: the figures mean little. Use Benchmarks/demo-history.sh (release).")
        #endif
        for line in HistoryBenchmark.run(persons: max(1, signature.persons ?? 20_000), rounds: max(1, signature.rounds ?? 5)) {
            context.console.print(line)
        }
    }
}

/// `schakel bench indicators`: every indicator over the whole database (the demo world at 100 000 or
/// 1 000 000 persons), timed end to end as the API computes it (disclosure checks included), and the
/// SQL statements it ran written out so `Benchmarks/indicators.sh` can time the same ones in DuckDB.
struct IndicatorBenchCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "as-of", help: "The day the figures are computed on, YYYY-MM-DD (default today).") var asOf: String?
        @Option(name: "repetitions", help: "Timed repetitions of each indicator (default 5).") var repetitions: Int?
        @Option(name: "region", help: "Also time the indicators filtered to this region (NIS code).") var region: String?
        @Option(name: "statements", help: "Write the statements run, as JSON, to this file.") var statements: String?
    }

    var help: String { "Each indicator's time (median and best of the repetitions) on the database as it is." }

    func run(using context: CommandContext, signature: Signature) async throws {
        #if DEBUG
        context.console.warning("This is a debug build: the figures mean little. Use Benchmarks/indicators.sh (release).")
        #endif
        let app = context.application
        let today = signature.asOf.flatMap(CalendarDate.init(iso:)) ?? app.schakel.now().brusselsDay
        let repetitions = max(1, signature.repetitions ?? 5)
        let persons = try await PersonModel.query(on: app.db).count()
        let referrals = try await ReferralModel.query(on: app.db).count()
        let steps = try await TrajectoryStepModel.query(on: app.db).count()
        context.console.print("persons \(persons), referrals \(referrals), steps \(steps), as of \(today.iso), \(repetitions) repetitions")
        var filters = [("all", FigureFilter.lastYear(today: today))]
        if let region = signature.region {
            var filter = FigureFilter.lastYear(today: today)
            filter.region = region
            filters.append(("region \(region)", filter))
        }
        var dump: [[String: Any]] = []
        context.console.print("indicator      filter         median_ms    best_ms  statements")
        for (label, filter) in filters {
            for name in Indicators.Name.allCases {
                let indicators = Indicators(database: app.db, filter: filter, today: today, language: .nl)
                var times: [Double] = []
                for _ in 0..<repetitions {
                    let start = DispatchTime.now().uptimeNanoseconds
                    _ = try await indicators.compute(name)
                    times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
                }
                let recorder = FigureSQL.Recorder()
                _ = try await FigureSQL.$recorder.withValue(recorder) { try await indicators.compute(name) }
                times.sort()
                let line = "\(name.rawValue.padding(toLength: 14, withPad: " ", startingAt: 0)) \(label.padding(toLength: 14, withPad: " ", startingAt: 0)) "
                    + String(format: "%10.1f %10.1f %11d", times[times.count / 2], times[0], recorder.statements.count)
                context.console.print(line)
                dump.append(["indicator": name.rawValue, "filter": label, "median_ms": times[times.count / 2], "best_ms": times[0],
                             "statements": recorder.statements.map { statement in
                                 ["sql": statement.sql, "binds": statement.binds.map { bind -> Any in
                                     switch bind {
                                     case let value as Int: return value
                                     case let value as String: return value
                                     default: return "\(bind)"
                                     }
                                 }] as [String: Any]
                             }])
            }
        }
        if let path = signature.statements {
            try JSONSerialization.data(withJSONObject: dump, options: [.prettyPrinted]).write(to: URL(fileURLWithPath: path))
        }
    }
}
