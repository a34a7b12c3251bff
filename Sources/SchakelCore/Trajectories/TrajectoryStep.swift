import Foundation

/// The kinds of step on a person's way to work (docs/domain.md#step-kinds).
public enum TrajectoryStepKind: String, CaseIterable, Codable, Sendable {
    /// Maatschappelijke oriëntatie.
    case civicOrientation = "civic-orientation"
    /// Nederlands tweede taal; records the CEFR level reached.
    case dutchLessons = "dutch-nt2"
    case screening
    case careerOrientation = "career-orientation"
    case training
    /// Individuele beroepsopleiding: training on the job with an employer.
    case ibo
    /// Tijdelijke werkervaring or article 60: work experience arranged by an OCMW or VDAB.
    case temporaryWorkExperience = "temporary-work-experience"
    case internship
    case intensiveGuidance = "intensive-guidance"
    case jobCoaching = "job-coaching"
    /// A short contact with practice (visit, try-out day); docs/domain.md#case-000 asks whether these count.
    case practiceContact = "practice-contact"
    /// A job in the normal economic circuit: the goal of the chain.
    case job = "job-normal-economic-circuit"
}

public enum TrajectoryStepStatus: String, CaseIterable, Codable, Sendable {
    case planned, running, completed, stopped

    public var isClosed: Bool { self == .completed || self == .stopped }
}

/// How a closed step ended.
public enum TrajectoryStepOutcome: String, CaseIterable, Codable, Sendable {
    case achieved
    case certificate
    case partlyAchieved = "partly-achieved"
    case notAchieved = "not-achieved"
    case droppedOut = "dropped-out"
    case movedToJob = "moved-to-job"
    case other
}

/// One step of a trajectory as the domain sees it. Steps may overlap: Dutch lessons beside work
/// experience (docs/domain.md#trajectories) is the normal case, not an exception.
public struct TrajectoryStep: Hashable, Sendable, Identifiable {
    public var id: UUID
    public var kind: TrajectoryStepKind
    public var status: TrajectoryStepStatus
    public var startsOn: CalendarDate
    public var endsOn: CalendarDate?
    public var outcome: TrajectoryStepOutcome?
    /// Only for Dutch lessons: the level reached (or reached so far).
    public var levelReached: CEFRLevel?

    public init(id: UUID, kind: TrajectoryStepKind, status: TrajectoryStepStatus, startsOn: CalendarDate,
                endsOn: CalendarDate? = nil, outcome: TrajectoryStepOutcome? = nil, levelReached: CEFRLevel? = nil) {
        self.id = id
        self.kind = kind
        self.status = status
        self.startsOn = startsOn
        self.endsOn = endsOn
        self.outcome = outcome
        self.levelReached = levelReached
    }

    /// Why a step cannot be recorded as given: a field and a reason code per problem, empty when it can.
    public func problems(today: CalendarDate) -> [(field: String, problem: TrajectoryStepProblem)] {
        var found: [(String, TrajectoryStepProblem)] = []
        if let endsOn, endsOn < startsOn { found.append(("endsOn", .endsBeforeStart)) }
        if levelReached != nil, kind != .dutchLessons { found.append(("levelReached", .levelOnlyForDutch)) }
        switch status {
        case .planned:
            if outcome != nil { found.append(("outcome", .outcomeOnlyWhenClosed)) }
        case .running:
            if startsOn > today { found.append(("startsOn", .runningStartsInFuture)) }
            if outcome != nil { found.append(("outcome", .outcomeOnlyWhenClosed)) }
        case .completed, .stopped:
            if endsOn == nil { found.append(("endsOn", .closedNeedsEnd)) }
            if outcome == nil { found.append(("outcome", .closedNeedsOutcome)) }
            if let endsOn, endsOn > today { found.append(("endsOn", .closedEndsInFuture)) }
        }
        return found
    }

    /// The days the step occupies on a timeline; an open step runs to `today` (or its start, if later).
    public func span(today: CalendarDate) -> ClosedRange<CalendarDate> {
        let end = endsOn ?? max(today, startsOn)
        return startsOn...max(end, startsOn)
    }
}

public enum TrajectoryStepProblem: String, Sendable, CaseIterable {
    case endsBeforeStart = "ends-before-start"
    case levelOnlyForDutch = "level-only-for-dutch"
    case outcomeOnlyWhenClosed = "outcome-only-when-closed"
    case runningStartsInFuture = "running-starts-in-future"
    case closedNeedsEnd = "closed-needs-end"
    case closedNeedsOutcome = "closed-needs-outcome"
    case closedEndsInFuture = "closed-ends-in-future"
}

public enum Trajectory {
    /// Places overlapping steps side by side: each step gets the lowest lane free on its start day,
    /// so a timeline can draw parallel steps in parallel rows. Ordered by start, then kind.
    public static func lanes(_ steps: [TrajectoryStep], today: CalendarDate) -> [UUID: Int] {
        let ordered = steps.sorted { ($0.startsOn, $0.kind.rawValue, $0.id.uuidString) < ($1.startsOn, $1.kind.rawValue, $1.id.uuidString) }
        var laneEnds: [CalendarDate] = []
        var lanes: [UUID: Int] = [:]
        for step in ordered {
            let span = step.span(today: today)
            if let free = laneEnds.firstIndex(where: { $0 < span.lowerBound }) {
                laneEnds[free] = span.upperBound
                lanes[step.id] = free
            } else {
                laneEnds.append(span.upperBound)
                lanes[step.id] = laneEnds.count - 1
            }
        }
        return lanes
    }

    /// The highest Dutch level reached in the steps, with the first day it stood on record: a closed
    /// step's end; a step still running or planned only vouches for its start ("A2 since 3 March").
    public static func dutchLevel(_ steps: [TrajectoryStep]) -> (level: CEFRLevel, on: CalendarDate)? {
        let reached = steps.compactMap { step in
            step.levelReached.map { ($0, step.status.isClosed ? (step.endsOn ?? step.startsOn) : step.startsOn) }
        }
        guard let best = reached.map(\.0).max() else { return nil }
        return (best, reached.filter { $0.0 == best }.map(\.1).min()!)
    }
}
