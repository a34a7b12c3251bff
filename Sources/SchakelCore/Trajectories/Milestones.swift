import Foundation

/// The moments on a person's timeline that the chain steers by (docs/domain.md#milestones: refer on the
/// right-to-work date).
public enum MilestoneKind: String, CaseIterable, Codable, Sendable {
    case protectionRequest = "protection-request"
    case rightToWork = "right-to-work"
    case statusDecision = "status-decision"
    case leavingReception = "leaving-reception"
    case firstReferral = "first-referral"
    case firstJob = "first-job"

    /// Dates of the legal procedure: legal-status data, shown and written only with that category.
    public var isLegalStatus: Bool { self == .protectionRequest || self == .rightToWork || self == .statusDecision }
}

public struct Milestone: Hashable, Sendable, Codable {
    public enum Source: String, Codable, Sendable {
        /// Computed from the dossier, the referrals and the steps.
        case derived
        /// Entered by a caseworker (for example the day a resident leaves the reception centre).
        case recorded
    }

    public var kind: MilestoneKind
    public var on: CalendarDate
    public var source: Source

    public init(kind: MilestoneKind, on: CalendarDate, source: Source) {
        self.kind = kind
        self.on = on
        self.source = source
    }
}

public enum Milestones {
    /// The timeline's milestones: derived from what the dossier already says, with recorded ones
    /// taking precedence over a derived one of the same kind (a caseworker's date is the better fact).
    /// Sorted by date, then by kind's order.
    public static func timeline(statusHistory: [LegalStatusRecord], protectionRequestedOn: CalendarDate?,
                                firstReferralSentOn: CalendarDate?, steps: [TrajectoryStep],
                                recorded: [Milestone], today: CalendarDate) -> [Milestone] {
        var byKind: [MilestoneKind: Milestone] = [:]
        if let protectionRequestedOn {
            byKind[.protectionRequest] = Milestone(kind: .protectionRequest, on: protectionRequestedOn, source: .derived)
        }
        if let date = rightToWorkDate(statusHistory: statusHistory, protectionRequestedOn: protectionRequestedOn, today: today) {
            byKind[.rightToWork] = Milestone(kind: .rightToWork, on: date, source: .derived)
        }
        if let decision = statusDecision(statusHistory: statusHistory, protectionRequestedOn: protectionRequestedOn) {
            byKind[.statusDecision] = Milestone(kind: .statusDecision, on: decision.since, source: .derived)
        }
        if let firstReferralSentOn {
            byKind[.firstReferral] = Milestone(kind: .firstReferral, on: firstReferralSentOn, source: .derived)
        }
        if let job = steps.filter({ $0.kind == .job && $0.status != .planned }).map(\.startsOn).min() {
            byKind[.firstJob] = Milestone(kind: .firstJob, on: job, source: .derived)
        }
        for milestone in recorded {
            // Of several recorded of one kind, the earliest is the first.
            if let existing = byKind[milestone.kind], existing.source == .recorded, existing.on <= milestone.on { continue }
            byKind[milestone.kind] = milestone
        }
        let order = MilestoneKind.allCases
        return byKind.values.sorted {
            ($0.on, order.firstIndex(of: $0.kind)!) < ($1.on, order.firstIndex(of: $1.kind)!)
        }
    }

    /// The decision on the protection request: the first other status from the request (or the first
    /// applicant record) on; a status held before applying is not a decision on it. Without an
    /// application, the first protection status granted (resettlement, temporary protection).
    static func statusDecision(statusHistory: [LegalStatusRecord], protectionRequestedOn: CalendarDate?) -> LegalStatusRecord? {
        let ordered = statusHistory.sorted { $0.since < $1.since }
        let applied = [protectionRequestedOn, ordered.first { $0.status == .applicant }?.since].compactMap { $0 }.min()
        if let applied {
            return ordered.first { $0.status != .applicant && $0.since >= applied }
        }
        return ordered.first { $0.status != .applicant && $0.status != .otherNewcomer }
    }

    /// The right-to-work date stored with a person so that "who may work in the coming weeks" is one
    /// indexed query: the rule's date as far ahead as the recorded statuses reach.
    public static func rightToWorkDate(statusHistory: [LegalStatusRecord], protectionRequestedOn: CalendarDate?,
                                       today: CalendarDate) -> CalendarDate? {
        RightToWork.evaluate(history: statusHistory, protectionRequestedOn: protectionRequestedOn,
                             on: today.adding(days: 3650)).date
    }
}
