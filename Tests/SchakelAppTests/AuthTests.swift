import Fluent
import Foundation
import Testing
import VaporTesting
@testable import SchakelApp
import SchakelCore

@Suite("Sign-in, tokens and sessions")
struct AuthTests {
    @Test(arguments: TestDatabase.all)
    func aTokenOpensTheAPIAndAWrongPasswordDoesNot(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let organisation = try await Fixtures.organisation(app)
            let user = try await Fixtures.user(app, organisation: organisation, role: .trajectoryCounsellor, email: "Mira@Example.test")
            // The address is matched case-insensitively.
            let token = try await Fixtures.token(app, email: "mira@example.TEST")
            try await app.testing().test(.GET, "api/v1/me", beforeRequest: { $0.bearer(token) }) { response in
                #expect(response.status == .ok)
                let value19 = try response.content.decode(UserDTO.self).id
                #expect(value19 == (try user.requireID()))
            }
            for (email, password) in [("mira@example.test", "wrong password"), ("nobody@example.test", Fixtures.password)] {
                try await app.testing().test(.POST, "api/v1/auth/token", beforeRequest: { request in
                    try request.content.encode(["email": email, "password": password])
                }) { response in
                    #expect(response.status == .unauthorized)
                    let body = try response.content.decode(SchakelErrorMiddleware.Body.self)
                    // The same answer whether or not the account exists.
                    #expect(body.error.code == "invalid_credentials")
                    #expect(!response.body.string.contains("nobody"))
                }
            }
            // Only a hash of the token is stored.
            #expect(try await UserTokenModel.query(on: app.db).filter(\.$tokenHash == token).count() == 0)
        }
    }

    @Test(arguments: TestDatabase.all)
    func everyAPIRouteButTheOpenOnesAnswers401WithoutAValidToken(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let open: Set<String> = ["POST /api/v1/auth/token", "GET /api/v1/openapi.json"]
            let routes = app.routes.all.filter { $0.path.first?.description == "api" }
            #expect(routes.count >= 10)
            for route in routes {
                let path = "/" + route.path.map { component -> String in
                    if case .parameter = component { return "00000000-0000-0000-0000-000000000000" }
                    return component.description
                }.joined(separator: "/")
                let key = "\(route.method.rawValue) /" + route.path.map(\.description).joined(separator: "/")
                if open.contains(key) { continue }
                for header in [nil, "Bearer not-a-token", "Basic dXNlcjpwYXNz"] {
                    try await app.testing().test(route.method, path, beforeRequest: { request in
                        if let header { request.headers.replaceOrAdd(name: .authorization, value: header) }
                    }) { response in
                        #expect(response.status == .unauthorized, "\(key) with \(header ?? "no header")")
                        let value55 = try response.content.decode(SchakelErrorMiddleware.Body.self).error.code
                        #expect(value55 == "unauthorized")
                    }
                }
            }
        }
    }

    @Test(arguments: TestDatabase.all)
    func tokensExpireAndCanBeRevoked(database: TestDatabase) async throws {
        let clock = TestClock()
        try await withTestApp(database, clock: clock) { app in
            let (_, token) = try await Fixtures.signedIn(app)
            try await app.testing().test(.DELETE, "api/v1/auth/token", beforeRequest: { $0.bearer(token) }) { response in
                #expect(response.status == .noContent)
            }
            try await app.testing().test(.GET, "api/v1/me", beforeRequest: { $0.bearer(token) }) { response in
                #expect(response.status == .unauthorized)
            }
            let (_, second) = try await Fixtures.signedIn(app)
            clock.advance(seconds: 12 * 3600 + 1)
            try await app.testing().test(.GET, "api/v1/me", beforeRequest: { $0.bearer(second) }) { response in
                #expect(response.status == .unauthorized)
            }
        }
    }

    @Test(arguments: TestDatabase.all)
    func repeatedFailuresAreSlowedThenLocked(database: TestDatabase) async throws {
        let clock = TestClock()
        let throttle = SignInThrottle(freeFailures: 3, baseDelaySeconds: 2, lockAfter: 6, lockDurationSeconds: 900)
        try await withTestApp(database, clock: clock, throttle: throttle) { app in
            let organisation = try await Fixtures.organisation(app)
            let user = try await Fixtures.user(app, organisation: organisation)
            func attempt(_ password: String) async throws -> (HTTPStatus, String, String?) {
                var result: (HTTPStatus, String, String?) = (.ok, "", nil)
                try await app.testing().test(.POST, "api/v1/auth/token", beforeRequest: { request in
                    try request.content.encode(["email": user.email, "password": password])
                }) { response in
                    let code = (try? response.content.decode(SchakelErrorMiddleware.Body.self).error.code) ?? ""
                    result = (response.status, code, response.headers.first(name: .retryAfter))
                }
                return result
            }
            for _ in 0..<3 { #expect(try await attempt("wrong").1 == "invalid_credentials") }
            // After three failures the next attempt must wait, even with the right password.
            let slowed = try await attempt(Fixtures.password)
            #expect(slowed.0 == .tooManyRequests)
            #expect(slowed.1 == "too_many_attempts")
            #expect(slowed.2 == "2")
            // Waiting long enough lets another attempt through; the waits grow.
            clock.advance(seconds: 2)
            #expect(try await attempt("wrong").1 == "invalid_credentials")
            #expect(try await attempt("wrong").2 == "4")
            clock.advance(seconds: 4)
            #expect(try await attempt("wrong").1 == "invalid_credentials")
            clock.advance(seconds: 8)
            // The sixth failure locks the account.
            let locked = try await attempt("wrong")
            #expect(locked.0 == .tooManyRequests)
            #expect(locked.1 == "account_locked")
            clock.advance(seconds: 600)
            #expect(try await attempt(Fixtures.password).1 == "account_locked")
            clock.advance(seconds: 301)
            #expect(try await attempt(Fixtures.password).0 == .created)
            // Success clears the record: the next mistake is a plain one again.
            #expect(try await attempt("wrong").1 == "invalid_credentials")
        }
    }

    @Test(arguments: TestDatabase.all)
    func browserSignInUsesASecureSessionCookieAndACSRFToken(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let organisation = try await Fixtures.organisation(app)
            let user = try await Fixtures.user(app, organisation: organisation, role: .socialWorker)
            var cookie = ""
            var csrf = ""
            try await app.testing().test(.GET, "aanmelden") { response in
                #expect(response.status == .ok)
                // The form's token travels in a cookie of its own (only to the form, never to another site): an
                // anonymous visit stores no session.
                let setCookie = try #require(response.headers.first(name: .setCookie))
                #expect(setCookie.contains("Secure"))
                #expect(setCookie.contains("HttpOnly"))
                #expect(setCookie.contains("SameSite=Strict"))
                #expect(setCookie.contains("Path=/aanmelden"))
                cookie = String(setCookie.split(separator: ";")[0])
                csrf = try #require(Self.hiddenValue("csrf", in: response.body.string))
            }
            // A form without the session's token changes nothing.
            try await app.testing().test(.POST, "aanmelden", beforeRequest: { request in
                request.headers.replaceOrAdd(name: .cookie, value: cookie)
                try request.content.encode(["email": user.email, "password": Fixtures.password, "csrf": "forged"], as: .urlEncodedForm)
            }) { response in
                #expect(response.status == .forbidden)
            }
            // A wrong password shows the reason on the form, in Dutch.
            try await app.testing().test(.POST, "aanmelden", beforeRequest: { request in
                request.headers.replaceOrAdd(name: .cookie, value: cookie)
                try request.content.encode(["email": user.email, "password": "nope", "csrf": csrf], as: .urlEncodedForm)
            }) { response in
                #expect(response.body.string.contains("Het e-mailadres of het wachtwoord klopt niet."))
                #expect(response.body.string.contains("value=\"\(user.email)\""))
            }
            var signedInCookie = ""
            try await app.testing().test(.POST, "aanmelden", beforeRequest: { request in
                request.headers.replaceOrAdd(name: .cookie, value: cookie)
                try request.content.encode(["email": user.email, "password": Fixtures.password, "csrf": csrf], as: .urlEncodedForm)
            }) { response in
                #expect(response.status == .seeOther)
                #expect(response.headers.first(name: .location) == "/start")
                let setCookie = try #require(response.headers.first(name: .setCookie))
                #expect(setCookie.contains("Secure"))
                #expect(setCookie.contains("HttpOnly"))
                #expect(setCookie.contains("SameSite=Lax"))
                signedInCookie = String(setCookie.split(separator: ";")[0])
                // A new session id after sign-in.
                #expect(signedInCookie != cookie)
            }
            var formToken = ""
            try await app.testing().test(.GET, "start", beforeRequest: { $0.headers.replaceOrAdd(name: .cookie, value: signedInCookie) }) { response in
                #expect(response.status == .ok)
                #expect(response.body.string.contains("Welkom, Test social-worker"))
                #expect(response.body.string.contains("Maatschappelijk werker"))
                formToken = try #require(Self.hiddenValue("csrf", in: response.body.string))
            }
            try await app.testing().test(.POST, "afmelden", beforeRequest: { request in
                request.headers.replaceOrAdd(name: .cookie, value: signedInCookie)
                try request.content.encode(["csrf": formToken], as: .urlEncodedForm)
            }) { response in
                #expect(response.status == .seeOther)
            }
            try await app.testing().test(.GET, "start", beforeRequest: { $0.headers.replaceOrAdd(name: .cookie, value: signedInCookie) }) { response in
                #expect(response.status == .seeOther)
                #expect(response.headers.first(name: .location) == "/aanmelden")
            }
        }
    }

    static func hiddenValue(_ name: String, in html: String) -> String? {
        guard let range = html.range(of: "name=\"\(name)\" value=\"") else { return nil }
        let rest = html[range.upperBound...]
        return rest.firstIndex(of: "\"").map { String(rest[..<$0]) }
    }
}
