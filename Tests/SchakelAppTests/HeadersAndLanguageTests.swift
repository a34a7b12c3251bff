import Fluent
import Foundation
import Testing
import VaporTesting
@testable import SchakelApp
import SchakelCore

/// HSTS, the language of the API's messages, and where the language switch sends a browser back to.
@Suite("Headers, the API's language and the language switch")
struct HeadersAndLanguageTests {
    @Test(arguments: TestDatabase.all)
    func httpsStrictTransportSecurityIsSentWhenCookiesAreSecure(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            for path in ["ping", "aanmelden", "api/v1/openapi.json", "api/v1/me"] {
                try await app.testing().test(.GET, path) { response in
                    #expect(response.headers.first(name: "Strict-Transport-Security") == "max-age=31536000", "\(path)")
                }
            }
        }
        // SCHAKEL_INSECURE_COOKIES=1 (plain HTTP in development): no HSTS, which would lock the browser out.
        try await withTestApp(database, adjust: { $0.secureCookies = false }) { app in
            try await app.testing().test(.GET, "aanmelden") { response in
                #expect(response.status == .ok)
                #expect(response.headers.first(name: "Strict-Transport-Security") == nil)
            }
        }
    }

    /// The API speaks the language the client asks for; pages keep the account's choice.
    @Test(arguments: TestDatabase.all)
    func apiMessagesFollowAcceptLanguageOverTheAccountsChoice(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let organisation = try await Fixtures.organisation(app)
            let dutch = try await Fixtures.user(app, organisation: organisation)
            let english = try await Fixtures.user(app, organisation: organisation)
            english.language = "en"
            try await english.save(on: app.db)
            let missing = "api/v1/persons/\(UUID().uuidString)"
            func message(_ email: String, acceptLanguage: String?) async throws -> String {
                let token = try await Fixtures.token(app, email: email)
                var text = ""
                try await app.testing().test(.GET, missing, beforeRequest: { request in
                    request.bearer(token)
                    if let acceptLanguage { request.headers.replaceOrAdd(name: .acceptLanguage, value: acceptLanguage) }
                }) { response in
                    #expect(response.status == .notFound)
                    text = try response.content.decode(SchakelErrorMiddleware.Body.self).error.message
                }
                return text
            }
            #expect(try await message(dutch.email, acceptLanguage: "en") == Strings.notFound(.en))
            #expect(try await message(dutch.email, acceptLanguage: "fr-BE, en-GB;q=0.8") == Strings.notFound(.en))
            #expect(try await message(dutch.email, acceptLanguage: nil) == Strings.notFound(.nl))
            #expect(try await message(english.email, acceptLanguage: "nl-BE") == Strings.notFound(.nl))
            #expect(try await message(english.email, acceptLanguage: nil) == Strings.notFound(.en))
            #expect(try await message(english.email, acceptLanguage: "fr") == Strings.notFound(.en))
            // Unsigned: the header alone.
            try await app.testing().test(.GET, "api/v1/me", beforeRequest: { $0.headers.replaceOrAdd(name: .acceptLanguage, value: "en") }) { response in
                #expect(response.body.string.contains(Strings.unauthorized(.en)))
            }
        }
    }

    /// Pages keep the account's choice whatever the browser sends.
    @Test func pagesKeepTheAccountsLanguage() async throws {
        try await withTestApp(.sqlite) { app in
            try await Fixtures.demoWorld(app, persons: 0)
            var session = try await WebSession.signIn(app, "job-counsellor@vdab-gent.demo")
            let english = Request(application: app, on: app.eventLoopGroup.next())
            english.headers.replaceOrAdd(name: .acceptLanguage, value: "en")
            #expect(UILanguage.preferred(by: english, userChoice: "nl") == .nl)
            english.url = URI(path: "/api/v1/persons")
            #expect(UILanguage.preferred(by: english, userChoice: "nl") == .en)
            #expect(try await session.get("personen").html.contains("<html lang=\"nl\">"))
        }
    }

    /// After switching the language the browser goes back only to a path of this site.
    @Test(arguments: TestDatabase.all)
    func theLanguageSwitchReturnsOnlyToALocalPath(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            try await Fixtures.demoWorld(app, persons: 0)
            var session = try await WebSession.signIn(app, "job-counsellor@vdab-gent.demo")
            let hostile = ["//evil.example", "/\t/evil.example", "/\\evil.example", "/\\/evil.example", " //evil.example",
                           "/\n/evil.example", "/\r\n/evil.example", "\t//evil.example", "https://evil.example/x", "javascript:alert(1)",
                           "evil.example", "/\u{0}/evil.example", "/\u{FF0F}evil.example", "///evil.example", "\"'<>&",
                           String(repeating: "/a", count: 15_000)]
            for value in hostile {
                let answer = try await session.post("taal", ["taal": "en", "terug": value])
                #expect(answer.status == .seeOther)
                #expect(answer.location == "/start", "\(value.prefix(40).debugDescription)")
            }
            let home = try await session.post("taal", ["taal": "nl", "terug": "/doorverwijzingen?richting=verzonden"])
            #expect(home.location == "/doorverwijzingen?richting=verzonden")
        }
    }
}
