import Fluent
import Foundation
import SchakelCore

/// A person's trajectory: the steps every organisation plans for them, the milestones on the way to work.
enum Trajectories {
    /// The trajectory as the decision lets the reader see it. Notes another organisation wrote are shown only as
    /// the rule allows per writer; with `recordingNotes` false those decisions are not recorded on their own,
    /// because the page or call that shows them records its one read itself.
    static func view(of person: Dossier, decision: AccessRule.Decision, purpose: Purpose, caller: Caller,
                     recordingNotes: Bool) async throws -> TrajectoryDTO {
        let today = caller.today
        let models = decision.allows(.trajectoryAndReferrals) ? try await steps(of: person.id, on: caller.db) : []
        let steps = models.map(\.step)
        let lanes = Trajectory.lanes(steps, today: today)
        var notes = NoteReader(access: caller.access, personID: person.id, purpose: purpose, recording: recordingNotes)
        var stepDTOs: [TrajectoryStepDTO] = []
        for model in models {
            stepDTOs.append(dto(model, note: try await notes.show(model.note, writtenBy: model.$organisation.id),
                                lane: lanes[model.id!] ?? 0))
        }
        let milestones = try await milestones(of: person, steps: steps, decision: decision, on: caller.db, today: today)
        return TrajectoryDTO(personId: person.id, steps: stepDTOs, milestones: milestones,
                             dutchLevel: Trajectory.dutchLevel(steps)?.level,
                             withheldCategories: [.trajectoryAndReferrals, .legalStatus].filter { !decision.allows($0) },
                             notesWithheld: notes.withheld)
    }

    static func steps(of personID: UUID, on database: any Database) async throws -> [TrajectoryStepModel] {
        try await TrajectoryStepModel.query(on: database).filter(\.$person.$id == personID)
            .sort(\.$startsOn).sort(\.$createdAt).all()
    }

    static func milestones(of person: Dossier, steps: [TrajectoryStep], decision: AccessRule.Decision,
                           on database: any Database, today: CalendarDate) async throws -> [MilestoneDTO] {
        let seesTrajectory = decision.allows(.trajectoryAndReferrals)
        let seesStatus = decision.allows(.legalStatus)
        let recorded = seesTrajectory ? try await MilestoneModel.query(on: database).filter(\.$person.$id == person.id).all()
            .map { Milestone(kind: $0.kind, on: $0.on, source: .recorded) } : []
        let firstReferral = seesTrajectory ? try await ReferralModel.query(on: database).filter(\.$person.$id == person.id)
            .filter(\.$sentOn != nil).sort(\.$sentOn).first()?.sentOn : nil
        let profile = person.profile
        let timeline = Milestones.timeline(
            statusHistory: seesStatus ? profile.statusHistory : [],
            protectionRequestedOn: seesStatus ? profile.protectionRequestedOn : nil,
            firstReferralSentOn: firstReferral, steps: steps, recorded: recorded, today: today)
        // A recorded status milestone is still legal-status data: shown only with that category.
        return timeline.filter { seesStatus || !$0.kind.isLegalStatus }
            .map { MilestoneDTO(kind: $0.kind, on: $0.on, source: $0.source) }
    }

    static func dto(_ model: TrajectoryStepModel, note: String?, lane: Int) -> TrajectoryStepDTO {
        TrajectoryStepDTO(id: model.id!, kind: model.kind, status: model.status, provider: model.provider,
                          organisationId: model.$organisation.id, startsOn: model.startsOn, endsOn: model.endsOn,
                          outcome: model.outcome, levelReached: model.levelReached, note: note, lane: lane, version: model.version)
    }
}
