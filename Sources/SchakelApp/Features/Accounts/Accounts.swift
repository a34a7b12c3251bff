import Fluent
import Foundation
import SchakelCore
import SQLKit
import Vapor

/// The accounts of an organisation, as its administrators manage them (`/beheer`). New accounts are made by
/// `UserAccounts.create`, which the `user create` command shares.
enum Accounts {
    /// A new account as the administrator fills it in; `role` and `language` are checked with the rest.
    struct AccountInput: Sendable {
        var email: String
        var role: String
        var displayName: String
        var language: String
        var password: String
    }

    /// A new account in the administrator's own organisation, with a first password the person changes. The
    /// checks and the hashing are the `user create` command's (`UserAccounts.create`), which reads the
    /// application's password hasher; its `Problem` names the field that is wrong.
    static func create(_ input: AccountInput, caller: Caller, application: Application) async throws -> UserModel {
        try caller.requireAdministrator()
        let slug = try await OrganisationModel.find(caller.organisationID, on: caller.db)?.slug ?? ""
        // Who opened an account in the organisation, and when (as a role change and a closing are), with the account.
        let entry = AuditEvent.administration(.accountCreate, by: caller.user)
        return try await UserAccounts.create(email: input.email, organisationSlug: slug, role: input.role,
                                             displayName: input.displayName, language: input.language, password: input.password,
                                             on: application) { db in try await caller.audit(entry, on: db) }
    }

    /// Another open account of the administrator's own organisation.
    static func colleague(_ id: UUID, caller: Caller) async throws -> UserModel {
        try caller.requireAdministrator()
        guard let account = try await UserModel.find(id, on: caller.db),
              account.$organisation.id == caller.organisationID, account.closedAt == nil
        else { throw SchakelError.notFound }
        guard account.id != caller.user.id else { throw SchakelError.validation(field: "role", reason: Strings.notYourself) }
        return account
    }

    /// The accounts of the caller's own organisation, by e-mail address.
    static func ofOwnOrganisation(caller: Caller) async throws -> [UserModel] {
        try caller.requireAdministrator()
        return try await UserModel.query(on: caller.db).filter(\.$organisation.$id == caller.organisationID).sort(\.$email).all()
    }

    /// A new role applies at the account's next request: sessions and tokens read the role each time.
    /// `account` is one `colleague` gave.
    static func changeRole(of account: UserModel, to role: UserRole, caller: Caller) async throws {
        try caller.requireAdministrator()
        account.role = role
        try await caller.db.transaction { db in
            try await account.update(on: db)
            try await caller.audit(.administration(.accountRole, by: caller.user), on: db)
        }
    }

    /// Closing and the end of the account's tokens are one transaction: no token outlives the account.
    /// `account` is one `colleague` gave.
    static func close(_ account: UserModel, caller: Caller) async throws {
        try caller.requireAdministrator()
        let accountID = try account.requireID()
        let now = caller.now
        try await caller.db.transaction { db in
            account.closedAt = now
            account.closedByUserID = caller.user.id
            try await account.update(on: db)
            try await UserTokenModel.query(on: db).filter(\.$user.$id == accountID).delete()
            try await WebSessionDriver.endAll(of: accountID, on: db)
            // What waited for the person now waits for the whole organisation.
            let sql = db as! any SQLDatabase
            try await sql.update(NotificationModel.schema).set("user_id", to: SQLLiteral.null)
                .where("user_id", .equal, accountID).where("read_at", .is, SQLLiteral.null).run()
            try await sql.update(OutboxMessageModel.schema).set("user_id", to: SQLLiteral.null)
                .where("user_id", .equal, accountID).where("sent_at", .is, SQLLiteral.null).run()
            try await caller.audit(.administration(.accountClose, by: caller.user), on: db)
        }
    }
}
