import AsyncKit
import Fluent
import Foundation
import SchakelCore
import SQLKit
import Vapor

extension Web {
    /// `/mijn`: "Mijn Schakel", the person's own pages (`Portal`), in the person's language. Forms work without script;
    /// every POST carries its token (the session's once signed in, a double-submit cookie before).
    struct PortalController {
        static let languageCookie = "schakel-mijn-taal"

        /// The language of the page: a choice in the address (kept in a cookie), the one chosen before, the account's, the
        /// browser's, Dutch.
        static func language(_ request: Request) -> ConsentLanguage {
            if let asked = try? request.query.get(String.self, at: "taal"), let language = ConsentLanguage(rawValue: asked) { return language }
            if let kept = request.cookies[languageCookie]?.string, let language = ConsentLanguage(rawValue: kept) { return language }
            if let signedIn = PortalSessions.signedIn(request) { return signedIn.account.language }
            let header = request.headers.first(name: .acceptLanguage)?.lowercased() ?? ""
            for part in header.split(separator: ",") {
                let tag = part.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
                if let language = ConsentLanguage(rawValue: String(tag.prefix(2))) { return language }
            }
            return .nl
        }

        static func page(_ request: Request, _ path: SiteURL, status: HTTPResponseStatus = .ok) -> PortalPage {
            PortalPage(language: language(request), csrf: PortalSessions.signedIn(request)?.csrf, path: path, status: status)
        }

        /// Keeps a language chosen in the address: in a cookie for the pages before sign-in, with the account after.
        struct LanguageChoice: AsyncMiddleware {
            func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
                let asked = (try? request.query.get(String.self, at: "taal")).flatMap(ConsentLanguage.init(rawValue:))
                if let asked, let signedIn = PortalSessions.signedIn(request), signedIn.account.language != asked {
                    try await (request.db as! any SQLDatabase).update(PortalAccountModel.schema).set("language", to: asked.rawValue)
                        .where("id", .equal, signedIn.account.id).run()
                }
                let response = try await next.respond(to: request)
                if let asked {
                    response.cookies[PortalController.languageCookie] = HTTPCookies.Value(
                        string: asked.rawValue, maxAge: 365 * 86_400, path: PortalSessions.path,
                        isSecure: request.schakel.secureCookies, isHTTPOnly: true, sameSite: .lax)
                }
                return response
            }
        }

        /// What the portal's pages refuse (a consent that is not theirs, a form token that ran out) is said on a portal
        /// page in the person's language, never on a staff page.
        struct Errors: AsyncMiddleware {
            func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
                do {
                    return try await next.respond(to: request)
                } catch let error as SchakelError {
                    let page = PortalController.page(request, SiteURL.portal, status: error.status)
                    let text = page.text
                    let message: String = switch error {
                    case .notFound: text[.errNotFound]
                    case .csrf: text[.errForm]
                    case let .slowDown(seconds), let .busy(seconds): text(.errSlowDown, ["seconds": "\(seconds)"])
                    default: text[.errProblem]
                    }
                    let response = PortalErrorPage(page: page, message: message).render()
                    if let seconds = error.retryAfter { response.headers.replaceOrAdd(name: .retryAfter, value: "\(seconds)") }
                    return response
                } catch is ConnectionPoolTimeoutError {
                    let page = PortalController.page(request, SiteURL.portal, status: .serviceUnavailable)
                    let response = PortalErrorPage(page: page, message: page.text[.errProblem]).render()
                    response.headers.replaceOrAdd(name: .retryAfter, value: "5")
                    return response
                }
            }
        }

        // MARK: Before sign-in

        @Sendable func home(_ request: Request) async throws -> Response {
            guard PortalSessions.signedIn(request) != nil else { return request.redirect(to: SiteURL.portalSignIn.path) }
            return PortalHomePage(page: Self.page(request, SiteURL.portal)).render()
        }

        @Sendable func signInForm(_ request: Request) async throws -> Response {
            if PortalSessions.signedIn(request) != nil { return request.redirect(to: SiteURL.portal.path) }
            let (token, cookie) = PortalFormToken.token(for: request)
            let page = Self.page(request, SiteURL.portalSignIn)
            let signedOut = (try? request.query.get(String.self, at: "afgemeld")) != nil
            let response = PortalSignInPage(page: page, csrf: token, notice: signedOut ? page.text[.signedOut] : nil).render()
            response.cookies[PortalFormToken.cookie] = cookie
            return response
        }

        struct SignInForm: Content {
            var csrf: String?
            var account: String?
            var code: String?
            var passphrase: String?
            var `repeat`: String?
        }

        @Sendable func signIn(_ request: Request) async throws -> Response {
            let form = try request.content.decode(SignInForm.self)
            let account = String((form.account ?? "").prefix(40))
            func again(_ problem: Portal.SignInProblem) -> Response {
                let page = Self.page(request, SiteURL.portalSignIn, status: Self.status(problem))
                let response = PortalSignInPage(page: page, csrf: form.csrf ?? "", account: account,
                                                error: (problem.field, Self.message(problem, page.text))).render()
                Self.retryAfter(problem, response)
                return response
            }
            guard (try? PortalFormToken.verify(form.csrf, for: request)) != nil else { return formExpired(request, SiteURL.portalSignIn) }
            do {
                let signedIn = try await Portal.signIn(account: account, passphrase: String((form.passphrase ?? "").prefix(1000)),
                                                       gate: try Self.gate(request))
                return try await Self.start(signedIn, request)
            } catch let problem as Portal.SignInProblem {
                return again(problem)
            } catch let error as SchakelError where error.retryAfter != nil {
                return again(.slowDown(seconds: error.retryAfter ?? 1))
            }
        }

        @Sendable func welcomeForm(_ request: Request) async throws -> Response {
            let (token, cookie) = PortalFormToken.token(for: request)
            // The letter's QR code brings the account number along (never the code, which the person types from the letter).
            let typed = String(((try? request.query.get(String.self, at: "account")) ?? "").prefix(40))
            let account = Portal.Codes.normalised(typed, length: Portal.Codes.accountNumberLength) ?? ""
            var page = Self.page(request, SiteURL.portalWelcome)
            if !account.isEmpty { page.keep = [("account", account)] }
            let response = PortalWelcomePage(page: page, csrf: token, account: account).render()
            response.headers.replaceOrAdd(name: "Referrer-Policy", value: "no-referrer")
            response.cookies[PortalFormToken.cookie] = cookie
            return response
        }

        @Sendable func welcome(_ request: Request) async throws -> Response {
            let form = try request.content.decode(SignInForm.self)
            let account = String((form.account ?? "").prefix(40))
            let code = String((form.code ?? "").prefix(40))
            guard (try? PortalFormToken.verify(form.csrf, for: request)) != nil else { return formExpired(request, SiteURL.portalWelcome) }
            do {
                let signedIn = try await Portal.activate(account: account, code: code, passphrase: String((form.passphrase ?? "").prefix(1000)),
                                                         repeated: String((form.repeat ?? "").prefix(1000)), gate: try Self.gate(request))
                return try await Self.start(signedIn, request)
            } catch let problem as Portal.SignInProblem {
                return again(problem)
            } catch let error as SchakelError where error.retryAfter != nil {
                return again(.slowDown(seconds: error.retryAfter ?? 1))
            }
            func again(_ problem: Portal.SignInProblem) -> Response {
                let page = Self.page(request, SiteURL.portalWelcome, status: Self.status(problem))
                let response = PortalWelcomePage(page: page, csrf: form.csrf ?? "", account: account, code: code,
                                                 errors: [problem.field: Self.message(problem, page.text)]).render()
                Self.retryAfter(problem, response)
                return response
            }
        }

        @Sendable func signOut(_ request: Request) async throws -> Response {
            let form = try request.content.decode(SignInForm.self)
            try PortalSessions.verifyForm(form.csrf, on: request)
            let cookie = try await PortalSessions.end(request)
            let response = request.redirect(to: SiteURL.portalSignIn.query("afgemeld", "1").path, redirectType: .normal)
            response.cookies[PortalSessions.cookie] = cookie
            // The next person at this browser starts in their own language, not this one's.
            response.cookies[Self.languageCookie] = HTTPCookies.Value(string: "", expires: Date(timeIntervalSince1970: 0), maxAge: 0,
                                                                      path: PortalSessions.path, isSecure: request.schakel.secureCookies,
                                                                      isHTTPOnly: true, sameSite: .lax)
            return response
        }

        private func formExpired(_ request: Request, _ path: SiteURL) -> Response {
            let (token, cookie) = PortalFormToken.token(for: request)
            let page = Self.page(request, path, status: .forbidden)
            let response = path.path == SiteURL.portalWelcome.path
                ? PortalWelcomePage(page: page, csrf: token, errors: ["account": page.text[.errForm]]).render()
                : PortalSignInPage(page: page, csrf: token, error: ("account", page.text[.errForm])).render()
            response.cookies[PortalFormToken.cookie] = cookie
            return response
        }

        static func gate(_ request: Request) throws -> Portal.Gate {
            Portal.Gate(db: request.db, now: request.now, throttle: request.schakel.signInThrottle,
                        hasher: request.application.passwordHasher, keyring: try request.application.keyring)
        }

        /// Signed in: a new session, and the account's language from now on (a language another person chose at this
        /// browser before does not stay).
        static func start(_ account: ClientCaller.Account, _ request: Request) async throws -> Response {
            let cookie = try await PortalSessions.start(account, on: request)
            let response = request.redirect(to: SiteURL.portal.path, redirectType: .normal)
            response.cookies[PortalSessions.cookie] = cookie
            response.cookies[languageCookie] = HTTPCookies.Value(string: account.language.rawValue, maxAge: 365 * 86_400,
                                                                 path: PortalSessions.path, isSecure: request.schakel.secureCookies,
                                                                 isHTTPOnly: true, sameSite: .lax)
            return response
        }

        static func status(_ problem: Portal.SignInProblem) -> HTTPResponseStatus {
            switch problem {
            case .credentials, .code: .unauthorized
            case .slowDown, .locked: .tooManyRequests
            case .passphraseShort, .passphraseLong, .passphraseMismatch, .required: .unprocessableEntity
            }
        }

        static func retryAfter(_ problem: Portal.SignInProblem, _ response: Response) {
            switch problem {
            case let .slowDown(seconds), let .locked(seconds): response.headers.replaceOrAdd(name: .retryAfter, value: "\(seconds)")
            default: break
            }
        }

        static func message(_ problem: Portal.SignInProblem, _ t: PortalText) -> String {
            switch problem {
            case .credentials: t[.errCredentials]
            case .code: t[.errCode]
            case let .slowDown(seconds): t(.errSlowDown, ["seconds": "\(seconds)"])
            case let .locked(seconds): t(.errLocked, ["minutes": "\(max(1, (seconds + 59) / 60))"])
            case .passphraseShort: t(.errPassphraseShort, ["count": "\(Portal.passphraseLength.lowerBound)"])
            case .passphraseLong: t(.errPassphraseLong, ["count": "\(Portal.passphraseLength.upperBound)"])
            case .passphraseMismatch: t[.errPassphraseMismatch]
            case .required: t[.errRequired]
            }
        }

        // MARK: Signed in

        @Sendable func profile(_ request: Request) async throws -> Response {
            let profile = try await Portal.profile(caller: try PortalSessions.caller(request))
            return PortalProfilePage(page: Self.page(request, SiteURL.portalProfile), profile: profile).render()
        }

        @Sendable func plan(_ request: Request) async throws -> Response {
            let plan = try await Portal.plan(caller: try PortalSessions.caller(request))
            return PortalPlanPage(page: Self.page(request, SiteURL.portalPlan), plan: plan).render()
        }

        @Sendable func referrals(_ request: Request) async throws -> Response {
            let referrals = try await Portal.referrals(caller: try PortalSessions.caller(request))
            return PortalReferralsPage(page: Self.page(request, SiteURL.portalReferrals), referrals: referrals).render()
        }

        @Sendable func consents(_ request: Request) async throws -> Response {
            let consents = try await Portal.consents(caller: try PortalSessions.caller(request))
            let page = Self.page(request, SiteURL.portalConsents)
            // After a stop: the notice names the organisation that no longer sees the data.
            let stopped = (try? request.query.get(String.self, at: "gestopt")).flatMap(UUID.init(uuidString:))
            let notice = stopped.flatMap { id in consents.first { $0.id == id && $0.withdrawnAt != nil } }
                .map { page.text(.withdrawn, ["organisation": $0.organisation]) }
            return PortalConsentsPage(page: page, consents: consents, notice: notice).render()
        }

        /// Stopping asks first: the consent, what stopping means, the button.
        @Sendable func confirmWithdrawal(_ request: Request) async throws -> Response {
            let consentID = try request.uuidParameter("consentID")
            let consents = try await Portal.consents(caller: try PortalSessions.caller(request))
            guard let consent = consents.first(where: { $0.id == consentID && $0.active }) else {
                return request.redirect(to: SiteURL.portalConsents.path)
            }
            return PortalWithdrawalPage(page: Self.page(request, SiteURL.portalWithdrawal(consentID)), consent: consent).render()
        }

        @Sendable func withdraw(_ request: Request) async throws -> Response {
            let form = try request.content.decode(SignInForm.self)
            try PortalSessions.verifyForm(form.csrf, on: request)
            let caller = try PortalSessions.caller(request)
            let consentID = try request.uuidParameter("consentID")
            try await Portal.withdraw(consentID, caller: caller)
            return request.redirect(to: SiteURL.portalConsents.query("gestopt", consentID.uuidString).fragment("melding").path,
                                    redirectType: .normal)
        }

        @Sendable func accessLog(_ request: Request) async throws -> Response {
            let log = try await Portal.accessLog(caller: try PortalSessions.caller(request))
            return PortalAccessLogPage(page: Self.page(request, SiteURL.portalAccessLog), lines: log.lines, more: log.more).render()
        }

        @Sendable func download(_ request: Request) async throws -> Response {
            PortalDownloadPage(page: Self.page(request, SiteURL.portalDownload)).render()
        }

        @Sendable func downloadFile(_ request: Request) async throws -> Response {
            let export = try await Portal.export(caller: try PortalSessions.caller(request))
            let response = Response(status: .ok)
            try response.content.encode(export)
            response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"schakel-gegevens.json\"")
            response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
            return response
        }

        @Sendable func correctionForm(_ request: Request) async throws -> Response {
            let caller = try PortalSessions.caller(request)
            let page = Self.page(request, SiteURL.portalCorrection)
            let organisation = try await Self.owner(caller)
            let sent = (try? request.query.get(String.self, at: "verstuurd")) != nil
            return PortalCorrectionPage(page: page, organisation: organisation,
                                        sent: sent ? page.text(.correctionSent, ["organisation": organisation]) : nil).render()
        }

        @Sendable func correction(_ request: Request) async throws -> Response {
            let form = try request.content.decode([String: String].self)
            try PortalSessions.verifyForm(form["csrf"], on: request)
            let caller = try PortalSessions.caller(request)
            let text = form["text"] ?? ""
            do {
                try await Portal.requestCorrection(text, caller: caller)
                // Sent once: a reload of the next page asks nothing again.
                return request.redirect(to: SiteURL.portalCorrection.query("verstuurd", "1").path, redirectType: .normal)
            } catch is Portal.TooManyOpenCorrections {
                let page = Self.page(request, SiteURL.portalCorrection, status: .tooManyRequests)
                return PortalCorrectionPage(page: page, organisation: try await Self.owner(caller),
                                            text: String(text.prefix(Portal.correctionLength)),
                                            error: page.text[.errTooManyMessages]).render()
            } catch let error as SchakelError where error.field == "text" {
                let page = Self.page(request, SiteURL.portalCorrection, status: .unprocessableEntity)
                let empty = text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
                return PortalCorrectionPage(page: page, organisation: try await Self.owner(caller), text: String(text.prefix(Portal.correctionLength * 2)),
                                            error: empty ? page.text[.errRequired]
                                                : page.text(.errTooLong, ["count": "\(Portal.correctionLength)"])).render()
            }
        }

        static func owner(_ caller: ClientCaller) async throws -> String {
            let subject = try await PersonAccess.subject(caller.account.personID, on: caller.db)
            return try await subject.asyncFlatMap { try await OrganisationModel.find($0.ownerID, on: caller.db)?.name } ?? ""
        }

        @Sendable func questionnaireForm(_ request: Request) async throws -> Response {
            _ = try PortalSessions.caller(request)
            let thanks = (try? request.query.get(String.self, at: "bedankt")) != nil
            return PortalQuestionnairePage(page: Self.page(request, SiteURL.portalQuestionnaire), thanks: thanks).render()
        }

        @Sendable func questionnaire(_ request: Request) async throws -> Response {
            let form = try request.content.decode([String: String].self)
            try PortalSessions.verifyForm(form["csrf"], on: request)
            let caller = try PortalSessions.caller(request)
            var answers: [String: String] = [:]
            for (key, value) in form where key.hasPrefix("q-") && !value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                answers[String(key.dropFirst(2))] = value
            }
            let page = Self.page(request, SiteURL.portalQuestionnaire)
            if case let .failure(problems) = Questionnaire.clients.validate(answers) {
                var errors: [String: String] = [:]
                for problem in problems.problems {
                    errors[problem.key] = problem.reason == .tooLong
                        ? page.text(.errTooLong, ["count": "\(SurveyQuestion.defaultMaxLength)"]) : page.text[.errRequired]
                }
                let failed = Self.page(request, SiteURL.portalQuestionnaire, status: .unprocessableEntity)
                return PortalQuestionnairePage(page: failed, values: answers, errors: errors).render()
            }
            try await Surveys.respond(Surveys.ResponseInput(answers: answers), caller: caller)
            // Kept once: a reload of the thanks does not count the answers again.
            return request.redirect(to: SiteURL.portalQuestionnaire.query("bedankt", "1").path, redirectType: .normal)
        }
    }
}
