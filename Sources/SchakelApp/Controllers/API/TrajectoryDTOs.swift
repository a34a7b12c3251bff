import Foundation
import SchakelCore
import Vapor

struct TrajectoryStepInput: Content {
    var kind: TrajectoryStepKind?
    var status: TrajectoryStepStatus?
    var provider: String?
    var startsOn: CalendarDate?
    var endsOn: CalendarDate?
    var outcome: TrajectoryStepOutcome?
    var levelReached: CEFRLevel?
    var note: String?
    /// Required on PATCH: the version the caller read.
    var version: Int?
}

struct TrajectoryStepDTO: Content {
    let id: UUID
    let kind: TrajectoryStepKind
    let status: TrajectoryStepStatus
    let provider: String?
    let organisationId: UUID
    let startsOn: CalendarDate
    let endsOn: CalendarDate?
    let outcome: TrajectoryStepOutcome?
    let levelReached: CEFRLevel?
    /// The writer's note; another organisation sees it only with the person's consent.
    let note: String?
    /// Row on a timeline: steps that overlap in time get different lanes.
    let lane: Int
    let version: Int
}

struct MilestoneDTO: Content {
    let kind: MilestoneKind
    let on: CalendarDate
    let source: Milestone.Source
}

struct MilestoneInput: Content {
    let kind: MilestoneKind
    let on: CalendarDate
}

/// A person's way to work: parallel steps and the milestones, as far as the rule lets the reader see.
struct TrajectoryDTO: Content {
    let personId: UUID
    let steps: [TrajectoryStepDTO]
    let milestones: [MilestoneDTO]
    /// The highest Dutch level the steps recorded, if any.
    let dutchLevel: CEFRLevel?
    /// Categories this reader may not see here (their steps or milestones are left out).
    let withheldCategories: [DataCategory]
    let notesWithheld: Bool
}

struct UpcomingRightToWorkDTO: Content {
    let personId: UUID
    let reference: String
    let givenName: String?
    let familyName: String?
    let rightToWorkOn: CalendarDate
    let daysUntil: Int
    /// Whether a referral for this person has already left the organisation.
    let referred: Bool
}
