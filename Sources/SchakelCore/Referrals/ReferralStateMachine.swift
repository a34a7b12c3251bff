import Foundation

/// Where a referral stands. Closed loop: the sender always sees this, and the outcome.
public enum ReferralState: String, CaseIterable, Codable, Sendable {
    case draft, sent, received, accepted, refused
    case inProgress = "in-progress"
    case completed, cancelled

    /// Completed and cancelled referrals take no further step. A refused one still can: it may be
    /// reconsidered after talks (docs/domain.md#referrals: refused at first, then started).
    public var isTerminal: Bool { self == .completed || self == .cancelled }
}

/// What a caseworker does to a referral; each is one transition of the state machine.
public enum ReferralAction: String, CaseIterable, Codable, Sendable {
    case send, receive, accept, refuse, reconsider, start, complete, cancel

    /// The receiver's steps towards taking the person on (and, on a warm hand-over, their dossier). Each needs
    /// the agreement route still in force; refusing, completing and cancelling stay possible after it ended.
    public var takesPersonOn: Bool {
        switch self {
        case .receive, .accept, .reconsider, .start: true
        case .send, .refuse, .complete, .cancel: false
        }
    }
}

/// Which side of the referral may take an action.
public enum ReferralParty: String, CaseIterable, Codable, Sendable {
    case sender, receiver
}

public enum ReferralUrgency: String, CaseIterable, Codable, Sendable {
    case normal, urgent
}

/// Why a receiver refused. The training reasons are the ones the Mechelen requests met (docs/domain.md#refusal-reasons).
public enum RefusalReason: String, CaseIterable, Codable, Sendable {
    case motivation
    case funding
    case technicalAdministrative = "technical-administrative"
    case dutchLevelTooLow = "dutch-level-too-low"
    case dutchLevelTooHigh = "dutch-level-too-high"
    case admissionRequirements = "admission-requirements"
    case noSeats = "no-seats"
    case noCapacity = "no-capacity"
    case notEligible = "not-eligible"
    case personDeclined = "person-declined"
    case other
}

/// How a completed referral ended.
public enum ReferralOutcome: String, CaseIterable, Codable, Sendable {
    /// A job in the normal economic circuit (not sheltered or subsidised work experience).
    case job = "job-normal-economic-circuit"
    case trainingStarted = "training-started"
    /// Individuele beroepsopleiding: training on the job with an employer.
    case ibo
    case workExperience = "work-experience"
    case backToSender = "back-to-sender"
    case droppedOut = "dropped-out"
    case other
}

/// What an action carries besides itself.
public struct ReferralStepDetails: Hashable, Sendable {
    public var reason: RefusalReason?
    public var text: String?
    public var outcome: ReferralOutcome?

    public init(reason: RefusalReason? = nil, text: String? = nil, outcome: ReferralOutcome? = nil) {
        self.reason = reason
        self.text = text
        self.outcome = outcome
    }
}

/// Why a step cannot be taken. Each case says what would make it possible.
public enum ReferralStepError: Error, Hashable, Sendable {
    /// The action does not apply in this state; `allowed` are the ones that do.
    case notAllowed(action: ReferralAction, state: ReferralState, allowed: [ReferralAction])
    /// The action belongs to the other side of the referral.
    case wrongParty(action: ReferralAction, needs: ReferralParty)
    /// A detail the action requires is missing (`reason`, `text` or `outcome`).
    case missing(field: String)
    /// A free text longer than `ReferralStateMachine.maxTextLength`.
    case textTooLong(field: String)
}

/// The referral state machine: draft → sent → received → accepted or refused → in progress →
/// completed; cancelled from any open state by the sender; a refusal can be reconsidered, which
/// puts the referral back to received for a new decision. The one place these rules live.
public enum ReferralStateMachine {
    public static let maxTextLength = 4000

    /// The state an action leads to from a state, or nil if it does not apply there.
    public static func target(of action: ReferralAction, from state: ReferralState) -> ReferralState? {
        switch (state, action) {
        case (.draft, .send): return .sent
        case (.sent, .receive): return .received
        case (.received, .accept): return .accepted
        case (.received, .refuse): return .refused
        case (.refused, .reconsider): return .received
        case (.accepted, .start): return .inProgress
        case (.inProgress, .complete): return .completed
        case (.draft, .cancel), (.sent, .cancel), (.received, .cancel), (.accepted, .cancel), (.inProgress, .cancel):
            return .cancelled
        default: return nil
        }
    }

    /// The actions that apply in a state, in the order of `ReferralAction.allCases`.
    public static func allowedActions(from state: ReferralState) -> [ReferralAction] {
        ReferralAction.allCases.filter { target(of: $0, from: state) != nil }
    }

    /// Who takes an action: the sender sends and cancels; the receiver answers and carries it out.
    public static func party(for action: ReferralAction) -> ReferralParty {
        switch action {
        case .send, .cancel: return .sender
        case .receive, .accept, .refuse, .reconsider, .start, .complete: return .receiver
        }
    }

    /// The state after `action`, taken by `party` with `details`; throws the reason it cannot be taken.
    public static func apply(_ action: ReferralAction, to state: ReferralState, by party: ReferralParty,
                             details: ReferralStepDetails = ReferralStepDetails()) throws(ReferralStepError) -> ReferralState {
        guard let next = target(of: action, from: state) else {
            throw .notAllowed(action: action, state: state, allowed: allowedActions(from: state))
        }
        let needed = self.party(for: action)
        guard party == needed else { throw .wrongParty(action: action, needs: needed) }
        let text = details.text?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        if text.count > maxTextLength { throw .textTooLong(field: "text") }
        switch action {
        case .refuse:
            guard details.reason != nil else { throw .missing(field: "reason") }
            guard !text.isEmpty else { throw .missing(field: "text") }
        case .reconsider, .cancel:
            // What changed after talks, or why it is called off: the other side reads this.
            guard !text.isEmpty else { throw .missing(field: "text") }
        case .complete:
            guard details.outcome != nil else { throw .missing(field: "outcome") }
        case .send, .receive, .accept, .start:
            break
        }
        return next
    }
}

/// What a step sets in motion besides the new state: what is stored with it, who hears of it, what moves with it.
public enum ReferralEffect: String, CaseIterable, Hashable, Sendable {
    /// The profile the access rule lets travel is sealed into the referral, and the response deadline starts.
    case sealSnapshot
    /// The receiving organisation hears of the referral in its inbox.
    case notifyReceiver
    /// The sender (the organisation and the caseworker who drafted it) hears of the decision or the outcome.
    case notifySender
    /// The completion's outcome is stored on the referral.
    case recordOutcome
    /// A training application takes a seat of its offer when the person starts, not before.
    case claimSeat
    /// A warm hand-over moves the dossier to the receiver when the receiver accepts, not before.
    case transferOwnership
}

extension ReferralStateMachine {
    /// The effects of taking `action` on a referral that does (or does not) transfer ownership and apply for an offer.
    public static func effects(of action: ReferralAction, transfersOwnership: Bool,
                               appliesForOffer: Bool) -> Set<ReferralEffect> {
        switch action {
        case .send: return [.sealSnapshot, .notifyReceiver]
        case .accept: return transfersOwnership ? [.notifySender, .transferOwnership] : [.notifySender]
        case .refuse, .reconsider: return [.notifySender]
        case .complete: return [.notifySender, .recordOutcome]
        case .start: return appliesForOffer ? [.claimSeat] : []
        case .receive, .cancel: return []
        }
    }
}

/// One step in a referral's history: every transition, timestamped and by whom.
public struct ReferralEvent: Hashable, Codable, Sendable {
    public var action: ReferralAction
    public var from: ReferralState
    public var to: ReferralState
    public var at: Date
    public var userID: UUID
    public var organisationID: UUID
    public var reason: RefusalReason?
    public var text: String?
    public var outcome: ReferralOutcome?

    public init(action: ReferralAction, from: ReferralState, to: ReferralState, at: Date, userID: UUID, organisationID: UUID,
                reason: RefusalReason? = nil, text: String? = nil, outcome: ReferralOutcome? = nil) {
        self.action = action
        self.from = from
        self.to = to
        self.at = at
        self.userID = userID
        self.organisationID = organisationID
        self.reason = reason
        self.text = text
        self.outcome = outcome
    }
}
