import Foundation
import Testing
@testable import SchakelCore

@Suite struct TargetRuleTests {
    let city = UUID(), jobteam = UUID(), vdab = UUID(), reception = UUID(), farAway = UUID()

    @Test func anAnalystsChainIsItsOwnOrganisationAndThePartiesOfItsAgreementsInForce() {
        let day = CalendarDate(2026, 9, 21)
        let agreements = [
            TargetRules.Agreement(parties: [city, jobteam, vdab], validity: Validity(from: CalendarDate(2020, 1, 1), until: CalendarDate(2027, 12, 31))),
            // The partner's other agreement: not the city's chain.
            TargetRules.Agreement(parties: [vdab, reception], validity: Validity(from: CalendarDate(2020, 1, 1))),
            // Ended yesterday, or not yet begun: not in force.
            TargetRules.Agreement(parties: [city, farAway], validity: Validity(from: CalendarDate(2020, 1, 1), until: CalendarDate(2026, 9, 20))),
            TargetRules.Agreement(parties: [city, reception], validity: Validity(from: CalendarDate(2026, 9, 22))),
        ]
        #expect(TargetRules.chain(of: city, agreements: agreements, on: day) == [city, jobteam, vdab])
        #expect(TargetRules.chain(of: farAway, agreements: agreements, on: day) == [farAway])
        #expect(TargetRules.chain(of: city, agreements: agreements, on: CalendarDate(2026, 9, 22)) == [city, jobteam, vdab, reception])
    }
}
