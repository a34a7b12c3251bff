import Foundation
import Testing
import VaporTesting
@testable import SchakelApp

/// A browser in a test: signs in through the sign-in form, keeps the session cookie, and sends every
/// form with the session's token, as a browser does with the page's hidden field.
struct WebSession {
    struct Answer {
        let status: HTTPStatus
        let location: String?
        let html: String
    }

    let app: Application
    private(set) var cookie = ""
    private(set) var csrf = ""

    init(_ app: Application) { self.app = app }

    /// Signs in as `email`; fails the test when the form does not let them in.
    static func signIn(_ app: Application, _ email: String, password: String = "schakel-demo") async throws -> WebSession {
        var session = WebSession(app)
        let form = try await session.get("aanmelden")
        session.csrf = try #require(AuthTests.hiddenValue("csrf", in: form.html))
        let answer = try await session.post("aanmelden", ["email": email, "password": password])
        #expect(answer.status == .seeOther && answer.location == "/start", "sign-in of \(email)")
        _ = try await session.get("start")
        return session
    }

    mutating func get(_ path: String) async throws -> Answer {
        var answer: Answer!
        let cookie = self.cookie
        try await app.testing().test(.GET, path, beforeRequest: { request in
            if !cookie.isEmpty { request.headers.replaceOrAdd(name: .cookie, value: cookie) }
        }) { response in
            answer = Answer(status: response.status, location: response.headers.first(name: .location), html: response.body.string)
            if let set = response.headers.first(name: .setCookie) { self.cookie = String(set.split(separator: ";")[0]) }
        }
        if let token = AuthTests.hiddenValue("csrf", in: answer.html) { csrf = token }
        return answer
    }

    /// Records a consent as a caseworker does: shows the text for the choices first (the form's first button), then
    /// records with the proof of what was shown. The person reads the text unless `fields` says otherwise.
    mutating func recordConsent(_ path: String, _ fields: [String: String]) async throws -> Answer {
        let shown = try await post(path, fields.merging(["stap": "tonen"]) { $1 })
        var proof = fields
        proof["shownLanguage"] = AuthTests.hiddenValue("shownLanguage", in: shown.html)
        proof["shownText"] = AuthTests.hiddenValue("shownText", in: shown.html)
        if proof["personReadsText"] == nil { proof["personReadsText"] = "on" }
        return try await post(path, proof)
    }

    /// Posts a form with the session's token (unless `token` is given, e.g. empty to leave it out).
    mutating func post(_ path: String, _ fields: [String: String], token: String? = nil) async throws -> Answer {
        var answer: Answer!
        let cookie = self.cookie
        var body = fields
        let token = token ?? csrf
        if !token.isEmpty { body["csrf"] = token }
        try await app.testing().test(.POST, path, beforeRequest: { request in
            if !cookie.isEmpty { request.headers.replaceOrAdd(name: .cookie, value: cookie) }
            try request.content.encode(body, as: .urlEncodedForm)
        }) { response in
            answer = Answer(status: response.status, location: response.headers.first(name: .location), html: response.body.string)
            if let set = response.headers.first(name: .setCookie) { self.cookie = String(set.split(separator: ";")[0]) }
        }
        if let token = AuthTests.hiddenValue("csrf", in: answer.html) { csrf = token }
        return answer
    }
}

extension String {
    /// The page's visible text, tags removed and white space folded: what a reader sees.
    var visibleText: String {
        var text = replacingOccurrences(of: "<[^>]+>", with: " ", options: .regularExpression)
        for (entity, character) in [("&amp;", "&"), ("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'")] {
            text = text.replacingOccurrences(of: entity, with: character)
        }
        return text.replacingOccurrences(of: "\\s+", with: " ", options: .regularExpression)
    }

    /// The first value of `<option value="…">label</option>` in the select `name` whose label is `label`.
    func option(in name: String, labelled label: String) -> String? {
        guard let start = range(of: "<select id=\"\(name)\"") else { return nil }
        let rest = self[start.upperBound...]
        let end = rest.range(of: "</select>")?.lowerBound ?? rest.endIndex
        let select = String(rest[..<end])
        let pattern = "<option value=\"([^\"]*)\"[^>]*>" + NSRegularExpression.escapedPattern(for: label) + "</option>"
        guard let match = select.range(of: pattern, options: .regularExpression) else { return nil }
        let found = String(select[match])
        guard let value = found.range(of: "value=\"") else { return nil }
        return String(found[value.upperBound...].prefix { $0 != "\"" })
    }

    /// The ids in links of the form `/prefix/ID`.
    func linkedIDs(_ prefix: String) -> [String] {
        let pattern = "href=\"/\(prefix)/([0-9A-F-]{36})"
        let regex = try! NSRegularExpression(pattern: pattern)
        return regex.matches(in: self, range: NSRange(startIndex..., in: self)).compactMap { match in
            Range(match.range(at: 1), in: self).map { String(self[$0]) }
        }
    }
}
