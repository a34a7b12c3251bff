import Fluent
import Foundation
import SchakelCore
import SQLKit

/// Writing to a trajectory: steps an organisation runs, milestones recorded from the dossier, and the day's list of
/// residents whose right to work comes near.
extension Trajectories {
    /// A step the reader's organisation runs (the API, the step form); the input is read once the reader may write
    /// to the trajectory.
    static func addStep(to personID: UUID, purpose: Purpose, caller: Caller,
                        input read: () throws -> TrajectoryStepInput) async throws -> TrajectoryStepModel {
        let (person, entry) = try await writeAccess(personID, purpose: purpose, caller: caller)
        return try await caller.recordingRefusal(of: entry) { try await add(try read(), to: person, entry: entry, caller: caller) }
    }

    private static func add(_ input: TrajectoryStepInput, to person: Dossier, entry: AuditEvent,
                            caller: Caller) async throws -> TrajectoryStepModel {
        let user = caller.user
        guard let kind = input.kind else { throw SchakelError.validation(field: "kind", reason: Strings.missingField) }
        guard let startsOn = input.startsOn else { throw SchakelError.validation(field: "startsOn", reason: Strings.missingField) }
        let model = TrajectoryStepModel()
        model.id = UUID()
        model.$person.id = person.id
        model.$organisation.id = user.organisationID
        model.$createdBy.id = user.id
        model.kind = kind
        model.status = input.status ?? .planned
        model.startsOn = startsOn
        model.endsOn = input.endsOn
        model.outcome = input.outcome
        model.levelReached = input.levelReached
        model.provider = try FreeText.optional(input.provider, field: "provider", max: 200)
        model.note = try FreeText.optional(input.note, field: "note")
        model.version = 1
        model.createdAt = caller.now
        model.updatedAt = caller.now
        let today = caller.now.brusselsDay
        try Self.validate(model.step, today: today)
        try await caller.db.transaction { db in
            try await model.create(on: db)
            try await FigureFacts.refresh(person: person.id, today: today, on: db)
            try await caller.audit(entry, on: db)
        }
        return model
    }

    /// Changes a step: only the organisation that wrote it, and only from the version it read.
    static func updateStep(_ stepID: UUID, of personID: UUID, purpose: Purpose, caller: Caller,
                           input read: () throws -> TrajectoryStepInput) async throws -> TrajectoryStepDTO {
        let (person, entry) = try await writeAccess(personID, purpose: purpose, caller: caller)
        return try await caller.recordingRefusal(of: entry) { try await update(stepID, of: person, entry: entry, caller: caller, input: read) }
    }

    private static func update(_ stepID: UUID, of person: Dossier, entry: AuditEvent, caller: Caller,
                               input read: () throws -> TrajectoryStepInput) async throws -> TrajectoryStepDTO {
        let user = caller.user
        guard let model = try await TrajectoryStepModel.find(stepID, on: caller.db),
              model.$person.id == person.id
        else { throw SchakelError.notFound }
        guard model.$organisation.id == user.organisationID else { throw SchakelError.forbidden }
        let input = try read()
        guard let version = input.version else { throw SchakelError.validation(field: "version", reason: Strings.missingField) }
        if let kind = input.kind { model.kind = kind }
        if let status = input.status { model.status = status }
        if let startsOn = input.startsOn { model.startsOn = startsOn }
        if let endsOn = input.endsOn { model.endsOn = endsOn }
        if let outcome = input.outcome { model.outcome = outcome }
        if let level = input.levelReached { model.levelReached = level }
        if input.provider != nil { model.provider = try FreeText.optional(input.provider, field: "provider", max: 200) }
        if input.note != nil { model.note = try FreeText.optional(input.note, field: "note") }
        let today = caller.now.brusselsDay
        try Self.validate(model.step, today: today)
        let (step, provider, note, now, personID) = (model.step, model.provider, model.note, caller.now, person.id)
        try await caller.db.transaction { db in
            // Claim the version: a concurrent change makes this one stale, nothing is lost.
            let claimed = try await (db as! any SQLDatabase).update(TrajectoryStepModel.schema)
                .set("kind", to: step.kind.rawValue).set("status", to: step.status.rawValue).set("provider", to: provider)
                .set("starts_on", to: step.startsOn.iso).set("ends_on", to: step.endsOn?.iso)
                .set("outcome", to: step.outcome?.rawValue).set("level_reached", to: step.levelReached?.rawValue)
                .set("note", to: note).set("version", to: version + 1).set("updated_at", to: now)
                .where("id", .equal, step.id).where("version", .equal, version)
                .returning("id").all()
            guard !claimed.isEmpty else { throw SchakelError.staleVersion }
            try await FigureFacts.refresh(person: personID, today: today, on: db)
            try await caller.audit(entry, on: db)
        }
        model.version = version + 1
        return dto(model, note: model.note, lane: 0)
    }

    /// A milestone recorded from the dossier ("leaves reception" …); it takes the place of a derived one.
    static func addMilestone(_ input: MilestoneInput, to personID: UUID, purpose: Purpose, caller: Caller) async throws -> MilestoneDTO {
        let (person, entry) = try await writeAccess(personID, purpose: purpose, also: input.kind.isLegalStatus ? [.legalStatus] : [],
                                                    caller: caller)
        return try await caller.recordingRefusal(of: entry) { try await record(input, for: person, entry: entry, caller: caller) }
    }

    private static func record(_ input: MilestoneInput, for person: Dossier, entry: AuditEvent, caller: Caller) async throws -> MilestoneDTO {
        let user = caller.user
        guard input.on <= caller.now.brusselsDay.adding(days: 366) else {
            throw SchakelError.validation(field: "on", reason: Strings.dateTooFarAhead)
        }
        let model = MilestoneModel()
        model.$person.id = person.id
        model.kind = input.kind
        model.on = input.on
        model.$organisation.id = user.organisationID
        model.$recordedBy.id = user.id
        model.createdAt = caller.now
        let today = caller.now.brusselsDay
        try await caller.db.transaction { db in
            try await model.create(on: db)
            try await FigureFacts.refresh(person: person.id, today: today, on: db)
            try await caller.audit(entry, on: db)
        }
        return MilestoneDTO(kind: input.kind, on: input.on, source: .recorded)
    }

    /// Persons of the reader's organisation whose right-to-work date falls in the coming `weeks`
    /// (docs/domain.md#case-004: refer residents to VDAB on time).
    static func upcomingRightToWork(weeks: Int, caller: Caller) async throws -> [UpcomingRightToWorkDTO] {
        try caller.requireCaseworker()
        let user = caller.user
        let today = caller.now.brusselsDay
        let until = today.adding(days: weeks * 7)
        let rows = try await (caller.db as! any SQLDatabase).raw("""
            SELECT p.id, p.reference, p.right_to_work_on, p.identifiers, p.identifiers_key_id,
                   EXISTS (SELECT 1 FROM referrals r WHERE r.person_id = p.id AND r.from_organisation_id = p.owner_organisation_id
                           AND r.state <> 'draft' AND r.state <> 'cancelled') AS referred
            FROM persons p
            WHERE p.owner_organisation_id = \(bind: user.organisationID) AND p.erased_at IS NULL
              AND p.right_to_work_on >= \(bind: today.iso) AND p.right_to_work_on <= \(bind: until.iso)
            ORDER BY p.right_to_work_on, p.reference LIMIT 500
            """).all()
        // Every name shown passes the one rule (and is recorded there), like any other read.
        let access = caller.access
        var items: [UpcomingRightToWorkDTO] = []
        for row in rows {
            let id = try row.decode(column: "id", as: UUID.self)
            let decision = try await access.decide(PersonReference(subjectID: id, ownerID: user.organisationID, isErased: false),
                                                   purpose: .guidanceToWork, requested: [.identity, .legalStatus])
            let date = try row.decode(column: "right_to_work_on", as: CalendarDate.self)
            let identifiers = decision.allows(.identity)
                ? try caller.identifiers(sealed: try row.decode(column: "identifiers", as: Data?.self),
                                          keyID: try row.decode(column: "identifiers_key_id", as: String?.self))
                : nil
            items.append(UpcomingRightToWorkDTO(personId: id, reference: try row.decode(column: "reference", as: String.self),
                                                givenName: identifiers?.givenName, familyName: identifiers?.familyName,
                                                rightToWorkOn: date, daysUntil: today.days(until: date),
                                                referred: try row.decode(column: "referred", as: Bool.self)))
        }
        return items
    }

    /// A step of the reader's own organisation in this person's trajectory.
    static func ownStep(_ stepID: UUID, of personID: UUID, caller: Caller) async throws -> TrajectoryStepModel {
        guard let step = try await TrajectoryStepModel.find(stepID, on: caller.db), step.$person.id == personID
        else { throw SchakelError.notFound }
        guard step.$organisation.id == caller.organisationID else { throw SchakelError.forbidden }
        return step
    }

    /// The dossier for a step form, refused as the write itself would be (and the refusal recorded). A form that shows
    /// the person's data (`shows`: an existing step) is one read in the access log; a blank form none, since nothing
    /// was written or read yet.
    static func writable(_ personID: UUID, purpose: Purpose, shows: Set<DataCategory>, caller: Caller) async throws -> Dossier {
        let person = try await writeAccess(personID, purpose: purpose, caller: caller).person
        if !shows.isEmpty {
            try await caller.audit(AuditEvent(userID: caller.user.id, organisationID: caller.organisationID, personID: person.id,
                                              action: .read, categories: Array(shows), purpose: purpose, outcome: .allowed))
        }
        return person
    }

    /// The dossier and the entry its write will record: a write appends it in its own transaction, so one write
    /// is one entry, committed with it. A refusal is recorded at once, once: by the decision when it allows none of
    /// the categories, here when it allows only some.
    static func writeAccess(_ personID: UUID, purpose: Purpose, also: Set<DataCategory> = [],
                            caller: Caller) async throws -> (person: Dossier, entry: AuditEvent) {
        try caller.requireCaseworker()
        let needed = also.union([.trajectoryAndReferrals])
        guard let person = try await DossierStore.find(personID, on: caller.db) else {
            // An id that names no one is decided as a person the reader may not see: the same reads, entry and 404.
            _ = try await caller.access.decide(PersonReference.nobody(personID), purpose: purpose, requested: needed, action: .update,
                                               recordingAllowed: false)
            throw SchakelError.notFound
        }
        let decision = try await caller.access.decide(person, purpose: purpose, requested: needed, action: .update, recordingAllowed: false)
        let user = caller.user
        let entry = AuditEvent(userID: user.id, organisationID: user.organisationID, personID: person.id, action: .update,
                               categories: Array(needed), purpose: purpose, outcome: .allowed)
        guard needed.isSubset(of: decision.allowed) else {
            if !decision.allowed.isEmpty {
                var refused = entry
                refused.outcome = .denied
                try await caller.audit(refused)
            }
            throw SchakelError.forbidden
        }
        return (person, entry)
    }

    static func validate(_ step: TrajectoryStep, today: CalendarDate) throws {
        if let problem = step.problems(today: today).first {
            throw SchakelError.validation(field: problem.field, reason: Strings.stepProblem(problem.problem))
        }
    }

}
