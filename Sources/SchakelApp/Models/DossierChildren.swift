import Fluent
import Foundation
import SchakelCore
import SQLKit

/// Loads a dossier's child rows (statuses, languages, education, experience) with plain SQL and fills
/// the model's `@Children` with them. Every dossier read does this, and Fluent's eager loading spends
/// most of its time reflecting over model properties; the rows are few and their shape is fixed.
enum DossierChildren {
    private struct Status: Decodable { let id: UUID; let status: LegalStatus; let since: CalendarDate }
    private struct Language: Decodable {
        let id: UUID; let language: String; let level: CEFRLevel; let assessed_on: CalendarDate; let is_mother_tongue: Bool
    }
    private struct Education: Decodable {
        let id: UUID; let isced_level: ISCEDLevel; let field: String; let country: String; let recognition: DiplomaRecognition
    }
    private struct Experience: Decodable { let id: UUID; let isco_code: String; let years: Int; let country: String }

    static func load(into person: PersonModel, on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        let id = try person.requireID()
        let statuses = try await sql.raw("SELECT id, status, since FROM person_legal_statuses WHERE person_id = \(bind: id)")
            .all(decoding: Status.self)
        let languages = try await sql.raw("""
            SELECT id, language, level, assessed_on, is_mother_tongue FROM person_languages WHERE person_id = \(bind: id)
            """).all(decoding: Language.self)
        let education = try await sql.raw("""
            SELECT id, isced_level, field, country, recognition FROM person_education WHERE person_id = \(bind: id)
            """).all(decoding: Education.self)
        let experience = try await sql.raw("SELECT id, isco_code, years, country FROM person_work_experience WHERE person_id = \(bind: id)")
            .all(decoding: Experience.self)
        person.$statuses.value = statuses.map { row in
            let model = PersonLegalStatusModel()
            model.id = row.id
            model.$person.id = id
            model.status = row.status
            model.since = row.since
            return model
        }
        person.$languages.value = languages.map { row in
            let model = PersonLanguageModel()
            model.id = row.id
            model.$person.id = id
            model.language = row.language
            model.level = row.level
            model.assessedOn = row.assessed_on
            model.isMotherTongue = row.is_mother_tongue
            return model
        }
        person.$education.value = education.map { row in
            let model = PersonEducationModel()
            model.id = row.id
            model.$person.id = id
            model.iscedLevel = row.isced_level
            model.field = row.field
            model.country = row.country
            model.recognition = row.recognition
            return model
        }
        person.$workExperience.value = experience.map { row in
            let model = PersonWorkExperienceModel()
            model.id = row.id
            model.$person.id = id
            model.iscoCode = row.isco_code
            model.years = row.years
            model.country = row.country
            return model
        }
    }
}
