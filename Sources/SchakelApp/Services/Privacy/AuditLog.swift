import Fluent
import Foundation
import SchakelCore
import SQLKit
import Vapor

/// What an audit entry records: who, in which organisation, which person, which categories, why,
/// what happened. Never the data itself.
struct AuditEvent: Sendable {
    enum Action: String, Sendable {
        case read, create, update, consentGiven = "consent-given", consentWithdrawn = "consent-withdrawn"
        case export, erase, search, accessLogRead = "access-log-read", keyRotation = "key-rotation"
    }

    enum Outcome: String, Sendable {
        case allowed, denied, notFound = "not-found"
    }

    var userID: UUID?
    var organisationID: UUID?
    var personID: UUID?
    var action: Action
    var categories: [DataCategory]
    var purpose: Purpose?
    var outcome: Outcome
}

/// The append-only, hash-chained audit log. Appends are serialised: within this process by an
/// actor, across servers on PostgreSQL by a transaction-scoped advisory lock, so concurrent
/// writers never fork the chain.
actor AuditLog {
    /// Key of the PostgreSQL advisory lock that guards the head of the chain.
    static let advisoryLockKey: Int64 = 0x5343_4841_4B45_4C01

    private let isPostgres: Bool

    init(isPostgres: Bool) { self.isPostgres = isPostgres }

    static func sha256(_ text: String) -> String { SHA256.hash(data: Data(text.utf8)).hex }

    /// The text the hash covers. Milliseconds, sorted categories: the same entry always gives the same text.
    static func content(sequence: Int64, atMilliseconds: Int64, event: AuditEvent) -> String {
        [
            String(sequence), String(atMilliseconds), event.userID?.uuidString ?? "", event.organisationID?.uuidString ?? "",
            event.personID?.uuidString ?? "", event.action.rawValue,
            event.categories.map(\.rawValue).sorted().joined(separator: ","), event.purpose?.rawValue ?? "", event.outcome.rawValue,
        ].joined(separator: "|")
    }

    static func content(of entry: AuditEntryModel) -> String {
        let milliseconds = Int64((entry.at.timeIntervalSince1970 * 1000).rounded())
        return [
            String(entry.id ?? 0), String(milliseconds), entry.userID?.uuidString ?? "", entry.organisationID?.uuidString ?? "",
            entry.personID?.uuidString ?? "", entry.action,
            JSONList.strings(entry.categoriesJSON).sorted().joined(separator: ","), entry.purpose ?? "", entry.outcome,
        ].joined(separator: "|")
    }

    /// Appends one entry after the current head. The gate makes appends from this process take turns
    /// (an actor alone would not: it interleaves at every `await`). On PostgreSQL the append is one
    /// transaction holding an advisory lock, so several servers take turns too. SQLite serves from one
    /// process, and there the read and the insert run without an explicit transaction: a deferred
    /// transaction that reads and then writes can fail at once when another connection wrote in between.
    @discardableResult
    func append(_ event: AuditEvent, at moment: Date, on database: any Database) async throws -> Int64 {
        await gate.acquire()
        do {
            let sequence: Int64
            if isPostgres {
                sequence = try await database.transaction { db in
                    try await (db as! any SQLDatabase).raw("SELECT pg_advisory_xact_lock(\(bind: AuditLog.advisoryLockKey))").run()
                    return try await AuditLog.appendAfterHead(event, at: moment, on: db)
                }
            } else {
                sequence = try await AuditLog.appendAfterHead(event, at: moment, on: database)
            }
            await gate.release()
            return sequence
        } catch {
            await gate.release()
            throw error
        }
    }

    private let gate = SerialGate()

    private static func appendAfterHead(_ event: AuditEvent, at moment: Date, on db: any Database) async throws -> Int64 {
        let head = try await AuditEntryModel.query(on: db).sort(\.$id, .descending).first()
        let sequence = (head?.id ?? 0) + 1
        let previous = head?.hash ?? AuditChain.genesis
        let milliseconds = Int64((moment.timeIntervalSince1970 * 1000).rounded())
        let content = AuditLog.content(sequence: sequence, atMilliseconds: milliseconds, event: event)
        let entry = AuditEntryModel()
        entry.id = sequence
        entry.at = Date(timeIntervalSince1970: Double(milliseconds) / 1000)
        entry.userID = event.userID
        entry.organisationID = event.organisationID
        entry.personID = event.personID
        entry.action = event.action.rawValue
        entry.categoriesJSON = JSONList.encode(event.categories.map(\.rawValue).sorted())
        entry.purpose = event.purpose?.rawValue
        entry.outcome = event.outcome.rawValue
        entry.previousHash = previous
        entry.hash = AuditChain.hash(content: content, previousHash: previous, using: AuditLog.sha256)
        try await entry.create(on: db)
        return sequence
    }

    /// Walks the whole chain in pages and names the first broken entry.
    static func verify(on database: any Database, pageSize: Int = 5000) async throws -> (checked: Int, firstBreak: AuditChain.Break?) {
        var previous = AuditChain.genesis
        var nextSequence: Int64 = 1
        var checked = 0
        while true {
            let page = try await AuditEntryModel.query(on: database).filter(\.$id >= nextSequence)
                .sort(\.$id).limit(pageSize).all()
            if page.isEmpty { return (checked, nil) }
            let links = page.map {
                AuditChain.Link(sequence: Int($0.id ?? 0), content: content(of: $0), previousHash: $0.previousHash, hash: $0.hash)
            }
            if let broken = AuditChain.firstBreak(links, startingAfter: previous, firstSequence: Int(nextSequence), using: sha256) {
                // Everything before the broken entry held.
                switch broken {
                case let .contentChanged(sequence), let .linkBroken(sequence): return (sequence - 1, broken)
                case let .sequenceGap(expected, _): return (expected - 1, broken)
                }
            }
            checked += page.count
            previous = page.last!.hash
            nextSequence = (page.last!.id ?? 0) + 1
        }
    }
}

/// Hands out turns one at a time, in order of arrival, across `await`s.
actor SerialGate {
    private var busy = false
    private var waiting: [CheckedContinuation<Void, Never>] = []

    func acquire() async {
        guard busy else {
            busy = true
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    func release() {
        if waiting.isEmpty { busy = false } else { waiting.removeFirst().resume() }
    }
}
