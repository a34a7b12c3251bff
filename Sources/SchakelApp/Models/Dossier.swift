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

enum DossierStore {
    /// The person row and its four kinds of child rows, or nil if there is no such person.
    static func find(_ id: UUID, on database: any Database) async throws -> Dossier? {
        let sql = database as! any SQLDatabase
        // One statement: the person row, repeated beside each child row (LEFT JOIN, so a person without
        // children still gives one row). Each kind of child in its own shape, every column as text.
        let rows = try await sql.raw("""
            SELECT p.reference, p.owner_organisation_id, p.birth_year, p.country_of_origin, p.home_municipality_id,
                   p.arrived_on, p.protection_requested_on, p.competences, p.job_wishes, p.needs_childcare, p.mobility,
                   p.has_driving_licence, p.needs_adapted_work, p.part_time_only, p.available_evenings,
                   p.available_weekends, p.identifiers, p.identifiers_key_id, p.labour_market_distance, p.resilience,
                   p.version, p.erased_at, c.kind, c.a, c.b, c.c, c.d
            FROM persons p LEFT JOIN (
                SELECT 's' AS kind, status AS a, since AS b, CAST(NULL AS TEXT) AS c, CAST(NULL AS TEXT) AS d
                  FROM person_legal_statuses WHERE person_id = \(bind: id)
                UNION ALL
                SELECT 'l', language, level, assessed_on, CASE WHEN is_mother_tongue THEN '1' ELSE '0' END
                  FROM person_languages WHERE person_id = \(bind: id)
                UNION ALL
                SELECT 'e', CAST(isced_level AS TEXT), field, country, recognition
                  FROM person_education WHERE person_id = \(bind: id)
                UNION ALL
                SELECT 'w', isco_code, CAST(years AS TEXT), country, CAST(NULL AS TEXT)
                  FROM person_work_experience WHERE person_id = \(bind: id)
            ) c ON 1 = 1
            WHERE p.id = \(bind: id)
            """).all()
        guard let row = rows.first else { return nil }

        var statuses: [LegalStatusRecord] = []
        var languages: [LanguageSkill] = []
        var education: [EducationRecord] = []
        var experience: [WorkExperienceRecord] = []
        for child in rows {
            guard let kind = try child.decode(column: "kind", as: String?.self) else { continue }
            let a = try child.decode(column: "a", as: String?.self) ?? ""
            let b = try child.decode(column: "b", as: String?.self) ?? ""
            let c = try child.decode(column: "c", as: String?.self) ?? ""
            let d = try child.decode(column: "d", as: String?.self) ?? ""
            switch kind {
            case "s":
                guard let status = LegalStatus(rawValue: a), let since = CalendarDate(iso: b) else { throw DossierProblem.badRow("status") }
                statuses.append(LegalStatusRecord(status: status, since: since))
            case "l":
                guard let level = CEFRLevel(rawValue: b), let assessed = CalendarDate(iso: c) else { throw DossierProblem.badRow("language") }
                languages.append(LanguageSkill(language: a, level: level, assessedOn: assessed, isMotherTongue: d == "1"))
            case "e":
                guard let number = Int(a), let level = ISCEDLevel(rawValue: number), let recognition = DiplomaRecognition(rawValue: d)
                else { throw DossierProblem.badRow("education") }
                education.append(EducationRecord(level: level, field: b, country: c, recognition: recognition))
            default:
                guard let years = Int(b) else { throw DossierProblem.badRow("experience") }
                experience.append(WorkExperienceRecord(occupation: a, years: years, country: c))
            }
        }

        let profile = PersonProfile.ordered(
            id: id, reference: try row.decode(column: "reference", as: String.self),
            ownerOrganisationID: try row.decode(column: "owner_organisation_id", as: UUID.self),
            birthYear: try row.decode(column: "birth_year", as: Int.self),
            countryOfOrigin: try row.decode(column: "country_of_origin", as: String.self),
            homeMunicipality: try row.decode(column: "home_municipality_id", as: String.self),
            arrivedOn: try row.decode(column: "arrived_on", as: CalendarDate?.self),
            protectionRequestedOn: try row.decode(column: "protection_requested_on", as: CalendarDate?.self),
            statusHistory: statuses, languages: languages, education: education, workExperience: experience,
            competences: JSONList.decode(try row.decode(column: "competences", as: String.self)),
            jobWishes: JSONList.strings(try row.decode(column: "job_wishes", as: String.self)),
            constraints: Constraints(needsChildcare: try row.decode(column: "needs_childcare", as: Bool.self),
                                     mobility: try row.decode(column: "mobility", as: Mobility.self),
                                     hasDrivingLicence: try row.decode(column: "has_driving_licence", as: Bool.self),
                                     needsAdaptedWork: try row.decode(column: "needs_adapted_work", as: Bool.self)),
            availability: Availability(partTimeOnly: try row.decode(column: "part_time_only", as: Bool.self),
                                       evenings: try row.decode(column: "available_evenings", as: Bool.self),
                                       weekends: try row.decode(column: "available_weekends", as: Bool.self)))
        return Dossier(profile: profile,
                       sealedIdentifiers: try row.decode(column: "identifiers", as: Data?.self),
                       identifiersKeyID: try row.decode(column: "identifiers_key_id", as: String?.self),
                       labourMarketDistance: try row.decode(column: "labour_market_distance", as: LabourMarketDistance?.self),
                       resilience: try row.decode(column: "resilience", as: Resilience?.self),
                       version: try row.decode(column: "version", as: Int.self),
                       erasedAt: try row.decode(column: "erased_at", as: Date?.self))
    }

    enum DossierProblem: Error { case badRow(String) }
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
