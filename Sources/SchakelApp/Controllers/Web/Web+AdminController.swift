import Fluent
import Foundation
import SchakelCore
import Vapor

extension Web {
    /// `/beheer`: for administrators. The organisations of the chain, the agreements with their parties,
    /// routes and the data categories each route lets travel, and the accounts of the administrator's own
    /// organisation with a form for a new one.
    struct AdminController {
        static func requireAdministrator(_ request: Request) throws {
            guard try request.user.role == .administrator else { throw SchakelError.forbidden }
        }

        @Sendable func overview(_ request: Request) async throws -> Response {
            let context = try await PageContext.load(request)
            try Self.requireAdministrator(request)
            return try await Self.page(request, context: context, state: FormState(values: ["role": UserRole.socialWorker.rawValue]))
        }

        static func page(_ request: Request, context: PageContext, state: FormState, status: HTTPResponseStatus = .ok) async throws -> Response {
            let organisations = try await OrganisationModel.query(on: request.db).sort(\.$name).all()
            let agreements = try await AgreementModel.query(on: request.db).with(\.$parties).with(\.$routes).sort(\.$title).all()
            let users = try await UserModel.query(on: request.db).filter(\.$organisation.$id == context.user.organisationID)
                .sort(\.$email).all()
            let today = request.now.brusselsDay
            return AdminPage(context: context, organisations: organisations,
                             agreements: try agreements.map { try AgreementDTO($0, today: today) }, users: users, state: state)
                .render(status: status)
        }

        /// A new account in the administrator's own organisation, with a first password the person changes.
        @Sendable func createUser(_ request: Request) async throws -> Response {
            try request.verifyForm()
            let context = try await PageContext.load(request)
            try Self.requireAdministrator(request)
            let values = try request.content.decode([String: String].self)
            let slug = try await OrganisationModel.find(context.user.organisationID, on: request.db)?.slug ?? ""
            do {
                let user = try await UserAccounts.create(email: values["email"] ?? "", organisationSlug: slug, role: values["role"] ?? "",
                                                         displayName: values["name"] ?? "", language: values["language"] ?? "nl",
                                                         password: values["password"] ?? "", on: request.application)
                request.flash(AdminText.userCreated(context.language, user.email))
                return request.redirect(to: "/beheer#accounts", redirectType: .normal)
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
