import Fluent
import Foundation
import SchakelCore
import SQLKit
import Vapor

/// The person's rights under the GDPR: access and portability (articles 15 and 20) and erasure (article 17).
struct PersonExportDTO: Content {
    let exportedAt: Date
    let controller: String
    let person: PersonDTO
    let consents: [ConsentDTO]
    let accessLog: [AccessLogEntryDTO]
    /// The trajectory: every step's facts; notes only those this organisation wrote (each controller answers for its own).
    let trajectory: [TrajectoryStepDTO]
    let milestones: [MilestoneDTO]
    /// Referrals about the person that this organisation sent or received, with their history.
    let referrals: [ReferralExportDTO]
    /// Hand-over meetings this organisation recorded about the person.
    let handOverMeetings: [HandOverMeetingDTO]
    /// What case conferences this organisation took part in wrote down about the person.
    let conferenceItems: [ConferenceItemDTO]
}

struct ReferralExportDTO: Content {
    let id: UUID
    let fromOrganisationId: UUID
    let toOrganisationId: UUID
    let purpose: Purpose
    let reason: String
    let state: ReferralState
    let sentOn: CalendarDate?
    let outcome: ReferralOutcome?
    let history: [ReferralEventDTO]
}

struct ErasureInput: Content {
    let reason: String
}

struct ErasureDTO: Content {
    let id: UUID
    let reference: String
    let erasedAt: Date
    let reason: String
    /// What was kept, pseudonymously, for statistics.
    let kept: [String]
}

extension API {
    struct GDPRController {
        /// Everything about the person, consents and access log included, as JSON: for the owning organisation to hand over.
        @Sendable func export(_ request: Request) async throws -> Response {
            try PersonController.requireCaseworker(request)
            let person = try await PersonController.owned(request, action: .export)
            let access = try request.caller.access
            let decision = try await access.decide(person, purpose: .guidanceToWork, action: .export)
            let personID = person.id
            let now = request.now
            let consents = try await ConsentModel.query(on: request.db).filter(\.$person.$id == personID).sort(\.$givenAt).all()
                .map { try ConsentDTO($0, now: now) }
            let log = try await AuditEntryModel.query(on: request.db).filter(\.$personID == personID).sort(\.$id).all()
                .map(AccessLogEntryDTO.init)
            let owner = try await OrganisationModel.find(person.owner, on: request.db)
            let today = now.brusselsDay
            let stepModels = try await Trajectories.steps(of: personID, on: request.db)
            let lanes = Trajectory.lanes(stepModels.map(\.step), today: today)
            let steps = stepModels.map { model in
                Trajectories.dto(model, note: model.$organisation.id == person.owner ? model.note : nil, lane: lanes[model.id!] ?? 0)
            }
            let milestones = try await Trajectories.milestones(of: person, steps: stepModels.map(\.step), decision: decision,
                                                                      on: request.db, today: today)
            var referrals: [ReferralExportDTO] = []
            for referral in try await ReferralModel.query(on: request.db).filter(\.$person.$id == personID)
                .group(.or, { $0.filter(\.$from.$id == person.owner).filter(\.$to.$id == person.owner) }).sort(\.$createdAt).all() {
                let events = try await ReferralEventModel.query(on: request.db).filter(\.$referral.$id == referral.id!).sort(\.$position).all()
                referrals.append(ReferralExportDTO(
                    id: referral.id!, fromOrganisationId: referral.$from.id, toOrganisationId: referral.$to.id, purpose: referral.purpose,
                    reason: referral.reason, state: referral.state, sentOn: referral.sentOn, outcome: referral.outcome,
                    history: events.map { ReferralEventDTO($0, text: $0.$organisation.id == person.owner ? $0.text : nil) }))
            }
            let referralIDs = referrals.map(\.id)
            let meetings = try await HandOverMeetingModel.query(on: request.db).filter(\.$referral.$id ~~ referralIDs)
                .filter(\.$organisation.$id == person.owner).sort(\.$heldOn).all()
                .map { HandOverMeetingDTO($0, participants: $0.participants, notes: $0.notes) }
            let ownConferences = try await CaseConferenceParticipantModel.query(on: request.db)
                .filter(\.$organisation.$id == person.owner).all(\.$conference.$id)
            let items = try await CaseConferenceItemModel.query(on: request.db).filter(\.$person.$id == personID)
                .filter(\.$conference.$id ~~ ownConferences).all().map(CaseConferenceController.dto)
            let export = PersonExportDTO(
                exportedAt: now, controller: owner?.name ?? "",
                person: PersonDTO(person, identifiers: try request.identifiers(of: person), decision: decision,
                                  purpose: .guidanceToWork, today: today),
                consents: consents, accessLog: log, trajectory: steps, milestones: milestones, referrals: referrals,
                handOverMeetings: meetings, conferenceItems: items)
            let response = Response(status: .ok)
            try response.content.encode(export)
            response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"schakel-export-\(person.reference).json\"")
            return response
        }

        /// Removes identifiers and free text; keeps the pseudonymous facts statistics need; records who and why.
        @Sendable func erase(_ request: Request) async throws -> ErasureDTO {
            try PersonController.requireCaseworker(request)
            let person = try await PersonController.load(request)
            try await request.caller.access.requireOwner(person, action: .erase)
            let input = try request.content.decode(ErasureInput.self)
            let reason = input.reason.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !reason.isEmpty else { throw SchakelError.validation(field: "reason", reason: Strings.empty) }
            guard reason.count <= 500 else { throw SchakelError.validation(field: "reason", reason: Strings.tooLong, arguments: ["500"]) }
            let user = try request.user
            let now = request.now
            let personID = person.id
            try await request.db.transaction { db in
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
                try await request.audit(AuditEvent(userID: user.id, organisationID: user.organisationID, personID: personID, action: .erase,
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
}
