import Fluent
import Foundation
import SchakelCore
import Vapor

/// What every signed-in user does with their own account: the language, the password, an API token.
extension Accounts {
    /// The language choice is kept with the account, so it holds on every device and after signing in again.
    static func setLanguage(_ language: UILanguage, caller: Caller) async throws {
        guard let account = try await UserModel.find(caller.user.id, on: caller.db) else { throw SchakelError.unauthorized }
        account.language = language.rawValue
        try await account.save(on: caller.db)
    }

    enum PasswordProblem: Error, Equatable {
        case wrongCurrent, length, differ
        /// The form field the problem belongs to.
        var field: String {
            switch self {
            case .wrongCurrent: "current"
            case .length: "new"
            case .differ: "confirm"
            }
        }
    }

    /// A new password after the current one: `UserAccounts.minimumPasswordLength` characters or more (at most 72 bytes,
    /// bcrypt's limit), typed twice. Every API token and every browser session of the account ends in the same transaction.
    static func changePassword(current: String, new: String, confirm: String, hasher: PasswordHasher, caller: Caller) async throws {
        guard let account = try await UserModel.find(caller.user.id, on: caller.db) else { throw SchakelError.unauthorized }
        guard try await hasher.verify(current, against: account.passwordHash) else { throw PasswordProblem.wrongCurrent }
        guard new.count >= UserAccounts.minimumPasswordLength, new.utf8.count <= 72 else { throw PasswordProblem.length }
        guard new == confirm else { throw PasswordProblem.differ }
        let hash = try await hasher.hash(new)
        let userID = caller.user.id
        try await caller.db.transaction { db in
            account.passwordHash = hash
            try await account.save(on: db)
            try await UserTokenModel.query(on: db).filter(\.$user.$id == userID).delete()
            try await WebSessionDriver.endAll(of: userID, on: db)
        }
    }

    /// Revokes one of the caller's API tokens (the one a request came with).
    static func revokeToken(_ token: String, caller: Caller) async throws {
        try await UserTokenModel.query(on: caller.db).filter(\.$tokenHash == UserTokenModel.hash(token))
            .filter(\.$user.$id == caller.user.id).delete()
    }
}
