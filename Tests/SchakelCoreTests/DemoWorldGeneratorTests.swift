import Foundation
import Testing
@testable import SchakelCore
@testable import SchakelDemo

@Suite struct DemoWorldGeneratorTests {
    let asOf = CalendarDate(2026, 9, 21)

    @Test func theSameSeedGivesTheSameWorldAndPeople() {
        let a = DemoWorld(seed: 11), b = DemoWorld(seed: 11), c = DemoWorld(seed: 12)
        #expect(a.organisations == b.organisations)
        #expect(a.agreements == b.agreements)
        #expect(a.accounts == b.accounts)
        #expect(a.organisations.map(\.id) != c.organisations.map(\.id))
        let people = DemoPersonGenerator(world: a, asOf: asOf)
        #expect(people.profiles(0..<200) == DemoPersonGenerator(world: b, asOf: asOf).profiles(0..<200))
        // Any slice can be drawn on its own.
        #expect(people.profile(at: 150) == people.profiles(100..<200)[50])
        #expect(people.profiles(0..<50) != DemoPersonGenerator(world: c, asOf: asOf).profiles(0..<50))
    }

    @Test func everyAccountFollowsTheDemoAddressPattern() {
        let world = DemoWorld(seed: 1)
        #expect(world.accounts.count == world.organisations.count * UserRole.allCases.count)
        #expect(Set(world.accounts.map(\.email)).count == world.accounts.count)
        #expect(world.accounts.contains { $0.email == "social-worker@fedasil-poelkapelle.demo" })
        #expect(world.organisations.allSatisfy { Slug.isValid($0.slug) })
    }

    @Test func agreementsOnlyRouteBetweenTheirParties() {
        for agreement in DemoWorld(seed: 1).agreements {
            let parties = Set(agreement.parties.map(\.organisation))
            for route in agreement.routes {
                #expect(parties.contains(route.from) && parties.contains(route.to), "\(agreement.title)")
                #expect(route.from != route.to)
                #expect(!route.categories.isEmpty)
            }
            #expect(agreement.validity.isWellFormed)
        }
    }

    @Test func peopleArePlausibleAndVaried() {
        let world = DemoWorld(seed: 3)
        let profiles = DemoPersonGenerator(world: world, asOf: asOf).profiles(0..<3000)
        let owners = Dictionary(uniqueKeysWithValues: world.organisations.map { ($0.id, $0) })
        let municipalities = Dictionary(uniqueKeysWithValues: ReferenceRegions.municipalities.map { ($0.nisCode, $0) })
        for person in profiles {
            let age = asOf.year - person.birthYear
            #expect((18...64).contains(age))
            let owner = owners[person.ownerOrganisationID]
            #expect(owner != nil)
            #expect(municipalities[person.homeMunicipality]?.regionCode == owner?.region)
            #expect(person.statusHistory.allSatisfy { $0.since <= asOf })
            #expect(person.languages.allSatisfy { $0.assessedOn <= asOf })
            #expect(person.languages.contains { $0.isMotherTongue })
            #expect(!person.jobWishes.isEmpty)
            if person.statusHistory.contains(where: { $0.status == .applicant }) {
                #expect(person.protectionRequestedOn != nil)
            }
            // Dutch never goes down over time.
            let dutch = person.languages.filter { $0.language == "nl" }.sorted { $0.assessedOn < $1.assessedOn }
            #expect(zip(dutch, dutch.dropFirst()).allSatisfy { $0.level <= $1.level })
        }
        // Variety: every status, many origins, Dutch at several levels, some waiting for the right to work.
        let statuses = Set(profiles.compactMap { $0.currentStatus?.status })
        #expect(statuses == Set(LegalStatus.allCases))
        #expect(Set(profiles.map(\.countryOfOrigin)).count >= 12)
        #expect(Set(profiles.compactMap { $0.currentDutchLevel?.level }).count >= 4)
        let waiting = profiles.filter { if case .from = $0.rightToWork(on: asOf) { return true } else { return false } }
        #expect(waiting.count > 30)
        // Most residents of the reception centre are still applicants.
        let reception = world.organisation(slug: "fedasil-poelkapelle")!.id
        let residents = profiles.filter { $0.ownerOrganisationID == reception }
        #expect(residents.count > 300)
        #expect(residents.filter { $0.currentStatus?.status == .applicant }.count * 2 > residents.count)
        #expect(Set(profiles.map(\.id)).count == profiles.count)
    }
}
