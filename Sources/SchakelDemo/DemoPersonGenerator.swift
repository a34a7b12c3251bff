import Foundation
import SchakelCore

/// Generates synthetic newcomers: plausible, varied, and no one real.
///
/// Person `i` is drawn from its own random stream derived from (seed, i), so the same seed gives
/// the same people whatever the batch size, and any slice can be generated without the rest.
/// Dates are drawn relative to `asOf`: the same seed and day give the same world.
public struct DemoPersonGenerator: Sendable {
    public let seed: UInt64
    public let asOf: CalendarDate
    private let owners: [(DemoWorld.Organisation, Int)]
    private let municipalitiesByRegion: [String: [String]]
    private let municipalityNames: [String: String]

    public init(world: DemoWorld, asOf: CalendarDate) {
        self.seed = world.seed
        self.asOf = asOf
        self.owners = world.organisations.compactMap { organisation in
            let weight: Int
            switch organisation.kind {
            case .reception: weight = 12
            case .integration: weight = organisation.slug == "in-gent" ? 8 : 5
            case .employmentService: weight = 3
            case .ocmw: weight = 6
            case .intensiveGuidance: weight = 3
            default: return nil
            }
            return (organisation, weight)
        }
        self.municipalitiesByRegion = Dictionary(grouping: ReferenceRegions.municipalities, by: \.regionCode)
            .mapValues { $0.map(\.nisCode) }
        self.municipalityNames = Dictionary(uniqueKeysWithValues: ReferenceRegions.municipalities.map { ($0.nisCode, $0.nameNL) })
    }

    public func profiles(_ range: Range<Int>) -> [PersonProfile] { range.map(profile(at:)) }

    public func profile(at index: Int) -> PersonProfile {
        var random = SeededGenerator(seed: DemoPersonGenerator.mix(seed &+ 0xD1B5_4A32_D192_ED03 &* UInt64(index + 1)))
        let id = random.uuid()
        let owner = random.pick(weighted: owners)
        let origin = random.pick(weighted: DemoPersonGenerator.origins.map { ($0, $0.weight) })
        let home = random.chance(0.6) ? owner.municipality : random.pick(municipalitiesByRegion[owner.region] ?? [owner.municipality])
        let birthYear = asOf.year - random.pick(weighted: [(random.int(in: 18...24), 3), (random.int(in: 25...39), 6),
                                                           (random.int(in: 40...54), 3), (random.int(in: 55...64), 1)])

        // Arrival and status history.
        let inReception = owner.kind == .reception
        let arrivedOn = asOf.adding(days: -(inReception ? random.int(in: 5...540) : random.int(in: 60...2400)))
        var history: [LegalStatusRecord] = []
        var requestedOn: CalendarDate? = nil
        switch origin.route {
        case .temporaryProtection:
            history.append(.init(status: .temporaryProtection, since: arrivedOn))
        case .family:
            history.append(.init(status: random.chance(0.7) ? .familyReunification : .otherNewcomer, since: arrivedOn))
        case .asylum:
            if !inReception && random.chance(0.04) {
                history.append(.init(status: .resettledRefugee, since: arrivedOn))
            } else {
                let request = arrivedOn.adding(days: random.int(in: 0...10))
                requestedOn = request
                history.append(.init(status: .applicant, since: request))
                let decisionOn = request.adding(days: random.int(in: 90...900))
                let decided = decisionOn <= asOf && (!inReception || random.chance(0.25))
                if decided {
                    let outcome = random.pick(weighted: [(LegalStatus.recognisedRefugee, 55), (.subsidiaryProtection, 22),
                                                         (.refusedApplicant, inReception ? 20 : 6)])
                    history.append(.init(status: outcome, since: decisionOn))
                }
            }
        }

        // Languages: mother tongue(s), perhaps English or French, and Dutch progress over time.
        var languages: [LanguageSkill] = []
        for (position, language) in origin.languages.enumerated() where position == 0 || random.chance(0.35) {
            languages.append(LanguageSkill(language: language, level: .c2, assessedOn: arrivedOn, isMotherTongue: position == 0))
        }
        // Other languages are assessed at the intake, a few weeks after arrival (never after today).
        let intake = min(arrivedOn.adding(days: 30), asOf)
        if random.chance(0.3) {
            languages.append(LanguageSkill(language: "en", level: random.pick([.a2, .b1, .b1, .b2, .c1]), assessedOn: intake))
        }
        if !origin.languages.contains("fr"), random.chance(0.12) {
            languages.append(LanguageSkill(language: "fr", level: random.pick([.a1, .a2, .b1]), assessedOn: intake))
        }
        var dutchDay = arrivedOn.adding(days: random.int(in: 45...200))
        var dutch: CEFRLevel = random.chance(0.15) ? .preA1 : .a1
        while dutchDay <= asOf {
            languages.append(LanguageSkill(language: "nl", level: dutch, assessedOn: dutchDay))
            dutchDay = dutchDay.adding(days: random.int(in: 100...300))
            if random.chance(0.7), dutch < .c1 { dutch = CEFRLevel.allCases[dutch.rank + 1] }
        }

        // Education and work.
        var education: [EducationRecord] = []
        if random.chance(0.92) {
            let level = random.pick(weighted: [(ISCEDLevel.primary, 18), (.lowerSecondary, 20), (.upperSecondary, 25),
                                               (.postSecondary, 6), (.shortTertiary, 5), (.bachelor, 15), (.master, 9),
                                               (.doctoral, 2)])
            let recognition: DiplomaRecognition = level >= .upperSecondary
                ? random.pick(weighted: [(.recognised, 20), (.pending, 12), (.notRequested, 58), (.refused, 10)])
                : random.pick(weighted: [(.noDiploma, 40), (.notRequested, 60)])
            education.append(EducationRecord(level: level, field: level <= .lowerSecondary ? "general" : random.pick(DemoPersonGenerator.fields),
                                             country: origin.code, recognition: recognition))
        }
        var experience: [WorkExperienceRecord] = []
        for _ in 0..<random.pick(weighted: [(0, 20), (1, 45), (2, 25), (3, 10)]) {
            experience.append(WorkExperienceRecord(occupation: random.pick(ISCO08.occupations).code,
                                                   years: random.int(in: 1...15), country: origin.code))
        }
        var competences = Set(experience.compactMap { DemoPersonGenerator.competenceFor[$0.occupation] })
        for _ in 0..<random.int(in: 0...2) { competences.insert(random.pick(Competence.allCases)) }
        var wishes = experience.prefix(random.int(in: 0...2)).map(\.occupation)
        while wishes.isEmpty || (wishes.count < 3 && random.chance(0.3)) {
            let code = random.pick(ISCO08.occupations).code
            if !wishes.contains(code) { wishes.append(code) }
        }

        return PersonProfile(
            id: id, reference: DemoPersonGenerator.reference(index), ownerOrganisationID: owner.id,
            birthYear: birthYear, countryOfOrigin: origin.code, homeMunicipality: home, arrivedOn: arrivedOn,
            protectionRequestedOn: requestedOn, statusHistory: history, languages: languages,
            education: education, workExperience: experience,
            competences: Competence.allCases.filter(competences.contains), jobWishes: wishes,
            constraints: Constraints(needsChildcare: random.chance(0.25),
                                     mobility: random.pick(weighted: [(.publicTransport, 55), (.bicycle, 25), (.car, 12), (.limited, 8)]),
                                     hasDrivingLicence: random.chance(0.3), needsAdaptedWork: random.chance(0.06)),
            availability: Availability(partTimeOnly: random.chance(0.2), evenings: random.chance(0.35), weekends: random.chance(0.3)))
    }

    /// Synthetic names and contact details for person `index`, from a stream of their own so the
    /// profile does not change when name lists do. E-mail addresses use the reserved example.org
    /// domain; no phone or national register numbers are made up (a made-up one could be someone's).
    public func identifiers(at index: Int, for profile: PersonProfile) -> PersonIdentifiers {
        var random = SeededGenerator(seed: DemoPersonGenerator.mix(seed ^ 0x4E41_4D45_5300_0000 &+ UInt64(index)))
        let names = DemoPersonGenerator.names[profile.countryOfOrigin] ?? DemoPersonGenerator.names["SY"]!
        let given = random.pick(names.given)
        let family = random.pick(names.family)
        let month = random.int(in: 1...12)
        let birthDate = CalendarDate(profile.birthYear, month, random.int(in: 1...CalendarDate.daysIn(month: month, year: profile.birthYear)))
        let slug = (given + "." + family).lowercased().filter { $0.isLetter || $0 == "." }
        let street = random.pick(["Voorbeeldstraat", "Proefdreef", "Testlaan", "Schakelplein", "Oefenweg"])
        return PersonIdentifiers(givenName: given, familyName: family, birthDate: birthDate,
                                 email: "\(slug).\(index + 1)@example.org",
                                 address: "\(street) \(random.int(in: 1...180)), \(profile.homeMunicipality) \(municipalityNames[profile.homeMunicipality] ?? "")")
    }

    static let names: [String: (given: [String], family: [String])] = {
        let arabic = (["Amal", "Omar", "Yara", "Khaled", "Rana", "Samir", "Lina", "Hassan", "Noor", "Karim", "Salma", "Tarek"],
                      ["Haddad", "Nasser", "Khalil", "Saleh", "Darwish", "Mansour", "Hamdan", "Qasim", "Aziz", "Yousef"])
        let dari = (["Farid", "Mina", "Javad", "Parwana", "Sohrab", "Laleh", "Navid", "Shirin", "Omid", "Zahra"],
                    ["Rahimi", "Ahmadi", "Karimi", "Sultani", "Noori", "Hashimi", "Safi", "Popal"])
        let tigrinya = (["Selam", "Yonas", "Hiwet", "Mebrahtu", "Senait", "Filmon", "Luwam", "Tesfay"],
                        ["Tesfamariam", "Gebremedhin", "Haile", "Kidane", "Berhe", "Weldu"])
        let ukrainian = (["Olena", "Taras", "Iryna", "Bohdan", "Oksana", "Dmytro", "Kateryna", "Andrii"],
                         ["Kovalenko", "Shevchuk", "Bondar", "Melnyk", "Tkachenko", "Kravets", "Lysenko"])
        let somali = (["Hodan", "Abdi", "Faadumo", "Cali", "Ubah", "Xasan", "Sahra", "Mahad"],
                      ["Warsame", "Jama", "Farah", "Cabdi", "Nuur", "Xirsi"])
        let westAfrican = (["Mariama", "Ibrahima", "Aissatou", "Mamadou", "Fatoumata", "Alpha", "Kadiatou", "Ousmane"],
                           ["Diallo", "Bah", "Barry", "Sow", "Camara", "Keita"])
        let turkish = (["Elif", "Emre", "Zeynep", "Mehmet", "Ayşe", "Murat"], ["Yılmaz", "Demir", "Kaya", "Şahin", "Çelik"])
        let congolese = (["Grâce", "Patrick", "Nadège", "Christian", "Esther", "Junior"], ["Mukendi", "Kabila", "Mbuyi", "Ilunga", "Tshibanda"])
        let burundian = (["Aline", "Eric", "Claudine", "Jean-Claude", "Divine"], ["Ndayishimiye", "Niyonzima", "Hakizimana", "Irakoze"])
        let venezuelan = (["María", "José", "Daniela", "Luis", "Gabriela", "Carlos"], ["González", "Rodríguez", "Pérez", "Hernández", "Rojas"])
        let persian = (["Arash", "Niloufar", "Babak", "Sara", "Kian", "Maryam"], ["Tehrani", "Moradi", "Jafari", "Rostami"])
        let moroccan = (["Yasmina", "Youssef", "Khadija", "Mohamed", "Imane", "Anas"], ["El Amrani", "Bennani", "Ouali", "Tazi", "Alaoui"])
        return ["SY": arabic, "PS": arabic, "IQ": arabic, "AF": dari, "IR": persian, "ER": tigrinya, "UA": ukrainian, "SO": somali,
                "GN": westAfrican, "TR": turkish, "CD": congolese, "BI": burundian, "VE": venezuelan, "MA": moroccan]
    }()

    public static func reference(_ index: Int) -> String {
        let digits = String(index + 1)
        return "SCH-" + String(repeating: "0", count: max(0, 7 - digits.count)) + digits
    }

    /// SplitMix64's finaliser: spreads consecutive indexes over the whole seed space.
    static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    enum Route: Sendable { case asylum, temporaryProtection, family }

    struct Origin: Sendable {
        let code: String, weight: Int, languages: [String], route: Route
    }

    static let origins: [Origin] = [
        .init(code: "SY", weight: 18, languages: ["ar", "ku"], route: .asylum),
        .init(code: "AF", weight: 16, languages: ["fa", "ps"], route: .asylum),
        .init(code: "UA", weight: 13, languages: ["uk", "ru"], route: .temporaryProtection),
        .init(code: "ER", weight: 8, languages: ["ti", "ar"], route: .asylum),
        .init(code: "PS", weight: 8, languages: ["ar"], route: .asylum),
        .init(code: "SO", weight: 5, languages: ["so", "ar"], route: .asylum),
        .init(code: "IQ", weight: 5, languages: ["ar", "ku"], route: .asylum),
        .init(code: "GN", weight: 5, languages: ["ff", "fr"], route: .asylum),
        .init(code: "TR", weight: 4, languages: ["tr", "ku"], route: .asylum),
        .init(code: "CD", weight: 4, languages: ["ln", "fr"], route: .asylum),
        .init(code: "BI", weight: 3, languages: ["rn", "fr"], route: .asylum),
        .init(code: "VE", weight: 3, languages: ["es"], route: .asylum),
        .init(code: "IR", weight: 3, languages: ["fa"], route: .asylum),
        .init(code: "MA", weight: 4, languages: ["ar", "fr"], route: .family),
    ]

    static let fields = ["health", "engineering", "education", "business", "ict", "agriculture", "arts",
                         "social-sciences", "hospitality", "construction", "law"]

    static let competenceFor: [String: Competence] = [
        "2512": .programming, "3313": .accounting, "4110": .basicIT, "4321": .warehousing, "5120": .cooking,
        "5131": .customerService, "5141": .hairdressing, "5223": .sales, "5311": .childCare, "5321": .elderlyCare,
        "5322": .elderlyCare, "6111": .agriculture, "7112": .masonry, "7115": .carpentry, "7126": .plumbing,
        "7212": .welding, "7411": .electrical, "7512": .baking, "7531": .sewing, "8322": .driving, "8332": .driving,
        "8344": .forklift, "9112": .cleaning, "9412": .cooking, "2341": .teaching, "3115": .machineOperation,
    ]
}
