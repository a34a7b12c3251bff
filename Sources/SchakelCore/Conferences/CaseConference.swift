import Foundation

/// What a case conference writes down (docs/domain.md#case-conferences: OCMW and VDAB discuss cases together).
public enum ConferenceItemKind: String, CaseIterable, Codable, Sendable {
    case decision, action
}

public enum ConferenceActionStatus: String, CaseIterable, Codable, Sendable {
    case open, done, dropped
}

public enum CaseConferenceRule {
    /// A person may be discussed only when the access rule lets the trajectory travel, for the purpose
    /// "case conference", from the person's owner to every other participating organisation. Returns the
    /// participants that lack it (empty: the person may be discussed).
    public static func missingConsent(personOwner: UUID, participants: Set<UUID>,
                                      shareable: (UUID) -> AccessRule.Decision) -> [UUID] {
        participants.filter { $0 != personOwner }.filter { !shareable($0).allows(.trajectoryAndReferrals) }
            .sorted { $0.uuidString < $1.uuidString }
    }

    /// The actions a follow-up conference starts from: those still open at the previous one, oldest due first.
    public static func carriedOver<Action>(_ actions: [Action], status: (Action) -> ConferenceActionStatus,
                                           dueOn: (Action) -> CalendarDate?) -> [Action] {
        actions.filter { status($0) == .open }.sorted { (dueOn($0) ?? .distantFuture) < (dueOn($1) ?? .distantFuture) }
    }
}

/// An employer's question or offer (docs/domain.md#employer-requests: employers ask how to hire newcomers), routed to a
/// contact person and followed to an answer.
public enum EmployerRequestKind: String, CaseIterable, Codable, Sendable {
    case hiringQuestion = "hiring-question"
    case placeOffer = "place-offer"
}

public enum EmployerRequestState: String, CaseIterable, Codable, Sendable {
    case new, assigned, answered, closed

    /// The states each may move to: assign (again) until answered; answer once assigned; close after answering.
    public var next: [EmployerRequestState] {
        switch self {
        case .new: return [.assigned]
        case .assigned: return [.assigned, .answered]
        case .answered: return [.closed]
        case .closed: return []
        }
    }

    /// The step (and API route) that brings a request into this state.
    public var reachedBy: String {
        switch self {
        case .new: return "create"
        case .assigned: return "assign"
        case .answered: return "answer"
        case .closed: return "close"
        }
    }
}

/// What lands in a user's or an organisation's inbox. A notification names the thing (a referral,
/// a meeting), never the person: the inbox and an e-mail are not places for personal data.
public enum NotificationKind: String, CaseIterable, Codable, Sendable {
    case referralReceived = "referral-received"
    case referralDecided = "referral-decided"
    case referralOverdue = "referral-overdue"
    case handOverMeeting = "hand-over-meeting"
    case conferenceAction = "conference-action"
    case employerRequestAssigned = "employer-request-assigned"
    /// A person asked, in "Mijn Schakel", to correct their dossier.
    case correctionRequested = "correction-requested"
}
