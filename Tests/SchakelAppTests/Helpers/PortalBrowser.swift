import Foundation
import Testing
import VaporTesting
@testable import SchakelApp

/// A phone's browser on "Mijn Schakel" in a test: keeps every cookie the portal sets (the form token, the session, the
/// language) and sends each form with the token the page's hidden field holds, as a browser does.
struct PortalBrowser {
    struct Answer {
        let status: HTTPStatus
        let location: String?
        let html: String
        let headers: HTTPHeaders
    }

    let app: Application
    private(set) var cookies: [String: String] = [:]
    private(set) var csrf = ""

    init(_ app: Application) { self.app = app }

    private var cookieHeader: String { cookies.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "; ") }

    private mutating func keep(_ response: TestingHTTPResponse) {
        for line in response.headers[.setCookie] {
            let pair = line.split(separator: ";")[0].split(separator: "=", maxSplits: 1)
            let name = String(pair[0]), value = pair.count > 1 ? String(pair[1]) : ""
            if value.isEmpty || line.contains("Max-Age=0") { cookies[name] = nil } else { cookies[name] = value }
        }
    }

    mutating func get(_ path: String) async throws -> Answer {
        var answer: Answer!
        let header = cookieHeader
        try await app.testing().test(.GET, path, beforeRequest: { request in
            if !header.isEmpty { request.headers.replaceOrAdd(name: .cookie, value: header) }
        }) { response in
            answer = Answer(status: response.status, location: response.headers.first(name: .location), html: response.body.string,
                            headers: response.headers)
            keep(response)
        }
        if let token = AuthTests.hiddenValue("csrf", in: answer.html) { csrf = token }
        return answer
    }

    /// Posts a form with the page's token (unless `token` is given: empty leaves it out).
    mutating func post(_ path: String, _ fields: [String: String], token: String? = nil) async throws -> Answer {
        var answer: Answer!
        let header = cookieHeader
        var body = fields
        let token = token ?? csrf
        if !token.isEmpty { body["csrf"] = token }
        try await app.testing().test(.POST, path, beforeRequest: { request in
            if !header.isEmpty { request.headers.replaceOrAdd(name: .cookie, value: header) }
            try request.content.encode(body, as: .urlEncodedForm)
        }) { response in
            answer = Answer(status: response.status, location: response.headers.first(name: .location), html: response.body.string,
                            headers: response.headers)
            keep(response)
        }
        if let token = AuthTests.hiddenValue("csrf", in: answer.html) { csrf = token }
        return answer
    }

    /// Opens the portal with a letter: the QR code's address (the account number), the code typed, the passphrase twice.
    static func activate(_ app: Application, letter: Letter, passphrase: String = "blauwe fiets in de regen") async throws -> PortalBrowser {
        var browser = PortalBrowser(app)
        let form = try await browser.get(letter.qrPath)
        #expect(form.status == .ok)
        let opened = try await browser.post("mijn/welkom", ["account": letter.account, "code": letter.code, "passphrase": passphrase,
                                                            "repeat": passphrase])
        #expect(opened.status == .seeOther && opened.location == "/mijn", "activation: \(opened.status) \(opened.html.visibleText.prefix(300))")
        _ = try await browser.get("mijn")
        return browser
    }
}

/// What an invitation letter shows: the account number, the one-time code and the QR code's address.
struct Letter {
    let account: String
    let code: String
    let qrPath: String
    let html: String

    /// A letter a partner's system printed from the API's answer.
    init(account: String, code: String) {
        self.account = account
        self.code = code
        qrPath = "mijn/welkom?account=\(account)"
        html = ""
    }

    init(_ html: String) throws {
        self.html = html
        let codes = html.matches(of: /class="code" dir="ltr">([0-9 ]+)</).map { String($0.output.1).replacingOccurrences(of: " ", with: "") }
        guard codes.count == 2 else { throw TestSetupError(description: "no codes on the letter: \(html.visibleText.prefix(400))") }
        account = codes[0]
        code = codes[1]
        qrPath = "mijn/welkom?account=\(codes[0])"
    }

    /// A caseworker makes the letter for `person` in `language` on the dossier page.
    static func make(_ session: inout WebSession, person: UUID, language: String) async throws -> Letter {
        let answer = try await session.post("personen/\(person)/mijn-schakel", ["taal": language])
        #expect(answer.status == .ok, "invitation: \(answer.status) \(answer.html.visibleText.prefix(300))")
        return try Letter(answer.html)
    }
}
