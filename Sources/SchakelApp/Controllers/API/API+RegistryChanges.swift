import Fluent
import Foundation
import SchakelCore
import Vapor

struct OrganisationInput: Content {
    let name: String
    let kind: OrganisationKind
    let regionId: String
    var municipalityId: String?
}

struct AgreementInput: Content {
    struct Party: Content {
        let organisationId: UUID
        var tasks: [PartyTask]?
    }

    let title: String
    let kind: AgreementKind
    var regionId: String?
    let validFrom: CalendarDate
    var validUntil: CalendarDate?
    let parties: [Party]
    var routes: [AgreementRouteInput]?
}

struct AgreementRouteInput: Content {
    /// Always the administrator's own organisation; may be left out.
    var fromOrganisationId: UUID?
    let toOrganisationId: UUID
    let categories: [DataCategory]
    var responseDays: Int?
}

/// One problem of an input, as the API and the forms report it.
struct FieldProblem: Equatable, Sendable {
    let field: String
    let reason: Text
    var arguments: [String] = []

    var error: SchakelError { .validation(field: field, reason: reason, arguments: arguments) }
}

extension API.RegistryController {
    /// Who may change the registry: administrators, for the chain's organisations and for the agreements
    /// their own organisation is party to (`AgreementRules`); the administration pages use the same rule.
    @discardableResult
    static func requireAdministrator(_ request: Request) throws -> AuthenticatedUser {
        let user = try request.user
        guard user.role == .administrator else { throw SchakelError.forbidden }
        return user
    }

    /// `POST /api/v1/organisations`: a new organisation in the chain, with a slug made from its name.
    @Sendable func createOrganisation(_ request: Request) async throws -> Response {
        let input = try request.content.decode(OrganisationInput.self)
        let model = try await Self.createOrganisation(request, input: input)
        let response = Response(status: .created)
        try response.content.encode(try OrganisationDTO(model))
        response.headers.replaceOrAdd(name: .location, value: "/api/v1/organisations/\(try model.requireID())")
        return response
    }

    static func organisationProblems(_ input: OrganisationInput, on database: any Database) async throws -> [FieldProblem] {
        var problems: [FieldProblem] = []
        let name = input.name.trimmingCharacters(in: .whitespacesAndNewlines)
        if !(2...200).contains(name.count) {
            problems.append(FieldProblem(field: "name", reason: Strings.lengthBetween, arguments: ["2", "200"]))
        } else if Slug.make(from: name) == nil {
            problems.append(FieldProblem(field: "name", reason: Strings.nameNeedsLetters))
        } else if try await OrganisationModel.query(on: database).filter(\.$name == name).filter(\.$region.$id == input.regionId).count() > 0 {
            problems.append(FieldProblem(field: "name", reason: Strings.organisationExists))
        }
        if try await RegionModel.find(input.regionId, on: database) == nil {
            problems.append(FieldProblem(field: "regionId", reason: Strings.unknownRegion))
        }
        if let municipality = input.municipalityId.nonEmpty {
            let found = try await MunicipalityModel.find(municipality, on: database)
            if found == nil {
                problems.append(FieldProblem(field: "municipalityId", reason: Strings.unknownMunicipality))
            } else if found?.$region.id != input.regionId {
                problems.append(FieldProblem(field: "municipalityId", reason: Strings.municipalityOutsideRegion))
            }
        }
        return problems
    }

    static func createOrganisation(_ request: Request, input: OrganisationInput) async throws -> OrganisationModel {
        let user = try requireAdministrator(request)
        if let problem = try await organisationProblems(input, on: request.db).first { throw problem.error }
        let name = input.name.trimmingCharacters(in: .whitespacesAndNewlines)
        let base = Slug.make(from: name)!
        // Every slug that could collide starts like the plain one; the first free number after them is ours.
        let taken = Set(try await OrganisationModel.query(on: request.db).filter(\.$slug =~ String(base.prefix(50))).all(\.$slug))
        let slug = taken.contains(base) ? (2...).lazy.map { Slug.numbered(base, $0) }.first { !taken.contains($0) }! : base
        let model = OrganisationModel(id: UUID(), slug: slug, name: name, kind: input.kind, regionID: input.regionId,
                                      municipalityID: input.municipalityId.nonEmpty)
        try await request.db.transaction { db in
            try await model.create(on: db)
            try await request.audit(.administration(.organisationCreate, by: user), on: db)
        }
        return model
    }

    /// `POST /api/v1/agreements`: an agreement the administrator's organisation is party to, with the routes
    /// that open its own data. Parties and routes are written with it in one transaction.
    @Sendable func createAgreement(_ request: Request) async throws -> Response {
        try Self.created(try await Self.createAgreement(request, input: try request.content.decode(AgreementInput.self)), request)
    }

    /// 201 with the agreement as it is now, and where it lives.
    static func created(_ model: AgreementModel, _ request: Request) throws -> Response {
        let response = Response(status: .created)
        try response.content.encode(try AgreementDTO(model, today: request.now.brusselsDay))
        response.headers.replaceOrAdd(name: .location, value: "/api/v1/agreements/\(try model.requireID())")
        return response
    }

    static func agreementProblems(_ input: AgreementInput, proposer: UUID, on database: any Database) async throws -> [FieldProblem] {
        var problems: [FieldProblem] = []
        let parties = Set(input.parties.map(\.organisationId))
        let known = Set(try await OrganisationModel.query(on: database).filter(\.$id ~~ parties).all(\.$id).compactMap { $0 })
        let routes = (input.routes ?? []).map(route(from: proposer))
        let proposal = AgreementRules.Proposal(title: input.title, validity: Validity(from: input.validFrom, until: input.validUntil),
                                               parties: parties, routes: routes)
        for problem in AgreementRules.check(proposal, proposer: proposer) {
            problems.append(FieldProblem(field: problem.field, reason: Strings.agreementProblem(problem.reason),
                                         arguments: problem.reason == .titleLength
                                            ? [AgreementRules.titleLength.lowerBound, AgreementRules.titleLength.upperBound].map(String.init) : []))
        }
        if known.count < parties.count {
            problems.append(FieldProblem(field: "parties", reason: Strings.unknownParty))
        }
        if let region = input.regionId.nonEmpty, try await RegionModel.find(region, on: database) == nil {
            problems.append(FieldProblem(field: "regionId", reason: Strings.unknownRegion))
        }
        return problems
    }

    static func route(from proposer: UUID) -> (AgreementRouteInput) -> AgreementRules.Route {
        { input in
            AgreementRules.Route(from: input.fromOrganisationId ?? proposer, to: input.toOrganisationId, categories: Set(input.categories),
                                 responseDays: input.responseDays ?? 5)
        }
    }

    static func createAgreement(_ request: Request, input: AgreementInput) async throws -> AgreementModel {
        let user = try requireAdministrator(request)
        if let problem = try await agreementProblems(input, proposer: user.organisationID, on: request.db).first { throw problem.error }
        let id = UUID()
        let region = input.regionId.nonEmpty
        try await request.db.transaction { db in
            let agreement = AgreementModel(id: id, title: input.title.trimmingCharacters(in: .whitespacesAndNewlines), kind: input.kind,
                                           regionID: region, validity: Validity(from: input.validFrom, until: input.validUntil))
            agreement.createdByUserID = user.id
            try await agreement.create(on: db)
            var seen = Set<UUID>()
            for party in input.parties where seen.insert(party.organisationId).inserted {
                try await AgreementPartyModel(agreementID: id, organisationID: party.organisationId, tasks: party.tasks ?? []).create(on: db)
            }
            for route in (input.routes ?? []).map(route(from: user.organisationID)) {
                try await routeModel(route, agreementID: id, by: user).create(on: db)
            }
            try await request.audit(.administration(.agreementCreate, by: user, categories: Set((input.routes ?? []).flatMap(\.categories))),
                                    on: db)
        }
        return try await Self.load(id, on: request.db)
    }

    static func routeModel(_ route: AgreementRules.Route, agreementID: UUID, by user: AuthenticatedUser) -> AgreementRouteModel {
        let model = AgreementRouteModel(agreementID: agreementID, fromID: route.from, toID: route.to,
                                        categories: DataCategory.allCases.filter(route.categories.contains), responseDays: route.responseDays)
        model.addedByUserID = user.id
        return model
    }

    static func load(_ id: UUID, on database: any Database) async throws -> AgreementModel {
        guard let model = try await AgreementModel.query(on: database).filter(\.$id == id).with(\.$parties).with(\.$routes).first() else {
            throw SchakelError.notFound
        }
        return model
    }

    /// An agreement the administrator's organisation is party to.
    static func loadAsParty(_ request: Request, user: AuthenticatedUser) async throws -> AgreementModel {
        let model = try await load(try request.uuidParameter("agreementID"), on: request.db)
        guard model.parties.contains(where: { $0.$organisation.id == user.organisationID }) else { throw SchakelError.forbidden }
        return model
    }

    /// `POST /api/v1/agreements/{id}/routes`: a party opens a route from its own organisation to another party.
    @Sendable func addRoute(_ request: Request) async throws -> Response {
        try Self.created(try await Self.addRoute(request, input: try request.content.decode(AgreementRouteInput.self)), request)
    }

    static func routeProblems(_ input: AgreementRouteInput, to agreement: AgreementModel, proposer: UUID) -> [FieldProblem] {
        let existing = agreement.routes.map {
            AgreementRules.Route(from: $0.$from.id, to: $0.$to.id, categories: Set($0.categories), responseDays: $0.responseDays)
        }
        return AgreementRules.check(route(from: proposer)(input), parties: Set(agreement.parties.map { $0.$organisation.id }),
                                    existing: existing, proposer: proposer)
            .map { problem in
                // The route's problem is with the organisation it names wrongly: its start when it is not one's own.
                let field = problem.field != "routes" ? problem.field : problem.reason == .routeNotFromProposer ? "fromOrganisationId" : "toOrganisationId"
                return FieldProblem(field: field, reason: Strings.agreementProblem(problem.reason))
            }
    }

    static func addRoute(_ request: Request, input: AgreementRouteInput) async throws -> AgreementModel {
        let user = try requireAdministrator(request)
        let agreement = try await loadAsParty(request, user: user)
        guard AgreementRules.mayAddRoute(to: agreement.validity, today: request.now.brusselsDay) else { throw SchakelError.agreementEnded }
        if let problem = routeProblems(input, to: agreement, proposer: user.organisationID).first { throw problem.error }
        let route = try Self.routeModel(Self.route(from: user.organisationID)(input), agreementID: try agreement.requireID(), by: user)
        try await request.db.transaction { db in
            try await route.create(on: db)
            try await request.audit(.administration(.agreementRoute, by: user, categories: Set(input.categories)), on: db)
        }
        return try await Self.load(try agreement.requireID(), on: request.db)
    }

    /// `POST /api/v1/agreements/{id}/end`: a party ends the agreement with immediate effect; from today no data
    /// travels on its routes and no referral is sent on them. Referrals already made keep their history.
    @Sendable func endAgreement(_ request: Request) async throws -> AgreementDTO {
        try AgreementDTO(try await Self.endAgreement(request), today: request.now.brusselsDay)
    }

    static func endAgreement(_ request: Request) async throws -> AgreementModel {
        let user = try requireAdministrator(request)
        let agreement = try await loadAsParty(request, user: user)
        guard let ended = AgreementRules.ended(agreement.validity, today: request.now.brusselsDay) else { throw SchakelError.agreementEnded }
        agreement.validUntil = ended.until
        agreement.endedByUserID = user.id
        agreement.endedAt = request.now
        try await request.db.transaction { db in
            try await agreement.update(on: db)
            try await request.audit(.administration(.agreementEnd, by: user), on: db)
        }
        return try await Self.load(try agreement.requireID(), on: request.db)
    }
}
