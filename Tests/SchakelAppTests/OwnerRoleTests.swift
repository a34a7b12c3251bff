import Fluent
import Foundation
import Testing
import VaporTesting
@testable import SchakelApp
import SchakelCore

/// Inside the owning organisation the reader's role limits the API as it limits the pages (issue 15, point 9).
@Suite("Roles inside the owning organisation")
struct OwnerRoleTests {
    @Test(arguments: TestDatabase.all)
    func theAPIAnswersTheOwnersStaffAsTheDossierPageDoes(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let world = try await PrivacyWorld.build(app)
            let owner = world.organisations[.owner]!
            let api = JSONAPI(app: app)
            for role in UserRole.allCases {
                let user = try await Fixtures.user(app, organisation: owner, role: role)
                let token = try await Fixtures.token(app, email: user.email)
                var browser = try await WebSession.signIn(app, user.email, password: Fixtures.password)
                let page = try await browser.get("personen/\(world.personID)")
                let works = [UserRole.socialWorker, .trajectoryCounsellor, .jobCounsellor, .consultant].contains(role)
                #expect(page.status == (works ? .ok : .forbidden), "page as \(role.rawValue)")
                // The dossier page shows the dossier, its consents and its access log: the API answers each as the page does.
                for path in ["persons/\(world.personID)", "persons/\(world.personID)/consents", "persons/\(world.personID)/access-log"] {
                    let answer = try await api.get(path, token: token)
                    #expect(answer.status == page.status, "\(path) as \(role.rawValue)")
                    if !works {
                        // Nothing of the person in a refusal: not the name, not a category, not a consent.
                        #expect(!answer.text.contains("Testina") && !answer.text.contains("Voorbeeld"))
                        #expect(!answer.text.contains("guidance-to-work") && !answer.text.contains("work-experience"))
                    }
                }
                if works {
                    let person = try await api.get("persons/\(world.personID)", token: token)
                    #expect(person["givenName"] as? String == "Testina")
                    #expect((person["withheld"] as? [Any])?.isEmpty == true)
                    #expect(try await api.get("persons/\(world.personID)/consents", token: token).list.count == 1)
                }
                // The list of names stays open to every role but the analyst's, with names only.
                let list = try await api.get("persons", token: token)
                #expect(list.status == (role == .analyst ? .forbidden : .ok), "list as \(role.rawValue)")
                if role != .analyst {
                    let item = try #require(list.items.first { $0["id"] as? String == world.personID.uuidString })
                    #expect(item["givenName"] as? String == "Testina")
                }
            }
        }
    }
}
