import Foundation
import Vapor
import SchakelCore

/// What the app takes from outside: injected so tests control time and can make sign-in cheap.
public struct SchakelSettings: Sendable {
    public var database: DatabaseLocation
    /// The clock every timestamp and deadline reads.
    public var now: @Sendable () -> Date
    public var signInThrottle: SignInThrottle
    /// Bcrypt cost for new password hashes (12 in production; tests lower it).
    public var bcryptCost: Int
    /// Secure cookies: on unless explicitly turned off for plain-HTTP development.
    public var secureCookies: Bool
    /// How long an API token stays valid.
    public var tokenLifetime: TimeInterval
    /// Largest request body accepted (bytes).
    public var maxBodySize: Int
    /// PostgreSQL schema to work in (`SCHAKEL_POSTGRES_SCHEMA`); nil is the server's default search path.
    /// Lets one database hold several isolated instances, which the tests use to run in parallel.
    public var postgresSchema: String? = nil
    /// The data keys; nil means: load them from the environment or the key file in `configure`.
    public var keyring: DataKeyring? = nil
    /// Whether `configure` sets up the SQLite file (WAL, synchronous), which opens and so creates it.
    /// `SchakelMain` turns it off and does it itself only for a command that uses the database.
    public var preparesDatabase: Bool = true
    /// Largest offer file the import takes (bytes): 4 MB, about 50 000 short rows.
    public var maxOfferFileSize: Int = 4 * 1024 * 1024
    /// Most offers one provider may have in the catalogue (`SCHAKEL_MAX_OFFERS_PER_PROVIDER`, default 5 000):
    /// every dossier page ranks the whole catalogue for its person, so one provider's import cannot make
    /// it slow for everyone. An import that would go over it is refused whole (422 naming the limit).
    public var maxOffersPerProvider: Int = 5_000
    /// Serving the demo world (`serve --demo`): pages say that every person is invented.
    public var isDemo: Bool = false
    /// When browser sessions end on the server (idle and absolute).
    public var sessionLifetime = SessionLifetime()
    /// Threads that hash passwords, apart from the database's threads, and how many sign-ins may wait for one
    /// before further ones are refused at once (429): a flood of sign-ins must not hold up everyone's reads.
    public var passwordHashingThreads = max(1, System.coreCount / 2)
    public var passwordHashingQueue = 16
    /// The address the invitation letter prints for "Mijn Schakel" (`SCHAKEL_PUBLIC_URL`, e.g. https://schakel.example.be);
    /// nil: the address the caseworker's browser used.
    public var publicURL: String? = nil
    /// How long a request waits for a database connection (SQLite's one, `OneSQLiteConnection`, or one of PostgreSQL's
    /// pool) before it is refused with 503 and Retry-After.
    public var databaseWait: TimeInterval = 30
    /// How long an invitation's one-time code works.
    public var invitationLifetime: TimeInterval = 14 * 86_400

    public init(database: DatabaseLocation, now: @escaping @Sendable () -> Date = { Date() },
                signInThrottle: SignInThrottle = SignInThrottle(), bcryptCost: Int = 12,
                secureCookies: Bool = true, tokenLifetime: TimeInterval = 12 * 3600, maxBodySize: Int = 64 * 1024) {
        self.database = database
        self.now = now
        self.signInThrottle = signInThrottle
        self.bcryptCost = bcryptCost
        self.secureCookies = secureCookies
        self.tokenLifetime = tokenLifetime
        self.maxBodySize = maxBodySize
    }

    public struct Problem: Error, CustomStringConvertible {
        public let description: String
        init(_ description: String) { self.description = description }
    }

    /// Reads `DATABASE_URL`, `SCHAKEL_INSECURE_COOKIES` (set to 1 only behind plain HTTP in development) and
    /// `SCHAKEL_MAX_OFFERS_PER_PROVIDER`.
    public static func fromEnvironment(databaseFlag: String?) throws -> SchakelSettings {
        let database = try DatabaseLocation.resolve(databaseFlag: databaseFlag,
                                                    environmentURL: Environment.get("DATABASE_URL"))
        var settings = SchakelSettings(database: database, secureCookies: Environment.get("SCHAKEL_INSECURE_COOKIES") != "1")
        settings.postgresSchema = Environment.get("SCHAKEL_POSTGRES_SCHEMA").flatMap { $0.isEmpty ? nil : $0 }
        if let text = Environment.get("SCHAKEL_PUBLIC_URL"), !text.isEmpty {
            guard let url = URL(string: text), ["http", "https"].contains(url.scheme ?? ""), url.host != nil, url.query == nil else {
                throw Problem("SCHAKEL_PUBLIC_URL must be an http(s) address without a query, got '\(text)'")
            }
            settings.publicURL = text.hasSuffix("/") ? String(text.dropLast()) : text
        }
        if let text = Environment.get("SCHAKEL_MAX_OFFERS_PER_PROVIDER"), !text.isEmpty {
            guard let limit = Int(text), (1...1_000_000).contains(limit) else {
                throw Problem("SCHAKEL_MAX_OFFERS_PER_PROVIDER must be a whole number from 1 to 1000000, got '\(text)'")
            }
            settings.maxOffersPerProvider = limit
        }
        return settings
    }
}

extension SchakelSettings {
    /// The data key file: `SCHAKEL_DATA_KEY_FILE`, else `schakel-data.key` beside the SQLite file.
    var keyFile: String { Environment.get("SCHAKEL_DATA_KEY_FILE") ?? database.defaultKeyFile }
}

struct SchakelSettingsKey: StorageKey { typealias Value = SchakelSettings }

extension Application {
    public var schakel: SchakelSettings {
        get {
            guard let settings = storage[SchakelSettingsKey.self] else {
                fatalError("configure(_:settings:) sets SchakelSettings before anything reads them")
            }
            return settings
        }
        set { storage[SchakelSettingsKey.self] = newValue }
    }
}

extension Request {
    var schakel: SchakelSettings { application.schakel }
    var now: Date { application.schakel.now() }
}

extension Date {
    /// Belgian civil time: every "today" and every "at nine on that day" is counted in it.
    static let brusselsCalendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Brussels") ?? .gmt
        return calendar
    }()

    /// The calendar day in Belgium for this instant (Europe/Brussels).
    var brusselsDay: CalendarDate {
        let parts = Date.brusselsCalendar.dateComponents([.year, .month, .day], from: self)
        return CalendarDate(parts.year!, parts.month!, parts.day!)
    }

    /// The instant of a whole hour on a Belgian calendar day.
    static func brussels(_ day: CalendarDate, hour: Int) -> Date {
        brusselsCalendar.date(from: DateComponents(year: day.year, month: day.month, day: day.day, hour: min(hour, 23)))!
    }
}
