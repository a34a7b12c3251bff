import Foundation

/// One person as the figures see them: the few dates and groups every indicator counts by, derived
/// from the dossier by the same rules the timeline uses. No name, no identifier but the row's key,
/// so the figures never need to open a dossier (docs/domain.md#evaluation: counts of referrals and results).
public struct PersonFigures: Hashable, Sendable {
    public var personID: UUID
    public var ownerID: UUID
    /// The region of the person's home municipality.
    public var region: String
    public var legalStatus: LegalStatus?
    public var rightToWorkOn: CalendarDate?
    public var firstReferral: FirstReferral?
    public var firstJobOn: CalendarDate?
    /// The first day in a job in the normal economic circuit or in training (vocational training or IBO).
    public var firstJobOrTrainingOn: CalendarDate?
    /// In a job or training 6, 12 and 24 months after the right-to-work date, by the steps on record;
    /// nil without a right-to-work date. Whether the horizon has passed is the query's business.
    public var inJobOrTrainingAt: [Int: Bool]
    public var dutch: DutchProgress?

    public struct FirstReferral: Hashable, Sendable {
        public var on: CalendarDate
        public var fromID: UUID
        public var toID: UUID

        public init(on: CalendarDate, fromID: UUID, toID: UUID) {
            self.on = on
            self.fromID = fromID
            self.toID = toID
        }
    }

    /// The first and the latest Dutch level on record, and whether the person worked in between.
    public struct DutchProgress: Hashable, Sendable {
        public var first: CEFRLevel
        public var firstOn: CalendarDate
        public var last: CEFRLevel
        public var lastOn: CalendarDate
        /// A job, work experience, IBO or internship overlapped the time between the two observations.
        public var worked: Bool

        public init(first: CEFRLevel, firstOn: CalendarDate, last: CEFRLevel, lastOn: CalendarDate, worked: Bool) {
            self.first = first
            self.firstOn = firstOn
            self.last = last
            self.lastOn = lastOn
            self.worked = worked
        }

        /// CEFR levels gained (negative when a later test scored lower).
        public var levelsGained: Int { last.rank - first.rank }
    }

    /// The horizons of the cohort curves (issue: 6, 12 and 24 months after the right-to-work date).
    public static let horizons = [6, 12, 24]

    /// Steps that count as "in a job or training" for the outcome indicators.
    public static let jobOrTraining: Set<TrajectoryStepKind> = [.job, .training, .ibo]
    /// Steps that count as working when Dutch progress is compared (docs/domain.md#case-000: does Dutch improve
    /// faster at work?).
    public static let working: Set<TrajectoryStepKind> = [.job, .temporaryWorkExperience, .ibo, .internship]

    /// What a dossier's referrals contribute: when and along which route each was sent.
    public struct SentReferral: Hashable, Sendable {
        public var sentOn: CalendarDate
        public var fromID: UUID
        public var toID: UUID

        public init(sentOn: CalendarDate, fromID: UUID, toID: UUID) {
            self.sentOn = sentOn
            self.fromID = fromID
            self.toID = toID
        }
    }

    /// Derives the facts with the timeline's rules (`Milestones.timeline`), so a recorded milestone
    /// counts in the figures exactly as it shows on the dossier.
    public static func derive(personID: UUID, ownerID: UUID, region: String, statusHistory: [LegalStatusRecord],
                              protectionRequestedOn: CalendarDate?, languages: [LanguageSkill], steps: [TrajectoryStep],
                              referrals: [SentReferral], recorded: [Milestone], today: CalendarDate) -> PersonFigures {
        let first = referrals.min { ($0.sentOn, $0.fromID.uuidString) < ($1.sentOn, $1.fromID.uuidString) }
        let timeline = Milestones.timeline(statusHistory: statusHistory, protectionRequestedOn: protectionRequestedOn,
                                           firstReferralSentOn: first?.sentOn, steps: steps, recorded: recorded, today: today)
        let on = { (kind: MilestoneKind) in timeline.first { $0.kind == kind }?.on }
        let rightToWork = on(.rightToWork)
        let started = steps.filter { $0.status != .planned }
        let jobOrTraining = started.filter { Self.jobOrTraining.contains($0.kind) }
        var at: [Int: Bool] = [:]
        if let rightToWork {
            for months in horizons {
                let day = rightToWork.adding(months: months)
                at[months] = jobOrTraining.contains { $0.startsOn <= day && ($0.endsOn.map { $0 >= day } ?? true) }
            }
        }
        let firstJob = on(.firstJob)
        let firstJobOrTraining = ([firstJob].compactMap { $0 } + jobOrTraining.map(\.startsOn)).min()
        let status = statusHistory.max { ($0.since, $0.status.rawValue) < ($1.since, $1.status.rawValue) }?.status
        return PersonFigures(personID: personID, ownerID: ownerID, region: region, legalStatus: status,
                           rightToWorkOn: rightToWork,
                           firstReferral: first.map { FirstReferral(on: on(.firstReferral) ?? $0.sentOn, fromID: $0.fromID, toID: $0.toID) },
                           firstJobOn: firstJob, firstJobOrTrainingOn: firstJobOrTraining, inJobOrTrainingAt: at,
                           dutch: dutchProgress(languages: languages, steps: started))
    }

    /// Dutch observations are the assessed levels and the levels closed NT2 courses reached.
    static func dutchProgress(languages: [LanguageSkill], steps: [TrajectoryStep]) -> DutchProgress? {
        let assessed = languages.filter { $0.language == "nl" && !$0.isMotherTongue }.map { (on: $0.assessedOn, level: $0.level) }
        let courses = steps.compactMap { step -> (on: CalendarDate, level: CEFRLevel)? in
            guard step.kind == .dutchLessons, step.status.isClosed, let level = step.levelReached, let end = step.endsOn else { return nil }
            return (end, level)
        }
        let observations = (assessed + courses).sorted { ($0.on, $0.level) < ($1.on, $1.level) }
        guard let first = observations.first, let last = observations.last, last.on > first.on else { return nil }
        let worked = steps.contains { step in
            Self.working.contains(step.kind) && step.startsOn <= last.on && (step.endsOn.map { $0 >= first.on } ?? true)
        }
        return DutchProgress(first: first.level, firstOn: first.on, last: last.level, lastOn: last.on, worked: worked)
    }

    public init(personID: UUID, ownerID: UUID, region: String, legalStatus: LegalStatus?, rightToWorkOn: CalendarDate?,
                firstReferral: FirstReferral?, firstJobOn: CalendarDate?, firstJobOrTrainingOn: CalendarDate?,
                inJobOrTrainingAt: [Int: Bool], dutch: DutchProgress?) {
        self.personID = personID
        self.ownerID = ownerID
        self.region = region
        self.legalStatus = legalStatus
        self.rightToWorkOn = rightToWorkOn
        self.firstReferral = firstReferral
        self.firstJobOn = firstJobOn
        self.firstJobOrTrainingOn = firstJobOrTrainingOn
        self.inJobOrTrainingAt = inJobOrTrainingAt
        self.dutch = dutch
    }
}

/// One referral as the figures see it: its route, its dates and how it was decided, from its history.
public struct ReferralFigures: Hashable, Sendable {
    public var referralID: UUID
    public var personID: UUID
    public var fromID: UUID
    public var toID: UUID
    public var purpose: String
    public var state: ReferralState
    public var sentOn: CalendarDate?
    public var dueOn: CalendarDate?
    /// The receiver's first response (receive, or a decision without a separate receipt).
    public var contactOn: CalendarDate?
    public var decidedOn: CalendarDate?
    /// The first decision: a referral refused and later reconsidered counts as refused here and as
    /// reconsidered below, so the Mechelen table (of 10 requests 9 refused, 2 of those started after talks, 1 accepted at once) adds up.
    public var firstDecision: Decision?
    public var refusalReason: RefusalReason?
    public var reconsidered: Bool
    /// The day the person entered the receiving organisation (the last acceptance).
    public var acceptedOn: CalendarDate?
    public var completedOn: CalendarDate?
    public var outcome: ReferralOutcome?
    public var offerID: UUID?

    public enum Decision: String, Sendable, Hashable, CaseIterable {
        case accepted, refused
    }

    public struct Event: Hashable, Sendable {
        public var action: ReferralAction
        public var on: CalendarDate
        public var reason: RefusalReason?
        public var outcome: ReferralOutcome?

        public init(action: ReferralAction, on: CalendarDate, reason: RefusalReason? = nil, outcome: ReferralOutcome? = nil) {
            self.action = action
            self.on = on
            self.reason = reason
            self.outcome = outcome
        }
    }

    /// `events` in the order they happened.
    public static func derive(referralID: UUID, personID: UUID, fromID: UUID, toID: UUID, purpose: String, state: ReferralState,
                              sentOn: CalendarDate?, dueOn: CalendarDate?, offerID: UUID?, events: [Event]) -> ReferralFigures {
        let decisions = events.filter { $0.action == .accept || $0.action == .refuse }
        let firstDecision = decisions.first
        let contact = events.first { [.receive, .accept, .refuse].contains($0.action) }
        let completion = events.last { $0.action == .complete }
        return ReferralFigures(
            referralID: referralID, personID: personID, fromID: fromID, toID: toID, purpose: purpose, state: state,
            sentOn: sentOn ?? events.first { $0.action == .send }?.on, dueOn: dueOn, contactOn: contact?.on,
            decidedOn: firstDecision?.on,
            firstDecision: firstDecision.map { $0.action == .accept ? .accepted : .refused },
            refusalReason: events.first { $0.action == .refuse }?.reason,
            reconsidered: events.contains { $0.action == .reconsider },
            acceptedOn: decisions.last { $0.action == .accept }?.on,
            completedOn: completion?.on, outcome: completion?.outcome, offerID: offerID)
    }

    public init(referralID: UUID, personID: UUID, fromID: UUID, toID: UUID, purpose: String, state: ReferralState,
                sentOn: CalendarDate?, dueOn: CalendarDate?, contactOn: CalendarDate?, decidedOn: CalendarDate?,
                firstDecision: Decision?, refusalReason: RefusalReason?, reconsidered: Bool, acceptedOn: CalendarDate?,
                completedOn: CalendarDate?, outcome: ReferralOutcome?, offerID: UUID?) {
        self.referralID = referralID
        self.personID = personID
        self.fromID = fromID
        self.toID = toID
        self.purpose = purpose
        self.state = state
        self.sentOn = sentOn
        self.dueOn = dueOn
        self.contactOn = contactOn
        self.decidedOn = decidedOn
        self.firstDecision = firstDecision
        self.refusalReason = refusalReason
        self.reconsidered = reconsidered
        self.acceptedOn = acceptedOn
        self.completedOn = completedOn
        self.outcome = outcome
        self.offerID = offerID
    }
}

extension CalendarDate {
    /// The month as one sortable integer (2026-03 → 202603): cohorts and periods group by it.
    public var monthKey: Int { year * 100 + month }
}
