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
                  AdminText.responseDaysInput(state, l),
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
        let path = SiteURL.agreement(agreement.id)
        let labels = ["toOrganisationId": AdminText.routeTo(l), "categories": AdminText.routeCategories(l, context.organisation(own)),
                      "responseDays": AdminText.responseDays(l)]
        return context.render(
            agreement.title, status: status,
            .p(.a(.href(SiteURL.administration.fragment("overeenkomsten")), .text(AdminText.backToAdministration(l)))),
            .h1(.text(agreement.title)),
            // The question comes first, where the reader looks.
            .if(mayChange && confirmEnd, .form(.method(.post), .action("\(path)/beeindigen"), .class("confirm"),
                Form.token(context),
                .p(.strong(.text(AdminText.endQuestion(l, agreement.title)))),
                .p(.text(AdminText.endExplained(l))),
                .div(.class("actions"), Form.submit(AdminText.endConfirm(l), danger: true), .a(.href(path), .text(UIText.cancel(l)))))),
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
                .form(.class("stacked"), .method(.post), .action("\(path)/routes"), .attribute(named: "novalidate", value: "novalidate"),
                      Form.token(context),
                      Form.select("toOrganisationId", AdminText.routeTo(l), partners.map { .init(value: $0.uuidString, label: context.organisation($0)) },
                                  state: state, required: true),
                      .fieldset(.id("categories"), Form.legend(UIText.categories(l)),
                                state.errors["categories"].map { .p(.class("field-error"), .text($0)) } ?? .empty,
                                Form.categoryChecks(state, language: l)),
                      AdminText.responseDaysInput(state, l),
                      .div(Form.submit(AdminText.openRouteButton(l)))))),
            .if(mayChange && !confirmEnd, .section(.class("part"), .id("beeindigen"),
                .h2(.text(AdminText.endAgreement(l))),
                .p(.text(AdminText.endExplained(l))),
                .p(.a(.class("danger-link"), .href("\(path)/beeindigen"), .text(AdminText.endAgreement(l)))))),
        )
    }
}

extension Form {
    /// One checkbox per data category, named `cat-…`, as the consent and agreement forms read them.
    static func categoryChecks(_ state: FormState, language l: UILanguage) -> Node<HTML.FormContext> {
        .forEach(DataCategory.allCases) { category in
            checkbox("cat-\(category.rawValue)", UIText.category(l, category), checked: !state["cat-\(category.rawValue)"].isEmpty)
        }
    }
}

extension AdminText {
    static func responseDaysInput(_ state: FormState, _ l: UILanguage) -> Node<HTML.FormContext> {
        Form.input("responseDays", responseDays(l), type: "number", state: state, hint: responseDaysHint(l),
                   extra: [.attribute(named: "min", value: "1"), .attribute(named: "max", value: "30"), .attribute(named: "inputmode", value: "numeric")])
    }

    private static func t(_ l: UILanguage, _ nl: String, _ en: String) -> String { Text(nl: nl, en: en)(l) }
    static func backToAdministration(_ l: UILanguage) -> String { t(l, "Terug naar beheer", "Back to administration") }
    static func newOrganisation(_ l: UILanguage) -> String { t(l, "Nieuwe organisatie", "New organisation") }
    static func newOrganisationIntro(_ l: UILanguage) -> String {
        t(l, "Een organisatie in de keten krijgt pas gegevens als een samenwerkingsovereenkomst een route opent en de persoon toestemming geeft.",
          "An organisation in the chain receives data only when an agreement opens a route and the person consents.")
    }
    static func organisationNameHint(_ l: UILanguage) -> String {
        t(l, "Zoals de organisatie zichzelf noemt, bv. OCMW Sint-Niklaas.", "As the organisation calls itself, e.g. OCMW Sint-Niklaas.")
    }
    static func municipality(_ l: UILanguage) -> String { t(l, "Gemeente", "Municipality") }
    static func municipalityHint(_ l: UILanguage) -> String { t(l, "Waar de organisatie gevestigd is; mag leeg.", "Where the organisation is based; may be left empty.") }
    static func addOrganisation(_ l: UILanguage) -> String { t(l, "Organisatie toevoegen", "Add organisation") }
    static func organisationCreated(_ l: UILanguage, _ name: String) -> String { t(l, "\(name) is toegevoegd aan de keten.", "\(name) was added to the chain.") }
    static func newAgreement(_ l: UILanguage) -> String { t(l, "Nieuwe samenwerkingsovereenkomst", "New agreement") }
    static func newAgreementIntro(_ l: UILanguage, _ own: String) -> String {
        t(l, "Je legt een overeenkomst vast waarin \(own) partij is. Je opent daarbij alleen gegevens van \(own); elke partner opent zijn eigen gegevens zelf.",
          "You record an agreement \(own) is party to. You open only \(own)'s data; each partner opens its own data itself.")
    }
    static func agreementTitle(_ l: UILanguage) -> String { t(l, "Titel", "Title") }
    static func agreementKind(_ l: UILanguage, _ kind: AgreementKind) -> String {
        switch kind {
        case .bilateral: t(l, "bilateraal", "bilateral")
        case .regional: t(l, "regionaal", "regional")
        case .convenant: t(l, "convenant", "covenant")
        }
    }
    static func regionHint(_ l: UILanguage) -> String { t(l, "De regio die de overeenkomst dekt, als ze regionaal is.", "The region the agreement covers, if it is regional.") }
    static func noRegion(_ l: UILanguage) -> String { t(l, "geen bepaalde regio", "no particular region") }
    static func validFrom(_ l: UILanguage) -> String { t(l, "Van kracht vanaf", "In force from") }
    static func validUntil(_ l: UILanguage) -> String { t(l, "Van kracht tot en met", "In force until") }
    static func validUntilHint(_ l: UILanguage) -> String { t(l, "Leeg laten voor onbepaalde duur.", "Leave empty for no end date.") }
    static func partners(_ l: UILanguage) -> String { t(l, "Partners", "Partners") }
    static func partnersHint(_ l: UILanguage, _ own: String) -> String {
        t(l, "\(own) is altijd partij. Kies minstens één partner.", "\(own) is always a party. Choose at least one partner.")
    }
    static func ownTasks(_ l: UILanguage, _ own: String) -> String { t(l, "Taken van \(own)", "Tasks of \(own)") }
    static func task(_ l: UILanguage, _ task: PartyTask) -> String {
        switch task {
        case .reception: t(l, "opvang", "reception")
        case .screening: t(l, "screening", "screening")
        case .civicOrientation: t(l, "maatschappelijke oriëntatie", "civic orientation")
        case .languageCourses: t(l, "lessen Nederlands", "Dutch lessons")
        case .guidance: t(l, "begeleiding naar werk", "guidance to work")
        case .intensiveGuidance: t(l, "intensieve begeleiding", "intensive guidance")
        case .training: t(l, "opleiding", "training")
        case .workExperience: t(l, "werkervaring", "work experience")
        case .jointConsultationDays: t(l, "gezamenlijke zitdagen", "joint consultation days")
        case .employerServices: t(l, "dienstverlening aan werkgevers", "services to employers")
        case .reporting: t(l, "rapportering", "reporting")
        }
    }
    static func noTasks(_ l: UILanguage) -> String { t(l, "geen taken vastgelegd", "no tasks recorded") }
    static func routeCategories(_ l: UILanguage, _ own: String) -> String {
        t(l, "Gegevens die van \(own) naar de partners mogen", "Data that may go from \(own) to the partners")
    }
    static func routeCategoriesHint(_ l: UILanguage) -> String {
        t(l, "Dit opent een route naar elke gekozen partner, altijd nog met de toestemming van de persoon. Kies niets als de overeenkomst geen gegevens laat gaan.",
          "This opens a route to each chosen partner, still always with the person's consent. Choose nothing if the agreement lets no data go.")
    }
    static func responseDays(_ l: UILanguage) -> String { t(l, "Termijn voor eerste contact (werkdagen)", "Term for first contact (working days)") }
    static func responseDaysHint(_ l: UILanguage) -> String {
        t(l, "Binnen hoeveel werkdagen de ontvanger een doorverwijzing beantwoordt: 1 tot 30; leeg is 5.",
          "Within how many working days the receiver answers a referral: 1 to 30; empty means 5.")
    }
    static func recordAgreement(_ l: UILanguage) -> String { t(l, "Overeenkomst vastleggen", "Record agreement") }
    static func agreementCreated(_ l: UILanguage) -> String {
        t(l, "De overeenkomst is vastgelegd. Partners openen hun eigen routes op deze pagina.", "The agreement was recorded. Partners open their own routes on this page.")
    }
    static func period(_ l: UILanguage) -> String { t(l, "Looptijd", "Period") }
    /// "from 01/01/2020 until 31/12/2027"; an agreement ended before its start says so rather than show a backwards period.
    static func period(_ l: UILanguage, _ agreement: AgreementDTO) -> String {
        if let until = agreement.validUntil, until < agreement.validFrom { return endedBeforeInForce(l, agreement.validFrom.belgian) }
        return validity(l, agreement.validFrom.belgian, agreement.validUntil?.belgian)
    }

    static func endedBeforeInForce(_ l: UILanguage, _ from: String) -> String {
        t(l, "zou ingaan op \(from), maar werd beëindigd voor het van kracht werd", "was to start on \(from), but was ended before it came into force")
    }
    static func recordedBy(_ l: UILanguage) -> String { t(l, "Vastgelegd door", "Recorded by") }
    static func endedBy(_ l: UILanguage) -> String { t(l, "Beëindigd door", "Ended by") }
    static func routes(_ l: UILanguage) -> String { t(l, "Routes", "Routes") }
    static func noRoutes(_ l: UILanguage) -> String {
        t(l, "Deze overeenkomst laat nog geen gegevens gaan. Een beheerder van een partij opent hieronder een route vanuit de eigen organisatie.",
          "This agreement lets no data go yet. An administrator of a party opens a route from their own organisation below.")
    }
    static func routeFrom(_ l: UILanguage) -> String { t(l, "Van", "From") }
    static func routeTo(_ l: UILanguage) -> String { t(l, "Naar", "To") }
    static func openRoute(_ l: UILanguage, _ own: String) -> String { t(l, "Een route openen vanuit \(own)", "Open a route from \(own)") }
    static func openRouteHint(_ l: UILanguage) -> String {
        t(l, "Een route laat de gekozen gegevens naar de partner gaan als de persoon daar toestemming voor gaf. Eén route per richting.",
          "A route lets the chosen data go to the partner when the person consented to it. One route per direction.")
    }
    static func openRouteButton(_ l: UILanguage) -> String { t(l, "Route openen", "Open route") }
    static func routeOpened(_ l: UILanguage) -> String { t(l, "De route is geopend.", "The route was opened.") }
    static func endAgreement(_ l: UILanguage) -> String { t(l, "Overeenkomst beëindigen", "End agreement") }
    static func endExplained(_ l: UILanguage) -> String {
        t(l, "Vanaf vandaag gaan er geen gegevens meer over de routes van deze overeenkomst en kan niemand er nog op doorverwijzen. Lopende doorverwijzingen behouden hun geschiedenis. Dit kan niet ongedaan gemaakt worden.",
          "From today no data travels on this agreement's routes and no one can refer on them. Referrals already made keep their history. This cannot be undone.")
    }
    static func endQuestion(_ l: UILanguage, _ title: String) -> String { t(l, "Wil je '\(title)' nu beëindigen?", "Do you want to end '\(title)' now?") }
    static func endConfirm(_ l: UILanguage) -> String { t(l, "Ja, nu beëindigen", "Yes, end it now") }
    static func agreementEndedFlash(_ l: UILanguage) -> String { t(l, "De overeenkomst is beëindigd.", "The agreement was ended.") }
    static func details(_ l: UILanguage) -> String { t(l, "Bekijken", "View") }
}
