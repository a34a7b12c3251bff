import Fluent
import Vapor

extension API {
    struct AuthController {
        /// `POST /api/v1/auth/token`: e-mail and password in, bearer token out.
        @Sendable func createToken(_ request: Request) async throws -> Response {
            let body = try request.content.decode(TokenRequest.self)
            try body.validate()
            let user = try await SignInService.signIn(email: body.email, password: body.password, on: request)
            let token = try await SignInService.issueToken(for: user, on: request)
            let response = Response(status: .created)
            try response.content.encode(TokenResponse(token: token, expiresAt: request.now.addingTimeInterval(request.schakel.tokenLifetime),
                                                      user: UserDTO(try AuthenticatedUser(user))))
            return response
        }

        /// `DELETE /api/v1/auth/token`: revokes the token the request came with.
        @Sendable func revokeToken(_ request: Request) async throws -> HTTPStatus {
            let caller = try request.caller
            guard let bearer = request.headers.bearerAuthorization else { throw SchakelError.unauthorized }
            try await Accounts.revokeToken(bearer.token, caller: caller)
            return .noContent
        }

        /// `GET /api/v1/me`.
        @Sendable func me(_ request: Request) async throws -> UserDTO {
            UserDTO(try request.user)
        }
    }
}
