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
