import Fluent
import Foundation
import SQLKit
import Testing
import VaporTesting
@testable import SchakelApp
import SchakelCore
import SchakelDemo

@Suite("GDPR rights, key rotation, retention, register, and logs without identifiers")
struct GDPRTests {
    @Test(arguments: TestDatabase.all)
    func exportHoldsEverythingAndErasureKeepsOnlyPseudonymousFacts(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let world = try await PrivacyWorld.build(app)
            let owner = world.tokens[.owner]![.socialWorker]!
            try await app.testing().test(.GET, "api/v1/persons/\(world.personID)",
                                         beforeRequest: { $0.bearer(world.tokens[.partnerWithConsent]![.jobCounsellor]!) }) { _ in }
            try await app.testing().test(.GET, "api/v1/persons/\(world.personID)/export", beforeRequest: { $0.bearer(owner) }) { response in
                #expect(response.status == .ok)
                #expect(response.headers.first(name: .contentDisposition)?.contains("attachment") == true)
                let export = try response.content.decode(PersonExportDTO.self)
                #expect(export.person.givenName == "Testina")
                #expect(export.person.withheld.isEmpty)
                #expect(export.consents.count == 1)
                #expect(export.accessLog.contains { $0.organisationId == world.organisations[.partnerWithConsent]!.id })
            }
            // Only the owning organisation exports.
            try await app.testing().test(.GET, "api/v1/persons/\(world.personID)/export",
                                         beforeRequest: { $0.bearer(world.tokens[.partnerWithConsent]![.jobCounsellor]!) }) { response in
                #expect(response.status == .notFound)
            }
            try await app.testing().test(.POST, "api/v1/persons/\(world.personID)/erase", beforeRequest: { request in
                request.bearer(owner)
                try request.content.encode(["reason": ""])
            }) { response in #expect(response.status == .unprocessableEntity) }
            try await app.testing().test(.POST, "api/v1/persons/\(world.personID)/erase", beforeRequest: { request in
                request.bearer(owner)
                try request.content.encode(["reason": "Verzoek van de persoon (art. 17)"])
            }) { response in
                #expect(response.status == .ok)
            }
            let erased = try #require(try await PersonModel.query(on: app.db).filter(\.$id == world.personID).with(\.$languages).first())
            #expect(erased.identifiers == nil && erased.nameIndex == nil)
            #expect(erased.erasureReason == "Verzoek van de persoon (art. 17)")
            #expect(erased.erasedBy != nil)
            #expect(erased.countryOfOrigin == "SY")
            // Of the languages only the Dutch level stays (the figures follow it); the mother tongue goes.
            #expect(erased.languages.map(\.language) == ["nl"])
            for token in [owner, world.tokens[.partnerWithConsent]![.jobCounsellor]!] {
                try await app.testing().test(.GET, "api/v1/persons/\(world.personID)", beforeRequest: { $0.bearer(token) }) { response in
                    #expect(response.status == .notFound)
                }
            }
            #expect(try await AuditEntryModel.query(on: app.db).filter(\.$action == "erase").count() == 1)
            #expect(try await app.auditLog.verify(on: app.db).firstBreak == nil)
        }
    }

    @Test(arguments: TestDatabase.all)
    func keyRotationReencryptsEveryDossier(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let keyFile = FileManager.default.temporaryDirectory.appendingPathComponent("schakel-key-\(UUID().uuidString)").path
            defer { try? FileManager.default.removeItem(atPath: keyFile) }
            try (DataKeyring.newKeyLine(id: "k1") + "\n").write(toFile: keyFile, atomically: true, encoding: .utf8)
            app.storage[DataKeyringKey.self] = try DataKeyring(keys: DataKeyring.parseKeyFile(String(contentsOfFile: keyFile, encoding: .utf8)))
            try await Fixtures.demoWorld(app, persons: 30)
            let token = try await Fixtures.token(app, email: "social-worker@fedasil-poelkapelle.demo", password: DemoWorld.password)
            let result = try await KeyRotation.rotate(keyFile: keyFile, on: app, batchSize: 7)
            // The thirty persons asked for and the ten of the Mechelen case; their referral snapshots too.
            #expect(result.reencrypted == 30 + 10)
            #expect(try await PersonModel.query(on: app.db).filter(\.$identifiersKeyID == "k1").count() == 0)
            #expect(try await ReferralModel.query(on: app.db).filter(\.$snapshotKeyID != nil).count() > 0)
            #expect(try await ReferralModel.query(on: app.db).filter(\.$snapshotKeyID == "k1").count() == 0)
            #expect(try String(contentsOfFile: keyFile, encoding: .utf8).split(separator: "\n").count == 2)
            // Dossiers still open with the rotated keys.
            let person = try #require(try await PersonModel.query(on: app.db).filter(\.$owner.$id == DemoWorld(seed: 7).organisation(slug: "fedasil-poelkapelle")!.id).first())
            try await app.testing().test(.GET, "api/v1/persons/\(try person.requireID())", beforeRequest: { $0.bearer(token) }) { response in
                #expect(response.status == .ok)
                let dossier = try response.content.decode(PersonDTO.self)
                #expect(dossier.givenName?.isEmpty == false)
            }
        }
    }

    @Test(arguments: TestDatabase.all)
    func retentionFlagsOnlyInactiveDossiers(database: TestDatabase) async throws {
        let clock = TestClock()
        try await withTestApp(database, clock: clock) { app in
            let (user, token) = try await Fixtures.signedIn(app, role: .socialWorker)
            let old = try await PrivacyWorld.createPerson(app, token: token)
            clock.advance(seconds: 400 * 86_400)
            let later = try await Fixtures.token(app, email: user.email)
            let recent = try await PrivacyWorld.createPerson(app, token: later)
            let flagged = try await Retention.flag(inactiveForMonths: 12, now: clock.now, on: app.db)
            #expect(flagged.values.reduce(0, +) == 1)
            #expect(try await PersonModel.find(old, on: app.db)?.retentionFlaggedAt != nil)
            #expect(try await PersonModel.find(recent, on: app.db)?.retentionFlaggedAt == nil)
        }
    }

    @Test func theProcessingRegisterFollowsTheAgreements() async throws {
        try await withTestApp(.sqlite) { app in
            try await Fixtures.demoWorld(app, persons: 0)
            let text = try await ProcessingRegister.markdown(on: app.db, today: Fixtures.asOf)
            #expect(text.contains("art. 30"))
            #expect(text.contains("Ketenafspraak Fedasil Poelkapelle – VDAB Ieper"))
            #expect(text.contains("Fedasil opvangcentrum Poelkapelle → VDAB Ieper"))
            #expect(text.contains("- assessment: labourMarketDistance, resilience, assessmentNote"))
            for purpose in Purpose.allCases { #expect(text.contains(purpose.rawValue)) }
        }
    }

    @Test(arguments: TestDatabase.all)
    func logsAndErrorMessagesCarryNoIdentifiers(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let world = try await PrivacyWorld.build(app)
            let owner = world.tokens[.owner]![.socialWorker]!
            var input = PrivacyWorld.personInput
            input["givenName"] = "Unikornelia"
            input["familyName"] = "Leakovska"
            input["email"] = "unikornelia.leakovska@example.org"
            let id = try await PrivacyWorld.createPerson(app, token: owner, input: input)
            var bodies: [String] = []
            let attempts: [(HTTPMethod, String, String?, String)] = [
                (.GET, "api/v1/persons/\(id)", nil, owner),
                (.GET, "api/v1/persons/\(id)", nil, world.tokens[.unrelated]![.jobCounsellor]!),
                (.POST, "api/v1/persons/search", "{\"name\": \"Unikornelia Leakovska\"}", owner),
                (.POST, "api/v1/persons/search", "{\"name\": \"\(String(repeating: "Unikornelia ", count: 30))\"}", owner),
                (.PATCH, "api/v1/persons/\(id)", "{\"version\": 1, \"givenName\": \"\(String(repeating: "Unikornelia", count: 20))\"}", owner),
                (.PATCH, "api/v1/persons/\(id)", "{\"version\": 1, \"email\": 12, \"familyName\": \"Leakovska\"}", owner),
                (.PATCH, "api/v1/persons/\(id)", "{\"version\": 99, \"familyName\": \"Leakovska\"}", owner),
                (.POST, "api/v1/persons", "{\"givenName\": \"Unikornelia\", \"familyName\": \"Leakovska\"}", owner),
                (.POST, "api/v1/persons", "{\"givenName\": \"Unikornelia\", \"familyName\": ", owner),
            ]
            for (method, path, body, token) in attempts {
                try await app.testing().test(method, path, beforeRequest: { request in
                    request.bearer(token)
                    if let body {
                        request.headers.contentType = .json
                        request.body = ByteBuffer(string: body)
                    }
                }) { response in
                    #expect(response.status.code < 500)
                    if response.status.code >= 400 { bodies.append(response.body.string) }
                }
            }
            #expect(bodies.count >= 5)
            for needle in ["Unikornelia", "Leakovska", "unikornelia.leakovska"] {
                #expect(!CapturedLogs.shared.all.contains { $0.contains(needle) }, "\(needle) reached a log")
                #expect(!bodies.contains { $0.contains(needle) }, "\(needle) reached an error message")
            }
            #expect(!CapturedLogs.shared.all.isEmpty)
        }
    }
}

@Suite("GDPR rights reach the chain's data")
struct GDPRChainTests {
    @Test(arguments: TestDatabase.all)
    func exportHoldsTheTrajectoryAndReferralsAndErasureRemovesTheirFreeText(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let world = try await PrivacyWorld.build(app)
            let api = JSONAPI(app: app)
            let owner = world.tokens[.owner]![.socialWorker]!
            let receiver = world.tokens[.partnerWithConsent]![.jobCounsellor]!
            let step = try await api.post("persons/\(world.personID)/trajectory/steps", token: owner,
                                          ["kind": "dutch-nt2", "status": "running", "startsOn": "2026-06-01", "levelReached": "A2",
                                           "note": "Testina oefent thuis met haar buurvrouw."])
            #expect(step.status == .created, "\(step.text)")
            let referral = try await ReferralTests.draft(app, world: world, to: .partnerWithConsent)
            #expect(try await api.post("referrals/\(referral)/send", token: owner).status == .ok)
            #expect(try await api.post("referrals/\(referral)/cancel", token: owner, ["text": "Testina verhuist naar Brugge."]).status == .ok)

            let export = try await api.get("persons/\(world.personID)/export", token: owner)
            #expect((export["trajectory"] as? [[String: Any]])?.first?["note"] as? String == "Testina oefent thuis met haar buurvrouw.")
            let exported = try #require((export["referrals"] as? [[String: Any]])?.first)
            #expect(exported["state"] as? String == "cancelled")
            #expect((exported["history"] as? [[String: Any]])?.last?["text"] as? String == "Testina verhuist naar Brugge.")

            #expect(try await api.post("persons/\(world.personID)/erase", token: owner, ["reason": "Verzoek van de persoon (art. 17)"])
                .status == .ok)
            // Kinds, dates, states and outcomes stay for the figures; every free text and the sealed snapshot go.
            let model = try #require(try await ReferralModel.find(referral, on: app.db))
            #expect(model.snapshot == nil && model.reason.isEmpty && model.state == .cancelled)
            let events = try await ReferralEventModel.query(on: app.db).filter(\.$referral.$id == referral).all()
            #expect(events.count == 2 && events.allSatisfy { $0.text == nil })
            let steps = try await TrajectoryStepModel.query(on: app.db).filter(\.$person.$id == world.personID).all()
            #expect(steps.count == 1 && steps[0].note == nil && steps[0].levelReached == .a2)
            let seen = try await api.get("referrals/\(referral)", token: receiver)
            #expect(seen.status == .ok)
            #expect(seen["snapshot"] == nil)
            #expect(!seen.text.contains("Testina"))
        }
    }
}
