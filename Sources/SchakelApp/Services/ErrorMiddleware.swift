import AsyncKit
import Fluent
import Vapor

/// Turns every error into a status and a message a person can act on: JSON
/// `{ "error": { "code", "message", "field" } }` under `/api`, an HTML page elsewhere.
/// The log gets the code and the error's type, never its text (which may quote personal data).
struct SchakelErrorMiddleware: AsyncMiddleware {
    struct Body: Content {
        struct Detail: Content {
            let code: String
            let message: String
            let field: String?
            var allowed: [String]? = nil
            var problems: [String]? = nil
        }
        let error: Detail
    }

    struct Described {
        let status: HTTPResponseStatus
        let code: String
        let message: String
        let field: String?
        var retryAfter: Int? = nil
        var allowed: [String]? = nil
        var problems: [String]? = nil
    }

    let maxBodySize: Int

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch {
            let language = UILanguage.preferred(by: request, userChoice: request.auth.get(AuthenticatedUser.self)?.language)
            let described = describe(error, language: language, bodyLimit: BodyLimit.of(request.route) ?? maxBodySize)
            if described.status.code >= 500 {
                request.logger.error("request failed", metadata: [
                    "code": .string(described.code), "error_type": .string(String(reflecting: type(of: error))),
                ])
            } else {
                request.logger.info("request refused", metadata: ["code": .string(described.code), "status": "\(described.status.code)"])
            }
            let response: Response
            if request.url.path.hasPrefix("/api/") || request.url.path == "/health" {
                response = Response(status: described.status)
                try response.content.encode(Body(error: .init(code: described.code, message: described.message, field: described.field,
                                                               allowed: described.allowed, problems: described.problems)))
            } else if described.status == .unauthorized {
                response = request.redirect(to: "/aanmelden")
            } else {
                response = ErrorPage(language: language, status: described.status, message: described.message).render()
            }
            if let retryAfter = described.retryAfter { response.headers.replaceOrAdd(name: .retryAfter, value: "\(retryAfter)") }
            return response
        }
    }

    /// `bodyLimit`: the largest body the route takes (a 413 names it).
    func describe(_ error: any Error, language: UILanguage, bodyLimit: Int? = nil) -> Described {
        switch error {
        case let error as SchakelError:
            return Described(status: error.status, code: error.code, message: error.message(language), field: error.field,
                             retryAfter: error.retryAfter, allowed: error.allowed, problems: error.problems)
        case let error as DecodingError:
            return describe(decoding: error, language: language)
        case is ConnectionPoolTimeoutError:
            // Every connection stayed busy as long as a request may wait: a moment of overload, not a fault of the request.
            return Described(status: .serviceUnavailable, code: "busy", message: Strings.databaseBusy(language), field: nil, retryAfter: 5)
        case let error as any DatabaseError where error.isConstraintFailure:
            return Described(status: .conflict, code: "conflict", message: Strings.conflict(language), field: nil)
        case let error as any AbortError:
            switch error.status {
            case .payloadTooLarge:
                return Described(status: .payloadTooLarge, code: "body_too_large",
                                 message: Strings.bodyTooLarge.filled(language, BodyLimit.text(bodyLimit ?? maxBodySize)), field: nil)
            case .notFound:
                return Described(status: .notFound, code: "not_found", message: Strings.notFound(language), field: nil)
            case .unauthorized:
                return Described(status: .unauthorized, code: "unauthorized", message: Strings.unauthorized(language), field: nil)
            case .unprocessableEntity:
                // Vapor answers an empty body this way; to the caller it is a body that cannot be read.
                return Described(status: .badRequest, code: "malformed_body", message: Strings.malformedBody(language), field: nil)
            case .unsupportedMediaType:
                return Described(status: .unsupportedMediaType, code: "unsupported_media_type",
                                 message: Strings.malformedBody(language), field: nil)
            default:
                if error.status.code >= 500 {
                    return Described(status: error.status, code: "internal_error", message: Strings.internalError(language), field: nil)
                }
                return Described(status: error.status, code: "bad_request", message: Strings.badRequest(language), field: nil)
            }
        default:
            return Described(status: .internalServerError, code: "internal_error", message: Strings.internalError(language), field: nil)
        }
    }

    /// A body that is not JSON is a 400; JSON with a missing or mistyped field is a 422 naming the field.
    private func describe(decoding error: DecodingError, language: UILanguage) -> Described {
        func path(_ codingPath: [any CodingKey], _ last: (any CodingKey)? = nil) -> String? {
            let keys = (codingPath + (last.map { [$0] } ?? [])).map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }
            return keys.isEmpty ? nil : keys.joined(separator: ".").replacingOccurrences(of: ".[", with: "[")
        }
        switch error {
        case let .keyNotFound(key, context):
            return Described(status: .unprocessableEntity, code: "invalid_field", message: Strings.missingField(language),
                             field: path(context.codingPath, key))
        case let .valueNotFound(_, context):
            return Described(status: .unprocessableEntity, code: "invalid_field", message: Strings.missingField(language),
                             field: path(context.codingPath))
        case let .typeMismatch(_, context):
            return Described(status: .unprocessableEntity, code: "invalid_field", message: Strings.wrongType(language),
                             field: path(context.codingPath))
        case let .dataCorrupted(context):
            if let field = path(context.codingPath) {
                return Described(status: .unprocessableEntity, code: "invalid_field", message: Strings.wrongType(language), field: field)
            }
            return Described(status: .badRequest, code: "malformed_body", message: Strings.malformedBody(language), field: nil)
        @unknown default:
            return Described(status: .badRequest, code: "malformed_body", message: Strings.malformedBody(language), field: nil)
        }
    }
}

/// A route that takes a larger body than the usual limit (an offer file) says so, so its 413 names its own limit.
enum BodyLimit {
    static let key = "schakel.maxBodySize"

    /// Collects the route's body up to `bytes` and records the limit with the route.
    @discardableResult
    static func set(_ bytes: Int, on route: Route) -> Route {
        route.userInfo[AnySendableHashable(key)] = bytes
        return route
    }

    static func of(_ route: Route?) -> Int? { route?.userInfo[AnySendableHashable(key)] as? Int }

    /// "64 kB", "4 MB": whole megabytes when it is some.
    static func text(_ bytes: Int) -> String {
        bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0 ? "\(bytes / (1024 * 1024)) MB" : "\(bytes / 1024) kB"
    }
}

/// Headers that keep the pages strict: no inline script or style, no framing, no referrer leaks; and,
/// when cookies are secure (served over HTTPS), HSTS so a browser never comes back over plain HTTP.
struct SecurityHeadersMiddleware: AsyncMiddleware {
    /// One year; not `includeSubDomains`, which would bind other sites of the operator's domain.
    static let strictTransportSecurity = "max-age=31536000"
    /// Off only with `SCHAKEL_INSECURE_COOKIES=1` (plain HTTP in development).
    var sendsStrictTransportSecurity = true

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let response = try await next.respond(to: request)
        if sendsStrictTransportSecurity {
            response.headers.replaceOrAdd(name: "Strict-Transport-Security", value: Self.strictTransportSecurity)
        }
        response.headers.replaceOrAdd(name: "Content-Security-Policy", value:
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'")
        response.headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
        response.headers.replaceOrAdd(name: "Referrer-Policy", value: "no-referrer")
        response.headers.replaceOrAdd(name: "X-Frame-Options", value: "DENY")
        if response.headers.first(name: .cacheControl) == nil {
            response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        }
        return response
    }
}
