import Fluent
import Foundation
import SchakelCore
import SQLKit

/// An employer asks how to hire newcomers or offers a place; the request is routed to a contact person of the
/// handling organisation and followed to an answer. No personal data of newcomers here.
enum EmployerRequests {
    /// Who works with employer requests: caseworkers, and an employer's own contact.
    static let roles: Set<UserRole> = Caller.caseworkerRoles.union([.employerContact])

    static func requireRole(_ caller: Caller) throws {
        guard roles.contains(caller.role) else { throw SchakelError.forbidden }
    }

    static func create(_ input: EmployerRequestInput, caller: Caller) async throws -> EmployerRequestDTO {
        try requireRole(caller)
        let user = caller.user
        let employer = try FreeText.required(input.employerName, field: "employerName", max: 200)
        let description = try FreeText.required(input.description, field: "description")
        if let municipality = input.municipalityId, try await MunicipalityModel.find(municipality, on: caller.db) == nil {
            throw SchakelError.validation(field: "municipalityId", reason: Strings.unknownMunicipality)
        }
        let handling: UUID
        if let chosen = input.handlingOrganisationId {
            guard let organisation = try await OrganisationModel.find(chosen, on: caller.db), organisation.kind != .employer else {
                throw SchakelError.validation(field: "handlingOrganisationId", reason: Strings.notFound)
            }
            handling = chosen
        } else if user.role == .employerContact {
            throw SchakelError.validation(field: "handlingOrganisationId", reason: Strings.missingField)
        } else {
            handling = user.organisationID
        }
        let now = caller.now
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
        model.createdAt = now
        model.updatedAt = now
        try await model.create(on: caller.db)
        return dto(model)
    }

    /// Requests the caller's organisation handles or sent, newest first.
    static func list(state: EmployerRequestState?, paging: Paging, caller: Caller) async throws -> Page<EmployerRequestDTO> {
        try requireRole(caller)
        let organisation = caller.organisationID
        let sentByUs = try await UserModel.query(on: caller.db).filter(\.$organisation.$id == organisation).all(\.$id)
        let query = EmployerRequestModel.query(on: caller.db)
            .group(.or) { $0.filter(\.$handlingOrganisation.$id == organisation).filter(\.$createdBy.$id ~~ sentByUs) }
        if let state { query.filter(\.$state == state) }
        return try await query.sort(\.$createdAt, .descending).sort(\.$id).page(paging).map(dto)
    }

    /// The organisations an employer's request may be sent to: employment services, intensive guidance, OCMWs.
    static func handlers(on database: any Database) async throws -> [OrganisationModel] {
        try await OrganisationModel.query(on: database).filter(\.$kind ~~ [.employmentService, .intensiveGuidance, .ocmw])
            .sort(\.$name).all()
    }

    /// Who the request can be assigned to: the open accounts of the handling organisation, for that organisation only.
    static func contacts(for request: EmployerRequestDTO, caller: Caller) async throws -> [UserModel] {
        guard request.handlingOrganisationId == caller.organisationID else { return [] }
        return try await UserModel.query(on: caller.db).filter(\.$organisation.$id == caller.organisationID)
            .filter(\.$closedAt == nil).sort(\.$displayName).all()
    }

    static func show(_ id: UUID, caller: Caller) async throws -> EmployerRequestDTO {
        dto(try await load(id, handlingOnly: false, caller: caller))
    }

    /// Routes the request to a contact person of the handling organisation (again, if need be).
    static func assign(_ id: UUID, caller: Caller, input read: () throws -> EmployerRequestAssignInput) async throws -> EmployerRequestDTO {
        let model = try await load(id, handlingOnly: true, caller: caller)
        let input = try read()
        guard let contact = try await UserModel.find(input.contactUserId, on: caller.db),
              contact.$organisation.id == model.$handlingOrganisation.id, contact.closedAt == nil
        else { throw SchakelError.validation(field: "contactUserId", reason: Strings.notInOrganisation) }
        let from = model.state
        let now = caller.now
        try move(model, to: .assigned, at: now)
        model.$contact.id = input.contactUserId
        try await caller.db.transaction { db in
            try await claim(model, from: from, on: db)
            try await Notifier.notify(.employerRequestAssigned, about: model.id!, organisation: model.$handlingOrganisation.id,
                                      user: input.contactUserId, dedupeKey: "employer-request:\(model.id!):\(input.contactUserId):\(now.timeIntervalSince1970)",
                                      at: now, on: db)
        }
        return dto(model)
    }

    static func answer(_ id: UUID, caller: Caller, input read: () throws -> EmployerRequestAnswerInput) async throws -> EmployerRequestDTO {
        let model = try await load(id, handlingOnly: true, caller: caller)
        let input = try read()
        let answer = try FreeText.required(input.answer, field: "answer")
        let from = model.state
        let now = caller.now
        try move(model, to: .answered, at: now)
        model.answer = answer
        model.answeredOn = now.brusselsDay
        try await claim(model, from: from, on: caller.db)
        return dto(model)
    }

    static func close(_ id: UUID, caller: Caller) async throws -> EmployerRequestDTO {
        let model = try await load(id, handlingOnly: true, caller: caller)
        let from = model.state
        try move(model, to: .closed, at: caller.now)
        try await claim(model, from: from, on: caller.db)
        return dto(model)
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
    static func load(_ id: UUID, handlingOnly: Bool, caller: Caller) async throws -> EmployerRequestModel {
        try requireRole(caller)
        guard let model = try await EmployerRequestModel.find(id, on: caller.db) else { throw SchakelError.notFound }
        let handles = model.$handlingOrganisation.id == caller.organisationID
        let sent = try await UserModel.find(model.$createdBy.id, on: caller.db)?.$organisation.id == caller.organisationID
        guard handles || sent else { throw SchakelError.notFound }
        if handlingOnly, !handles { throw SchakelError.forbidden }
        if handlingOnly, caller.role == .employerContact { throw SchakelError.forbidden }
        return model
    }

    static func dto(_ model: EmployerRequestModel) -> EmployerRequestDTO {
        EmployerRequestDTO(id: model.id!, kind: model.kind, employerName: model.employerName, municipalityId: model.municipalityID,
                           sector: model.sector, description: model.description, handlingOrganisationId: model.$handlingOrganisation.id,
                           contactUserId: model.$contact.id, state: model.state, answer: model.answer, answeredOn: model.answeredOn,
                           createdAt: model.createdAt)
    }
}
