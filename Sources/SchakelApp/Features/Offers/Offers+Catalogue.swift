import Fluent
import Foundation
import SchakelCore
import SQLKit
import Vapor

extension Offers {
    // MARK: Catalogue

    /// What the catalogue is narrowed to.
    struct Filter: Sendable {
        var kind: OfferKind?
        var sector: String?
        var region: String?
        var schedule: OfferSchedule?
    }

    /// An offer in the catalogue, with the eligibility finding for the person asked about (when one was).
    struct Listed: Sendable {
        let offer: Offer
        let eligibility: EligibilityResult?
    }

    /// The catalogue, by start date. Asked for a person (`eligibleFor`), only the offers the person is not
    /// ineligible for, each judged on what the rule lets the reader see of them; a person the reader may not
    /// see is a 422 on `eligibleFor`, like one that does not exist.
    static func list(_ filter: Filter, eligibleFor person: (id: UUID, purpose: Purpose)?, paging: Paging,
                     caller: Caller) async throws -> Page<Listed> {
        let query = OfferModel.query(on: caller.db)
        if let kind = filter.kind { query.filter(\.$kind == kind) }
        if let sector = filter.sector { query.filter(\.$sector == sector) }
        if let region = filter.region { query.filter(\.$regionID == region) }
        if let schedule = filter.schedule {
            // Schedules are a JSON array of codes: the quoted code matches exactly one of them.
            query.filter(\.$schedulesJSON, .custom("LIKE"), "%\"\(schedule.rawValue)\"%")
        }
        guard let person else {
            let page = try await query.sort(\.$startsOn).sort(\.$id).page(paging)
            return try page.map { Listed(offer: try $0.offer(), eligibility: nil) }
        }
        let (profile, circumstances) = try await self.person(person.id, purpose: person.purpose, field: "eligibleFor", caller: caller)
        let today = caller.today
        // Every matching offer is judged (a few milliseconds for ten thousand), then the page is cut.
        let offers = try await query.sort(\.$startsOn).sort(\.$id).all().map { try $0.offer() }
        let fitting = offers.compactMap { offer -> Listed? in
            let result = Eligibility.evaluate(person: profile, offer: offer, today: today, circumstances: circumstances)
            guard result.verdict != .ineligible else { return nil }
            return Listed(offer: offer, eligibility: result)
        }
        let start = (paging.page - 1) * paging.per
        let items = start < fitting.count ? Array(fitting[start..<min(fitting.count, start + paging.per)]) : []
        return Page(items: items, metadata: PageMetadata(page: paging.page, per: paging.per, total: fitting.count))
    }

    /// What the catalogue can be filtered on: the sectors offers are in, and the regions.
    static func filterChoices(on database: any Database) async throws -> (sectors: [String], regions: [RegionModel]) {
        let sectors = try await (database as! any SQLDatabase).raw("SELECT DISTINCT sector FROM offers ORDER BY sector").all()
            .map { try $0.decode(column: "sector", as: String.self) }
        return (sectors, try await RegionModel.query(on: database).sort(\.$id).all())
    }

    /// The catalogue as CSV in the import's columns, all offers or one provider's (by slug).
    static func exportCSV(provider slug: String?, on database: any Database) async throws -> String {
        let organisations = try await OrganisationModel.query(on: database).all()
        let slugs = Dictionary(uniqueKeysWithValues: try organisations.map { (try $0.requireID(), $0.slug) })
        let query = OfferModel.query(on: database)
        if let slug {
            guard let provider = organisations.first(where: { $0.slug == slug }) else {
                throw SchakelError.validation(field: "provider", reason: Strings.notFound)
            }
            query.filter(\.$provider.$id == (try provider.requireID()))
        }
        let offers = try await query.sort(\.$startsOn).sort(\.$id).all().map { try $0.offer() }
        return OfferCSV.render(offers, slugs: slugs)
    }

    /// The offer a training application is for, to name and link it on a page; nil for none (or an id that names none).
    static func applied(_ id: UUID?, on database: any Database) async throws -> OfferModel? {
        guard let id else { return nil }
        return try await OfferModel.find(id, on: database)
    }

    static func offer(_ id: UUID, caller: Caller) async throws -> Offer {
        guard let model = try await OfferModel.find(id, on: caller.db) else { throw SchakelError.notFound }
        return try model.offer()
    }

    // MARK: Persons and offers

    /// The person as the reader may see them, with the circumstances their trajectory shows. Not there for the
    /// reader: a 404, or a 422 on `field` when the person is named in a query.
    static func person(_ id: UUID, purpose: Purpose, field: String?,
                       caller: Caller) async throws -> (PersonProfile, Eligibility.Circumstances) {
        try caller.requireCaseworker()
        guard let dossier = try await DossierStore.find(id, on: caller.db) else {
            if let field { throw SchakelError.validation(field: field, reason: Strings.notFound) }
            throw SchakelError.notFound
        }
        let decision: AccessRule.Decision
        do {
            decision = try await caller.access.decide(dossier, purpose: purpose, requested: categories)
        } catch SchakelError.notFound {
            if let field { throw SchakelError.validation(field: field, reason: Strings.notFound) }
            throw SchakelError.notFound
        }
        return (dossier.profile.limited(to: decision.allowed), try await circumstances(of: id, seen: decision, caller: caller))
    }

    /// A person who fits an offer, with their name when the rule shares identity with the reader.
    struct Fit: Sendable {
        let candidate: Candidate
        let identifiers: PersonIdentifiers?
    }

    /// Persons the reader may see who fit the offer: its own organisation's dossiers and those shared with it,
    /// each judged on what the rule lets the reader see (each decision recorded), best fit first.
    static func candidates(for offerID: UUID, purpose: Purpose, limit: Int, includeUnknown: Bool,
                           caller: Caller) async throws -> [Fit] {
        try caller.requireCaseworker()
        let offer = try await self.offer(offerID, caller: caller)
        let ids = try await Persons.ownAndShared(with: caller.organisationID, on: caller.db).sort(\.$reference).limit(2000).all(\.$id)
        let access = caller.access
        var profiles: [PersonProfile] = []
        var circumstances: [UUID: Eligibility.Circumstances] = [:]
        var names: [UUID: PersonIdentifiers] = [:]
        for id in ids {
            guard let dossier = try await DossierStore.find(id, on: caller.db) else { continue }
            let decision: AccessRule.Decision
            do {
                decision = try await access.decide(dossier, purpose: purpose, requested: categories.union([.identity]))
            } catch SchakelError.notFound {
                continue
            }
            profiles.append(dossier.profile.limited(to: decision.allowed))
            circumstances[id] = try await self.circumstances(of: id, seen: decision, caller: caller)
            if decision.allows(.identity), let identifiers = try caller.identifiers(of: dossier) { names[id] = identifiers }
        }
        return Recommendations.candidates(for: offer, among: profiles, today: caller.today, limit: limit,
                                          includeUnknown: includeUnknown, circumstances: circumstances)
            .map { Fit(candidate: $0, identifiers: names[$0.person.id]) }
    }

    /// How many results a list asks for (`limit`, 20 when absent, at most 100).
    static func limit(_ text: String?) throws -> Int {
        guard let text else { return 20 }
        guard let value = Int(text), (1...100).contains(value) else {
            throw SchakelError.validation(field: "limit", reason: Strings.notAnInteger, arguments: ["1", "100"])
        }
        return value
    }

    /// Whether a list adds what depends on data not yet recorded (`includeUnknown`, false when absent).
    static func includeUnknown(_ text: String?) throws -> Bool {
        guard let text else { return false }
        guard text == "true" || text == "false" else {
            throw SchakelError.validation(field: "includeUnknown", reason: Strings.unknownValue, arguments: ["true, false"])
        }
        return text == "true"
    }

    // MARK: CSV

    struct ImportResult: Content {
        let created: Int
        let updated: Int
    }

    /// From the API's body or the page's uploaded file; the file is read once the reader may load offers.
    ///
    /// Reading the file and building the rows run on the thread pool, not on the event loop that serves
    /// other requests; the rows are then written as multi-row upserts in one transaction (all rows or
    /// none), so the database is held only as long as the writing takes. No provider may end up with
    /// more than `SchakelSettings.maxOffersPerProvider` offers: checked before writing, and again inside
    /// the transaction, where concurrent imports for the same provider wait for each other.
    static func importCSV(file read: () throws -> ByteBuffer?, settings: SchakelSettings, pool: NIOThreadPool,
                          caller: Caller) async throws -> ImportResult {
        let user = caller.user
        guard user.role == .administrator || Caller.caseworkerRoles.contains(user.role) else { throw SchakelError.forbidden }
        guard let body = try read(), body.readableBytes > 0 else {
            throw SchakelError.validation(field: "body", reason: Strings.empty)
        }
        let organisations = try await OrganisationModel.query(on: caller.db).all()
        let allowed = organisations.filter { user.role == .administrator || $0.id == user.organisationID }
        let providers = Dictionary(uniqueKeysWithValues: try allowed.map { ($0.slug, try $0.requireID()) })
        let slugs = Dictionary(uniqueKeysWithValues: try organisations.map { (try $0.requireID(), $0.slug) })
        let municipalities = Dictionary(uniqueKeysWithValues: try await MunicipalityModel.query(on: caller.db).all()
            .map { (try $0.requireID(), $0.$region.id) })
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
            for model in try await OfferModel.query(on: caller.db).filter(\.$id ~~ slice).all() {
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
        let limit = settings.maxOffersPerProvider
        let touched = Set(offers.map(\.providerOrganisationID)).union(existing.values.map(\.provider))
        var projected = try await offerCounts(of: touched, on: caller.db)
        for offer in offers where existing[offer.id]?.provider != offer.providerOrganisationID {
            projected[offer.providerOrganisationID, default: 0] += 1
            if let from = existing[offer.id]?.provider { projected[from, default: 0] -= 1 }
        }
        try refuseOverLimit(projected, limit: limit, slugs: slugs)
        let now = caller.now
        let fresh = offers
        let rows = try await pool.runIfActive { try fresh.map { try OfferModel.row($0, now: now) } }
        let engine = settings.database
        let providerIDs = touched.sorted { $0.uuidString < $1.uuidString }
        try await caller.db.transaction { db in
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
}
