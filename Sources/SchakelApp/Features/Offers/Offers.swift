import Fluent
import Foundation
import SchakelCore

/// The offers of the chain (courses, jobs, guidance) and how they fit a person.
enum Offers {
    /// What the eligibility and fit rules read of a person.
    static let categories: Set<DataCategory> = [.legalStatus, .languages, .education, .workExperience, .competencesAndWishes,
                                                .availabilityAndConstraints, .contact, .trajectoryAndReferrals]

    /// The eligible offers for a person as the reader may see them (`profile` already limited by the decision),
    /// best fit first. Decides nothing and records nothing: the caller's one decision covers it.
    static func recommendations(for profile: PersonProfile, circumstances: Eligibility.Circumstances, caller: Caller,
                                limit: Int, includeUnknown: Bool) async throws -> [Recommendation] {
        let offers = try await OfferModel.query(on: caller.db).all().map { try $0.offer() }
        return Recommendations.offers(for: profile, among: offers, today: caller.today, limit: limit,
                                      includeUnknown: includeUnknown, circumstances: circumstances)
    }

    /// What the person's running steps say about their days (works during the day?), if the reader may see the trajectory.
    static func circumstances(of personID: UUID, seen decision: AccessRule.Decision,
                              caller: Caller) async throws -> Eligibility.Circumstances {
        guard decision.allows(.trajectoryAndReferrals) else { return .none }
        let steps = try await Trajectories.steps(of: personID, on: caller.db).map(\.step)
        return Eligibility.Circumstances(steps: steps, today: caller.today)
    }
}
