import Fluent
import Foundation
import Testing
import VaporTesting
@testable import SchakelApp
import SchakelCore

/// `schakel setup`: a fresh install gets its first organisation and administrator, once.
@Suite("Setting up a fresh install")
struct SetupCommandTests {
    static let password = "een lang genoeg wachtwoord"

    static func arguments(name: String = "OCMW Teststad", email: String = "beheer@ocmw-teststad.example",
                          region: String = "40000", municipality: String? = "44021", kind: String = "ocmw") -> [String] {
        ["setup", "--organisation-name", name, "--kind", kind, "--region", region, "--email", email, "--name", "Ada Beheerder"]
            + (municipality.map { ["--municipality", $0] } ?? [])
    }

    @Test(arguments: TestDatabase.all)
    func theFirstOrganisationAndItsAdministratorAreMadeOnceWithAnAuditEntry(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let printed = try await app.run(command: Self.arguments(), answers: [Self.password])
            #expect(printed.contains("ocmw-teststad"))
            #expect(!printed.contains(Self.password))
            let organisation = try #require(try await OrganisationModel.query(on: app.db).first())
            #expect(organisation.slug == "ocmw-teststad" && organisation.kind == .ocmw && organisation.$region.id == "40000")
            let user = try #require(try await UserModel.query(on: app.db).first())
            #expect(user.role == .administrator && user.$organisation.id == organisation.id && user.email == "beheer@ocmw-teststad.example")
            let entries = try await AuditEntryModel.query(on: app.db).all()
            #expect(entries.map(\.action) == ["setup"])
            #expect(entries.first?.userID == user.id && entries.first?.organisationID == organisation.id && entries.first?.personID == nil)
            #expect(try await app.auditLog.verify(on: app.db).firstBreak == nil)

            // The administrator signs in and can add the next organisation.
            let token = try await Fixtures.token(app, email: "beheer@ocmw-teststad.example", password: Self.password)
            try await app.testing().test(.POST, "api/v1/organisations", beforeRequest: { request in
                request.bearer(token)
                try request.content.encode(["name": "Jobteam Teststad", "kind": "intensive-guidance", "regionId": "40000"])
            }) { response in
                #expect(response.status == .created)
            }

            // A second setup is refused whole, with a message saying why.
            await #expect(throws: Setup.Problem.alreadySetUp) {
                try await app.run(command: Self.arguments(name: "Tweede Organisatie", email: "tweede@example.test"), answers: [Self.password])
            }
            #expect(try await UserModel.query(on: app.db).count() == 1)
            #expect(try await AuditEntryModel.query(on: app.db).filter(\.$action == "setup").count() == 1)
            #expect(Setup.Problem.alreadySetUp.description.contains("already holds organisations"))
        }
    }

    /// Every bad flag is named, and nothing is written.
    @Test(arguments: TestDatabase.all)
    func aBadFlagIsNamedAndNothingIsWritten(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let long = String(repeating: "x", count: 50_000)
            let cases: [([String], String, String)] = [
                (Self.arguments(kind: "bakery"), Self.password, "kind"),
                (Self.arguments(region: "99999"), Self.password, "region"),
                (Self.arguments(municipality: "12025"), Self.password, "municipality"),
                (Self.arguments(name: long), Self.password, "organisation-name"),
                (Self.arguments(name: "\"'<>&"), Self.password, "organisation-name"),
                (Self.arguments(email: "geen-adres"), Self.password, "email"),
                (Self.arguments(email: long + "@example.test"), Self.password, "email"),
                (Self.arguments(), "te kort", "password"),
                (Self.arguments(), long, "password"),
                (["setup", "--organisation-name", "OCMW Teststad", "--kind", "ocmw", "--region", "40000", "--email", "a@example.test"],
                 Self.password, "name"),
            ]
            for (arguments, password, field) in cases {
                do {
                    try await app.run(command: arguments, answers: [password])
                    Issue.record("setup accepted a bad \(field)")
                } catch let Setup.Problem.invalid(named, _) {
                    #expect(named == field)
                }
            }
            #expect(try await OrganisationModel.query(on: app.db).count() == 0)
            #expect(try await UserModel.query(on: app.db).count() == 0)
            #expect(try await AuditEntryModel.query(on: app.db).count() == 0)
            // Free text is kept as typed (the pages escape it).
            try await app.run(command: Self.arguments(name: "De \"Brug\" & <Partners>'"), answers: [Self.password])
            #expect(try await OrganisationModel.query(on: app.db).first()?.name == "De \"Brug\" & <Partners>'")
        }
    }

    /// Setups started at the same moment make one organisation.
    @Test(arguments: TestDatabase.all)
    func parallelSetupsMakeOneOrganisation(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            try await withThrowingTaskGroup(of: Void.self) { group in
                for index in 0..<8 {
                    let input = Setup.Input(organisationName: "Organisatie \(index)", kind: "ocmw", region: "40000", municipality: nil,
                                            email: "beheer-\(index)@example.test", name: "Beheerder \(index)")
                    group.addTask { _ = try? await Setup.run(input, password: Self.password, on: app) }
                }
                try await group.waitForAll()
            }
            #expect(try await OrganisationModel.query(on: app.db).count() == 1)
            #expect(try await UserModel.query(on: app.db).count() == 1)
            #expect(try await AuditEntryModel.query(on: app.db).filter(\.$action == "setup").count() == 1)
        }
    }
}
