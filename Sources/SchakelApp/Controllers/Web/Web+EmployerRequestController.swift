import Fluent
import Foundation
import SchakelCore
import Vapor

extension Web {
    /// `/werkgevers`: an employer's question or offered place, routed to a contact person and followed to an
    /// answer. The form is turned into the API's input and handed to the API's handler.
    struct EmployerRequestController {
        @Sendable func list(_ request: Request) async throws -> Response {
            let context = try await PageContext.load(request)
            return try await Self.listPage(request, context: context, state: FormState(values: ["kind": EmployerRequestKind.hiringQuestion.rawValue]))
        }

        static func listPage(_ request: Request, context: PageContext, state: FormState, status: HTTPResponseStatus = .ok) async throws -> Response {
            let requests = try await API.EmployerRequestController().list(request)
            let handlers = try await OrganisationModel.query(on: request.db).filter(\.$kind ~~ [.employmentService, .intensiveGuidance, .ocmw])
                .sort(\.$name).all().compactMap { organisation in organisation.id.map { Form.Choice(value: $0.uuidString, label: organisation.name) } }
            return EmployerRequestListPage(context: context, requests: requests, handlers: handlers, state: state).render(status: status)
        }

        @Sendable func create(_ request: Request) async throws -> Response {
            try request.verifyForm()
            let context = try await PageContext.load(request)
            let values = try request.content.decode([String: String].self)
            do {
                guard let kind = values["kind"].flatMap(EmployerRequestKind.init(rawValue:)) else {
                    throw SchakelError.validation(field: "kind", reason: Strings.missingField)
                }
                func text(_ name: String) -> String? { values[name].flatMap { $0.isEmpty ? nil : $0 } }
                try request.content.encode(EmployerRequestInput(kind: kind, employerName: values["employerName"] ?? "", municipalityId: nil,
                                                                sector: text("sector"), description: values["description"] ?? "",
                                                                handlingOrganisationId: text("handler").flatMap(UUID.init(uuidString:))), as: .json)
                let created = try await API.EmployerRequestController().create(request)
                let id = created.headers.first(name: .location)?.split(separator: "/").last.map(String.init) ?? ""
                request.flash(UIText.saved(context.language))
                return request.redirect(to: "/werkgevers/\(id)", redirectType: .normal)
            } catch let error as SchakelError where error.field != nil {
                let field = error.field == "handlingOrganisationId" ? "handler" : error.field!
                return try await Self.listPage(request, context: context, state: FormState(values: values, errors: [field: error.message(context.language)]),
                                               status: .unprocessableEntity)
            }
        }

        @Sendable func show(_ request: Request) async throws -> Response {
            let context = try await PageContext.load(request)
            return try await Self.page(request, context: context, state: FormState())
        }

        static func page(_ request: Request, context: PageContext, state: FormState, status: HTTPResponseStatus = .ok) async throws -> Response {
            let item = try await API.EmployerRequestController().show(request)
            let colleagues = item.handlingOrganisationId == context.user.organisationID
                ? try await UserModel.query(on: request.db).filter(\.$organisation.$id == context.user.organisationID)
                    .filter(\.$closedAt == nil).sort(\.$displayName).all()
                : []
            return EmployerRequestPage(context: context, item: item,
                                       colleagues: colleagues.compactMap { user in user.id.map { Form.Choice(value: $0.uuidString, label: user.displayName) } },
                                       state: state).render(status: status)
        }

        @Sendable func step(_ request: Request) async throws -> Response {
            try request.verifyForm()
            let context = try await PageContext.load(request)
            let values = try request.content.decode([String: String].self)
            let id = try request.uuidParameter("requestID")
            do {
                switch request.parameters.get("step") {
                case "toewijzen":
                    try request.content.encode(EmployerRequestAssignInput(contactUserId: values["contact"].flatMap(UUID.init(uuidString:)) ?? UUID()), as: .json)
                    _ = try await API.EmployerRequestController().assign(request)
                case "antwoorden":
                    try request.content.encode(EmployerRequestAnswerInput(answer: values["answer"] ?? ""), as: .json)
                    _ = try await API.EmployerRequestController().answer(request)
                case "afsluiten":
                    _ = try await API.EmployerRequestController().close(request)
                default:
                    throw SchakelError.notFound
                }
                request.flash(UIText.saved(context.language))
                return request.redirect(to: "/werkgevers/\(id.uuidString)", redirectType: .normal)
            } catch let error as SchakelError where error.status == .unprocessableEntity || error.status == .conflict {
                let field = error.field == "contactUserId" ? "contact" : (error.field ?? "step")
                return try await Self.page(request, context: context, state: FormState(values: values, errors: [field: error.message(context.language)]),
                                           status: error.status)
            }
        }
    }
}
