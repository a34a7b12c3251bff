import Foundation
import Testing
import VaporTesting
@testable import SchakelApp
import Plot

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
    }
}
