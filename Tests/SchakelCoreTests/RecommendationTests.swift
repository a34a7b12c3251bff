import Foundation
import Testing
@testable import SchakelCore
@testable import SchakelDemo

@Suite struct RecommendationRankingTests {
    typealias F = OfferFixtures
    let today = OfferFixtures.today

    /// Wishes to cook, has worked as a kitchen helper, lives in Mechelen, takes the bus.
    var person: PersonProfile {
        F.person(competences: [.cooking], experience: [WorkExperienceRecord(occupation: "9412", years: 2, country: "SY")],
                 wishes: ["5120"])
    }

    @Test func offersAreRankedByFitWithTheirReasons() {
        let near = F.offer(occupation: "5120", municipality: F.mechelen)
        let province = F.offer(occupation: "5120", municipality: F.antwerpen)
        let far = F.offer(occupation: "5120", municipality: F.gent)
        let welding = F.offer(occupation: "7212", municipality: F.mechelen)
        let dutchTooGood = F.offer(occupation: "5120", municipality: F.mechelen, admission: AdmissionRequirements(maxDutch: .a2))
        let ranked = Recommendations.offers(for: person, among: [welding, far, dutchTooGood, province, near], today: today)
        #expect(ranked.map(\.offer.id) == [near.id, province.id, far.id, welding.id])
        #expect(ranked.map(\.fit.total) == [65, 51, 45, 35])

        let best = ranked[0]
        #expect(best.eligibility == EligibilityResult(findings: []))
        #expect(best.fit.wishes == 30 && best.fit.experience == 0 && best.fit.distance == 20 && best.fit.start == 10 && best.fit.seats == 5)
        #expect(best.fit.distanceClass == .sameMunicipality)
        #expect(best.fit.reasons == [.wishedOccupation("5120"), .distance(.sameMunicipality, mobility: .publicTransport),
                                     .startsIn(days: 14), .seatsLeft(12)])
        #expect(best.fit.reasons.map(\.summary) == ["wishes to work as 5120 Cook", "in the home municipality (mobility: public-transport)",
                                                    "starts in 14 days", "12 seats left"])
        #expect(ranked[1].fit.distanceClass == .sameProvince)
        #expect(ranked[2].fit.distanceClass == .elsewhere)
    }

    @Test func relatedOccupationsAndSharedCompetencesCountForLess() {
        let person = F.person(competences: [.cooking, .customerService],
                              experience: [WorkExperienceRecord(occupation: "9412", years: 2, country: "SY"),
                                           WorkExperienceRecord(occupation: "5131", years: 1, country: "SY")],
                              wishes: ["5120"])
        let waiter = Recommendations.fit(person: person, offer: F.offer(occupation: "5131", competences: [.customerService, .sales]), today: today)
        #expect(waiter.wishes == 12 && waiter.experience == 17 && waiter.competences == 5)
        #expect(waiter.reasons.prefix(3) == [.relatedToWish(offer: "5131", wish: "5120"), .experience(occupation: "5131", years: 1),
                                             .sharedCompetences([.customerService])])
        let hairdresser = Recommendations.fit(person: person, offer: F.offer(occupation: "5141"), today: today)
        #expect(hairdresser.wishes == 12 && hairdresser.experience == 7)
        #expect(hairdresser.reasons.contains(.relatedExperience(offer: "5141", experience: "5131", years: 1)))
        // Same major group (5, service and sales) but another sub-major group: no longer close.
        let shop = Recommendations.fit(person: person, offer: F.offer(occupation: "5223"), today: today)
        #expect(shop.wishes == 0 && shop.experience == 0)
        let kitchen = Recommendations.fit(person: person, offer: F.offer(occupation: "9412"), today: today)
        #expect(kitchen.wishes == 0 && kitchen.experience == 19)
        let dutchCourse = Recommendations.fit(person: person, offer: F.offer(kind: .dutchCourse, occupation: nil), today: today)
        #expect(dutchCourse.wishes == 0 && dutchCourse.experience == 0)
    }

    @Test func distanceWeighsMobility() {
        func distance(_ place: String, _ mobility: Mobility) -> Int {
            Recommendations.fit(person: F.person(mobility: mobility), offer: F.offer(municipality: place), today: today).distance
        }
        #expect(distance(F.mechelen, .limited) == 20)
        #expect(distance(F.lier, .publicTransport) == 12)
        #expect(distance(F.lier, .car) == 16)
        #expect(distance(F.lier, .limited) == 6)
        #expect(distance(F.turnhout, .bicycle) == 6)
        #expect(distance(F.gent, .car) == 4)
        #expect(distance(F.gent, .publicTransport) == 0)
        #expect(distance(F.gent, .limited) == -10)
    }

    @Test(arguments: [
        (OfferFixtures.mechelen, OfferFixtures.mechelen, DistanceClass.sameMunicipality),
        (OfferFixtures.mechelen, OfferFixtures.lier, .sameArrondissement),
        (OfferFixtures.antwerpen, OfferFixtures.turnhout, .sameProvince),
        (OfferFixtures.vilvoorde, OfferFixtures.leuven, .sameProvince), // 23 and 24: both Flemish Brabant
        (OfferFixtures.vilvoorde, OfferFixtures.brussel, .elsewhere), // 2x is not one province
        (OfferFixtures.brussel, "21009", .sameArrondissement),
        (OfferFixtures.mechelen, OfferFixtures.gent, .elsewhere),
        (OfferFixtures.mechelen, "", .elsewhere),
        ("1202", "1202", .elsewhere),
        ("12025x", OfferFixtures.mechelen, .elsewhere),
    ])
    func distanceClassesFollowTheNISCodes(home: String, place: String, expected: DistanceClass) {
        #expect(DistanceClass.between(home, place) == expected)
        #expect(DistanceClass.between(place, home) == expected)
    }

    @Test func scheduleStartSeatsAndLanguageComponents() {
        let evenings = F.person(availability: Availability(evenings: true))
        let nobody = F.person()
        #expect(Recommendations.fit(person: evenings, offer: F.offer(schedules: [.evening]), today: today).schedule == 3)
        let unmarked = Recommendations.fit(person: nobody, offer: F.offer(schedules: [.evening, .weekend]), today: today)
        #expect(unmarked.schedule == -10)
        #expect(unmarked.reasons.contains(.notMarkedAvailable([.evening, .weekend])))
        #expect(Recommendations.fit(person: nobody, offer: F.offer(schedules: [.day, .evening]), today: today).schedule == 0)
        let partTime = F.person(availability: Availability(partTimeOnly: true, weekends: true))
        #expect(Recommendations.fit(person: partTime, offer: F.offer(schedules: [.weekend]), today: today).schedule == 7)
        let working = Recommendations.fit(person: nobody, offer: F.offer(schedules: [.evening, .day]), today: today,
                                          circumstances: F.daytimeWork(until: nil))
        #expect(working.schedule == 10)
        #expect(working.reasons.contains(.besideDaytimeWork([.evening])))

        #expect(Recommendations.fit(person: nobody, offer: F.offer(kind: .vacancy, startsIn: -5), today: today).reasons.contains(.startsIn(days: 0)))
        #expect([3, 20, 45, 80, 150, 200].map { Recommendations.fit(person: nobody, offer: F.offer(startsIn: $0), today: today).start }
            == [10, 8, 6, 4, 2, 0])
        #expect([12, 3, 1, 0].map { Recommendations.fit(person: nobody, offer: F.offer(seats: $0 + 1, taken: 1), today: today).seats }
            == [5, 3, 1, 0])

        let french = F.offer(municipality: F.brussel, language: "fr")
        let speaksFrench = F.person(otherLanguages: [LanguageSkill(language: "fr", level: .b1, assessedOn: CalendarDate(2024, 1, 1))])
        #expect(Recommendations.fit(person: speaksFrench, offer: french, today: today).language == 5)
        let noFrench = Recommendations.fit(person: nobody, offer: french, today: today)
        #expect(noFrench.language == -10)
        #expect(noFrench.reasons.last == .taughtInUnspokenLanguage("fr"))
        #expect(Recommendations.fit(person: nobody, offer: F.offer(), today: today).language == 0)
    }

    @Test func unknownOffersComeOnlyWhenAskedAndAfterTheEligibleOnes() {
        let person = F.person(education: [])
        let bestButUnknown = F.offer(occupation: "5120", admission: AdmissionRequirements(minEducation: .upperSecondary))
        let eligible = F.offer(occupation: "7212", municipality: F.gent)
        #expect(Recommendations.offers(for: person, among: [bestButUnknown, eligible], today: today).map(\.offer.id) == [eligible.id])
        let both = Recommendations.offers(for: person, among: [bestButUnknown, eligible], today: today, includeUnknown: true)
        #expect(both.map(\.offer.id) == [eligible.id, bestButUnknown.id])
        #expect(both[1].fit.total > both[0].fit.total)
        #expect(both[1].eligibility.findings == [.educationUnknown(required: .upperSecondary)])
    }

    @Test func tiesAreBrokenByStartThenIdentifierWhateverTheInputOrder() {
        let a = F.offer(startsIn: 10, id: F.uuid(1)), b = F.offer(startsIn: 10, id: F.uuid(2)), c = F.offer(startsIn: 10, id: F.uuid(3))
        let sooner = F.offer(startsIn: 3, id: F.uuid(9)) // same points (both within two weeks), earlier start
        var random = SeededGenerator(seed: 7)
        for _ in 0..<20 {
            let ranked = Recommendations.offers(for: person, among: random.permuted([a, b, c, sooner]), today: today)
            #expect(ranked.map(\.offer.id) == [sooner.id, a.id, b.id, c.id])
        }
    }

    @Test func offersThatCompareEqualKeepTheInputOrder() {
        // The same offer listed twice (a second version of it, say): nothing tells them apart but the input.
        let first = F.offer(id: F.uuid(4))
        var second = first
        second.title = "Second version"
        for limit in [5, 300] { // kept sorted as they come, and sorted at the end
            #expect(Recommendations.offers(for: person, among: [first, second], today: today, limit: limit).map(\.offer.title)
                == ["Test offer", "Second version"])
            #expect(Recommendations.offers(for: person, among: [second, first], today: today, limit: limit).map(\.offer.title)
                == ["Second version", "Test offer"])
        }
    }

    @Test func theLimitCutsTheSameRankingAtAnyLength() {
        let world = DemoWorld(seed: 8)
        let offers = DemoOfferGenerator(world: world, asOf: today).offers(0..<1500)
        let person = DemoPersonGenerator(world: world, asOf: today).profile(at: 4)
        let all = Recommendations.offers(for: person, among: offers, today: today, limit: 1000, includeUnknown: true)
        #expect(all.count > 40)
        for limit in [1, 5, 20, 256, 257] {
            let cut = Recommendations.offers(for: person, among: offers, today: today, limit: limit, includeUnknown: true)
            #expect(cut == Array(all.prefix(limit)), "limit \(limit)")
        }
        #expect(Recommendations.offers(for: person, among: offers, today: today, limit: 0).isEmpty)
        #expect(Recommendations.offers(for: person, among: [], today: today).isEmpty)
    }
}

@Suite struct CandidateRankingTests {
    typealias F = OfferFixtures
    let today = OfferFixtures.today

    @Test func candidatesAreTheEligiblePeopleBestFitFirst() {
        let offer = F.offer(occupation: "5120", schedules: [.day], admission: AdmissionRequirements(minDutch: .a2))
        let near = F.person(home: F.mechelen, id: F.uuid(5))
        let far = F.person(home: F.gent, id: F.uuid(1))
        let tooLittleDutch = F.person(dutch: [(.a1, CalendarDate(2026, 2, 1))], id: F.uuid(2))
        let worksDays = F.person(id: F.uuid(3))
        let noDutchOnRecord = F.person(dutch: [], id: F.uuid(4))
        let everyone = [far, tooLittleDutch, worksDays, noDutchOnRecord, near]
        let circumstances = [worksDays.id: F.daytimeWork(until: nil)]
        let ranked = Recommendations.candidates(for: offer, among: everyone, today: today, circumstances: circumstances)
        #expect(ranked.map(\.person.id) == [near.id, far.id])
        #expect(ranked[0].fit.reasons.first == .wishedOccupation("5120"))
        #expect(ranked[0].fit.total > ranked[1].fit.total)

        let withUnknown = Recommendations.candidates(for: offer, among: everyone, today: today, includeUnknown: true,
                                                     circumstances: circumstances)
        #expect(withUnknown.map(\.person.id) == [near.id, far.id, noDutchOnRecord.id])
        #expect(withUnknown[2].eligibility.verdict == .unknown)
        // Without the circumstances the person who works days is a candidate like the others.
        #expect(Recommendations.candidates(for: offer, among: everyone, today: today).map(\.person.id).contains(worksDays.id))
    }

    @Test func equalCandidatesAreOrderedByIdentifierWhateverTheInputOrder() {
        let offer = F.offer()
        let people = (1...6).map { F.person(id: F.uuid(UInt8($0))) }
        var random = SeededGenerator(seed: 11)
        for _ in 0..<20 {
            #expect(Recommendations.candidates(for: offer, among: random.permuted(people), today: today, limit: 4).map(\.person.id)
                == people.prefix(4).map(\.id))
        }
    }
}

/// The scans take shortcuts (a verdict without findings, scores without reasons, a bounded
/// ranking); their answers must be those of the plain definition: evaluate everything, sort by
/// the documented order, cut.
@Suite struct RecommendationOracleTests {
    typealias F = OfferFixtures
    let today = OfferFixtures.today
    let world = DemoWorld(seed: 21)

    static func precedes(_ a: (verdict: EligibilityVerdict, total: Int, start: CalendarDate, id: UUID),
                         _ b: (verdict: EligibilityVerdict, total: Int, start: CalendarDate, id: UUID)) -> Bool {
        let rank: (EligibilityVerdict) -> Int = { $0 == .eligible ? 0 : 1 }
        return (rank(a.verdict), -a.total, a.start, a.id.uuidString) < (rank(b.verdict), -b.total, b.start, b.id.uuidString)
    }

    @Test(arguments: [false, true])
    func offersForAPersonAreThoseOfThePlainDefinition(includeUnknown: Bool) {
        let offers = DemoOfferGenerator(world: world, asOf: today).offers(0..<400)
        let persons = DemoPersonGenerator(world: world, asOf: today).profiles(0..<25)
        var random = SeededGenerator(seed: 0x0AC1E)
        for person in persons {
            let circumstances = random.chance(0.3) ? F.daytimeWork(until: today.adding(days: 60)) : .none
            let limit = random.pick([3, 10, 20, 300])
            let expected = offers.map { offer in
                (offer: offer, eligibility: Eligibility.evaluate(person: person, offer: offer, today: today, circumstances: circumstances),
                 fit: Recommendations.fit(person: person, offer: offer, today: today, circumstances: circumstances))
            }
            .filter { $0.eligibility.verdict == .eligible || (includeUnknown && $0.eligibility.verdict == .unknown) }
            .sorted {
                Self.precedes(($0.eligibility.verdict, $0.fit.total, max($0.offer.startsOn, today), $0.offer.id),
                              ($1.eligibility.verdict, $1.fit.total, max($1.offer.startsOn, today), $1.offer.id))
            }
            .prefix(limit)
            let actual = Recommendations.offers(for: person, among: offers, today: today, limit: limit,
                                                includeUnknown: includeUnknown, circumstances: circumstances)
            #expect(actual.map(\.offer) == expected.map(\.offer))
            #expect(actual.map(\.eligibility) == expected.map(\.eligibility))
            #expect(actual.map(\.fit) == expected.map(\.fit))
        }
    }

    @Test func candidatesForAnOfferAreThoseOfThePlainDefinition() {
        let offers = DemoOfferGenerator(world: world, asOf: today).offers(0..<12)
        let persons = DemoPersonGenerator(world: world, asOf: today).profiles(0..<1500)
        var random = SeededGenerator(seed: 0xCA4D)
        var circumstances: [UUID: Eligibility.Circumstances] = [:]
        for person in persons where random.chance(0.2) { circumstances[person.id] = F.daytimeWork(until: nil) }
        var found = 0
        for offer in offers {
            let expected = persons.map { person in
                (person: person, eligibility: Eligibility.evaluate(person: person, offer: offer, today: today,
                                                                   circumstances: circumstances[person.id] ?? .none),
                 fit: Recommendations.fit(person: person, offer: offer, today: today, circumstances: circumstances[person.id] ?? .none))
            }
            .filter { $0.eligibility.verdict != .ineligible }
            .sorted {
                Self.precedes(($0.eligibility.verdict, $0.fit.total, today, $0.person.id),
                              ($1.eligibility.verdict, $1.fit.total, today, $1.person.id))
            }
            .prefix(15)
            let actual = Recommendations.candidates(for: offer, among: persons, today: today, limit: 15, includeUnknown: true,
                                                    circumstances: circumstances)
            #expect(actual.map(\.person.id) == expected.map(\.person.id))
            #expect(actual.map(\.eligibility) == expected.map(\.eligibility))
            #expect(actual.map(\.fit) == expected.map(\.fit))
            found += actual.count
        }
        #expect(found > 60)
    }
}
