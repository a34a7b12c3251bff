import Foundation
import Testing
import VaporTesting
@testable import SchakelApp
import SchakelCore

/// Every page the app serves, rendered and checked for what a person sees.
@Suite("Pages")
struct PageTests {
    @Test func signInPageIsDutchByDefaultAndEnglishOnRequest() async throws {
        try await withTestApp(.sqlite) { app in
            try await app.testing().test(.GET, "aanmelden") { response in
                let html = response.body.string
                #expect(response.status == .ok)
                #expect(html.contains("<html lang=\"nl\">"))
                #expect(html.contains("<label for=\"email\">E-mailadres</label>"))
                #expect(html.contains("<label for=\"password\">Wachtwoord</label>"))
                #expect(html.contains("href=\"#inhoud\""))
                #expect(response.headers.first(name: "Content-Security-Policy")?.contains("script-src 'self'") == true)
            }
            try await app.testing().test(.GET, "aanmelden", beforeRequest: { $0.headers.replaceOrAdd(name: .acceptLanguage, value: "en") }) { response in
                #expect(response.body.string.contains("<html lang=\"en\">"))
                #expect(response.body.string.contains(">Sign in</h1>"))
            }
        }
    }

    @Test func rootSendsVisitorsToSignIn() async throws {
        try await withTestApp(.sqlite) { app in
            try await app.testing().test(.GET, "/") { response in
                #expect(response.status == .seeOther)
                #expect(response.headers.first(name: .location) == "/aanmelden")
            }
            try await app.testing().test(.GET, "start") { response in
                #expect(response.headers.first(name: .location) == "/aanmelden")
            }
        }
    }

    @Test func unknownPagesGetAFriendlyHTMLError() async throws {
        try await withTestApp(.sqlite) { app in
            try await app.testing().test(.GET, "bestaat-niet") { response in
                #expect(response.status == .notFound)
                #expect(response.headers.contentType == .html)
                #expect(response.body.string.contains("Deze pagina of dit gegeven bestaat niet."))
            }
        }
    }

    @Test func stylesheetIsServedWithAVisibleFocusStyle() async throws {
        try await withTestApp(.sqlite) { app in
            try await app.testing().test(.GET, "static/schakel.css") { response in
                #expect(response.status == .ok)
                #expect(response.headers.contentType?.subType == "css")
                #expect(response.body.string.contains(":focus-visible"))
            }
        }
    }

    @Test func userInputIsEscapedOnThePage() async throws {
        try await withTestApp(.sqlite) { app in
            var cookie = ""
            var csrf = ""
            try await app.testing().test(.GET, "aanmelden") { response in
                cookie = String(response.headers.first(name: .setCookie)!.split(separator: ";")[0])
                csrf = AuthTests.hiddenValue("csrf", in: response.body.string) ?? ""
            }
            try await app.testing().test(.POST, "aanmelden", beforeRequest: { request in
                request.headers.replaceOrAdd(name: .cookie, value: cookie)
                try request.content.encode(["email": "\"><script>alert(1)</script>@x.be", "password": "x", "csrf": csrf], as: .urlEncodedForm)
            }) { response in
                #expect(!response.body.string.contains("<script>alert(1)</script>"))
                #expect(response.body.string.contains("&lt;script&gt;"))
            }
        }
    }
}
