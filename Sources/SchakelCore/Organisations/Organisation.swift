import Foundation

/// What an organisation does in the chain.
public enum OrganisationKind: String, CaseIterable, Codable, Sendable {
    /// Reception centre (Fedasil, Red Cross).
    case reception
    /// Integration agency (AgII, IN-Gent, Huis van het Nederlands).
    case integration
    /// Public employment service (VDAB, Actiris).
    case employmentService = "employment-service"
    /// Public centre for social welfare (OCMW).
    case ocmw
    /// Intensive-guidance team or NGO (a Jobteam).
    case intensiveGuidance = "intensive-guidance"
    case trainingProvider = "training-provider"
    /// Learning-work company running work-experience schemes under VDAB tenders.
    case learningWorkCompany = "learning-work-company"
    case employer
    case municipality
}

/// What a user does; every user has exactly one, in one organisation.
public enum UserRole: String, CaseIterable, Codable, Sendable {
    case socialWorker = "social-worker"
    case trajectoryCounsellor = "trajectory-counsellor"
    case jobCounsellor = "job-counsellor"
    case consultant
    case employerContact = "employer-contact"
    /// Coordinator or policy analyst: aggregated figures only, never a named person.
    case analyst
    case administrator
}

public enum AgreementKind: String, CaseIterable, Codable, Sendable {
    case bilateral, regional, convenant
}

/// The categories personal data is shared in; each person field belongs to exactly one.
public enum DataCategory: String, CaseIterable, Codable, Sendable {
    case identity
    case contact
    case legalStatus = "legal-status"
    case languages
    case education
    case workExperience = "work-experience"
    case competencesAndWishes = "competences-and-wishes"
    case availabilityAndConstraints = "availability-and-constraints"
    case assessment
    case trajectoryAndReferrals = "trajectory-and-referrals"
}

/// The roles a party takes on in an agreement (who screens, who guides, who reports).
public enum PartyTask: String, CaseIterable, Codable, Sendable {
    case reception
    case screening
    case civicOrientation = "civic-orientation"
    case languageCourses = "language-courses"
    case guidance
    case intensiveGuidance = "intensive-guidance"
    case training
    case workExperience = "work-experience"
    case jointConsultationDays = "joint-consultation-days"
    case employerServices = "employer-services"
    case reporting
}

/// A period an agreement is in force; `until` is inclusive and open when nil.
public struct Validity: Hashable, Codable, Sendable {
    public var from: CalendarDate
    public var until: CalendarDate?

    public init(from: CalendarDate, until: CalendarDate? = nil) {
        self.from = from
        self.until = until
    }

    public func contains(_ day: CalendarDate) -> Bool {
        from <= day && (until.map { day <= $0 } ?? true)
    }

    public var isWellFormed: Bool { until.map { from <= $0 } ?? true }
}

/// Slugs name organisations in demo e-mail addresses and URLs: lowercase ASCII letters,
/// digits and single hyphens.
public enum Slug {
    public static func isValid(_ text: String) -> Bool {
        guard (2...60).contains(text.count), text.first != "-", text.last != "-", !text.contains("--") else { return false }
        return text.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }
}

extension Slug {
    /// A slug from an organisation's name: accents folded, lowercase, every run of other characters one
    /// hyphen, at most 60 characters ("OCMW Sint-Niklaas" gives "ocmw-sint-niklaas"). Nil when nothing usable
    /// is left.
    public static func make(from name: String) -> String? {
        let folded = name.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: Locale(identifier: "en_US_POSIX"))
        var slug = ""
        for scalar in folded.lowercased().unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                slug.unicodeScalars.append(scalar)
            } else if !slug.isEmpty, slug.last != "-" {
                slug.append("-")
            }
        }
        slug = String(slug.prefix(60))
        while slug.last == "-" { slug.removeLast() }
        return isValid(slug) ? slug : nil
    }

    /// The slug with a number after it when the plain one is taken: "vdab-gent-2".
    public static func numbered(_ slug: String, _ number: Int) -> String {
        let suffix = "-\(number)"
        var base = String(slug.prefix(60 - suffix.count))
        while base.last == "-" { base.removeLast() }
        return base + suffix
    }
}
