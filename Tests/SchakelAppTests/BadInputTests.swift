import Foundation
import Testing
import VaporTesting
@testable import SchakelApp
import SchakelCore

@Suite("Bad input gets a clear error, never a 500")
struct BadInputTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let body: String
        let status: HTTPStatus
        let code: String
        let field: String?
        var testDescription: String { name }
    }

    static let tokenCases: [Case] = [
        Case(name: "not JSON", body: "{\"email\":", status: .badRequest, code: "malformed_body", field: nil),
        Case(name: "empty body", body: "", status: .badRequest, code: "malformed_body", field: nil),
        Case(name: "an array", body: "[1,2]", status: .unprocessableEntity, code: "invalid_field", field: nil),
        Case(name: "missing password", body: "{\"email\":\"a@b.be\"}", status: .unprocessableEntity, code: "invalid_field", field: "password"),
        Case(name: "email is a number", body: "{\"email\":5,\"password\":\"x\"}", status: .unprocessableEntity, code: "invalid_field", field: "email"),
        Case(name: "email is null", body: "{\"email\":null,\"password\":\"x\"}", status: .unprocessableEntity, code: "invalid_field", field: "email"),
        Case(name: "not an address", body: "{\"email\":\"nobody\",\"password\":\"x\"}", status: .unprocessableEntity, code: "invalid_field", field: "email"),
        Case(name: "oversized email", body: "{\"email\":\"\(String(repeating: "a", count: 5000))@x.be\",\"password\":\"x\"}",
             status: .unprocessableEntity, code: "invalid_field", field: "email"),
        Case(name: "oversized password", body: "{\"email\":\"a@b.be\",\"password\":\"\(String(repeating: "p", count: 5000))\"}",
             status: .unprocessableEntity, code: "invalid_field", field: "password"),
        Case(name: "empty password", body: "{\"email\":\"a@b.be\",\"password\":\"\"}", status: .unprocessableEntity, code: "invalid_field", field: "password"),
    ]

    @Test(arguments: tokenCases)
    func tokenRouteRejectsBadBodies(testCase: Case) async throws {
        try await withTestApp(.sqlite) { app in
            try await app.testing().test(.POST, "api/v1/auth/token", beforeRequest: { request in
                request.headers.contentType = .json
                request.body = ByteBuffer(string: testCase.body)
            }) { response in
                #expect(response.status == testCase.status)
                let body = try response.content.decode(SchakelErrorMiddleware.Body.self)
                #expect(body.error.code == testCase.code)
                if let field = testCase.field { #expect(body.error.field == field) }
                #expect(!body.error.message.isEmpty)
            }
        }
    }

    @Test func aBodyOverTheLimitIsRefusedAs413NotA500() async throws {
        try await withTestApp(.sqlite) { app in
            let huge = "{\"email\":\"a@b.be\",\"password\":\"" + String(repeating: "x", count: 200_000) + "\"}"
            try await app.testing(method: .running(hostname: "127.0.0.1", port: Int.random(in: 40000..<50000))).test(.POST, "api/v1/auth/token", beforeRequest: { request in
                request.headers.contentType = .json
                request.body = ByteBuffer(string: huge)
            }) { response in
                #expect(response.status == .payloadTooLarge)
                let value57 = try response.content.decode(SchakelErrorMiddleware.Body.self).error.code
                #expect(value57 == "body_too_large")
            }
        }
    }

    @Test(arguments: TestDatabase.all)
    func badQueryParametersNameTheField(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let (_, token) = try await Fixtures.signedIn(app)
            let cases: [(String, HTTPStatus, String?)] = [
                ("api/v1/regions?page=0", .unprocessableEntity, "page"),
                ("api/v1/regions?page=abc", .unprocessableEntity, "page"),
                ("api/v1/regions?per=1000", .unprocessableEntity, "per"),
                ("api/v1/organisations?kind=castle", .unprocessableEntity, "kind"),
                ("api/v1/agreements?activeOn=2025-02-30", .unprocessableEntity, "activeOn"),
                ("api/v1/agreements?organisation=42", .unprocessableEntity, "organisation"),
                ("api/v1/organisations/not-a-uuid", .notFound, nil),
                ("api/v1/agreements/00000000-0000-0000-0000-000000000000", .notFound, nil),
                ("api/v1/regions/99999", .notFound, nil),
                ("api/v1/nothing-here", .notFound, nil),
            ]
            for (path, status, field) in cases {
                try await app.testing().test(.GET, path, beforeRequest: { $0.bearer(token) }) { response in
                    #expect(response.status == status, "\(path)")
                    let body = try response.content.decode(SchakelErrorMiddleware.Body.self)
                    #expect(body.error.field == field, "\(path)")
                }
            }
        }
    }

    @Test func messagesFollowTheRequestedLanguage() async throws {
        try await withTestApp(.sqlite) { app in
            try await app.testing().test(.POST, "api/v1/auth/token", beforeRequest: { request in
                request.headers.replaceOrAdd(name: .acceptLanguage, value: "en-GB,en;q=0.8")
                try request.content.encode(["email": "a@b.be"])
            }) { response in
                let value94 = try response.content.decode(SchakelErrorMiddleware.Body.self).error.message
                #expect(value94 == "This field is required.")
            }
        }
    }
}
