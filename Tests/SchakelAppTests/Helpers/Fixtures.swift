import Fluent
import Foundation
import Testing
import VaporTesting
@testable import SchakelApp
import SchakelCore

/// Small factories for test data; everything synthetic.
enum Fixtures {
    static let password = "correct horse battery"

    @discardableResult
    static func organisation(_ app: Application, slug: String = "test-org-\(UUID().uuidString.prefix(8).lowercased())",
                             kind: OrganisationKind = .employmentService, region: String = "40000",
                             municipality: String = "44021") async throws -> OrganisationModel {
        let model = OrganisationModel(slug: slug, name: "Organisatie \(slug)", kind: kind, regionID: region, municipalityID: municipality)
        try await model.create(on: app.db)
        return model
    }

    @discardableResult
    static func user(_ app: Application, organisation: OrganisationModel, role: UserRole = .jobCounsellor,
                     email: String? = nil, password: String = Fixtures.password) async throws -> UserModel {
        let hash = try Bcrypt.hash(password, cost: 4)
        let user = UserModel(email: email ?? "\(role.rawValue)-\(UUID().uuidString.prefix(6))@example.test",
                             displayName: "Test \(role.rawValue)", organisationID: try organisation.requireID(),
                             role: role, passwordHash: hash)
        try await user.create(on: app.db)
        return user
    }

    /// Signs in through the API and returns the bearer token.
    static func token(_ app: Application, email: String, password: String = Fixtures.password) async throws -> String {
        var token: String?
        try await app.testing().test(.POST, "api/v1/auth/token", beforeRequest: { request in
            try request.content.encode(["email": email, "password": password])
        }, afterResponse: { response in
            #expect(response.status == .created)
            token = try response.content.decode(TokenResponse.self).token
        })
        guard let token else { throw TestSetupError(description: "no token for \(email)") }
        return token
    }

    /// A signed-in user and their token in a new organisation.
    static func signedIn(_ app: Application, role: UserRole = .jobCounsellor) async throws -> (UserModel, String) {
        let organisation = try await organisation(app)
        let user = try await user(app, organisation: organisation, role: role)
        return (user, try await token(app, email: user.email))
    }

    static let asOf = CalendarDate(2026, 9, 21)

    /// The demo world with `persons` persons, as `schakel demo` builds it.
    @discardableResult
    static func demoWorld(_ app: Application, persons: Int, seed: UInt64 = 7, batchSize: Int = 1000) async throws -> DemoWorldLoader.Summary {
        try await DemoBootstrap.build(app: app, persons: persons, seed: seed, asOf: asOf, batchSize: batchSize)
    }
}

extension TestingHTTPRequest {
    mutating func bearer(_ token: String) {
        headers.bearerAuthorization = BearerAuthorization(token: token)
    }
}
