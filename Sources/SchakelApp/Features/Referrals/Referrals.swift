import Fluent
import Foundation
import SchakelCore
import SQLKit

/// Closed-loop referrals along agreement routes. The state machine and its effects are the domain's
/// (`ReferralStateMachine`); what travels is decided by the access rule (`PersonAccess`).
enum Referrals {
    // MARK: Create

    /// Drafts a referral along a route in force.
    static func create(_ input: ReferralInput, caller: Caller) async throws -> ReferralModel {
        try caller.requireCaseworker()
        let user = caller.user
        let reason = try FreeText.required(input.reason, field: "reason")
        guard input.toOrganisationId != user.organisationID else {
            throw SchakelError.validation(field: "toOrganisationId", reason: Strings.sameOrganisation)
        }
        guard try await OrganisationModel.find(input.toOrganisationId, on: caller.db) != nil else {
            throw SchakelError.validation(field: "toOrganisationId", reason: Strings.notFound)
        }
        // The sender must see the person itself; a person it may not know of is just "not found".
        guard let person = try await DossierStore.find(input.personId, on: caller.db) else {
            throw SchakelError.validation(field: "personId", reason: Strings.notFound)
        }
        do {
            // The draft's own entry below records this use; a refusal is recorded by the decision.
            _ = try await caller.access.decide(person, purpose: input.purpose, requested: [.trajectoryAndReferrals], recordingAllowed: false)
        } catch SchakelError.notFound {
            throw SchakelError.validation(field: "personId", reason: Strings.notFound)
        }
        let today = caller.today
        guard let responseDays = try await PersonAccess.responseDaysInForce(from: user.organisationID, to: input.toOrganisationId,
                                                                            on: today, database: caller.db) else {
            throw SchakelError.validation(field: "toOrganisationId", reason: Strings.noAgreementRoute)
        }
        if let offerID = input.offerId {
            guard input.purpose == .training else { throw SchakelError.validation(field: "purpose", reason: Strings.offerNeedsTraining) }
            // A training application goes to the offer's provider, or to the employment service that decides on it.
            guard let offer = try await OfferModel.find(offerID, on: caller.db) else {
                throw SchakelError.validation(field: "offerId", reason: Strings.notFound)
            }
            let receiver = try await OrganisationModel.find(input.toOrganisationId, on: caller.db)
            guard offer.$provider.id == input.toOrganisationId || receiver?.kind == .employmentService else {
                throw SchakelError.validation(field: "toOrganisationId", reason: Strings.notTheOfferProvider)
            }
        }
        let now = caller.now
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
        try await caller.db.transaction { db in
            try await model.create(on: db)
            try await caller.audit(AuditEvent(userID: user.id, organisationID: user.organisationID, personID: person.id, action: .create,
                                              categories: [.trajectoryAndReferrals], purpose: input.purpose, outcome: .allowed), on: db)
        }
        return model
    }

    /// Organisations an agreement in force routes the caller's organisation's referrals to, by name.
    static func receivers(caller: Caller) async throws -> [OrganisationModel] {
        let organisation = caller.organisationID
        let today = caller.today
        let rows = try await (caller.db as! any SQLDatabase).raw("""
            SELECT r.to_organisation_id, a.valid_from, a.valid_until FROM agreement_routes r
            JOIN agreements a ON a.id = r.agreement_id
            WHERE r.from_organisation_id = \(bind: organisation)
            """).all()
        var ids = Set<UUID>()
        for row in rows {
            let validity = Validity(from: try row.decode(column: "valid_from", as: CalendarDate.self),
                                    until: try row.decode(column: "valid_until", as: CalendarDate?.self))
            if validity.contains(today) { ids.insert(try row.decode(column: "to_organisation_id", as: UUID.self)) }
        }
        ids.remove(organisation)
        return try await OrganisationModel.query(on: caller.db).filter(\.$id ~~ Array(ids)).sort(\.$name).all()
    }

    // MARK: Read

    enum Direction: Sendable {
        case sent, received, both
    }

    struct Filter: Sendable {
        var direction: Direction
        var state: ReferralState?
        var overdueOnly = false
    }

    /// The referrals the caller's organisation sent or received (a draft only on the sender's side), newest first.
    static func list(_ filter: Filter, paging: Paging, caller: Caller) async throws -> Page<ReferralModel> {
        try caller.requireCaseworker()
        let organisation = caller.organisationID
        let query = ReferralModel.query(on: caller.db)
        switch filter.direction {
        case .sent: query.filter(\.$from.$id == organisation)
        case .received: query.filter(\.$to.$id == organisation).filter(\.$state != .draft)
        case .both:
            query.group(.or) { group in
                group.filter(\.$from.$id == organisation)
                group.group(.and) { $0.filter(\.$to.$id == organisation).filter(\.$state != .draft) }
            }
        }
        if let state = filter.state { query.filter(\.$state == state) }
        if filter.overdueOnly { query.overdue(on: caller.today) }
        return try await query.sort(\.$createdAt, .descending).sort(\.$id).page(paging)
    }

    /// One referral as the caller's side sees it.
    static func show(_ id: UUID, caller: Caller) async throws -> ReferralDTO {
        try caller.requireCaseworker()
        return try await view(try await load(id, caller: caller), caller: caller)
    }

    /// Exactly what the receiver will see, before sending: the snapshot the rule allows now.
    static func preview(_ id: UUID, caller: Caller) async throws -> PersonDTO {
        try caller.requireCaseworker()
        let referral = try await load(id, caller: caller)
        guard referral.party(of: caller.organisationID) == .sender else { throw SchakelError.forbidden }
        guard referral.state == .draft else {
            throw SchakelError.illegalTransition(action: "preview", state: referral.state.rawValue, allowed: [])
        }
        return try await snapshot(of: referral, caller: caller).dto
    }

    /// What the referral page shows. One view is one entry in the person's access log: for the receiver the
    /// snapshot's decision (the name travels in the snapshot), for the sender of a draft the preview's (what would
    /// travel), for the sender once sent one read of the name and the history. The notes of the other side are shown
    /// as the rule allows, within that one view.
    struct PageData: Sendable {
        let referral: ReferralDTO
        let preview: PersonDTO?
        let person: PersonSummaryDTO
    }

    static func page(_ id: UUID, caller: Caller) async throws -> PageData {
        try caller.requireCaseworker()
        let model = try await load(id, caller: caller)
        let referral = try await view(model, caller: caller, recordingNotes: false)
        guard let person = try await PersonModel.find(model.$person.id, on: caller.db) else { throw SchakelError.notFound }
        if model.party(of: caller.organisationID) == .receiver {
            let label = PersonSummaryDTO(id: try person.requireID(), reference: person.reference, ownerOrganisationId: person.$owner.id,
                                         givenName: referral.snapshot?.givenName, familyName: referral.snapshot?.familyName)
            return PageData(referral: referral, preview: nil, person: label)
        }
        // A draft's one entry is the preview's (what would travel); the sender's own sight of the name is not a second one.
        let preview = model.state == .draft ? try await snapshot(of: model, caller: caller).dto : nil
        let decision: AccessRule.Decision?
        do {
            decision = try await caller.access.decide(person, purpose: model.purpose, requested: [.identity, .trajectoryAndReferrals],
                                                      recordingAllowed: preview == nil)
        } catch SchakelError.notFound {
            decision = nil
        }
        return PageData(referral: referral, preview: preview, person: try Persons.label(person, decision: decision, caller: caller))
    }

    /// A referral as a list shows it (the day, the referral list, the dossier): who to whom, why, where it stands,
    /// and whether its first-contact deadline has passed.
    struct Line: Sendable {
        let id: UUID
        let personID: UUID
        let from: UUID
        let to: UUID
        let purpose: Purpose
        let state: ReferralState
        let sentOn: CalendarDate?
        let dueOn: CalendarDate?
        let overdue: Bool
    }

    static func line(_ referral: ReferralModel, today: CalendarDate) throws -> Line {
        Line(id: try referral.requireID(), personID: referral.$person.id, from: referral.$from.id, to: referral.$to.id,
             purpose: referral.purpose, state: referral.state, sentOn: referral.sentOn, dueOn: referral.dueOn,
             overdue: isOverdue(referral, today: today))
    }

    static func isOverdue(_ referral: ReferralModel, today: CalendarDate) -> Bool {
        guard let sentOn = referral.sentOn else { return false }
        return ResponseDeadline(sentOn: sentOn, workingDays: referral.responseDays).isOverdue(state: referral.state, today: today)
    }

    // MARK: Steps

    /// A step of the state machine; the input is read once the caller is known to be a party. The step's
    /// effects (`ReferralStateMachine.effects`) are carried out in the transaction that claims the new state.
    static func step(_ action: ReferralAction, on id: UUID, caller: Caller,
                     input read: () throws -> ReferralStepInput) async throws -> ReferralDTO {
        try caller.requireCaseworker()
        let user = caller.user
        let referral = try await load(id, caller: caller)
        guard let party = referral.party(of: user.organisationID) else { throw SchakelError.notFound }
        let input = try read()
        let details = ReferralStepDetails(reason: input.reason, text: input.text, outcome: input.outcome)
        let from = referral.state
        let next: ReferralState
        do {
            next = try ReferralStateMachine.apply(action, to: from, by: party, details: details)
        } catch {
            throw schakelError(error)
        }
        let effects = ReferralStateMachine.effects(of: action, transfersOwnership: referral.transfersOwnership,
                                                   appliesForOffer: referral.$offer.id != nil)
        let now = caller.now
        let today = now.brusselsDay
        // An agreement ended after the referral was sent lets nothing more travel on it.
        if action.takesPersonOn {
            guard try await PersonAccess.responseDaysInForce(from: referral.$from.id, to: referral.$to.id, on: today,
                                                             database: caller.db) != nil else {
                throw SchakelError.validation(field: "action", reason: Strings.noAgreementRoute)
            }
        }
        var sending: ReferralStore.Sending?
        if effects.contains(.sealSnapshot) {
            let (dto, allowed) = try await snapshot(of: referral, caller: caller)
            guard !allowed.isEmpty else { throw SchakelError.validation(field: "personId", reason: Strings.noConsentForReceiver) }
            sending = ReferralStore.Sending(sealed: try caller.keyring.seal(ReferralSnapshot(dto)), categories: allowed, sentOn: today,
                                            dueOn: ResponseDeadline(sentOn: today, workingDays: referral.responseDays).due)
        }
        let sent = sending
        let referralID = try referral.requireID()
        let text = input.text?.trimmingCharacters(in: .whitespacesAndNewlines)
        try await caller.db.transaction { db in
            // Claim the state first: of two concurrent steps from one state only one matches.
            let outcome = effects.contains(.recordOutcome) ? input.outcome : nil
            guard try await ReferralStore.claimState(referralID, from: from, to: next, at: now, sending: sent, outcome: outcome, on: db) else {
                let current = try await ReferralModel.find(referralID, on: db)?.state ?? from
                throw SchakelError.illegalTransition(action: action.rawValue, state: current.rawValue,
                                                     allowed: ReferralStateMachine.allowedActions(from: current).map(\.rawValue))
            }
            let position = try await ReferralStore.appendEvent(
                to: referralID, action: action, from: from, to: next, at: now, user: user.id, organisation: user.organisationID,
                reason: action == .refuse ? input.reason : nil, text: (text?.isEmpty ?? true) ? nil : text,
                outcome: action == .complete ? input.outcome : nil, on: db)
            // The other side hears of it in its inbox (and an e-mail sender may pick it up from the outbox).
            let dedupe = "referral:\(referralID):\(position)"
            if effects.contains(.notifyReceiver) {
                try await Notifier.notify(.referralReceived, about: referralID, organisation: referral.$to.id, dedupeKey: dedupe, at: now, on: db)
            }
            if effects.contains(.notifySender) {
                try await Notifier.notify(.referralDecided, about: referralID, organisation: referral.$from.id,
                                          user: referral.$fromUser.id, dedupeKey: dedupe, at: now, on: db)
            }
            // The claim fails whole when no seat is left, so two starts never take the last seat twice.
            if effects.contains(.claimSeat), let offerID = referral.$offer.id {
                guard try await ReferralStore.claimSeat(of: offerID, at: now, on: db) else {
                    throw SchakelError.validation(field: "offerId", reason: Strings.noSeatsLeft)
                }
            }
            if effects.contains(.transferOwnership) {
                try await ReferralStore.transferOwnership(of: referral.$person.id, to: referral.$to.id, at: now, on: db)
            }
            try await FigureFacts.refresh(person: referral.$person.id, today: today, on: db)
            try await caller.audit(AuditEvent(userID: user.id, organisationID: user.organisationID, personID: referral.$person.id,
                                              action: .referralStep, categories: [.trajectoryAndReferrals], purpose: referral.purpose,
                                              outcome: .allowed), on: db)
        }
        guard let reloaded = try await ReferralModel.find(referralID, on: caller.db) else { throw SchakelError.notFound }
        return try await view(reloaded, caller: caller)
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

    // MARK: Warm hand-over

    /// Records the meeting where the case manager explains the profile; either side may, once sent.
    static func recordMeeting(on id: UUID, caller: Caller, input read: () throws -> HandOverMeetingInput) async throws -> ReferralDTO {
        try caller.requireCaseworker()
        let user = caller.user
        let referral = try await load(id, caller: caller)
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
        meeting.createdAt = caller.now
        let other = referral.party(of: user.organisationID) == .sender ? referral.$to.id : referral.$from.id
        let now = caller.now
        try await caller.db.transaction { db in
            try await meeting.create(on: db)
            try await Notifier.notify(.handOverMeeting, about: try referral.requireID(), organisation: other,
                                      dedupeKey: "hand-over-meeting:\(meeting.id!)", at: now, on: db)
            try await caller.audit(AuditEvent(userID: user.id, organisationID: user.organisationID, personID: referral.$person.id,
                                              action: .update, categories: [.trajectoryAndReferrals], purpose: referral.purpose,
                                              outcome: .allowed), on: db)
        }
        return try await view(referral, caller: caller)
    }

    /// What the printable profile of a warm hand-over shows.
    struct HandOverProfile: Sendable {
        let person: PersonDTO
        let fromOrganisation: String
        let toOrganisation: String
        let purpose: Purpose
        let meetings: [HandOverMeetingDTO]
        let printedOn: CalendarDate
    }

    /// For the sender what the rule lets travel now, for the receiver the snapshot as the rule still allows it.
    static func handOverProfile(_ id: UUID, caller: Caller) async throws -> HandOverProfile {
        try caller.requireCaseworker()
        let referral = try await load(id, caller: caller)
        guard referral.transfersOwnership else { throw SchakelError.validation(field: "referralId", reason: Strings.notAHandOver) }
        // One print is one entry: the snapshot's decision below; the meetings' notes are shown within it.
        let dto = try await view(referral, caller: caller, recordingNotes: false)
        let person: PersonDTO
        if referral.party(of: caller.organisationID) == .sender {
            person = try await snapshot(of: referral, caller: caller).dto
        } else {
            guard let snapshot = dto.snapshot else { throw SchakelError.notFound }
            person = snapshot
        }
        let names = try await OrganisationModel.query(on: caller.db).filter(\.$id ~~ [referral.$from.id, referral.$to.id]).all()
        func name(_ id: UUID) -> String { names.first { $0.id == id }?.name ?? "" }
        return HandOverProfile(person: person, fromOrganisation: name(referral.$from.id), toOrganisation: name(referral.$to.id),
                               purpose: referral.purpose, meetings: dto.handOverMeetings, printedOn: caller.today)
    }

    // MARK: Helpers

    /// The referral if the caller's organisation is a party to it; a receiver does not know of one never sent.
    static func load(_ id: UUID, caller: Caller) async throws -> ReferralModel {
        guard let referral = try await ReferralModel.find(id, on: caller.db),
              let party = referral.party(of: caller.organisationID)
        else { throw SchakelError.notFound }
        if party == .receiver, referral.state == .draft { throw SchakelError.notFound }
        return referral
    }

    /// The profile as the rule lets it travel to the receiver now, and its categories.
    static func snapshot(of referral: ReferralModel, caller: Caller) async throws -> (dto: PersonDTO, allowed: Set<DataCategory>) {
        guard let person = try await DossierStore.find(referral.$person.id, on: caller.db), !person.isErased else {
            throw SchakelError.notFound
        }
        let decision = try await caller.access.shareable(person, to: referral.$to.id, purpose: referral.purpose)
        let identifiers = decision.allows(.identity) || decision.allows(.contact) ? try caller.identifiers(of: person) : nil
        let dto = PersonDTO(person, identifiers: identifiers, decision: decision, purpose: referral.purpose, today: caller.today)
        return (dto, decision.personVisible ? decision.allowed : [])
    }

    /// The referral as the caller's side sees it: notes of the other side only with the person's consent, the
    /// snapshot for the receiver only as the rule allows it now (closed loop: state and outcome always).
    static func view(_ referral: ReferralModel, caller: Caller, recordingNotes: Bool = true) async throws -> ReferralDTO {
        let access = caller.access
        let party = referral.party(of: caller.organisationID)
        let today = caller.today
        let referralID = try referral.requireID()
        let events = try await ReferralEventModel.query(on: caller.db).filter(\.$referral.$id == referralID)
            .sort(\.$position).all()
        var notes = NoteReader(access: access, personID: referral.$person.id, purpose: referral.purpose, recording: recordingNotes)
        var history: [ReferralEventDTO] = []
        for event in events {
            history.append(ReferralEventDTO(event, text: try await notes.show(event.text, writtenBy: event.$organisation.id)))
        }
        var meetings: [HandOverMeetingDTO] = []
        for meeting in try await HandOverMeetingModel.query(on: caller.db).filter(\.$referral.$id == referralID)
            .sort(\.$heldOn).sort(\.$createdAt).all() {
            let writer = meeting.$organisation.id
            meetings.append(HandOverMeetingDTO(meeting, participants: try await notes.show(meeting.participants, writtenBy: writer),
                                               notes: try await notes.show(meeting.notes, writtenBy: writer)))
        }
        var snapshot: PersonDTO?
        if party == .receiver, let sealed = referral.snapshot, let keyID = referral.snapshotKeyID,
           let person = try await DossierStore.find(referral.$person.id, on: caller.db) {
            // The rule again, now, for this reader: a withdrawn consent takes the snapshot away at once.
            do {
                let decision = try await access.decide(person, purpose: referral.purpose, requested: referral.snapshotCategories)
                let stored = PersonDTO(try caller.keyring.openSnapshot(sealed, keyID: keyID))
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
            toOrganisationId: referral.$to.id, purpose: referral.purpose,
            reason: party == .receiver && snapshot == nil ? nil : referral.reason, urgency: referral.urgency,
            desiredStart: referral.desiredStart, transfersOwnership: referral.transfersOwnership, state: referral.state,
            allowedActions: allowedActions, responseDays: referral.responseDays, sentOn: referral.sentOn, dueOn: referral.dueOn,
            overdue: isOverdue(referral, today: today), outcome: referral.outcome,
            snapshotCategories: referral.snapshotCategories.sorted { $0.rawValue < $1.rawValue }, history: history,
            snapshot: snapshot, notesWithheld: notes.withheld, handOverMeetings: meetings, offerId: referral.$offer.id)
    }
}
