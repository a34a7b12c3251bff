import Foundation
import NIOConcurrencyHelpers
import NIOPosix
import Vapor

/// Hashes and checks passwords on threads of its own, apart from the thread pool the database driver uses
/// (SQLite runs every query there). Bcrypt is slow on purpose; a flood of sign-ins on the shared pool made
/// everyone's reads wait behind it. At most `threads + queue` checks are under way; one more is refused at
/// once with 429 instead of waiting.
final class PasswordHasher: Sendable {
    private let pool: NIOThreadPool
    private let capacity: Int
    private let cost: Int
    private let underWay = NIOLockedValueBox(0)
    /// Checked against when no account has the address, so both cases take as long. Made on first use, at the
    /// configured cost, on the hashing threads.
    private let decoy = NIOLockedValueBox<String?>(nil)

    init(threads: Int, queue: Int, cost: Int) {
        pool = NIOThreadPool(numberOfThreads: max(1, threads))
        pool.start()
        capacity = max(1, threads) + max(0, queue)
        self.cost = cost
    }

    /// Whether `password` matches `hash`; with no hash (no such account) a decoy is checked, and the answer is false.
    func verify(_ password: String, against hash: String?) async throws -> Bool {
        let cost = self.cost
        let decoyBox = decoy
        return try await run {
            guard let hash else {
                let decoyHash = try decoyBox.withLockedValue { stored in
                    if let stored { return stored }
                    let made = try Bcrypt.hash("no-such-account-\(UUID().uuidString)", cost: cost)
                    stored = made
                    return made
                }
                _ = try Bcrypt.verify(password, created: decoyHash)
                return false
            }
            return try Bcrypt.verify(password, created: hash)
        }
    }

    func hash(_ password: String) async throws -> String {
        let cost = self.cost
        return try await run { try Bcrypt.hash(password, cost: cost) }
    }

    private func run<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        let admitted = underWay.withLockedValue { count in
            guard count < capacity else { return false }
            count += 1
            return true
        }
        guard admitted else { throw SchakelError.busy(retryAfter: 1) }
        defer { underWay.withLockedValue { $0 -= 1 } }
        return try await pool.runIfActive(work)
    }

    /// Checks and hashes under way or waiting now.
    var underWayCount: Int { underWay.withLockedValue { $0 } }

    func shutdown() {
        try? pool.syncShutdownGracefully()
    }
}

struct PasswordHasherKey: StorageKey { typealias Value = PasswordHasher }

extension Application {
    var passwordHasher: PasswordHasher {
        get {
            guard let hasher = storage[PasswordHasherKey.self] else { fatalError("configure(_:settings:) sets the password hasher") }
            return hasher
        }
        set { storage.set(PasswordHasherKey.self, to: newValue, onShutdown: { $0.shutdown() }) }
    }
}
