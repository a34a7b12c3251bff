import Fluent
import Foundation
import SchakelCore
import SQLKit
import Vapor

/// What the person reads and does in their own dossier. Every read passes the access rule's client role
/// (`AccessRule.decide(client:)`) and is recorded in the person's access log, with the account as the actor.
extension Portal {
    /// The person's dossier, decided by the rule and recorded as one read of `categories` (`action`).
    private static func own(_ caller: ClientCaller, categories: Set<DataCategory>,
                            action: AuditEvent.Action = .ownRead) async throws -> Dossier {
        _ = try await decided(caller, categories: categories, action: action)
        guard let dossier = try await DossierStore.find(caller.account.personID, on: caller.db) else { throw SchakelError.notFound }
        return dossier
    }

    /// The rule's client decision on the person's own dossier (its row's facts only). A refusal is recorded at once; an
    /// allowed use too, unless `recordingAllowed` is false: then a write records it in its own transaction.
    private static func decided(_ caller: ClientCaller, categories: Set<DataCategory>, action: AuditEvent.Action,
                                recordingAllowed: Bool = true) async throws -> PersonReference {
        let personID = caller.account.personID
        let subject = try await PersonAccess.subject(personID, on: caller.db) ?? PersonReference.nobody(personID)
        let decision = AccessRule.decide(client: caller.client, person: personID, isErased: subject.isErased, requested: categories)
        guard decision.personVisible else {
            try await caller.audit(action, person: personID, categories: Array(categories), outcome: .notFound)
            throw SchakelError.notFound
        }
        if recordingAllowed { try await caller.audit(action, person: personID, categories: Array(decision.allowed)) }
        return subject
    }

    private static func organisationNames(_ ids: some Sequence<UUID>, on database: any Database) async throws -> [UUID: String] {
        let wanted = Array(Set(ids))
        guard !wanted.isEmpty else { return [:] }
        return Dictionary(uniqueKeysWithValues: try await OrganisationModel.query(on: database).filter(\.$id ~~ wanted).all()
            .map { (try $0.requireID(), $0.name) })
    }

    // MARK: My data

    struct Profile: Sendable {
        let dossier: Dossier
        let identifiers: PersonIdentifiers?
        let owner: String
        let municipality: String?
    }

    /// Everything recorded about the person in the profile, as recorded (one read of every profile category).
    static func profile(caller: ClientCaller) async throws -> Profile {
        let categories = Set(DataCategory.allCases).subtracting([.trajectoryAndReferrals])
        let dossier = try await own(caller, categories: categories)
        let identifiers = try dossier.sealedIdentifiers.map { sealed in
            try caller.keyring.openIdentifiers(sealed, keyID: dossier.identifiersKeyID ?? "")
        }
        let owner = try await OrganisationModel.find(dossier.owner, on: caller.db)?.name ?? ""
        let code = dossier.profile.homeMunicipality
        let municipality = code.isEmpty ? nil : try await MunicipalityModel.find(code, on: caller.db)?.nameNL
        return Profile(dossier: dossier, identifiers: identifiers, owner: owner, municipality: municipality)
    }

    // MARK: My plan

    struct Plan: Sendable {
        let rightToWork: RightToWork
        let milestones: [MilestoneDTO]
        let steps: [TrajectoryStep]
        let stepOrganisations: [UUID: UUID]
        let organisations: [UUID: String]
        /// The day the plan was read on (the application's clock): what lies after it is still expected.
        let today: CalendarDate
    }

    /// The steps every organisation planned, the milestones and the right to work (one read of trajectory and status).
    /// Notes are the organisations' working notes and stay out of it; the download holds the owner's.
    static func plan(caller: ClientCaller) async throws -> Plan {
        let dossier = try await own(caller, categories: [.trajectoryAndReferrals, .legalStatus])
        let models = try await Trajectories.steps(of: dossier.id, on: caller.db)
        let steps = models.map(\.step)
        let everything = AccessRule.Decision(personVisible: true, allowed: Set(DataCategory.allCases), denied: [:], isOwner: false)
        let milestones = try await Trajectories.milestones(of: dossier, steps: steps, decision: everything, on: caller.db,
                                                           today: caller.today)
        let byStep = Dictionary(uniqueKeysWithValues: models.map { ($0.id!, $0.$organisation.id) })
        return Plan(rightToWork: dossier.profile.rightToWork(on: caller.today), milestones: milestones, steps: steps,
                    stepOrganisations: byStep, organisations: try await organisationNames(byStep.values, on: caller.db),
                    today: caller.today)
    }

    // MARK: Where I was sent

    struct Referral: Sendable {
        let id: UUID
        let from: String
        let to: String
        let state: ReferralState
        let sentOn: CalendarDate?
        let refusal: RefusalReason?
    }

    /// Every referral that left its sender, newest first, with the reason of a refusal.
    static func referrals(caller: ClientCaller) async throws -> [Referral] {
        let dossier = try await own(caller, categories: [.trajectoryAndReferrals])
        let models = try await ReferralModel.query(on: caller.db).filter(\.$person.$id == dossier.id).filter(\.$state != .draft)
            .sort(\.$createdAt, .descending).all()
        let refused = models.filter { $0.state == .refused }.compactMap(\.id)
        var reasons: [UUID: RefusalReason] = [:]
        if !refused.isEmpty {
            for event in try await ReferralEventModel.query(on: caller.db).filter(\.$referral.$id ~~ refused)
                .filter(\.$action == .refuse).sort(\.$position).all() {
                reasons[event.$referral.id] = event.reasonCode
            }
        }
        let names = try await organisationNames(models.flatMap { [$0.$from.id, $0.$to.id] }, on: caller.db)
        return try models.map { model in
            Referral(id: try model.requireID(), from: names[model.$from.id] ?? "", to: names[model.$to.id] ?? "", state: model.state,
                     sentOn: model.sentOn, refusal: model.state == .refused ? reasons[try model.requireID()] : nil)
        }
    }

    // MARK: My consents

    struct Consent: Sendable {
        let id: UUID
        let organisation: String
        let purpose: Purpose
        let categories: [DataCategory]
        let givenAt: Date
        let expiresAt: Date?
        let withdrawnAt: Date?
        let active: Bool
    }

    /// Every consent the person gave, newest first.
    static func consents(caller: ClientCaller) async throws -> [Consent] {
        let dossier = try await own(caller, categories: [])
        let models = try await ConsentModel.query(on: caller.db).filter(\.$person.$id == dossier.id)
            .sort(\.$givenAt, .descending).all()
        let names = try await organisationNames(models.map(\.$recipient.id), on: caller.db)
        let now = caller.now
        return try models.map { model in
            Consent(id: try model.requireID(), organisation: names[model.$recipient.id] ?? "", purpose: model.purpose,
                    categories: DataCategory.allCases.filter(model.categories.contains), givenAt: model.givenAt,
                    expiresAt: model.expiresAt, withdrawnAt: model.withdrawnAt, active: try model.domain().isActive(at: now))
        }
    }

    /// The person stops a consent: at once, as when a caseworker records it; the consent stays on record with who
    /// stopped it. A consent of anyone else, or an id that names none, is not found, with the same work and the same entry.
    static func withdraw(_ consentID: UUID, caller: ClientCaller) async throws {
        let personID = caller.account.personID
        let model = try await ConsentModel.find(consentID, on: caller.db)
        let subject = try await PersonAccess.subject(personID, on: caller.db) ?? PersonReference.nobody(personID)
        // An id that names no consent is decided as a consent of someone else: the same answer, the same entry.
        let decision = AccessRule.decide(client: caller.client, person: model?.$person.id ?? consentID, isErased: subject.isErased,
                                         requested: [])
        guard let model, decision.personVisible else {
            try await caller.audit(.ownConsentWithdrawn, person: personID, outcome: .notFound)
            throw SchakelError.notFound
        }
        let now = caller.now
        if model.withdrawnAt == nil {
            try await caller.db.transaction { db in
                // Claimed in the statement itself: of parallel withdrawals one writes, and the first time stays.
                let won = try await (db as! any SQLDatabase).update(ConsentModel.schema)
                    .set("withdrawn_at", to: now).set("withdrawn_by_portal_account_id", to: caller.account.id)
                    .where("id", .equal, consentID).where("withdrawn_at", .is, SQLLiteral.null).returning("id").all()
                guard !won.isEmpty else { return }
                try await caller.audit(.ownConsentWithdrawn, person: personID, categories: model.categories, purpose: model.purpose, on: db)
            }
        }
    }

    // MARK: Who looked at my data

    struct LogLine: Sendable {
        let at: Date
        /// The person themselves, in the portal.
        let byPerson: Bool
        let organisation: String?
        let role: UserRole?
        let action: PortalLogAction
        let categories: [DataCategory]
        let purpose: Purpose?
        /// Someone tried and the rule said no.
        let refused: Bool
    }

    /// The access log about the person, newest first, in the portal's words: organisation and role, never a name.
    /// The person's own page views are left out (else they would fill the list; the download holds them), as are writes
    /// refused for their input (a caseworker's typing error); what the person did (a stop, a correction, a download) and
    /// refused reads stay.
    static func accessLog(limit: Int = 100, caller: ClientCaller) async throws -> (lines: [LogLine], more: Bool) {
        let dossier = try await own(caller, categories: [], action: .ownAccessLogRead)
        let shown = PortalLogAction.shownAuditActions
        let entries = try await AuditStore.about(dossier.id, on: caller.db).filter(\.$action ~~ shown)
            .filter(\.$outcome !~ [AuditEvent.Outcome.invalid.rawValue, AuditEvent.Outcome.conflict.rawValue])
            .sort(\.$id, .descending).limit(limit + 1).all()
        let users = Array(Set(entries.compactMap { $0.organisationID == nil ? nil : $0.userID }))
        let roles = users.isEmpty ? [:] : Dictionary(uniqueKeysWithValues: try await UserModel.query(on: caller.db)
            .filter(\.$id ~~ users).all().map { (try $0.requireID(), $0.role) })
        let names = try await organisationNames(entries.compactMap(\.organisationID), on: caller.db)
        let lines: [LogLine] = entries.prefix(limit).compactMap { entry in
            guard let (action, byPerson) = PortalLogAction.from(auditAction: entry.action) else { return nil }
            return LogLine(at: entry.at, byPerson: byPerson, organisation: entry.organisationID.flatMap { names[$0] },
                           role: entry.userID.flatMap { roles[$0] }, action: action,
                           categories: DataCategory.allCases.filter(Set(JSONList.decode(entry.categoriesJSON) as [DataCategory]).contains),
                           purpose: entry.purpose.flatMap(Purpose.init(rawValue:)),
                           refused: entry.outcome == "denied" || entry.outcome == "not-found")
        }
        return (lines, entries.count > limit)
    }

    // MARK: Download, correction, questionnaire

    /// Everything about the person (the art. 15/20 export the owner hands over), for the person themselves.
    static func export(caller: ClientCaller) async throws -> PersonExportDTO {
        let dossier = try await own(caller, categories: Set(DataCategory.allCases), action: .ownExport)
        let identifiers = try dossier.sealedIdentifiers.map { try caller.keyring.openIdentifiers($0, keyID: dossier.identifiersKeyID ?? "") }
        let everything = AccessRule.Decision(personVisible: true, allowed: Set(DataCategory.allCases), denied: [:], isOwner: false)
        return try await GDPR.contents(of: dossier, decision: everything, identifiers: identifiers, now: caller.now, on: caller.db,
                                       withoutStaffNames: true)
    }

    static let correctionLength = 4000
    /// Requests not yet handled that one person may have waiting: the owner's inbox is not a place to flood.
    static let openCorrectionsCap = 5

    /// The person has `openCorrectionsCap` requests waiting already.
    struct TooManyOpenCorrections: Error {}

    /// A message to the owning organisation's inbox asking to correct the dossier; the person's words are sealed.
    static func requestCorrection(_ text: String, caller: ClientCaller) async throws {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw SchakelError.validation(field: "text", reason: Strings.empty) }
        guard trimmed.count <= correctionLength else {
            throw SchakelError.validation(field: "text", reason: Strings.tooLong, arguments: ["\(correctionLength)"])
        }
        let personID = caller.account.personID
        let dossier = try await decided(caller, categories: [], action: .ownCorrectionRequest, recordingAllowed: false)
        let sealed = try caller.keyring.seal(trimmed)
        let now = caller.now
        let id = UUID()
        try await caller.db.transaction { db in
            // Requests of one account take turns (the account's row is claimed first), so the cap holds under parallel sends.
            let sql = db as! any SQLDatabase
            try await sql.update(PortalAccountModel.schema).set("last_used_at", to: now).where("id", .equal, caller.account.id).run()
            let open = try await CorrectionRequestModel.query(on: db).filter(\.$person.$id == personID).filter(\.$handledAt == nil).count()
            guard open < openCorrectionsCap else { throw TooManyOpenCorrections() }
            // The request and its entry in the person's access log are one write.
            try await caller.audit(.ownCorrectionRequest, person: personID, on: db)
            let model = CorrectionRequestModel()
            model.id = id
            model.$person.id = personID
            model.$organisation.id = dossier.ownerID
            model.text = sealed.ciphertext
            model.textKeyID = sealed.keyID
            model.createdAt = now
            try await model.create(on: db)
            try await Notifier.notify(.correctionRequested, about: id, organisation: dossier.ownerID, dedupeKey: "correction:\(id)",
                                      at: now, on: db)
        }
    }
}

extension PortalLogAction {
    /// Every audit action the person's list shows in words of its own (those `from` names); their own page views are not
    /// among them.
    static let shownAuditActions: [String] = AuditEvent.Action.allCases
        .filter { $0 != .ownRead && $0 != .ownAccessLogRead && from(auditAction: $0.rawValue) != nil }.map(\.rawValue)

    /// The portal's words for an audit action about a person, and whether the person did it; nil for actions the
    /// person's log does not show in words of its own.
    static func from(auditAction code: String) -> (PortalLogAction, byPerson: Bool)? {
        switch AuditEvent.Action(rawValue: code) {
        case .ownRead: (.read, true)
        case .ownAccessLogRead: (.accessLogRead, true)
        case .ownExport: (.export, true)
        case .ownConsentWithdrawn: (.consentWithdrawn, true)
        case .ownCorrectionRequest: (.correctionRequest, true)
        case .read, .correctionHandled: (.read, false)
        case .create: (.create, false)
        case .update: (.update, false)
        case .consentGiven: (.consentGiven, false)
        case .consentWithdrawn: (.consentWithdrawn, false)
        case .export: (.export, false)
        case .erase: (.erase, false)
        case .search: (.search, false)
        case .accessLogRead: (.accessLogRead, false)
        case .referralSnapshot: (.referralSnapshot, false)
        case .referralStep: (.referralStep, false)
        case .portalInvitation: (.portalInvitation, false)
        case .portalRevoked: (.portalRevoked, false)
        case .keyRotation, .organisationCreate, .agreementCreate, .agreementRoute, .agreementEnd, .accountCreate, .accountRole,
             .accountClose, .setup, nil: nil
        }
    }
}
