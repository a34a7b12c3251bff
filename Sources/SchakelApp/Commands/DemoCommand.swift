import Fluent
import Foundation
import SchakelCore
import SchakelDemo
import Vapor

/// `schakel demo --persons N --seed S [--as-of YYYY-MM-DD] [--reset]`
struct DemoCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "persons", help: "How many synthetic persons (default 500).")
        var persons: Int?
        @Option(name: "seed", help: "Random seed; the same seed and day give the same world (default 1).")
        var seed: UInt64?
        @Option(name: "as-of", help: "The day the world is drawn around, YYYY-MM-DD (default today).")
        var asOf: String?
        @Option(name: "batch", help: "Persons per insert batch (default 1000).")
        var batch: Int?
        @Flag(name: "reset", help: "Empty the database first (reverts and re-runs every migration).")
        var reset: Bool
        @Flag(name: "dry-run", help: "Generate the persons and their rows without writing them (the benchmark's baseline).")
        var dryRun: Bool
        @Flag(name: "history", help: "Give every person a past: referrals with their events and trajectory steps (for the figures).")
        var history: Bool
    }

    var help: String { "Builds the demo world: a chain of organisations and agreements, accounts, and N synthetic persons." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        let persons = signature.persons ?? 500
        guard persons >= 0 else { throw DemoProblem.badOption("--persons must be 0 or more") }
        var asOf = app.schakel.now().brusselsDay
        if let text = signature.asOf {
            guard let day = CalendarDate(iso: text) else { throw DemoProblem.badOption("--as-of must be YYYY-MM-DD") }
            asOf = day
        }
        if signature.dryRun {
            let started = Date()
            let rows = try DemoWorldLoader.generateOnly(world: DemoWorld(seed: signature.seed ?? 1), asOf: asOf, count: persons,
                                                        batchSize: signature.batch ?? 1000, now: app.schakel.now(),
                                                        keyring: (try? app.keyring) ?? .ephemeral())
            let seconds = Date().timeIntervalSince(started)
            context.console.print("Generated \(persons) persons (\(rows) dossier rows) without writing in \(String(format: "%.1f", seconds)) s.")
            context.console.print("Peak memory: \(ProcessMemory.peakResidentMegabytes().map { "\($0) MiB" } ?? "unknown").")
            return
        }
        if signature.reset {
            try await app.autoRevert()
        }
        try await app.autoMigrate()
        // The keys must open what the database holds; a key file is made only for a database without persons.
        try await DataKeys.prepare(app, mayCreate: true)
        let started = Date()
        let summary = try await DemoBootstrap.build(app: app, persons: persons, seed: signature.seed ?? 1, asOf: asOf,
                                                    batchSize: signature.batch ?? 1000, history: signature.history) { done in
            if done % 50_000 == 0 || done == persons { context.console.print("  \(done) persons written") }
        }
        let seconds = Date().timeIntervalSince(started)
        context.console.print("Demo world built in \(String(format: "%.1f", seconds)) s: \(summary.organisations) organisations, "
            + "\(summary.agreements) agreements, \(summary.accounts) accounts, \(summary.persons) persons, \(summary.rows) dossier rows; "
            + "\(summary.activity.referrals) referrals, \(summary.activity.steps) trajectory steps, \(summary.activity.conferences) case conferences, "
            + "\(summary.activity.employerRequests) employer requests, \(summary.offers) offers"
            + (signature.history ? "; every person with a past (referrals and steps)." : "."))
        context.console.print("Peak memory: \(ProcessMemory.peakResidentMegabytes().map { "\($0) MiB" } ?? "unknown").")
    }

    enum DemoProblem: Error, CustomStringConvertible {
        case badOption(String)
        var description: String {
            switch self { case let .badOption(text): return text }
        }
    }
}

enum DemoBootstrap {
    static let defaultPersons = 500
    static let defaultSeed: UInt64 = 1

    static func build(app: Application, persons: Int, seed: UInt64, asOf: CalendarDate, batchSize: Int = 1000, history: Bool = false,
                      progress: @escaping @Sendable (Int) -> Void = { _ in }) async throws -> DemoWorldLoader.Summary {
        let world = DemoWorld(seed: seed)
        let hash = try await app.password.async.hash(DemoWorld.password)
        var loader = DemoWorldLoader(database: app.db, world: world, asOf: asOf, now: app.schakel.now(), passwordHash: hash,
                                     keyring: try app.keyring)
        loader.batchSize = max(1, batchSize)
        loader.withHistory = history
        var summary = try await loader.loadChain()
        summary.offers = try await loadOffers(app: app, world: world, asOf: asOf, count: 300)
        let (count, rows) = try await loader.loadPersons(count: persons, progress: progress)
        summary.persons = count
        summary.rows = rows
        // The chain at work: a fifth of the persons referred (at most 240), with their steps and conferences.
        let activity = DemoActivity(database: app.db, world: world, asOf: asOf, now: app.schakel.now(), keyring: try app.keyring)
        summary.activity = try await activity.build(referrals: min(persons / 5, 240))
        return summary
    }

    /// A few hundred offers across the provinces, from the providers of the chain.
    static func loadOffers(app: Application, world: DemoWorld, asOf: CalendarDate, count: Int) async throws -> Int {
        let now = app.schakel.now()
        let models = try DemoOfferGenerator(world: world, asOf: asOf).offers(0..<count).map { try OfferModel($0, now: now) }
        try await app.db.transaction { db in
            for model in models { try await model.create(on: db) }
        }
        return models.count
    }

    /// `serve --demo`: on an empty database, build the demo world; then say where and who.
    static func serveDemo(app: Application, address: String) async throws {
        let console = app.console
        if try await OrganisationModel.query(on: app.db).count() == 0 {
            console.print("Building the demo world (\(defaultPersons) synthetic persons)…")
            _ = try await build(app: app, persons: defaultPersons, seed: defaultSeed, asOf: app.schakel.now().brusselsDay)
        } else {
            console.print("The database already holds data; the demo world is not rebuilt.")
        }
        console.print("")
        console.print("Schakel demo: \(address)")
        console.print("Every demo account uses the password '\(DemoWorld.password)'; the address is ROLE@ORGANISATION.demo:")
        let world = DemoWorld(seed: defaultSeed)
        console.print("  roles:         " + UserRole.allCases.map(\.rawValue).joined(separator: ", "))
        console.print("  organisations: " + world.organisations.map(\.slug).joined(separator: ", "))
        console.print("  for example:   social-worker@fedasil-poelkapelle.demo, job-counsellor@vdab-gent.demo, analyst@stad-gent.demo")
        console.print("")
    }
}

/// Peak resident memory of this process, from /proc (Linux) or getrusage.
enum ProcessMemory {
    static func peakResidentMegabytes() -> Int? {
        if let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
           let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }) {
            let kilobytes = line.split(separator: " ").compactMap { Int($0) }.first
            return kilobytes.map { $0 / 1024 }
        }
        return nil
    }
}
