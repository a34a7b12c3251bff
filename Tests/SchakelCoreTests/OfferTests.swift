import Foundation
import Testing
@testable import SchakelCore
@testable import SchakelDemo

@Suite struct OfferTests {
    typealias F = OfferFixtures
    let today = OfferFixtures.today

    @Test func anOfferTravelsAsJSONWithKebabCaseValues() throws {
        let offer = F.offer(kind: .dutchCourse, schedules: [.weekend, .evening, .partTime], endsOn: CalendarDate(2027, 1, 31),
                            funding: .participant,
                            admission: AdmissionRequirements(minDutch: .preA1, maxDutch: .a1, minEducation: .primary,
                                                             requiresRecognisedDiploma: true, requiresRightToWork: true,
                                                             allowedStatuses: [.recognisedRefugee, .temporaryProtection],
                                                             prerequisites: Prerequisites(competences: [.basicIT], experienceInAnyOf: ["4110"], minimumYears: 2),
                                                             requiredDocuments: ["attest NT2"]))
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let data = try encoder.encode(offer)
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains(#""kind":"dutch-course""#))
        #expect(text.contains(#""schedules":["evening","weekend","part-time"]"#))
        #expect(text.contains(#""minDutch":"pre-A1""#))
        #expect(text.contains(#""startsOn":"2026-10-05""#))
        #expect(text.contains(#""competences":["basic-it"]"#))
        #expect(try JSONDecoder().decode(Offer.self, from: data) == offer)
    }

    @Test func schedulesAreASetInDeclarationOrder() throws {
        let schedules: OfferSchedules = [.selfPaced, .day, .day]
        #expect(Array(schedules) == [.day, .selfPaced])
        #expect(schedules == OfferSchedules([.day, .selfPaced]))
        #expect(schedules.contains(.day) && !schedules.contains(.evening))
        #expect(schedules.containsAny(of: [.evening, .selfPaced]))
        #expect(!schedules.containsAny(of: [.evening, .weekend]))
        #expect(schedules.intersection([.selfPaced, .weekend]) == [.selfPaced])
        #expect(OfferSchedules().isEmpty && OfferSchedules().description == "none")
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(OfferSchedules.self, from: Data(#"["day","night"]"#.utf8)) }
    }

    @Test func theFastRankOfALevelIsItsRank() {
        #expect(CEFRLevel.allCases.map(\.fastRank) == CEFRLevel.allCases.map(\.rank))
    }

    @Test func seatsLeftAndTheEffectiveStart() {
        #expect(F.offer(seats: 4, taken: 6).seatsLeft == 0)
        #expect(F.offer(seats: 4, taken: 1).seatsLeft == 3)
        #expect(F.offer(startsIn: -10).effectiveStart(today: today) == today)
        #expect(F.offer(startsIn: 10).effectiveStart(today: today) == today.adding(days: 10))
        #expect(F.offer(startsIn: -1).hasStartedWithoutLateEntry(today: today))
        #expect(!F.offer(kind: .workExperiencePlace, startsIn: -1).hasStartedWithoutLateEntry(today: today))
        #expect(!F.offer(kind: .civicOrientation, schedules: [.selfPaced], startsIn: -1).hasStartedWithoutLateEntry(today: today))
        #expect(OfferKind.allCases.filter(\.isFollowedBesideWork) == [.training, .dutchCourse, .civicOrientation])
    }

    @Test func theDemoOffersRepeatWithTheSeedAndVary() {
        let world = DemoWorld(seed: 4)
        let generator = DemoOfferGenerator(world: world, asOf: today)
        let offers = generator.offers(0..<800)
        #expect(offers == DemoOfferGenerator(world: DemoWorld(seed: 4), asOf: today).offers(0..<800))
        #expect(generator.offer(at: 321) == generator.offers(300..<400)[21])
        #expect(offers.prefix(50) != DemoOfferGenerator(world: DemoWorld(seed: 5), asOf: today).offers(0..<50)[...])
        #expect(Set(offers.map(\.id)).count == offers.count)
        #expect(Set(offers.map(\.kind)) == Set(OfferKind.allCases))
        #expect(Set(offers.map(\.funding)) == Set(OfferFunding.allCases))
        let municipalities = Dictionary(uniqueKeysWithValues: ReferenceRegions.municipalities.map { ($0.nisCode, $0.regionCode) })
        let providers = Set(world.organisations.map(\.id))
        for offer in offers {
            #expect(municipalities[offer.municipality] == offer.region)
            #expect(providers.contains(offer.providerOrganisationID))
            #expect((0...offer.seats).contains(offer.seatsTaken))
            #expect(offer.endsOn.map { $0 > offer.startsOn } ?? true)
            #expect(!offer.schedules.isEmpty)
            if let occupation = offer.occupation { #expect(ISCO08.occupation(code: occupation) != nil) }
            if let low = offer.admission.minDutch, let high = offer.admission.maxDutch { #expect(low <= high) }
        }
        // Mechelen's refusal reasons are in the data: Dutch ceilings, floors, diplomas, statuses, who pays.
        #expect(offers.contains { $0.kind == .training && $0.admission.maxDutch != nil })
        #expect(offers.contains { $0.admission.requiresRecognisedDiploma })
        #expect(offers.contains { $0.admission.allowedStatuses != nil })
        #expect(offers.contains { $0.schedules.contains(.evening) } && offers.contains { $0.schedules.contains(.weekend) })
        #expect(offers.contains { $0.instructionLanguage == "fr" })
    }

    @Test func theBenchmarkReportsBothQueriesWithABaseline() {
        let report = RecommendationBenchmark.run(offers: 300, persons: 400, repetitions: 3)
        #expect(report.lines.count == 5)
        #expect(report.lines[1].hasPrefix("one person against 300 offers: median"))
        #expect(report.lines[2].hasPrefix("one offer against 400 persons: median"))
        #expect(report.lines.allSatisfy { $0.contains("baseline") || !$0.contains("ratio") })
        for timing in [report.personAgainstOffers, report.offerAgainstPersons] {
            #expect(timing.p90 >= timing.median)
            #expect(timing.baselineMedian > .zero)
            #expect(timing.ratio > 0)
        }
        #expect(report.averageResults.offers > 0 && report.averageResults.persons > 0)
        #expect(RecommendationBenchmark.percentile([.milliseconds(3), .milliseconds(1), .milliseconds(2)], 0.5) == .milliseconds(2))
        #expect(RecommendationBenchmark.percentile((1...10).map { .milliseconds($0) }, 0.9) == .milliseconds(9))
    }
}
