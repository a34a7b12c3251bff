import Fluent
import Foundation
import SchakelCore

/// A newcomer's dossier. Direct identifiers are not here: they are kept apart, encrypted.
final class PersonModel: Model, @unchecked Sendable {
    static let schema = "persons"

    @ID(key: .id) var id: UUID?
    @Field(key: "reference") var reference: String
    @Parent(key: "owner_organisation_id") var owner: OrganisationModel
    @Field(key: "birth_year") var birthYear: Int
    @Field(key: "country_of_origin") var countryOfOrigin: String
    @Parent(key: "home_municipality_id") var homeMunicipality: MunicipalityModel
    @OptionalField(key: "arrived_on") var arrivedOn: CalendarDate?
    @OptionalField(key: "protection_requested_on") var protectionRequestedOn: CalendarDate?
    @Field(key: "competences") var competencesJSON: String
    @Field(key: "job_wishes") var jobWishesJSON: String
    @Field(key: "needs_childcare") var needsChildcare: Bool
    @Field(key: "mobility") var mobility: Mobility
    @Field(key: "has_driving_licence") var hasDrivingLicence: Bool
    @Field(key: "needs_adapted_work") var needsAdaptedWork: Bool
    @Field(key: "part_time_only") var partTimeOnly: Bool
    @Field(key: "available_evenings") var availableEvenings: Bool
    @Field(key: "available_weekends") var availableWeekends: Bool
    /// AES-GCM sealed JSON of `PersonIdentifiers`; nil after erasure.
    @OptionalField(key: "identifiers") var identifiers: Data?
    @OptionalField(key: "identifiers_key_id") var identifiersKeyID: String?
    /// Keyed hash of the full name, for search without plain text.
    @OptionalField(key: "name_index") var nameIndex: String?
    @OptionalField(key: "labour_market_distance") var labourMarketDistance: LabourMarketDistance?
    @OptionalField(key: "resilience") var resilience: Resilience?
    /// Optimistic concurrency: every update must name the version it read.
    @Field(key: "version") var version: Int
    @OptionalField(key: "erased_at") var erasedAt: Date?
    @OptionalField(key: "erasure_reason") var erasureReason: String?
    @OptionalField(key: "erased_by_user_id") var erasedBy: UUID?
    @OptionalField(key: "last_activity_at") var lastActivityAt: Date?
    /// Set by the retention rule when the dossier had no activity for the configured period.
    @OptionalField(key: "retention_flagged_at") var retentionFlaggedAt: Date?
    @Children(for: \.$person) var statuses: [PersonLegalStatusModel]
    @Children(for: \.$person) var languages: [PersonLanguageModel]
    @Children(for: \.$person) var education: [PersonEducationModel]
    @Children(for: \.$person) var workExperience: [PersonWorkExperienceModel]
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}
}

final class PersonLegalStatusModel: Model, @unchecked Sendable {
    static let schema = "person_legal_statuses"

    @ID(key: .id) var id: UUID?
    @Parent(key: "person_id") var person: PersonModel
    @Field(key: "status") var status: LegalStatus
    @Field(key: "since") var since: CalendarDate

    init() {}
}

final class PersonLanguageModel: Model, @unchecked Sendable {
    static let schema = "person_languages"

    @ID(key: .id) var id: UUID?
    @Parent(key: "person_id") var person: PersonModel
    @Field(key: "language") var language: String
    @Field(key: "level") var level: CEFRLevel
    @Field(key: "assessed_on") var assessedOn: CalendarDate
    @Field(key: "is_mother_tongue") var isMotherTongue: Bool

    init() {}
}

final class PersonEducationModel: Model, @unchecked Sendable {
    static let schema = "person_education"

    @ID(key: .id) var id: UUID?
    @Parent(key: "person_id") var person: PersonModel
    @Field(key: "isced_level") var iscedLevel: ISCEDLevel
    @Field(key: "field") var field: String
    @Field(key: "country") var country: String
    @Field(key: "recognition") var recognition: DiplomaRecognition

    init() {}
}

final class PersonWorkExperienceModel: Model, @unchecked Sendable {
    static let schema = "person_work_experience"

    @ID(key: .id) var id: UUID?
    @Parent(key: "person_id") var person: PersonModel
    @Field(key: "isco_code") var iscoCode: String
    @Field(key: "years") var years: Int
    @Field(key: "country") var country: String

    init() {}
}

extension PersonModel {
    /// The domain's view of this dossier; the children must have been eager-loaded.
    func profile() throws -> PersonProfile {
        PersonProfile.ordered(
            id: try requireID(), reference: reference, ownerOrganisationID: $owner.id, birthYear: birthYear,
            countryOfOrigin: countryOfOrigin, homeMunicipality: $homeMunicipality.id, arrivedOn: arrivedOn,
            protectionRequestedOn: protectionRequestedOn,
            statusHistory: statuses.map { LegalStatusRecord(status: $0.status, since: $0.since) },
            languages: languages.map {
                LanguageSkill(language: $0.language, level: $0.level, assessedOn: $0.assessedOn, isMotherTongue: $0.isMotherTongue)
            },
            education: education.map {
                EducationRecord(level: $0.iscedLevel, field: $0.field, country: $0.country, recognition: $0.recognition)
            },
            workExperience: workExperience.map { WorkExperienceRecord(occupation: $0.iscoCode, years: $0.years, country: $0.country) },
            competences: JSONList.decode(competencesJSON), jobWishes: JSONList.strings(jobWishesJSON),
            constraints: Constraints(needsChildcare: needsChildcare, mobility: mobility,
                                     hasDrivingLicence: hasDrivingLicence, needsAdaptedWork: needsAdaptedWork),
            availability: Availability(partTimeOnly: partTimeOnly, evenings: availableEvenings, weekends: availableWeekends))
    }
}
