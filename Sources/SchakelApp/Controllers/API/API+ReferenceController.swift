import Fluent
import SchakelCore
import Vapor

/// Namespace for the JSON API controllers (`/api/v1`).
enum API {}

extension API {
    /// Regions, municipalities, organisations and agreements: the registry of the chain (`Registry`).
    struct RegistryController {
        @Sendable func regions(_ request: Request) async throws -> Page<RegionDTO> {
            let paging = try Paging(request)
            return try await Registry.regions(paging: paging, caller: try request.caller).map(RegionDTO.init)
        }

        @Sendable func region(_ request: Request) async throws -> RegionDTO {
            guard let id = request.parameters.get("regionID") else { throw SchakelError.notFound }
            return RegionDTO(try await Registry.region(id, caller: try request.caller))
        }

        @Sendable func municipalities(_ request: Request) async throws -> Page<MunicipalityDTO> {
            let region = request.query[String.self, at: "region"]
            let paging = try Paging(request)
            return try await Registry.municipalities(in: region, paging: paging, caller: try request.caller).map(MunicipalityDTO.init)
        }

        @Sendable func municipality(_ request: Request) async throws -> MunicipalityDTO {
            guard let id = request.parameters.get("municipalityID") else { throw SchakelError.notFound }
            return MunicipalityDTO(try await Registry.municipality(id, caller: try request.caller))
        }

        @Sendable func organisations(_ request: Request) async throws -> Page<OrganisationDTO> {
            let kind = try request.queryEnum("kind", as: OrganisationKind.self)
            let region = request.query[String.self, at: "region"]
            let paging = try Paging(request)
            return try await Registry.organisations(kind: kind, region: region, paging: paging, caller: try request.caller)
                .map { try OrganisationDTO($0) }
        }

        @Sendable func organisation(_ request: Request) async throws -> OrganisationDTO {
            try OrganisationDTO(try await Registry.organisation(try request.uuidParameter("organisationID"), caller: try request.caller))
        }

        @Sendable func agreements(_ request: Request) async throws -> Page<AgreementDTO> {
            let paging = try Paging(request)
            var filter = Registry.AgreementFilter(region: request.query[String.self, at: "region"])
            if let text = request.query[String.self, at: "organisation"] {
                guard let organisation = UUID(uuidString: text) else {
                    throw SchakelError.validation(field: "organisation", reason: Strings.wrongType)
                }
                filter.organisationID = organisation
            }
            if let text = request.query[String.self, at: "activeOn"] {
                guard let day = CalendarDate(iso: text) else {
                    throw SchakelError.validation(field: "activeOn", reason: Strings.notADate)
                }
                filter.activeOn = day
            }
            let caller = try request.caller
            let agreements = try await Registry.agreements(filter, paging: paging, caller: caller)
            let today = caller.today
            return try agreements.map { try AgreementDTO($0, today: today) }
        }

        @Sendable func agreement(_ request: Request) async throws -> AgreementDTO {
            let caller = try request.caller
            return try AgreementDTO(try await Registry.agreement(try request.uuidParameter("agreementID"), on: caller.db), today: caller.today)
        }
    }
}
