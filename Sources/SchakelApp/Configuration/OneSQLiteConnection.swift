import FluentKit
import FluentSQLiteDriver
import NIOCore

/// SQLite with one connection for the whole process instead of one per event loop.
///
/// SQLite lets one writer write at a time. With a connection per event loop, two transactions that
/// both read and then write meet in SQLite's lock: the driver's busy handler retries without end on a
/// thread of the shared thread pool, so two waiting writers can hold both threads of a 2-core machine
/// while the transaction that holds the lock waits for a thread to commit (seen in CI as a 10-minute
/// stall and 500s where a 409 was due). One connection makes the pool the queue: a transaction holds
/// it from `BEGIN` to `COMMIT`, everything else waits its turn, and SQLite never sees two writers
/// from this process. PostgreSQL, the production engine, keeps its pool per event loop.
struct OneSQLiteConnection: DatabaseConfiguration {
    var inner: any DatabaseConfiguration
    let eventLoop: any EventLoop

    var middleware: [any AnyModelMiddleware] {
        get { inner.middleware }
        set { inner.middleware = newValue }
    }

    func makeDriver(for databases: Databases) -> any DatabaseDriver {
        // A loop is a group of one: the driver builds its pool for this loop only.
        let single = Databases(threadPool: databases.threadPool, on: eventLoop)
        return Driver(inner: inner.makeDriver(for: single), eventLoop: eventLoop)
    }

    struct Driver: DatabaseDriver {
        let inner: any DatabaseDriver
        let eventLoop: any EventLoop

        func makeDatabase(with context: DatabaseContext) -> any Database {
            inner.makeDatabase(with: DatabaseContext(configuration: context.configuration, logger: context.logger, eventLoop: eventLoop,
                                                     history: context.history, pageSizeLimit: context.pageSizeLimit,
                                                     shouldTrace: context.shouldTrace))
        }

        func shutdown() { inner.shutdown() }
        func shutdownAsync() async { await inner.shutdownAsync() }
    }
}

extension DatabaseConfigurationFactory {
    /// A SQLite file reached through one connection (see `OneSQLiteConnection`). A request waits up to
    /// `timeout` for it; a long write (a demo load) holds it to the end.
    static func sqliteOneConnection(path: String, on eventLoop: any EventLoop, timeout: TimeAmount) -> Self {
        let factory = DatabaseConfigurationFactory.sqlite(SQLiteConfiguration(storage: .file(path: path), enableForeignKeys: true),
                                                          connectionPoolTimeout: timeout)
        return .init { OneSQLiteConnection(inner: factory.make(), eventLoop: eventLoop) }
    }
}
