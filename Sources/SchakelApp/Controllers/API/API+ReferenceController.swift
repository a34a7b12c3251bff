import Fluent
import SchakelCore
import Vapor

/// Namespace for the JSON API controllers (`/api/v1`).
enum API {}

extension API {
    /// Regions, municipalities, organisations and agreements: the registry of the chain.
    struct RegistryController {
        @Sendable func regions(_ request: Request) async throws -> Page<RegionDTO> {
            try await RegionModel.query(on: request.db).sort(\.$id).page(Paging(request)).map(RegionDTO.init)
        }

        @Sendable func region(_ request: Request) async throws -> RegionDTO {
            guard let id = request.parameters.get("regionID"), let model = try await RegionModel.find(id, on: request.db) else {
                throw SchakelError.notFound
            }
            return RegionDTO(model)
        }

        @Sendable func municipalities(_ request: Request) async throws -> Page<MunicipalityDTO> {
            let query = MunicipalityModel.query(on: request.db).sort(\.$id)
            if let region = request.query[String.self, at: "region"] { query.filter(\.$region.$id == region) }
            return try await query.page(Paging(request)).map(MunicipalityDTO.init)
        }

        @Sendable func municipality(_ request: Request) async throws -> MunicipalityDTO {
            guard let id = request.parameters.get("municipalityID"),
                  let model = try await MunicipalityModel.find(id, on: request.db) else { throw SchakelError.notFound }
            return MunicipalityDTO(model)
        }

        @Sendable func organisations(_ request: Request) async throws -> Page<OrganisationDTO> {
            let query = OrganisationModel.query(on: request.db).sort(\.$name).sort(\.$id)
            if let kind = try request.queryEnum("kind", as: OrganisationKind.self) { query.filter(\.$kind == kind) }
            if let region = request.query[String.self, at: "region"] { query.filter(\.$region.$id == region) }
            return try await query.page(Paging(request)).map { try OrganisationDTO($0) }
        }

        @Sendable func organisation(_ request: Request) async throws -> OrganisationDTO {
            guard let model = try await OrganisationModel.find(try request.uuidParameter("organisationID"), on: request.db) else {
                throw SchakelError.notFound
            }
            return try OrganisationDTO(model)
        }

        @Sendable func agreements(_ request: Request) async throws -> Page<AgreementDTO> {
            let paging = try Paging(request)
            let query = AgreementModel.query(on: request.db).with(\.$parties).with(\.$routes).sort(\.$title).sort(\.$id)
            if let region = request.query[String.self, at: "region"] { query.filter(\.$region.$id == region) }
            if let text = request.query[String.self, at: "organisation"] {
                guard let organisation = UUID(uuidString: text) else {
                    throw SchakelError.validation(field: "organisation", reason: Strings.wrongType)
                }
                let ids = try await AgreementPartyModel.query(on: request.db)
                    .filter(\.$organisation.$id == organisation).all(\.$agreement.$id)
                query.filter(\.$id ~~ ids)
            }
            if let text = request.query[String.self, at: "activeOn"] {
                guard let day = CalendarDate(iso: text) else {
                    throw SchakelError.validation(field: "activeOn", reason: Strings.notADate)
                }
                query.filter(\.$validFrom <= day).group(.or) { $0.filter(\.$validUntil == nil).filter(\.$validUntil >= day) }
            }
            let today = request.now.brusselsDay
            return try await query.page(paging).map { try AgreementDTO($0, today: today) }
        }

        @Sendable func agreement(_ request: Request) async throws -> AgreementDTO {
            guard let model = try await AgreementModel.query(on: request.db)
                .filter(\.$id == request.uuidParameter("agreementID")).with(\.$parties).with(\.$routes).first()
            else { throw SchakelError.notFound }
            return try AgreementDTO(model, today: request.now.brusselsDay)
        }
    }
}
