import Foundation
import Testing
import VaporTesting
@testable import SchakelApp
import Plot
import SchakelCore

/// The site's paths are spelled once, in `SiteURL`: the routes are registered with them and the pages link with them.
@Suite("Site URLs")
struct SiteURLTests {
    /// Every page route the application answers is in the catalogue, and every catalogue entry is a route.
    @Test func theCatalogueIsExactlyTheSitesRoutes() async throws {
        try await withTestApp(.sqlite) { app in
            let registered = Set(app.routes.all.map { "/" + $0.path.map(\.description).joined(separator: "/") }
                .filter { !$0.hasPrefix("/api/") && $0 != "/health" && $0 != "/ping" })
            let catalogue = Set(SiteURL.catalogue.map(\.path))
            #expect(registered.subtracting(catalogue).isEmpty, "routes without a SiteURL: \(registered.subtracting(catalogue).sorted())")
            #expect(catalogue.subtracting(registered).isEmpty, "SiteURLs without a route: \(catalogue.subtracting(registered).sorted())")
        }
    }

    @Test func linksCarryValuesEncodedAndAttributesEscaped() throws {
        let id = UUID()
        #expect(SiteURL.person(id).path == "/personen/\(id.uuidString)")
        #expect(SiteURL.person(id).fragment("traject").path == "/personen/\(id.uuidString)#traject")
        #expect(SiteURL.step(id, id).path == "/personen/\(id.uuidString)/traject/\(id.uuidString)")
        #expect(SiteURL.root.path == "/")
        // A value with characters of its own is encoded; the query's `&` is escaped inside an attribute.
        let url = SiteURL.referrals.query("richting", "ontvangen").query("q", "a&b \"<>'")
        #expect(url.path == "/doorverwijzingen?richting=ontvangen&q=a%26b%20%22%3C%3E%27")
        let html = Node<HTML.BodyContext>.a(.href(url), .text("x")).render()
        #expect(html == "<a href=\"/doorverwijzingen?richting=ontvangen&amp;q=a%26b%20%22%3C%3E%27\">x</a>")
        #expect(SiteURL.figureTable("arrivals", "by-month.csv").appending(query: "?from=2026-01-01").path
                == "/cijfers/arrivals/by-month.csv?from=2026-01-01")
        // Letters beyond ASCII are encoded too (as UTF-8), in a path segment and in a query value.
        #expect(SiteURL.survey("zoë").query("naam", "Zoë Ağa").path == "/enquete/zo%C3%AB?naam=Zo%C3%AB%20A%C4%9Fa")
    }

    /// A referral's steps, an employer request's steps and an agreement's pages are links of their own, not a
    /// path with words glued on.
    /// The API's `Location` headers name the resource as its own route reads it.
    @Test func apiLocationsNameTheirResource() {
        let id = UUID(), step = UUID()
        #expect(APILocation.person(id) == "/api/v1/persons/\(id.uuidString)")
        #expect(APILocation.trajectoryStep(step, of: id) == "/api/v1/persons/\(id.uuidString)/trajectory/steps/\(step.uuidString)")
        #expect(APILocation.referral(id) == "/api/v1/referrals/\(id.uuidString)")
        #expect(APILocation.caseConference(id) == "/api/v1/case-conferences/\(id.uuidString)")
        #expect(APILocation.employerRequest(id) == "/api/v1/employer-requests/\(id.uuidString)")
        #expect(APILocation.organisation(id) == "/api/v1/organisations/\(id.uuidString)")
        #expect(APILocation.agreement(id) == "/api/v1/agreements/\(id.uuidString)")
    }

    @Test func stepsAndSubpagesAreTypedLinks() {
        let id = UUID()
        let referral = "/doorverwijzingen/\(id.uuidString)"
        #expect(ReferralAction.allCases.map { SiteURL.referralStep(id, $0).path }
                == ReferralAction.allCases.map { "\(referral)/stap/\($0.rawValue)" })
        #expect(SiteURL.referralCancellation(id).path == referral + "/annuleren")
        #expect(SiteURL.handOverMeeting(id).path == referral + "/overdrachtsgesprek")
        #expect(SiteURL.EmployerRequestStep.allCases.map { SiteURL.employerRequestStep(id, $0).path }
                == ["toewijzen", "antwoorden", "afsluiten"].map { "/werkgevers/\(id.uuidString)/\($0)" })
        #expect(SiteURL.agreementEnd(id).path == "/beheer/overeenkomsten/\(id.uuidString)/beeindigen")
        #expect(SiteURL.agreementRoutes(id).path == "/beheer/overeenkomsten/\(id.uuidString)/routes")
    }

    /// A paged list keeps its filters on every page link, each value encoded.
    @Test func pagerLinksKeepTheFilters() {
        let offers = SiteURL.offers.query([("kind", "dutch-course"), ("sector", "land- en tuinbouw")]).query("page", "2")
        #expect(offers.path == "/aanbod?kind=dutch-course&sector=land-%20en%20tuinbouw&page=2")
        let referrals = SiteURL.referrals.query([("richting", "verzonden"), ("toestand", "sent"), ("telaat", "1")])
        #expect(referrals.path == "/doorverwijzingen?richting=verzonden&toestand=sent&telaat=1")
        let html = Node<HTML.BodyContext>.a(.href(offers), .text("2")).render()
        #expect(html == "<a href=\"/aanbod?kind=dutch-course&amp;sector=land-%20en%20tuinbouw&amp;page=2\">2</a>")
    }

    /// The menu marks a section current on its own page and the pages below it, and "my day" on itself only.
    @Test func aSectionContainsThePagesBelowIt() {
        #expect(SiteURL.persons.contains("/personen"))
        #expect(SiteURL.persons.contains("/personen/\(UUID().uuidString)/traject"))
        #expect(!SiteURL.persons.contains("/personenlijst"))
        #expect(!SiteURL.referrals.contains("/personen"))
        #expect(SiteURL.root.contains("/personen"))
    }

    /// Views and web controllers spell no path: every link, action and redirect comes from `SiteURL`.
    @Test func viewsAndWebControllersSpellNoPaths() throws {
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/SchakelApp")
        var found: [String] = []
        for folder in ["Views", "Controllers/Web"] {
            for file in try LocalizationTests.swiftFiles(in: sources.appendingPathComponent(folder)) {
                let text = try String(contentsOf: file, encoding: .utf8)
                for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
                where !line.trimmingCharacters(in: .whitespaces).hasPrefix("//")
                    && (line.contains("\"/") || line.contains(".path +") || line.contains("SiteURL.raw")) {
                    found.append("\(folder)/\(file.lastPathComponent):\(number + 1): \(line.trimmingCharacters(in: .whitespaces))")
                }
            }
        }
        #expect(found.isEmpty, "paths spelled outside SiteURL: \(found)")
    }
}
