import Foundation
import Fluent
import Logging
import NIOCore
import NIOPosix
import Vapor

/// What `schakel` does when started; the executable target only calls this.
public enum SchakelMain {
    public static func run() async throws {
        // Run Swift concurrency on the NIO event loops (Vapor's recommended set-up): an awaited database
        // answer resumes the handler on its event loop instead of hopping to another thread pool.
        // Blocking work goes to thread pools: database I/O to NIO's, Bcrypt to its own (`PasswordHasher`).
        _ = NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()
        let options: LaunchOptions
        do {
            options = try LaunchOptions.parse(CommandLine.arguments)
        } catch {
            FileHandle.standardError.write(Data("schakel: \(error)\n".utf8))
            exit(2)
        }
        var environment = try Environment.detect(arguments: options.remaining)
        try LoggingSystem.bootstrap(from: &environment)
        let app = try await Application.make(environment)
        do {
            var settings = try SchakelSettings.fromEnvironment(databaseFlag: options.databaseFlag)
            settings.isDemo = options.demo
            // The database is opened only by a command that uses it: `--help` creates no schakel.sqlite.
            settings.preparesDatabase = false
            try await configure(app, settings: settings)
            let registered = app.asyncCommands.commands.mapValues { $0 is any AsyncCommandGroup }
                .merging(app.commands.commands.mapValues { $0 is any CommandGroup }) { first, _ in first }
            if options.needsDatabase(commands: registered) {
                try await prepareDatabase(app)
            }
            if options.isServe {
                // Serving without the data key would fail at the first person: say so before migrating.
                if !options.demo { _ = try app.keyring }
                try await app.autoMigrate()
                // A database migrated from before the figures had facts gets them once (migration 007 runs no live code).
                try await FigureFacts.fillIfMissing(on: app.db, today: app.schakel.now().brusselsDay)
                // The keys must open the data (a demo database without persons gets a key file made).
                try await DataKeys.prepare(app, mayCreate: options.demo)
                if options.demo {
                    try await DemoBootstrap.serveDemo(app: app, address: serveAddress(options.remaining))
                }
            }
            try await app.execute()
        } catch {
            // An operator's mistake (no key, a populated database, a bad option) gets one clear line and
            // exit status 1, not a crash report.
            try? await app.asyncShutdown()
            FileHandle.standardError.write(Data("schakel: \(error)\n".utf8))
            exit(1)
        }
        try await app.asyncShutdown()
    }

    /// The address `serve` will listen on, for the banner (Vapor's defaults: 127.0.0.1:8080).
    static func serveAddress(_ arguments: [String]) -> String {
        func value(_ names: [String]) -> String? {
            guard let index = arguments.firstIndex(where: names.contains), index + 1 < arguments.count else { return nil }
            return arguments[index + 1]
        }
        return "http://\(value(["--hostname", "-H"]) ?? "127.0.0.1"):\(value(["--port", "-p"]) ?? "8080")"
    }
}
