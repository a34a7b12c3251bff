import Foundation
import Testing
@testable import SchakelCore
@testable import SchakelDemo

@Suite struct OfferCSVTests {
    let world = DemoWorld(seed: 3)
    var providers: [String: UUID] { Dictionary(uniqueKeysWithValues: world.organisations.map { ($0.slug, $0.id) }) }
    var slugs: [UUID: String] { Dictionary(uniqueKeysWithValues: world.organisations.map { ($0.id, $0.slug) }) }
    let municipalities = Dictionary(uniqueKeysWithValues: ReferenceRegions.municipalities.map { ($0.nisCode, $0.regionCode) })

    @Test func whatIsExportedLoadsBackTheSame() throws {
        let offers = DemoOfferGenerator(world: world, asOf: CalendarDate(2026, 9, 21)).offers(0..<200)
        let text = OfferCSV.render(offers, slugs: slugs)
        let loaded = try OfferCSV.parse(text, providers: providers, municipalities: municipalities).get()
        #expect(loaded == offers)
    }

    /// A title or sector a spreadsheet would run as a formula is exported as text and loads back as it was.
    @Test func formulaLikeTextIsExportedAsTextAndLoadsBackTheSame() throws {
        var offers = DemoOfferGenerator(world: world, asOf: CalendarDate(2026, 9, 21)).offers(0..<5)
        let hostile = ["=HYPERLINK(\"http://evil.example\",\"klik\")", "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A9)", "'=al met apostrof"]
        for index in offers.indices {
            offers[index].title = hostile[index]
            offers[index].sector = hostile[(index + 1) % hostile.count]
        }
        let text = OfferCSV.render(offers, slugs: slugs)
        for line in text.split(separator: "\n").dropFirst() {
            for cell in CSVLine.split(String(line)) {
                #expect(!"=+-@\t".contains(cell.first ?? " ") || Int(cell) != nil, "\(cell)")
            }
        }
        let loaded = try OfferCSV.parse(text, providers: providers, municipalities: municipalities).get()
        #expect(loaded == offers)
    }

    @Test func aMinimalRowNeedsOnlyTheRequiredColumns() throws {
        let text = """
            provider,kind,title,sector,municipality,schedules,starts_on,seats,funding
            leerpunt-opleidingen,training,"Heftruckchauffeur, avond",logistiek,12025,evening;weekend,2026-10-05,12,vdab
            """
        let offer = try #require(try OfferCSV.parse(text, providers: providers, municipalities: municipalities).get().first)
        #expect(offer.title == "Heftruckchauffeur, avond")
        #expect(offer.schedules == [.evening, .weekend])
        #expect(offer.region == "10000")
        #expect(offer.admission == .none)
        #expect(offer.instructionLanguage == "nl")
    }

    @Test func everyBadCellIsNamedWithItsLineAndNothingLoads() {
        let text = """
            provider,kind,title,sector,municipality,schedules,starts_on,ends_on,seats,seats_taken,funding,min_dutch,max_dutch
            leerpunt-opleidingen,training,Goed,logistiek,12025,day,2026-10-05,,12,0,vdab,A2,B1
            onbekend-centrum,cooking,,zorg,99999,nights,05/10/2026,,-1,0,nobody,B2,A1
            leerpunt-opleidingen,training,Te vol,zorg,12025,day,2026-10-05,2026-09-01,5,9,vdab,,
            """
        guard case let .failure(list) = OfferCSV.parse(text, providers: providers, municipalities: municipalities) else {
            Issue.record("a file with bad rows loaded")
            return
        }
        let found = Set(list.problems.map { "\($0.line) \($0.field)" })
        #expect(found == ["3 provider", "3 kind", "3 title", "3 municipality", "3 schedules", "3 starts_on", "3 seats", "3 funding",
                          "3 max_dutch", "4 ends_on", "4 seats_taken"])
        #expect(!found.contains { $0.hasPrefix("2 ") })
    }

    @Test func aHeaderWithoutARequiredColumnOrWithAnUnknownOneIsRefusedWhole() {
        let text = "provider,kind,title,sector,municipality,schedules,starts_on,funding,colour\n"
        guard case let .failure(list) = OfferCSV.parse(text, providers: providers, municipalities: municipalities) else {
            Issue.record("a bad header loaded")
            return
        }
        #expect(Set(list.problems.map(\.field)) == ["seats", "colour"])
        #expect(list.problems.allSatisfy { $0.line == 1 })
    }

    @Test func aProviderCanOnlyLoadItsOwnOffers() {
        let own = ["leerpunt-opleidingen": providers["leerpunt-opleidingen"]!]
        let text = """
            provider,kind,title,sector,municipality,schedules,starts_on,seats,funding
            vdab-mechelen,training,Lassen,industrie,12025,day,2026-10-05,8,vdab
            """
        guard case let .failure(list) = OfferCSV.parse(text, providers: own, municipalities: municipalities) else {
            Issue.record("loaded an offer for another organisation")
            return
        }
        #expect(list.problems.map(\.field) == ["provider"])
    }
}
