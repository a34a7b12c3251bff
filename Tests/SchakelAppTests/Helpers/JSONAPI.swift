import Foundation
import Testing
import VaporTesting
@testable import SchakelApp

/// Untyped JSON calls for end-to-end walks: what a client that knows only the wire format would do.
struct JSONAPI {
    let app: Application

    struct Answer {
        let status: HTTPStatus
        let json: [String: Any]
        let list: [[String: Any]]
        let text: String

        subscript(_ key: String) -> Any? { json[key] }
        var id: String { json["id"] as? String ?? "" }
        var items: [[String: Any]] { json["items"] as? [[String: Any]] ?? list }
    }

    @discardableResult
    func call(_ method: HTTPMethod, _ path: String, token: String, _ body: [String: Any]? = nil) async throws -> Answer {
        var answer = Answer(status: .internalServerError, json: [:], list: [], text: "")
        try await app.testing().test(method, "api/v1/\(path)", beforeRequest: { request in
            request.bearer(token)
            if let body {
                request.headers.contentType = .json
                request.body = ByteBuffer(data: try JSONSerialization.data(withJSONObject: body))
            }
        }) { response in
            let text = response.body.string
            let parsed = try? JSONSerialization.jsonObject(with: Data(text.utf8))
            answer = Answer(status: response.status, json: parsed as? [String: Any] ?? [:], list: parsed as? [[String: Any]] ?? [],
                            text: text)
        }
        return answer
    }

    func get(_ path: String, token: String) async throws -> Answer { try await call(.GET, path, token: token) }
    func post(_ path: String, token: String, _ body: [String: Any]? = nil) async throws -> Answer {
        try await call(.POST, path, token: token, body)
    }

    /// The demo account of `role` at the organisation `slug`.
    func token(_ role: String, _ slug: String) async throws -> String {
        try await Fixtures.token(app, email: "\(role)@\(slug).demo", password: "schakel-demo")
    }

    func organisationID(_ slug: String, token: String) async throws -> String {
        let answer = try await get("organisations?per=100", token: token)
        return try #require(answer.items.first { $0["slug"] as? String == slug }?["id"] as? String, "no organisation \(slug)")
    }
}
