import Fluent
import Foundation
import SchakelCore

/// A referral of a person from one organisation to another, along an agreement route.
final class ReferralModel: Model, @unchecked Sendable {
    static let schema = "referrals"

    @ID(key: .id) var id: UUID?
    @Parent(key: "person_id") var person: PersonModel
    @Parent(key: "from_organisation_id") var from: OrganisationModel
    @Parent(key: "from_user_id") var fromUser: UserModel
    @Parent(key: "to_organisation_id") var to: OrganisationModel
    @Field(key: "purpose") var purpose: Purpose
    /// Why the sender refers: free text, personal data of the trajectory category.
    @Field(key: "reason") var reason: String
    @Field(key: "urgency") var urgency: ReferralUrgency
    @OptionalField(key: "desired_start") var desiredStart: CalendarDate?
    /// A warm hand-over: the receiver becomes the dossier's owner when it accepts.
    @Field(key: "transfers_ownership") var transfersOwnership: Bool
    @Field(key: "state") var state: ReferralState
    @Field(key: "response_days") var responseDays: Int
    @OptionalField(key: "sent_on") var sentOn: CalendarDate?
    @OptionalField(key: "due_on") var dueOn: CalendarDate?
    @OptionalField(key: "outcome") var outcome: ReferralOutcome?
    /// AES-GCM sealed JSON of the profile as the access rule allowed it for the receiver when sent.
    @OptionalField(key: "snapshot") var snapshot: Data?
    @OptionalField(key: "snapshot_key_id") var snapshotKeyID: String?
    /// JSON array of the categories the snapshot holds.
    @OptionalField(key: "snapshot_categories") var snapshotCategoriesJSON: String?
    /// For a training application: the offer applied for.
    @OptionalParent(key: "offer_id") var offer: OfferModel?
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date

    init() {}

    var snapshotCategories: Set<DataCategory> { Set(JSONList.decode(snapshotCategoriesJSON ?? "[]")) }

    func party(of organisation: UUID) -> ReferralParty? {
        if organisation == $from.id { return .sender }
        if organisation == $to.id { return .receiver }
        return nil
    }
}

/// One transition of a referral, kept for ever: who, when, from which state to which, and why.
final class ReferralEventModel: Model, @unchecked Sendable {
    static let schema = "referral_events"

    @ID(key: .id) var id: UUID?
    @Parent(key: "referral_id") var referral: ReferralModel
    /// 1, 2, 3… per referral: the order of the steps, even within one clock tick.
    @Field(key: "position") var position: Int
    @Field(key: "action") var action: ReferralAction
    @Field(key: "from_state") var fromState: ReferralState
    @Field(key: "to_state") var toState: ReferralState
    @Field(key: "at") var at: Date
    @Parent(key: "user_id") var user: UserModel
    @Parent(key: "organisation_id") var organisation: OrganisationModel
    @OptionalField(key: "reason_code") var reasonCode: RefusalReason?
    @OptionalField(key: "text") var text: String?
    @OptionalField(key: "outcome") var outcome: ReferralOutcome?

    init() {}
}

extension QueryBuilder where Model == ReferralModel {
    /// Sent and not yet received past their first-contact deadline (due dates are ISO text, so they compare as dates).
    @discardableResult
    func overdue(on today: CalendarDate) -> Self {
        filter(\.$state == .sent).filter(\.$dueOn < today)
    }
}
