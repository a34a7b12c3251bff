import Foundation
import SchakelCore

/// Generates synthetic offers for the demo world and the benchmarks: trainings, Dutch courses,
/// civic orientation, vacancies and places, spread over the municipalities, with the kinds of
/// admission rules the Mechelen requests ran into (Dutch floors and ceilings, diplomas, right to work,
/// statuses; docs/domain.md#case-002).
///
/// Offer `i` is drawn from its own stream derived from (seed, i), like `DemoPersonGenerator`,
/// so any slice can be generated on its own and the same seed and day give the same offers.
public struct DemoOfferGenerator: Sendable {
    public let seed: UInt64
    public let asOf: CalendarDate
    private let providers: [OfferKind: [UUID]]
    private let municipalities: [Municipality]

    public init(world: DemoWorld, asOf: CalendarDate) {
        self.seed = world.seed
        self.asOf = asOf
        func ids(_ kinds: [OrganisationKind]) -> [UUID] {
            world.organisations.filter { kinds.contains($0.kind) }.map(\.id)
        }
        let training = ids([.employmentService, .trainingProvider])
        let integration = ids([.integration])
        let employers = ids([.employer])
        let workExperience = ids([.learningWorkCompany, .ocmw])
        providers = [
            .training: training, .dutchCourse: integration, .civicOrientation: integration,
            .vacancy: employers + ids([.employmentService]), .iboPlace: employers,
            .workExperiencePlace: workExperience, .internshipPlace: employers + ids([.learningWorkCompany]),
        ]
        municipalities = ReferenceRegions.municipalities
    }

    public func offers(_ range: Range<Int>) -> [Offer] { range.map(offer(at:)) }

    public func offer(at index: Int) -> Offer {
        var random = SeededGenerator(seed: DemoPersonGenerator.mix(seed &+ 0x0FFE_5EED_0000_0001 &* UInt64(index + 1)))
        let id = random.uuid()
        let kind = random.pick(weighted: [(OfferKind.training, 35), (.dutchCourse, 15), (.civicOrientation, 5), (.vacancy, 25),
                                          (.iboPlace, 8), (.workExperiencePlace, 7), (.internshipPlace, 5)])
        let candidates = providers[kind] ?? []
        let provider = candidates.isEmpty ? random.uuid() : random.pick(candidates)
        let place = random.pick(municipalities)
        let occupation = random.pick(ISCO08.occupations)
        let brussels = place.regionCode == ReferenceRegions.brussel.nisCode
        let language = brussels && random.chance(0.3) ? "fr" : random.chance(0.03) ? "en" : "nl"
        let startsOn = asOf.adding(days: random.int(in: -60...180))
        let competences = DemoPersonGenerator.competenceFor[occupation.code].map { [$0] } ?? []

        var schedules = OfferSchedules()
        var admission = AdmissionRequirements()
        let title: String, sector: String, offerOccupation: String?
        let seats: Int, funding: OfferFunding, endsOn: CalendarDate?
        switch kind {
        case .training:
            title = "Opleiding \(occupation.nameNL.lowercased())"
            sector = DemoOfferGenerator.sector(occupation.code)
            offerOccupation = occupation.code
            schedules.insert(random.pick(weighted: [(.day, 60), (.evening, 25), (.weekend, 5), (.selfPaced, 10)]))
            if random.chance(0.3) { schedules.insert(.partTime) }
            seats = random.int(in: 6...16)
            funding = random.pick(weighted: [(.vdab, 60), (.free, 10), (.esf, 10), (.ocmw, 5), (.participant, 10), (.other, 5)])
            endsOn = startsOn.adding(days: random.int(in: 30...300))
            if random.chance(0.7) { admission.minDutch = random.pick([.a1, .a2, .a2, .b1]) }
            // Short "switch" trainings for people still learning Dutch: Mechelen's "Dutch too good".
            if admission.minDutch == nil, random.chance(0.15) { admission.maxDutch = random.pick([.a1, .a2]) }
            if random.chance(0.3) { admission.minEducation = random.pick([.lowerSecondary, .upperSecondary]) }
            admission.requiresRecognisedDiploma = admission.minEducation != nil && random.chance(0.15)
            admission.requiresRightToWork = random.chance(0.5)
            if random.chance(0.1), let competence = competences.first {
                admission.prerequisites.competences = [competence]
            }
        case .dutchCourse:
            let target = random.pick([CEFRLevel.a1, .a2, .a2, .b1, .b1, .b2])
            let below = CEFRLevel.allCases[target.rank - 1]
            title = "NT2 richtgraad \(target.rawValue)"
            sector = "onderwijs"
            offerOccupation = nil
            schedules.insert(random.pick(weighted: [(.day, 50), (.evening, 35), (.weekend, 10), (.selfPaced, 5)]))
            seats = random.int(in: 10...20)
            funding = random.pick(weighted: [(.free, 70), (.vdab, 20), (.participant, 10)])
            endsOn = startsOn.adding(days: random.int(in: 60...150))
            // A course takes people one level below its target, not higher.
            admission.minDutch = below == .preA1 ? nil : below
            admission.maxDutch = below
        case .civicOrientation:
            title = "Maatschappelijke oriëntatie"
            sector = "inburgering"
            offerOccupation = nil
            schedules.insert(random.pick(weighted: [(.day, 70), (.evening, 20), (.weekend, 10)]))
            seats = random.int(in: 12...20)
            funding = .free
            endsOn = startsOn.adding(days: random.int(in: 20...60))
        case .vacancy:
            title = "Vacature \(occupation.nameNL.lowercased())"
            sector = DemoOfferGenerator.sector(occupation.code)
            offerOccupation = occupation.code
            schedules.insert(.day)
            if random.chance(0.3) { schedules.insert(.partTime) }
            if random.chance(0.1) { schedules.insert(.evening) }
            if random.chance(0.15) { schedules.insert(.weekend) }
            seats = random.int(in: 1...3)
            funding = .employer
            endsOn = nil
            admission.requiresRightToWork = true
            if random.chance(0.5) { admission.minDutch = random.pick([.a2, .b1]) }
            if random.chance(0.3) {
                admission.prerequisites.experienceInAnyOf = [occupation.code]
                admission.prerequisites.minimumYears = random.int(in: 1...3)
            }
        case .iboPlace, .workExperiencePlace, .internshipPlace:
            let label = kind == .iboPlace ? "IBO" : kind == .workExperiencePlace ? "Werkervaringsplaats" : "Stageplaats"
            title = "\(label) \(occupation.nameNL.lowercased())"
            sector = DemoOfferGenerator.sector(occupation.code)
            offerOccupation = occupation.code
            schedules.insert(.day)
            if random.chance(0.25) { schedules.insert(.partTime) }
            seats = random.int(in: 1...4)
            funding = kind == .workExperiencePlace ? .ocmw : kind == .iboPlace ? .vdab : .employer
            endsOn = startsOn.adding(days: random.int(in: 90...365))
            admission.requiresRightToWork = kind != .internshipPlace || random.chance(0.5)
            if random.chance(0.4) { admission.minDutch = .a2 }
            if kind == .workExperiencePlace, random.chance(0.5) {
                // Article 60 is for people with a right to social integration: protection statuses.
                admission.allowedStatuses = [.recognisedRefugee, .subsidiaryProtection, .resettledRefugee,
                                             .temporaryProtection, .familyReunification]
            }
            if kind == .internshipPlace, random.chance(0.4) { admission.minEducation = .upperSecondary }
        }
        if random.chance(0.35) {
            admission.requiredDocuments = random.pick([["identiteitskaart"], ["identiteitskaart", "diploma"],
                                                       ["inschrijving als werkzoekende"], ["attest NT2"]])
        }
        return Offer(id: id, providerOrganisationID: provider, kind: kind, title: title, sector: sector,
                     occupation: offerOccupation, competences: offerOccupation == nil ? [] : competences,
                     region: place.regionCode, municipality: place.nisCode, schedules: schedules, startsOn: startsOn,
                     endsOn: endsOn, seats: seats, seatsTaken: random.int(in: 0...seats), funding: funding,
                     instructionLanguage: kind == .dutchCourse ? "nl" : language, admission: admission)
    }

    /// The Mechelen requests' sectors (docs/domain.md#case-002): care, logistics, ICT, industry, construction,
    /// hospitality, retail, administration.
    static func sector(_ occupation: String) -> String {
        switch occupation {
        case "2221", "5311", "5321", "5322": return "zorg"
        case "4321", "8322", "8332", "8344", "9321": return "logistiek"
        case "2512": return "ict"
        case "3115", "7212", "7231", "7531": return "industrie"
        case "7112", "7115", "7126", "7411", "9313": return "bouw"
        case "5120", "5131", "7512", "9412": return "horeca"
        case "5141", "5223": return "retail"
        case "3313", "4110": return "administratie"
        case "2341": return "onderwijs"
        case "6111": return "land- en tuinbouw"
        case "9112": return "schoonmaak"
        default: return "andere"
        }
    }
}
