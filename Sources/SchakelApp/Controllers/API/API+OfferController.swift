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
    /// `/api/v1/offers` and recommendations. The catalogue holds no personal data; everything that
    /// looks at a person goes through the access rule first, and the eligibility rule sees only the
    /// categories the reader may see (a withheld category is "unknown", never "ineligible").
    struct OfferController {
        static let categories = Offers.categories

        @Sendable func list(_ request: Request) async throws -> Page<OfferForPersonDTO> {
            let paging = try Paging(request)
            let query = OfferModel.query(on: request.db)
            if let kind = try request.queryEnum("kind", as: OfferKind.self) { query.filter(\.$kind == kind) }
            if let sector = request.query[String.self, at: "sector"] { query.filter(\.$sector == sector) }
            if let region = request.query[String.self, at: "region"] { query.filter(\.$regionID == region) }
            if let schedule = try request.queryEnum("schedule", as: OfferSchedule.self) {
                // Schedules are a JSON array of codes: the quoted code matches exactly one of them.
                query.filter(\.$schedulesJSON, .custom("LIKE"), "%\"\(schedule.rawValue)\"%")
            }
            guard let personText = request.query[String.self, at: "eligibleFor"] else {
                let page = try await query.sort(\.$startsOn).sort(\.$id).page(paging)
                return try page.map { OfferForPersonDTO(offer: OfferDTO(try $0.offer()), eligibility: nil, fit: nil) }
            }
            guard let personID = UUID(uuidString: personText) else {
                throw SchakelError.validation(field: "eligibleFor", reason: Strings.notFound)
            }
            let (profile, circumstances) = try await Self.person(personID, for: request, field: "eligibleFor")
            let language = try Self.language(request)
            let today = request.now.brusselsDay
            // Every matching offer is judged (a few milliseconds for ten thousand), then the page is cut.
            let offers = try await query.sort(\.$startsOn).sort(\.$id).all().map { try $0.offer() }
            let fitting = offers.compactMap { offer -> OfferForPersonDTO? in
                let result = Eligibility.evaluate(person: profile, offer: offer, today: today, circumstances: circumstances)
                guard result.verdict != .ineligible else { return nil }
                return OfferForPersonDTO(offer: OfferDTO(offer), eligibility: EligibilityDTO(result, language), fit: nil)
            }
            let start = (paging.page - 1) * paging.per
            let items = start < fitting.count ? Array(fitting[start..<min(fitting.count, start + paging.per)]) : []
            return Page(items: items, metadata: PageMetadata(page: paging.page, per: paging.per, total: fitting.count))
        }

        @Sendable func show(_ request: Request) async throws -> OfferDTO {
            guard let model = try await OfferModel.find(try request.uuidParameter("offerID"), on: request.db) else { throw SchakelError.notFound }
            return OfferDTO(try model.offer())
        }

        /// The eligible offers for a person, best fit first, each with its reasons (`?includeUnknown=true`
        /// adds those that depend on data not yet recorded).
        @Sendable func recommendations(_ request: Request) async throws -> [OfferForPersonDTO] {
            let (profile, circumstances) = try await Self.person(try request.uuidParameter("personID"), for: request, field: nil)
            let language = try Self.language(request)
            let recommendations = try await Offers.recommendations(for: profile, circumstances: circumstances, caller: try request.caller,
                                                                   limit: try Self.limit(request), includeUnknown: try Self.includeUnknown(request))
            return recommendations.map { OfferForPersonDTO(offer: OfferDTO($0.offer), eligibility: EligibilityDTO($0.eligibility, language), fit: FitDTO($0.fit, language)) }
        }

        /// Persons the reader may see who fit the offer: its own organisation's dossiers and those shared
        /// with it, each judged on what the rule lets the reader see.
        @Sendable func candidates(_ request: Request) async throws -> [CandidateDTO] {
            try PersonController.requireCaseworker(request)
            let user = try request.user
            guard let model = try await OfferModel.find(try request.uuidParameter("offerID"), on: request.db) else { throw SchakelError.notFound }
            let offer = try model.offer()
            let language = try Self.language(request)
            let ids = try await PersonController.ownAndShared(with: user.organisationID, on: request.db)
                .sort(\.$reference).limit(2000).all(\.$id)
            let access = try request.caller.access
            let today = request.now.brusselsDay
            var profiles: [PersonProfile] = []
            var circumstances: [UUID: Eligibility.Circumstances] = [:]
            var names: [UUID: PersonIdentifiers] = [:]
            for id in ids {
                guard let dossier = try await DossierStore.find(id, on: request.db) else { continue }
                let decision: AccessRule.Decision
                do {
                    decision = try await access.decide(dossier, purpose: try PersonController.purpose(request),
                                                       requested: Self.categories.union([.identity]))
                } catch SchakelError.notFound {
                    continue
                }
                profiles.append(dossier.profile.limited(to: decision.allowed))
                circumstances[id] = try await Self.circumstances(of: id, seen: decision, for: request)
                if decision.allows(.identity), let identifiers = try request.identifiers(of: dossier) { names[id] = identifiers }
            }
            return Recommendations.candidates(for: offer, among: profiles, today: today, limit: try Self.limit(request),
                                              includeUnknown: try Self.includeUnknown(request), circumstances: circumstances)
                .map { candidate in
                    CandidateDTO(personId: candidate.person.id, reference: candidate.person.reference,
                                 givenName: names[candidate.person.id]?.givenName, familyName: names[candidate.person.id]?.familyName,
                                 eligibility: EligibilityDTO(candidate.eligibility, language), fit: FitDTO(candidate.fit, language))
                }
        }

        // MARK: CSV

        struct ImportResult: Content {
            let created: Int
            let updated: Int
        }

        /// Loads a provider's offers from CSV (columns in the README): all rows or none. Rows with an
        /// `id` update that offer (of the same provider); the others are new. A caseworker loads for
        /// their own organisation, an administrator for any.
        @Sendable func importCSV(_ request: Request) async throws -> ImportResult {
            try await Self.importCSV(request) { request.body.data }
        }

        /// From the API's body or the page's uploaded file; the file is read once the reader may load offers.
        ///
        /// Reading the file and building the rows run on the thread pool, not on the event loop that serves
        /// other requests; the rows are then written as multi-row upserts in one transaction (all rows or
        /// none), so the database is held only as long as the writing takes. No provider may end up with
        /// more than `SchakelSettings.maxOffersPerProvider` offers: checked before writing, and again inside
        /// the transaction, where concurrent imports for the same provider wait for each other.
        static func importCSV(_ request: Request, file read: () throws -> ByteBuffer?) async throws -> ImportResult {
            let user = try request.user
            guard user.role == .administrator || PersonController.caseworkerRoles.contains(user.role) else { throw SchakelError.forbidden }
            guard let body = try read(), body.readableBytes > 0 else {
                throw SchakelError.validation(field: "body", reason: Strings.empty)
            }
            let organisations = try await OrganisationModel.query(on: request.db).all()
            let allowed = organisations.filter { user.role == .administrator || $0.id == user.organisationID }
            let providers = Dictionary(uniqueKeysWithValues: try allowed.map { ($0.slug, try $0.requireID()) })
            let slugs = Dictionary(uniqueKeysWithValues: try organisations.map { (try $0.requireID(), $0.slug) })
            let municipalities = Dictionary(uniqueKeysWithValues: try await MunicipalityModel.query(on: request.db).all()
                .map { (try $0.requireID(), $0.$region.id) })
            let pool = request.application.threadPool
            let text = try await pool.runIfActive { String(decoding: body.readableBytesView, as: UTF8.self) }
            let (firstReading, madeIDs) = try await pool.runIfActive { () -> (Result<[Offer], OfferCSV.ProblemList>, Set<UUID>) in
                var made = Set<UUID>()
                let result = OfferCSV.parse(text, providers: providers, municipalities: municipalities, newID: {
                    let id = UUID()
                    made.insert(id)
                    return id
                })
                return (result, made)
            }
            var offers: [Offer]
            switch firstReading {
            case let .success(parsed): offers = parsed
            case let .failure(list): throw SchakelError.csvProblems(list.problems)
            }
            // The offers the file names by id, read in slices (a bound value per id).
            var existing: [UUID: (provider: UUID, seatsTaken: Int)] = [:]
            let named = offers.map(\.id).filter { !madeIDs.contains($0) }
            for start in stride(from: 0, to: named.count, by: 1000) {
                let slice = Array(named[start..<min(named.count, start + 1000)])
                for model in try await OfferModel.query(on: request.db).filter(\.$id ~~ slice).all() {
                    existing[try model.requireID()] = (model.$provider.id, model.seatsTaken)
                }
            }
            // An id of another provider's offer, or fewer seats than are already taken, is refused like any
            // other bad cell, with its line.
            let foreign = Set(existing.filter { !providers.values.contains($0.value.provider) }.keys)
            let taken = existing.mapValues(\.seatsTaken)
            if !foreign.isEmpty || offers.contains(where: { $0.seats < (taken[$0.id] ?? 0) }) {
                let again = try await pool.runIfActive {
                    OfferCSV.parse(text, providers: providers, municipalities: municipalities, foreignIDs: foreign, seatsTaken: taken)
                }
                switch again {
                case let .success(parsed): offers = parsed
                case let .failure(list): throw SchakelError.csvProblems(list.problems)
                }
            }
            let limit = request.schakel.maxOffersPerProvider
            let touched = Set(offers.map(\.providerOrganisationID)).union(existing.values.map(\.provider))
            var projected = try await offerCounts(of: touched, on: request.db)
            for offer in offers where existing[offer.id]?.provider != offer.providerOrganisationID {
                projected[offer.providerOrganisationID, default: 0] += 1
                if let from = existing[offer.id]?.provider { projected[from, default: 0] -= 1 }
            }
            try refuseOverLimit(projected, limit: limit, slugs: slugs)
            let now = request.now
            let fresh = offers
            let rows = try await pool.runIfActive { try fresh.map { try OfferModel.row($0, now: now) } }
            let engine = request.schakel.database
            let providerIDs = touched.sorted { $0.uuidString < $1.uuidString }
            try await request.db.transaction { db in
                let sql = db as! any SQLDatabase
                if case .postgres = engine, !providerIDs.isEmpty {
                    // Imports for the same provider wait for each other here, so the count below is exact.
                    // NO KEY UPDATE: rows that only refer to the organisation (persons, referrals) are not held up.
                    try await sql.select().column("id").from(OrganisationModel.schema).where("id", .in, providerIDs)
                        .orderBy("id").lockingClause(SQLRaw("FOR NO KEY UPDATE")).all()
                }
                try await OfferModel.upsert(rows, on: sql)
                try refuseOverLimit(try await offerCounts(of: touched, on: db), limit: limit, slugs: slugs)
            }
            let updated = offers.filter { existing[$0.id] != nil }.count
            return ImportResult(created: offers.count - updated, updated: updated)
        }

        /// How many offers each provider has now.
        static func offerCounts(of providers: Set<UUID>, on database: any Database) async throws -> [UUID: Int] {
            guard !providers.isEmpty else { return [:] }
            let rows = try await (database as! any SQLDatabase).select()
                .column("provider_organisation_id", as: "provider").column(SQLFunction("COUNT", args: SQLLiteral.all), as: "offers")
                .from(OfferModel.schema).where("provider_organisation_id", .in, Array(providers))
                .groupBy("provider_organisation_id").all()
            return Dictionary(uniqueKeysWithValues: try rows.map {
                (try $0.decode(column: "provider", as: UUID.self), try $0.decode(column: "offers", as: Int.self))
            })
        }

        /// A 422 naming the provider and the limit when one would have more offers than it allows.
        static func refuseOverLimit(_ counts: [UUID: Int], limit: Int, slugs: [UUID: String]) throws {
            guard let (provider, count) = counts.filter({ $0.value > limit }).min(by: { (slugs[$0.key] ?? "") < (slugs[$1.key] ?? "") })
            else { return }
            throw SchakelError.validation(field: "provider", reason: Strings.tooManyOffers,
                                          arguments: [String(limit), slugs[provider] ?? provider.uuidString, String(count)])
        }

        /// The catalogue as CSV, in the import's columns (`?provider=slug` for one provider's offers).
        @Sendable func exportCSV(_ request: Request) async throws -> Response {
            let organisations = try await OrganisationModel.query(on: request.db).all()
            let slugs = Dictionary(uniqueKeysWithValues: try organisations.map { (try $0.requireID(), $0.slug) })
            let query = OfferModel.query(on: request.db)
            if let slug = request.query[String.self, at: "provider"] {
                guard let provider = organisations.first(where: { $0.slug == slug }) else {
                    throw SchakelError.validation(field: "provider", reason: Strings.notFound)
                }
                query.filter(\.$provider.$id == (try provider.requireID()))
            }
            let offers = try await query.sort(\.$startsOn).sort(\.$id).all().map { try $0.offer() }
            let response = Response(status: .ok, body: .init(string: OfferCSV.render(offers, slugs: slugs)))
            response.headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
            response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"schakel-offers.csv\"")
            return response
        }

        // MARK: Helpers

        /// The person as the reader may see them, with the circumstances their trajectory shows.
        static func person(_ id: UUID, for request: Request, field: String?) async throws -> (PersonProfile, Eligibility.Circumstances) {
            try PersonController.requireCaseworker(request)
            guard let dossier = try await DossierStore.find(id, on: request.db) else {
                if let field { throw SchakelError.validation(field: field, reason: Strings.notFound) }
                throw SchakelError.notFound
            }
            let decision: AccessRule.Decision
            do {
                decision = try await request.caller.access.decide(dossier, purpose: try PersonController.purpose(request),
                                                                           requested: categories)
            } catch SchakelError.notFound {
                if let field { throw SchakelError.validation(field: field, reason: Strings.notFound) }
                throw SchakelError.notFound
            }
            return (dossier.profile.limited(to: decision.allowed), try await circumstances(of: id, seen: decision, for: request))
        }

        /// What the person's running steps say about their days (works during the day?), if the reader may see the trajectory.
        static func circumstances(of personID: UUID, seen decision: AccessRule.Decision,
                                  for request: Request) async throws -> Eligibility.Circumstances {
            try await Offers.circumstances(of: personID, seen: decision, caller: try request.caller)
        }

        static func language(_ request: Request) throws -> UILanguage {
            UILanguage.preferred(by: request, userChoice: try request.user.language)
        }

        static func limit(_ request: Request) throws -> Int {
            guard let text = request.query[String.self, at: "limit"] else { return 20 }
            guard let value = Int(text), (1...100).contains(value) else {
                throw SchakelError.validation(field: "limit", reason: Strings.notAnInteger, arguments: ["1", "100"])
            }
            return value
        }

        static func includeUnknown(_ request: Request) throws -> Bool {
            guard let text = request.query[String.self, at: "includeUnknown"] else { return false }
            guard text == "true" || text == "false" else {
                throw SchakelError.validation(field: "includeUnknown", reason: Strings.unknownValue, arguments: ["true, false"])
            }
            return text == "true"
        }
    }
}
