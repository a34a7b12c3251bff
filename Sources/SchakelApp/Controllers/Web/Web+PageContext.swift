import Fluent
import Foundation
import Vapor

extension PageContext {
    /// The frame of a signed-in page, gathered once per request: the reader, their language, the form token,
    /// the organisations' names and the message the previous step left.
    static func load(_ request: Request) async throws -> PageContext {
        let user = try request.user
        let names = try await Registry.organisationNames(on: request.db)
        return PageContext(user: user, language: UILanguage.preferred(by: request, userChoice: user.language),
                           csrf: CSRF.token(for: request), isDemo: request.schakel.isDemo, organisations: names,
                           path: request.url.path, flash: request.takeFlash())
    }
}

extension Request {
    /// A message for the next page (after a redirect): "saved", "sent".
    func flash(_ message: String) { session.data[PageContext.flashKey] = message }

    /// The message the previous step left, read once: the next page no longer shows it.
    func takeFlash() -> String? {
        let flash = session.data[PageContext.flashKey]
        if flash != nil { session.data[PageContext.flashKey] = nil }
        return flash
    }

    /// A form's token must match the session's before anything changes.
    func verifyForm() throws {
        struct Token: Content { let csrf: String? }
        try CSRF.verify((try? content.decode(Token.self))?.csrf, for: self)
    }
}
