import Foundation
import Plot
import SchakelCore
import Vapor

/// A new organisation in the chain: name, kind, region, municipality.
struct OrganisationFormPage {
    let context: PageContext
    let regions: [RegionModel]
    let municipalities: [MunicipalityModel]
    let state: FormState

    func render(status: HTTPResponseStatus = .ok) -> Response {
        let l = context.language
        let labels = ["name": UIText.name(l), "kind": UIText.kind(l), "regionId": UIText.region(l), "municipalityId": AdminText.municipality(l)]
        return context.render(
            AdminText.newOrganisation(l), status: status,
            .p(.a(.href(SiteURL.administration.fragment("organisaties")), .text(AdminText.backToAdministration(l)))),
            .h1(.text(AdminText.newOrganisation(l))),
            .p(.text(AdminText.newOrganisationIntro(l))),
            Form.summary(state, language: l, labels: labels),
            .form(.class("stacked"), .method(.post), .action(SiteURL.organisations), .attribute(named: "novalidate", value: "novalidate"),
                  Form.token(context),
                  Form.input("name", UIText.name(l), state: state, hint: AdminText.organisationNameHint(l), required: true),
                  Form.select("kind", UIText.kind(l), OrganisationKind.allCases.map { .init(value: $0.rawValue, label: FigureText.organisationKind(l, $0)) },
                              state: state, required: true),
                  Form.select("regionId", UIText.region(l), regions.map { .init(value: $0.id ?? "", label: $0.name(l)) },
                              state: state, required: true),
                  Form.select("municipalityId", AdminText.municipality(l),
                              municipalities.map { .init(value: $0.id ?? "", label: "\($0.nameNL) (\($0.id ?? ""))") },
                              state: state, hint: AdminText.municipalityHint(l), empty: "—"),
                  .div(.class("actions"), Form.submit(AdminText.addOrganisation(l)), .a(.href(SiteURL.administration.fragment("organisaties")), .text(UIText.cancel(l)))))
        )
    }
}

/// A new agreement of the administrator's organisation: what it is, with whom, from when, and which data of
/// the administrator's own organisation may go to the partners.
struct AgreementFormPage {
    let context: PageContext
    let organisations: [OrganisationModel]
    let regions: [RegionModel]
    let state: FormState

    func render(status: HTTPResponseStatus = .ok) -> Response {
        let l = context.language
        let own = context.organisation(context.user.organisationID)
        let partners = organisations.filter { $0.id != context.user.organisationID }
        let labels = ["title": AdminText.agreementTitle(l), "kind": UIText.kind(l), "regionId": UIText.region(l),
                      "validFrom": AdminText.validFrom(l), "validUntil": AdminText.validUntil(l), "parties": AdminText.partners(l),
                      "categories": AdminText.routeCategories(l, own), "responseDays": AdminText.responseDays(l), "routes": AdminText.partners(l)]
        return context.render(
            AdminText.newAgreement(l), status: status,
            .p(.a(.href(SiteURL.administration.fragment("overeenkomsten")), .text(AdminText.backToAdministration(l)))),
            .h1(.text(AdminText.newAgreement(l))),
            .p(.text(AdminText.newAgreementIntro(l, own))),
            Form.summary(state, language: l, labels: labels),
            .form(.class("stacked"), .method(.post), .action(SiteURL.agreements), .attribute(named: "novalidate", value: "novalidate"),
                  Form.token(context),
                  Form.input("title", AdminText.agreementTitle(l), state: state, required: true),
                  Form.select("kind", UIText.kind(l), AgreementKind.allCases.map { .init(value: $0.rawValue, label: AdminText.agreementKind(l, $0)) },
                              state: state, required: true),
                  Form.select("regionId", UIText.region(l), regions.map { .init(value: $0.id ?? "", label: $0.name(l)) },
                              state: state, hint: AdminText.regionHint(l), empty: AdminText.noRegion(l)),
                  Form.input("validFrom", AdminText.validFrom(l), type: "date", state: state, required: true),
                  Form.input("validUntil", AdminText.validUntil(l), type: "date", state: state, hint: AdminText.validUntilHint(l)),
                  .fieldset(.id("parties"), Form.legend(AdminText.partners(l)),
                            .p(.class("hint"), .text(AdminText.partnersHint(l, own))),
                            state.errors["parties"].map { .p(.class("field-error"), .text($0)) } ?? .empty,
                            .div(.class("check-columns"), .forEach(partners) { organisation in
                                Form.checkbox("party-\(organisation.id?.uuidString ?? "")", organisation.name,
                                              checked: !state["party-\(organisation.id?.uuidString ?? "")"].isEmpty)
                            })),
                  .fieldset(.id("tasks"), Form.legend(AdminText.ownTasks(l, own)),
                            .div(.class("check-columns"), .forEach(PartyTask.allCases) { task in
                                Form.checkbox("task-\(task.rawValue)", AdminText.task(l, task), checked: !state["task-\(task.rawValue)"].isEmpty)
                            })),
                  .fieldset(.id("categories"), Form.legend(AdminText.routeCategories(l, own)),
                            .p(.class("hint"), .text(AdminText.routeCategoriesHint(l))),
                            state.errors["categories"].map { .p(.class("field-error"), .text($0)) } ?? .empty,
                            state.errors["routes"].map { .p(.class("field-error"), .text($0)) } ?? .empty,
                            Form.categoryChecks(state, language: l)),
                  Form.responseDays(state, language: l),
                  .div(.class("actions"), Form.submit(AdminText.recordAgreement(l)), .a(.href(SiteURL.administration.fragment("overeenkomsten")), .text(UIText.cancel(l)))))
        )
    }
}

/// One agreement: parties with their tasks, each route with what may travel on it, who recorded and ended it;
/// for an administrator of a party, a form to open a route from their organisation, and the way to end it.
struct AgreementPage {
    let context: PageContext
    let agreement: AgreementDTO
    let regionName: String?
    let createdBy: String?
    let endedBy: String?
    let today: CalendarDate
    let state: FormState
    /// Asking "end this agreement?" before it is done.
    var confirmEnd = false

    func render(status: HTTPResponseStatus = .ok) -> Response {
        let l = context.language
        let own = context.user.organisationID
        let isParty = agreement.parties.contains { $0.organisationId == own }
        let mayChange = isParty && AgreementRules.mayAddRoute(to: Validity(from: agreement.validFrom, until: agreement.validUntil),
                                                              today: today)
        let partners = agreement.parties.map(\.organisationId).filter { $0 != own }
        let routes = agreement.routes.sorted { (context.organisation($0.fromOrganisationId), context.organisation($0.toOrganisationId))
            < (context.organisation($1.fromOrganisationId), context.organisation($1.toOrganisationId)) }
        let labels = ["toOrganisationId": AdminText.routeTo(l), "categories": AdminText.routeCategories(l, context.organisation(own)),
                      "responseDays": AdminText.responseDays(l)]
        return context.render(
            agreement.title, status: status,
            .p(.a(.href(SiteURL.administration.fragment("overeenkomsten")), .text(AdminText.backToAdministration(l)))),
            .h1(.text(agreement.title)),
            // The question comes first, where the reader looks.
            .if(mayChange && confirmEnd, .form(.method(.post), .action(SiteURL.agreementEnd(agreement.id)), .class("confirm"),
                Form.token(context),
                .p(.strong(.text(AdminText.endQuestion(l, agreement.title)))),
                .p(.text(AdminText.endExplained(l))),
                .div(.class("actions"), Form.submit(AdminText.endConfirm(l), danger: true), .a(.href(SiteURL.agreement(agreement.id)), .text(UIText.cancel(l)))))),
            .dl(.class("facts"),
                .dt(.text(UIText.kind(l))), .dd(.text(AdminText.agreementKind(l, agreement.kind))),
                .dt(.text(UIText.region(l))), .dd(.text(regionName ?? AdminText.noRegion(l))),
                .dt(.text(AdminText.period(l))),
                .dd(.text(AdminText.period(l, agreement))),
                .dt(.text(UIText.state(l))), .dd(.text(agreement.active ? AdminText.inForce(l) : AdminText.notInForce(l))),
                .unwrap(createdBy) { .group(.dt(.text(AdminText.recordedBy(l))), .dd(.text($0))) },
                .unwrap(endedBy) { .group(.dt(.text(AdminText.endedBy(l))), .dd(.text($0))) }),
            .section(.class("part"), .id("partijen"), .h2(.text(AdminText.parties(l))),
                     .ul(.class("list"), .forEach(agreement.parties.sorted { context.organisation($0.organisationId) < context.organisation($1.organisationId) }) { party in
                         .li(.strong(.text(context.organisation(party.organisationId))),
                             .span(.class("meta"), .text(party.tasks.isEmpty ? AdminText.noTasks(l)
                                                         : party.tasks.map { AdminText.task(l, $0) }.joined(separator: ", "))))
                     })),
            .section(.class("part"), .id("routes"), .h2(.text(AdminText.routes(l))),
                     .p(.text(AdminText.agreementsIntro(l))),
                     routes.isEmpty ? View.empty(AdminText.noRoutes(l)) :
                        .div(.class("table-wrap"), .table(.class("plain"),
                            .thead(.tr(.th(.text(AdminText.routeFrom(l))), .th(.text(AdminText.routeTo(l))), .th(.text(UIText.categories(l))),
                                       .th(.text(AdminText.responseDays(l))))),
                            .tbody(.forEach(routes) { route in
                                .tr(.td(.text(context.organisation(route.fromOrganisationId))), .td(.text(context.organisation(route.toOrganisationId))),
                                    .td(.text(route.categories.map { UIText.category(l, $0) }.joined(separator: ", "))),
                                    .td(.text(String(route.responseDays))))
                            })))),
            .if(mayChange && !confirmEnd, .section(.class("part"), .id("route-openen"),
                .h2(.text(AdminText.openRoute(l, context.organisation(own)))),
                .p(.class("hint"), .text(AdminText.openRouteHint(l))),
                Form.summary(state, language: l, labels: labels),
                .form(.class("stacked"), .method(.post), .action(SiteURL.agreementRoutes(agreement.id)), .attribute(named: "novalidate", value: "novalidate"),
                      Form.token(context),
                      Form.select("toOrganisationId", AdminText.routeTo(l), partners.map { .init(value: $0.uuidString, label: context.organisation($0)) },
                                  state: state, required: true),
                      .fieldset(.id("categories"), Form.legend(UIText.categories(l)),
                                state.errors["categories"].map { .p(.class("field-error"), .text($0)) } ?? .empty,
                                Form.categoryChecks(state, language: l)),
                      Form.responseDays(state, language: l),
                      .div(Form.submit(AdminText.openRouteButton(l)))))),
            .if(mayChange && !confirmEnd, .section(.class("part"), .id("beeindigen"),
                .h2(.text(AdminText.endAgreement(l))),
                .p(.text(AdminText.endExplained(l))),
                .p(.a(.class("danger-link"), .href(SiteURL.agreementEnd(agreement.id)), .text(AdminText.endAgreement(l)))))),
        )
    }
}

extension Form {
    /// The term for first contact on an agreement's route, in working days (1 to 30).
    static func responseDays(_ state: FormState, language l: UILanguage) -> Node<HTML.FormContext> {
        input("responseDays", AdminText.responseDays(l), type: "number", state: state, hint: AdminText.responseDaysHint(l),
              extra: [.attribute(named: "min", value: "1"), .attribute(named: "max", value: "30"), .attribute(named: "inputmode", value: "numeric")])
    }

    /// One checkbox per data category, named `cat-…`, as the consent and agreement forms read them.
    static func categoryChecks(_ state: FormState, language l: UILanguage) -> Node<HTML.FormContext> {
        .forEach(DataCategory.allCases) { category in
            checkbox("cat-\(category.rawValue)", UIText.category(l, category), checked: !state["cat-\(category.rawValue)"].isEmpty)
        }
    }
}
