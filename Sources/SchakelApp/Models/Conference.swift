import Fluent
import Foundation
import SchakelCore

/// A case conference of organisations in the chain (docs/domain.md#case-conferences).
final class CaseConferenceModel: Model, @unchecked Sendable {
    static let schema = "case_conferences"

    @ID(key: .id) var id: UUID?
    @Parent(key: "organiser_organisation_id") var organiser: OrganisationModel
    @Parent(key: "created_by_user_id") var createdBy: UserModel
    @Field(key: "held_on") var heldOn: CalendarDate
    @Field(key: "title") var title: String
    /// The conference this one follows up: its open actions are carried over.
    @OptionalParent(key: "follows_up_id") var followsUp: CaseConferenceModel?
    @Field(key: "created_at") var createdAt: Date

    init() {}
}

final class CaseConferenceParticipantModel: Model, @unchecked Sendable {
    static let schema = "case_conference_participants"

    @ID(key: .id) var id: UUID?
    @Parent(key: "conference_id") var conference: CaseConferenceModel
    @Parent(key: "organisation_id") var organisation: OrganisationModel

    init() {}
}

final class CaseConferencePersonModel: Model, @unchecked Sendable {
    static let schema = "case_conference_persons"

    @ID(key: .id) var id: UUID?
    @Parent(key: "conference_id") var conference: CaseConferenceModel
    @Parent(key: "person_id") var person: PersonModel

    init() {}
}

/// A decision or an action of a conference; an action has an owner organisation, a due date and a status.
final class CaseConferenceItemModel: Model, @unchecked Sendable {
    static let schema = "case_conference_items"

    @ID(key: .id) var id: UUID?
    @Parent(key: "conference_id") var conference: CaseConferenceModel
    @Field(key: "kind") var kind: ConferenceItemKind
    @OptionalParent(key: "person_id") var person: PersonModel?
    @Field(key: "text") var text: String
    @OptionalParent(key: "owner_organisation_id") var owner: OrganisationModel?
    @OptionalField(key: "due_on") var dueOn: CalendarDate?
    @OptionalField(key: "status") var status: ConferenceActionStatus?
    @OptionalField(key: "closed_at") var closedAt: Date?

    init() {}
}

/// The meeting of a warm hand-over where the case manager explains the profile (docs/domain.md#warm-hand-over).
final class HandOverMeetingModel: Model, @unchecked Sendable {
    static let schema = "hand_over_meetings"

    @ID(key: .id) var id: UUID?
    @Parent(key: "referral_id") var referral: ReferralModel
    @Field(key: "held_on") var heldOn: CalendarDate
    /// Who took part, as the case manager wrote it down (names of staff, the person, an interpreter).
    @Field(key: "participants") var participants: String
    @OptionalField(key: "notes") var notes: String?
    @Parent(key: "organisation_id") var organisation: OrganisationModel
    @Parent(key: "created_by_user_id") var createdBy: UserModel
    @Field(key: "created_at") var createdAt: Date

    init() {}
}

final class EmployerRequestModel: Model, @unchecked Sendable {
    static let schema = "employer_requests"

    @ID(key: .id) var id: UUID?
    @Field(key: "kind") var kind: EmployerRequestKind
    @Field(key: "employer_name") var employerName: String
    @OptionalField(key: "municipality_id") var municipalityID: String?
    @OptionalField(key: "sector") var sector: String?
    @Field(key: "description") var description: String
    @Parent(key: "handling_organisation_id") var handlingOrganisation: OrganisationModel
    @Parent(key: "created_by_user_id") var createdBy: UserModel
    @OptionalParent(key: "contact_user_id") var contact: UserModel?
    @Field(key: "state") var state: EmployerRequestState
    @OptionalField(key: "answer") var answer: String?
    @OptionalField(key: "answered_on") var answeredOn: CalendarDate?
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date

    init() {}
}

/// An inbox entry: names a thing (referral, meeting, request), never a person.
final class NotificationModel: Model, @unchecked Sendable {
    static let schema = "notifications"

    @ID(key: .id) var id: UUID?
    @Parent(key: "organisation_id") var organisation: OrganisationModel
    /// Nil: for everyone of the organisation.
    @OptionalParent(key: "user_id") var user: UserModel?
    @Field(key: "kind") var kind: NotificationKind
    @Field(key: "subject_id") var subjectID: UUID
    @Field(key: "dedupe_key") var dedupeKey: String
    @Field(key: "created_at") var createdAt: Date
    @OptionalField(key: "read_at") var readAt: Date?

    init() {}
}

/// A message an e-mail sender could drain; nothing in Schakel sends e-mail itself.
final class OutboxMessageModel: Model, @unchecked Sendable {
    static let schema = "outbox_messages"

    @ID(key: .id) var id: UUID?
    @Parent(key: "notification_id") var notification: NotificationModel
    @Parent(key: "organisation_id") var organisation: OrganisationModel
    @OptionalParent(key: "user_id") var user: UserModel?
    @Field(key: "created_at") var createdAt: Date
    @OptionalField(key: "sent_at") var sentAt: Date?

    init() {}
}
