import Foundation
import Testing
@testable import SchakelCore
@testable import SchakelDemo

/// What a sender may pass on: `AccessRule.passOn`, and the profile as a reader sees it.
@Suite struct PassOnTests {
    let owner = UUID(), sender = UUID(), receiver = UUID()
    let moment = Date(timeIntervalSince1970: 1_790_000_000)
    let today = CalendarDate(2026, 9, 21)

    func route(to organisation: UUID, _ categories: Set<DataCategory>) -> AccessRule.Route {
        AccessRule.Route(from: owner, to: organisation, categories: categories, validity: Validity(from: CalendarDate(2020, 1, 1)))
    }

    func consent(to organisation: UUID, _ categories: Set<DataCategory>) -> Consent {
        Consent(personID: UUID(), recipientOrganisationID: organisation, purpose: .guidanceToWork, categories: categories,
                givenAt: moment.addingTimeInterval(-86_400))
    }

    func passOn(by organisation: UUID, toSender: [AccessRule.Route], consents: [Consent]) -> AccessRule.Decision? {
        AccessRule.passOn(by: AccessRule.Viewer(userID: UUID(), organisationID: organisation, role: .jobCounsellor), to: receiver,
                          personOwner: owner, purpose: .guidanceToWork,
                          routesToReceiver: [route(to: receiver, [.identity, .languages, .assessment])], routesToSender: toSender,
                          consents: consents, at: moment, today: today)
    }

    @Test func theOwnerPassesOnWhatMayTravel() throws {
        let decision = try #require(passOn(by: owner, toSender: [], consents: [consent(to: receiver, [.identity, .languages])]))
        #expect(decision.allowed == [.identity, .languages])
        #expect(decision.denied[.assessment] == .noConsent)
    }

    @Test func aPartnerPassesOnNoMoreThanItSeesItself() throws {
        let consents = [consent(to: receiver, [.identity, .languages, .assessment]), consent(to: sender, [.languages])]
        let decision = try #require(passOn(by: sender, toSender: [route(to: sender, [.languages])], consents: consents))
        #expect(decision.allowed == [.languages])
        #expect(decision.denied[.identity] != nil && decision.denied[.assessment] != nil)
    }

    @Test func aFormerOwnerThatMayNotSeeThePersonPassesOnNothing() {
        // After a warm hand-over to the receiver, the receiver is the owner; the former owner has no route or consent.
        let decision = AccessRule.passOn(by: AccessRule.Viewer(userID: UUID(), organisationID: sender, role: .socialWorker), to: receiver,
                                         personOwner: receiver, purpose: .guidanceToWork, routesToReceiver: [], routesToSender: [],
                                         consents: [], at: moment, today: today)
        #expect(decision == nil)
    }

    @Test func aLimitedProfileEmptiesExactlyTheWithheldCategories() {
        let profile = DemoPersonGenerator(world: DemoWorld(seed: 5), asOf: today).profile(at: 3)
        #expect(profile.limited(to: Set(DataCategory.allCases)) == profile)
        let seen = profile.limited(to: [.languages, .workExperience])
        #expect(seen.languages == profile.languages && seen.workExperience == profile.workExperience)
        #expect(seen.statusHistory.isEmpty && seen.protectionRequestedOn == nil && seen.education.isEmpty)
        #expect(seen.jobWishes.isEmpty && seen.homeMunicipality.isEmpty && seen.availability == Availability())
        #expect(seen.id == profile.id && seen.reference == profile.reference)
    }
}
