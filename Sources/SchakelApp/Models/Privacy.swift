import Fluent
import Foundation
import SchakelCore

/// A person's consent for one recipient organisation and purpose; the text they agreed to is kept with it.
final class ConsentModel: Model, @unchecked Sendable {
    static let schema = "consents"

    @ID(key: .id) var id: UUID?
    @Parent(key: "person_id") var person: PersonModel
    @Parent(key: "recipient_organisation_id") var recipient: OrganisationModel
    @Field(key: "purpose") var purpose: Purpose
    /// JSON array of `DataCategory` raw values.
    @Field(key: "categories") var categoriesJSON: String
    @Field(key: "method") var method: ConsentMethod
    @OptionalField(key: "witness") var witness: String?
    @Field(key: "given_at") var givenAt: Date
    @OptionalField(key: "expires_at") var expiresAt: Date?
    @Parent(key: "recorded_by_user_id") var recordedBy: UserModel
    @Field(key: "text") var text: String
    /// The language the person was told in.
    @Field(key: "text_language") var textLanguage: ConsentLanguage
    /// The interpreter who put the text into `textLanguage`, when there was one.
    @OptionalField(key: "interpreter") var interpreter: String?
    /// The language `text` is written in, when not `textLanguage` (a Dutch standard text an interpreter put into Arabic).
    @OptionalField(key: "text_written_in") var textWrittenIn: ConsentLanguage?
    /// Whether the text shown was reviewed by a qualified translator (nil: recorded before this was kept).
    @OptionalField(key: "text_reviewed") var textReviewed: Bool?
    /// Whether the person could read the text themselves (nil: recorded before this was kept).
    @OptionalField(key: "person_reads_text") var personReadsText: Bool?
    @OptionalField(key: "withdrawn_at") var withdrawnAt: Date?
    @OptionalParent(key: "withdrawn_by_user_id") var withdrawnBy: UserModel?
    /// Set when the person withdrew it themselves, in "Mijn Schakel".
    @OptionalField(key: "withdrawn_by_portal_account_id") var withdrawnByPortalAccount: UUID?

    init() {}

    var categories: [DataCategory] { JSONList.decode(categoriesJSON) }

    func domain() throws -> Consent {
        Consent(id: try requireID(), personID: $person.id, recipientOrganisationID: $recipient.id, purpose: purpose,
                categories: Set(categories), method: method, givenAt: givenAt, expiresAt: expiresAt, withdrawnAt: withdrawnAt)
    }
}

/// One line of the append-only audit log. `id` is the sequence number; `hash` covers the entry's
/// content and the previous entry's hash.
final class AuditEntryModel: Model, @unchecked Sendable {
    static let schema = "audit_entries"

    @ID(custom: "id", generatedBy: .user) var id: Int64?
    @Field(key: "at") var at: Date
    @OptionalField(key: "user_id") var userID: UUID?
    @OptionalField(key: "organisation_id") var organisationID: UUID?
    @OptionalField(key: "person_id") var personID: UUID?
    @Field(key: "action") var action: String
    /// JSON array of `DataCategory` raw values.
    @Field(key: "categories") var categoriesJSON: String
    @OptionalField(key: "purpose") var purpose: String?
    @Field(key: "outcome") var outcome: String
    @Field(key: "previous_hash") var previousHash: String
    @Field(key: "hash") var hash: String
    /// The data key the chain key was derived from (migration 009); nil for entries written before the chain was keyed.
    @OptionalField(key: "key_id") var keyID: String?

    init() {}
}

/// The one row that records the last sequence number and hash of the audit chain.
final class AuditHeadModel: Model, @unchecked Sendable {
    static let schema = "audit_head"

    @ID(custom: "id", generatedBy: .user) var id: Int?
    @Field(key: "sequence") var sequence: Int64
    @Field(key: "hash") var hash: String

    init() {}
}
