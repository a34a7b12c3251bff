import Fluent
import Foundation
import SchakelCore
import SQLKit
import Vapor

extension API {
    /// `/api/v1/persons/{id}/trajectory` and milestones: steps in parallel, written by the organisation
    /// that runs them, read through the access rule (category "trajectory and referrals").
    struct TrajectoryController {

        @Sendable func show(_ request: Request) async throws -> TrajectoryDTO {
            let caller = try request.caller
            try caller.requireCaseworker()
            let purpose = try request.purpose()
            let (person, decision) = try await Persons.decided(try request.uuidParameter("personID"), purpose: purpose,
                                                               requested: [.trajectoryAndReferrals, .legalStatus], caller: caller)
            return try await Trajectories.view(of: person, decision: decision, purpose: purpose, caller: caller, recordingNotes: true)
        }

        @Sendable func addStep(_ request: Request) async throws -> Response {
            let model = try await Self.addStep(request) { try request.content.decode(TrajectoryStepInput.self) }
            let response = Response(status: .created)
            try response.content.encode(Trajectories.dto(model, note: model.note, lane: 0))
            response.headers.replaceOrAdd(name: .location, value: APILocation.trajectoryStep(try model.requireID(), of: model.$person.id))
            return response
        }

        static func addStep(_ request: Request, input read: () throws -> TrajectoryStepInput) async throws -> TrajectoryStepModel {
            let caller = try request.caller
            try caller.requireCaseworker()
            return try await Trajectories.addStep(to: try request.uuidParameter("personID"), purpose: try request.purpose(), caller: caller,
                                                  input: read)
        }

        /// Changes a step: only the organisation that wrote it, and only from the version it read.
        @Sendable func updateStep(_ request: Request) async throws -> TrajectoryStepDTO {
            let caller = try request.caller
            try caller.requireCaseworker()
            return try await Trajectories.updateStep(try request.uuidParameter("stepID"), of: try request.uuidParameter("personID"),
                                                     purpose: try request.purpose(), caller: caller) {
                try request.content.decode(TrajectoryStepInput.self)
            }
        }

        @Sendable func addMilestone(_ request: Request) async throws -> Response {
            let caller = try request.caller
            let input = try request.content.decode(MilestoneInput.self)
            try caller.requireCaseworker()
            let milestone = try await Trajectories.addMilestone(input, to: try request.uuidParameter("personID"),
                                                                purpose: try request.purpose(), caller: caller)
            let response = Response(status: .created)
            try response.content.encode(milestone)
            return response
        }

        /// Persons of the reader's organisation whose right-to-work date falls in the coming weeks
        /// (docs/domain.md#case-004: refer residents to VDAB on time). `?weeks=` 1 to 26, default 6.
        @Sendable func upcomingRightToWork(_ request: Request) async throws -> [UpcomingRightToWorkDTO] {
            let caller = try request.caller
            try caller.requireCaseworker()
            var weeks = 6
            if let text = request.query[String.self, at: "weeks"] {
                guard let value = Int(text), (1...26).contains(value) else {
                    throw SchakelError.validation(field: "weeks", reason: Strings.notAnInteger, arguments: ["1", "26"])
                }
                weeks = value
            }
            return try await Trajectories.upcomingRightToWork(weeks: weeks, caller: caller)
        }
    }
}
