import Fluent
import Foundation
import SchakelCore
import SQLKit
import Vapor

/// The signed-in user as every handler sees it: who, in which organisation, with which role.
struct AuthenticatedUser: Authenticatable, Sendable {
    let id: UUID
    let email: String
    let displayName: String
    let organisationID: UUID
    let role: UserRole
    let language: String

    init(id: UUID, email: String, displayName: String, organisationID: UUID, role: UserRole, language: String) {
        self.id = id
        self.email = email
        self.displayName = displayName
        self.organisationID = organisationID
        self.role = role
        self.language = language
    }

    init(_ user: UserModel) throws {
        id = try user.requireID()
        email = user.email
        displayName = user.displayName
        organisationID = user.$organisation.id
        role = user.role
        language = user.language
    }
}

/// `Authorization: Bearer TOKEN` for the API. Tokens are looked up by their hash.
struct BearerTokenAuthenticator: AsyncBearerAuthenticator {
    /// Token and user in one query, decoded without Fluent's model machinery: this runs on every API request.
    struct Row: Decodable {
        let id: UUID
        let email: String
        let display_name: String
        let organisation_id: UUID
        let role: UserRole
        let language: String
        let expires_at: Date
    }

    func authenticate(bearer: BearerAuthorization, for request: Request) async throws {
        guard bearer.token.count <= 200 else { return }
        let sql = request.db as! any SQLDatabase
        guard let row = try await sql.raw("""
            SELECT u.id, u.email, u.display_name, u.organisation_id, u.role, u.language, t.expires_at
            FROM user_tokens t JOIN users u ON u.id = t.user_id
            WHERE t.token_hash = \(bind: UserTokenModel.hash(bearer.token)) AND u.closed_at IS NULL
            """).first(decoding: Row.self),
              row.expires_at > request.now
        else { return }
        request.auth.login(AuthenticatedUser(id: row.id, email: row.email, displayName: row.display_name,
                                             organisationID: row.organisation_id, role: row.role, language: row.language))
    }
}

/// The browser session keeps only the user's id (and the form token); the user is reloaded per request.
struct SessionUserAuthenticator: AsyncMiddleware {
    static let userKey = "user"

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        // `hasSession` first: touching `request.session` on an anonymous request would make Vapor create one.
        if request.hasSession, let text = request.session.data[Self.userKey], let id = UUID(uuidString: text) {
            if let user = try await UserModel.find(id, on: request.db), user.closedAt == nil {
                request.auth.login(try AuthenticatedUser(user))
            } else {
                request.session.destroy()
            }
        }
        return try await next.respond(to: request)
    }
}

/// Answers 401 in the API's error format when no valid token came with the request.
struct RequireUserMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard request.auth.has(AuthenticatedUser.self) else { throw SchakelError.unauthorized }
        return try await next.respond(to: request)
    }
}

extension Request {
    var user: AuthenticatedUser {
        get throws {
            guard let user = auth.get(AuthenticatedUser.self) else { throw SchakelError.unauthorized }
            return user
        }
    }
}

/// Checks e-mail and password, slowing and then locking repeated failures (see `SignInThrottle`).
/// Shared by the API token route and the sign-in form.
enum SignInService {
    static func signIn(email rawEmail: String, password: String, on request: Request) async throws -> UserModel {
        let email = rawEmail.trimmingCharacters(in: .whitespaces).lowercased()
        let key = SignInThrottleModel.key(for: email)
        let now = request.now
        let charged = try await chargeAttempt(key: key, throttle: request.schakel.signInThrottle, now: now, on: request.db)

        let user = try await UserModel.query(on: request.db).filter(\.$email == email).first()
        let matches = try await request.application.passwordHasher.verify(password, against: user?.passwordHash)
        // A closed account signs in no more; it answers as a wrong password would, and counts as a failure.
        if let user, matches, user.closedAt == nil {
            try await SignInThrottleModel.query(on: request.db).filter(\.$id == key).delete()
            return user
        }
        request.logger.notice("sign-in failed", metadata: ["failures": "\(charged.failures)"])
        if let lockedUntil = charged.lockedUntil, lockedUntil > now.timeIntervalSince1970 {
            throw SchakelError.locked(retryAfter: Int((lockedUntil - now.timeIntervalSince1970).rounded(.up)))
        }
        throw SchakelError.invalidCredentials
    }

    /// Counts the attempt as a failure before its password is checked (a success then clears the count), in one
    /// compare-and-set on the failure count: of any number of parallel attempts, only as many reach the password
    /// check as the rule allows; the others are answered from the count they lost to. Returns the state as charged.
    static func chargeAttempt(key: String, throttle: SignInThrottle, now: Date,
                              on database: any Database) async throws -> SignInThrottle.State {
        let sql = database as! any SQLDatabase
        let moment = now.timeIntervalSince1970
        // Each round some attempt wins, so this ends; the bound only guards against a database that never answers as expected.
        for _ in 0..<1000 {
            let row = try await sql.raw("""
                SELECT failures, last_failure_at, locked_until FROM sign_in_throttles WHERE id = \(bind: key)
                """).first()
            let state = try row.map {
                SignInThrottle.State(failures: try $0.decode(column: "failures", as: Int.self),
                                     lastFailureAt: try $0.decode(column: "last_failure_at", as: Date?.self)?.timeIntervalSince1970,
                                     lockedUntil: try $0.decode(column: "locked_until", as: Date?.self)?.timeIntervalSince1970)
            } ?? SignInThrottle.State()
            switch throttle.decide(state, now: moment) {
            case .proceed: break
            case let .slowDown(retryAfter): throw SchakelError.slowDown(retryAfter: Int(retryAfter.rounded(.up)))
            case let .locked(retryAfter): throw SchakelError.locked(retryAfter: Int(retryAfter.rounded(.up)))
            }
            let next = throttle.recordingFailure(state, now: moment)
            let last = next.lastFailureAt.map(Date.init(timeIntervalSince1970:))
            let lockedUntil = next.lockedUntil.map(Date.init(timeIntervalSince1970:))
            let won: [any SQLRow]
            if row == nil {
                won = try await sql.raw("""
                    INSERT INTO sign_in_throttles (id, failures, last_failure_at, locked_until)
                    VALUES (\(bind: key), \(bind: next.failures), \(bind: last), \(bind: lockedUntil))
                    ON CONFLICT (id) DO NOTHING RETURNING id
                    """).all()
            } else {
                won = try await sql.raw("""
                    UPDATE sign_in_throttles SET failures = \(bind: next.failures), last_failure_at = \(bind: last),
                    locked_until = \(bind: lockedUntil)
                    WHERE id = \(bind: key) AND failures = \(bind: state.failures) RETURNING id
                    """).all()
            }
            if !won.isEmpty { return next }
        }
        throw SchakelError.slowDown(retryAfter: 1)
    }

    /// A new API token for the user; only its hash is stored.
    static func issueToken(for user: UserModel, on request: Request) async throws -> String {
        let token = [UInt8].random(count: 32).base64URLEncoded
        let model = UserTokenModel(userID: try user.requireID(), tokenHash: UserTokenModel.hash(token),
                                   expiresAt: request.now.addingTimeInterval(request.schakel.tokenLifetime))
        try await model.create(on: request.db)
        return token
    }
}

extension Array where Element == UInt8 {
    var base64URLEncoded: String {
        Data(self).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}
