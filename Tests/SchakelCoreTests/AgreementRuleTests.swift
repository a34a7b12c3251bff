import Foundation
import Testing
@testable import SchakelCore

/// What an administrator may record: agreements of their own organisation, routes that open only their
/// own organisation's data, ending with immediate effect.
@Suite struct AgreementRuleTests {
    let reception = UUID(), vdab = UUID(), jobteam = UUID()
    let today = CalendarDate(2026, 11, 23)

    func route(_ from: UUID, _ to: UUID, _ categories: Set<DataCategory> = [.identity, .languages], days: Int = 5) -> AgreementRules.Route {
        AgreementRules.Route(from: from, to: to, categories: categories, responseDays: days)
    }

    func proposal(title: String = "Opvang Poelkapelle en VDAB Ieper", until: CalendarDate? = nil, parties: Set<UUID>? = nil,
                  routes: [AgreementRules.Route]? = nil) -> AgreementRules.Proposal {
        AgreementRules.Proposal(title: title, validity: Validity(from: CalendarDate(2026, 12, 1), until: until),
                                parties: parties ?? [reception, vdab], routes: routes ?? [route(reception, vdab)])
    }

    @Test func aWellFormedAgreementOfOnesOwnOrganisationPasses() {
        #expect(AgreementRules.check(proposal(), proposer: reception).isEmpty)
        // Without routes it is a convenant of tasks only: allowed.
        #expect(AgreementRules.check(proposal(routes: []), proposer: reception).isEmpty)
    }

    @Test func everyProblemOfTheFormIsNamedAtOnce() {
        let problems = AgreementRules.check(proposal(title: "  x ", until: CalendarDate(2026, 11, 30), parties: [reception],
                                                     routes: [route(reception, vdab, [], days: 0)]),
                                            proposer: reception)
        #expect(problems.map(\.reason) == [.titleLength, .periodBackwards, .tooFewParties, .routeOutsideParties, .noCategories, .responseDays])
        #expect(problems.map(\.field) == ["title", "validUntil", "parties", "routes", "categories", "responseDays"])
    }

    @Test func anAdministratorRecordsOnlyAgreementsTheirOrganisationIsPartyTo() {
        let problems = AgreementRules.check(proposal(parties: [vdab, jobteam], routes: [route(vdab, jobteam)]), proposer: reception)
        #expect(problems.contains(AgreementRules.Problem("parties", .proposerNotParty)))
        // The route VDAB → Jobteam would open VDAB's data: not the reception centre's to open.
        #expect(problems.contains(AgreementRules.Problem("routes", .routeNotFromProposer)))
    }

    @Test func aRouteOpensOnlyTheProposersOwnData() {
        let parties: Set<UUID> = [reception, vdab, jobteam]
        #expect(AgreementRules.check(route(vdab, reception), parties: parties, existing: [], proposer: reception)
            == [AgreementRules.Problem("routes", .routeNotFromProposer)])
        #expect(AgreementRules.check(route(vdab, reception), parties: parties, existing: [], proposer: vdab).isEmpty)
        #expect(AgreementRules.check(route(vdab, vdab), parties: parties, existing: [], proposer: vdab)
            == [AgreementRules.Problem("routes", .routeToItself)])
        #expect(AgreementRules.check(route(vdab, UUID()), parties: parties, existing: [], proposer: vdab)
            == [AgreementRules.Problem("routes", .routeOutsideParties)])
    }

    @Test func oneRoutePerDirection() {
        let parties: Set<UUID> = [reception, vdab]
        let existing = [route(reception, vdab)]
        #expect(AgreementRules.check(route(reception, vdab, [.assessment]), parties: parties, existing: existing, proposer: reception)
            == [AgreementRules.Problem("routes", .duplicateRoute)])
        // The other direction is another route, the other party's to open.
        #expect(AgreementRules.check(route(vdab, reception), parties: parties, existing: existing, proposer: vdab).isEmpty)
        #expect(AgreementRules.check(proposal(routes: [route(reception, vdab), route(reception, vdab, [.contact])]), proposer: reception)
            == [AgreementRules.Problem("routes", .duplicateRoute)])
    }

    @Test(arguments: [(0, false), (1, true), (30, true), (31, false)])
    func responseDaysAreBetweenOneAndThirty(days: Int, allowed: Bool) {
        let problems = AgreementRules.check(route(reception, vdab, days: days), parties: [reception, vdab], existing: [], proposer: reception)
        #expect(problems.isEmpty == allowed)
    }

    @Test func endingTakesEffectToday() throws {
        let open = Validity(from: CalendarDate(2020, 1, 1))
        let ended = try #require(AgreementRules.ended(open, today: today))
        #expect(ended.until == CalendarDate(2026, 11, 22))
        #expect(!ended.contains(today) && ended.contains(CalendarDate(2026, 11, 22)))
        // One that would have run until 2027 ends as well; one that ended before cannot end again.
        #expect(AgreementRules.ended(Validity(from: CalendarDate(2020, 1, 1), until: CalendarDate(2027, 12, 31)), today: today)?.until
            == CalendarDate(2026, 11, 22))
        #expect(AgreementRules.ended(Validity(from: CalendarDate(2020, 1, 1), until: CalendarDate(2026, 11, 22)), today: today) == nil)
        // One that had not started never comes into force.
        let future = try #require(AgreementRules.ended(Validity(from: CalendarDate(2027, 1, 1)), today: today))
        #expect(!future.contains(CalendarDate(2027, 1, 1)) && !future.contains(today))
    }

    @Test func routesAreAddedUntilTheAgreementHasEnded() {
        #expect(AgreementRules.mayAddRoute(to: Validity(from: CalendarDate(2020, 1, 1)), today: today))
        #expect(AgreementRules.mayAddRoute(to: Validity(from: CalendarDate(2020, 1, 1), until: today), today: today))
        #expect(!AgreementRules.mayAddRoute(to: Validity(from: CalendarDate(2020, 1, 1), until: CalendarDate(2026, 11, 22)), today: today))
    }

    @Test(arguments: [
        ("OCMW Sint-Niklaas", "ocmw-sint-niklaas"),
        ("Opvangcentrum Rode Kruis – Jabbeke", "opvangcentrum-rode-kruis-jabbeke"),
        ("Bakkerij Ça Va & Zonen", "bakkerij-ca-va-zonen"),
        ("  Élan   vzw ", "elan-vzw"),
    ])
    func slugsComeFromTheName(name: String, slug: String) {
        #expect(Slug.make(from: name) == slug)
    }

    @Test func aNameWithoutLettersGivesNoSlugAndLongOnesAreCut() throws {
        #expect(Slug.make(from: "–– !") == nil)
        let long = try #require(Slug.make(from: String(repeating: "abc def ", count: 20)))
        #expect(long.count <= 60 && Slug.isValid(long))
        #expect(Slug.numbered(long, 12).count <= 60 && Slug.isValid(Slug.numbered(long, 12)))
        #expect(Slug.numbered("vdab-gent", 2) == "vdab-gent-2")
    }
}
