import Fluent
import SchakelCore
import Foundation
import SQLKit
import Vapor

/// A signed-in browser (migration 009). Only signed-in browsers have a row: the sign-in form's token travels in
/// a cookie of its own (`SignInFormToken`), so an anonymous visit stores nothing.
final class WebSessionModel: Model, @unchecked Sendable {
    static let schema = "web_sessions"

    /// SHA-256 of the cookie's value.
    @ID(custom: "id", generatedBy: .user) var id: String?
    @Parent(key: "user_id") var user: UserModel
    /// The session's values (the user and the form token) as JSON.
    @Field(key: "data") var data: String
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "last_seen_at") var lastSeenAt: Date

    init() {}
}

/// When a browser session ends on the server, whatever the cookie says: after `idle` without a request, and
/// `absolute` after sign-in at the latest.
public struct SessionLifetime: Sendable, Equatable {
    public var idle: TimeInterval
    public var absolute: TimeInterval
    /// A request within this long of the last recorded one does not write the session again (unless its data changed).
    public var touchInterval: TimeInterval

    public init(idle: TimeInterval = 60 * 60, absolute: TimeInterval = 12 * 3600, touchInterval: TimeInterval = 60) {
        self.idle = idle
        self.absolute = absolute
        self.touchInterval = touchInterval
    }

    func isOver(createdAt: Date, lastSeenAt: Date, now: Date) -> Bool {
        now.timeIntervalSince(lastSeenAt) >= idle || now.timeIntervalSince(createdAt) >= absolute
    }
}

/// Vapor's session driver over `web_sessions`: expiry checked on every read, one row per signed-in browser.
struct WebSessionDriver: AsyncSessionDriver {
    /// What the read found, so that an unchanged session read again within `touchInterval` is not written.
    private struct Seen: StorageKey { typealias Value = (data: SessionData, lastSeenAt: Date) }

    static func key(_ id: SessionID) -> String { SHA256.hash(data: Data(id.string.utf8)).hex }

    func createSession(_ data: SessionData, for request: Request) async throws -> SessionID {
        let id = SessionID(string: [UInt8].random(count: 32).base64URLEncoded)
        // A session without a user is never stored: its cookie names no row, and the next request starts afresh.
        guard let user = data[SessionUserAuthenticator.userKey].flatMap(UUID.init(uuidString:)) else { return id }
        let now = request.now
        let model = WebSessionModel()
        model.id = Self.key(id)
        model.$user.id = user
        model.data = try Self.encode(data)
        model.createdAt = now
        model.lastSeenAt = now
        try await model.create(on: request.db)
        return id
    }

    func readSession(_ sessionID: SessionID, for request: Request) async throws -> SessionData? {
        guard sessionID.string.utf8.count <= 100, let model = try await WebSessionModel.find(Self.key(sessionID), on: request.db) else {
            return nil
        }
        if request.schakel.sessionLifetime.isOver(createdAt: model.createdAt, lastSeenAt: model.lastSeenAt, now: request.now) {
            try await model.delete(on: request.db)
            return nil
        }
        let data = try JSONDecoder().decode(SessionData.self, from: Data(model.data.utf8))
        request.storage[Seen.self] = (data, model.lastSeenAt)
        return data
    }

    func updateSession(_ sessionID: SessionID, to data: SessionData, for request: Request) async throws -> SessionID {
        let now = request.now
        if let seen = request.storage[Seen.self], seen.data == data,
           now.timeIntervalSince(seen.lastSeenAt) < request.schakel.sessionLifetime.touchInterval {
            return sessionID
        }
        let updated = try await (request.db as! any SQLDatabase).update(WebSessionModel.schema)
            .set("data", to: try Self.encode(data)).set("last_seen_at", to: now)
            .where("id", .equal, Self.key(sessionID)).returning("id").all()
        // The row may have gone meanwhile (expired, signed out elsewhere, password changed): start a new one.
        return updated.isEmpty ? try await createSession(data, for: request) : sessionID
    }

    func deleteSession(_ sessionID: SessionID, for request: Request) async throws {
        try await WebSessionModel.query(on: request.db).filter(\.$id == Self.key(sessionID)).delete()
    }

    private static func encode(_ data: SessionData) throws -> String {
        String(decoding: try JSONEncoder().encode(data), as: UTF8.self)
    }

    /// Ends every browser session of an account (password changed, account closed), inside the caller's transaction.
    static func endAll(of user: UUID, on database: any Database) async throws {
        try await WebSessionModel.query(on: database).filter(\.$user.$id == user).delete()
    }
}

/// The sign-in form's token: a double-submit cookie (random, HttpOnly, SameSite=Strict, only sent to the form's
/// path), compared with the hidden field. It protects the form without a server-side session for anonymous visitors.
enum SignInFormToken {
    static let cookie = "schakel-signin"

    /// The token in the browser's cookie, or a new one set on `response`.
    static func token(for request: Request, secure: Bool) -> (token: String, cookie: HTTPCookies.Value?) {
        if let existing = request.cookies[cookie]?.string, existing.utf8.count == 32 { return (existing, nil) }
        let token = CSRF.newToken()
        return (token, HTTPCookies.Value(string: token, maxAge: 3600, path: "/aanmelden", isSecure: secure, isHTTPOnly: true,
                                         sameSite: .strict))
    }

    static func verify(_ submitted: String?, for request: Request) throws {
        guard let expected = request.cookies[cookie]?.string, let submitted, ConstantTime.equals(submitted, expected)
        else { throw SchakelError.csrf }
    }
}
