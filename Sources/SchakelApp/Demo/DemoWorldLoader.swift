import Fluent
import Foundation
import SchakelCore
import SchakelDemo
import SQLKit
import Vapor

/// Writes the demo world into an empty database: the chain in one transaction, then the persons
/// in batches (one multi-row insert per table per batch, one transaction per batch), so a million
/// persons fit in memory and on two cores.
struct DemoWorldLoader {
    struct Summary: Sendable {
        var organisations = 0
        var agreements = 0
        var accounts = 0
        var persons = 0
        var rows = 0
        var activity = DemoActivity.Summary()
        var offers = 0
    }

    enum Problem: Error, CustomStringConvertible {
        case notEmpty
        var description: String {
            "the database already holds organisations: the demo world is only built on an empty database (use --reset to start over)"
        }
    }

    let database: any Database
    let world: DemoWorld
    let asOf: CalendarDate
    let now: Date
    var batchSize = 1000
    /// Bcrypt hash of the demo password, computed once: hashing it per account would take minutes.
    let passwordHash: String
    /// Encrypts the synthetic names like any other dossier's.
    let keyring: DataKeyring

    /// The chain: organisations, agreements with parties and routes, and one account per role per organisation.
    func loadChain() async throws -> Summary {
        guard try await OrganisationModel.query(on: database).count() == 0 else { throw Problem.notEmpty }
        var summary = Summary()
        try await database.transaction { db in
            var ids: [String: UUID] = [:]
            for organisation in world.organisations {
                ids[organisation.slug] = organisation.id
                try await OrganisationModel(id: organisation.id, slug: organisation.slug, name: organisation.name,
                                            kind: organisation.kind, regionID: organisation.region,
                                            municipalityID: organisation.municipality).create(on: db)
            }
            for agreement in world.agreements {
                let agreementID = agreement.id
                try await AgreementModel(id: agreementID, title: agreement.title, kind: agreement.kind, regionID: agreement.region,
                                         validity: agreement.validity).create(on: db)
                for party in agreement.parties {
                    try await AgreementPartyModel(agreementID: agreementID, organisationID: ids[party.organisation]!,
                                                  tasks: party.tasks).create(on: db)
                }
                for route in agreement.routes {
                    try await AgreementRouteModel(id: route.id, agreementID: agreementID, fromID: ids[route.from]!,
                                                  toID: ids[route.to]!, categories: route.categories).create(on: db)
                }
            }
            for account in world.accounts {
                try await UserModel(id: account.id, email: account.email, displayName: account.displayName,
                                    organisationID: ids[account.organisation]!, role: account.role,
                                    passwordHash: passwordHash).create(on: db)
            }
        }
        summary.organisations = world.organisations.count
        summary.agreements = world.agreements.count
        summary.accounts = world.accounts.count
        return summary
    }

    /// Persons `0..<count`, in batches; `progress` is told after each batch.
    func loadPersons(count: Int, progress: @escaping @Sendable (Int) -> Void = { _ in }) async throws -> (persons: Int, rows: Int) {
        let generator = DemoPersonGenerator(world: world, asOf: asOf)
        var rows = 0
        var start = 0
        while start < count {
            let end = min(count, start + batchSize)
            rows += try await insert(generator.profiles(start..<end), firstIndex: start)
            start = end
            progress(start)
        }
        return (count, rows)
    }

    /// Everything `loadPersons` does but the writing: the baseline the demo-world benchmark compares with.
    static func generateOnly(world: DemoWorld, asOf: CalendarDate, count: Int, batchSize: Int, now: Date,
                             keyring: DataKeyring) throws -> Int {
        let generator = DemoPersonGenerator(world: world, asOf: asOf)
        var rows = 0
        var start = 0
        while start < count {
            let end = min(count, start + max(1, batchSize))
            let profiles = generator.profiles(start..<end)
            for (offset, profile) in profiles.enumerated() {
                let identifiers = generator.identifiers(at: start + offset, for: profile)
                rows += DossierStore.row(profile, now: now, sealed: try keyring.seal(identifiers),
                                          nameIndex: keyring.blindIndex(identifiers.fullName)).isEmpty ? 0 : 1
            }
            rows += profiles.reduce(into: DossierStore.ChildRows()) { $0.add($1) }.count
            start = end
        }
        return rows
    }

    /// Inserts complete dossiers; all rows of the batch or none.
    func insert(_ profiles: [PersonProfile], firstIndex: Int) async throws -> Int {
        let generator = DemoPersonGenerator(world: world, asOf: asOf)
        var personRows: [[any Encodable & Sendable]] = []
        personRows.reserveCapacity(profiles.count)
        for (offset, profile) in profiles.enumerated() {
            let identifiers = generator.identifiers(at: firstIndex + offset, for: profile)
            personRows.append(DossierStore.row(profile, now: now, sealed: try keyring.seal(identifiers),
                                                nameIndex: keyring.blindIndex(identifiers.fullName)))
        }
        let rows = personRows
        let children = profiles.reduce(into: DossierStore.ChildRows()) { $0.add($1) }
        let plan = ConsentPlan(world)
        let consents = profiles.flatMap { consentRows($0, plan: plan) }
        // With a past: referrals with their events and trajectory steps (`--history`), and the
        // figures' rows derived by the same rule as `FigureFacts.refresh`.
        var past = HistoryRows()
        let pastGenerator = withHistory ? DemoHistoryGenerator(world: world, asOf: asOf) : nil
        let staff = DemoStaff(world)
        let facts = profiles.map { profile in
            let history = pastGenerator?.history(for: profile)
            let figures = PersonFigures.derive(
                personID: profile.id, ownerID: profile.ownerOrganisationID, region: Self.regions[profile.homeMunicipality] ?? "",
                statusHistory: profile.statusHistory, protectionRequestedOn: profile.protectionRequestedOn, languages: profile.languages,
                steps: history?.steps.map(\.step) ?? [],
                referrals: history?.referrals.map { .init(sentOn: $0.sentOn, fromID: $0.fromOrganisationID, toID: $0.toOrganisationID) } ?? [],
                recorded: [], today: asOf)
            if let history { past.add(history, of: profile.id, figures: figures, staff: staff, now: now) }
            return FigureFacts.row(figures)
        }
        let history = past
        try await database.transaction { db in
            let sql = db as! any SQLDatabase
            try await BulkInsert.rows(into: PersonModel.schema, columns: DossierStore.personColumns, rows: rows, on: sql)
            try await DossierStore.insertChildren(children, on: sql)
            try await BulkInsert.rows(into: ConsentModel.schema, columns: DemoWorldLoader.consentColumns, rows: consents, on: sql)
            try await BulkInsert.rows(into: FigureFacts.personTable, columns: FigureFacts.personColumns, rows: facts, on: sql)
            try await history.insert(on: sql)
        }
        return rows.count + children.count + consents.count + facts.count + history.count
    }

    /// Whether each person brings a past (referrals, their events, steps): the figures at scale.
    var withHistory = false

    /// The past's rows for one batch, in the shapes the API writes.
    struct HistoryRows: Sendable {
        var referrals: [[any Encodable & Sendable]] = []
        var events: [[any Encodable & Sendable]] = []
        var steps: [[any Encodable & Sendable]] = []
        var facts: [[any Encodable & Sendable]] = []
        var count: Int { referrals.count + events.count + steps.count + facts.count }

        static let reason = "Doorverwijzing uit de demo-historiek."

        mutating func add(_ history: DemoHistory, of person: UUID, figures: PersonFigures, staff: DemoStaff, now: Date) {
            for referral in history.referrals {
                let fromUser = staff.member(of: referral.fromOrganisationID), toUser = staff.member(of: referral.toOrganisationID)
                referrals.append([referral.id, person, referral.fromOrganisationID, fromUser, referral.toOrganisationID,
                                  referral.purpose.rawValue, Self.reason, ReferralUrgency.normal.rawValue, String?.none, false,
                                  referral.state.rawValue, referral.responseDays, referral.sentOn.iso, referral.dueOn.iso,
                                  referral.outcome?.rawValue, Data?.none, String?.none, String?.none, UUID?.none,
                                  Date.brussels(referral.sentOn, hour: 8), now])
                let (a, b) = referral.id.halves
                var seed = SeededGenerator(seed: a ^ (b &* 0x2545_F491_4F6C_DD1D))
                for (index, event) in referral.events.enumerated() {
                    let sender = event.party == .sender
                    events.append([seed.uuid(), referral.id, index + 1, event.action.rawValue, event.from.rawValue, event.to.rawValue,
                                   Date.brussels(event.on, hour: 9 + min(index, 8)), sender ? fromUser : toUser,
                                   sender ? referral.fromOrganisationID : referral.toOrganisationID, event.reason?.rawValue, event.text,
                                   event.outcome?.rawValue])
                }
                let derived = ReferralFigures.derive(
                    referralID: referral.id, personID: person, fromID: referral.fromOrganisationID, toID: referral.toOrganisationID,
                    purpose: referral.purpose.rawValue, state: referral.state, sentOn: referral.sentOn, dueOn: referral.dueOn, offerID: nil,
                    events: referral.events.map { .init(action: $0.action, on: $0.on, reason: $0.reason, outcome: $0.outcome) })
                facts.append(FigureFacts.row(derived, of: figures))
            }
            for step in history.steps {
                let s = step.step
                steps.append([s.id, person, step.organisationID, staff.member(of: step.organisationID), s.kind.rawValue, s.status.rawValue,
                              String?.none, s.startsOn.iso, s.endsOn?.iso, s.outcome?.rawValue, s.levelReached?.rawValue, String?.none,
                              1, now, now])
            }
        }

        func insert(on sql: any SQLDatabase) async throws {
            try await ReferralStore.insert(referrals: referrals, events: events, on: sql)
            try await BulkInsert.rows(into: TrajectoryStepModel.schema, columns: DemoActivity.stepColumns, rows: steps, on: sql)
            try await BulkInsert.rows(into: FigureFacts.referralTable, columns: FigureFacts.referralColumns, rows: facts, on: sql)
        }
    }

    /// Municipality → region, from the reference data the migrations seed.
    static let regions = Dictionary(uniqueKeysWithValues: ReferenceRegions.municipalities.map { ($0.nisCode, $0.regionCode) })

    static let consentColumns = ["id", "person_id", "recipient_organisation_id", "purpose", "categories", "method", "witness",
                                 "given_at", "expires_at", "recorded_by_user_id", "text", "text_language", "withdrawn_at",
                                 "withdrawn_by_user_id"]

    static let consentText = "Ik geef toestemming dat mijn gegevens in deze categorieën gedeeld worden met de genoemde organisatie, "
        + "om mij te begeleiden naar werk. Ik kan deze toestemming altijd intrekken."

    /// Per owner organisation: the routes leaving it (recipient id, categories) and its social worker's account.
    struct ConsentPlan {
        let routes: [UUID: [(recipient: UUID, categories: [DataCategory])]]
        let recorders: [UUID: UUID]

        init(_ world: DemoWorld) {
            let ids = Dictionary(uniqueKeysWithValues: world.organisations.map { ($0.slug, $0.id) })
            var routes: [UUID: [(recipient: UUID, categories: [DataCategory])]] = [:]
            for route in world.agreements.flatMap(\.routes) {
                guard let from = ids[route.from], let to = ids[route.to] else { continue }
                routes[from, default: []].append((to, route.categories))
            }
            self.routes = routes
            recorders = Dictionary(world.accounts.filter { $0.role == .socialWorker }.compactMap { account in
                ids[account.organisation].map { ($0, account.id) }
            }, uniquingKeysWith: { first, _ in first })
        }
    }

    /// So the chain can be seen at work in the demo: most persons whose owner has an agreement route
    /// consented to share along it (some later withdrew), recorded by the owner's social worker.
    func consentRows(_ profile: PersonProfile, plan: ConsentPlan) -> [[any Encodable & Sendable]] {
        guard let routes = plan.routes[profile.ownerOrganisationID], !routes.isEmpty,
              let recorder = plan.recorders[profile.ownerOrganisationID] else { return [] }
        let (a, b) = profile.id.halves
        var random = SeededGenerator(seed: (a &+ 0xC0_4E_5E_47) ^ b)
        guard random.chance(0.7) else { return [] }
        let route = random.pick(routes)
        let givenAt = now.addingTimeInterval(-Double(random.int(in: 1...400)) * 86_400)
        let withdrawn: Date? = random.chance(0.1) ? givenAt.addingTimeInterval(Double(random.int(in: 1...30)) * 86_400) : nil
        return [[
            random.uuid(), profile.id, route.recipient, Purpose.guidanceToWork.rawValue, JSONList.encode(route.categories),
            ConsentMethod.signedForm.rawValue, String?.none, givenAt, Date?.none, recorder, Self.consentText, ConsentLanguage.nl.rawValue,
            withdrawn, withdrawn.map { _ in recorder },
        ]]
    }

}
