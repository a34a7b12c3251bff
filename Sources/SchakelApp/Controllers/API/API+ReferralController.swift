import Fluent
import Foundation
import SchakelCore
import SQLKit
import Vapor

extension API {
    /// `/api/v1/referrals`: closed-loop referrals along agreement routes. The state machine is the
    /// domain's (`ReferralStateMachine`); what travels is decided by the access rule (`PersonAccess`).
    struct ReferralController {
        // MARK: Create and read

        @Sendable func create(_ request: Request) async throws -> Response {
            try PersonController.requireCaseworker(request)
            let model = try await Self.create(try request.content.decode(ReferralInput.self), on: request)
            let response = Response(status: .created)
            try response.content.encode(try await Self.dto(model, for: request))
            response.headers.replaceOrAdd(name: .location, value: "/api/v1/referrals/\(try model.requireID().uuidString)")
            return response
        }

        /// Drafts a referral along a route in force, from the API or the referral form.
        static func create(_ input: ReferralInput, on request: Request) async throws -> ReferralModel {
            try PersonController.requireCaseworker(request)
            let user = try request.user
            let reason = try FreeText.required(input.reason, field: "reason")
            guard input.toOrganisationId != user.organisationID else {
                throw SchakelError.validation(field: "toOrganisationId", reason: Strings.sameOrganisation)
            }
            guard try await OrganisationModel.find(input.toOrganisationId, on: request.db) != nil else {
                throw SchakelError.validation(field: "toOrganisationId", reason: Strings.notFound)
            }
            // The sender must see the person itself; a person it may not know of is just "not found".
            guard let person = try await DossierStore.find(input.personId, on: request.db) else {
                throw SchakelError.validation(field: "personId", reason: Strings.notFound)
            }
            do {
                _ = try await request.caller.access.decide(person, purpose: input.purpose, requested: [.trajectoryAndReferrals])
            } catch SchakelError.notFound {
                throw SchakelError.validation(field: "personId", reason: Strings.notFound)
            }
            let today = request.now.brusselsDay
            guard let responseDays = try await PersonAccess.responseDaysInForce(from: user.organisationID, to: input.toOrganisationId,
                                                                                on: today, database: request.db) else {
                throw SchakelError.validation(field: "toOrganisationId", reason: Strings.noAgreementRoute)
            }
            if let offerID = input.offerId {
                guard input.purpose == .training else { throw SchakelError.validation(field: "purpose", reason: Strings.offerNeedsTraining) }
                // A training application goes to the offer's provider, or to the employment service that decides on it.
                guard let offer = try await OfferModel.find(offerID, on: request.db) else {
                    throw SchakelError.validation(field: "offerId", reason: Strings.notFound)
                }
                let receiver = try await OrganisationModel.find(input.toOrganisationId, on: request.db)
                guard offer.$provider.id == input.toOrganisationId || receiver?.kind == .employmentService else {
                    throw SchakelError.validation(field: "toOrganisationId", reason: Strings.notTheOfferProvider)
                }
            }
            let now = request.now
            let model = ReferralModel()
            model.id = UUID()
            model.$offer.id = input.offerId
            model.$person.id = person.id
            model.$from.id = user.organisationID
            model.$fromUser.id = user.id
            model.$to.id = input.toOrganisationId
            model.purpose = input.purpose
            model.reason = reason
            model.urgency = input.urgency ?? .normal
            model.desiredStart = input.desiredStart
            model.transfersOwnership = input.transfersOwnership ?? false
            model.state = .draft
            model.responseDays = responseDays
            model.createdAt = now
            model.updatedAt = now
            try await model.create(on: request.db)
            return model
        }

        /// The referrals your organisation sent or received, newest first.
        @Sendable func list(_ request: Request) async throws -> Page<ReferralSummaryDTO> {
            try PersonController.requireCaseworker(request)
            let user = try request.user
            let paging = try Paging(request)
            let direction = request.query[String.self, at: "direction"]
            let query = ReferralModel.query(on: request.db)
            switch direction {
            case "sent": query.filter(\.$from.$id == user.organisationID)
            case "received": query.filter(\.$to.$id == user.organisationID).filter(\.$state != .draft)
            case nil:
                query.group(.or) { group in
                    group.filter(\.$from.$id == user.organisationID)
                    group.group(.and) { $0.filter(\.$to.$id == user.organisationID).filter(\.$state != .draft) }
                }
            default:
                throw SchakelError.validation(field: "direction", reason: Strings.unknownValue, arguments: ["sent, received"])
            }
            if let state = try request.queryEnum("state", as: ReferralState.self) { query.filter(\.$state == state) }
            let today = request.now.brusselsDay
            if let overdue = request.query[String.self, at: "overdue"] {
                guard overdue == "true" else { throw SchakelError.validation(field: "overdue", reason: Strings.unknownValue, arguments: ["true"]) }
                query.overdue(on: today)
            }
            let page = try await query.sort(\.$createdAt, .descending).sort(\.$id).page(paging)
            return page.map { model in
                ReferralSummaryDTO(id: model.id!, personId: model.$person.id, fromOrganisationId: model.$from.id,
                                   toOrganisationId: model.$to.id, purpose: model.purpose, urgency: model.urgency, state: model.state,
                                   sentOn: model.sentOn, dueOn: model.dueOn, overdue: Self.isOverdue(model, today: today),
                                   outcome: model.outcome, offerId: model.$offer.id)
            }
        }

        @Sendable func show(_ request: Request) async throws -> ReferralDTO {
            try PersonController.requireCaseworker(request)
            return try await Self.dto(try await Self.load(request), for: request)
        }

        /// Exactly what the receiver will see, before sending: the snapshot the rule allows now.
        @Sendable func preview(_ request: Request) async throws -> PersonDTO {
            try PersonController.requireCaseworker(request)
            let referral = try await Self.load(request)
            guard referral.party(of: try request.user.organisationID) == .sender else { throw SchakelError.forbidden }
            guard referral.state == .draft else {
                throw SchakelError.illegalTransition(action: "preview", state: referral.state.rawValue, allowed: [])
            }
            return try await Self.snapshot(of: referral, for: request).dto
        }

        // MARK: Steps

        @Sendable func step(_ request: Request) async throws -> ReferralDTO {
            try await Self.step(request) { try Self.stepInput(request) }
        }

        /// A step of the state machine, from the API or a form on the referral's page; the input is read
        /// once the reader is known to be a party.
        static func step(_ request: Request, input read: () throws -> ReferralStepInput) async throws -> ReferralDTO {
            try PersonController.requireCaseworker(request)
            guard let action = request.parameters.get("action").flatMap(ReferralAction.init(rawValue:)) else { throw SchakelError.notFound }
            let user = try request.user
            let referral = try await Self.load(request)
            guard let party = referral.party(of: user.organisationID) else { throw SchakelError.notFound }
            let input = try read()
            let details = ReferralStepDetails(reason: input.reason, text: input.text, outcome: input.outcome)
            let from = referral.state
            let next: ReferralState
            do {
                next = try ReferralStateMachine.apply(action, to: from, by: party, details: details)
            } catch {
                throw Self.schakelError(error)
            }
            let now = request.now
            let today = now.brusselsDay
            // An agreement ended after the referral was sent lets nothing more travel on it.
            if action.takesPersonOn {
                guard try await PersonAccess.responseDaysInForce(from: referral.$from.id, to: referral.$to.id, on: today,
                                                                 database: request.db) != nil else {
                    throw SchakelError.validation(field: "action", reason: Strings.noAgreementRoute)
                }
            }
            var sealing: (ciphertext: Data, keyID: String)?
            var allowedCategories: Set<DataCategory> = []
            if action == .send {
                let (dto, allowed) = try await Self.snapshot(of: referral, for: request)
                guard !allowed.isEmpty else { throw SchakelError.validation(field: "personId", reason: Strings.noConsentForReceiver) }
                sealing = try request.application.keyring.sealJSON(dto)
                allowedCategories = allowed
            }
            let sealed = sealing
            let categories = allowedCategories
            let referralID = try referral.requireID()
            let text = input.text?.trimmingCharacters(in: .whitespacesAndNewlines)
            try await request.db.transaction { db in
                let sql = db as! any SQLDatabase
                // Claim the state first: of two concurrent steps from one state only one matches.
                var update = sql.update(ReferralModel.schema).set("state", to: next.rawValue).set("updated_at", to: now)
                if let sealed {
                    let due = ResponseDeadline(sentOn: today, workingDays: referral.responseDays).due
                    update = update.set("snapshot", to: sealed.ciphertext).set("snapshot_key_id", to: sealed.keyID)
                        .set("snapshot_categories", to: JSONList.encode(categories.sorted { $0.rawValue < $1.rawValue }))
                        .set("sent_on", to: today.iso).set("due_on", to: due.iso)
                }
                if action == .complete, let outcome = input.outcome { update = update.set("outcome", to: outcome.rawValue) }
                let claimed = try await update.where("id", .equal, referralID).where("state", .equal, from.rawValue)
                    .returning("id").all()
                guard !claimed.isEmpty else {
                    let current = try await ReferralModel.find(referralID, on: db)?.state ?? from
                    throw SchakelError.illegalTransition(action: action.rawValue, state: current.rawValue,
                                                         allowed: ReferralStateMachine.allowedActions(from: current).map(\.rawValue))
                }
                // The state claim above serialises steps on this referral, so counting is safe here.
                let position = try await ReferralEventModel.query(on: db).filter(\.$referral.$id == referralID).count() + 1
                let event = ReferralEventModel()
                event.$referral.id = referralID
                event.position = position
                event.action = action
                event.fromState = from
                event.toState = next
                event.at = now
                event.$user.id = user.id
                event.$organisation.id = user.organisationID
                event.reasonCode = action == .refuse ? input.reason : nil
                event.text = (text?.isEmpty ?? true) ? nil : text
                event.outcome = action == .complete ? input.outcome : nil
                try await event.create(on: db)
                // The other side hears of it in its inbox (and an e-mail sender may pick it up from the outbox).
                let dedupe = "referral:\(referralID):\(position)"
                switch action {
                case .send:
                    try await Notifier.notify(.referralReceived, about: referralID, organisation: referral.$to.id, dedupeKey: dedupe, at: now, on: db)
                case .accept, .refuse, .reconsider, .complete:
                    try await Notifier.notify(.referralDecided, about: referralID, organisation: referral.$from.id,
                                              user: referral.$fromUser.id, dedupeKey: dedupe, at: now, on: db)
                case .receive, .start, .cancel:
                    break
                }
                // A training application takes a seat when the person starts, not before; the claim
                // fails whole when none is left, so two starts never take the last seat twice.
                if action == .start, let offerID = referral.$offer.id {
                    let seat = try await sql.update(OfferModel.schema).set(SQLIdentifier("seats_taken"), to: SQLRaw("seats_taken + 1"))
                        .set("updated_at", to: now).where("id", .equal, offerID).where(SQLIdentifier("seats_taken"), .lessThan, SQLIdentifier("seats"))
                        .returning("id").all()
                    guard !seat.isEmpty else { throw SchakelError.validation(field: "offerId", reason: Strings.noSeatsLeft) }
                }
                // A warm hand-over moves the dossier when the receiver accepts, not before.
                if action == .accept, referral.transfersOwnership {
                    try await sql.update(PersonModel.schema).set("owner_organisation_id", to: referral.$to.id)
                        .set("updated_at", to: now).where("id", .equal, referral.$person.id).run()
                }
                try await FigureFacts.refresh(person: referral.$person.id, today: today, on: db)
                try await request.audit(AuditEvent(userID: user.id, organisationID: user.organisationID, personID: referral.$person.id,
                                                   action: .referralStep, categories: [.trajectoryAndReferrals], purpose: referral.purpose,
                                                   outcome: .allowed), on: db)
            }
            guard let reloaded = try await ReferralModel.find(referralID, on: request.db) else { throw SchakelError.notFound }
            return try await Self.dto(reloaded, for: request)
        }

        // MARK: Warm hand-over

        /// Records the meeting where the case manager explains the profile; either side may, once sent.
        @Sendable func recordMeeting(_ request: Request) async throws -> Response {
            let dto = try await Self.recordMeeting(request) { try request.content.decode(HandOverMeetingInput.self) }
            let response = Response(status: .created)
            try response.content.encode(dto)
            return response
        }

        static func recordMeeting(_ request: Request, input read: () throws -> HandOverMeetingInput) async throws -> ReferralDTO {
            try PersonController.requireCaseworker(request)
            let user = try request.user
            let referral = try await Self.load(request)
            guard referral.transfersOwnership else { throw SchakelError.validation(field: "referralId", reason: Strings.notAHandOver) }
            guard ![.draft, .cancelled].contains(referral.state) else {
                throw SchakelError.illegalTransition(action: "hand-over-meeting", state: referral.state.rawValue,
                                                     allowed: ReferralStateMachine.allowedActions(from: referral.state).map(\.rawValue))
            }
            let input = try read()
            let participants = try FreeText.required(input.participants, field: "participants", max: 1000)
            let meeting = HandOverMeetingModel()
            meeting.id = UUID()
            meeting.$referral.id = try referral.requireID()
            meeting.heldOn = input.heldOn
            meeting.participants = participants
            meeting.notes = try FreeText.optional(input.notes, field: "notes")
            meeting.$organisation.id = user.organisationID
            meeting.$createdBy.id = user.id
            meeting.createdAt = request.now
            let other = referral.party(of: user.organisationID) == .sender ? referral.$to.id : referral.$from.id
            let now = request.now
            try await request.db.transaction { db in
                try await meeting.create(on: db)
                try await Notifier.notify(.handOverMeeting, about: try referral.requireID(), organisation: other,
                                          dedupeKey: "hand-over-meeting:\(meeting.id!)", at: now, on: db)
                try await request.audit(AuditEvent(userID: user.id, organisationID: user.organisationID, personID: referral.$person.id,
                                                   action: .update, categories: [.trajectoryAndReferrals], purpose: referral.purpose,
                                                   outcome: .allowed), on: db)
            }
            return try await Self.dto(referral, for: request)
        }

        /// The printable profile (HTML with print styles): for the sender what the rule lets travel now,
        /// for the receiver the snapshot as the rule still allows it.
        @Sendable func profile(_ request: Request) async throws -> Response {
            try PersonController.requireCaseworker(request)
            let user = try request.user
            let referral = try await Self.load(request)
            guard referral.transfersOwnership else { throw SchakelError.validation(field: "referralId", reason: Strings.notAHandOver) }
            let dto = try await Self.dto(referral, for: request)
            let person: PersonDTO
            if referral.party(of: user.organisationID) == .sender {
                person = try await Self.snapshot(of: referral, for: request).dto
            } else {
                guard let snapshot = dto.snapshot else { throw SchakelError.notFound }
                person = snapshot
            }
            let names = try await OrganisationModel.query(on: request.db).filter(\.$id ~~ [referral.$from.id, referral.$to.id]).all()
            func name(_ id: UUID) -> String { names.first { $0.id == id }?.name ?? "" }
            return HandOverProfilePage(language: UILanguage.preferred(by: request, userChoice: user.language), person: person,
                                       fromOrganisation: name(referral.$from.id), toOrganisation: name(referral.$to.id),
                                       purpose: referral.purpose, meetings: dto.handOverMeetings,
                                       printedOn: request.now.brusselsDay).render()
        }

        // MARK: Helpers

        static func load(_ request: Request) async throws -> ReferralModel {
            guard let referral = try await ReferralModel.find(try request.uuidParameter("referralID"), on: request.db),
                  let party = referral.party(of: try request.user.organisationID)
            else { throw SchakelError.notFound }
            // A receiver does not know of a referral that was never sent.
            if party == .receiver, referral.state == .draft { throw SchakelError.notFound }
            return referral
        }

        static func stepInput(_ request: Request) throws -> ReferralStepInput {
            // Send, receive, accept and start need no body.
            guard let body = request.body.data, body.readableBytes > 0 else { return ReferralStepInput() }
            return try request.content.decode(ReferralStepInput.self)
        }

        static func isOverdue(_ referral: ReferralModel, today: CalendarDate) -> Bool {
            guard let sentOn = referral.sentOn else { return false }
            return ResponseDeadline(sentOn: sentOn, workingDays: referral.responseDays).isOverdue(state: referral.state, today: today)
        }

        /// The profile as the rule lets it travel to the receiver now, and its categories.
        static func snapshot(of referral: ReferralModel, for request: Request) async throws -> (dto: PersonDTO, allowed: Set<DataCategory>) {
            guard let person = try await DossierStore.find(referral.$person.id, on: request.db), !person.isErased else {
                throw SchakelError.notFound
            }
            let decision = try await request.caller.access.shareable(person, to: referral.$to.id, purpose: referral.purpose)
            let identifiers = decision.allows(.identity) || decision.allows(.contact) ? try request.identifiers(of: person) : nil
            let dto = PersonDTO(person, identifiers: identifiers, decision: decision, purpose: referral.purpose,
                                today: request.now.brusselsDay)
            return (dto, decision.personVisible ? decision.allowed : [])
        }

        static func dto(_ referral: ReferralModel, for request: Request) async throws -> ReferralDTO {
            let user = try request.user
            let access = try request.caller.access
            let party = referral.party(of: user.organisationID)
            let today = request.now.brusselsDay
            let referralID = try referral.requireID()
            let events = try await ReferralEventModel.query(on: request.db).filter(\.$referral.$id == referralID)
                .sort(\.$position).all()
            // Notes of the other side only with the person's consent (closed loop: state and outcome always).
            var notes = NoteReader(access: access, personID: referral.$person.id, purpose: referral.purpose)
            var history: [ReferralEventDTO] = []
            for event in events {
                history.append(ReferralEventDTO(event, text: try await notes.show(event.text, writtenBy: event.$organisation.id)))
            }
            var meetings: [HandOverMeetingDTO] = []
            for meeting in try await HandOverMeetingModel.query(on: request.db).filter(\.$referral.$id == referralID)
                .sort(\.$heldOn).sort(\.$createdAt).all() {
                let writer = meeting.$organisation.id
                meetings.append(HandOverMeetingDTO(meeting, participants: try await notes.show(meeting.participants, writtenBy: writer),
                                                   notes: try await notes.show(meeting.notes, writtenBy: writer)))
            }
            var snapshot: PersonDTO?
            if party == .receiver, let sealed = referral.snapshot, let keyID = referral.snapshotKeyID,
               let person = try await DossierStore.find(referral.$person.id, on: request.db) {
                // The rule again, now, for this reader: a withdrawn consent takes the snapshot away at once.
                do {
                    let decision = try await access.decide(person, purpose: referral.purpose, requested: referral.snapshotCategories)
                    let stored = try request.application.keyring.openJSON(PersonDTO.self, sealed, keyID: keyID)
                    snapshot = stored.limited(to: decision.allowed.intersection(referral.snapshotCategories))
                } catch SchakelError.notFound {
                    snapshot = nil
                }
            }
            let allowedActions = party.map { party in
                ReferralStateMachine.allowedActions(from: referral.state).filter { ReferralStateMachine.party(for: $0) == party }
            } ?? []
            return ReferralDTO(
                id: referralID, personId: referral.$person.id, fromOrganisationId: referral.$from.id, fromUserId: referral.$fromUser.id,
                toOrganisationId: referral.$to.id, purpose: referral.purpose, reason: party == .receiver && snapshot == nil ? nil : referral.reason, urgency: referral.urgency,
                desiredStart: referral.desiredStart, transfersOwnership: referral.transfersOwnership, state: referral.state,
                allowedActions: allowedActions, responseDays: referral.responseDays, sentOn: referral.sentOn, dueOn: referral.dueOn,
                overdue: isOverdue(referral, today: today), outcome: referral.outcome,
                snapshotCategories: referral.snapshotCategories.sorted { $0.rawValue < $1.rawValue }, history: history,
                snapshot: snapshot, notesWithheld: notes.withheld, handOverMeetings: meetings, offerId: referral.$offer.id)
        }

        static func schakelError(_ error: ReferralStepError) -> SchakelError {
            switch error {
            case let .notAllowed(action, state, allowed):
                return .illegalTransition(action: action.rawValue, state: state.rawValue, allowed: allowed.map(\.rawValue))
            case let .wrongParty(action, needs):
                return .wrongParty(action: action.rawValue, party: needs.rawValue)
            case let .missing(field):
                return .validation(field: field, reason: Strings.missingField)
            case let .textTooLong(field):
                return .validation(field: field, reason: Strings.tooLong, arguments: ["\(ReferralStateMachine.maxTextLength)"])
            }
        }
    }
}
