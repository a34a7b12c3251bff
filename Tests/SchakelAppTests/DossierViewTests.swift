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

extension DossierViewTests {
    /// A web session for the user of `relation` with `role` in the privacy world.
    static func session(_ app: Application, _ world: PrivacyWorld, _ relation: PrivacyWorld.Relation,
                        _ role: UserRole) async throws -> WebSession {
        let user = try #require(try await UserModel.query(on: app.db).filter(\.$organisation.$id == world.organisations[relation]!.requireID())
            .filter(\.$role == role).first())
        return try await WebSession.signIn(app, user.email, password: Fixtures.password)
    }

    /// Every page that shows a person, on both sides of a warm hand-over: one view is one entry in that person's
    /// access log, a blank form (consent, new step) none, since it shows nothing of the person.
    @Test(arguments: TestDatabase.all)
    func everyPageThatShowsAPersonIsOneEntryPerView(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let world = try await PrivacyWorld.build(app)
            let person = world.personID
            let referral = try await ReferralTests.draft(app, world: world, to: .partnerWithConsent, transfersOwnership: true)
            try await ReferralTests.post(app, "api/v1/referrals/\(referral)/send", token: world.tokens[.owner]![.socialWorker]!) {
                #expect($0.status == .ok)
            }
            let draft = try await ReferralTests.draft(app, world: world, to: .partnerWithConsent)
            var stepID: String?
            try await ReferralTests.post(app, "api/v1/persons/\(person)/trajectory/steps", token: world.tokens[.owner]![.socialWorker]!,
                                         body: ["kind": "screening", "startsOn": "2026-09-01", "note": "Gesprek gehad."]) { response in
                #expect(response.status == .created)
                stepID = (try? JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as? [String: Any])?["id"] as? String
            }
            var owner = try await Self.session(app, world, .owner, .socialWorker)
            var receiver = try await Self.session(app, world, .partnerWithConsent, .jobCounsellor)
            // Each page, who opens it, how many entries one view adds, and what of the person it shows.
            let pages: [(String, SiteURL, Bool, Int)] = [
                ("dossier", .person(person), false, 1),
                ("edit form", .personEdit(person), false, 1),
                ("erasure form", .personErasure(person), false, 1),
                ("export", .personExport(person), false, 1),
                ("referral form", .newReferral(person), false, 1),
                ("step edit form", .step(person, try #require(stepID)), false, 1),
                ("consent form (blank)", .newConsent(person), false, 0),
                ("step form (blank)", .newStep(person), false, 0),
                ("referral, sender", .referral(referral), false, 1),
                ("draft referral with its preview, sender", .referral(draft), false, 1),
                ("hand-over profile, sender", .handOverProfile(referral), false, 1),
                ("referral, receiver", .referral(referral), true, 1),
                ("hand-over profile, receiver", .handOverProfile(referral), true, 1),
            ]
            for (name, url, asReceiver, entries) in pages {
                let before = try await Self.entries(of: person, app).count
                let page = asReceiver ? try await receiver.get(String(url.path.dropFirst())) : try await owner.get(String(url.path.dropFirst()))
                #expect(page.status == .ok, "\(name)")
                let written = try await Self.entries(of: person, app).dropFirst(before)
                #expect(written.count == entries, "\(name): \(written.count) entries (\(written.map(\.action)))")
                #expect(written.allSatisfy { ["read", "export", "referral-snapshot"].contains($0.action) }, "\(name): \(written.map(\.action))")
                #expect(written.allSatisfy { $0.outcome == "allowed" }, "\(name)")
                let shows = name == "step edit form" ? "Gesprek gehad." : "Testina"
                #expect(page.html.contains(shows) == (entries > 0), "\(name): shows the person \(entries > 0 ? "" : "without recording it")")
            }
        }
    }

    /// A case conference shows each person discussed: one entry per person per view. The candidates of an offer are
    /// each judged once per view.
    @Test(arguments: TestDatabase.all)
    func conferenceAndCandidatePagesAreOneEntryPerPersonShown(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            try await Fixtures.demoWorld(app, persons: 30)
            var conferencesChecked = 0
            for discussed in try await CaseConferencePersonModel.query(on: app.db).all() {
                let organisations = try await CaseConferenceParticipantModel.query(on: app.db)
                    .filter(\.$conference.$id == discussed.$conference.id).all(\.$organisation.$id)
                guard let user = try await UserModel.query(on: app.db).filter(\.$organisation.$id ~~ organisations).all()
                    .first(where: { Caller.caseworkerRoles.contains($0.role) }) else { continue }
                var session = try await WebSession.signIn(app, user.email)
                let persons = try await CaseConferencePersonModel.query(on: app.db).filter(\.$conference.$id == discussed.$conference.id)
                    .all(\.$person.$id)
                var before: [UUID: Int] = [:]
                for id in persons { before[id] = try await Self.entries(of: id, app).count }
                #expect(try await session.get(String(SiteURL.conference(discussed.$conference.id).path.dropFirst())).status == .ok)
                for id in persons {
                    let added = try await Self.entries(of: id, app).count - before[id]!
                    #expect(added == 1, "conference page: \(added) entries for one person discussed")
                }
                conferencesChecked += 1
                if conferencesChecked == 2 { break }
            }
            #expect(conferencesChecked > 0, "the demo world has no conference with a person and a caseworker taking part")

            let offer = try #require(try await OfferModel.query(on: app.db).first())
            let (owner, _) = try await Self.ownerAndPerson(app)
            var session = try await WebSession.signIn(app, owner.email)
            let everyone = try await PersonModel.query(on: app.db).all(\.$id)
            var before: [UUID: Int] = [:]
            for id in everyone { before[id] = try await Self.entries(of: id, app).count }
            #expect(try await session.get(String(SiteURL.offer(try offer.requireID()).path.dropFirst()) + "?kandidaten=1").status == .ok)
            var judged = 0
            for id in everyone {
                let added = try await Self.entries(of: id, app).count - before[id]!
                #expect(added <= 1, "candidates: \(added) entries for one person in one view")
                judged += added
            }
            #expect(judged > 0)
        }
    }
}
