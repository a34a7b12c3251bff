/// Common European Framework of Reference levels, with the pre-A1 (alpha) level that
/// NT2 courses for people learning to read and write use.
public enum CEFRLevel: String, CaseIterable, Codable, Sendable, Comparable {
    case preA1 = "pre-A1"
    case a1 = "A1", a2 = "A2", b1 = "B1", b2 = "B2", c1 = "C1", c2 = "C2"

    public var rank: Int { CEFRLevel.allCases.firstIndex(of: self)! }

    public static func < (lhs: CEFRLevel, rhs: CEFRLevel) -> Bool { lhs.rank < rhs.rank }
}

/// ISCED 2011 levels of education.
public enum ISCEDLevel: Int, CaseIterable, Codable, Sendable, Comparable {
    case earlyChildhood = 0, primary, lowerSecondary, upperSecondary, postSecondary,
         shortTertiary, bachelor, master, doctoral

    public static func < (lhs: ISCEDLevel, rhs: ISCEDLevel) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// Whether a foreign diploma is recognised in Flanders (NARIC-Vlaanderen).
public enum DiplomaRecognition: String, CaseIterable, Codable, Sendable {
    case recognised, pending, refused
    case notRequested = "not-requested"
    case noDiploma = "no-diploma"
}

/// An ISCO-08 unit group (four digits) with its name.
public struct Occupation: Hashable, Codable, Sendable {
    public let code: String
    public let nameNL: String
    public let nameEN: String

    public init(code: String, nameNL: String, nameEN: String) {
        self.code = code
        self.nameNL = nameNL
        self.nameEN = nameEN
    }

    /// The ISCO-08 major group (first digit), e.g. 5 "service and sales workers".
    public var majorGroup: Int { Int(String(code.prefix(1))) ?? 0 }
}

public enum ISCO08 {
    /// Occupations that newcomers' experience and wishes most often fall in; the demo world and
    /// the forms use these. Any four-digit ISCO-08 code is accepted where occupations are stored.
    public static let occupations: [Occupation] = [
        .init(code: "2221", nameNL: "Verpleegkundige", nameEN: "Nursing professional"),
        .init(code: "2341", nameNL: "Leerkracht lager onderwijs", nameEN: "Primary school teacher"),
        .init(code: "2512", nameNL: "Softwareontwikkelaar", nameEN: "Software developer"),
        .init(code: "3115", nameNL: "Technicus werktuigbouwkunde", nameEN: "Mechanical engineering technician"),
        .init(code: "3313", nameNL: "Boekhoudkundig medewerker", nameEN: "Accounting associate professional"),
        .init(code: "4110", nameNL: "Administratief medewerker", nameEN: "General office clerk"),
        .init(code: "4321", nameNL: "Magazijnbediende", nameEN: "Stock clerk"),
        .init(code: "5120", nameNL: "Kok", nameEN: "Cook"),
        .init(code: "5131", nameNL: "Kelner", nameEN: "Waiter"),
        .init(code: "5141", nameNL: "Kapper", nameEN: "Hairdresser"),
        .init(code: "5223", nameNL: "Verkoper", nameEN: "Shop sales assistant"),
        .init(code: "5311", nameNL: "Kinderverzorger", nameEN: "Child care worker"),
        .init(code: "5321", nameNL: "Zorgkundige", nameEN: "Health care assistant"),
        .init(code: "5322", nameNL: "Thuisverzorger", nameEN: "Home-based personal care worker"),
        .init(code: "6111", nameNL: "Landbouwer", nameEN: "Field crop grower"),
        .init(code: "7112", nameNL: "Metselaar", nameEN: "Bricklayer"),
        .init(code: "7115", nameNL: "Timmerman", nameEN: "Carpenter"),
        .init(code: "7126", nameNL: "Loodgieter", nameEN: "Plumber"),
        .init(code: "7212", nameNL: "Lasser", nameEN: "Welder"),
        .init(code: "7231", nameNL: "Automechanicien", nameEN: "Motor vehicle mechanic"),
        .init(code: "7411", nameNL: "Elektricien", nameEN: "Building electrician"),
        .init(code: "7512", nameNL: "Bakker", nameEN: "Baker"),
        .init(code: "7531", nameNL: "Kleermaker", nameEN: "Tailor"),
        .init(code: "8322", nameNL: "Chauffeur", nameEN: "Car and van driver"),
        .init(code: "8332", nameNL: "Vrachtwagenchauffeur", nameEN: "Heavy truck driver"),
        .init(code: "8344", nameNL: "Heftruckchauffeur", nameEN: "Lifting truck operator"),
        .init(code: "9112", nameNL: "Schoonmaker", nameEN: "Cleaner"),
        .init(code: "9313", nameNL: "Bouwvakker", nameEN: "Building construction labourer"),
        .init(code: "9321", nameNL: "Inpakker", nameEN: "Hand packer"),
        .init(code: "9412", nameNL: "Keukenhulp", nameEN: "Kitchen helper"),
    ]

    public static func occupation(code: String) -> Occupation? { occupations.first { $0.code == code } }

    public static func isValidCode(_ code: String) -> Bool {
        code.count == 4 && code.allSatisfy(\.isASCIIDigit) && code.first != "0"
            || code == "0110" || code == "0210" || code == "0310" // armed forces unit groups
    }
}

/// Competences recorded in a profile, as stable codes (labels live in the app's localisation).
public enum Competence: String, CaseIterable, Codable, Sendable {
    case customerService = "customer-service"
    case cooking, cleaning, welding, carpentry, masonry, plumbing, electrical, sewing, agriculture
    case elderlyCare = "elderly-care"
    case childCare = "child-care"
    case forklift
    case driving
    case basicIT = "basic-it"
    case programming, accounting, teaching, hairdressing, sales, warehousing, baking
    case machineOperation = "machine-operation"
    case interpreting
}
