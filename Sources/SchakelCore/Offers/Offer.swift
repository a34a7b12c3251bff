import Foundation

/// What an offer is: something to learn, or a place to work or practise (docs/domain.md#offers-and-eligibility).
public enum OfferKind: String, CaseIterable, Codable, Sendable {
    case training
    /// NT2: Dutch as a second language.
    case dutchCourse = "dutch-course"
    /// Maatschappelijke oriëntatie.
    case civicOrientation = "civic-orientation"
    case vacancy
    /// Individuele beroepsopleiding: training on the job with an employer.
    case iboPlace = "ibo-place"
    /// A place for temporary work experience (TWE, article 60) or WEP+.
    case workExperiencePlace = "work-experience-place"
    case internshipPlace = "internship-place"

    /// Courses a person follows beside whatever fills their days (docs/domain.md#case-002: training
    /// during the article-60 contract). A vacancy or a place replaces the day's work instead, so day work does
    /// not conflict with it.
    public var isFollowedBesideWork: Bool {
        switch self {
        case .training, .dutchCourse, .civicOrientation: return true
        case .vacancy, .iboPlace, .workExperiencePlace, .internshipPlace: return false
        }
    }

    /// Courses start with a group on a set day; a vacancy or a place can be taken up from its start on.
    public var startsWithAGroup: Bool { isFollowedBesideWork }
}

/// When an offer takes place.
public enum OfferSchedule: String, CaseIterable, Codable, Sendable {
    case day, evening, weekend
    case partTime = "part-time"
    case selfPaced = "self-paced"

    var bit: UInt8 {
        switch self {
        case .day: return 1
        case .evening: return 2
        case .weekend: return 4
        case .partTime: return 8
        case .selfPaced: return 16
        }
    }
}

/// The set of schedules an offer has, e.g. `[.evening, .weekend]`.
///
/// A bit set rather than `Set<OfferSchedule>`: eligibility reads it for every offer of a query
/// (10 000 per person), and a bit test costs nothing where a hashed lookup does. Encoded as the
/// array of raw values in declaration order, so it reads like any other set.
public struct OfferSchedules: Hashable, Sendable, Codable, Sequence, ExpressibleByArrayLiteral, CustomStringConvertible {
    private var bits: UInt8

    public init<S: Sequence>(_ schedules: S) where S.Element == OfferSchedule {
        bits = schedules.reduce(0) { $0 | $1.bit }
    }

    public init(arrayLiteral schedules: OfferSchedule...) { self.init(schedules) }

    public func contains(_ schedule: OfferSchedule) -> Bool { bits & schedule.bit != 0 }

    public func containsAny(of other: OfferSchedules) -> Bool { bits & other.bits != 0 }

    public func intersection(_ other: OfferSchedules) -> OfferSchedules {
        var result = self
        result.bits &= other.bits
        return result
    }

    public var isEmpty: Bool { bits == 0 }

    public mutating func insert(_ schedule: OfferSchedule) { bits |= schedule.bit }

    public func makeIterator() -> IndexingIterator<[OfferSchedule]> {
        OfferSchedule.allCases.filter(contains).makeIterator()
    }

    /// "day, evening" (raw values in declaration order), or "none".
    public var description: String { isEmpty ? "none" : map(\.rawValue).joined(separator: ", ") }

    public init(from decoder: any Decoder) throws {
        self.init(try [OfferSchedule](from: decoder))
    }

    public func encode(to encoder: any Encoder) throws {
        try Array(self).encode(to: encoder)
    }
}

/// Who pays for the offer (docs/domain.md#case-002: unclear who pays was a refusal reason).
public enum OfferFunding: String, CaseIterable, Codable, Sendable {
    case free, vdab, ocmw, employer, participant
    /// European Social Fund project.
    case esf
    /// Anything else; who pays has to be asked.
    case other
}

/// What a person must bring from earlier work: competences (all of them) and experience in one
/// of a list of occupations.
public struct Prerequisites: Hashable, Codable, Sendable {
    /// Every one of these is needed.
    public var competences: [Competence]
    /// ISCO-08 codes; experience in any one of them counts. Empty: no experience asked.
    public var experienceInAnyOf: [String]
    /// Years of that experience needed (1 when any experience will do).
    public var minimumYears: Int

    public init(competences: [Competence] = [], experienceInAnyOf: [String] = [], minimumYears: Int = 1) {
        self.competences = competences
        self.experienceInAnyOf = experienceInAnyOf
        self.minimumYears = minimumYears
    }

    public var isEmpty: Bool { competences.isEmpty && experienceInAnyOf.isEmpty }
}

/// The admission rules of an offer. Every rule is optional; an offer without rules admits anyone.
public struct AdmissionRequirements: Hashable, Codable, Sendable {
    public var minDutch: CEFRLevel?
    /// Some courses are for beginners only: "Dutch too good" was one of Mechelen's refusal reasons.
    public var maxDutch: CEFRLevel?
    public var minEducation: ISCEDLevel?
    /// Only a diploma recognised by NARIC-Vlaanderen counts towards `minEducation`.
    public var requiresRecognisedDiploma: Bool
    /// The person must be allowed to work on the day the offer starts.
    public var requiresRightToWork: Bool
    /// The legal statuses admitted; nil admits every status.
    public var allowedStatuses: Set<LegalStatus>?
    public var prerequisites: Prerequisites
    /// Documents to bring (free text from the provider). Never a reason to refuse by itself.
    public var requiredDocuments: [String]

    public init(minDutch: CEFRLevel? = nil, maxDutch: CEFRLevel? = nil, minEducation: ISCEDLevel? = nil,
                requiresRecognisedDiploma: Bool = false, requiresRightToWork: Bool = false,
                allowedStatuses: Set<LegalStatus>? = nil, prerequisites: Prerequisites = Prerequisites(),
                requiredDocuments: [String] = []) {
        self.minDutch = minDutch
        self.maxDutch = maxDutch
        self.minEducation = minEducation
        self.requiresRecognisedDiploma = requiresRecognisedDiploma
        self.requiresRightToWork = requiresRightToWork
        self.allowedStatuses = allowedStatuses
        self.prerequisites = prerequisites
        self.requiredDocuments = requiredDocuments
    }

    /// No requirements at all (documents aside).
    public static let none = AdmissionRequirements()
}

/// A training, course, vacancy or place that an organisation offers, with its schedule, seats and rules.
public struct Offer: Hashable, Codable, Sendable, Identifiable {
    public var id: UUID
    public var providerOrganisationID: UUID
    public var kind: OfferKind
    public var title: String
    /// Free text, as providers name it ("zorg", "logistiek", "horeca").
    public var sector: String
    /// ISCO-08 unit group the offer leads to or is for, if any (a Dutch course has none).
    public var occupation: String?
    /// Competences the work uses or the training builds on; they count towards the fit, not admission.
    public var competences: [Competence]
    /// NIS code of the province or Brussels region.
    public var region: String
    /// NIS code of the municipality where it takes place.
    public var municipality: String
    public var schedules: OfferSchedules
    /// For a course the group's first day; for a vacancy or place the first day it can be taken up.
    public var startsOn: CalendarDate
    public var endsOn: CalendarDate?
    public var seats: Int
    public var seatsTaken: Int
    public var funding: OfferFunding
    /// ISO 639-1 code of the language the offer is taught or worked in.
    public var instructionLanguage: String
    public var admission: AdmissionRequirements

    public init(id: UUID, providerOrganisationID: UUID, kind: OfferKind, title: String, sector: String,
                occupation: String? = nil, competences: [Competence] = [], region: String, municipality: String,
                schedules: OfferSchedules, startsOn: CalendarDate, endsOn: CalendarDate? = nil, seats: Int,
                seatsTaken: Int = 0, funding: OfferFunding, instructionLanguage: String = "nl",
                admission: AdmissionRequirements = .none) {
        self.id = id
        self.providerOrganisationID = providerOrganisationID
        self.kind = kind
        self.title = title
        self.sector = sector
        self.occupation = occupation
        self.competences = competences
        self.region = region
        self.municipality = municipality
        self.schedules = schedules
        self.startsOn = startsOn
        self.endsOn = endsOn
        self.seats = seats
        self.seatsTaken = seatsTaken
        self.funding = funding
        self.instructionLanguage = instructionLanguage
        self.admission = admission
    }

    public var seatsLeft: Int { max(0, seats - seatsTaken) }

    /// The day a person taking it up now would start: its start, or today if that has passed
    /// (a vacancy still open, a self-paced course, or a late entry into a group).
    public func effectiveStart(today: CalendarDate) -> CalendarDate { max(startsOn, today) }

    /// A group course whose first day has passed: too late to join. Self-paced courses, vacancies
    /// and places can be taken up while they run.
    public func hasStartedWithoutLateEntry(today: CalendarDate) -> Bool {
        kind.startsWithAGroup && !schedules.contains(.selfPaced) && startsOn < today
    }
}
