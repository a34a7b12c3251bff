import Fluent
import Foundation
import Plot
import SchakelCore
import SQLKit
import Vapor

extension Web {
    /// `/aanbod`: the catalogue with filters, and an offer with its admission and, on request, the
    /// persons who fit (judged on what the rule lets the reader see).
    struct OfferController {
        @Sendable func list(_ request: Request) async throws -> Response {
            let context = try await PageContext.load(request)
            let caller = try request.caller
            try caller.requireCaseworker()
            let page = try await Self.catalogue(request, caller: caller)
            let (sectors, regions) = try await Offers.filterChoices(on: caller.db)
            let names = RegionModel.names(regions, context.language)
            return OfferListPage(context: context, page: page, sectors: sectors,
                                 regions: regions.compactMap { region in region.id.map { Form.Choice(value: $0, label: names[$0] ?? $0) } },
                                 regionNames: names,
                                 filter: ["kind": request.query[String.self, at: "kind"] ?? "", "sector": request.query[String.self, at: "sector"] ?? "",
                                          "region": request.query[String.self, at: "region"] ?? ""]).render()
        }

        @Sendable func importForm(_ request: Request) async throws -> Response {
            let context = try await PageContext.load(request)
            try request.caller.requireCaseworker()
            return OfferImportPage(context: context, problems: [], message: nil).render()
        }

        struct Upload: Content {
            let csrf: String?
            let file: File?
        }

        /// A provider's catalogue as a CSV file: all rows or none; every problem with its line and column.
        @Sendable func importCSV(_ request: Request) async throws -> Response {
            let context = try await PageContext.load(request)
            let upload = try request.content.decode(Upload.self)
            try CSRF.verify(upload.csrf, for: request)
            guard let file = upload.file, file.data.readableBytes > 0 else {
                return OfferImportPage(context: context, problems: [], message: Strings.empty(context.language)).render(status: .unprocessableEntity)
            }
            do {
                let result = try await Offers.importCSV(file: { file.data }, settings: request.schakel,
                                                        pool: request.application.threadPool, caller: try request.caller)
                request.flash(OfferImportText.loaded(context.language, created: result.created, updated: result.updated))
                return request.redirect(to: SiteURL.offers, redirectType: .normal)
            } catch let error as SchakelError where error.status == .unprocessableEntity {
                return OfferImportPage(context: context, problems: error.problems ?? [], message: error.message(context.language))
                    .render(status: .unprocessableEntity)
            }
        }

        @Sendable func show(_ request: Request) async throws -> Response {
            let context = try await PageContext.load(request)
            let caller = try request.caller
            try caller.requireCaseworker()
            let id = try request.uuidParameter("offerID")
            let offer = OfferDTO(try await Offers.offer(id, caller: caller))
            let wantsCandidates = request.query[String.self, at: "kandidaten"] == "1"
            let candidates = wantsCandidates ? try await Self.candidates(of: id, request: request, caller: caller) : nil
            return OfferPage(context: context, offer: offer, candidates: candidates).render()
        }

        /// The catalogue page, filtered as the API's list reads its query (`?kind=&sector=&region=&schedule=`, and
        /// `?eligibleFor=` for a person), in the reader's language.
        static func catalogue(_ request: Request, caller: Caller) async throws -> Page<OfferForPersonDTO> {
            let paging = try Paging(request)
            let (filter, eligibleFor) = try request.offerListQuery()
            var person: (id: UUID, purpose: Purpose)?
            if let eligibleFor { person = (eligibleFor, try request.purpose()) }
            let language = UILanguage.preferred(by: request, userChoice: caller.user.language)
            return try await Offers.list(filter, eligibleFor: person, paging: paging, caller: caller).map { listed in
                OfferForPersonDTO(offer: OfferDTO(listed.offer), eligibility: listed.eligibility.map { EligibilityDTO($0, language) }, fit: nil)
            }
        }

        /// Persons who fit the offer, best first (`?limit=&includeUnknown=` as the API reads them).
        static func candidates(of offerID: UUID, request: Request, caller: Caller) async throws -> [CandidateDTO] {
            let purpose = try request.purpose()
            let limit = try Offers.limit(request.query[String.self, at: "limit"])
            let includeUnknown = try Offers.includeUnknown(request.query[String.self, at: "includeUnknown"])
            let fits = try await Offers.candidates(for: offerID, purpose: purpose, limit: limit, includeUnknown: includeUnknown, caller: caller)
            let language = UILanguage.preferred(by: request, userChoice: caller.user.language)
            return fits.map { fit in
                CandidateDTO(personId: fit.candidate.person.id, reference: fit.candidate.person.reference,
                             givenName: fit.identifiers?.givenName, familyName: fit.identifiers?.familyName,
                             eligibility: EligibilityDTO(fit.candidate.eligibility, language), fit: FitDTO(fit.candidate.fit, language))
            }
        }
    }
}

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
                SiteURL.offers.path + "?" + (filter.filter { !$0.value.isEmpty }.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")" }
                              + ["page=\(number)"]).joined(separator: "&")
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

enum OfferImportText {
    private static func t(_ l: UILanguage, _ nl: String, _ en: String) -> String { Text(nl: nl, en: en)(l) }
    static func title(_ l: UILanguage) -> String { t(l, "Aanbod inladen (CSV)", "Load offers (CSV)") }
    static func intro(_ l: UILanguage) -> String {
        t(l, "Het aanbod van je eigen organisatie. Een bestand met één foute rij laadt niets; elke fout staat hieronder met regel en kolom.",
          "Your own organisation's offers. A file with one bad row loads nothing; every problem is listed with its line and column.")
    }
    static func file(_ l: UILanguage) -> String { t(l, "CSV-bestand", "CSV file") }
    static func load(_ l: UILanguage) -> String { t(l, "Inladen", "Load") }
    static func loaded(_ l: UILanguage, created: Int, updated: Int) -> String {
        t(l, "Ingeladen: \(created) nieuw, \(updated) bijgewerkt.", "Loaded: \(created) new, \(updated) updated.")
    }
}
