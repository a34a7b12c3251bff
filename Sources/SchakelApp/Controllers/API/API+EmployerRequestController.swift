import Fluent
import Foundation
import SchakelCore
import Vapor

struct EmployerRequestInput: Content {
    let kind: EmployerRequestKind
    let employerName: String
    var municipalityId: String?
    var sector: String?
    let description: String
    /// The organisation that handles it; an employer's own contact must name one, a caseworker's defaults to their own.
    var handlingOrganisationId: UUID?
}

struct EmployerRequestAssignInput: Content {
    let contactUserId: UUID
}

struct EmployerRequestAnswerInput: Content {
    let answer: String
}

struct EmployerRequestDTO: Content {
    let id: UUID
    let kind: EmployerRequestKind
    let employerName: String
    let municipalityId: String?
    let sector: String?
    let description: String
    let handlingOrganisationId: UUID
    let contactUserId: UUID?
    let state: EmployerRequestState
    let answer: String?
    let answeredOn: CalendarDate?
    let createdAt: Date
}

extension API {
    /// `/api/v1/employer-requests`: an employer asks how to hire newcomers or offers a place (`EmployerRequests`).
    struct EmployerRequestController {
        static let roles = EmployerRequests.roles

        @Sendable func create(_ request: Request) async throws -> Response {
            let caller = try Self.caller(request)
            let created = try await EmployerRequests.create(try request.content.decode(EmployerRequestInput.self), caller: caller)
            let response = Response(status: .created)
            try response.content.encode(created)
            response.headers.replaceOrAdd(name: .location, value: APILocation.employerRequest(created.id))
            return response
        }

        /// Requests your organisation handles or sent, newest first; `?state=` filters.
        @Sendable func list(_ request: Request) async throws -> Page<EmployerRequestDTO> {
            let caller = try Self.caller(request)
            let paging = try Paging(request)
            return try await EmployerRequests.list(state: try request.queryEnum("state", as: EmployerRequestState.self), paging: paging,
                                                   caller: caller)
        }

        @Sendable func show(_ request: Request) async throws -> EmployerRequestDTO {
            let caller = try Self.caller(request)
            return try await EmployerRequests.show(try request.uuidParameter("requestID"), caller: caller)
        }

        @Sendable func assign(_ request: Request) async throws -> EmployerRequestDTO {
            let caller = try Self.caller(request)
            return try await EmployerRequests.assign(try request.uuidParameter("requestID"), caller: caller) {
                try request.content.decode(EmployerRequestAssignInput.self)
            }
        }

        @Sendable func answer(_ request: Request) async throws -> EmployerRequestDTO {
            let caller = try Self.caller(request)
            return try await EmployerRequests.answer(try request.uuidParameter("requestID"), caller: caller) {
                try request.content.decode(EmployerRequestAnswerInput.self)
            }
        }

        @Sendable func close(_ request: Request) async throws -> EmployerRequestDTO {
            let caller = try Self.caller(request)
            return try await EmployerRequests.close(try request.uuidParameter("requestID"), caller: caller)
        }

        /// The caller, refused before the request is read when their role has no part in employer requests.
        static func caller(_ request: Request) throws -> Caller {
            let caller = try request.caller
            try EmployerRequests.requireRole(caller)
            return caller
        }
    }
}
