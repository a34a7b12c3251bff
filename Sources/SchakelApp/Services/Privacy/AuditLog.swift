import Fluent
import Foundation
import SchakelCore
import SQLKit
import Vapor

/// What an audit entry records: who, in which organisation, which person, which categories, why,
/// what happened. Never the data itself.
struct AuditEvent: Sendable {
    enum Action: String, Sendable, CaseIterable {
        case read, create, update, consentGiven = "consent-given", consentWithdrawn = "consent-withdrawn"
        case export, erase, search, accessLogRead = "access-log-read", keyRotation = "key-rotation"
        case referralSnapshot = "referral-snapshot", referralStep = "referral-step"
        /// "Mijn Schakel": a caseworker invites the person or closes their access; the person reads their own dossier,
        /// its access log or its export, withdraws a consent or asks a correction (the `own-` actions: by the person).
        case portalInvitation = "portal-invitation", portalRevoked = "portal-revoked"
        case ownRead = "own-read", ownAccessLogRead = "own-access-log-read", ownExport = "own-export"
        case ownConsentWithdrawn = "own-consent-withdrawn", ownCorrectionRequest = "own-correction-request"
        /// Staff read a correction the person asked for, or mark it handled.
        case correctionHandled = "correction-handled"
        /// Changes to the registry, without a person: who opened or closed which kinds of data, and when.
        case organisationCreate = "organisation-create", agreementCreate = "agreement-create"
        case agreementRoute = "agreement-route", agreementEnd = "agreement-end"
        case accountCreate = "account-create", accountRole = "account-role", accountClose = "account-close"
        /// `schakel setup`: the first organisation and its administrator.
        case setup
    }

    enum Outcome: String, Sendable, CaseIterable {
        case allowed, denied, notFound = "not-found"
        /// A write refused for its input (422): nothing was written.
        case invalid
        /// A write refused because the data changed meanwhile or the step does not apply now (409): nothing was written.
        case conflict

        /// How a refused write is recorded; nil for a not-found, which the access decision has recorded already.
        init?(refusal error: SchakelError) {
            switch error.status {
            case .unprocessableEntity, .badRequest: self = .invalid
            case .conflict: self = .conflict
            case .forbidden: self = .denied
            default: return nil
            }
        }
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

/// The key that seals the audit chain: an HMAC key derived from the data keyring (`DataKeyring.auditSeal`),
/// so it is never in the database and someone who can write to the database cannot forge a verifying entry.
struct AuditSeal: Sendable {
    /// The id of the data key it was derived from, recorded with every entry (informative, not secret).
    let keyID: String
    let key: SymmetricKey

    func mac(_ text: String) -> String { HMAC<SHA256>.authenticationCode(for: Data(text.utf8), using: key).hex }
}

/// The append-only, hash-chained audit log, sealed with an HMAC key.
///
/// Two ways in, one discipline: every append first locks the chain's head row (`UPDATE audit_head … RETURNING`),
/// then inserts after it, and a trigger moves the head in the same statement (migration 003). Writers therefore
/// take turns on the head, in this process or another, and the chain cannot fork.
/// - A write of personal data appends inside its own transaction (`append(_:at:on:)` with a database that is
///   in a transaction), as its last statement: the entry commits with the write or not at all.
/// - Reads are group-committed: a request hands its event over and waits; one writer at a time takes
///   everything waiting and writes it as one short transaction. A read is answered only after its entry is committed.
actor AuditLog {
    private typealias Waiting = (event: AuditEvent, at: Date, continuation: CheckedContinuation<Int64, any Error>)

    private var waiting: [Waiting] = []
    private var writing = false
    /// Where the seal comes from: the application's keyring, read when needed, because the keys are loaded
    /// (and checked against the data) after the log is made.
    private nonisolated let sealSource: @Sendable () -> AuditSeal?
    /// nil when no data key was loaded: then nothing can be audited, so nothing that needs an audit entry runs.
    nonisolated var seal: AuditSeal? { sealSource() }
    /// Most events written in one statement.
    static let maxBatch = 500

    init(seal: @escaping @Sendable () -> AuditSeal?) { sealSource = seal }

    init(seal: AuditSeal?) { sealSource = { seal } }

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

    /// Appends one entry and returns its sequence number once it is committed. Given a database that is in a
    /// transaction, the entry is written in that transaction (call it as the transaction's last statement);
    /// otherwise it is group-committed.
    @discardableResult
    nonisolated func append(_ event: AuditEvent, at moment: Date, on database: any Database) async throws -> Int64 {
        if database.inTransaction { return try await write([(event, moment)], inTransaction: database) }
        return try await enqueue(event, at: moment, on: database)
    }

    private func enqueue(_ event: AuditEvent, at moment: Date, on database: any Database) async throws -> Int64 {
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
                let events = batch.map { ($0.event, $0.at) }
                let first = try await database.transaction { transaction in
                    try await self.write(events, inTransaction: transaction)
                }
                for (offset, item) in batch.enumerated() { item.continuation.resume(returning: first + Int64(offset)) }
            } catch {
                for item in batch { item.continuation.resume(throwing: error) }
            }
        }
        writing = false
    }

    /// Writes the events after the head, inside the caller's transaction; returns the first sequence number.
    /// Locking the head row first (PostgreSQL: a row lock until commit; SQLite: the write lock) makes every
    /// writer wait for the one before it, so a sequence number is never taken twice.
    private nonisolated func write(_ events: [(AuditEvent, Date)], inTransaction database: any Database) async throws -> Int64 {
        guard let seal else { throw DataKeyring.Problem.noKey }
        let head = try await AuditStore.lockHead(on: database)
        let first = head.sequence + 1
        var previous = head.hash
        var sequence = first - 1
        var rows: [[any Encodable & Sendable]] = []
        rows.reserveCapacity(events.count)
        for (event, moment) in events {
            sequence += 1
            let milliseconds = Int64((moment.timeIntervalSince1970 * 1000).rounded())
            let content = AuditLog.content(sequence: sequence, atMilliseconds: milliseconds, event: event)
            let hash = AuditChain.hash(content: content, previousHash: previous, using: seal.mac)
            rows.append([
                sequence, Date(timeIntervalSince1970: Double(milliseconds) / 1000), event.userID, event.organisationID,
                event.personID, event.action.rawValue, JSONList.encode(event.categories.map(\.rawValue).sorted()),
                event.purpose?.rawValue, event.outcome.rawValue, previous, hash, seal.keyID,
            ])
            previous = hash
        }
        try await AuditStore.append(rows, on: database)
        return first
    }

    enum AuditProblem: Error, CustomStringConvertible {
        case checkpointNotSigned

        var description: String {
            "the checkpoint is not signed with this installation's audit key: it was edited, or belongs to another installation or key"
        }
    }

    /// The last sequence number and hash: what a checkpoint records.
    nonisolated func head(on database: any Database) async throws -> (sequence: Int64, hash: String) {
        try await AuditStore.head(on: database)
    }

    /// A signed statement of the head now, for the operator to keep outside the database.
    nonisolated func checkpoint(on database: any Database, at moment: Date) async throws -> AuditChain.Checkpoint {
        guard let seal else { throw DataKeyring.Problem.noKey }
        let head = try await head(on: database)
        let at = ISO8601DateFormatter().string(from: moment)
        return AuditChain.Checkpoint.make(sequence: Int(head.sequence), hash: head.hash, at: at, sign: seal.mac)
    }

    /// Walks the whole chain in pages and names the first broken entry. With a checkpoint taken earlier, it also
    /// proves that the entries up to the checkpoint are the ones it recorded (a cut tail whose head was moved
    /// back is found this way). `checked` counts the entries before the break that hold.
    nonisolated func verify(on database: any Database, pageSize: Int = 5000,
                            checkpoint: AuditChain.Checkpoint? = nil) async throws -> (checked: Int, firstBreak: AuditChain.Break?) {
        guard let seal else { throw DataKeyring.Problem.noKey }
        if let checkpoint, !checkpoint.isSigned(by: seal.mac) { throw AuditProblem.checkpointNotSigned }
        var previous = AuditChain.genesis
        var nextSequence: Int64 = 1
        var checked = 0
        var seenKeyed = false
        var hashAtCheckpoint: String? = nil
        while true {
            let page = try await AuditStore.entries(from: nextSequence, limit: pageSize, on: database)
            if page.isEmpty {
                if let checkpoint, let broken = AuditChain.check(checkpoint, entryHash: hashAtCheckpoint, lastEntry: checked) {
                    return (min(checked, broken.firstBadSequence - 1), broken)
                }
                // The last entry must be the recorded head: otherwise entries were cut off the end.
                let head = try await head(on: database)
                if head.sequence > Int64(checked) { return (checked, .truncated(lastEntry: checked, head: Int(head.sequence))) }
                if head.sequence != Int64(checked) || head.hash != previous { return (checked - 1, .linkBroken(sequence: checked)) }
                return (checked, nil)
            }
            let links = page.map {
                AuditChain.Link(sequence: Int($0.id ?? 0), content: Self.content(of: $0), previousHash: $0.previousHash, hash: $0.hash,
                                isKeyed: $0.keyID != nil)
            }
            if let broken = AuditChain.firstBreak(links, startingAfter: previous, firstSequence: Int(nextSequence),
                                                  seenKeyed: &seenKeyed, keyed: seal.mac, unkeyed: Self.sha256) {
                // Everything before the broken entry held.
                return (broken.firstBadSequence - 1, broken)
            }
            if let checkpoint, let entry = page.first(where: { $0.id == Int64(checkpoint.sequence) }) { hashAtCheckpoint = entry.hash }
            checked += page.count
            previous = page.last!.hash
            nextSequence = (page.last!.id ?? 0) + 1
        }
    }
}
