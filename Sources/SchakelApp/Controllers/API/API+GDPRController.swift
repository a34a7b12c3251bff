import Fluent
import Foundation
import SchakelCore
import SQLKit
import Vapor

/// The person's rights under the GDPR: access and portability (articles 15 and 20) and erasure (article 17).
struct PersonExportDTO: Content {
    let exportedAt: Date
    let controller: String
    let person: PersonDTO
    let consents: [ConsentDTO]
    let accessLog: [AccessLogEntryDTO]
}

struct ErasureInput: Content {
    let reason: String
}

struct ErasureDTO: Content {
    let id: UUID
    let reference: String
    let erasedAt: Date
    let reason: String
    /// What was kept, pseudonymously, for statistics.
    let kept: [String]
}

extension API {
    struct GDPRController {
        /// Everything about the person, consents and access log included, as JSON: for the owning organisation to hand over.
        @Sendable func export(_ request: Request) async throws -> Response {
            try PersonController.requireCaseworker(request)
            let person = try await PersonController.load(request)
            let access = PersonAccess(request: request)
            try await access.requireOwner(person, action: .export)
            let decision = try await access.decide(person, purpose: .guidanceToWork, action: .export)
            let personID = person.id
            let now = request.now
            let consents = try await ConsentModel.query(on: request.db).filter(\.$person.$id == personID).sort(\.$givenAt).all()
                .map { try ConsentDTO($0, now: now) }
            let log = try await AuditEntryModel.query(on: request.db).filter(\.$personID == personID).sort(\.$id).all()
                .map(AccessLogEntryDTO.init)
            let owner = try await OrganisationModel.find(person.owner, on: request.db)
            let export = PersonExportDTO(
                exportedAt: now, controller: owner?.name ?? "",
                person: PersonDTO(person, identifiers: try request.identifiers(of: person), decision: decision,
                                  purpose: .guidanceToWork, today: now.brusselsDay),
                consents: consents, accessLog: log)
            let response = Response(status: .ok)
            try response.content.encode(export)
            response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"schakel-export-\(person.reference).json\"")
            return response
        }

        /// Removes identifiers and free text; keeps the pseudonymous facts statistics need; records who and why.
        @Sendable func erase(_ request: Request) async throws -> ErasureDTO {
            try PersonController.requireCaseworker(request)
            let person = try await PersonController.load(request)
            try await PersonAccess(request: request).requireOwner(person, action: .erase)
            let input = try request.content.decode(ErasureInput.self)
            let reason = input.reason.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !reason.isEmpty else { throw SchakelError.validation(field: "reason", reason: Strings.empty) }
            guard reason.count <= 500 else { throw SchakelError.validation(field: "reason", reason: Strings.tooLong, arguments: ["500"]) }
            let user = try request.user
            let now = request.now
            let personID = person.id
            try await request.db.transaction { db in
                let sql = db as! any SQLDatabase
                try await sql.update(PersonModel.schema)
                    .set("identifiers", to: SQLLiteral.null).set("identifiers_key_id", to: SQLLiteral.null)
                    .set("name_index", to: SQLLiteral.null).set("erased_at", to: now).set("erasure_reason", to: reason)
                    .set("erased_by_user_id", to: user.id).set("updated_at", to: now)
                    .where("id", .equal, personID).run()
                // Consents stay as proof of what was allowed, without the witness's name or the signed text's free part.
                try await sql.update(ConsentModel.schema).set("witness", to: SQLLiteral.null)
                    .where("person_id", .equal, personID).run()
            }
            try await request.audit(AuditEvent(userID: user.id, organisationID: user.organisationID, personID: personID, action: .erase,
                                               categories: [.identity, .contact], purpose: nil, outcome: .allowed))
            return ErasureDTO(id: personID, reference: person.reference, erasedAt: now, reason: reason,
                              kept: ["birthYear", "countryOfOrigin", "homeMunicipality", "statusHistory", "languages", "education",
                                     "workExperience", "competences", "jobWishes", "constraints", "availability"])
        }
    }
}
