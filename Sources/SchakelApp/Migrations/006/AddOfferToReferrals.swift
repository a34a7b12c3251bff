import Fluent

/// A training application is a referral for an offer: it names the offer, whose seat count changes
/// only when the person starts.
struct AddOfferToReferrals: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("referrals").field("offer_id", .uuid, .references("offers", "id")).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("referrals").deleteField("offer_id").update()
    }
}
