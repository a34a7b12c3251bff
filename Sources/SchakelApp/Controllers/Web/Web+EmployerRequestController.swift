import Fluent
import Foundation
import SchakelCore
import Vapor

extension Web {
    /// `/werkgevers`: an employer's question or offered place, routed to a contact person and followed to an
    /// answer. The form is read into the same input the API decodes and handed to the same feature (`EmployerRequests`).
    struct EmployerRequestController {
        @Sendable func list(_ request: Request) async throws -> Response {
            let context = try await PageContext.load(request)
            return try await Self.listPage(request, context: context, state: FormState(values: ["kind": EmployerRequestKind.hiringQuestion.rawValue]))
        }

        static func listPage(_ request: Request, context: PageContext, state: FormState, status: HTTPResponseStatus = .ok) async throws -> Response {
            let caller = try Self.caller(request)
            let requests = try await EmployerRequests.list(state: try request.queryEnum("state", as: EmployerRequestState.self),
                                                           paging: try Paging(request), caller: caller)
            let handlers = try await EmployerRequests.handlers(on: caller.db).compactMap { organisation in organisation.id.map { Form.Choice(value: $0.uuidString, label: organisation.name) } }
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
                let input = EmployerRequestInput(kind: kind, employerName: values["employerName"] ?? "", municipalityId: nil,
                                                 sector: text("sector"), description: values["description"] ?? "",
                                                 handlingOrganisationId: text("handler").flatMap(UUID.init(uuidString:)))
                let created = try await EmployerRequests.create(input, caller: try Self.caller(request))
                request.flash(UIText.saved(context.language))
                return request.redirect(to: SiteURL.employerRequest(created.id), redirectType: .normal)
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
            let caller = try Self.caller(request)
            let item = try await EmployerRequests.show(try request.uuidParameter("requestID"), caller: caller)
            let colleagues = try await EmployerRequests.contacts(for: item, caller: caller)
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
                switch request.parameters.get("step").flatMap(SiteURL.EmployerRequestStep.init(rawValue:)) {
                case .assign:
                    let input = EmployerRequestAssignInput(contactUserId: values["contact"].flatMap(UUID.init(uuidString:)) ?? UUID())
                    _ = try await EmployerRequests.assign(id, caller: try Self.caller(request)) { input }
                case .answer:
                    let input = EmployerRequestAnswerInput(answer: values["answer"] ?? "")
                    _ = try await EmployerRequests.answer(id, caller: try Self.caller(request)) { input }
                case .close:
                    _ = try await EmployerRequests.close(id, caller: try Self.caller(request))
                case nil:
                    throw SchakelError.notFound
                }
                request.flash(UIText.saved(context.language))
                return request.redirect(to: SiteURL.employerRequest(id), redirectType: .normal)
            } catch let error as SchakelError where error.status == .unprocessableEntity || error.status == .conflict {
                let field = error.field == "contactUserId" ? "contact" : (error.field ?? "step")
                return try await Self.page(request, context: context, state: FormState(values: values, errors: [field: error.message(context.language)]),
                                           status: error.status)
            }
        }

        /// The caller, refused when their role has no part in employer requests.
        static func caller(_ request: Request) throws -> Caller {
            let caller = try request.caller
            try EmployerRequests.requireRole(caller)
            return caller
        }
    }
}
