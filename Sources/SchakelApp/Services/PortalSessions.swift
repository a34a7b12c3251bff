import Fluent
import Foundation
import SchakelCore
import SQLKit
import Vapor

/// Browser sessions of "Mijn Schakel": their own cookie (HttpOnly, SameSite=Strict, only sent under `/mijn`) and their
/// own table, apart from staff sessions, with the same lifetime rules (`SessionLifetime`).
enum PortalSessions {
    static let cookie = "schakel-mijn"
    static let path = "/mijn"

    /// What a signed-in portal request carries.
    struct SignedIn: Sendable {
        let account: ClientCaller.Account
        let csrf: String
        let key: String
    }

    private struct SignedInKey: StorageKey { typealias Value = SignedIn }

    /// Starts a session for the account: a new random cookie (any old one of this browser is ended).
    static func start(_ account: ClientCaller.Account, on request: Request) async throws -> HTTPCookies.Value {
        if let old = request.cookies[cookie]?.string, old.utf8.count <= 100 {
            try await PortalSessionModel.query(on: request.db).filter(\.$id == key(old)).delete()
        }
        let token = [UInt8].random(count: 32).base64URLEncoded
        let model = PortalSessionModel()
        model.id = key(token)
        model.$account.id = account.id
        model.csrf = CSRF.newToken()
        model.createdAt = request.now
        model.lastSeenAt = request.now
        try await model.create(on: request.db)
        return value(token, secure: request.schakel.secureCookies)
    }

    static func end(_ request: Request) async throws -> HTTPCookies.Value {
        if let signedIn = request.storage[SignedInKey.self] {
            try await PortalSessionModel.query(on: request.db).filter(\.$id == signedIn.key).delete()
        }
        return HTTPCookies.Value(string: "", expires: Date(timeIntervalSince1970: 0), maxAge: 0, path: path,
                                 isSecure: request.schakel.secureCookies, isHTTPOnly: true, sameSite: .strict)
    }

    static func signedIn(_ request: Request) -> SignedIn? { request.storage[SignedInKey.self] }

    /// The person behind the request, ready for the portal's features; 401 (the middleware redirects before) without one.
    static func caller(_ request: Request) throws -> ClientCaller {
        guard let signedIn = signedIn(request) else { throw SchakelError.unauthorized }
        return ClientCaller(account: signedIn.account, clock: request.application.schakel.now, db: request.db,
                            keyring: try request.application.keyring, auditLog: request.application.auditLog)
    }

    static func verifyForm(_ submitted: String?, on request: Request) throws {
        guard let expected = signedIn(request)?.csrf, let submitted, ConstantTime.equals(submitted, expected) else {
            throw SchakelError.csrf
        }
    }

    private static func key(_ token: String) -> String { SHA256.hash(data: Data(token.utf8)).hex }

    private static func value(_ token: String, secure: Bool) -> HTTPCookies.Value {
        HTTPCookies.Value(string: token, path: path, isSecure: secure, isHTTPOnly: true, sameSite: .strict)
    }

    /// Finds the session of the request's cookie: expired or closed ones end here; a live one is touched at most once per
    /// `touchInterval`, and with it the account's "last used".
    struct Authenticator: AsyncMiddleware {
        func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
            if let token = request.cookies[PortalSessions.cookie]?.string, token.utf8.count <= 100,
               let session = try await PortalSessionModel.find(PortalSessions.key(token), on: request.db) {
                let now = request.now
                let lifetime = request.schakel.sessionLifetime
                let account = try await PortalAccountModel.find(session.$account.id, on: request.db)
                if lifetime.isOver(createdAt: session.createdAt, lastSeenAt: session.lastSeenAt, now: now)
                    || account == nil || account?.revokedAt != nil || account?.passphraseHash == nil {
                    try await session.delete(on: request.db)
                } else if let account {
                    if now.timeIntervalSince(session.lastSeenAt) >= lifetime.touchInterval {
                        let sql = request.db as! any SQLDatabase
                        try await sql.update(PortalSessionModel.schema).set("last_seen_at", to: now)
                            .where("id", .equal, try session.requireID()).run()
                        try await sql.update(PortalAccountModel.schema).set("last_used_at", to: now)
                            .where("id", .equal, try account.requireID()).run()
                    }
                    request.storage[SignedInKey.self] = SignedIn(account: try ClientCaller.Account(account), csrf: session.csrf,
                                                                 key: try session.requireID())
                }
            }
            return try await next.respond(to: request)
        }
    }

    /// Pages of a signed-in person: anyone else goes to the portal's sign-in.
    struct Required: AsyncMiddleware {
        func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
            guard PortalSessions.signedIn(request) != nil else {
                return request.redirect(to: SiteURL.portalSignIn.path, redirectType: .normal)
            }
            return try await next.respond(to: request)
        }
    }
}

/// The portal's anonymous forms (first visit, sign-in) carry a double-submit token, as staff sign-in does: a cookie of
/// their own under `/mijn`, compared with the hidden field. Nothing is stored for an anonymous visitor.
enum PortalFormToken {
    static let cookie = "schakel-mijn-form"

    /// The browser's token (or a new one), with the cookie set again for another hour: a form shown late in the hour of
    /// its token does not expire under the person's hands.
    static func token(for request: Request) -> (token: String, cookie: HTTPCookies.Value) {
        let existing = request.cookies[cookie]?.string
        let token = existing.flatMap { $0.utf8.count == 32 ? $0 : nil } ?? CSRF.newToken()
        return (token, HTTPCookies.Value(string: token, maxAge: 3600, path: PortalSessions.path,
                                         isSecure: request.schakel.secureCookies, isHTTPOnly: true, sameSite: .strict))
    }

    static func verify(_ submitted: String?, for request: Request) throws {
        guard let expected = request.cookies[cookie]?.string, let submitted, ConstantTime.equals(submitted, expected)
        else { throw SchakelError.csrf }
    }
}
