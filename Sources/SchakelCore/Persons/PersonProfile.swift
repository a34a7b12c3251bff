import Foundation

/// A language a person speaks, with the CEFR level assessed on a given day. Several entries for
/// one language record progress over time.
public struct LanguageSkill: Hashable, Codable, Sendable {
    /// ISO 639-1 code ("nl", "ar", "uk").
    public var language: String
    public var level: CEFRLevel
    public var assessedOn: CalendarDate
    public var isMotherTongue: Bool

    public init(language: String, level: CEFRLevel, assessedOn: CalendarDate, isMotherTongue: Bool = false) {
        self.language = language
        self.level = level
        self.assessedOn = assessedOn
        self.isMotherTongue = isMotherTongue
    }
}

public struct EducationRecord: Hashable, Codable, Sendable {
    public var level: ISCEDLevel
    public var field: String
    /// ISO 3166-1 alpha-2 code of the country the education was followed in.
    public var country: String
    public var recognition: DiplomaRecognition

    public init(level: ISCEDLevel, field: String, country: String, recognition: DiplomaRecognition) {
        self.level = level
        self.field = field
        self.country = country
        self.recognition = recognition
    }
}

public struct WorkExperienceRecord: Hashable, Codable, Sendable {
    /// ISCO-08 unit group.
    public var occupation: String
    public var years: Int
    public var country: String

    public init(occupation: String, years: Int, country: String) {
        self.occupation = occupation
        self.years = years
        self.country = country
    }
}

public enum Mobility: String, CaseIterable, Codable, Sendable {
    case publicTransport = "public-transport"
    case bicycle
    case car
    case limited
}

/// Constraints that shape which work fits. Health is never recorded as such: only whether
/// adapted work is needed.
public struct Constraints: Hashable, Codable, Sendable {
    public var needsChildcare: Bool
    public var mobility: Mobility
    public var hasDrivingLicence: Bool
    public var needsAdaptedWork: Bool

    public init(needsChildcare: Bool = false, mobility: Mobility = .publicTransport,
                hasDrivingLicence: Bool = false, needsAdaptedWork: Bool = false) {
        self.needsChildcare = needsChildcare
        self.mobility = mobility
        self.hasDrivingLicence = hasDrivingLicence
        self.needsAdaptedWork = needsAdaptedWork
    }
}

public struct Availability: Hashable, Codable, Sendable {
    public var partTimeOnly: Bool
    public var evenings: Bool
    public var weekends: Bool

    public init(partTimeOnly: Bool = false, evenings: Bool = false, weekends: Bool = false) {
        self.partTimeOnly = partTimeOnly
        self.evenings = evenings
        self.weekends = weekends
    }
}

/// The profile of a newcomer as the domain sees it: no names or contact details (those are
/// direct identifiers, kept apart and encrypted by the app).
public struct PersonProfile: Hashable, Codable, Sendable {
    public var id: UUID
    /// Dossier reference, e.g. "SCH-0000042": pseudonymous, safe to show in lists.
    public var reference: String
    public var ownerOrganisationID: UUID
    public var birthYear: Int
    /// ISO 3166-1 alpha-2.
    public var countryOfOrigin: String
    /// NIS code of the municipality the person lives in.
    public var homeMunicipality: String
    public var arrivedOn: CalendarDate?
    public var protectionRequestedOn: CalendarDate?
    public var statusHistory: [LegalStatusRecord]
    public var languages: [LanguageSkill]
    public var education: [EducationRecord]
    public var workExperience: [WorkExperienceRecord]
    public var competences: [Competence]
    /// ISCO-08 codes of the jobs the person wishes.
    public var jobWishes: [String]
    public var constraints: Constraints
    public var availability: Availability

    public init(id: UUID, reference: String, ownerOrganisationID: UUID, birthYear: Int, countryOfOrigin: String,
                homeMunicipality: String, arrivedOn: CalendarDate? = nil, protectionRequestedOn: CalendarDate? = nil,
                statusHistory: [LegalStatusRecord] = [], languages: [LanguageSkill] = [],
                education: [EducationRecord] = [], workExperience: [WorkExperienceRecord] = [],
                competences: [Competence] = [], jobWishes: [String] = [],
                constraints: Constraints = Constraints(), availability: Availability = Availability()) {
        self.id = id
        self.reference = reference
        self.ownerOrganisationID = ownerOrganisationID
        self.birthYear = birthYear
        self.countryOfOrigin = countryOfOrigin
        self.homeMunicipality = homeMunicipality
        self.arrivedOn = arrivedOn
        self.protectionRequestedOn = protectionRequestedOn
        self.statusHistory = statusHistory
        self.languages = languages
        self.education = education
        self.workExperience = workExperience
        self.competences = competences
        self.jobWishes = jobWishes
        self.constraints = constraints
        self.availability = availability
    }

    public var currentStatus: LegalStatusRecord? { statusHistory.max { $0.since < $1.since } }

    public func rightToWork(on day: CalendarDate) -> RightToWork {
        RightToWork.evaluate(history: statusHistory, protectionRequestedOn: protectionRequestedOn, on: day)
    }

    /// The most recent Dutch level, if any was assessed.
    public var currentDutchLevel: LanguageSkill? {
        languages.filter { $0.language == "nl" }.max { $0.assessedOn < $1.assessedOn }
    }
}
