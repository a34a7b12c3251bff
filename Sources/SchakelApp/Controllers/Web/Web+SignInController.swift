import Fluent
import SchakelCore
import Vapor

/// Namespace for the HTML page controllers.
enum Web {}

extension Web {
    /// Sign-in, sign-out and the start page for browsers (cookie session, CSRF-protected forms).
    struct SignInController {
        struct SignInForm: Content {
            let email: String?
            let password: String?
            let csrf: String?
        }

        @Sendable func root(_ request: Request) async throws -> Response {
            request.redirect(to: request.auth.has(AuthenticatedUser.self) ? SiteURL.start : SiteURL.signIn)
        }

        @Sendable func form(_ request: Request) async throws -> Response {
            if request.auth.has(AuthenticatedUser.self) { return request.redirect(to: SiteURL.start) }
            let (token, cookie) = SignInFormToken.token(for: request, secure: request.schakel.secureCookies)
            let response = SignInPage(language: UILanguage.preferred(by: request), csrfToken: token,
                                      email: "", error: nil, isDemo: request.schakel.isDemo).render()
            if let cookie { response.cookies[SignInFormToken.cookie] = cookie }
            return response
        }

        @Sendable func signIn(_ request: Request) async throws -> Response {
            let form = try request.content.decode(SignInForm.self)
            let language = UILanguage.preferred(by: request)
            try SignInFormToken.verify(form.csrf, for: request)
            let email = String((form.email ?? "").prefix(254))
            func again(_ message: String, status: HTTPResponseStatus, retryAfter: Int? = nil) -> Response {
                // The form again, with the token the browser already holds: still nothing stored for an anonymous visitor.
                let response = SignInPage(language: language, csrfToken: form.csrf ?? "", email: email,
                                          error: message, isDemo: request.schakel.isDemo).render()
                response.status = status
                if let retryAfter { response.headers.replaceOrAdd(name: .retryAfter, value: "\(retryAfter)") }
                return response
            }
            do {
                let body = TokenRequest(email: email, password: form.password ?? "")
                try body.validate()
                let user = try await SignInService.signIn(email: body.email, password: body.password, on: request)
                // A fresh session id on sign-in, so a session fixed before cannot be taken over.
                if request.hasSession, let old = request.session.id {
                    try await request.application.sessions.driver.deleteSession(old, for: request).get()
                }
                request.session.id = nil
                request.session.data = SessionData()
                request.session.data[SessionUserAuthenticator.userKey] = try user.requireID().uuidString
                request.session.data[CSRF.key] = CSRF.newToken()
                return request.redirect(to: SiteURL.start, redirectType: .normal)
            } catch let error as SchakelError {
                return again(error.message(language), status: error.status == .unauthorized ? .ok : error.status,
                             retryAfter: error.retryAfter)
            }
        }

        @Sendable func signOut(_ request: Request) async throws -> Response {
            let form = try request.content.decode(SignInForm.self)
            try CSRF.verify(form.csrf, for: request)
            request.auth.logout(AuthenticatedUser.self)
            request.session.destroy()
            return request.redirect(to: SiteURL.signIn, redirectType: .normal)
        }

        @Sendable func passwordForm(_ request: Request) async throws -> Response {
            let context = try await PageContext.load(request)
            return PasswordPage(context: context, state: FormState()).render()
        }

        /// A new password after the current one: 12 characters or more, typed twice. Every API token and every
        /// browser session of the account ends; this browser stays signed in, under a new session.
        @Sendable func changePassword(_ request: Request) async throws -> Response {
            try request.verifyForm()
            let context = try await PageContext.load(request)
            let values = try request.content.decode([String: String].self)
            let language = context.language
            func refuse(_ field: String, _ message: String) -> Response {
                PasswordPage(context: context, state: FormState(values: [:], errors: [field: message])).render(status: .unprocessableEntity)
            }
            do {
                try await Accounts.changePassword(current: values["current"] ?? "", new: values["new"] ?? "", confirm: values["confirm"] ?? "",
                                                  hasher: request.application.passwordHasher, caller: try request.caller)
            } catch let problem as Accounts.PasswordProblem {
                switch problem {
                case .wrongCurrent: return refuse(problem.field, UIText.wrongCurrentPassword(language))
                case .length: return refuse(problem.field, UIText.passwordLength(language))
                case .differ: return refuse(problem.field, UIText.passwordsDiffer(language))
                }
            }
            // This browser goes on under a new session id (its old row is gone with the others).
            request.session.id = nil
            request.flash(UIText.passwordChanged(language))
            return request.redirect(to: SiteURL.start, redirectType: .normal)
        }

        @Sendable func stylesheet(_ request: Request) async throws -> Response {
            let response = Response(status: .ok, body: .init(string: Stylesheet.css))
            response.headers.contentType = HTTPMediaType(type: "text", subType: "css", parameters: ["charset": "utf-8"])
            response.headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=3600")
            return response
        }
    }
}

/// Form tokens tied to the session: every POST form carries one, and a request without the
/// session's token is refused before anything changes.
enum CSRF {
    static let key = "csrf"

    static func newToken() -> String { [UInt8].random(count: 24).base64URLEncoded }

    static func token(for request: Request) -> String {
        if let token = request.session.data[key] { return token }
        let token = newToken()
        request.session.data[key] = token
        return token
    }

    static func verify(_ submitted: String?, for request: Request) throws {
        guard let expected = request.session.data[key], let submitted, ConstantTime.equals(submitted, expected)
        else { throw SchakelError.csrf }
    }
}
