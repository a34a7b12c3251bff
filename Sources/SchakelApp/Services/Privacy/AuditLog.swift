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
        case referralSnapshot = "referral-snapshot", referralStep = "referral-step"
        /// Changes to the registry, without a person: who opened or closed which kinds of data, and when.
        case organisationCreate = "organisation-create", agreementCreate = "agreement-create"
        case agreementRoute = "agreement-route", agreementEnd = "agreement-end"
        case accountRole = "account-role", accountClose = "account-close"
        /// `schakel setup`: the first organisation and its administrator.
        case setup
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

extension AuditEvent {
    /// A change to the registry or to accounts: who made it, for which organisation, no person. Categories name
    /// the kinds of data a route opens (order and repeats do not matter: the log sorts them).
    static func administration(_ action: Action, by user: AuthenticatedUser, categories: Set<DataCategory> = []) -> AuditEvent {
        AuditEvent(userID: user.id, organisationID: user.organisationID, personID: nil, action: action,
                   categories: Array(categories), purpose: nil, outcome: .allowed)
    }
}

/// The append-only, hash-chained audit log.
///
/// Appends are group-committed: a request hands its event over and waits; one writer at a time
/// takes everything waiting and writes it as one multi-row INSERT, chained after the head it
/// remembers. A trigger moves `audit_head` in that same statement (migration 003). The sequence
/// number is the primary key, so a writer in another process that got there first makes the
/// INSERT fail as a whole: the writer then reads the head again and chains after it. The chain
/// cannot fork and nothing half-written remains. A read is answered only after its entry is committed.
actor AuditLog {
    private typealias Waiting = (event: AuditEvent, at: Date, continuation: CheckedContinuation<Int64, any Error>)

    private var waiting: [Waiting] = []
    private var writing = false
    /// The last sequence number and hash this process knows of; read from `audit_head` when unknown or stale.
    private var head: (sequence: Int64, hash: String)?
    /// Most events written in one statement.
    static let maxBatch = 500
    /// Attempts when other writers keep getting there first.
    static let maxAttempts = 8

    static func sha256(_ text: String) -> String { SHA256.hash(data: Data(text.utf8)).hex }

    /// The text the hash covers. Milliseconds, sorted categories: the same entry always gives the same text.
    /// Writing and verifying both go through `canonical`, so they cannot drift apart.
    static func content(sequence: Int64, atMilliseconds: Int64, event: AuditEvent) -> String {
        canonical(sequence: sequence, atMilliseconds: atMilliseconds, userID: event.userID, organisationID: event.organisationID,
                  personID: event.personID, action: event.action.rawValue, categories: event.categories.map(\.rawValue),
                  purpose: event.purpose?.rawValue, outcome: event.outcome.rawValue)
    }

    static func content(of entry: AuditEntryModel) -> String {
        canonical(sequence: entry.id ?? 0, atMilliseconds: Int64((entry.at.timeIntervalSince1970 * 1000).rounded()),
                  userID: entry.userID, organisationID: entry.organisationID, personID: entry.personID, action: entry.action,
                  categories: JSONList.strings(entry.categoriesJSON), purpose: entry.purpose, outcome: entry.outcome)
    }

    private static func canonical(sequence: Int64, atMilliseconds: Int64, userID: UUID?, organisationID: UUID?, personID: UUID?,
                                  action: String, categories: [String], purpose: String?, outcome: String) -> String {
        [
            String(sequence), String(atMilliseconds), userID?.uuidString ?? "", organisationID?.uuidString ?? "",
            personID?.uuidString ?? "", action, categories.sorted().joined(separator: ","), purpose ?? "", outcome,
        ].joined(separator: "|")
    }

    /// Appends one entry and returns its sequence number once it is committed.
    @discardableResult
    func append(_ event: AuditEvent, at moment: Date, on database: any Database) async throws -> Int64 {
        try await withCheckedThrowingContinuation { continuation in
            waiting.append((event, moment, continuation))
            if !writing {
                writing = true
                Task { await self.drain(on: database) }
            }
        }
    }

    private func drain(on database: any Database) async {
        while !waiting.isEmpty {
            let batch = Array(waiting.prefix(Self.maxBatch))
            waiting.removeFirst(batch.count)
            do {
                let first = try await write(batch.map { ($0.event, $0.at) }, on: database)
                for (offset, item) in batch.enumerated() { item.continuation.resume(returning: first + Int64(offset)) }
            } catch {
                for item in batch { item.continuation.resume(throwing: error) }
            }
        }
        writing = false
    }

    /// Writes the events after the head; returns the first sequence number.
    private func write(_ events: [(AuditEvent, Date)], on database: any Database) async throws -> Int64 {
        let sql = database as! any SQLDatabase
        var attempt = 0
        while true {
            attempt += 1
            let known = try await currentHead(on: sql)
            var previous = known.hash
            var sequence = known.sequence
            var rows: [[any Encodable & Sendable]] = []
            rows.reserveCapacity(events.count)
            for (event, moment) in events {
                sequence += 1
                let milliseconds = Int64((moment.timeIntervalSince1970 * 1000).rounded())
                let content = AuditLog.content(sequence: sequence, atMilliseconds: milliseconds, event: event)
                let hash = AuditChain.hash(content: content, previousHash: previous, using: AuditLog.sha256)
                rows.append([
                    sequence, Date(timeIntervalSince1970: Double(milliseconds) / 1000), event.userID, event.organisationID,
                    event.personID, event.action.rawValue, JSONList.encode(event.categories.map(\.rawValue).sorted()),
                    event.purpose?.rawValue, event.outcome.rawValue, previous, hash,
                ])
                previous = hash
            }
            do {
                try await PersonRows.insert(into: AuditEntryModel.schema,
                                            columns: ["id", "at", "user_id", "organisation_id", "person_id", "action", "categories",
                                                      "purpose", "outcome", "previous_hash", "hash"],
                                            rows: rows, on: sql)
                head = (sequence, previous)
                return known.sequence + 1
            } catch {
                // Another process may have appended since: read the head again. If it did not move, the
                // failure was something else.
                head = nil
                let fresh = try await currentHead(on: sql)
                guard fresh != known, attempt < Self.maxAttempts else { throw error }
            }
        }
    }

    private func currentHead(on sql: any SQLDatabase) async throws -> (sequence: Int64, hash: String) {
        if let head { return head }
        guard let row = try await sql.raw("SELECT sequence, hash FROM audit_head WHERE id = 1").first() else { throw AuditProblem.missingHead }
        let fresh = (sequence: try row.decode(column: "sequence", as: Int64.self), hash: try row.decode(column: "hash", as: String.self))
        head = fresh
        return fresh
    }

    enum AuditProblem: Error { case missingHead }

    /// Walks the whole chain in pages and names the first broken entry.
    static func verify(on database: any Database, pageSize: Int = 5000) async throws -> (checked: Int, firstBreak: AuditChain.Break?) {
        var previous = AuditChain.genesis
        var nextSequence: Int64 = 1
        var checked = 0
        while true {
            let page = try await AuditEntryModel.query(on: database).filter(\.$id >= nextSequence)
                .sort(\.$id).limit(pageSize).all()
            if page.isEmpty {
                // The last entry must be the recorded head: otherwise entries were cut off the end.
                if let head = try await AuditHeadModel.find(1, on: database), head.sequence != Int64(checked) || head.hash != previous {
                    return (checked, .sequenceGap(expected: checked + 1, found: Int(head.sequence)))
                }
                return (checked, nil)
            }
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
