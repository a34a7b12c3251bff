import Fluent
import Foundation
import SchakelCore
import Vapor

/// Changes to the registry (`Registry`): decode, call the feature, answer with the DTO.
extension API.RegistryController {
    /// `POST /api/v1/organisations`: a new organisation in the chain, with a slug made from its name.
    @Sendable func createOrganisation(_ request: Request) async throws -> Response {
        let input = try request.content.decode(OrganisationInput.self)
        let model = try await Registry.createOrganisation(input, caller: try request.caller)
        let response = Response(status: .created)
        try response.content.encode(try OrganisationDTO(model))
        response.headers.replaceOrAdd(name: .location, value: APILocation.organisation(try model.requireID()))
        return response
    }

    /// `POST /api/v1/agreements`: an agreement the administrator's organisation is party to, with the routes
    /// that open its own data.
    @Sendable func createAgreement(_ request: Request) async throws -> Response {
        let input = try request.content.decode(AgreementInput.self)
        let caller = try request.caller
        return try Self.created(try await Registry.createAgreement(input, caller: caller), today: caller.today)
    }

    /// `POST /api/v1/agreements/{id}/routes`: a party opens a route from its own organisation to another party.
    @Sendable func addRoute(_ request: Request) async throws -> Response {
        let input = try request.content.decode(AgreementRouteInput.self)
        let caller = try request.caller
        let agreement = try await Registry.addRoute(input, to: try Self.agreementID(request, caller: caller), caller: caller)
        return try Self.created(agreement, today: caller.today)
    }

    /// `POST /api/v1/agreements/{id}/end`: a party ends the agreement with immediate effect.
    @Sendable func endAgreement(_ request: Request) async throws -> AgreementDTO {
        let caller = try request.caller
        let agreement = try await Registry.endAgreement(try Self.agreementID(request, caller: caller), caller: caller)
        return try AgreementDTO(agreement, today: caller.today)
    }

    /// The agreement the path names; someone who may not change agreements hears so before whether it exists.
    static func agreementID(_ request: Request, caller: Caller) throws -> UUID {
        try caller.requireAdministrator()
        return try request.uuidParameter("agreementID")
    }

    /// 201 with the agreement as it is now, and where it lives.
    static func created(_ model: AgreementModel, today: CalendarDate) throws -> Response {
        let response = Response(status: .created)
        try response.content.encode(try AgreementDTO(model, today: today))
        response.headers.replaceOrAdd(name: .location, value: APILocation.agreement(try model.requireID()))
        return response
    }
}
