import Fluent
import Foundation
import Testing
import VaporTesting
@testable import SchakelApp
import SchakelCore
import SchakelDemo

@Suite("Registry API: regions, municipalities, organisations, agreements")
struct RegistryAPITests {
    struct Listing<T: Decodable & Sendable>: Decodable, Sendable {
        struct Metadata: Decodable, Sendable { let page: Int; let per: Int; let total: Int }
        let items: [T]
        let metadata: Metadata
    }

    @Test(arguments: TestDatabase.all)
    func listsArePagedAndFiltered(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            try await Fixtures.demoWorld(app, persons: 0)
            let token = try await Fixtures.token(app, email: "trajectory-counsellor@in-gent.demo", password: DemoWorld.password)
            let world = DemoWorld(seed: 7)

            try await app.testing().test(.GET, "api/v1/organisations?per=10&page=3", beforeRequest: { $0.bearer(token) }) { response in
                let page = try response.content.decode(Listing<OrganisationDTO>.self)
                #expect(page.metadata.total == world.organisations.count)
                #expect(page.metadata.page == 3)
                #expect(page.items.count == world.organisations.count - 20)
            }
            // Pages do not overlap and together hold everything.
            var seen: [UUID] = []
            for number in 1...3 {
                try await app.testing().test(.GET, "api/v1/organisations?per=10&page=\(number)", beforeRequest: { $0.bearer(token) }) { response in
                    seen += try response.content.decode(Listing<OrganisationDTO>.self).items.map(\.id)
                }
            }
            #expect(Set(seen).count == world.organisations.count)

            try await app.testing().test(.GET, "api/v1/organisations?kind=employment-service&region=40000&per=100",
                                         beforeRequest: { $0.bearer(token) }) { response in
                let slugs = Set(try response.content.decode(Listing<OrganisationDTO>.self).items.map(\.slug))
                #expect(slugs == ["vdab-gent", "vdab-aalst"])
            }
            try await app.testing().test(.GET, "api/v1/municipalities?region=04000&per=100", beforeRequest: { $0.bearer(token) }) { response in
                let page = try response.content.decode(Listing<MunicipalityDTO>.self)
                #expect(page.items.allSatisfy { $0.regionId == "04000" })
                #expect(page.items.contains { $0.id == "21004" && $0.nameFR == "Bruxelles" })
            }
            try await app.testing().test(.GET, "api/v1/regions", beforeRequest: { $0.bearer(token) }) { response in
                let page = try response.content.decode(Listing<RegionDTO>.self)
                #expect(page.items.map(\.id) == ["04000", "10000", "20001", "30000", "40000", "70000"])
            }
        }
    }

    @Test(arguments: TestDatabase.all)
    func agreementsByOrganisationAndDay(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            try await Fixtures.demoWorld(app, persons: 0)
            let token = try await Fixtures.token(app, email: "job-counsellor@vdab-gent.demo", password: DemoWorld.password)
            let jobteam = try #require(try await OrganisationModel.query(on: app.db).filter(\.$slug == "jobteam-gent").first())
            try await app.testing().test(.GET, "api/v1/agreements?organisation=\(try jobteam.requireID())",
                                         beforeRequest: { $0.bearer(token) }) { response in
                let page = try response.content.decode(Listing<AgreementDTO>.self)
                #expect(page.items.count == 1)
                let ghent = try #require(page.items.first)
                #expect(ghent.validUntil == CalendarDate(2027, 12, 31))
                #expect(ghent.routes.contains { $0.toOrganisationId == jobteam.id && $0.categories.contains(.assessment) })
            }
            // The Ghent route started in 2020: on a day in 2019 it is not in force; in 2028 it has ended.
            for (day, expected) in [("2019-06-01", false), ("2024-06-01", true), ("2028-01-01", false)] {
                try await app.testing().test(.GET, "api/v1/agreements?activeOn=\(day)&per=100", beforeRequest: { $0.bearer(token) }) { response in
                    let titles = try response.content.decode(Listing<AgreementDTO>.self).items.map(\.title)
                    #expect(titles.contains { $0.hasPrefix("Gentse route") } == expected, "\(day)")
                }
            }
            let any = try #require(try await AgreementModel.query(on: app.db).first())
            try await app.testing().test(.GET, "api/v1/agreements/\(try any.requireID())", beforeRequest: { $0.bearer(token) }) { response in
                #expect(response.status == .ok)
                let value79 = try response.content.decode(AgreementDTO.self).title
                #expect(value79 == any.title)
            }
        }
    }

    @Test(arguments: TestDatabase.all)
    func healthSaysWhichDatabaseWithoutSignIn(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            try await app.testing().test(.GET, "health") { response in
                #expect(response.status == .ok)
                let value89 = try response.content.decode([String: String].self)
                #expect(value89 == ["status": "ok", "database": database.rawValue])
            }
        }
    }

    @Test(arguments: TestDatabase.all)
    func municipalityImportLoadsAllOrNothing(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let good = """
            nis_code,name_nl,name_fr,region_nis
            44083,Deinze,,40000
            44021,Gent,Gand,40000
            """
            let result = try await MunicipalityImport.run(csv: good, on: app.db)
            #expect(result.inserted == 1)
            #expect(result.updated == 1)
            #expect(try await MunicipalityModel.find("44083", on: app.db)?.nameNL == "Deinze")

            let bad = """
            nis_code,name_nl,name_fr,region_nis
            11001,Aartselaar,,10000
            1100X,Broken,,10000
            """
            do {
                _ = try await MunicipalityImport.run(csv: bad, on: app.db)
                Issue.record("a file with a bad row was accepted")
            } catch let error as MunicipalityImport.Failed {
                #expect(error.problems.map(\.line) == [3])
                #expect(error.problems.map(\.field) == ["nis_code"])
            }
            #expect(try await MunicipalityModel.find("11001", on: app.db) == nil)
        }
    }

    @Test(arguments: TestDatabase.all)
    func operatorsCreateUsersWithHashedPasswords(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            try await Fixtures.organisation(app, slug: "ocmw-test", kind: .ocmw)
            let user = try await UserAccounts.create(email: "Nadia@OCMW.example", organisationSlug: "ocmw-test", role: "consultant",
                                                     displayName: "Nadia Test", language: "nl", password: "a long enough secret", on: app)
            #expect(user.email == "nadia@ocmw.example")
            #expect(user.passwordHash.hasPrefix("$2"))
            #expect(!user.passwordHash.contains("secret"))
            _ = try await Fixtures.token(app, email: "nadia@ocmw.example", password: "a long enough secret")
            let refusals: [(String, String, String, String, UserAccounts.Problem)] = [
                ("x@y.be", "ocmw-test", "consultant", "short", .invalid(field: "password", reason: "12 to 72 bytes")),
                ("x@y.be", "nowhere", "consultant", "a long enough secret", .invalid(field: "organisation", reason: "no organisation with slug 'nowhere'")),
                ("x@y.be", "ocmw-test", "boss", "a long enough secret", .invalid(field: "role", reason: "one of \(UserRole.allCases.map(\.rawValue).joined(separator: ", "))")),
                ("nadia@ocmw.example", "ocmw-test", "consultant", "a long enough secret", .invalid(field: "email", reason: "an account with this address exists")),
            ]
            for (email, slug, role, password, problem) in refusals {
                await #expect(throws: problem) {
                    try await UserAccounts.create(email: email, organisationSlug: slug, role: role, displayName: "X",
                                                  language: "nl", password: password, on: app)
                }
            }
        }
    }
}
