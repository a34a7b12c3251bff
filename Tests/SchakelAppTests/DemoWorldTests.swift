import Fluent
import Foundation
import SQLKit
import Testing
import VaporTesting
@testable import SchakelApp
import SchakelCore
import SchakelDemo

@Suite("Demo world in the database")
struct DemoWorldTests {
    /// Everything the world holds, in a stable order, as text.
    static func fingerprint(_ app: Application) async throws -> [String] {
        var lines: [String] = []
        for organisation in try await OrganisationModel.query(on: app.db).sort(\.$slug).all() {
            lines.append("org \(organisation.slug) \(try organisation.requireID()) \(organisation.kind.rawValue) \(organisation.$region.id)")
        }
        for user in try await UserModel.query(on: app.db).sort(\.$email).all() {
            lines.append("user \(user.email) \(try user.requireID()) \(user.role.rawValue)")
        }
        let persons = try await PersonModel.query(on: app.db).sort(\.$reference)
            .with(\.$statuses).with(\.$languages).with(\.$education).with(\.$workExperience).all()
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        for person in persons {
            lines.append(String(decoding: try encoder.encode(try person.profile()), as: UTF8.self))
        }
        return lines
    }

    @Test(arguments: TestDatabase.all)
    func sameSeedSameWorldWhateverTheBatchSize(database: TestDatabase) async throws {
        var first: [String] = []
        try await withTestApp(database) { app in
            let summary = try await Fixtures.demoWorld(app, persons: 120, seed: 42, batchSize: 1000)
            #expect(summary.persons == 120)
            first = try await Self.fingerprint(app)
        }
        try await withTestApp(database) { app in
            try await Fixtures.demoWorld(app, persons: 120, seed: 42, batchSize: 7)
            #expect(try await Self.fingerprint(app) == first)
        }
        try await withTestApp(database) { app in
            try await Fixtures.demoWorld(app, persons: 120, seed: 43)
            let other = try await Self.fingerprint(app)
            #expect(other != first)
            #expect(other.count == first.count)
        }
    }

    @Test(arguments: TestDatabase.all)
    func theChainOfTheSourceCasesIsThere(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let summary = try await Fixtures.demoWorld(app, persons: 50)
            let world = DemoWorld(seed: 7)
            #expect(summary.organisations == world.organisations.count)
            #expect(summary.accounts == world.organisations.count * UserRole.allCases.count)
            #expect(try await UserModel.query(on: app.db).count() == summary.accounts)
            // The persons asked for, and the ten of the Mechelen case (docs/domain.md#case-002).
            #expect(try await PersonModel.query(on: app.db).count() == 50 + 10)

            let agreements = try await AgreementModel.query(on: app.db).with(\.$parties) { $0.with(\.$organisation) }
                .with(\.$routes) { $0.with(\.$from).with(\.$to) }.all()
            func slugs(_ agreement: AgreementModel) -> Set<String> { Set(agreement.parties.map(\.organisation.slug)) }
            // docs/domain.md#case-000: six regional AgII–VDAB agreements, one per province and one for Brussels.
            let agiiVDAB = agreements.filter { agreement in
                slugs(agreement).contains { $0.hasPrefix("agii-") } && slugs(agreement).contains { $0.hasPrefix("vdab-") }
            }
            #expect(agiiVDAB.count == 6)
            #expect(Set(agiiVDAB.compactMap { $0.$region.id }) == Set(ReferenceRegions.all.map(\.nisCode)))
            let brussels = try #require(agiiVDAB.first { $0.$region.id == "04000" })
            #expect(slugs(brussels) == ["agii-brussel", "vdab-brussel", "actiris", "hvn-brussel"])
            // docs/domain.md#case-004: Fedasil Poelkapelle → VDAB, with figures back.
            let routes = agreements.flatMap(\.routes).map { "\($0.from.slug)→\($0.to.slug)" }
            #expect(routes.contains("fedasil-poelkapelle→vdab-ieper"))
            #expect(routes.contains("vdab-ieper→fedasil-poelkapelle"))
            // docs/domain.md#case-001: IN-Gent → VDAB Gent → Jobteam.
            #expect(routes.contains("in-gent→vdab-gent"))
            #expect(routes.contains("vdab-gent→jobteam-gent"))
        }
    }

    @Test(arguments: TestDatabase.all)
    func demoAccountsSignInWithTheDemoPassword(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            try await Fixtures.demoWorld(app, persons: 0)
            let token = try await Fixtures.token(app, email: "social-worker@fedasil-poelkapelle.demo", password: DemoWorld.password)
            try await app.testing().test(.GET, "api/v1/me", beforeRequest: { $0.bearer(token) }) { response in
                let user = try response.content.decode(UserDTO.self)
                #expect(user.role == .socialWorker)
                #expect(user.email == "social-worker@fedasil-poelkapelle.demo")
            }
        }
    }

    @Test(arguments: TestDatabase.all)
    func partnersSeeSharedDossiersThroughTheRule(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            try await Fixtures.demoWorld(app, persons: 300)
            #expect(try await ConsentModel.query(on: app.db).count() > 50)
            // VDAB Ieper sees residents of Poelkapelle who consented, and only what the route carries.
            let token = try await Fixtures.token(app, email: "job-counsellor@vdab-ieper.demo", password: DemoWorld.password)
            var shared: [UUID] = []
            try await app.testing().test(.GET, "api/v1/persons?per=100", beforeRequest: { $0.bearer(token) }) { response in
                shared = try response.content.decode(RegistryAPITests.Listing<PersonSummaryDTO>.self).items.map(\.id)
            }
            #expect(!shared.isEmpty)
            let id = try #require(shared.first)
            try await app.testing().test(.GET, "api/v1/persons/\(id)", beforeRequest: { $0.bearer(token) }) { response in
                #expect(response.status == .ok)
                let person = try response.content.decode(PersonDTO.self)
                #expect(person.givenName != nil)
                #expect(person.withheld.contains { $0.category == .assessment })
            }
            // An analyst of the same office sees no one: refused by role, whatever the id, as on the pages.
            let analyst = try await Fixtures.token(app, email: "analyst@vdab-ieper.demo", password: DemoWorld.password)
            try await app.testing().test(.GET, "api/v1/persons/\(id)", beforeRequest: { $0.bearer(analyst) }) { response in
                #expect(response.status == .forbidden)
                #expect(!response.body.string.contains(id.uuidString))
            }
        }
    }

    @Test func aSecondBuildOnTheSameDatabaseIsRefused() async throws {
        try await withTestApp(.sqlite) { app in
            try await Fixtures.demoWorld(app, persons: 3)
            await #expect(throws: DemoWorldLoader.Problem.self) { try await Fixtures.demoWorld(app, persons: 3) }
            #expect(try await PersonModel.query(on: app.db).count() == 3)
        }
    }
}

@Suite("Demo world: the chain at work")
struct DemoActivityTests {
    @Test(arguments: TestDatabase.all)
    func theDemoWorldHoldsReferralsTrajectoriesAndConferencesInEveryState(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let summary = try await Fixtures.demoWorld(app, persons: 300)
            #expect(summary.activity.referrals == 70)
            let referrals = try await ReferralModel.query(on: app.db).all()
            #expect(Set(referrals.map(\.state)) == Set(ReferralState.allCases))
            let steps = try await TrajectoryStepModel.query(on: app.db).all()
            #expect(Set(steps.map(\.status)) == Set(TrajectoryStepStatus.allCases))
            // Dutch lessons run beside the work the referral led to.
            #expect(steps.contains { $0.kind == .dutchLessons && $0.status == .running && $0.levelReached != nil })
            let conferences = try await CaseConferenceModel.query(on: app.db).all()
            #expect(conferences.count >= 3)
            #expect(conferences.contains { $0.$followsUp.id != nil })
            #expect(conferences.contains { $0.heldOn > Fixtures.asOf })
            let actions = try await CaseConferenceItemModel.query(on: app.db).filter(\.$kind == .action).all()
            #expect(Set(actions.compactMap(\.status)) == Set(ConferenceActionStatus.allCases))
            let requests = try await EmployerRequestModel.query(on: app.db).all()
            #expect(Set(requests.map(\.state)) == Set(EmployerRequestState.allCases))
            // One refused referral was reconsidered after talks, and its history shows both decisions.
            var reconsidered = false
            for referral in referrals where referral.state == .inProgress {
                let actions = try await ReferralEventModel.query(on: app.db).filter(\.$referral.$id == referral.id!).sort(\.$position)
                    .all().map(\.action)
                if actions == [.send, .receive, .refuse, .reconsider, .accept, .start] { reconsidered = true }
            }
            #expect(reconsidered)

            // The Mechelen case (docs/domain.md#case-002) as data: OCMW Mechelen's ten training requests to VDAB
            // Mechelen, seven refused, two refused then started after talks, one started directly; each for an
            // offer.
            let ocmw = try #require(try await OrganisationModel.query(on: app.db).filter(\.$slug == "ocmw-mechelen").first())
            let training = try await ReferralModel.query(on: app.db).filter(\.$from.$id == ocmw.id!).filter(\.$purpose == .training).all()
            #expect(training.count == 10)
            #expect(training.filter { $0.state == .refused }.count == 7)
            #expect(training.filter { $0.state == .inProgress }.count == 3)
            #expect(training.allSatisfy { $0.$offer.id != nil && ($0.sentOn.map { $0.year == 2022 } ?? false) })
            var reasons: Set<RefusalReason> = []
            var startedAfterTalks = 0
            for referral in training {
                let history = try await ReferralEventModel.query(on: app.db).filter(\.$referral.$id == referral.id!).sort(\.$position).all()
                reasons.formUnion(history.compactMap(\.reasonCode))
                if history.map(\.action).contains(.reconsider) && referral.state == .inProgress { startedAfterTalks += 1 }
            }
            #expect(startedAfterTalks == 2)
            #expect(reasons.isSuperset(of: [.motivation, .funding, .technicalAdministrative, .dutchLevelTooLow, .dutchLevelTooHigh,
                                            .admissionRequirements]))
            // A seat was taken for each of the three who started.
            let offers = try await OfferModel.query(on: app.db).filter(\.$id ~~ training.compactMap { $0.$offer.id }).all()
            #expect(offers.map(\.seatsTaken).reduce(0, +) == 3)
            #expect(Set(offers.map(\.sector)).count == 8)

            // Through the API as its users see it: the receiver of a sent referral reads the snapshot the
            // rule allowed; the conference's persons are visible to its participants.
            let sent = try #require(referrals.first { $0.state == .received })
            let receiver = try #require(try await UserModel.query(on: app.db).filter(\.$organisation.$id == sent.$to.id)
                .filter(\.$role == .jobCounsellor).first())
            let token = try await Fixtures.token(app, email: receiver.email, password: DemoWorld.password)
            try await app.testing().test(.GET, "api/v1/referrals/\(sent.id!)", beforeRequest: { $0.bearer(token) }) { response in
                #expect(response.status == .ok)
                let dto = try response.content.decode(ReferralDTO.self)
                #expect(dto.snapshot?.givenName != nil)
                #expect(dto.history.map(\.action) == [.send, .receive])
            }
            let past = try #require(conferences.first { $0.$followsUp.id == nil && $0.heldOn < Fixtures.asOf })
            let organiser = try #require(try await UserModel.find(past.$createdBy.id, on: app.db))
            let organiserToken = try await Fixtures.token(app, email: organiser.email, password: DemoWorld.password)
            try await app.testing().test(.GET, "api/v1/case-conferences/\(past.id!)", beforeRequest: { $0.bearer(organiserToken) }) { response in
                #expect(response.status == .ok)
                let dto = try response.content.decode(CaseConferenceDTO.self)
                #expect(!dto.personIds.isEmpty)
                #expect(dto.items.count == 4)
            }
        }
    }
}
