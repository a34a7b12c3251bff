import Fluent
import Foundation
import SchakelCore

/// A person's client account for "Mijn Schakel" (migration 014): made by an invitation, opened with its one-time code,
/// then used with the account number and the person's passphrase. One per person; a new invitation replaces the code.
final class PortalAccountModel: Model, @unchecked Sendable {
    static let schema = "portal_accounts"

    @ID(key: .id) var id: UUID?
    @Parent(key: "person_id") var person: PersonModel
    @Field(key: "account_number") var accountNumber: String
    @Field(key: "language") var language: ConsentLanguage
    @OptionalField(key: "passphrase_hash") var passphraseHash: String?
    @OptionalField(key: "code_hash") var codeHash: String?
    @OptionalField(key: "code_expires_at") var codeExpiresAt: Date?
    @Field(key: "invited_at") var invitedAt: Date
    @Parent(key: "invited_by_user_id") var invitedBy: UserModel
    @OptionalField(key: "activated_at") var activatedAt: Date?
    @OptionalField(key: "last_used_at") var lastUsedAt: Date?
    @OptionalField(key: "revoked_at") var revokedAt: Date?
    @OptionalParent(key: "revoked_by_user_id") var revokedBy: UserModel?

    init() {}
}

/// A browser signed in to "Mijn Schakel". Kept apart from staff sessions: another cookie, another table.
final class PortalSessionModel: Model, @unchecked Sendable {
    static let schema = "portal_sessions"

    /// SHA-256 of the cookie's value.
    @ID(custom: "id", generatedBy: .user) var id: String?
    @Parent(key: "account_id") var account: PortalAccountModel
    /// The token every form of this session carries.
    @Field(key: "csrf") var csrf: String
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "last_seen_at") var lastSeenAt: Date

    init() {}
}

/// What a person asked to correct, from "Mijn Schakel": a message to the owning organisation, never an edit.
final class CorrectionRequestModel: Model, @unchecked Sendable {
    static let schema = "correction_requests"

    @ID(key: .id) var id: UUID?
    @Parent(key: "person_id") var person: PersonModel
    @Parent(key: "organisation_id") var organisation: OrganisationModel
    /// The person's words, sealed with the data keys.
    @Field(key: "text") var text: Data
    @Field(key: "text_key_id") var textKeyID: String
    @Field(key: "created_at") var createdAt: Date
    @OptionalField(key: "handled_at") var handledAt: Date?
    @OptionalParent(key: "handled_by_user_id") var handledBy: UserModel?

    init() {}
}
