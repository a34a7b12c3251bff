import Fluent
import Foundation
import Plot
import SchakelCore
import Vapor

/// The offer catalogue with its filters, one offer with the persons who fit, and loading a catalogue.
struct OfferListPage {
    let context: PageContext
    let page: Page<OfferForPersonDTO>
    let sectors: [String]
    let regions: [Form.Choice]
    let regionNames: [String: String]
    let filter: [String: String]

    func render() -> Response {
        let l = context.language
        let state = FormState(values: filter)
        return context.render(
            UIText.offers(l),
            .h1(.text(UIText.offers(l))),
            .p(.text(UIText.offersIntro(l))),
            .p(.a(.href(SiteURL.offerImport), .text(OfferImportText.title(l)))),
            .form(.class("filters"), .method(.get), .action(SiteURL.offers),
                  Form.select("kind", UIText.kind(l), OfferKind.allCases.map { .init(value: $0.rawValue, label: UIText.offerKind(l, $0)) },
                              state: state, empty: FigureText.all(l)),
                  Form.select("sector", UIText.sector(l), sectors.map { .init(value: $0, label: $0) }, state: state, empty: FigureText.all(l)),
                  Form.select("region", UIText.region(l), regions, state: state, empty: FigureText.all(l)),
                  .div(Form.submit(UIText.filter(l)))),
            page.items.isEmpty ? View.empty(UIText.offersEmpty(l)) : .div(.class("table-wrap"), .table(.class("plain"), .id("offers"),
                .thead(.tr(.th(.text(UIText.name(l))), .th(.text(UIText.kind(l))), .th(.text(UIText.provider(l))), .th(.text(UIText.region(l))),
                           .th(.text(UIText.starts(l))), .th(.text(UIText.seatsLeft(l))))),
                .tbody(.forEach(page.items) { item in
                    .tr(.td(.a(.href(SiteURL.offer(item.offer.id)), .text(item.offer.title))),
                        .td(.text(UIText.offerKind(l, item.offer.kind))), .td(.text(context.organisation(item.offer.providerOrganisationId))),
                        .td(.text(regionNames[item.offer.regionId] ?? item.offer.regionId)), .td(.text(item.offer.startsOn.belgian)),
                        .td(.text(String(item.offer.seatsLeft))))
                }))),
            View.pager(page.metadata, language: l) { number in
                SiteURL.offers.query(filter.filter { !$0.value.isEmpty }.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
                    .query("page", String(number))
            }
        )
    }
}

struct OfferPage {
    let context: PageContext
    let offer: OfferDTO
    let candidates: [CandidateDTO]?

    func render() -> Response {
        let l = context.language
        let admission = offer.admission
        var requirements: [String] = []
        if let min = admission.minDutch { requirements.append(UIText.minDutch(l, min.rawValue)) }
        if let max = admission.maxDutch { requirements.append(UIText.maxDutch(l, max.rawValue)) }
        if let education = admission.minEducation { requirements.append(UIText.isced(l, education)) }
        if admission.requiresRightToWork { requirements.append(UIText.rightToWorkNeeded(l)) }
        return context.render(
            offer.title,
            .h1(.text(offer.title)),
            .dl(.class("facts"),
                .dt(.text(UIText.kind(l))), .dd(.text(UIText.offerKind(l, offer.kind))),
                .dt(.text(UIText.provider(l))), .dd(.text(context.organisation(offer.providerOrganisationId))),
                .dt(.text(UIText.sector(l))), .dd(.text(offer.sector)),
                .dt(.text(UIText.starts(l))), .dd(.text(offer.startsOn.belgian + (offer.endsOn.map { " – " + $0.belgian } ?? ""))),
                .dt(.text(UIText.schedule(l))), .dd(.text(offer.schedules.map { UIText.offerSchedule(l, $0) }.joined(separator: ", "))),
                .dt(.text(UIText.seatsLeft(l))), .dd(.text("\(offer.seatsLeft) / \(offer.seats)")),
                .dt(.text(UIText.admission(l))), .dd(.text(requirements.isEmpty ? UIText.noRequirements(l) : requirements.joined(separator: "; ")))),
            .section(.class("part"), .id("kandidaten"), .attribute(named: "aria-labelledby", value: "candidates-title"),
                     .h2(.id("candidates-title"), .text(UIText.candidates(l))),
                     candidates.map { candidates in
                         candidates.isEmpty ? View.empty(UIText.candidatesEmpty(l)) : .ul(.class("list"), .id("candidates"),
                             .forEach(candidates) { candidate in
                                 .li(.a(.href(SiteURL.person(candidate.personId)),
                                        .text(View.personName(givenName: candidate.givenName, familyName: candidate.familyName,
                                                              reference: candidate.reference, l))),
                                     .span(.class("meta"), .text(candidate.fit.reasons.joined(separator: "; "))),
                                     .a(.href(SiteURL.newReferral(candidate.personId).query("aanbod", offer.id.uuidString)),
                                        .text(UIText.apply(l))))
                             })
                     } ?? .p(.a(.class("button-link button-secondary"), .href(SiteURL.offer(offer.id).query("kandidaten", "1").fragment("kandidaten")),
                                .text(UIText.candidates(l)))))
        )
    }
}

/// Loading a catalogue from a CSV file, in the import's columns (see the README).
struct OfferImportPage {
    let context: PageContext
    let problems: [String]
    let message: String?

    func render(status: HTTPResponseStatus = .ok) -> Response {
        let l = context.language
        return context.render(
            OfferImportText.title(l), status: status,
            .h1(.text(OfferImportText.title(l))),
            .p(.text(OfferImportText.intro(l))),
            .unwrap(message) { message in
                .div(.class("error-summary"), .attribute(named: "role", value: "alert"), .id("error-summary"),
                     .text(message), .if(!problems.isEmpty, .ul(.forEach(problems.prefix(50)) { .li(.text($0)) })))
            },
            .form(.class("stacked"), .method(.post), .action(SiteURL.offerImport), .attribute(named: "enctype", value: "multipart/form-data"),
                  Form.token(context),
                  .div(.label(.for("file"), .text(OfferImportText.file(l))),
                       .input(.type(.file), .id("file"), .name("file"), .attribute(named: "accept", value: ".csv,text/csv"), .required(true))),
                  .div(Form.submit(OfferImportText.load(l))))
        )
    }
}
