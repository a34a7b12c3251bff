import Foundation
import Testing
@testable import SchakelCore

@Suite struct AccessRuleTests {
    let owner = UUID(), partner = UUID(), other = UUID()
    let moment = Date(timeIntervalSince1970: 1_790_000_000)
    let today = CalendarDate(2026, 9, 21)
    let everything = Set(DataCategory.allCases)

    func viewer(_ organisation: UUID, _ role: UserRole = .jobCounsellor) -> AccessRule.Viewer {
        AccessRule.Viewer(userID: UUID(), organisationID: organisation, role: role)
    }

    var route: AccessRule.Route {
        AccessRule.Route(from: owner, to: partner, categories: [.identity, .contact, .languages, .education],
                         validity: Validity(from: CalendarDate(2020, 1, 1)))
    }

    func consent(_ categories: Set<DataCategory>, purpose: Purpose = .guidanceToWork, withdrawnAt: Date? = nil,
                 expiresAt: Date? = nil, to recipient: UUID? = nil) -> Consent {
        Consent(personID: UUID(), recipientOrganisationID: recipient ?? partner, purpose: purpose, categories: categories,
                givenAt: moment.addingTimeInterval(-86_400), expiresAt: expiresAt, withdrawnAt: withdrawnAt)
    }

    @Test func theOwnersCaseworkersSeeEverything() {
        for role in [UserRole.socialWorker, .trajectoryCounsellor, .jobCounsellor, .consultant] {
            let decision = AccessRule.decide(viewer: viewer(owner, role), personOwner: owner, purpose: .training, routes: [], consents: [],
                                             at: moment, today: today)
            #expect(decision.personVisible && decision.isOwner)
            #expect(decision.allowed == everything)
            #expect(decision.denied.isEmpty)
            #expect(AccessRule.worksWithDossiers(role))
        }
    }

    @Test func insideTheOwnerTheRoleStillDecides() {
        // An administrator of the owner sees who the person is, no more; an employer contact what matching needs.
        let admin = AccessRule.decide(viewer: viewer(owner, .administrator), personOwner: owner, purpose: .guidanceToWork,
                                      routes: [], consents: [], at: moment, today: today)
        #expect(admin.personVisible && admin.isOwner)
        #expect(admin.allowed == [.identity])
        #expect(admin.denied[.contact] == .roleDoesNotNeedIt)
        #expect(admin.denied[.assessment] == .roleDoesNotNeedIt)
        #expect(admin.allowed.union(admin.denied.keys) == everything)
        let employer = AccessRule.decide(viewer: viewer(owner, .employerContact), personOwner: owner, purpose: .guidanceToWork,
                                         routes: [], consents: [], at: moment, today: today)
        #expect(employer.personVisible && employer.isOwner)
        #expect(employer.allowed == AccessRule.needs(.employerContact))
        #expect(employer.denied[.assessment] == .roleDoesNotNeedIt)
        #expect(employer.denied[.legalStatus] == .roleDoesNotNeedIt)
        #expect(employer.denied[.trajectoryAndReferrals] == .roleDoesNotNeedIt)
        // Asking for less gives that, within the role.
        let names = AccessRule.decide(viewer: viewer(owner, .administrator), personOwner: owner, purpose: .guidanceToWork,
                                      requested: [.identity], routes: [], consents: [], at: moment, today: today)
        #expect(names.allowed == [.identity] && names.denied.isEmpty)
        // The owner's staff never see more than the same role of a partner with every route and consent.
        let wide = AccessRule.Route(from: owner, to: partner, categories: everything, validity: Validity(from: CalendarDate(2020, 1, 1)))
        for role in UserRole.allCases {
            let own = AccessRule.decide(viewer: viewer(owner, role), personOwner: owner, purpose: .guidanceToWork, routes: [], consents: [],
                                        at: moment, today: today)
            let shared = AccessRule.decide(viewer: viewer(partner, role), personOwner: owner, purpose: .guidanceToWork, routes: [wide],
                                           consents: [consent(everything)], at: moment, today: today)
            #expect(own.allowed == shared.allowed, "\(role.rawValue)")
        }
        // Only the roles that need every category work with whole dossiers, in any organisation.
        #expect(!AccessRule.worksWithDossiers(.administrator))
        #expect(!AccessRule.worksWithDossiers(.employerContact))
        #expect(!AccessRule.worksWithDossiers(.analyst))
    }

    @Test func aPersonSeesTheirOwnDossierWholeAndNoOneElse() {
        let person = UUID()
        let client = AccessRule.Client(accountID: UUID(), personID: person)
        // Whatever they consented to: consent governs organisations, not what the person sees of themselves.
        let own = AccessRule.decide(client: client, person: person, isErased: false)
        #expect(own.personVisible && !own.isOwner)
        #expect(own.allowed == everything && own.denied.isEmpty)
        let some = AccessRule.decide(client: client, person: person, isErased: false, requested: [.contact])
        #expect(some.allowed == [.contact])
        // Someone else is not there at all, with the same answer for any id.
        for stranger in [UUID(), UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0))] {
            let other = AccessRule.decide(client: client, person: stranger, isErased: false)
            #expect(!other.personVisible && other.allowed.isEmpty)
            #expect(other.denied == Dictionary(uniqueKeysWithValues: everything.map { ($0, AccessRule.Denial.notTheirOwn) }))
        }
        // An erased dossier is seen by no one, the person included.
        #expect(!AccessRule.decide(client: client, person: person, isErased: true).personVisible)
    }

    @Test func analystsNeverSeeAPersonNotEvenTheirOwn() {
        for organisation in [owner, partner] {
            let decision = AccessRule.decide(viewer: viewer(organisation, .analyst), personOwner: owner, purpose: .guidanceToWork,
                                             routes: [route], consents: [consent(everything)], at: moment, today: today)
            #expect(!decision.personVisible)
            #expect(decision.allowed.isEmpty)
            #expect(Set(decision.denied.values) == [.roleSeesNoPersons])
        }
    }

    @Test func aPartnerSeesWhatRouteConsentAndRoleAllTogetherAllow() {
        let decision = AccessRule.decide(viewer: viewer(partner), personOwner: owner, purpose: .guidanceToWork, routes: [route],
                                         consents: [consent([.identity, .languages, .workExperience])], at: moment, today: today)
        #expect(decision.personVisible && !decision.isOwner)
        #expect(decision.allowed == [.identity, .languages])
        #expect(decision.denied[.workExperience] == .noAgreementRoute)
        #expect(decision.denied[.contact] == .noConsent)
        #expect(decision.denied[.education] == .noConsent)
        // An employer contact does not need the assessment, and an administrator only the identity.
        let wide = AccessRule.Route(from: owner, to: partner, categories: everything, validity: Validity(from: CalendarDate(2020, 1, 1)))
        let admin = AccessRule.decide(viewer: viewer(partner, .administrator), personOwner: owner, purpose: .guidanceToWork,
                                      routes: [wide], consents: [consent(everything)], at: moment, today: today)
        #expect(admin.allowed == [.identity])
        #expect(admin.denied[.languages] == .roleDoesNotNeedIt)
        let employer = AccessRule.decide(viewer: viewer(partner, .employerContact), personOwner: owner, purpose: .guidanceToWork,
                                         routes: [wide], consents: [consent(everything)], at: moment, today: today)
        #expect(employer.denied[.assessment] == .roleDoesNotNeedIt)
        #expect(employer.allows(.competencesAndWishes))
    }

    @Test func consentCountsOnlyForItsPurposeRecipientAndTime() {
        func visible(_ consents: [Consent], purpose: Purpose = .guidanceToWork, at: Date? = nil) -> Set<DataCategory> {
            AccessRule.decide(viewer: viewer(partner), personOwner: owner, purpose: purpose, routes: [route], consents: consents,
                              at: at ?? moment, today: today).allowed
        }
        #expect(visible([consent([.identity], purpose: .training)]) == [])
        #expect(visible([consent([.identity], purpose: .training)], purpose: .training) == [.identity])
        #expect(visible([consent([.identity], to: other)]) == [])
        #expect(visible([consent([.identity], withdrawnAt: moment)]) == [])
        #expect(visible([consent([.identity], withdrawnAt: moment.addingTimeInterval(1))]) == [.identity])
        #expect(visible([consent([.identity], expiresAt: moment)]) == [])
        #expect(visible([consent([.identity])], at: moment.addingTimeInterval(-2 * 86_400)) == [])
    }

    @Test func aRouteOutOfForceOrTheWrongWayShowsNothing() {
        let ended = AccessRule.Route(from: owner, to: partner, categories: everything,
                                     validity: Validity(from: CalendarDate(2020, 1, 1), until: CalendarDate(2026, 9, 20)))
        let reversed = AccessRule.Route(from: partner, to: owner, categories: everything, validity: Validity(from: CalendarDate(2020, 1, 1)))
        for routes in [[ended], [reversed], []] {
            let decision = AccessRule.decide(viewer: viewer(partner), personOwner: owner, purpose: .guidanceToWork, routes: routes,
                                             consents: [consent(everything)], at: moment, today: today)
            #expect(!decision.personVisible)
            #expect(decision.allowed.isEmpty)
        }
    }

    /// Random worlds: routes, consents (some withdrawn or expired), roles, purposes.
    struct World {
        var routes: [AccessRule.Route]
        var consents: [Consent]
        var viewer: AccessRule.Viewer
        var purpose: Purpose
        var requested: Set<DataCategory>
    }

    static func randomWorld(_ random: inout SeededGenerator, owner: UUID, organisations: [UUID], moment: Date) -> World {
        func categories() -> Set<DataCategory> { Set(DataCategory.allCases.filter { _ in random.chance(0.5) }) }
        var routes: [AccessRule.Route] = []
        for _ in 0..<random.int(in: 0...4) {
            let from = random.chance(0.8) ? owner : random.pick(organisations)
            let start = CalendarDate(2020, 1, 1).adding(days: random.int(in: 0...3000))
            routes.append(AccessRule.Route(from: from, to: random.pick(organisations), categories: categories(),
                                           validity: Validity(from: start, until: random.chance(0.3) ? start.adding(days: random.int(in: 0...900)) : nil)))
        }
        var consents: [Consent] = []
        for _ in 0..<random.int(in: 0...5) {
            let given = moment.addingTimeInterval(Double(random.int(in: -900...100)) * 86_400)
            consents.append(Consent(personID: UUID(), recipientOrganisationID: random.pick(organisations), purpose: random.pick(Purpose.allCases),
                                    categories: categories(), givenAt: given,
                                    expiresAt: random.chance(0.3) ? given.addingTimeInterval(Double(random.int(in: 1...400)) * 86_400) : nil,
                                    withdrawnAt: random.chance(0.2) ? given.addingTimeInterval(Double(random.int(in: 0...400)) * 86_400) : nil))
        }
        let viewer = AccessRule.Viewer(userID: UUID(), organisationID: random.pick(organisations + [owner]), role: random.pick(UserRole.allCases))
        return World(routes: routes, consents: consents, viewer: viewer, purpose: random.pick(Purpose.allCases),
                     requested: random.chance(0.5) ? Set(DataCategory.allCases) : categories())
    }

    func decide(_ world: World) -> AccessRule.Decision {
        AccessRule.decide(viewer: world.viewer, personOwner: owner, purpose: world.purpose, requested: world.requested,
                          routes: world.routes, consents: world.consents, at: moment, today: today)
    }

    @Test(arguments: 0..<8)
    func propertiesHoldInRandomWorlds(chunk: Int) {
        var random = SeededGenerator(seed: 0xACCE55 &+ UInt64(chunk))
        let organisations = [partner, other, UUID()]
        for _ in 0..<500 {
            let world = Self.randomWorld(&random, owner: owner, organisations: organisations, moment: moment)
            let decision = decide(world)
            // Nothing beyond what was asked; every asked category is either allowed or has a reason.
            #expect(decision.allowed.isSubset(of: world.requested))
            #expect(decision.allowed.isDisjoint(with: Set(decision.denied.keys)))
            if decision.personVisible { #expect(decision.allowed.union(decision.denied.keys) == world.requested) }
            // Only what the role needs, in the owning organisation too, and never anything for an analyst.
            #expect(decision.allowed.isSubset(of: AccessRule.needs(world.viewer.role)))
            if world.viewer.role == .analyst { #expect(!decision.personVisible && decision.allowed.isEmpty) }
            // The owner's staff always see all they ask for that their role needs.
            if world.viewer.organisationID == owner && world.viewer.role != .analyst {
                #expect(decision.personVisible)
                #expect(decision.allowed == world.requested.intersection(AccessRule.needs(world.viewer.role)))
            }
            // Without a route from the owner to the reader, another organisation sees nothing.
            if world.viewer.organisationID != owner,
               !world.routes.contains(where: { $0.from == owner && $0.to == world.viewer.organisationID && $0.validity.contains(today) }) {
                #expect(!decision.personVisible && decision.allowed.isEmpty)
            }
            // Withdrawing any one consent never widens what anyone sees.
            for index in world.consents.indices {
                var narrower = world
                narrower.consents[index].withdrawnAt = moment
                #expect(decide(narrower).allowed.isSubset(of: decision.allowed))
            }
            // Removing a route never widens it either.
            for index in world.routes.indices {
                var narrower = world
                narrower.routes.remove(at: index)
                #expect(decide(narrower).allowed.isSubset(of: decision.allowed))
            }
        }
    }
}
