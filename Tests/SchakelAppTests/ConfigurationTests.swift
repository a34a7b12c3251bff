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
