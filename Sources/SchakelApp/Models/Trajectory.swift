import Fluent
import Foundation
import SchakelCore

/// A step of a person's trajectory, written by the organisation that runs or arranges it. Its data
/// is of the trajectory category: the access rule decides who reads it.
final class TrajectoryStepModel: Model, @unchecked Sendable {
    static let schema = "trajectory_steps"

    @ID(key: .id) var id: UUID?
    @Parent(key: "person_id") var person: PersonModel
    @Parent(key: "organisation_id") var organisation: OrganisationModel
    @Parent(key: "created_by_user_id") var createdBy: UserModel
    @Field(key: "kind") var kind: TrajectoryStepKind
    @Field(key: "status") var status: TrajectoryStepStatus
    /// The provider by name when it is not an organisation in the chain (a language school, an employer).
    @OptionalField(key: "provider") var provider: String?
    @Field(key: "starts_on") var startsOn: CalendarDate
    @OptionalField(key: "ends_on") var endsOn: CalendarDate?
    @OptionalField(key: "outcome") var outcome: TrajectoryStepOutcome?
    @OptionalField(key: "level_reached") var levelReached: CEFRLevel?
    @OptionalField(key: "note") var note: String?
    @Field(key: "version") var version: Int
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date

    init() {}

    var step: TrajectoryStep {
        TrajectoryStep(id: id ?? UUID(), kind: kind, status: status, startsOn: startsOn, endsOn: endsOn, outcome: outcome,
                       levelReached: levelReached)
    }
}

/// A milestone a caseworker recorded (derived ones are computed, not stored).
final class MilestoneModel: Model, @unchecked Sendable {
    static let schema = "milestones"

    @ID(key: .id) var id: UUID?
    @Parent(key: "person_id") var person: PersonModel
    @Field(key: "kind") var kind: MilestoneKind
    @Field(key: "on") var on: CalendarDate
    @Parent(key: "organisation_id") var organisation: OrganisationModel
    @Parent(key: "recorded_by_user_id") var recordedBy: UserModel
    @Field(key: "created_at") var createdAt: Date

    init() {}
}
