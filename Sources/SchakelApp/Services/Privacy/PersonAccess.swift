import Fluent
import Foundation
import SchakelCore
import SQLKit
import Vapor

/// Every read of a person's data passes here: the access rule decides what may be shown, and the
/// audit log records who asked, what was shown and why. No other code decides visibility.
struct PersonAccess: Sendable {
    let caller: Caller

    var viewer: AccessRule.Viewer { caller.viewer }

    /// Agreement routes from the person's owner to the reader's organisation (in force or not: the rule checks).
    static func routes(from owner: UUID, to reader: UUID, on database: any Database) async throws -> [AccessRule.Route] {
        try await AgreementRoutes.routes(from: owner, to: reader, on: database).map(\.route)
    }

    /// The same routes with their first-contact term in working days (`AgreementRoutes`). Without `owner`, the routes
    /// from every organisation to the reader's.
    static func routesWithDeadlines(from owner: UUID?, to reader: UUID,
                                    on database: any Database) async throws -> [(route: AccessRule.Route, responseDays: Int)] {
        try await AgreementRoutes.routes(from: owner, to: reader, on: database).map { ($0.route, $0.responseDays) }
    }

    /// The shortest first-contact term of the routes `from` → `to` in force on `day` (`AgreementRoutes.responseDaysInForce`).
    static func responseDaysInForce(from sender: UUID, to receiver: UUID, on day: CalendarDate,
                                    database: any Database) async throws -> Int? {
        try await AgreementRoutes.responseDaysInForce(from: sender, to: receiver, on: day, database: database)
    }

    /// The facts of a person's row the rule decides on (its owner, whether erased), or nil when no person has the id.
    static func subject(_ id: UUID, on database: any Database) async throws -> PersonReference? {
        try await (database as! any SQLDatabase).raw("""
            SELECT owner_organisation_id, erased_at FROM persons WHERE id = \(bind: id)
            """).first().map { row in
            PersonReference(subjectID: id, ownerID: try row.decode(column: "owner_organisation_id", as: UUID.self),
                            isErased: try row.decode(column: "erased_at", as: Date?.self) != nil)
        }
    }

    /// Every consent the person gave (withdrawn and expired ones too: the rule checks).
    static func consents(of personID: UUID, on database: any Database) async throws -> [Consent] {
        try await consents("person_id = \(bind: personID)", on: database)
    }

    /// Every consent given to `organisation`, of any person (withdrawn and expired ones too: the rule checks).
    static func consents(to organisation: UUID, on database: any Database) async throws -> [Consent] {
        try await consents("recipient_organisation_id = \(bind: organisation)", on: database)
    }

    private static func consents(_ condition: SQLQueryString, on database: any Database) async throws -> [Consent] {
        var query: SQLQueryString = """
            SELECT id, person_id, recipient_organisation_id, purpose, categories, method, given_at, expires_at, withdrawn_at
            FROM consents
            """
        query += " WHERE "
        query += condition
        return try await (database as! any SQLDatabase).raw(query).all().map { row in
            Consent(id: try row.decode(column: "id", as: UUID.self), personID: try row.decode(column: "person_id", as: UUID.self),
                    recipientOrganisationID: try row.decode(column: "recipient_organisation_id", as: UUID.self),
                    purpose: try row.decode(column: "purpose", as: Purpose.self),
                    categories: Set(JSONList.decode(try row.decode(column: "categories", as: String.self))),
                    method: try row.decode(column: "method", as: ConsentMethod.self),
                    givenAt: try row.decode(column: "given_at", as: Date.self),
                    expiresAt: try row.decode(column: "expires_at", as: Date?.self),
                    withdrawnAt: try row.decode(column: "withdrawn_at", as: Date?.self))
        }
    }

    /// Decides for one person and records the read. A person the reader may not know of is a 404,
    /// exactly as if it did not exist: an erased person, one of another organisation and an id that names
    /// no one (`PersonReference.nobody`) all take the same two reads and leave the same audit entry.
    /// With `recordingAllowed` false, an allowed decision is not recorded here: a write records it in its own
    /// transaction, with the write (a refusal or a not-found is recorded at once all the same).
    func decide(_ person: some DossierSubject, purpose: Purpose, requested: Set<DataCategory> = Set(DataCategory.allCases),
                action: AuditEvent.Action = .read, recordingAllowed: Bool = true) async throws -> AccessRule.Decision {
        let viewer = self.viewer
        let personID = try person.subjectID
        let owner = person.ownerID
        let isOwner = viewer.organisationID == owner
        let decision: AccessRule.Decision
        let reads = !isOwner || person.isErased
        // Every route to the reader's organisation, whoever the owner (the rule picks the owner's): the same rows
        // for a person of another organisation as for an id that names no one.
        let routes = reads ? try await Self.routesWithDeadlines(from: nil, to: viewer.organisationID, on: caller.db).map(\.route) : []
        // Only consents to the reader's organisation count for it (the rule picks those), so only those are read.
        let consents = reads ? try await Self.consents(
            "person_id = \(bind: personID) AND recipient_organisation_id = \(bind: viewer.organisationID)", on: caller.db) : []
        if person.isErased {
            // An erased person keeps only pseudonymous facts for statistics: no one reads the dossier.
            decision = AccessRule.Decision(personVisible: false, allowed: [], denied: [:], isOwner: isOwner)
        } else {
            decision = AccessRule.decide(viewer: viewer, personOwner: owner, purpose: purpose, requested: requested,
                                         routes: routes, consents: consents, at: caller.now, today: caller.now.brusselsDay)
        }
        let outcome: AuditEvent.Outcome = !decision.personVisible ? .notFound : (decision.allowed.isEmpty ? .denied : .allowed)
        if recordingAllowed || outcome != .allowed {
            try await caller.audit(AuditEvent(
                userID: viewer.userID, organisationID: viewer.organisationID, personID: personID, action: action,
                categories: decision.personVisible ? Array(decision.allowed) : Array(requested), purpose: purpose, outcome: outcome))
        }
        guard decision.personVisible else { throw SchakelError.notFound }
        return decision
    }

    /// The dossiers of other organisations the reader may know of: each one with a consent to the reader's
    /// organisation, kept when the rule shows it (a lapsed route or an expired consent drops it). Lists and
    /// their totals are built on these, so they count only what the reader may see. Three reads in all.
    func sharedWithReader(purpose: Purpose) async throws -> [UUID] {
        let viewer = self.viewer
        guard viewer.role != .analyst else { return [] }
        let consents = Dictionary(grouping: try await Self.consents(to: viewer.organisationID, on: caller.db), by: \.personID)
        guard !consents.isEmpty else { return [] }
        let routes = Dictionary(grouping: try await Self.routesWithDeadlines(from: nil, to: viewer.organisationID, on: caller.db)
            .map(\.route), by: \.from)
        let candidates = try await (caller.db as! any SQLDatabase).raw("""
            SELECT id, owner_organisation_id FROM persons WHERE erased_at IS NULL AND owner_organisation_id <> \(bind: viewer.organisationID)
            AND id IN (SELECT person_id FROM consents WHERE recipient_organisation_id = \(bind: viewer.organisationID))
            """).all()
        let now = caller.now
        return try candidates.compactMap { row in
            let id = try row.decode(column: "id", as: UUID.self)
            let owner = try row.decode(column: "owner_organisation_id", as: UUID.self)
            let decision = AccessRule.decide(viewer: viewer, personOwner: owner, purpose: purpose, requested: [.identity],
                                             routes: routes[owner] ?? [], consents: consents[id] ?? [], at: now, today: now.brusselsDay)
            return decision.personVisible ? id : nil
        }
    }

    /// What the reader's organisation may pass on to `organisation` for `purpose` (a referral's
    /// snapshot, a printed profile, a case-conference agenda): the rule's route and consent parts,
    /// never more than the reader itself may see (`AccessRule.passOn`). Recorded in the audit log as
    /// the reader's read; a person the reader may not see is a 404.
    func shareable(_ person: Dossier, to organisation: UUID, purpose: Purpose) async throws -> AccessRule.Decision {
        let viewer = self.viewer
        let consents = try await Self.consents(of: person.id, on: caller.db)
        let toReceiver = try await Self.routes(from: person.owner, to: organisation, on: caller.db)
        let toSender = viewer.organisationID == person.owner ? []
            : try await Self.routes(from: person.owner, to: viewer.organisationID, on: caller.db)
        let decision = AccessRule.passOn(by: viewer, to: organisation, personOwner: person.owner, purpose: purpose,
                                         routesToReceiver: toReceiver, routesToSender: toSender, consents: consents,
                                         at: caller.now, today: caller.now.brusselsDay)
        let outcome: AuditEvent.Outcome = decision == nil ? .notFound : (decision!.allowed.isEmpty ? .denied : .allowed)
        try await caller.audit(AuditEvent(userID: viewer.userID, organisationID: viewer.organisationID, personID: person.id,
                                           action: .referralSnapshot, categories: Array(decision?.allowed ?? []), purpose: purpose,
                                           outcome: outcome))
        guard let decision else { throw SchakelError.notFound }
        return decision
    }

    /// Whether the reader may see notes about the person written by `writer` (another organisation):
    /// the notes are that organisation's data of the trajectory category, so the rule decides with
    /// `writer` as their owner. Audited like any read.
    /// With `recording` false the decision is not recorded: a page view records its one read itself.
    func mayReadNotes(about personID: UUID, writtenBy writer: UUID, purpose: Purpose, recording: Bool = true) async throws -> Bool {
        let viewer = self.viewer
        if viewer.organisationID == writer { return true }
        let routes = try await Self.routes(from: writer, to: viewer.organisationID, on: caller.db)
        let consents = try await Self.consents(of: personID, on: caller.db)
        let decision = AccessRule.decide(viewer: viewer, personOwner: writer, purpose: purpose, requested: [.trajectoryAndReferrals],
                                         routes: routes, consents: consents, at: caller.now, today: caller.now.brusselsDay)
        let allowed = decision.allows(.trajectoryAndReferrals)
        guard recording else { return allowed }
        try await caller.audit(AuditEvent(userID: viewer.userID, organisationID: viewer.organisationID, personID: personID,
                                           action: .read, categories: [.trajectoryAndReferrals], purpose: purpose,
                                           outcome: allowed ? .allowed : .denied))
        return allowed
    }

    /// Only the owning organisation changes a dossier, records consent or sees the access log.
    func requireOwner(_ person: some DossierSubject, action: AuditEvent.Action) async throws {
        let viewer = self.viewer
        guard viewer.organisationID == person.ownerID, viewer.role != .analyst, !person.isErased else {
            // The same answer as for a person that does not exist, so nothing is revealed.
            try await caller.audit(AuditEvent(userID: viewer.userID, organisationID: viewer.organisationID,
                                               personID: try person.subjectID, action: action, categories: [],
                                               purpose: nil, outcome: .notFound))
            throw SchakelError.notFound
        }
    }
}

extension PersonReference {
    /// Stands in for an id that names no person, so that it is decided like a person the reader may not
    /// see: owned by no organisation (the nil UUID is no organisation's id), it does the same work and
    /// leaves the same "not found" audit entry. It is never stored.
    static func nobody(_ id: UUID) -> PersonReference {
        PersonReference(subjectID: id, ownerID: UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)), isErased: false)
    }
}

struct AuditLogKey: StorageKey { typealias Value = AuditLog }

extension Application {
    var auditLog: AuditLog {
        guard let log = storage[AuditLogKey.self] else { fatalError("configure(_:settings:) sets the audit log") }
        return log
    }
}
