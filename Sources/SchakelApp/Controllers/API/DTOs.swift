import Foundation
import SchakelCore
import Vapor

/// The wire format, kept apart from the tables so a schema change does not change the API.
struct RegionDTO: Content {
    let id: String
    let nameNL: String
    let nameEN: String
    let kind: Region.Kind

    init(_ model: RegionModel) {
        id = model.id ?? ""
        nameNL = model.nameNL
        nameEN = model.nameEN
        kind = model.kind
    }
}

struct MunicipalityDTO: Content {
    let id: String
    let nameNL: String
    let nameFR: String?
    let regionId: String

    init(_ model: MunicipalityModel) {
        id = model.id ?? ""
        nameNL = model.nameNL
        nameFR = model.nameFR
        regionId = model.$region.id
    }
}

struct OrganisationDTO: Content {
    let id: UUID
    let slug: String
    let name: String
    let kind: OrganisationKind
    let regionId: String
    let municipalityId: String?

    init(_ model: OrganisationModel) throws {
        id = try model.requireID()
        slug = model.slug
        name = model.name
        kind = model.kind
        regionId = model.$region.id
        municipalityId = model.$municipality.id
    }
}

struct AgreementDTO: Content {
    struct Party: Content {
        let organisationId: UUID
        let tasks: [PartyTask]
    }

    struct Route: Content {
        let id: UUID
        let fromOrganisationId: UUID
        let toOrganisationId: UUID
        let categories: [DataCategory]
        /// First contact within this many working days.
        let responseDays: Int
    }

    let id: UUID
    let title: String
    let kind: AgreementKind
    let regionId: String?
    let validFrom: CalendarDate
    let validUntil: CalendarDate?
    /// Whether the agreement is in force today (Brussels time).
    let active: Bool
    let parties: [Party]
    let routes: [Route]
    /// When a party ended it from the application; nil otherwise.
    let endedAt: Date?

    /// `parties` and `routes` must have been eager-loaded.
    init(_ model: AgreementModel, today: CalendarDate) throws {
        id = try model.requireID()
        title = model.title
        kind = model.kind
        regionId = model.$region.id
        validFrom = model.validFrom
        validUntil = model.validUntil
        active = model.validity.contains(today)
        parties = model.parties.map { Party(organisationId: $0.$organisation.id, tasks: $0.tasks) }
            .sorted { $0.organisationId.uuidString < $1.organisationId.uuidString }
        routes = try model.routes.map {
            Route(id: try $0.requireID(), fromOrganisationId: $0.$from.id, toOrganisationId: $0.$to.id, categories: $0.categories,
                  responseDays: $0.responseDays)
        }.sorted { $0.id.uuidString < $1.id.uuidString }
        endedAt = model.endedAt
    }
}

struct UserDTO: Content {
    let id: UUID
    let email: String
    let displayName: String
    let organisationId: UUID
    let role: UserRole
    let language: String

    init(_ user: AuthenticatedUser) {
        id = user.id
        email = user.email
        displayName = user.displayName
        organisationId = user.organisationID
        role = user.role
        language = user.language
    }
}

struct TokenRequest: Content {
    let email: String
    let password: String

    func validate() throws {
        let trimmed = email.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { throw SchakelError.validation(field: "email", reason: Strings.empty) }
        guard trimmed.count <= 254 else { throw SchakelError.validation(field: "email", reason: Strings.tooLong, arguments: ["254"]) }
        guard trimmed.contains("@"), !trimmed.hasPrefix("@"), !trimmed.hasSuffix("@") else {
            throw SchakelError.validation(field: "email", reason: Strings.notAnEmail)
        }
        guard !password.isEmpty else { throw SchakelError.validation(field: "password", reason: Strings.empty) }
        guard password.utf8.count <= 200 else { throw SchakelError.validation(field: "password", reason: Strings.tooLong, arguments: ["200"]) }
    }
}

struct TokenResponse: Content {
    let token: String
    let expiresAt: Date
    let user: UserDTO
}
