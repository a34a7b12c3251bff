import Fluent
import Foundation
import SchakelCore
import SQLKit

/// The person's rights under the GDPR: access and portability (articles 15 and 20) and erasure (article 17).
enum GDPR {
    /// Everything about the person, consents and access log included: for the owning organisation to hand over.
    static func export(_ personID: UUID, caller: Caller) async throws -> PersonExportDTO {
        try caller.requireCaseworker()
        let person = try await Persons.owned(personID, action: .export, caller: caller)
        let access = caller.access
        let decision = try await access.decide(person, purpose: .guidanceToWork, action: .export)
        return try await contents(of: person, decision: decision, identifiers: try caller.identifiers(of: person), now: caller.now,
                                  on: caller.db)
    }

    /// The export's contents: for the owner to hand over, and for the person in "Mijn Schakel".
    /// `withoutStaffNames`: for the person themselves, who downloads it without a caseworker in between, the names of
    /// the staff at a hand-over meeting are left out (the rights of others, GDPR art. 15(4)); the notes stay.
    static func contents(of person: Dossier, decision: AccessRule.Decision, identifiers: PersonIdentifiers?, now: Date,
                         on database: any Database, withoutStaffNames: Bool = false) async throws -> PersonExportDTO {
        let personID = person.id
        let consents = try await ConsentModel.query(on: database).filter(\.$person.$id == personID).sort(\.$givenAt).all()
            .map { try ConsentDTO($0, now: now) }
        let log = try await AuditStore.about(personID, on: database).sort(\.$id).all()
            .map(AccessLogEntryDTO.init)
        let owner = try await OrganisationModel.find(person.owner, on: database)
        let today = now.brusselsDay
        let stepModels = try await Trajectories.steps(of: personID, on: database)
        let lanes = Trajectory.lanes(stepModels.map(\.step), today: today)
        let steps = stepModels.map { model in
            Trajectories.dto(model, note: model.$organisation.id == person.owner ? model.note : nil, lane: lanes[model.id!] ?? 0)
        }
        let milestones = try await Trajectories.milestones(of: person, steps: stepModels.map(\.step), decision: decision,
                                                           on: database, today: today)
        var referrals: [ReferralExportDTO] = []
        for referral in try await ReferralModel.query(on: database).filter(\.$person.$id == personID)
            .group(.or, { $0.filter(\.$from.$id == person.owner).filter(\.$to.$id == person.owner) }).sort(\.$createdAt).all() {
            let events = try await ReferralEventModel.query(on: database).filter(\.$referral.$id == referral.id!).sort(\.$position).all()
            referrals.append(ReferralExportDTO(
                id: referral.id!, fromOrganisationId: referral.$from.id, toOrganisationId: referral.$to.id, purpose: referral.purpose,
                reason: referral.reason, state: referral.state, sentOn: referral.sentOn, outcome: referral.outcome,
                history: events.map { ReferralEventDTO($0, text: $0.$organisation.id == person.owner ? $0.text : nil) }))
        }
        let referralIDs = referrals.map(\.id)
        let meetings = try await HandOverMeetingModel.query(on: database).filter(\.$referral.$id ~~ referralIDs)
            .filter(\.$organisation.$id == person.owner).sort(\.$heldOn).all()
            .map { HandOverMeetingDTO($0, participants: withoutStaffNames ? nil : $0.participants, notes: $0.notes) }
        let ownConferences = try await CaseConferenceParticipantModel.query(on: database)
            .filter(\.$organisation.$id == person.owner).all(\.$conference.$id)
        let items = try await CaseConferenceItemModel.query(on: database).filter(\.$person.$id == personID)
            .filter(\.$conference.$id ~~ ownConferences).all().map(Conferences.dto)
        return PersonExportDTO(
            exportedAt: now, controller: owner?.name ?? "",
            person: PersonDTO(person, identifiers: identifiers, decision: decision, purpose: .guidanceToWork, today: today),
            consents: consents, accessLog: log, trajectory: steps, milestones: milestones, referrals: referrals,
            handOverMeetings: meetings, conferenceItems: items)
    }

    /// Removes identifiers and free text; keeps the pseudonymous facts statistics need; records who and why.
    /// The reason is read once the reader is known to be the owner.
    static func erase(_ personID: UUID, caller: Caller, input read: () throws -> ErasureInput) async throws -> ErasureDTO {
        try caller.requireCaseworker()
        let person = try await Persons.target(personID, action: .erase, caller: caller)
        try await caller.access.requireOwner(person, action: .erase)
        let input = try read()
        let reason = input.reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty else { throw SchakelError.validation(field: "reason", reason: Strings.empty) }
        guard reason.count <= 500 else { throw SchakelError.validation(field: "reason", reason: Strings.tooLong, arguments: ["500"]) }
        let user = caller.user
        let now = caller.now
        try await caller.db.transaction { db in
            let sql = db as! any SQLDatabase
            try await sql.update(PersonModel.schema)
                .set("identifiers", to: SQLLiteral.null).set("identifiers_key_id", to: SQLLiteral.null)
                .set("name_index", to: SQLLiteral.null).set("erased_at", to: now).set("erasure_reason", to: reason)
                .set("erased_by_user_id", to: user.id).set("updated_at", to: now)
                .where("id", .equal, personID).run()
            // Consents stay as proof of what was allowed (recipient, purpose, categories, dates), without their
            // text (which can hold the person's name) and without the witness's or interpreter's name.
            try await sql.update(ConsentModel.schema).set("text", to: "").set("witness", to: SQLLiteral.null)
                .set("interpreter", to: SQLLiteral.null).where("person_id", .equal, personID).run()
            // The profile's free text goes: the field and country of an education, the country of work
            // experience. Of the languages only the Dutch levels stay, which the figures follow.
            try await sql.update(PersonEducationModel.schema).set("field", to: "").set("country", to: "")
                .where("person_id", .equal, personID).run()
            try await sql.update(PersonWorkExperienceModel.schema).set("country", to: "")
                .where("person_id", .equal, personID).run()
            try await sql.delete(from: PersonLanguageModel.schema).where("person_id", .equal, personID)
                .where("language", .notEqual, "nl").run()
            // The chain's free text about the person goes; states, dates, kinds and outcomes stay for the figures.
            // A sealed referral snapshot holds the identifiers themselves.
            try await sql.update(ReferralModel.schema).set("reason", to: "").set("snapshot", to: SQLLiteral.null)
                .set("snapshot_key_id", to: SQLLiteral.null).where("person_id", .equal, personID).run()
            try await sql.raw("""
                UPDATE referral_events SET text = NULL WHERE referral_id IN (SELECT id FROM referrals WHERE person_id = \(bind: personID))
                """).run()
            try await sql.raw("""
                UPDATE hand_over_meetings SET participants = '', notes = NULL
                WHERE referral_id IN (SELECT id FROM referrals WHERE person_id = \(bind: personID))
                """).run()
            try await sql.update(TrajectoryStepModel.schema).set("note", to: SQLLiteral.null).set("provider", to: SQLLiteral.null)
                .where("person_id", .equal, personID).run()
            try await sql.update(CaseConferenceItemModel.schema).set("text", to: "").where("person_id", .equal, personID).run()
            // "Mijn Schakel" closes: no browser stays signed in, nothing signs in again. The account row stays (a random
            // number, no personal data), as the consents the person withdrew there name it.
            try await sql.raw("""
                DELETE FROM portal_sessions WHERE account_id IN (SELECT id FROM portal_accounts WHERE person_id = \(bind: personID))
                """).run()
            try await sql.raw("""
                UPDATE portal_accounts SET passphrase_hash = NULL, code_hash = NULL, code_expires_at = NULL,
                revoked_at = COALESCE(revoked_at, \(bind: now)), revoked_by_user_id = COALESCE(revoked_by_user_id, \(bind: user.id))
                WHERE person_id = \(bind: personID)
                """).run()
            // What the person asked to correct is in their own words; the inbox entries that named those requests go with them.
            try await sql.raw("""
                DELETE FROM outbox_messages WHERE notification_id IN (SELECT id FROM notifications WHERE kind = 'correction-requested'
                AND subject_id IN (SELECT id FROM correction_requests WHERE person_id = \(bind: personID)))
                """).run()
            try await sql.raw("""
                DELETE FROM notifications WHERE kind = 'correction-requested'
                AND subject_id IN (SELECT id FROM correction_requests WHERE person_id = \(bind: personID))
                """).run()
            try await sql.delete(from: CorrectionRequestModel.schema).where("person_id", .equal, personID).run()
            try await caller.audit(AuditEvent(userID: user.id, organisationID: user.organisationID, personID: personID, action: .erase,
                                               categories: [.identity, .contact], purpose: nil, outcome: .allowed), on: db)
    }
    return ErasureDTO(id: personID, reference: person.reference, erasedAt: now, reason: reason,
                      kept: ["birthYear", "countryOfOrigin", "homeMunicipality", "statusHistory", "languages (Dutch levels)",
                             "education (levels, recognition)", "workExperience (occupation codes, years)", "competences",
                             "jobWishes", "constraints", "availability",
                             "trajectorySteps (kind, dates, status, outcome, level)", "milestones",
                             "referrals (route, purpose, states, dates, reason codes, outcome)",
                             "consents (recipient, purpose, categories, dates)"])
    }
}
