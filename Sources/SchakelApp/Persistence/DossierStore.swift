import Fluent
import Foundation
import SchakelCore
import SQLKit

/// Dossiers in the database: one read (`find`) and the writes of a whole dossier, its person row and its four kinds of
/// child rows (`insert`, `replace`), in bulk (the demo world) or one at a time (a screening, an edit). One place knows
/// which column holds which field.
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

    // MARK: Writing

    static let personColumns = [
        "id", "reference", "owner_organisation_id", "birth_year", "country_of_origin", "home_municipality_id", "arrived_on",
        "protection_requested_on", "competences", "job_wishes", "needs_childcare", "mobility", "has_driving_licence",
        "needs_adapted_work", "part_time_only", "available_evenings", "available_weekends", "created_at", "updated_at",
        "identifiers", "identifiers_key_id", "name_index", "labour_market_distance", "resilience", "last_activity_at",
        "right_to_work_on",
    ]

    typealias Assessment = (distance: LabourMarketDistance?, resilience: Resilience?)

    static func row(_ profile: PersonProfile, now: Date, sealed: (ciphertext: Data, keyID: String)?, nameIndex: String?,
                       assessment: Assessment = (nil, nil)) -> [any Encodable & Sendable] {
        [
            profile.id, profile.reference, profile.ownerOrganisationID, profile.birthYear, profile.countryOfOrigin,
            profile.homeMunicipality, profile.arrivedOn?.iso, profile.protectionRequestedOn?.iso,
            JSONList.encode(profile.competences), JSONList.encode(profile.jobWishes), profile.constraints.needsChildcare,
            profile.constraints.mobility.rawValue, profile.constraints.hasDrivingLicence, profile.constraints.needsAdaptedWork,
            profile.availability.partTimeOnly, profile.availability.evenings, profile.availability.weekends, now, now,
            sealed?.ciphertext, sealed?.keyID, nameIndex, assessment.distance?.rawValue, assessment.resilience?.rawValue, now,
            rightToWorkOn(profile, today: now.brusselsDay)?.iso,
        ]
    }

    /// Kept with the person so "who may work in the coming weeks" is one indexed query.
    static func rightToWorkOn(_ profile: PersonProfile, today: CalendarDate) -> CalendarDate? {
        Milestones.rightToWorkDate(statusHistory: profile.statusHistory, protectionRequestedOn: profile.protectionRequestedOn,
                                   today: today)
    }

    /// Writes one new dossier with its children (inside the caller's transaction).
    static func insert(_ profile: PersonProfile, sealed: (ciphertext: Data, keyID: String), nameIndex: String,
                       assessment: Assessment, now: Date, on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await BulkInsert.rows(into: PersonModel.schema, columns: personColumns,
                         rows: [row(profile, now: now, sealed: sealed, nameIndex: nameIndex, assessment: assessment)], on: sql)
        try await insertChildren(ChildRows().adding(profile), on: sql)
    }

    /// Rewrites a dossier's fields and children (inside the caller's transaction, after the version was claimed).
    static func replace(_ profile: PersonProfile, sealed: (ciphertext: Data, keyID: String), nameIndex: String,
                        assessment: Assessment, today: CalendarDate, on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.update(PersonModel.schema)
            .set("birth_year", to: profile.birthYear).set("country_of_origin", to: profile.countryOfOrigin)
            .set("home_municipality_id", to: profile.homeMunicipality).set("arrived_on", to: profile.arrivedOn?.iso)
            .set("protection_requested_on", to: profile.protectionRequestedOn?.iso)
            .set("competences", to: JSONList.encode(profile.competences)).set("job_wishes", to: JSONList.encode(profile.jobWishes))
            .set("needs_childcare", to: profile.constraints.needsChildcare).set("mobility", to: profile.constraints.mobility.rawValue)
            .set("has_driving_licence", to: profile.constraints.hasDrivingLicence)
            .set("needs_adapted_work", to: profile.constraints.needsAdaptedWork)
            .set("part_time_only", to: profile.availability.partTimeOnly).set("available_evenings", to: profile.availability.evenings)
            .set("available_weekends", to: profile.availability.weekends)
            .set("identifiers", to: sealed.ciphertext).set("identifiers_key_id", to: sealed.keyID).set("name_index", to: nameIndex)
            .set("labour_market_distance", to: assessment.distance?.rawValue).set("resilience", to: assessment.resilience?.rawValue)
            .set("right_to_work_on", to: rightToWorkOn(profile, today: today)?.iso)
            .where("id", .equal, profile.id)
            .run()
        for table in [PersonLegalStatusModel.schema, PersonLanguageModel.schema, PersonEducationModel.schema, PersonWorkExperienceModel.schema] {
            try await sql.delete(from: table).where("person_id", .equal, profile.id).run()
        }
        var fresh = SeededGenerator(seed: UInt64.random(in: .min ... .max))
        try await insertChildren(ChildRows(random: &fresh).adding(profile), on: sql)
    }

    static func insertChildren(_ children: ChildRows, on sql: any SQLDatabase) async throws {
        try await BulkInsert.rows(into: PersonLegalStatusModel.schema, columns: ["id", "person_id", "status", "since"], rows: children.statuses, on: sql)
        try await BulkInsert.rows(into: PersonLanguageModel.schema,
                         columns: ["id", "person_id", "language", "level", "assessed_on", "is_mother_tongue"], rows: children.languages, on: sql)
        try await BulkInsert.rows(into: PersonEducationModel.schema,
                         columns: ["id", "person_id", "isced_level", "field", "country", "recognition"], rows: children.education, on: sql)
        try await BulkInsert.rows(into: PersonWorkExperienceModel.schema, columns: ["id", "person_id", "isco_code", "years", "country"],
                         rows: children.experience, on: sql)
    }

    /// Child-row ids come from a generator seeded by the person's id, so they too repeat with the seed.
    struct ChildRows: Sendable {
        var statuses: [[any Encodable & Sendable]] = []
        var languages: [[any Encodable & Sendable]] = []
        var education: [[any Encodable & Sendable]] = []
        var experience: [[any Encodable & Sendable]] = []
        var count: Int { statuses.count + languages.count + education.count + experience.count }

        /// Ids from a generator seeded by the person's id (the demo world repeats), unless one is given.
        private var random: SeededGenerator?

        init() {}

        init(random: inout SeededGenerator) { self.random = SeededGenerator(seed: random.next()) }

        func adding(_ profile: PersonProfile) -> ChildRows {
            var copy = self
            copy.add(profile)
            return copy
        }

        mutating func add(_ profile: PersonProfile) {
            let (a, b) = profile.id.halves
            var random = self.random ?? SeededGenerator(seed: a ^ (b &* 0x9E37_79B9_7F4A_7C15))
            defer { if self.random != nil { self.random = random } }
            for status in profile.statusHistory {
                statuses.append([random.uuid(), profile.id, status.status.rawValue, status.since.iso])
            }
            for skill in profile.languages {
                languages.append([random.uuid(), profile.id, skill.language, skill.level.rawValue, skill.assessedOn.iso, skill.isMotherTongue])
            }
            for record in profile.education {
                education.append([random.uuid(), profile.id, record.level.rawValue, record.field, record.country, record.recognition.rawValue])
            }
            for record in profile.workExperience {
                experience.append([random.uuid(), profile.id, record.occupation, record.years, record.country])
            }
        }
    }
}

extension UUID {
    var halves: (UInt64, UInt64) {
        let b = uuid
        let first = [b.0, b.1, b.2, b.3, b.4, b.5, b.6, b.7].reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        let second = [b.8, b.9, b.10, b.11, b.12, b.13, b.14, b.15].reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        return (first, second)
    }
}
