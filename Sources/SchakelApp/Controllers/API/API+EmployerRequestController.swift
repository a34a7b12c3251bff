import Fluent
import Foundation
import SchakelCore
import SQLKit
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
    /// `/api/v1/employer-requests`: an employer asks how to hire newcomers or offers a place; the
    /// request is routed to a contact person and followed to an answer. No personal data of newcomers here.
    struct EmployerRequestController {
        static let roles: Set<UserRole> = PersonController.caseworkerRoles.union([.employerContact])

        @Sendable func create(_ request: Request) async throws -> Response {
            let user = try request.user
            guard Self.roles.contains(user.role) else { throw SchakelError.forbidden }
            let input = try request.content.decode(EmployerRequestInput.self)
            let employer = try FreeText.required(input.employerName, field: "employerName", max: 200)
            let description = try FreeText.required(input.description, field: "description")
            if let municipality = input.municipalityId, try await MunicipalityModel.find(municipality, on: request.db) == nil {
                throw SchakelError.validation(field: "municipalityId", reason: Strings.unknownMunicipality)
            }
            let handling: UUID
            if let chosen = input.handlingOrganisationId {
                guard let organisation = try await OrganisationModel.find(chosen, on: request.db), organisation.kind != .employer else {
                    throw SchakelError.validation(field: "handlingOrganisationId", reason: Strings.notFound)
                }
                handling = chosen
            } else if user.role == .employerContact {
                throw SchakelError.validation(field: "handlingOrganisationId", reason: Strings.missingField)
            } else {
                handling = user.organisationID
            }
            let model = EmployerRequestModel()
            model.id = UUID()
            model.kind = input.kind
            model.employerName = employer
            model.municipalityID = input.municipalityId
            model.sector = try FreeText.optional(input.sector, field: "sector", max: 100)
            model.description = description
            model.$handlingOrganisation.id = handling
            model.$createdBy.id = user.id
            model.state = .new
            model.createdAt = request.now
            model.updatedAt = request.now
            try await model.create(on: request.db)
            let response = Response(status: .created)
            try response.content.encode(Self.dto(model))
            response.headers.replaceOrAdd(name: .location, value: "/api/v1/employer-requests/\(model.id!)")
            return response
        }

        /// Requests your organisation handles or sent, newest first; `?state=` filters.
        @Sendable func list(_ request: Request) async throws -> Page<EmployerRequestDTO> {
            let user = try request.user
            guard Self.roles.contains(user.role) else { throw SchakelError.forbidden }
            let paging = try Paging(request)
            let sentByUs = try await UserModel.query(on: request.db).filter(\.$organisation.$id == user.organisationID).all(\.$id)
            let query = EmployerRequestModel.query(on: request.db)
                .group(.or) { $0.filter(\.$handlingOrganisation.$id == user.organisationID).filter(\.$createdBy.$id ~~ sentByUs) }
            if let state = try request.queryEnum("state", as: EmployerRequestState.self) { query.filter(\.$state == state) }
            return try await query.sort(\.$createdAt, .descending).sort(\.$id).page(paging).map(Self.dto)
        }

        @Sendable func show(_ request: Request) async throws -> EmployerRequestDTO {
            Self.dto(try await Self.load(request, handlingOnly: false))
        }

        /// Routes the request to a contact person of the handling organisation (again, if need be).
        @Sendable func assign(_ request: Request) async throws -> EmployerRequestDTO {
            let model = try await Self.load(request, handlingOnly: true)
            let input = try request.content.decode(EmployerRequestAssignInput.self)
            guard let contact = try await UserModel.find(input.contactUserId, on: request.db),
                  contact.$organisation.id == model.$handlingOrganisation.id, contact.closedAt == nil
            else { throw SchakelError.validation(field: "contactUserId", reason: Strings.notInOrganisation) }
            let from = model.state
            try Self.move(model, to: .assigned, at: request.now)
            model.$contact.id = input.contactUserId
            let now = request.now
            try await request.db.transaction { db in
                try await Self.claim(model, from: from, on: db)
                try await Notifier.notify(.employerRequestAssigned, about: model.id!, organisation: model.$handlingOrganisation.id,
                                          user: input.contactUserId, dedupeKey: "employer-request:\(model.id!):\(input.contactUserId):\(now.timeIntervalSince1970)",
                                          at: now, on: db)
            }
            return Self.dto(model)
        }

        @Sendable func answer(_ request: Request) async throws -> EmployerRequestDTO {
            let model = try await Self.load(request, handlingOnly: true)
            let input = try request.content.decode(EmployerRequestAnswerInput.self)
            let answer = try FreeText.required(input.answer, field: "answer")
            let from = model.state
            try Self.move(model, to: .answered, at: request.now)
            model.answer = answer
            model.answeredOn = request.now.brusselsDay
            try await Self.claim(model, from: from, on: request.db)
            return Self.dto(model)
        }

        @Sendable func close(_ request: Request) async throws -> EmployerRequestDTO {
            let model = try await Self.load(request, handlingOnly: true)
            let from = model.state
            try Self.move(model, to: .closed, at: request.now)
            try await Self.claim(model, from: from, on: request.db)
            return Self.dto(model)
        }

        // MARK: Helpers

        /// Writes the step only if the request is still in the state it was read in: of two concurrent
        /// steps one wins, the other is a 409 naming what is possible now.
        static func claim(_ model: EmployerRequestModel, from: EmployerRequestState, on database: any Database) async throws {
            let claimed = try await (database as! any SQLDatabase).update(EmployerRequestModel.schema)
                .set("state", to: model.state.rawValue).set("contact_user_id", to: model.$contact.id).set("answer", to: model.answer)
                .set("answered_on", to: model.answeredOn?.iso).set("updated_at", to: model.updatedAt)
                .where("id", .equal, try model.requireID()).where("state", .equal, from.rawValue)
                .returning("id").all()
            guard !claimed.isEmpty else {
                let current = try await EmployerRequestModel.find(try model.requireID(), on: database)?.state ?? from
                throw SchakelError.illegalRequestStep(state: current.rawValue, allowed: current.next.map(\.reachedBy))
            }
        }

        static func move(_ model: EmployerRequestModel, to state: EmployerRequestState, at now: Date) throws {
            guard model.state.next.contains(state) else {
                throw SchakelError.illegalRequestStep(state: model.state.rawValue, allowed: model.state.next.map(\.reachedBy))
            }
            model.state = state
            model.updatedAt = now
        }

        /// Visible to the handling organisation and to the organisation that sent it; only the handler acts on it.
        static func load(_ request: Request, handlingOnly: Bool) async throws -> EmployerRequestModel {
            let user = try request.user
            guard roles.contains(user.role) else { throw SchakelError.forbidden }
            guard let model = try await EmployerRequestModel.find(try request.uuidParameter("requestID"), on: request.db) else {
                throw SchakelError.notFound
            }
            let handles = model.$handlingOrganisation.id == user.organisationID
            let sent = try await UserModel.find(model.$createdBy.id, on: request.db)?.$organisation.id == user.organisationID
            guard handles || sent else { throw SchakelError.notFound }
            if handlingOnly, !handles { throw SchakelError.forbidden }
            if handlingOnly, user.role == .employerContact { throw SchakelError.forbidden }
            return model
        }

        static func dto(_ model: EmployerRequestModel) -> EmployerRequestDTO {
            EmployerRequestDTO(id: model.id!, kind: model.kind, employerName: model.employerName, municipalityId: model.municipalityID,
                               sector: model.sector, description: model.description, handlingOrganisationId: model.$handlingOrganisation.id,
                               contactUserId: model.$contact.id, state: model.state, answer: model.answer, answeredOn: model.answeredOn,
                               createdAt: model.createdAt)
        }
    }
}
