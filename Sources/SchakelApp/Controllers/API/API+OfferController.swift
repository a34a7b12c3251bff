import Fluent
import Foundation
import SchakelCore
import SQLKit
import Vapor

struct OfferDTO: Content {
    let id: UUID
    let providerOrganisationId: UUID
    let kind: OfferKind
    let title: String
    let sector: String
    let occupation: String?
    let competences: [Competence]
    let regionId: String
    let municipalityId: String
    let schedules: [OfferSchedule]
    let startsOn: CalendarDate
    let endsOn: CalendarDate?
    let seats: Int
    let seatsTaken: Int
    let seatsLeft: Int
    let funding: OfferFunding
    let instructionLanguage: String
    let admission: AdmissionRequirements

    init(_ offer: Offer) {
        id = offer.id
        providerOrganisationId = offer.providerOrganisationID
        kind = offer.kind
        title = offer.title
        sector = offer.sector
        occupation = offer.occupation
        competences = offer.competences
        regionId = offer.region
        municipalityId = offer.municipality
        schedules = Array(offer.schedules)
        startsOn = offer.startsOn
        endsOn = offer.endsOn
        seats = offer.seats
        seatsTaken = offer.seatsTaken
        seatsLeft = offer.seatsLeft
        funding = offer.funding
        instructionLanguage = offer.instructionLanguage
        admission = offer.admission
    }
}

struct EligibilityFindingDTO: Content {
    let code: String
    let effect: FindingEffect
    /// In words a counsellor can act on ("needs Dutch B1, has A2 since 2026-03-03").
    let summary: String
}

struct EligibilityDTO: Content {
    let verdict: EligibilityVerdict
    let findings: [EligibilityFindingDTO]

    /// Findings worded in the reader's language (Dutch by default, English on request).
    init(_ result: EligibilityResult, _ language: UILanguage) {
        verdict = result.verdict
        findings = result.findings.map { EligibilityFindingDTO(code: $0.code, effect: $0.effect, summary: FindingWording.text($0, language)) }
    }
}

struct FitDTO: Content {
    let total: Int
    let distance: DistanceClass
    let reasons: [String]

    /// Reasons worded in the reader's language, like the eligibility findings.
    init(_ fit: FitScore, _ language: UILanguage) {
        total = fit.total
        distance = fit.distanceClass
        reasons = fit.reasons.map { FindingWording.fit($0, language) }
    }
}

/// An offer, with how it fits the person asked about (when one was).
struct OfferForPersonDTO: Content {
    let offer: OfferDTO
    let eligibility: EligibilityDTO?
    let fit: FitDTO?
}

struct CandidateDTO: Content {
    let personId: UUID
    let reference: String
    let givenName: String?
    let familyName: String?
    let eligibility: EligibilityDTO
    let fit: FitDTO
}

extension API {
    /// `/api/v1/offers` and recommendations (`Offers`). The catalogue holds no personal data; everything that
    /// looks at a person goes through the access rule first, and the eligibility rule sees only the
    /// categories the reader may see (a withheld category is "unknown", never "ineligible").
    struct OfferController {
        static let categories = Offers.categories
        typealias ImportResult = Offers.ImportResult

        @Sendable func list(_ request: Request) async throws -> Page<OfferForPersonDTO> {
            let caller = try request.caller
            let paging = try Paging(request)
            let (filter, eligibleFor) = try request.offerListQuery()
            var person: (id: UUID, purpose: Purpose)?
            if let eligibleFor {
                try caller.requireCaseworker()
                person = (eligibleFor, try request.purpose())
            }
            let page = try await Offers.list(filter, eligibleFor: person, paging: paging, caller: caller)
            let language = try Self.language(request)
            return page.map { listed in
                OfferForPersonDTO(offer: OfferDTO(listed.offer), eligibility: listed.eligibility.map { EligibilityDTO($0, language) }, fit: nil)
            }
        }

        @Sendable func show(_ request: Request) async throws -> OfferDTO {
            OfferDTO(try await Offers.offer(try request.uuidParameter("offerID"), caller: try request.caller))
        }

        /// The eligible offers for a person, best fit first, each with its reasons (`?includeUnknown=true`
        /// adds those that depend on data not yet recorded).
        @Sendable func recommendations(_ request: Request) async throws -> [OfferForPersonDTO] {
            let id = try request.uuidParameter("personID")
            let caller = try request.caller
            try caller.requireCaseworker()
            let (profile, circumstances) = try await Offers.person(id, purpose: try request.purpose(), field: nil, caller: caller)
            let language = try Self.language(request)
            let recommendations = try await Offers.recommendations(for: profile, circumstances: circumstances, caller: caller,
                                                                   limit: try Self.limit(request), includeUnknown: try Self.includeUnknown(request))
            return recommendations.map { OfferForPersonDTO(offer: OfferDTO($0.offer), eligibility: EligibilityDTO($0.eligibility, language), fit: FitDTO($0.fit, language)) }
        }

        /// Persons the reader may see who fit the offer: its own organisation's dossiers and those shared
        /// with it, each judged on what the rule lets the reader see.
        @Sendable func candidates(_ request: Request) async throws -> [CandidateDTO] {
            let caller = try request.caller
            try caller.requireCaseworker()
            let id = try request.uuidParameter("offerID")
            let fits = try await Offers.candidates(for: id, purpose: try request.purpose(), limit: try Self.limit(request),
                                                   includeUnknown: try Self.includeUnknown(request), caller: caller)
            return Self.candidates(fits, language: try Self.language(request))
        }

        static func candidates(_ fits: [Offers.Fit], language: UILanguage) -> [CandidateDTO] {
            fits.map { fit in
                CandidateDTO(personId: fit.candidate.person.id, reference: fit.candidate.person.reference,
                             givenName: fit.identifiers?.givenName, familyName: fit.identifiers?.familyName,
                             eligibility: EligibilityDTO(fit.candidate.eligibility, language), fit: FitDTO(fit.candidate.fit, language))
            }
        }

        // MARK: CSV

        /// Loads a provider's offers from CSV (columns in the README): all rows or none. Rows with an
        /// `id` update that offer (of the same provider); the others are new. A caseworker loads for
        /// their own organisation, an administrator for any.
        @Sendable func importCSV(_ request: Request) async throws -> ImportResult {
            try await Offers.importCSV(file: { request.body.data }, settings: request.schakel, pool: request.application.threadPool,
                                       caller: try request.caller)
        }

        /// The catalogue as CSV, in the import's columns (`?provider=slug` for one provider's offers).
        @Sendable func exportCSV(_ request: Request) async throws -> Response {
            let csv = try await Offers.exportCSV(provider: request.query[String.self, at: "provider"], on: request.db)
            let response = Response(status: .ok, body: .init(string: csv))
            response.headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
            response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"schakel-offers.csv\"")
            return response
        }

        // MARK: Helpers

        static func language(_ request: Request) throws -> UILanguage {
            UILanguage.preferred(by: request, userChoice: try request.user.language)
        }

        static func limit(_ request: Request) throws -> Int {
            try Offers.limit(request.query[String.self, at: "limit"])
        }

        static func includeUnknown(_ request: Request) throws -> Bool {
            try Offers.includeUnknown(request.query[String.self, at: "includeUnknown"])
        }
    }
}
