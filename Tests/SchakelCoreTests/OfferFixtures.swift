import Foundation
@testable import SchakelCore

/// Small factories for the offer, eligibility and recommendation tests.
enum OfferFixtures {
    static let today = CalendarDate(2026, 9, 21)
    static let mechelen = "12025", lier = "12021", antwerpen = "11002", turnhout = "13040", gent = "44021"
    static let brussel = "21004", vilvoorde = "23088", leuven = "24062"

    static func person(
        dutch: [(CEFRLevel, CalendarDate)] = [(.b1, CalendarDate(2026, 3, 3))],
        education: [EducationRecord] = [EducationRecord(level: .upperSecondary, field: "general", country: "SY", recognition: .recognised)],
        status: [LegalStatusRecord] = [LegalStatusRecord(status: .recognisedRefugee, since: CalendarDate(2024, 1, 10))],
        request: CalendarDate? = nil,
        competences: [Competence] = [.cooking],
        experience: [WorkExperienceRecord] = [WorkExperienceRecord(occupation: "5120", years: 3, country: "SY")],
        wishes: [String] = ["5120"],
        home: String = mechelen,
        availability: Availability = Availability(),
        mobility: Mobility = .publicTransport,
        otherLanguages: [LanguageSkill] = [LanguageSkill(language: "ar", level: .c2, assessedOn: CalendarDate(2023, 5, 1), isMotherTongue: true)],
        id: UUID = UUID()
    ) -> PersonProfile {
        PersonProfile(
            id: id, reference: "SCH-TEST", ownerOrganisationID: UUID(), birthYear: 1990, countryOfOrigin: "SY",
            homeMunicipality: home, arrivedOn: CalendarDate(2023, 5, 1), protectionRequestedOn: request,
            statusHistory: status,
            languages: otherLanguages + dutch.map { LanguageSkill(language: "nl", level: $0.0, assessedOn: $0.1) },
            education: education, workExperience: experience, competences: competences, jobWishes: wishes,
            constraints: Constraints(mobility: mobility), availability: availability)
    }

    static func offer(
        kind: OfferKind = .training,
        occupation: String? = "5120",
        competences: [Competence] = [],
        municipality: String = mechelen,
        schedules: OfferSchedules = [.day],
        startsIn days: Int = 14,
        endsOn: CalendarDate? = nil,
        seats: Int = 12,
        taken: Int = 0,
        funding: OfferFunding = .vdab,
        language: String = "nl",
        admission: AdmissionRequirements = .none,
        id: UUID = UUID()
    ) -> Offer {
        let region = ReferenceRegions.municipalities.first { $0.nisCode == municipality }?.regionCode ?? "10000"
        return Offer(id: id, providerOrganisationID: UUID(), kind: kind, title: "Test offer", sector: "horeca",
                     occupation: occupation, competences: competences, region: region, municipality: municipality,
                     schedules: schedules, startsOn: today.adding(days: days), endsOn: endsOn, seats: seats,
                     seatsTaken: taken, funding: funding, instructionLanguage: language, admission: admission)
    }

    /// A running step that fills the person's days (article 60, TWE).
    static func daytimeWork(until end: CalendarDate?) -> Eligibility.Circumstances {
        Eligibility.Circumstances(steps: [
            TrajectoryStep(id: UUID(), kind: .temporaryWorkExperience, status: .running,
                           startsOn: CalendarDate(2026, 1, 5), endsOn: end),
        ], today: today)
    }

    /// UUIDs in a known byte order: 1 < 2 < 3.
    static func uuid(_ n: UInt8) -> UUID {
        UUID(uuid: (0, 0, 0, 0, 0, 0, 0x40, 0, 0x80, 0, 0, 0, 0, 0, 0, n))
    }

    static func findings(_ person: PersonProfile, _ offer: Offer,
                         circumstances: Eligibility.Circumstances = .none) -> [EligibilityFinding] {
        Eligibility.evaluate(person: person, offer: offer, today: today, circumstances: circumstances).findings
    }

    static func verdict(_ person: PersonProfile, _ offer: Offer,
                        circumstances: Eligibility.Circumstances = .none) -> EligibilityVerdict {
        Eligibility.evaluate(person: person, offer: offer, today: today, circumstances: circumstances).verdict
    }
}

extension SeededGenerator {
    /// Fisher–Yates with this generator, so a shuffle repeats with the seed.
    mutating func permuted<T>(_ items: [T]) -> [T] {
        var items = items
        guard items.count > 1 else { return items }
        for i in stride(from: items.count - 1, to: 0, by: -1) { items.swapAt(i, below(i + 1)) }
        return items
    }
}
