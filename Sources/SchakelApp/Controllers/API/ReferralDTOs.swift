import Foundation
import SchakelCore
import Vapor

struct ReferralInput: Content {
    let personId: UUID
    let toOrganisationId: UUID
    let purpose: Purpose
    let reason: String
    var urgency: ReferralUrgency?
    var desiredStart: CalendarDate?
    var transfersOwnership: Bool?
    /// A training application: the offer applied for (to its provider or to the employment service).
    var offerId: UUID?
}

/// What a transition carries: a refusal's reason code and text, a completion's outcome, a note.
struct ReferralStepInput: Content {
    var reason: RefusalReason?
    var text: String?
    var outcome: ReferralOutcome?
}

struct ReferralEventDTO: Content {
    let action: ReferralAction
    let from: ReferralState
    let to: ReferralState
    let at: Date
    let organisationId: UUID
    let userId: UUID
    let reason: RefusalReason?
    /// The note; the other side sees a note only when the person consented to share it with them.
    let text: String?
    let outcome: ReferralOutcome?
}

/// A referral as one side sees it: state, deadline, outcome and history always (closed loop);
/// the snapshot only for the receiver, limited by the access rule at the moment of reading.
struct ReferralDTO: Content {
    let id: UUID
    let personId: UUID
    let fromOrganisationId: UUID
    let fromUserId: UUID
    let toOrganisationId: UUID
    let purpose: Purpose
    /// The sender's reason: for the receiver it travels with the snapshot, so it goes when the rule
    /// no longer lets the receiver see the person (a withdrawn consent, an erasure).
    let reason: String?
    let urgency: ReferralUrgency
    let desiredStart: CalendarDate?
    let transfersOwnership: Bool
    let state: ReferralState
    let allowedActions: [ReferralAction]
    let responseDays: Int
    let sentOn: CalendarDate?
    let dueOn: CalendarDate?
    let overdue: Bool
    let outcome: ReferralOutcome?
    let snapshotCategories: [DataCategory]
    let history: [ReferralEventDTO]
    /// Present for the receiver once the referral is sent.
    let snapshot: PersonDTO?
    /// True when the other side's notes were left out for want of consent.
    let notesWithheld: Bool
    /// For a warm hand-over: the meetings where the profile was explained.
    let handOverMeetings: [HandOverMeetingDTO]
    /// For a training application: the offer applied for.
    let offerId: UUID?
}

struct HandOverMeetingInput: Content {
    let heldOn: CalendarDate
    /// Who took part (staff, the person, an interpreter), as written down.
    let participants: String
    var notes: String?
}

struct HandOverMeetingDTO: Content {
    let id: UUID
    let heldOn: CalendarDate
    /// Free text naming people: like the notes, the other side sees it only with the person's consent.
    let participants: String?
    let organisationId: UUID
    /// The writer's notes; the other side sees them only with the person's consent.
    let notes: String?
}

/// A warm hand-over's profile as data: what the access rule lets travel now (withheld categories named in the
/// person's `withheld`), the two organisations and the meetings. Staff print it from the referral's page.
struct HandOverProfileDTO: Content {
    let person: PersonDTO
    let fromOrganisation: String
    let toOrganisation: String
    let purpose: Purpose
    let meetings: [HandOverMeetingDTO]
    let printedOn: CalendarDate

    init(_ profile: Referrals.HandOverProfile) {
        person = profile.person
        fromOrganisation = profile.fromOrganisation
        toOrganisation = profile.toOrganisation
        purpose = profile.purpose
        meetings = profile.meetings
        printedOn = profile.printedOn
    }
}

struct ReferralSummaryDTO: Content {
    let id: UUID
    let personId: UUID
    let fromOrganisationId: UUID
    let toOrganisationId: UUID
    let purpose: Purpose
    let urgency: ReferralUrgency
    let state: ReferralState
    let sentOn: CalendarDate?
    let dueOn: CalendarDate?
    let overdue: Bool
    let outcome: ReferralOutcome?
    let offerId: UUID?
}

extension ReferralEventDTO {
    /// One step of the history; `text` as the reader may see it (see `NoteReader`).
    init(_ event: ReferralEventModel, text: String?) {
        self.init(action: event.action, from: event.fromState, to: event.toState, at: event.at, organisationId: event.$organisation.id,
                  userId: event.$user.id, reason: event.reasonCode, text: text, outcome: event.outcome)
    }
}

extension HandOverMeetingDTO {
    /// A meeting; its free text as the reader may see it (see `NoteReader`).
    init(_ meeting: HandOverMeetingModel, participants: String?, notes: String?) {
        self.init(id: meeting.id!, heldOn: meeting.heldOn, participants: participants, organisationId: meeting.$organisation.id,
                  notes: notes)
    }
}
