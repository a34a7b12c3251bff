import Fluent
import Foundation
import Plot
import SchakelCore
import Vapor

/// Employer requests this organisation handles or sent, and a new one.
struct EmployerRequestListPage {
    let context: PageContext
    let requests: Page<EmployerRequestDTO>
    let handlers: [Form.Choice]
    let state: FormState

    func render(status: HTTPResponseStatus = .ok) -> Response {
        let l = context.language
        let labels = ["employerName": EmployerText.employer(l), "description": EmployerText.question(l), "handler": EmployerText.handler(l),
                      "kind": UIText.kind(l)]
        return context.render(
            EmployerText.title(l), status: status,
            .h1(.text(EmployerText.title(l))),
            .p(.text(EmployerText.intro(l))),
            requests.items.isEmpty ? View.empty(EmployerText.empty(l)) : .div(.class("table-wrap"), .table(.class("plain"), .id("requests"),
                .thead(.tr(.th(.text(EmployerText.employer(l))), .th(.text(UIText.kind(l))), .th(.text(EmployerText.handler(l))), .th(.text(UIText.state(l))))),
                .tbody(.forEach(requests.items) { item in
                    .tr(.td(.a(.href(SiteURL.employerRequest(item.id)), .text(item.employerName))), .td(.text(EmployerText.kind(l, item.kind))),
                        .td(.text(context.organisation(item.handlingOrganisationId))), .td(.text(EmployerText.state(l, item.state))))
                }))),
            View.pager(requests.metadata, language: l) { SiteURL.employerRequests.query("page", String($0)) },
            .h2(.text(EmployerText.new(l))),
            Form.summary(state, language: l, labels: labels),
            .form(.class("stacked wide"), .method(.post), .action(SiteURL.employerRequests), .attribute(named: "novalidate", value: "novalidate"),
                  Form.token(context),
                  Form.select("kind", UIText.kind(l), EmployerRequestKind.allCases.map { .init(value: $0.rawValue, label: EmployerText.kind(l, $0)) },
                              state: state, required: true),
                  Form.input("employerName", EmployerText.employer(l), state: state, required: true),
                  Form.input("sector", UIText.sector(l) + " " + UIText.optional(l), state: state),
                  Form.textarea("description", EmployerText.question(l), state: state, hint: EmployerText.noPersonalData(l), required: true),
                  Form.select("handler", EmployerText.handler(l), handlers, state: state, hint: EmployerText.handlerHint(l), empty: UIText.choose(l)),
                  .div(Form.submit(EmployerText.new(l))))
        )
    }
}

/// One request: what the employer asks, who handles it, and the next step for the handling organisation.
struct EmployerRequestPage {
    let context: PageContext
    let item: EmployerRequestDTO
    let colleagues: [Form.Choice]
    let state: FormState

    func render(status: HTTPResponseStatus = .ok) -> Response {
        let l = context.language
        let id = item.id
        let handling = item.handlingOrganisationId == context.user.organisationID
        let labels = ["contact": EmployerText.contact(l), "answer": EmployerText.answer(l), "step": UIText.nextSteps(l)]
        let next = item.state.next
        return context.render(
            item.employerName, status: status,
            .h1(.text(item.employerName)),
            Form.summary(state, language: l, labels: labels),
            .dl(.class("facts"),
                .dt(.text(UIText.kind(l))), .dd(.text(EmployerText.kind(l, item.kind))),
                .dt(.text(UIText.state(l))), .dd(.strong(.id("request-state"), .text(EmployerText.state(l, item.state)))),
                .dt(.text(EmployerText.handler(l))), .dd(.text(context.organisation(item.handlingOrganisationId))),
                .unwrap(item.sector) { .group(.dt(.text(UIText.sector(l))), .dd(.text($0))) },
                .dt(.text(EmployerText.question(l))), .dd(.text(item.description)),
                .unwrap(item.answer) { .group(.dt(.text(EmployerText.answer(l))), .dd(.text($0))) },
                .unwrap(item.answeredOn) { .group(.dt(.text(EmployerText.answeredOn(l))), .dd(.text($0.belgian))) }),
            .if(handling && !next.isEmpty, .section(.class("part"), .id("stappen"), .h2(.text(UIText.nextSteps(l))),
                .div(.class("step-actions"),
                     .if(next.contains(.assigned), .form(.class("stacked"), .method(.post), .action(SiteURL.employerRequestStep(id, SiteURL.EmployerRequestStep.assign)), .id("form-assign"),
                                                         Form.token(context),
                                                         Form.select("contact", EmployerText.contact(l), colleagues, state: state, empty: UIText.choose(l)),
                                                         .div(Form.submit(EmployerText.assign(l))))),
                     .if(next.contains(.answered), .form(.class("stacked"), .method(.post), .action(SiteURL.employerRequestStep(id, SiteURL.EmployerRequestStep.answer)), .id("form-answer"),
                                                         .attribute(named: "novalidate", value: "novalidate"), Form.token(context),
                                                         Form.textarea("answer", EmployerText.answer(l), state: state, required: true),
                                                         .div(Form.submit(EmployerText.sendAnswer(l))))),
                     .if(next.contains(.closed), .form(.method(.post), .action(SiteURL.employerRequestStep(id, SiteURL.EmployerRequestStep.close)), .id("form-close"), Form.token(context),
                                                       Form.submit(EmployerText.close(l)))))))
        )
    }
}
