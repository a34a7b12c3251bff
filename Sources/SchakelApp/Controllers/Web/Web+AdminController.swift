import Fluent
import Foundation
import SchakelCore
import Vapor

extension Web {
    /// `/beheer`: for administrators. The organisations of the chain, the agreements with their parties,
    /// routes and the data categories each route lets travel, and the accounts of the administrator's own
    /// organisation with a form for a new one.
    struct AdminController {
        /// The new-account form as it first shows.
        static let newAccount = FormState(values: ["role": UserRole.socialWorker.rawValue])

        @Sendable func overview(_ request: Request) async throws -> Response {
            let context = try await PageContext.load(request)
            try request.caller.requireAdministrator()
            return try await Self.page(request, context: context, state: Self.newAccount)
        }

        static func page(_ request: Request, context: PageContext, state: FormState, status: HTTPResponseStatus = .ok,
                         closing: UserModel? = nil) async throws -> Response {
            let caller = try request.caller
            let overview = try await Registry.overview(caller: caller)
            let today = caller.today
            return AdminPage(context: context, organisations: overview.organisations,
                             regions: RegionModel.names(overview.regions, context.language),
                             agreements: try overview.agreements.map { try AgreementDTO($0, today: today) }, users: overview.accounts,
                             state: state, closing: closing)
                .render(status: status)
        }

        /// A new account in the administrator's own organisation, with a first password the person changes.
        @Sendable func createUser(_ request: Request) async throws -> Response {
            try request.verifyForm()
            let context = try await PageContext.load(request)
            let caller = try request.caller
            try caller.requireAdministrator()
            let values = try request.content.decode([String: String].self)
            let input = Accounts.AccountInput(email: values["email"] ?? "", role: values["role"] ?? "", displayName: values["name"] ?? "",
                                              language: values["language"] ?? "nl", password: values["password"] ?? "")
            do {
                let user = try await Accounts.create(input, caller: caller, application: request.application)
                request.flash(AdminText.userCreated(context.language, user.email))
                return request.redirect(to: SiteURL.administration.fragment("accounts"), redirectType: .normal)
            } catch let problem as UserAccounts.Problem {
                guard case let .invalid(field, _) = problem else { throw problem }
                let message: String
                switch field {
                case "email": message = AdminText.emailProblem(context.language)
                case "password": message = UIText.passwordLength(context.language)
                case "name": message = AdminText.nameProblem(context.language)
                default: message = Strings.wrongType(context.language)
                }
                var kept = values
                kept["password"] = nil
                return try await Self.page(request, context: context, state: FormState(values: kept, errors: [field: message]),
                                           status: .unprocessableEntity)
            }
        }
    }
}

extension Web.AdminController {
    // MARK: Organisations

    @Sendable func organisationForm(_ request: Request) async throws -> Response {
        let context = try await PageContext.load(request)
        try request.caller.requireAdministrator()
        return try await Self.organisationPage(request, context: context, state: FormState(values: ["kind": OrganisationKind.ocmw.rawValue]))
    }

    static func organisationPage(_ request: Request, context: PageContext, state: FormState,
                                 status: HTTPResponseStatus = .ok) async throws -> Response {
        let choices = try await Registry.organisationChoices(caller: try request.caller)
        return OrganisationFormPage(context: context, regions: choices.regions, municipalities: choices.municipalities, state: state)
            .render(status: status)
    }

    /// Every problem of the form at once; the organisation is written only when there are none.
    @Sendable func createOrganisation(_ request: Request) async throws -> Response {
        try request.verifyForm()
        let context = try await PageContext.load(request)
        let caller = try request.caller
        try caller.requireAdministrator()
        let values = try request.content.decode([String: String].self)
        let form = FormValues(values)
        var errors = FormErrors(context.language)
        let kind = errors.read("kind", required: true) { try form.choice("kind", OrganisationKind.self) }
        let input = OrganisationInput(name: form.text("name") ?? "", kind: kind ?? .ocmw, regionId: form.text("regionId") ?? "",
                                      municipalityId: form.text("municipalityId"))
        errors.note(try await Registry.organisationProblems(input, on: caller.db))
        guard errors.isEmpty else {
            return try await Self.organisationPage(request, context: context, state: .resubmitted(values, errors: errors.messages),
                                                   status: .unprocessableEntity)
        }
        let organisation = try await Registry.createOrganisation(input, caller: caller)
        request.flash(AdminText.organisationCreated(context.language, organisation.name))
        return request.redirect(to: SiteURL.administration.fragment("organisaties"), redirectType: .normal)
    }

    // MARK: Agreements

    @Sendable func agreementForm(_ request: Request) async throws -> Response {
        let context = try await PageContext.load(request)
        try request.caller.requireAdministrator()
        return try await Self.agreementFormPage(request, context: context,
                                                state: FormState(values: ["kind": AgreementKind.bilateral.rawValue,
                                                                          "validFrom": request.now.brusselsDay.iso]))
    }

    static func agreementFormPage(_ request: Request, context: PageContext, state: FormState,
                                  status: HTTPResponseStatus = .ok) async throws -> Response {
        let choices = try await Registry.agreementChoices(caller: try request.caller)
        return AgreementFormPage(context: context, organisations: choices.organisations, regions: choices.regions, state: state)
            .render(status: status)
    }

    /// The agreement as the form gives it: the administrator's organisation and every partner ticked; one route
    /// to each partner when data categories are ticked.
    @Sendable func createAgreement(_ request: Request) async throws -> Response {
        try request.verifyForm()
        let context = try await PageContext.load(request)
        let caller = try request.caller
        try caller.requireAdministrator()
        let values = try request.content.decode([String: String].self)
        let form = FormValues(values)
        var errors = FormErrors(context.language)
        let kind = errors.read("kind", required: true) { try form.choice("kind", AgreementKind.self) }
        let validFrom = errors.read("validFrom", required: true) { try form.date("validFrom") }
        let validUntil = errors.read("validUntil") { try form.date("validUntil") }
        let responseDays = errors.read("responseDays") { try form.integer("responseDays", AgreementRules.responseDays) }
        let own = context.user.organisationID
        let partners = values.keys.compactMap { $0.hasPrefix("party-") ? UUID(uuidString: String($0.dropFirst(6))) : nil }.filter { $0 != own }
        let tasks = PartyTask.allCases.filter { values["task-\($0.rawValue)"] != nil }
        let categories = DataCategory.allCases.filter { values["cat-\($0.rawValue)"] != nil }
        let input = AgreementInput(
            title: form.text("title") ?? "", kind: kind ?? .bilateral, regionId: form.text("regionId"),
            validFrom: validFrom ?? request.now.brusselsDay, validUntil: validUntil,
            parties: [AgreementInput.Party(organisationId: own, tasks: tasks)] + partners.map { AgreementInput.Party(organisationId: $0, tasks: []) },
            routes: categories.isEmpty ? [] : partners.map {
                AgreementRouteInput(fromOrganisationId: own, toOrganisationId: $0, categories: categories, responseDays: responseDays)
            })
        // One route per partner: a problem with the routes is a problem with the partners chosen.
        errors.note(try await Registry.agreementProblems(input, proposer: own, on: caller.db)) { $0 == "routes" ? "parties" : $0 }
        guard errors.isEmpty else {
            return try await Self.agreementFormPage(request, context: context, state: .resubmitted(values, errors: errors.messages),
                                                    status: .unprocessableEntity)
        }
        let agreement = try await Registry.createAgreement(input, caller: caller)
        request.flash(AdminText.agreementCreated(context.language))
        return request.redirect(to: SiteURL.agreement(try agreement.requireID()), redirectType: .normal)
    }

    @Sendable func agreement(_ request: Request) async throws -> Response {
        let context = try await PageContext.load(request)
        try request.caller.requireAdministrator()
        return try await Self.agreementPage(request, context: context, state: FormState(values: ["responseDays": "5"]))
    }

    static func agreementPage(_ request: Request, context: PageContext, state: FormState, confirmEnd: Bool = false,
                              status: HTTPResponseStatus = .ok) async throws -> Response {
        let caller = try request.caller
        let view = try await Registry.agreementView(try request.uuidParameter("agreementID"), caller: caller)
        func by(_ act: Registry.AgreementView.Act?) -> String? {
            act.map { context.organisation($0.organisationID) + ($0.at.map { ", " + View.moment($0) } ?? "") }
        }
        let today = caller.today
        return AgreementPage(context: context, agreement: try AgreementDTO(view.agreement, today: today),
                             regionName: view.region?.name(context.language), createdBy: by(view.createdBy), endedBy: by(view.endedBy),
                             today: today, state: state, confirmEnd: confirmEnd).render(status: status)
    }

    @Sendable func addRoute(_ request: Request) async throws -> Response {
        try request.verifyForm()
        let context = try await PageContext.load(request)
        let caller = try request.caller
        try caller.requireAdministrator()
        let user = caller.user
        let values = try request.content.decode([String: String].self)
        let form = FormValues(values)
        var errors = FormErrors(context.language)
        let responseDays = errors.read("responseDays") { try form.integer("responseDays", AgreementRules.responseDays) }
        let to = errors.read("toOrganisationId", required: true) { form.text("toOrganisationId").flatMap(UUID.init(uuidString:)) }
        let input = AgreementRouteInput(fromOrganisationId: user.organisationID, toOrganisationId: to ?? user.organisationID,
                                        categories: DataCategory.allCases.filter { values["cat-\($0.rawValue)"] != nil },
                                        responseDays: responseDays)
        let agreement = try await Registry.agreementAsParty(try request.uuidParameter("agreementID"), caller: caller)
        errors.note(Registry.routeProblems(input, to: agreement, proposer: user.organisationID))
        guard errors.isEmpty else {
            return try await Self.agreementPage(request, context: context, state: .resubmitted(values, errors: errors.messages),
                                                status: .unprocessableEntity)
        }
        _ = try await Registry.addRoute(input, to: try agreement.requireID(), caller: caller)
        request.flash(AdminText.routeOpened(context.language))
        return request.redirect(to: SiteURL.agreement(try agreement.requireID()).fragment("routes"), redirectType: .normal)
    }

    @Sendable func confirmEnd(_ request: Request) async throws -> Response {
        let context = try await PageContext.load(request)
        let caller = try request.caller
        try caller.requireAdministrator()
        _ = try await Registry.agreementAsParty(try request.uuidParameter("agreementID"), caller: caller)
        return try await Self.agreementPage(request, context: context, state: FormState(), confirmEnd: true)
    }

    @Sendable func end(_ request: Request) async throws -> Response {
        try request.verifyForm()
        let context = try await PageContext.load(request)
        let caller = try request.caller
        try caller.requireAdministrator()
        let agreement = try await Registry.endAgreement(try request.uuidParameter("agreementID"), caller: caller)
        request.flash(AdminText.agreementEndedFlash(context.language))
        return request.redirect(to: SiteURL.agreement(try agreement.requireID()), redirectType: .normal)
    }
}

extension Web.AdminController {
    // MARK: Accounts

    /// The colleague the path names; someone who may not manage accounts hears so before whether it exists.
    static func colleague(_ request: Request, caller: Caller) async throws -> UserModel {
        try caller.requireAdministrator()
        return try await Accounts.colleague(try request.uuidParameter("userID"), caller: caller)
    }

    @Sendable func changeRole(_ request: Request) async throws -> Response {
        try request.verifyForm()
        let context = try await PageContext.load(request)
        let caller = try request.caller
        let account = try await Self.colleague(request, caller: caller)
        let values = try request.content.decode([String: String].self)
        guard let role = try FormValues(values).choice("role", UserRole.self) else {
            throw SchakelError.validation(field: "role", reason: Strings.empty)
        }
        try await Accounts.changeRole(of: account, to: role, caller: caller)
        request.flash(AdminText.roleChanged(context.language, account.email))
        return request.redirect(to: SiteURL.administration.fragment("accounts"), redirectType: .normal)
    }

    @Sendable func confirmClose(_ request: Request) async throws -> Response {
        let context = try await PageContext.load(request)
        let account = try await Self.colleague(request, caller: try request.caller)
        return try await Self.page(request, context: context, state: Self.newAccount, closing: account)
    }

    @Sendable func close(_ request: Request) async throws -> Response {
        try request.verifyForm()
        let context = try await PageContext.load(request)
        let caller = try request.caller
        let account = try await Self.colleague(request, caller: caller)
        try await Accounts.close(account, caller: caller)
        request.flash(AdminText.accountClosed(context.language, account.email))
        return request.redirect(to: SiteURL.administration.fragment("accounts"), redirectType: .normal)
    }
}
