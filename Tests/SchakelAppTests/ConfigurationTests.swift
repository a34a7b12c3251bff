import Foundation
import Testing
@testable import SchakelApp

@Suite("Choosing the database and reading the command line")
struct ConfigurationTests {
    @Test(arguments: [
        (nil, nil, DatabaseLocation.sqlite(path: "schakel.sqlite")),
        (nil, "", .sqlite(path: "schakel.sqlite")),
        (nil, "sqlite:/var/lib/schakel/data.sqlite", .sqlite(path: "/var/lib/schakel/data.sqlite")),
        (nil, "sqlite:///var/lib/schakel/data.sqlite", .sqlite(path: "/var/lib/schakel/data.sqlite")),
        (nil, "postgres://u:p@db:5432/schakel", .postgres(url: "postgres://u:p@db:5432/schakel")),
        (nil, "postgresql://u:p@db/schakel", .postgres(url: "postgresql://u:p@db/schakel")),
        ("elsewhere.sqlite", "postgres://u:p@db/schakel", .sqlite(path: "elsewhere.sqlite")),
    ] as [(String?, String?, DatabaseLocation)])
    func databaseLocation(flag: String?, url: String?, expected: DatabaseLocation) throws {
        #expect(try DatabaseLocation.resolve(databaseFlag: flag, environmentURL: url) == expected)
    }

    @Test func unsupportedDatabasesAreNamed() {
        #expect(throws: DatabaseLocation.Problem.unsupportedScheme("mysql")) {
            try DatabaseLocation.resolve(databaseFlag: nil, environmentURL: "mysql://x")
        }
        #expect(throws: DatabaseLocation.Problem.emptyPath) { try DatabaseLocation.resolve(databaseFlag: nil, environmentURL: "sqlite:") }
    }

    @Test func demoAndDatabaseFlagsAreTakenOffBeforeVaporParses() throws {
        let serve = try LaunchOptions.parse(["schakel", "serve", "--demo", "--port", "9000", "--database", "x.sqlite"])
        #expect(serve.demo)
        #expect(serve.databaseFlag == "x.sqlite")
        #expect(serve.remaining == ["schakel", "serve", "--port", "9000"])
        #expect(serve.isServe)

        let demo = try LaunchOptions.parse(["schakel", "demo", "--persons", "10", "--database=y.sqlite"])
        #expect(!demo.demo)
        #expect(demo.databaseFlag == "y.sqlite")
        #expect(!demo.isServe)
        #expect(try LaunchOptions.parse(["schakel"]).isServe)
        #expect(throws: LaunchOptions.Problem.missingValue("--database")) { try LaunchOptions.parse(["schakel", "migrate", "--database"]) }
    }

    @Test func theBannerAddressFollowsTheServeFlags() {
        #expect(SchakelMain.serveAddress(["schakel", "serve"]) == "http://127.0.0.1:8080")
        #expect(SchakelMain.serveAddress(["schakel", "serve", "--port", "9001", "-H", "0.0.0.0"]) == "http://0.0.0.0:9001")
    }
}

/// The real executable, run in an empty directory: help and other commands that need no database
/// leave nothing behind (no `schakel.sqlite`, no key file), and one that does need it makes it.
@Suite("Commands that need no database")
struct NoDatabaseCommandTests {
    static let executable = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent(".build/debug/schakel").path

    /// Runs `schakel ARGUMENTS` in `directory` with no database or key configured; gives the exit status and output.
    static func run(_ arguments: [String], in directory: URL) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var environment = ProcessInfo.processInfo.environment
        for name in ["DATABASE_URL", "SCHAKEL_DATA_KEY", "SCHAKEL_DATA_KEY_FILE", "SCHAKEL_POSTGRES_SCHEMA"] { environment[name] = nil }
        process.environment = environment
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let timer = DispatchWorkItem { if process.isRunning { process.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: .now() + 60, execute: timer)
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        timer.cancel()
        return (process.terminationStatus, output)
    }

    @Test(arguments: [["--help"], ["-h"], ["serve", "--help"], ["demo", "--help"], ["setup", "--help"], ["migrate", "--help"],
                      ["user"], ["keys"], ["user", "create", "--help"], ["routes"], ["no-such-command"]])
    func leavesNoDatabaseBehind(arguments: [String]) throws {
        #expect(FileManager.default.isExecutableFile(atPath: Self.executable), "build the package first: \(Self.executable)")
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("schakel-nodb-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try Self.run(arguments, in: directory)
        #expect(!result.output.isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == [], "\(arguments): \(result.output)")
    }

    /// The control: a command that uses the database makes it where it was asked to.
    @Test func aCommandThatUsesTheDatabaseMakesIt() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("schakel-nodb-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try Self.run(["migrate", "--yes"], in: directory)
        #expect(result.status == 0, "\(result.output)")
        #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("schakel.sqlite").path))
    }
}
