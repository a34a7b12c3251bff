/// Every field of a person's dossier, and the one data category it belongs to. The API, the pages,
/// exports and referral snapshots show a field only when the access rule allows its category.
public enum PersonField: String, CaseIterable, Codable, Sendable {
    // identity
    case givenName, familyName, birthDate, birthYear, nationalRegisterNumber, countryOfOrigin
    // contact
    case phone, email, address, homeMunicipality
    // legal status
    case statusHistory, protectionRequestedOn, arrivedOn, rightToWork
    // languages, education, experience
    case languages, education, workExperience
    // competences and wishes
    case competences, jobWishes
    // availability and constraints
    case constraints, availability
    // assessment
    case labourMarketDistance, resilience, assessmentNote

    public var category: DataCategory {
        switch self {
        case .givenName, .familyName, .birthDate, .birthYear, .nationalRegisterNumber, .countryOfOrigin: return .identity
        case .phone, .email, .address, .homeMunicipality: return .contact
        case .statusHistory, .protectionRequestedOn, .arrivedOn, .rightToWork: return .legalStatus
        case .languages: return .languages
        case .education: return .education
        case .workExperience: return .workExperience
        case .competences, .jobWishes: return .competencesAndWishes
        case .constraints, .availability: return .availabilityAndConstraints
        case .labourMarketDistance, .resilience, .assessmentNote: return .assessment
        }
    }

    /// Direct identifiers: encrypted at rest, removed on erasure.
    public var isDirectIdentifier: Bool {
        switch self {
        case .givenName, .familyName, .birthDate, .nationalRegisterNumber, .phone, .email, .address: return true
        default: return false
        }
    }

    public static func fields(in category: DataCategory) -> [PersonField] { allCases.filter { $0.category == category } }
}

/// Distance to the labour market, as the employment service assesses it (seed 001).
public enum LabourMarketDistance: String, CaseIterable, Codable, Sendable {
    case close, medium, far
}

/// Resilience (draagkracht), as counsellors assess it.
public enum Resilience: String, CaseIterable, Codable, Sendable {
    case low, medium, high
}
