import Fluent
import Foundation
import Testing
import VaporTesting
@testable import SchakelApp
import SchakelCore

/// One view of a dossier is one read in the person's access log: the page and the feature behind it decide once
/// over everything the page shows (profile, trajectory and its notes, fitting offers) and record that one decision.
@Suite("Dossier view: one load, one decision, one audit entry")
struct DossierViewTests {
    /// A person with a trajectory, and a caseworker of the organisation that owns the dossier.
    static func ownerAndPerson(_ app: Application) async throws -> (UserModel, UUID) {
        let steps = try await TrajectoryStepModel.query(on: app.db).all()
        for step in steps {
            let person = try #require(try await PersonModel.find(step.$person.id, on: app.db))
            guard person.erasedAt == nil else { continue }
            let users = try await UserModel.query(on: app.db).filter(\.$organisation.$id == person.$owner.id).all()
            if let user = users.first(where: { Caller.caseworkerRoles.contains($0.role) }) { return (user, try person.requireID()) }
        }
        Issue.record("the demo world has no person with a trajectory and an owner caseworker")
        throw SchakelError.notFound
    }

    static func entries(of personID: UUID, _ app: Application) async throws -> [AuditEntryModel] {
        try await AuditEntryModel.query(on: app.db).filter(\.$personID == personID).sort(\.$id).all()
    }

    @Test(arguments: TestDatabase.all)
    func aDossierPageViewIsOneEntryInTheAccessLog(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            try await Fixtures.demoWorld(app, persons: 30)
            let (owner, personID) = try await Self.ownerAndPerson(app)
            var session = try await WebSession.signIn(app, owner.email)
            let before = try await Self.entries(of: personID, app)
            let page = try await session.get("personen/\(personID)")
            #expect(page.status == .ok)
            #expect(page.html.contains("id=\"steps\""), "the page shows the trajectory it read")
            let after = try await Self.entries(of: personID, app)
            #expect(after.count == before.count + 1, "one view, one entry: \(after.count - before.count) written")
            let entry = try #require(after.last)
            #expect(entry.action == "read" && entry.outcome == "allowed" && entry.userID == owner.id)

            // The person's access log through the API says the same: one read for the one view.
            let token = try await Fixtures.token(app, email: owner.email, password: "schakel-demo")
            let log = try await JSONAPI(app: app).get("persons/\(personID)/access-log?per=100", token: token)
            #expect(log.status == .ok)
            let reads = log.items.filter { $0["action"] as? String == "read" && $0["userId"] as? String == owner.id?.uuidString }
            #expect(reads.count == after.filter { $0.action == "read" && $0.userID == owner.id }.count)
            #expect(reads.contains { ($0["sequence"] as? Int).map(Int64.init) == entry.id })
        }
    }

    /// The feature itself, called as any adapter calls it: one entry, every category the page may show in it.
    @Test(arguments: TestDatabase.all)
    func theDossierFeatureDecidesOnceForEverythingItReturns(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            try await Fixtures.demoWorld(app, persons: 30)
            let (owner, personID) = try await Self.ownerAndPerson(app)
            let user = AuthenticatedUser(id: try owner.requireID(), email: owner.email, displayName: owner.displayName,
                                         organisationID: owner.$organisation.id, role: owner.role, language: owner.language)
            let before = try await Self.entries(of: personID, app).count
            let view = try await Persons.dossier(personID, purpose: .guidanceToWork, caller: try Caller(user: user, application: app))
            #expect(view.isOwner)
            #expect(!view.trajectory.steps.isEmpty)
            #expect(view.accessLog.first?.userID == owner.id, "the access log shown already holds this view")
            let entries = try await Self.entries(of: personID, app)
            #expect(entries.count == before + 1)
            #expect(Set(JSONList.decode(try #require(entries.last).categoriesJSON) as [DataCategory]).isSuperset(of: view.decision.allowed))

            // An id that names no one: the same one entry and a 404, as for a person the reader may not see.
            let nobody = UUID()
            do {
                _ = try await Persons.dossier(nobody, purpose: .guidanceToWork, caller: try Caller(user: user, application: app))
                Issue.record("an unknown id was answered")
            } catch SchakelError.notFound {}
            #expect(try await Self.entries(of: nobody, app).count == 1)
        }
    }
}

extension DossierViewTests {
    /// The referral page shows the person's profile as it travels: one view, one entry in that person's access log.
    @Test(arguments: TestDatabase.all)
    func aReferralPageViewIsOneEntryInTheAccessLog(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            try await Fixtures.demoWorld(app, persons: 30)
            let sent = try await ReferralModel.query(on: app.db).filter(\.$state != .draft).all()
            var checked = 0
            for referral in sent.prefix(20) {
                let users = try await UserModel.query(on: app.db).filter(\.$organisation.$id == referral.$from.id).all()
                guard let user = users.first(where: { Caller.caseworkerRoles.contains($0.role) }) else { continue }
                var session = try await WebSession.signIn(app, user.email)
                let personID = referral.$person.id
                let before = try await Self.entries(of: personID, app).count
                let page = try await session.get("doorverwijzingen/\(try referral.requireID())")
                guard page.status == .ok else { continue }
                #expect(try await Self.entries(of: personID, app).count - before == 1, "referral page: one view, one entry")
                checked += 1
                if checked == 3 { break }
            }
            #expect(checked > 0, "no sent referral with a caseworker at its sender in the demo world")
        }
    }
}
