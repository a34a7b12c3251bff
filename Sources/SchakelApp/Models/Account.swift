import Fluent
import Foundation
import SchakelCore
import Vapor

final class UserModel: Model, @unchecked Sendable {
    static let schema = "users"

    @ID(key: .id) var id: UUID?
    /// Stored lower-cased; unique.
    @Field(key: "email") var email: String
    @Field(key: "display_name") var displayName: String
    @Parent(key: "organisation_id") var organisation: OrganisationModel
    @Field(key: "role") var role: UserRole
    @Field(key: "password_hash") var passwordHash: String
    @Field(key: "language") var language: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    /// When an administrator closed the account (migration 008): it signs in no more, its tokens are gone.
    @OptionalField(key: "closed_at") var closedAt: Date?
    @OptionalField(key: "closed_by_user_id") var closedByUserID: UUID?

    init() {}

    init(id: UUID? = nil, email: String, displayName: String, organisationID: UUID, role: UserRole,
         passwordHash: String, language: String = "nl") {
        self.id = id
        self.email = email.lowercased()
        self.displayName = displayName
        $organisation.id = organisationID
        self.role = role
        self.passwordHash = passwordHash
        self.language = language
    }
}

/// An API bearer token. Only a SHA-256 of the token is stored: a copy of the database does not
/// let anyone sign in.
final class UserTokenModel: Model, @unchecked Sendable {
    static let schema = "user_tokens"

    @ID(key: .id) var id: UUID?
    @Parent(key: "user_id") var user: UserModel
    @Field(key: "token_hash") var tokenHash: String
    @Field(key: "expires_at") var expiresAt: Date
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(userID: UUID, tokenHash: String, expiresAt: Date) {
        $user.id = userID
        self.tokenHash = tokenHash
        self.expiresAt = expiresAt
    }

    static func hash(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).hex
    }
}

/// Failed sign-ins per e-mail address (as a hash, so the table lists no addresses).
final class SignInThrottleModel: Model, @unchecked Sendable {
    static let schema = "sign_in_throttles"

    @ID(custom: "id", generatedBy: .user) var id: String?
    @Field(key: "failures") var failures: Int
    @OptionalField(key: "last_failure_at") var lastFailureAt: Date?
    @OptionalField(key: "locked_until") var lockedUntil: Date?

    init() {}

    init(key: String) {
        id = key
        failures = 0
    }

    var state: SignInThrottle.State {
        SignInThrottle.State(failures: failures, lastFailureAt: lastFailureAt?.timeIntervalSince1970,
                             lockedUntil: lockedUntil?.timeIntervalSince1970)
    }

    func apply(_ state: SignInThrottle.State) {
        failures = state.failures
        lastFailureAt = state.lastFailureAt.map(Date.init(timeIntervalSince1970:))
        lockedUntil = state.lockedUntil.map(Date.init(timeIntervalSince1970:))
    }

    static func key(for email: String) -> String {
        SHA256.hash(data: Data(("sign-in:" + email.lowercased()).utf8)).hex
    }
}
