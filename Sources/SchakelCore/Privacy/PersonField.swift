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

/// Distance to the labour market, as the employment service assesses it (docs/domain.md#distance-to-the-labour-market).
public enum LabourMarketDistance: String, CaseIterable, Codable, Sendable {
    case close, medium, far
}

/// Resilience (draagkracht), as counsellors assess it.
public enum Resilience: String, CaseIterable, Codable, Sendable {
    case low, medium, high
}

extension PersonProfile {
    /// The profile as a reader allowed only `categories` sees it: every field of another category is
    /// emptied, as if not recorded, so rules that read it (eligibility, fit) say "unknown" rather than
    /// judge on data the reader may not see. The field-to-category map is `PersonField.category`.
    public func limited(to categories: Set<DataCategory>) -> PersonProfile {
        var copy = self
        for field in PersonField.allCases where !categories.contains(field.category) { copy.clear(field) }
        return copy
    }

    private mutating func clear(_ field: PersonField) {
        switch field {
        case .birthYear: birthYear = 0
        case .countryOfOrigin: countryOfOrigin = ""
        case .homeMunicipality: homeMunicipality = ""
        case .statusHistory: statusHistory = []
        case .protectionRequestedOn: protectionRequestedOn = nil
        case .arrivedOn: arrivedOn = nil
        case .languages: languages = []
        case .education: education = []
        case .workExperience: workExperience = []
        case .competences: competences = []
        case .jobWishes: jobWishes = []
        case .constraints: constraints = Constraints()
        case .availability: availability = Availability()
        // Kept apart from the profile (identifiers, assessment) or derived from it (right to work).
        case .givenName, .familyName, .birthDate, .nationalRegisterNumber, .phone, .email, .address, .rightToWork,
             .labourMarketDistance, .resilience, .assessmentNote:
            break
        }
    }
}
