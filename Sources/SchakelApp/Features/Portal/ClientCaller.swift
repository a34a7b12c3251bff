import Fluent
import Foundation
import SchakelCore
import Vapor

/// A person signed in to "Mijn Schakel": the one argument every portal feature takes, as `Caller` is for staff.
struct ClientCaller: Sendable {
    /// The account as the request found it.
    struct Account: Sendable, Equatable {
        let id: UUID
        let personID: UUID
        let accountNumber: String
        let language: ConsentLanguage
    }

    let account: Account
    let clock: @Sendable () -> Date
    let db: any Database
    let keyring: DataKeyring
    let auditLog: AuditLog

    var now: Date { clock() }
    var today: CalendarDate { clock().brusselsDay }
    /// The access rule's client role: this account, this person.
    var client: AccessRule.Client { AccessRule.Client(accountID: account.id, personID: account.personID) }

    func on(_ database: any Database) -> ClientCaller {
        ClientCaller(account: account, clock: clock, db: database, keyring: keyring, auditLog: auditLog)
    }

    /// Records what the person did in their own dossier: the account is the actor, no organisation.
    func audit(_ action: AuditEvent.Action, person: UUID?, categories: [DataCategory] = [], purpose: Purpose? = nil,
               outcome: AuditEvent.Outcome = .allowed, on database: (any Database)? = nil) async throws {
        try await auditLog.append(AuditEvent(userID: account.id, organisationID: nil, personID: person, action: action,
                                             categories: categories, purpose: purpose, outcome: outcome),
                                  at: now, on: database ?? db)
    }
}

extension ClientCaller.Account {
    init(_ model: PortalAccountModel) throws {
        self.init(id: try model.requireID(), personID: model.$person.id, accountNumber: model.accountNumber, language: model.language)
    }
}
