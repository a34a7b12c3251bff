import Fluent
import Foundation
import SchakelCore
import SQLKit

/// A dossier as it is read: the domain profile, the still sealed identifiers and the bookkeeping
/// columns. A value, read with one plain SQL statement: every dossier read takes this path, and
/// building a Fluent model with its forty property wrappers cost more than the read itself.
struct Dossier: Sendable {
    var profile: PersonProfile
    /// AES-GCM sealed JSON of `PersonIdentifiers`; nil after erasure.
    var sealedIdentifiers: Data?
    var identifiersKeyID: String?
    var labourMarketDistance: LabourMarketDistance?
    var resilience: Resilience?
    var version: Int
    var erasedAt: Date?

    var id: UUID { profile.id }
    var owner: UUID { profile.ownerOrganisationID }
    var reference: String { profile.reference }
}

/// What the access rule needs to know of a person before anything of it is read.
protocol DossierSubject {
    var subjectID: UUID { get throws }
    var ownerID: UUID { get }
    var isErased: Bool { get }
}

/// A person known by its row's facts alone (an id, its owner, whether erased): enough for the rule.
struct PersonReference: DossierSubject {
    let subjectID: UUID
    let ownerID: UUID
    let isErased: Bool
}

extension Dossier: DossierSubject {
    var subjectID: UUID { id }
    var ownerID: UUID { owner }
    var isErased: Bool { erasedAt != nil }
}

extension PersonModel: DossierSubject {
    var subjectID: UUID { get throws { try requireID() } }
    var ownerID: UUID { $owner.id }
    var isErased: Bool { erasedAt != nil }
}


extension PersonProfile {
    /// A profile with its lists in the order every answer shows them: statuses by date, languages by
    /// name and assessment, education highest first, experience longest first.
    static func ordered(id: UUID, reference: String, ownerOrganisationID: UUID, birthYear: Int, countryOfOrigin: String,
                        homeMunicipality: String, arrivedOn: CalendarDate?, protectionRequestedOn: CalendarDate?,
                        statusHistory: [LegalStatusRecord], languages: [LanguageSkill], education: [EducationRecord],
                        workExperience: [WorkExperienceRecord], competences: [Competence], jobWishes: [String],
                        constraints: Constraints, availability: Availability) -> PersonProfile {
        PersonProfile(
            id: id, reference: reference, ownerOrganisationID: ownerOrganisationID, birthYear: birthYear,
            countryOfOrigin: countryOfOrigin, homeMunicipality: homeMunicipality, arrivedOn: arrivedOn,
            protectionRequestedOn: protectionRequestedOn,
            statusHistory: statusHistory.sorted { ($0.since, $0.status.rawValue) < ($1.since, $1.status.rawValue) },
            languages: languages.sorted { ($0.language, $0.assessedOn) < ($1.language, $1.assessedOn) },
            education: education.sorted { ($0.level.rawValue, $0.field) > ($1.level.rawValue, $1.field) },
            workExperience: workExperience.sorted { ($0.years, $0.occupation) > ($1.years, $1.occupation) },
            competences: competences, jobWishes: jobWishes, constraints: constraints, availability: availability)
    }
}
