import Foundation
import SchakelCore
import Vapor

/// A dossier as one reader may see it: only the fields of allowed categories are present, and
/// `withheld` names every other category with the reason.
struct PersonDTO: Content {
    struct Withheld: Content, Equatable {
        let category: DataCategory
        let reason: AccessRule.Denial
    }

    struct RightToWorkDTO: Content {
        let mayWork: Bool
        let date: CalendarDate?
        let basis: String?
        let unknownReason: String?
    }

    var id: UUID
    var reference: String
    var ownerOrganisationId: UUID
    var version: Int
    var purpose: Purpose
    var withheld: [Withheld]

    // identity
    var givenName: String?
    var familyName: String?
    var birthDate: CalendarDate?
    var birthYear: Int?
    var nationalRegisterNumber: String?
    var countryOfOrigin: String?
    // contact
    var phone: String?
    var email: String?
    var address: String?
    var homeMunicipalityId: String?
    // legal status
    var statusHistory: [LegalStatusRecord]?
    var protectionRequestedOn: CalendarDate?
    var arrivedOn: CalendarDate?
    var rightToWork: RightToWorkDTO?
    // languages, education, experience
    var languages: [LanguageSkill]?
    var education: [EducationRecord]?
    var workExperience: [WorkExperienceRecord]?
    // competences and wishes
    var competences: [Competence]?
    var jobWishes: [String]?
    // availability and constraints
    var constraints: Constraints?
    var availability: Availability?
    // assessment
    var labourMarketDistance: LabourMarketDistance?
    var resilience: Resilience?

    /// Builds the answer from the dossier, the decrypted identifiers and the decision; nothing the
    /// decision does not allow is kept.
    init(_ dossier: Dossier, identifiers: PersonIdentifiers?, decision: AccessRule.Decision, purpose: Purpose, today: CalendarDate) {
        let profile = dossier.profile
        id = profile.id
        reference = profile.reference
        ownerOrganisationId = profile.ownerOrganisationID
        version = dossier.version
        self.purpose = purpose
        withheld = decision.denied.map { Withheld(category: $0.key, reason: $0.value) }
            .sorted { $0.category.rawValue < $1.category.rawValue }
        givenName = identifiers?.givenName
        familyName = identifiers?.familyName
        birthDate = identifiers?.birthDate
        nationalRegisterNumber = identifiers?.nationalRegisterNumber
        birthYear = profile.birthYear
        countryOfOrigin = profile.countryOfOrigin
        phone = identifiers?.phone
        email = identifiers?.email
        address = identifiers?.address
        homeMunicipalityId = profile.homeMunicipality
        statusHistory = profile.statusHistory
        protectionRequestedOn = profile.protectionRequestedOn
        arrivedOn = profile.arrivedOn
        rightToWork = RightToWorkDTO(profile.rightToWork(on: today))
        languages = profile.languages
        education = profile.education
        workExperience = profile.workExperience
        competences = profile.competences
        jobWishes = profile.jobWishes
        constraints = profile.constraints
        availability = profile.availability
        labourMarketDistance = dossier.labourMarketDistance
        resilience = dossier.resilience
        self = limited(to: decision.allowed)
    }

    /// The same answer with only the fields of `allowed` categories. Which field belongs to which
    /// category is `PersonField.category`, in the domain; here only where each field lives.
    func limited(to allowed: Set<DataCategory>) -> PersonDTO {
        var copy = self
        for field in PersonField.allCases where !allowed.contains(field.category) { copy.clear(field) }
        return copy
    }

    private mutating func clear(_ field: PersonField) {
        switch field {
        case .givenName: givenName = nil
        case .familyName: familyName = nil
        case .birthDate: birthDate = nil
        case .birthYear: birthYear = nil
        case .nationalRegisterNumber: nationalRegisterNumber = nil
        case .countryOfOrigin: countryOfOrigin = nil
        case .phone: phone = nil
        case .email: email = nil
        case .address: address = nil
        case .homeMunicipality: homeMunicipalityId = nil
        case .statusHistory: statusHistory = nil
        case .protectionRequestedOn: protectionRequestedOn = nil
        case .arrivedOn: arrivedOn = nil
        case .rightToWork: rightToWork = nil
        case .languages: languages = nil
        case .education: education = nil
        case .workExperience: workExperience = nil
        case .competences: competences = nil
        case .jobWishes: jobWishes = nil
        case .constraints: constraints = nil
        case .availability: availability = nil
        case .labourMarketDistance: labourMarketDistance = nil
        case .resilience: resilience = nil
        case .assessmentNote: break // not part of the answer
        }
    }
}

extension PersonDTO.RightToWorkDTO {
    init(_ right: RightToWork) {
        switch right {
        case let .allowed(since, basis):
            self.init(mayWork: true, date: since, basis: basis.code, unknownReason: nil)
        case let .from(date):
            self.init(mayWork: false, date: date, basis: RightToWork.Basis.fourMonthsAfterProtectionRequest.code, unknownReason: nil)
        case let .notAllowed(since):
            self.init(mayWork: false, date: since, basis: "refused", unknownReason: nil)
        case let .unknown(reason):
            let code: String
            switch reason {
            case .noStatusRecorded: code = "no-status-recorded"
            case .protectionRequestDateMissing: code = "protection-request-date-missing"
            case let .statusDoesNotDetermineIt(status): code = "status-does-not-determine-it:\(status.rawValue)"
            }
            self.init(mayWork: false, date: nil, basis: nil, unknownReason: code)
        }
    }
}

extension RightToWork.Basis {
    var code: String {
        switch self {
        case .fourMonthsAfterProtectionRequest: return "four-months-after-protection-request"
        case let .status(status): return "status:\(status.rawValue)"
        }
    }
}

/// What a client sends to create or change a dossier. On PATCH, absent fields stay as they are,
/// lists replace the whole list, and `version` must be the version that was read.
struct PersonInput: Content {
    var givenName: String?
    var familyName: String?
    var birthDate: CalendarDate?
    var nationalRegisterNumber: String?
    var phone: String?
    var email: String?
    var address: String?
    var birthYear: Int?
    var countryOfOrigin: String?
    var homeMunicipalityId: String?
    var arrivedOn: CalendarDate?
    var protectionRequestedOn: CalendarDate?
    var statusHistory: [LegalStatusRecord]?
    var languages: [LanguageSkill]?
    var education: [EducationRecord]?
    var workExperience: [WorkExperienceRecord]?
    var competences: [Competence]?
    var jobWishes: [String]?
    var constraints: Constraints?
    var availability: Availability?
    var labourMarketDistance: LabourMarketDistance?
    var resilience: Resilience?
    var version: Int?

    static let maxFieldOfStudy = 200

    /// ISO 3166-1 alpha-2: two capital letters.
    static func isCountryCode(_ text: String) -> Bool {
        text.count == 2 && text.allSatisfy { $0.isASCII && $0.isUppercase }
    }

    /// ISO 639: two or three lower-case letters ("nl", "ar", "prs").
    static func isLanguageCode(_ text: String) -> Bool {
        (2...3).contains(text.count) && text.allSatisfy { $0.isASCII && $0.isLowercase }
    }

    /// Field-level checks; `creating` requires what a new dossier cannot do without.
    func validate(creating: Bool, today: CalendarDate) throws {
        func text(_ value: String?, _ field: String, max: Int, required: Bool = false) throws {
            guard let value else {
                if required { throw SchakelError.validation(field: field, reason: Strings.missingField) }
                return
            }
            let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
            if trimmed.isEmpty && required { throw SchakelError.validation(field: field, reason: Strings.empty) }
            if value.count > max { throw SchakelError.validation(field: field, reason: Strings.tooLong, arguments: [String(max)]) }
        }
        try text(givenName, "givenName", max: 100, required: creating)
        try text(familyName, "familyName", max: 100, required: creating)
        try text(nationalRegisterNumber, "nationalRegisterNumber", max: 20)
        try text(phone, "phone", max: 30)
        try text(email, "email", max: 254)
        try text(address, "address", max: 300)
        if creating, countryOfOrigin == nil { throw SchakelError.validation(field: "countryOfOrigin", reason: Strings.missingField) }
        if let country = countryOfOrigin, !Self.isCountryCode(country) {
            throw SchakelError.validation(field: "countryOfOrigin", reason: Strings.countryCode)
        }
        if creating, homeMunicipalityId == nil { throw SchakelError.validation(field: "homeMunicipalityId", reason: Strings.missingField) }
        if creating, birthYear == nil, birthDate == nil { throw SchakelError.validation(field: "birthYear", reason: Strings.missingField) }
        if let year = birthYear, !(1900...today.year).contains(year) {
            throw SchakelError.validation(field: "birthYear", reason: Strings.notAnInteger, arguments: ["1900", String(today.year)])
        }
        if let birthDate, birthDate > today { throw SchakelError.validation(field: "birthDate", reason: Strings.dateInFuture) }
        for (index, occupation) in (jobWishes ?? []).enumerated() where !ISCO08.isValidCode(occupation) {
            throw SchakelError.validation(field: "jobWishes[\(index)]", reason: Strings.iscoCode)
        }
        for (index, record) in (workExperience ?? []).enumerated() {
            if !ISCO08.isValidCode(record.occupation) { throw SchakelError.validation(field: "workExperience[\(index)].occupation", reason: Strings.iscoCode) }
            if !(0...60).contains(record.years) {
                throw SchakelError.validation(field: "workExperience[\(index)].years", reason: Strings.notAnInteger, arguments: ["0", "60"])
            }
        }
        for (index, skill) in (languages ?? []).enumerated() {
            if !Self.isLanguageCode(skill.language) {
                throw SchakelError.validation(field: "languages[\(index)].language", reason: Strings.languageCode)
            }
            if skill.assessedOn > today { throw SchakelError.validation(field: "languages[\(index)].assessedOn", reason: Strings.dateInFuture) }
        }
        // Codes, not free text: a country is ISO 3166 alpha-2; the field of study a short text.
        for (index, record) in (education ?? []).enumerated() {
            try text(record.field, "education[\(index)].field", max: Self.maxFieldOfStudy)
            if !Self.isCountryCode(record.country) {
                throw SchakelError.validation(field: "education[\(index)].country", reason: Strings.countryCode)
            }
        }
        for (index, record) in (workExperience ?? []).enumerated() where !Self.isCountryCode(record.country) {
            throw SchakelError.validation(field: "workExperience[\(index)].country", reason: Strings.countryCode)
        }
        if (statusHistory?.count ?? 0) > 50 || (languages?.count ?? 0) > 100 || (education?.count ?? 0) > 30 || (workExperience?.count ?? 0) > 50 {
            throw SchakelError.validation(field: "statusHistory", reason: Strings.tooMany)
        }
    }
}

struct PersonSummaryDTO: Content {
    let id: UUID
    let reference: String
    let ownerOrganisationId: UUID
    /// Present when the reader may see identity.
    let givenName: String?
    let familyName: String?
}

/// A consent to record. Without `text`, Schakel writes its standard text in `textLanguage` (every language of the
/// people served has one, `PersonText`). When that text was not reviewed by a qualified translator, or the person
/// cannot read it (`personReadsText` false), an `interpreter` or a `witness` must be named (`ConsentUnderstanding`).
struct ConsentInput: Content {
    static let maxTextLength = 20_000
    /// Witness and interpreter: names.
    static let maxNameLength = 200

    let recipientOrganisationId: UUID
    let purpose: Purpose
    let categories: [DataCategory]
    let method: ConsentMethod
    let witness: String?
    let givenAt: Date?
    let expiresAt: Date?
    let text: String?
    /// The language the person was told in.
    let textLanguage: ConsentLanguage
    /// An interpreter's name or interpreting service.
    var interpreter: String? = nil
    /// Whether the person could read the text themselves; absent: yes.
    var personReadsText: Bool? = nil
}

struct ConsentDTO: Content {
    let id: UUID
    let personId: UUID
    let recipientOrganisationId: UUID
    let purpose: Purpose
    let categories: [DataCategory]
    let method: ConsentMethod
    let witness: String?
    let givenAt: Date
    let expiresAt: Date?
    let recordedByUserId: UUID
    let text: String
    /// The language the person was told in.
    let textLanguage: ConsentLanguage
    /// The language `text` is written in: `textLanguage` (consents recorded before every language had its text may say
    /// Dutch, when an interpreter put the Dutch standard text into the person's language).
    let textWrittenIn: ConsentLanguage
    let interpreter: String?
    /// Whether the text shown was reviewed by a qualified translator; nil for consents recorded before this was kept.
    let textReviewed: Bool?
    /// Whether the person could read the text themselves; nil for consents recorded before this was kept.
    let personReadsText: Bool?
    let withdrawnAt: Date?
    let withdrawnByUserId: UUID?
    /// The person withdrew it themselves, in "Mijn Schakel".
    let withdrawnByPerson: Bool
    let active: Bool

    init(_ model: ConsentModel, now: Date) throws {
        id = try model.requireID()
        personId = model.$person.id
        recipientOrganisationId = model.$recipient.id
        purpose = model.purpose
        categories = model.categories
        method = model.method
        witness = model.witness
        givenAt = model.givenAt
        expiresAt = model.expiresAt
        recordedByUserId = model.$recordedBy.id
        text = model.text
        textLanguage = model.textLanguage
        textWrittenIn = model.textWrittenIn ?? model.textLanguage
        interpreter = model.interpreter
        textReviewed = model.textReviewed
        personReadsText = model.personReadsText
        withdrawnAt = model.withdrawnAt
        withdrawnByUserId = model.$withdrawnBy.id
        withdrawnByPerson = model.withdrawnByPortalAccount != nil
        active = try model.domain().isActive(at: now)
    }
}

struct AccessLogEntryDTO: Content {
    let sequence: Int64
    let at: Date
    let userId: UUID?
    let organisationId: UUID?
    let action: String
    let categories: [String]
    let purpose: String?
    let outcome: String

    init(_ entry: AuditEntryModel) {
        sequence = entry.id ?? 0
        at = entry.at
        userId = entry.userID
        organisationId = entry.organisationID
        action = entry.action
        categories = JSONList.strings(entry.categoriesJSON)
        purpose = entry.purpose
        outcome = entry.outcome
    }
}
