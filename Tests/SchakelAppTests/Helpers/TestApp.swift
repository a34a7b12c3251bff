import Fluent
import Foundation
import SQLKit
import Testing
import VaporTesting
@testable import SchakelApp
import SchakelCore

/// The engines every database test runs on: SQLite always; PostgreSQL when
/// `SCHAKEL_TEST_POSTGRES_URL` is set. On CI (`CI=true`) PostgreSQL is always included, so a
/// missing server fails the run instead of quietly skipping half the tests.
enum TestDatabase: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case sqlite, postgres

    var testDescription: String { rawValue }

    static var all: [TestDatabase] {
        let environment = ProcessInfo.processInfo.environment
        if environment["SCHAKEL_TEST_POSTGRES_URL"] != nil || environment["CI"] == "true" { return [.sqlite, .postgres] }
        return [.sqlite]
    }
}

/// A clock the test moves by hand.
final class TestClock: @unchecked Sendable {
    private let lock = NSLock()
    private var current: Date

    init(_ start: Date = Date(timeIntervalSince1970: 1_790_000_000)) { current = start } // 2026-09-21

    var now: Date { lock.withLock { current } }

    func advance(seconds: TimeInterval) { lock.withLock { current = current.addingTimeInterval(seconds) } }
}

struct TestSetupError: Error, CustomStringConvertible {
    let description: String
}

/// A fresh, migrated database for one test: a temporary SQLite file, or a new PostgreSQL schema
/// (so tests run in parallel without seeing each other). Removed afterwards.
func withTestApp(
    _ database: TestDatabase,
    clock: TestClock = TestClock(),
    throttle: SignInThrottle = SignInThrottle(),
    adjust: (inout SchakelSettings) -> Void = { _ in },
    _ body: (Application) async throws -> Void
) async throws {
    CapturedLogs.shared.install()
    let app = try await Application.make(.testing)
    var dropSchema: String? = nil
    var removeFile: String? = nil
    do {
        var settings: SchakelSettings
        switch database {
        case .sqlite:
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("schakel-test-\(UUID().uuidString).sqlite").path
            removeFile = path
            settings = SchakelSettings(database: .sqlite(path: path))
        case .postgres:
            guard let url = ProcessInfo.processInfo.environment["SCHAKEL_TEST_POSTGRES_URL"] else {
                throw TestSetupError(description: "CI=true but SCHAKEL_TEST_POSTGRES_URL is not set: the PostgreSQL tests cannot run")
            }
            let schema = "test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
            settings = SchakelSettings(database: .postgres(url: url))
            settings.postgresSchema = schema
            dropSchema = schema
        }
        settings.now = { clock.now }
        settings.bcryptCost = 4
        settings.signInThrottle = throttle
        settings.keyring = .ephemeral()
        adjust(&settings)
        try await configure(app, settings: settings)
        if let schema = dropSchema {
            try await (app.db as! any SQLDatabase).raw("CREATE SCHEMA \(unsafeRaw: schema)").run()
        }
        try await app.autoMigrate()
        try await body(app)
    } catch {
        await tearDown(app, dropSchema: dropSchema, removeFile: removeFile)
        throw error
    }
    await tearDown(app, dropSchema: dropSchema, removeFile: removeFile)
}

private func tearDown(_ app: Application, dropSchema: String?, removeFile: String?) async {
    if let schema = dropSchema {
        do {
            try await (app.db as! any SQLDatabase).raw("DROP SCHEMA IF EXISTS \(unsafeRaw: schema) CASCADE").run()
        } catch {
            Issue.record("could not drop test schema \(schema): \(error)")
        }
    }
    do { try await app.asyncShutdown() } catch { Issue.record("shutdown failed: \(error)") }
    if let path = removeFile {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }
}
