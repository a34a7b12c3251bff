import Fluent
import Foundation
import Testing
import VaporTesting
@testable import SchakelApp
import SchakelCore

/// The features called directly, as every adapter (API, web pages, the coming portal) calls them: no HTTP in between,
/// a real database on both engines. The world is built once per test through `PrivacyWorld`.
@Suite("Features, called as an adapter calls them")
struct FeatureTests {
    /// The caller for the user of `relation` with `role`.
    static func caller(_ app: Application, _ world: PrivacyWorld, _ relation: PrivacyWorld.Relation, _ role: UserRole) async throws -> Caller {
        let user = try #require(try await UserModel.query(on: app.db).filter(\.$organisation.$id == world.organisations[relation]!.requireID())
            .filter(\.$role == role).first())
        let authenticated = AuthenticatedUser(id: try user.requireID(), email: user.email, displayName: user.displayName,
                                              organisationID: user.$organisation.id, role: user.role, language: user.language)
        return try Caller(user: authenticated, application: app)
    }

    /// Fails the test unless `body` throws a `SchakelError` answered with `status`.
    static func expect<T>(_ status: HTTPResponseStatus, sourceLocation: SourceLocation = #_sourceLocation,
                          _ body: () async throws -> T) async {
        do {
            _ = try await body()
            Issue.record("no error; expected \(status.code)", sourceLocation: sourceLocation)
        } catch let error as SchakelError {
            #expect(error.status == status, "\(error.code)", sourceLocation: sourceLocation)
        } catch {
            Issue.record("\(error); expected \(status.code)", sourceLocation: sourceLocation)
        }
    }

    static func entries(_ app: Application, person: UUID, action: String) async throws -> Int {
        try await AuditEntryModel.query(on: app.db).filter(\.$personID == person).filter(\.$action == action).count()
    }

    /// A warm hand-over from draft to accepted: every step's effect (the receiver's inbox, the sender's, the owner
    /// changing) is the feature's, each step one audit entry.
    @Test(arguments: TestDatabase.all)
    func aWarmHandOverRunsThroughTheReferralFeature(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let world = try await PrivacyWorld.build(app)
            let sender = try await Self.caller(app, world, .owner, .socialWorker)
            let receiver = try await Self.caller(app, world, .partnerWithConsent, .jobCounsellor)
            let partner = try world.organisations[.partnerWithConsent]!.requireID()
            let draft = try await Referrals.create(
                ReferralInput(personId: world.personID, toOrganisationId: partner, purpose: .guidanceToWork,
                              reason: "Klaar voor werk in de logistiek.", transfersOwnership: true), caller: sender)
            let id = try draft.requireID()
            #expect(draft.state == .draft)
            // The draft (its reason is about the person) is one entry in the person's access log.
            let created = try await AuditEntryModel.query(on: app.db).filter(\.$personID == world.personID).sort(\.$id, .descending).first()
            #expect(created?.action == "create" && created?.userID == sender.user.id)
            // A draft does not exist for the receiver.
            await Self.expect(.notFound) { try await Referrals.show(id, caller: receiver) }

            let steps = try await Self.entries(app, person: world.personID, action: "referral-step")
            let sent = try await Referrals.step(.send, on: id, caller: sender) { ReferralStepInput() }
            #expect(sent.state == .sent && sent.sentOn != nil)
            let inbox = try await Notifications.inbox(unreadOnly: true, paging: Paging(page: 1, per: 10), caller: receiver)
            #expect(inbox.items.contains { $0.kind == .referralReceived && $0.subjectID == id })
            #expect(try await Referrals.show(id, caller: receiver).snapshot?.givenName == "Testina")

            _ = try await Referrals.step(.receive, on: id, caller: receiver) { ReferralStepInput() }
            let accepted = try await Referrals.step(.accept, on: id, caller: receiver) { ReferralStepInput(text: "Intake op maandag.") }
            #expect(accepted.state == .accepted)
            #expect(try await Self.entries(app, person: world.personID, action: "referral-step") == steps + 3)
            // The hand-over's effect: the receiver owns the dossier now, and the sender hears of the decision.
            #expect(try await PersonModel.find(world.personID, on: app.db)?.$owner.id == partner)
            let senderInbox = try await Notifications.inbox(unreadOnly: true, paging: Paging(page: 1, per: 10), caller: sender)
            #expect(senderInbox.items.contains { $0.kind == .referralDecided && $0.subjectID == id })
            // The sender may not take the receiver's step; the error names the party that may.
            await #expect(throws: SchakelError.self) { try await Referrals.step(.start, on: id, caller: sender) { ReferralStepInput() } }
        }
    }

    /// The same step fired 50 times at once: one wins, the others are told the state moved on; one event, one entry.
    @Test(arguments: TestDatabase.all)
    func fiftyConcurrentSendsSendOnce(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let world = try await PrivacyWorld.build(app)
            let sender = try await Self.caller(app, world, .owner, .socialWorker)
            let draft = try await Referrals.create(
                ReferralInput(personId: world.personID, toOrganisationId: try world.organisations[.partnerWithConsent]!.requireID(),
                              purpose: .guidanceToWork, reason: "\"'<>& en een reden."), caller: sender)
            let id = try draft.requireID()
            let outcomes = await withTaskGroup(of: Bool.self) { group in
                for _ in 0..<50 {
                    group.addTask { (try? await Referrals.step(.send, on: id, caller: sender) { ReferralStepInput() }) != nil }
                }
                return await group.reduce(into: [Bool]()) { $0.append($1) }
            }
            #expect(outcomes.filter { $0 }.count == 1, "\(outcomes.filter { $0 }.count) sends succeeded")
            #expect(try await ReferralEventModel.query(on: app.db).filter(\.$referral.$id == id).count() == 1)
            let notifications = try await NotificationModel.query(on: app.db).filter(\.$subjectID == id).count()
            #expect(notifications == 1)
            #expect(try await app.auditLog.verify(on: app.db).firstBreak == nil)
        }
    }

    /// A consent withdrawn through the feature takes the person away from the partner at once.
    @Test(arguments: TestDatabase.all)
    func aWithdrawnConsentEndsThePartnersReadAtOnce(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let world = try await PrivacyWorld.build(app)
            let owner = try await Self.caller(app, world, .owner, .trajectoryCounsellor)
            let partner = try await Self.caller(app, world, .partnerWithConsent, .jobCounsellor)
            #expect(try await Persons.show(world.personID, purpose: .guidanceToWork, caller: partner).givenName == "Testina")
            // Only the owner withdraws; for anyone else the consent does not exist.
            await Self.expect(.notFound) { try await Consents.withdraw(world.consentID, caller: partner) }
            let withdrawn = try await Consents.withdraw(world.consentID, caller: owner)
            #expect(withdrawn.active == false)
            await Self.expect(.notFound) {
                try await Persons.show(world.personID, purpose: .guidanceToWork, caller: partner)
            }
        }
    }

    /// A partner that sees the person but not its trajectory may not write a step; the refusal is recorded.
    @Test(arguments: TestDatabase.all)
    func aTrajectoryStepNeedsTheTrajectory(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let world = try await PrivacyWorld.build(app)
            let owner = try await Self.caller(app, world, .owner, .socialWorker)
            let partner = try await Self.caller(app, world, .partnerWithConsent, .jobCounsellor)
            let input = TrajectoryStepInput(kind: .screening, status: .planned, startsOn: CalendarDate(2026, 9, 1), note: "Eerste gesprek.")
            let denied = try await AuditEntryModel.query(on: app.db).filter(\.$personID == world.personID).filter(\.$outcome == "denied").count()
            await Self.expect(.forbidden) {
                try await Trajectories.addStep(to: world.personID, purpose: .guidanceToWork, caller: partner) { input }
            }
            let entries = try await AuditEntryModel.query(on: app.db).filter(\.$personID == world.personID).sort(\.$id).all()
            #expect(entries.filter { $0.outcome == "denied" }.count == denied + 1, "\(entries.suffix(3).map { "\($0.action) \($0.outcome)" })")
            _ = try await Trajectories.addStep(to: world.personID, purpose: .guidanceToWork, caller: owner) { input }
            #expect(try await TrajectoryStepModel.query(on: app.db).filter(\.$person.$id == world.personID).count() == 1)
        }
    }

    /// The person's export holds their access log, the export itself included; erasure needs a reason and leaves
    /// no name behind.
    @Test(arguments: TestDatabase.all)
    func exportAndErasureAreTheOwnersAndSayWhatHappened(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let world = try await PrivacyWorld.build(app)
            let owner = try await Self.caller(app, world, .owner, .socialWorker)
            let unrelated = try await Self.caller(app, world, .unrelated, .socialWorker)
            await Self.expect(.notFound) { try await GDPR.export(world.personID, caller: unrelated) }
            let export = try await GDPR.export(world.personID, caller: owner)
            #expect(export.accessLog.contains { $0.action == "export" })
            await #expect(throws: SchakelError.self) { try await GDPR.erase(world.personID, caller: owner) { ErasureInput(reason: "  ") } }
            let erased = try await GDPR.erase(world.personID, caller: owner) { ErasureInput(reason: "Verzoek van de persoon (art. 17 AVG).") }
            #expect(!erased.kept.isEmpty)
            await Self.expect(.notFound) { try await Persons.show(world.personID, purpose: .guidanceToWork, caller: owner) }
        }
    }

    /// The own account: a wrong current password changes nothing; a good change ends every token of the account.
    @Test(arguments: TestDatabase.all)
    func aPasswordChangeEndsEveryToken(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let world = try await PrivacyWorld.build(app)
            let caller = try await Self.caller(app, world, .owner, .jobCounsellor)
            let hasher = app.passwordHasher
            await #expect(throws: Accounts.PasswordProblem.wrongCurrent) {
                try await Accounts.changePassword(current: "niet-het-juiste", new: "een-heel-nieuw-wachtwoord", confirm: "een-heel-nieuw-wachtwoord",
                                                  hasher: hasher, caller: caller)
            }
            await #expect(throws: Accounts.PasswordProblem.differ) {
                try await Accounts.changePassword(current: Fixtures.password, new: "een-heel-nieuw-wachtwoord", confirm: "iets-anders-dan-dat",
                                                  hasher: hasher, caller: caller)
            }
            #expect(try await UserTokenModel.query(on: app.db).filter(\.$user.$id == caller.user.id).count() > 0)
            try await Accounts.changePassword(current: Fixtures.password, new: "een-heel-nieuw-wachtwoord", confirm: "een-heel-nieuw-wachtwoord",
                                              hasher: hasher, caller: caller)
            #expect(try await UserTokenModel.query(on: app.db).filter(\.$user.$id == caller.user.id).count() == 0)
        }
    }

    /// An administrator's new account is in the audit log, as a role change and a closing are.
    @Test(arguments: TestDatabase.all)
    func aNewAccountIsAudited(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let world = try await PrivacyWorld.build(app)
            let admin = try await Self.caller(app, world, .owner, .administrator)
            let input = Accounts.AccountInput(email: "nieuw@example.org", role: "job-counsellor", displayName: "Nieuwe collega",
                                              language: "nl", password: "een-eerste-wachtwoord")
            _ = try await Accounts.create(input, caller: admin, application: app)
            let entries = try await AuditEntryModel.query(on: app.db).filter(\.$action == "account-create").all()
            #expect(entries.count == 1 && entries.first?.userID == admin.user.id && entries.first?.personID == nil)
            // A caseworker opens no accounts, and nothing is recorded as opened.
            let caseworker = try await Self.caller(app, world, .owner, .socialWorker)
            await Self.expect(.forbidden) { try await Accounts.create(input, caller: caseworker, application: app) }
            #expect(try await AuditEntryModel.query(on: app.db).filter(\.$action == "account-create").count() == 1)
        }
    }

    /// The receiver's day shows the incoming referral with the person named as the snapshot's consent allows.
    @Test(arguments: TestDatabase.all)
    func theReceiversDayShowsWhatWaits(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let world = try await PrivacyWorld.build(app)
            let sender = try await Self.caller(app, world, .owner, .socialWorker)
            let receiver = try await Self.caller(app, world, .partnerWithConsent, .consultant)
            let draft = try await Referrals.create(
                ReferralInput(personId: world.personID, toOrganisationId: try world.organisations[.partnerWithConsent]!.requireID(),
                              purpose: .guidanceToWork, reason: "Wil werken."), caller: sender)
            _ = try await Referrals.step(.send, on: try draft.requireID(), caller: sender) { ReferralStepInput() }
            let day = try await Day.overview(purpose: .guidanceToWork, caller: receiver)
            #expect(day.incoming.map(\.id) == [draft.id])
            #expect(day.persons[world.personID]?.givenName == "Testina")
            #expect(day.notifications.contains { $0.kind == .referralReceived })
            // An analyst has no day of dossiers.
            let analyst = try await Self.caller(app, world, .partnerWithConsent, .analyst)
            #expect(try await Day.overview(purpose: .guidanceToWork, caller: analyst).incoming.isEmpty)
        }
    }
}
