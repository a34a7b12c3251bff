import Fluent
import Foundation
import SchakelCore
import Vapor

/// The registry of the chain: its organisations and the agreements between them, with the routes that let
/// a party's data travel to another party. Administrators change it for the agreements their own organisation
/// is party to (`AgreementRules`); the API and the administration pages call the same functions.
enum Registry {}

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

extension Caller {
    /// Who may change the registry and the accounts of their own organisation: administrators.
    func requireAdministrator() throws {
        guard role == .administrator else { throw SchakelError.forbidden }
    }
}

extension Registry {
    // MARK: Organisations

    /// Every problem of a new organisation, so a form can show them all at once.
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

    /// A new organisation in the chain, with a slug made from its name; the first problem is thrown.
    static func createOrganisation(_ input: OrganisationInput, caller: Caller) async throws -> OrganisationModel {
        try caller.requireAdministrator()
        if let problem = try await organisationProblems(input, on: caller.db).first { throw problem.error }
        let name = input.name.trimmingCharacters(in: .whitespacesAndNewlines)
        let base = Slug.make(from: name)!
        // Every slug that could collide starts like the plain one; the first free number after them is ours.
        let taken = Set(try await OrganisationModel.query(on: caller.db).filter(\.$slug =~ String(base.prefix(50))).all(\.$slug))
        let slug = taken.contains(base) ? (2...).lazy.map { Slug.numbered(base, $0) }.first { !taken.contains($0) }! : base
        let model = OrganisationModel(id: UUID(), slug: slug, name: name, kind: input.kind, regionID: input.regionId,
                                      municipalityID: input.municipalityId.nonEmpty)
        try await caller.db.transaction { db in
            try await model.create(on: db)
            try await caller.audit(.administration(.organisationCreate, by: caller.user), on: db)
        }
        return model
    }

    // MARK: Agreements

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

    /// An agreement the administrator's organisation is party to, with the routes that open its own data.
    /// Parties and routes are written with it in one transaction.
    static func createAgreement(_ input: AgreementInput, caller: Caller) async throws -> AgreementModel {
        try caller.requireAdministrator()
        let user = caller.user
        if let problem = try await agreementProblems(input, proposer: user.organisationID, on: caller.db).first { throw problem.error }
        let id = UUID()
        let region = input.regionId.nonEmpty
        try await caller.db.transaction { db in
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
            try await caller.audit(.administration(.agreementCreate, by: user, categories: Set((input.routes ?? []).flatMap(\.categories))),
                                   on: db)
        }
        return try await agreement(id, on: caller.db)
    }

    static func routeModel(_ route: AgreementRules.Route, agreementID: UUID, by user: AuthenticatedUser) -> AgreementRouteModel {
        let model = AgreementRouteModel(agreementID: agreementID, fromID: route.from, toID: route.to,
                                        categories: DataCategory.allCases.filter(route.categories.contains), responseDays: route.responseDays)
        model.addedByUserID = user.id
        return model
    }

    /// An agreement with its parties and routes.
    static func agreement(_ id: UUID, on database: any Database) async throws -> AgreementModel {
        guard let model = try await AgreementModel.query(on: database).filter(\.$id == id).with(\.$parties).with(\.$routes).first() else {
            throw SchakelError.notFound
        }
        return model
    }

    /// An agreement the administrator's organisation is party to.
    static func agreementAsParty(_ id: UUID, caller: Caller) async throws -> AgreementModel {
        try caller.requireAdministrator()
        let model = try await agreement(id, on: caller.db)
        guard model.parties.contains(where: { $0.$organisation.id == caller.organisationID }) else { throw SchakelError.forbidden }
        return model
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

    /// A party opens a route from its own organisation to another party of an agreement still running.
    static func addRoute(_ input: AgreementRouteInput, to agreementID: UUID, caller: Caller) async throws -> AgreementModel {
        let agreement = try await agreementAsParty(agreementID, caller: caller)
        let user = caller.user
        guard AgreementRules.mayAddRoute(to: agreement.validity, today: caller.today) else { throw SchakelError.agreementEnded }
        if let problem = routeProblems(input, to: agreement, proposer: user.organisationID).first { throw problem.error }
        let model = routeModel(route(from: user.organisationID)(input), agreementID: agreementID, by: user)
        try await caller.db.transaction { db in
            try await model.create(on: db)
            try await caller.audit(.administration(.agreementRoute, by: user, categories: Set(input.categories)), on: db)
        }
        return try await self.agreement(agreementID, on: caller.db)
    }

    /// A party ends the agreement with immediate effect; from today no data travels on its routes and no referral
    /// is sent on them. Referrals already made keep their history.
    static func endAgreement(_ agreementID: UUID, caller: Caller) async throws -> AgreementModel {
        let agreement = try await agreementAsParty(agreementID, caller: caller)
        guard let ended = AgreementRules.ended(agreement.validity, today: caller.today) else { throw SchakelError.agreementEnded }
        agreement.validUntil = ended.until
        agreement.endedByUserID = caller.user.id
        agreement.endedAt = caller.now
        try await caller.db.transaction { db in
            try await agreement.update(on: db)
            try await caller.audit(.administration(.agreementEnd, by: caller.user), on: db)
        }
        return try await self.agreement(agreementID, on: caller.db)
    }
}

extension Registry {
    /// What the administration page shows: the chain's organisations and agreements, and the own organisation's accounts.
    struct Overview: Sendable {
        let organisations: [OrganisationModel]
        let agreements: [AgreementModel]
        let regions: [RegionModel]
        let accounts: [UserModel]
    }

    static func overview(caller: Caller) async throws -> Overview {
        try caller.requireAdministrator()
        let organisations = try await OrganisationModel.query(on: caller.db).sort(\.$name).all()
        let agreements = try await AgreementModel.query(on: caller.db).with(\.$parties).with(\.$routes).sort(\.$title).all()
        let accounts = try await Accounts.ofOwnOrganisation(caller: caller)
        let regions = try await RegionModel.query(on: caller.db).all()
        return Overview(organisations: organisations, agreements: agreements, regions: regions, accounts: accounts)
    }
}

extension Registry {
    /// What the new-organisation form offers: the regions, and the municipalities by their Dutch name.
    struct OrganisationChoices: Sendable {
        let regions: [RegionModel]
        let municipalities: [MunicipalityModel]
    }

    static func organisationChoices(caller: Caller) async throws -> OrganisationChoices {
        try caller.requireAdministrator()
        return OrganisationChoices(regions: try await RegionModel.query(on: caller.db).sort(\.$id).all(),
                                   municipalities: try await MunicipalityModel.query(on: caller.db).sort(\.$nameNL).all())
    }

    /// What the new-agreement form offers: the chain's organisations and the regions.
    struct AgreementChoices: Sendable {
        let organisations: [OrganisationModel]
        let regions: [RegionModel]
    }

    static func agreementChoices(caller: Caller) async throws -> AgreementChoices {
        try caller.requireAdministrator()
        return AgreementChoices(organisations: try await OrganisationModel.query(on: caller.db).sort(\.$name).all(),
                                regions: try await RegionModel.query(on: caller.db).sort(\.$id).all())
    }

    /// One agreement as its page shows it: who made and who ended it, as the organisation they acted for
    /// (names of staff stay inside their organisation), and when.
    struct AgreementView: Sendable {
        struct Act: Sendable {
            let organisationID: UUID
            let at: Date?
        }

        let agreement: AgreementModel
        let region: RegionModel?
        let createdBy: Act?
        let endedBy: Act?
    }

    static func agreementView(_ id: UUID, caller: Caller) async throws -> AgreementView {
        try caller.requireAdministrator()
        let model = try await agreement(id, on: caller.db)
        var region: RegionModel?
        if let regionID = model.$region.id { region = try await RegionModel.find(regionID, on: caller.db) }
        func act(_ userID: UUID?, at moment: Date?) async throws -> AgreementView.Act? {
            guard let userID, let user = try await UserModel.find(userID, on: caller.db) else { return nil }
            return AgreementView.Act(organisationID: user.$organisation.id, at: moment)
        }
        return AgreementView(agreement: model, region: region, createdBy: try await act(model.createdByUserID, at: model.createdAt),
                             endedBy: try await act(model.endedByUserID, at: model.endedAt))
    }
}
