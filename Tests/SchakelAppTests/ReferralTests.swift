import Fluent
import Foundation
import SQLKit
import Testing
import VaporTesting
@testable import SchakelApp
import SchakelCore

@Suite("Referrals: closed loop along agreement routes")
struct ReferralTests {
    struct ErrorBody: Decodable {
        struct Detail: Decodable {
            let code: String
            let message: String
            let field: String?
            let allowed: [String]?
        }
        let error: Detail
    }

    static func post(_ app: Application, _ path: String, token: String, body: [String: Any]? = nil,
                     _ check: @escaping (TestingHTTPResponse) async throws -> Void) async throws {
        try await app.testing().test(.POST, path, beforeRequest: { request in
            request.bearer(token)
            if let body {
                request.headers.contentType = .json
                request.body = ByteBuffer(data: try JSONSerialization.data(withJSONObject: body))
            }
        }, afterResponse: check)
    }

    static func draft(_ app: Application, world: PrivacyWorld, to relation: PrivacyWorld.Relation,
                      transfersOwnership: Bool = false) async throws -> UUID {
        var id: UUID?
        let body: [String: Any] = [
            "personId": world.personID.uuidString, "toOrganisationId": try world.organisations[relation]!.requireID().uuidString,
            "purpose": "guidance-to-work", "reason": "Mag werken sinds 2 juli; wil in de logistiek.", "transfersOwnership": transfersOwnership,
        ]
        try await post(app, "api/v1/referrals", token: world.tokens[.owner]![.socialWorker]!, body: body) { response in
            #expect(response.status == .created, "\(response.body.string)")
            id = try? response.content.decode(ReferralDTO.self).id
        }
        return try #require(id)
    }

    static func get(_ app: Application, _ path: String, token: String) async throws -> (HTTPStatus, ReferralDTO?) {
        var result: (HTTPStatus, ReferralDTO?) = (.internalServerError, nil)
        try await app.testing().test(.GET, path, beforeRequest: { $0.bearer(token) }) { response in
            result = (response.status, try? response.content.decode(ReferralDTO.self))
        }
        return result
    }

    @Test(arguments: TestDatabase.all)
    func aReferralTravelsTheWholeLoopAndTheSenderSeesStateButNotNotes(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let world = try await PrivacyWorld.build(app)
            let sender = world.tokens[.owner]![.socialWorker]!
            let receiver = world.tokens[.partnerWithConsent]![.jobCounsellor]!
            let id = try await Self.draft(app, world: world, to: .partnerWithConsent)

            // A draft is the sender's alone; the preview shows exactly what will travel.
            #expect(try await Self.get(app, "api/v1/referrals/\(id)", token: receiver).0 == .notFound)
            var preview: PersonDTO?
            try await app.testing().test(.GET, "api/v1/referrals/\(id)/preview", beforeRequest: { $0.bearer(sender) }) { response in
                #expect(response.status == .ok)
                preview = try? response.content.decode(PersonDTO.self)
            }
            let shown = try #require(preview)
            #expect(shown.givenName == "Testina")
            #expect(shown.languages?.count == 2)
            #expect(shown.phone == nil) // contact is routed but not consented
            #expect(shown.labourMarketDistance == nil) // assessment is consented but not routed

            // The receiver cannot accept what it has not received; the error names what is possible.
            try await Self.post(app, "api/v1/referrals/\(id)/send", token: sender) { #expect($0.status == .ok) }
            try await Self.post(app, "api/v1/referrals/\(id)/accept", token: receiver) { response in
                #expect(response.status == .conflict)
                let body = try response.content.decode(ErrorBody.self)
                #expect(body.error.code == "illegal_transition")
                #expect(body.error.allowed == ["receive", "cancel"])
            }
            try await Self.post(app, "api/v1/referrals/\(id)/receive", token: receiver) { #expect($0.status == .ok) }
            // Deciding is the receiver's: the sender gets a 403.
            try await Self.post(app, "api/v1/referrals/\(id)/accept", token: sender) { response in
                #expect(response.status == .forbidden)
                let body = try response.content.decode(ErrorBody.self)
                #expect(body.error.code == "wrong_party")
            }
            // A refusal needs a reason code and a text.
            try await Self.post(app, "api/v1/referrals/\(id)/refuse", token: receiver, body: ["text": "Geen plaats"]) { response in
                #expect(response.status == .unprocessableEntity)
                let body = try response.content.decode(ErrorBody.self)
                #expect(body.error.field == "reason")
            }
            try await Self.post(app, "api/v1/referrals/\(id)/refuse", token: receiver,
                                body: ["reason": "dutch-level-too-low", "text": "Nederlands A1, opleiding vraagt A2."]) { #expect($0.status == .ok) }
            try await Self.post(app, "api/v1/referrals/\(id)/reconsider", token: receiver,
                                body: ["text": "Na overleg: start met NT2 ernaast."]) { #expect($0.status == .ok) }
            for action in ["accept", "start"] {
                try await Self.post(app, "api/v1/referrals/\(id)/\(action)", token: receiver) { #expect($0.status == .ok) }
            }
            try await Self.post(app, "api/v1/referrals/\(id)/complete", token: receiver, body: ["outcome": "job-normal-economic-circuit"]) {
                #expect($0.status == .ok)
            }

            // The receiver read the snapshot: what the preview showed, no more.
            let (_, received) = try await Self.get(app, "api/v1/referrals/\(id)", token: receiver)
            let snapshot = try #require(received?.snapshot)
            #expect(snapshot.givenName == shown.givenName)
            #expect(snapshot.languages == shown.languages)
            #expect(snapshot.phone == nil)
            #expect(Set(received?.snapshotCategories ?? []) == [.identity, .languages, .workExperience])

            // Closed loop: the sender sees every state, both decisions and the outcome, not the receiver's notes.
            let (status, seen) = try await Self.get(app, "api/v1/referrals/\(id)", token: sender)
            #expect(status == .ok)
            let loop = try #require(seen)
            #expect(loop.state == .completed)
            #expect(loop.outcome == .job)
            #expect(loop.history.map(\.action) == [.send, .receive, .refuse, .reconsider, .accept, .start, .complete])
            #expect(loop.history.first { $0.action == .refuse }?.reason == .dutchLevelTooLow)
            #expect(loop.history.allSatisfy { $0.text == nil })
            #expect(loop.notesWithheld)
            #expect(loop.snapshot == nil)
            // An unrelated organisation does not learn the referral exists.
            #expect(try await Self.get(app, "api/v1/referrals/\(id)", token: world.tokens[.unrelated]![.jobCounsellor]!).0 == .notFound)
        }
    }

    @Test(arguments: TestDatabase.all)
    func notesTravelBackWithARouteAndConsentAndTheSnapshotGoesWithTheConsent(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let world = try await PrivacyWorld.build(app)
            let sender = world.tokens[.owner]![.socialWorker]!
            let receiver = world.tokens[.partnerWithConsent]![.jobCounsellor]!
            let owner = try world.organisations[.owner]!.requireID()
            let partner = try world.organisations[.partnerWithConsent]!.requireID()
            let id = try await Self.draft(app, world: world, to: .partnerWithConsent)
            for action in ["send"] { try await Self.post(app, "api/v1/referrals/\(id)/\(action)", token: sender) { #expect($0.status == .ok) } }
            try await Self.post(app, "api/v1/referrals/\(id)/receive", token: receiver) { #expect($0.status == .ok) }
            try await Self.post(app, "api/v1/referrals/\(id)/refuse", token: receiver,
                                body: ["reason": "no-seats", "text": "Volzet tot januari."]) { #expect($0.status == .ok) }
            // A feedback route and the person's consent let the receiver's note reach the sender.
            let agreement = try #require(try await AgreementModel.query(on: app.db).first())
            try await AgreementRouteModel(agreementID: try agreement.requireID(), fromID: partner, toID: owner,
                                          categories: [.trajectoryAndReferrals]).create(on: app.db)
            _ = try await PrivacyWorld.addConsent(app, token: sender, person: world.personID, recipient: owner,
                                                  categories: [.trajectoryAndReferrals])
            let (_, seen) = try await Self.get(app, "api/v1/referrals/\(id)", token: sender)
            #expect(seen?.history.first { $0.action == .refuse }?.text == "Volzet tot januari.")
            #expect(seen?.notesWithheld == false)

            // Withdrawing the consent takes the snapshot from the receiver at once; the referral stays.
            try await Self.post(app, "api/v1/consents/\(world.consentID)/withdraw", token: sender) { #expect($0.status == .ok) }
            let (status, after) = try await Self.get(app, "api/v1/referrals/\(id)", token: receiver)
            #expect(status == .ok)
            #expect(after?.state == .refused)
            #expect(after?.snapshot == nil)
            // The sender's reason travelled with the snapshot and goes with it; the sender keeps it.
            #expect(after?.reason == nil)
            #expect(try await Self.get(app, "api/v1/referrals/\(id)", token: sender).1?.reason == "Mag werken sinds 2 juli; wil in de logistiek.")
        }
    }

    @Test(arguments: TestDatabase.all)
    func routesConsentDeadlinesAndConcurrentAccepts(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let world = try await PrivacyWorld.build(app)
            let sender = world.tokens[.owner]![.socialWorker]!
            let receiver = world.tokens[.partnerWithConsent]![.jobCounsellor]!
            // No route to an unrelated organisation: nothing is drafted.
            let before = try await ReferralModel.query(on: app.db).count()
            try await Self.post(app, "api/v1/referrals", token: sender, body: [
                "personId": world.personID.uuidString, "toOrganisationId": try world.organisations[.unrelated]!.requireID().uuidString,
                "purpose": "guidance-to-work", "reason": "Test",
            ]) { response in
                #expect(response.status == .unprocessableEntity)
                let body = try response.content.decode(ErrorBody.self)
                #expect(body.error.field == "toOrganisationId")
            }
            #expect(try await ReferralModel.query(on: app.db).count() == before)
            // A route but no consent: the draft cannot be sent, and nothing travels.
            let unconsented = try await Self.draft(app, world: world, to: .partnerWithoutConsent)
            try await Self.post(app, "api/v1/referrals/\(unconsented)/send", token: sender) { response in
                #expect(response.status == .unprocessableEntity)
            }
            #expect(try await ReferralModel.find(unconsented, on: app.db)?.state == .draft)

            // First contact is due 5 working days after sending (Monday 21 September 2026 → Monday 28 September).
            let id = try await Self.draft(app, world: world, to: .partnerWithConsent)
            try await Self.post(app, "api/v1/referrals/\(id)/send", token: sender) { #expect($0.status == .ok) }
            let (_, sent) = try await Self.get(app, "api/v1/referrals/\(id)", token: sender)
            #expect(sent?.dueOn == CalendarDate(2026, 9, 28))
            #expect(sent?.overdue == false)
            // Pretend it was sent two weeks ago: it is overdue for both sides until received.
            try await (app.db as! any SQLDatabase).update(ReferralModel.schema).set("sent_on", to: "2026-09-07")
                .set("due_on", to: "2026-09-14").where("id", .equal, id).run()
            for token in [sender, receiver] {
                try await app.testing().test(.GET, "api/v1/referrals?overdue=true", beforeRequest: { $0.bearer(token) }) { response in
                    let page = try response.content.decode(RegistryAPITests.Listing<ReferralSummaryDTO>.self)
                    #expect(page.items.map(\.id) == [id])
                    #expect(page.items.first?.overdue == true)
                }
            }
            try await Self.post(app, "api/v1/referrals/\(id)/receive", token: receiver) { #expect($0.status == .ok) }
            try await app.testing().test(.GET, "api/v1/referrals?overdue=true", beforeRequest: { $0.bearer(sender) }) { response in
                let page = try response.content.decode(RegistryAPITests.Listing<ReferralSummaryDTO>.self)
                #expect(page.items.isEmpty)
            }

            // Six concurrent accepts: exactly one wins, the others hear what is possible now.
            let statuses = try await withThrowingTaskGroup(of: HTTPStatus.self) { group in
                for _ in 0..<6 {
                    group.addTask {
                        var status = HTTPStatus.internalServerError
                        try await Self.post(app, "api/v1/referrals/\(id)/accept", token: receiver) { status = $0.status }
                        return status
                    }
                }
                return try await group.reduce(into: [HTTPStatus]()) { $0.append($1) }
            }
            #expect(statuses.filter { $0 == .ok }.count == 1)
            #expect(statuses.filter { $0 == .conflict }.count == 5)
            let events = try await ReferralEventModel.query(on: app.db).filter(\.$referral.$id == id).filter(\.$action == .accept).count()
            #expect(events == 1)
        }
    }

    @Test(arguments: TestDatabase.all)
    func aWarmHandOverMovesTheDossierOnlyWhenAccepted(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let world = try await PrivacyWorld.build(app)
            let sender = world.tokens[.owner]![.socialWorker]!
            let receiver = world.tokens[.partnerWithConsent]![.jobCounsellor]!
            let partner = try world.organisations[.partnerWithConsent]!.requireID()
            let id = try await Self.draft(app, world: world, to: .partnerWithConsent, transfersOwnership: true)
            for action in ["send"] { try await Self.post(app, "api/v1/referrals/\(id)/\(action)", token: sender) { #expect($0.status == .ok) } }
            try await Self.post(app, "api/v1/referrals/\(id)/receive", token: receiver) { #expect($0.status == .ok) }
            #expect(try await PersonModel.find(world.personID, on: app.db)?.$owner.id != partner)
            try await Self.post(app, "api/v1/referrals/\(id)/accept", token: receiver) { #expect($0.status == .ok) }
            #expect(try await PersonModel.find(world.personID, on: app.db)?.$owner.id == partner)
            // The new owner sees the whole dossier, the assessment included.
            try await app.testing().test(.GET, "api/v1/persons/\(world.personID)", beforeRequest: { $0.bearer(receiver) }) { response in
                let dossier = try response.content.decode(PersonDTO.self)
                #expect(dossier.labourMarketDistance == .medium)
                #expect(dossier.withheld.isEmpty)
            }
        }
    }
}
