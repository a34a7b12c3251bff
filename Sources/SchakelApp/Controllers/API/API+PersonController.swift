import Fluent
import Foundation
import SchakelCore
import SQLKit
import Vapor

extension API {
    /// `/api/v1/persons`: dossiers, consents and the access log. Reads go through `PersonAccess`.
    struct PersonController {
        /// Roles that work with whole dossiers, their consents and access log, in any organisation: the
        /// access rule's role part decides (`AccessRule.worksWithDossiers`), for the API and the pages alike.
        static let caseworkerRoles: Set<UserRole> = Set(UserRole.allCases.filter(AccessRule.worksWithDossiers))

        static func requireCaseworker(_ request: Request) throws {
            guard caseworkerRoles.contains(try request.user.role) else { throw SchakelError.forbidden }
        }

        static func target(_ request: Request, action: AuditEvent.Action) async throws -> Dossier {
            try await Persons.target(try request.uuidParameter("personID"), action: action, caller: try request.caller)
        }

        // MARK: Read

        @Sendable func show(_ request: Request) async throws -> PersonDTO {
            let caller = try request.caller
            try caller.requireCaseworker()
            return try await Persons.show(try request.uuidParameter("personID"), purpose: try request.purpose(), caller: caller)
        }

        /// The reader's own dossiers plus those shared with its organisation.
        @Sendable func list(_ request: Request) async throws -> Page<PersonSummaryDTO> {
            try await Self.listing(request, nameIndex: nil)
        }

        struct SearchInput: Content {
            let name: String
        }

        /// Finds dossiers by full name through the blind index. A POST, so the name never stands in a
        /// URL (proxies and access logs keep URLs).
        @Sendable func search(_ request: Request) async throws -> Page<PersonSummaryDTO> {
            let input = try request.content.decode(SearchInput.self)
            let name = input.name.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !name.isEmpty else { throw SchakelError.validation(field: "name", reason: Strings.empty) }
            guard name.count <= 200 else { throw SchakelError.validation(field: "name", reason: Strings.tooLong, arguments: ["200"]) }
            return try await Self.listing(request, nameIndex: try request.application.keyring.blindIndex(name))
        }

        /// `paging` overrides the request's `?page=&per=` (a page showing a short list).
        static func listing(_ request: Request, nameIndex: String?, paging override: Paging? = nil) async throws -> Page<PersonSummaryDTO> {
            let caller = try request.caller
            guard caller.role != .analyst else { throw SchakelError.forbidden }
            let paging = try override ?? Paging(request)
            return try await Persons.listing(purpose: try request.purpose(), nameIndex: nameIndex, paging: paging, caller: caller)
        }

        // MARK: Write

        @Sendable func create(_ request: Request) async throws -> Response {
            try Self.requireCaseworker(request)
            let created = try await Persons.create(try request.content.decode(PersonInput.self), caller: try request.caller)
            let response = Response(status: .created)
            try response.content.encode(created)
            response.headers.replaceOrAdd(name: .location, value: APILocation.person(created.id))
            return response
        }

        /// Changes a dossier. `version` must be the one that was read: a stale version is a 409 and nothing changes.
        @Sendable func update(_ request: Request) async throws -> PersonDTO {
            try Self.requireCaseworker(request)
            return try await Persons.update(try await Self.target(request, action: .update), caller: try request.caller) {
                try request.content.decode(PersonInput.self)
            }
        }

        // MARK: Consent

        @Sendable func addConsent(_ request: Request) async throws -> Response {
            try Self.requireCaseworker(request)
            let person = try await Self.target(request, action: .consentGiven)
            let response = Response(status: .created)
            try response.content.encode(try await Consents.record(for: person, caller: try request.caller) {
                try request.content.decode(ConsentInput.self)
            })
            return response
        }

        @Sendable func consents(_ request: Request) async throws -> [ConsentDTO] {
            try await Consents.list(of: try request.uuidParameter("personID"), caller: try request.caller)
        }

        /// Withdrawal takes effect at once; the consent stays on record, with who withdrew it and when.
        @Sendable func withdrawConsent(_ request: Request) async throws -> ConsentDTO {
            try await Consents.withdraw(try request.uuidParameter("consentID"), caller: try request.caller)
        }

        // MARK: Access log

        /// Who saw what of this person: for the owning organisation (and in the person's export).
        @Sendable func accessLog(_ request: Request) async throws -> Page<AccessLogEntryDTO> {
            try Self.requireCaseworker(request)
            let paging = try Paging(request)
            return try await Persons.accessLog(of: try request.uuidParameter("personID"), paging: paging, caller: try request.caller)
        }
    }
}
