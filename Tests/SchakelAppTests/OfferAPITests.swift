import Foundation
import Testing
import VaporTesting
@testable import SchakelApp
import SchakelCore

@Suite("Offers, eligibility and recommendations through the API")
struct OfferAPITests {
    @Test(arguments: TestDatabase.all)
    func theCatalogueFiltersAndRecommendationsKeepToWhatTheReaderMaySee(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let summary = try await Fixtures.demoWorld(app, persons: 200)
            #expect(summary.offers == 300)
            let api = JSONAPI(app: app)
            let vdab = try await api.token("job-counsellor", "vdab-ieper")
            let analyst = try await api.token("analyst", "vdab-ieper")

            // The catalogue, filtered; a filter that is not a code names the field.
            #expect(try await api.get("offers?per=5", token: vdab)["metadata"].flatMap { ($0 as? [String: Any])?["total"] as? Int } == 300)
            let evening = try await api.get("offers?schedule=evening&per=100", token: vdab)
            #expect(!evening.items.isEmpty)
            #expect(evening.items.allSatisfy { (($0["offer"] as? [String: Any])?["schedules"] as? [String])?.contains("evening") == true })
            let courses = try await api.get("offers?kind=dutch-course&per=100", token: vdab)
            #expect(courses.items.allSatisfy { ($0["offer"] as? [String: Any])?["kind"] as? String == "dutch-course" })
            let bad = try await api.get("offers?kind=cooking", token: vdab)
            #expect(bad.status == .unprocessableEntity)
            #expect((bad["error"] as? [String: Any])?["field"] as? String == "kind")

            // A person VDAB Ieper may see (shared by the reception centre): offers that fit, none refused, each with reasons.
            let shared = try await api.get("persons?per=100", token: vdab).items.compactMap { $0["id"] as? String }
            let person = try #require(shared.first)
            let fitting = try await api.get("offers?eligibleFor=\(person)&per=100", token: vdab)
            #expect(fitting.status == .ok)
            #expect(fitting.items.allSatisfy { ($0["eligibility"] as? [String: Any])?["verdict"] as? String != "ineligible" })
            let recommended = try await api.get("persons/\(person)/recommendations?limit=10", token: vdab)
            #expect(recommended.status == .ok)
            let totals = recommended.list.compactMap { ($0["fit"] as? [String: Any])?["total"] as? Int }
            #expect(totals == totals.sorted(by: >))
            #expect(recommended.list.allSatisfy { ($0["eligibility"] as? [String: Any])?["verdict"] as? String == "eligible" })
            // Analysts never look at a person, not even through an offer.
            #expect(try await api.get("persons/\(person)/recommendations", token: analyst).status == .forbidden)
            // A person VDAB Ieper may not see is not found, in the filter too.
            let other = try await api.token("social-worker", "ocmw-mechelen")
            let ocmwPerson = try #require(try await api.get("persons?per=1", token: other).items.first?["id"] as? String)
            #expect(try await api.get("persons/\(ocmwPerson)/recommendations", token: vdab).status == .notFound)
            #expect(try await api.get("offers?eligibleFor=\(ocmwPerson)", token: vdab).status == .unprocessableEntity)

            // Candidates for an offer recommended to the person: the person is among them, and only persons the reader may see.
            #expect(shared.count < 100)
            let offer = try #require(recommended.list.first?["offer"] as? [String: Any])
            let candidates = try await api.get("offers/\(offer["id"] as! String)/candidates?includeUnknown=true&limit=100", token: vdab)
            #expect(candidates.status == .ok)
            #expect(candidates.list.contains { $0["personId"] as? String == person })
            let visible = Set(shared)
            #expect(candidates.list.allSatisfy { visible.contains($0["personId"] as? String ?? "") })
        }
    }

    @Test(arguments: TestDatabase.all)
    func aWithheldCategoryMakesTheVerdictUnknownNotIneligible(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let world = try await PrivacyWorld.build(app)
            let api = JSONAPI(app: app)
            // An offer that needs the right to work and some Dutch: the person has both (applicant since March, Dutch A1).
            let offer = Offer(id: UUID(), providerOrganisationID: try world.organisations[.partnerWithConsent]!.requireID(), kind: .training,
                              title: "Magazijnmedewerker", sector: "logistiek", occupation: "9333", region: "40000", municipality: "44021",
                              schedules: [.day], startsOn: CalendarDate(2026, 10, 5), seats: 12, funding: .vdab,
                              admission: AdmissionRequirements(minDutch: .a1, requiresRightToWork: true))
            try await OfferModel(offer, now: Date()).create(on: app.db)
            func verdict(_ token: String) async throws -> (String?, [String]) {
                let answer = try await api.get("offers?eligibleFor=\(world.personID)", token: token)
                let item = answer.items.first { ($0["offer"] as? [String: Any])?["id"] as? String == offer.id.uuidString }
                let eligibility = item?["eligibility"] as? [String: Any]
                return (eligibility?["verdict"] as? String, (eligibility?["findings"] as? [[String: Any]] ?? []).compactMap { $0["code"] as? String })
            }
            // The owner sees the legal status: eligible.
            #expect(try await verdict(world.tokens[.owner]![.socialWorker]!).0 == "eligible")
            // The partner sees languages but not the legal status: the right to work is unknown to it, not missing.
            let (partnerVerdict, codes) = try await verdict(world.tokens[.partnerWithConsent]![.jobCounsellor]!)
            #expect(partnerVerdict == "unknown")
            #expect(codes.contains("right-to-work-unknown") || codes.contains("status-unknown"))
        }
    }
}
