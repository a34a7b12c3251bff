import Fluent
import Foundation
import SchakelCore
import SQLKit
import Vapor

/// The person's rights under the GDPR: access and portability (articles 15 and 20) and erasure (article 17).
struct PersonExportDTO: Content {
    let exportedAt: Date
    let controller: String
    let person: PersonDTO
    let consents: [ConsentDTO]
    let accessLog: [AccessLogEntryDTO]
    /// The trajectory: every step's facts; notes only those this organisation wrote (each controller answers for its own).
    let trajectory: [TrajectoryStepDTO]
    let milestones: [MilestoneDTO]
    /// Referrals about the person that this organisation sent or received, with their history.
    let referrals: [ReferralExportDTO]
    /// Hand-over meetings this organisation recorded about the person.
    let handOverMeetings: [HandOverMeetingDTO]
    /// What case conferences this organisation took part in wrote down about the person.
    let conferenceItems: [ConferenceItemDTO]
}

struct ReferralExportDTO: Content {
    let id: UUID
    let fromOrganisationId: UUID
    let toOrganisationId: UUID
    let purpose: Purpose
    let reason: String
    let state: ReferralState
    let sentOn: CalendarDate?
    let outcome: ReferralOutcome?
    let history: [ReferralEventDTO]
}

struct ErasureInput: Content {
    let reason: String
}

struct ErasureDTO: Content {
    let id: UUID
    let reference: String
    let erasedAt: Date
    let reason: String
    /// What was kept, pseudonymously, for statistics.
    let kept: [String]
}

extension API {
    struct GDPRController {
        /// Everything about the person, consents and access log included, as JSON: for the owning organisation to hand over.
        @Sendable func export(_ request: Request) async throws -> Response {
            let export = try await GDPR.export(try request.uuidParameter("personID"), caller: try request.caller)
            let response = Response(status: .ok)
            try response.content.encode(export)
            response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"schakel-export-\(export.person.reference).json\"")
            return response
        }

        /// Removes identifiers and free text; keeps the pseudonymous facts statistics need; records who and why.
        @Sendable func erase(_ request: Request) async throws -> ErasureDTO {
            try await GDPR.erase(try request.uuidParameter("personID"), caller: try request.caller) {
                try request.content.decode(ErasureInput.self)
            }
        }
    }
}
