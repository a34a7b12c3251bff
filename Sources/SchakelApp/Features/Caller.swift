import Fluent
import Foundation
import SchakelCore
import Vapor

/// Who asks, and with what: the one argument every feature function takes. An adapter (the API, the pages,
/// a command, later the person's own portal) makes it once per request; a feature never reads the request.
struct Caller: Sendable {
    let user: AuthenticatedUser
    /// The application's clock, read at each use, so tests and the demo set the time (`SchakelSettings.now`).
    let clock: @Sendable () -> Date
    let db: any Database
    let keyring: DataKeyring
    let auditLog: AuditLog

    var now: Date { clock() }
    var today: CalendarDate { clock().brusselsDay }
    var organisationID: UUID { user.organisationID }
    var role: UserRole { user.role }
    var viewer: AccessRule.Viewer { AccessRule.Viewer(userID: user.id, organisationID: user.organisationID, role: user.role) }

    /// The same caller on another database handle (a transaction's), so a feature's reads and writes share it.
    func on(_ database: any Database) -> Caller {
        Caller(user: user, clock: clock, db: database, keyring: keyring, auditLog: auditLog)
    }

    /// Records an event; given the transaction of the write it records, the entry is written in it.
    func audit(_ event: AuditEvent, on database: (any Database)? = nil) async throws {
        try await auditLog.append(event, at: now, on: database ?? db)
    }

    /// Runs a write of a person's data and, when it is refused (invalid input, a stale version, no right),
    /// records the refusal with its outcome before passing the error on.
    func recordingRefusal<T>(of event: AuditEvent, _ write: () async throws -> T) async throws -> T {
        do {
            return try await write()
        } catch let error as SchakelError {
            if let outcome = AuditEvent.Outcome(refusal: error) {
                var refused = event
                refused.outcome = outcome
                try await audit(refused)
            }
            throw error
        }
    }

    /// The decrypted identifiers of a dossier. Call only after the access rule allowed identity or contact.
    func identifiers(of dossier: Dossier) throws -> PersonIdentifiers? {
        try identifiers(sealed: dossier.sealedIdentifiers, keyID: dossier.identifiersKeyID)
    }

    func identifiers(sealed: Data?, keyID: String?) throws -> PersonIdentifiers? {
        guard let sealed, let keyID else { return nil }
        return try keyring.openIdentifiers(sealed, keyID: keyID)
    }

    /// Roles that work with whole dossiers, their consents and access log (`AccessRule.worksWithDossiers`).
    static let caseworkerRoles: Set<UserRole> = Set(UserRole.allCases.filter(AccessRule.worksWithDossiers))

    func requireCaseworker() throws {
        guard Self.caseworkerRoles.contains(role) else { throw SchakelError.forbidden }
    }

    var access: PersonAccess { PersonAccess(caller: self) }
}

extension Caller {
    /// A caller outside a request (a command, a test): the application's clock, keys and audit log.
    init(user: AuthenticatedUser, application: Application, on database: (any Database)? = nil) throws {
        self.init(user: user, clock: application.schakel.now, db: database ?? application.db, keyring: try application.keyring,
                  auditLog: application.auditLog)
    }
}

extension Request {
    /// The signed-in user with the application's clock, database, keys and audit log; 401 without a user.
    var caller: Caller {
        get throws {
            try Caller(user: try user, application: application, on: db)
        }
    }
}
