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
                     .if(next.contains(.assigned), .form(.class("stacked"), .method(.post), .action(SiteURL.employerRequestStep(id, "toewijzen")), .id("form-assign"),
                                                         Form.token(context),
                                                         Form.select("contact", EmployerText.contact(l), colleagues, state: state, empty: UIText.choose(l)),
                                                         .div(Form.submit(EmployerText.assign(l))))),
                     .if(next.contains(.answered), .form(.class("stacked"), .method(.post), .action(SiteURL.employerRequestStep(id, "antwoorden")), .id("form-answer"),
                                                         .attribute(named: "novalidate", value: "novalidate"), Form.token(context),
                                                         Form.textarea("answer", EmployerText.answer(l), state: state, required: true),
                                                         .div(Form.submit(EmployerText.sendAnswer(l))))),
                     .if(next.contains(.closed), .form(.method(.post), .action(SiteURL.employerRequestStep(id, "afsluiten")), .id("form-close"), Form.token(context),
                                                       Form.submit(EmployerText.close(l)))))))
        )
    }
}

enum EmployerText {
    private static func t(_ l: UILanguage, _ nl: String, _ en: String) -> String { Text(nl: nl, en: en)(l) }
    static func title(_ l: UILanguage) -> String { t(l, "Werkgeversvragen", "Employer requests") }
    static func intro(_ l: UILanguage) -> String {
        t(l, "Een werkgever vraagt hoe nieuwkomers aan te werven of biedt een plaats aan; één contactpersoon volgt het op tot een antwoord.",
          "An employer asks how to hire newcomers or offers a place; one contact person follows it up to an answer.")
    }
    static func empty(_ l: UILanguage) -> String { t(l, "Geen werkgeversvragen. Een nieuwe komt hieronder.", "No employer requests. A new one goes below.") }
    static func new(_ l: UILanguage) -> String { t(l, "Nieuwe werkgeversvraag", "New employer request") }
    static func employer(_ l: UILanguage) -> String { t(l, "Werkgever", "Employer") }
    static func question(_ l: UILanguage) -> String { t(l, "Vraag of aanbod", "Question or offer") }
    static func noPersonalData(_ l: UILanguage) -> String {
        t(l, "Over de werkgever en de plaats; geen gegevens van nieuwkomers.", "About the employer and the place; no data of newcomers.")
    }
    static func handler(_ l: UILanguage) -> String { t(l, "Behandelende organisatie", "Handling organisation") }
    static func handlerHint(_ l: UILanguage) -> String {
        t(l, "Leeg: jullie eigen organisatie (voor een werkgeverscontact verplicht).", "Empty: your own organisation (required for an employer contact).")
    }
    static func contact(_ l: UILanguage) -> String { t(l, "Contactpersoon", "Contact person") }
    static func assign(_ l: UILanguage) -> String { t(l, "Toewijzen", "Assign") }
    static func answer(_ l: UILanguage) -> String { t(l, "Antwoord", "Answer") }
    static func answeredOn(_ l: UILanguage) -> String { t(l, "Beantwoord op", "Answered on") }
    static func sendAnswer(_ l: UILanguage) -> String { t(l, "Antwoord bewaren", "Save the answer") }
    static func close(_ l: UILanguage) -> String { t(l, "Afsluiten", "Close") }
    static func kind(_ l: UILanguage, _ kind: EmployerRequestKind) -> String {
        switch kind {
        case .hiringQuestion: t(l, "vraag over aanwerven", "question about hiring")
        case .placeOffer: t(l, "aangeboden plaats", "offered place")
        }
    }
    static func state(_ l: UILanguage, _ state: EmployerRequestState) -> String {
        switch state {
        case .new: t(l, "nieuw", "new")
        case .assigned: t(l, "toegewezen", "assigned")
        case .answered: t(l, "beantwoord", "answered")
        case .closed: t(l, "afgesloten", "closed")
        }
    }
}
