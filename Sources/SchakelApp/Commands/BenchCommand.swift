import SchakelCore
import Vapor

/// `schakel bench recommendations`: the recommendation queries of the domain, timed in this process
/// against a baseline scan over the same data (run the release build: `Benchmarks/recommendations.sh`).
struct BenchCommandGroup: AsyncCommandGroup {
    var help: String { "Benchmarks that print figures and ratios." }
    var commands: [String: any AnyAsyncCommand] { ["recommendations": RecommendationBenchCommand()] }
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
