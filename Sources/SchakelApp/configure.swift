import Fluent
import FluentPostgresDriver
import FluentSQLiteDriver
import SQLKit
import Vapor

/// Sets up databases, migrations, sessions, middleware and routes. Touches nothing outside `app`.
public func configure(_ app: Application, settings: SchakelSettings) async throws {
    app.schakel = settings
    switch settings.database {
    case let .sqlite(path):
        // One connection for the process: SQLite has one writer at a time (see `OneSQLiteConnection`).
        let oneConnection = DatabaseConfigurationFactory.sqliteOneConnection(path: path, on: app.eventLoopGroup.any(),
                                                                            timeout: .milliseconds(Int64(settings.databaseWait * 1000)))
        app.databases.use(oneConnection, as: .sqlite)
    case let .postgres(url):
        var configuration = try SQLPostgresConfiguration(url: url)
        if let schema = settings.postgresSchema { configuration.searchPath = [schema] }
        // Several connections per event loop: a request waiting on PostgreSQL should not hold up the next one.
        app.databases.use(.postgres(configuration: configuration, maxConnectionsPerEventLoop: 4,
                                    connectionPoolTimeout: .milliseconds(Int64(settings.databaseWait * 1000))), as: .psql)
    }
    if settings.preparesDatabase {
        try await prepareDatabase(app)
    }
    app.registerMigrations()
    if let keyring = settings.keyring {
        app.storage[DataKeyringKey.self] = keyring
    } else {
        do {
            let (keyring, _) = try DataKeyring.load(environmentKey: Environment.get("SCHAKEL_DATA_KEY"), keyFile: settings.keyFile,
                                                    createIfMissing: false)
            app.storage[DataKeyringKey.self] = keyring
        } catch {
            // Commands that do not touch identifiers (migrate, user, reference) run without a key;
            // `serve` and `demo` make one for a demo database without persons, or refuse to start (`DataKeys.prepare`).
            app.logger.debug("no data key loaded", metadata: ["reason": "\(error)"])
        }
    }
    // The keys may be loaded after this (a demo makes its key file once it knows the database is empty): read them when sealing.
    app.storage[AuditLogKey.self] = AuditLog(seal: { [weak app] in app?.storage[DataKeyringKey.self]?.auditSeal })
    app.passwords.use(.bcrypt(cost: settings.bcryptCost))
    app.passwordHasher = PasswordHasher(threads: settings.passwordHashingThreads, queue: settings.passwordHashingQueue,
                                        cost: settings.bcryptCost)

    app.sessions.use { _ in WebSessionDriver() }
    let secure = settings.secureCookies
    app.sessions.configuration = SessionsConfiguration(cookieName: "schakel-session") { id in
        HTTPCookies.Value(string: id.string, maxAge: Int(settings.sessionLifetime.absolute), path: "/", isSecure: secure,
                          isHTTPOnly: true, sameSite: .lax)
    }
    app.routes.defaultMaxBodySize = ByteCount(value: settings.maxBodySize)

    app.middleware = Middlewares()
    app.middleware.use(RouteLoggingMiddleware(logLevel: .info))
    app.middleware.use(SecurityHeadersMiddleware(sendsStrictTransportSecurity: settings.secureCookies))
    app.middleware.use(SchakelErrorMiddleware(maxBodySize: settings.maxBodySize))

    try routes(app)
    app.registerCommands()
}

/// What a SQLite file needs before use: WAL and `synchronous=NORMAL`. It opens (and so creates) the
/// file, so `SchakelMain` runs it only for commands that use the database, never for `--help`.
public func prepareDatabase(_ app: Application) async throws {
    if case .sqlite = app.schakel.database {
        // WAL lets readers go on while one writer writes; the setting is stored in the file.
        // Foreign keys are switched on per connection by the driver (SQLiteConfiguration default).
        // `synchronous` and `busy_timeout` are per connection; there is one (`OneSQLiteConnection`).
        // NORMAL is safe with WAL (a power cut may lose the last commits, never corrupt the file).
        // The busy timeout replaces the driver's endless retry when another process (a command run
        // beside `serve`) holds the write lock: it waits up to five seconds, then answers "busy".
        let database = app.db as! any SQLDatabase
        try await database.raw("PRAGMA journal_mode=WAL").run()
        try await database.raw("PRAGMA synchronous=NORMAL").run()
        try await database.raw("PRAGMA busy_timeout=5000").run()
    }
}
