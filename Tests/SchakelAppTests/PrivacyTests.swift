import Fluent
import Foundation
import SQLKit
import Testing
import VaporTesting
@testable import SchakelApp
import SchakelCore

@Suite("Privacy: encryption, consent, versions, audit log")
struct PrivacyTests {
    @Test(arguments: TestDatabase.all)
    func namesAreNeverStoredInPlainText(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            try await Fixtures.demoWorld(app, persons: 20)
            let (_, token) = try await Fixtures.signedIn(app, role: .socialWorker)
            var input = PrivacyWorld.personInput
            input["givenName"] = "Zorabelle"
            input["familyName"] = "Quintavexa"
            _ = try await PrivacyWorld.createPerson(app, token: token, input: input)
            let sql = app.db as! any SQLDatabase
            switch database {
            case .sqlite:
                try await sql.raw("PRAGMA wal_checkpoint(TRUNCATE)").run()
                guard case let .sqlite(path) = app.schakel.database else { Issue.record("not sqlite"); return }
                let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
                #expect(bytes.range(of: Data("Zorabelle".utf8)) == nil)
                #expect(bytes.range(of: Data("Quintavexa".utf8)) == nil)
                #expect(bytes.range(of: Data("example.org".utf8)) == nil)
            case .postgres:
                struct Hit: Decodable { let count: Int }
                for needle in ["Zorabelle", "Quintavexa", "example.org"] {
                    let hits = try await sql.raw("""
                        SELECT count(*) AS count FROM persons p WHERE p::text ILIKE \(bind: "%" + needle + "%")
                        """).first(decoding: Hit.self)
                    #expect(hits?.count == 0, "\(needle) found in plain text")
                }
            }
            // …and yet the owner reads it back, and finds the person by name.
            for (name, found) in [("zorabelle  QUINTAVEXA", true), ("Zorabelle", false)] {
                try await app.testing().test(.POST, "api/v1/persons/search", beforeRequest: { request in
                    request.bearer(token)
                    try request.content.encode(["name": name])
                }) { response in
                    #expect(response.status == .ok)
                    #expect(response.body.string.contains("Zorabelle") == found)
                }
            }
        }
    }

    @Test(arguments: TestDatabase.all)
    func aStaleVersionIsRefusedAndNothingIsLost(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let (_, token) = try await Fixtures.signedIn(app, role: .jobCounsellor)
            let id = try await PrivacyWorld.createPerson(app, token: token)
            func patch(_ body: String) async throws -> (HTTPStatus, String) {
                var result: (HTTPStatus, String) = (.ok, "")
                try await app.testing().test(.PATCH, "api/v1/persons/\(id)", beforeRequest: { request in
                    request.bearer(token)
                    request.headers.contentType = .json
                    request.body = ByteBuffer(string: body)
                }) { response in result = (response.status, response.body.string) }
                return result
            }
            let first = try await patch("{\"version\": 1, \"phone\": \"+32 000 11\", \"jobWishes\": [\"9412\"]}")
            #expect(first.0 == .ok)
            let stale = try await patch("{\"version\": 1, \"phone\": \"+32 000 22\"}")
            #expect(stale.0 == .conflict)
            #expect(stale.1.contains("\"field\":\"version\""))
            try await app.testing().test(.GET, "api/v1/persons/\(id)", beforeRequest: { $0.bearer(token) }) { response in
                let person = try response.content.decode(PersonDTO.self)
                #expect(person.version == 2)
                #expect(person.phone == "+32 000 11")
                #expect(person.jobWishes == ["9412"])
                #expect(person.languages?.count == 2)
            }
            #expect(try await patch("{\"version\": 2, \"birthYear\": 1800}").0 == .unprocessableEntity)
            #expect(try await patch("{\"version\": 2, \"homeMunicipalityId\": \"99999\"}").1.contains("homeMunicipalityId"))
            #expect(try await patch("{\"phone\": \"x\"}").1.contains("\"field\":\"version\""))
        }
    }

    @Test(arguments: TestDatabase.all)
    func concurrentUpdatesOfOneVersionNeverBothSucceed(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let (_, token) = try await Fixtures.signedIn(app, role: .jobCounsellor)
            let id = try await PrivacyWorld.createPerson(app, token: token)
            let statuses = try await withThrowingTaskGroup(of: HTTPStatus.self) { group in
                for index in 0..<6 {
                    group.addTask {
                        var status = HTTPStatus.ok
                        try await app.testing().test(.PATCH, "api/v1/persons/\(id)", beforeRequest: { request in
                            request.bearer(token)
                            request.headers.contentType = .json
                            request.body = ByteBuffer(string: "{\"version\": 1, \"phone\": \"+32 000 \(index)\"}")
                        }) { response in status = response.status }
                        return status
                    }
                }
                return try await group.reduce(into: [HTTPStatus]()) { $0.append($1) }
            }
            #expect(statuses.filter { $0 == .ok }.count == 1)
            #expect(statuses.filter { $0 == .conflict }.count == 5)
        }
    }

    @Test(arguments: TestDatabase.all)
    func theAccessLogShowsWhoSawWhatAndTheChainHolds(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let world = try await PrivacyWorld.build(app)
            let partner = world.tokens[.partnerWithConsent]![.jobCounsellor]!
            try await app.testing().test(.GET, "api/v1/persons/\(world.personID)", beforeRequest: { $0.bearer(partner) }) { response in
                #expect(response.status == .ok)
            }
            try await app.testing().test(.GET, "api/v1/persons/\(world.personID)",
                                         beforeRequest: { $0.bearer(world.tokens[.unrelated]![.jobCounsellor]!) }) { response in
                #expect(response.status == .notFound)
            }
            try await app.testing().test(.GET, "api/v1/persons/\(world.personID)/access-log",
                                         beforeRequest: { $0.bearer(world.tokens[.owner]![.socialWorker]!) }) { response in
                let page = try response.content.decode(RegistryAPITests.Listing<AccessLogEntryDTO>.self)
                let partnerOrganisation = try world.organisations[.partnerWithConsent]!.requireID()
                let partnerRead = try #require(page.items.first { $0.organisationId == partnerOrganisation && $0.action == "read" })
                #expect(partnerRead.outcome == "allowed")
                #expect(Set(partnerRead.categories) == ["identity", "languages", "work-experience"])
                #expect(page.items.contains { $0.organisationId == world.organisations[.unrelated]!.id && $0.outcome == "not-found" })
                #expect(page.items.contains { $0.action == "create" })
                #expect(page.items.contains { $0.action == "consent-given" })
            }
            let verified = try await app.auditLog.verify(on: app.db, pageSize: 7)
            #expect(verified.firstBreak == nil)
            #expect(verified.checked == (try await AuditEntryModel.query(on: app.db).count()))

            // Any edit is found, and named.
            let target = try #require(try await AuditEntryModel.query(on: app.db).sort(\.$id).offset(2).first())
            target.outcome = "denied"
            try await target.update(on: app.db)
            let broken = try await app.auditLog.verify(on: app.db, pageSize: 7)
            #expect(broken.firstBreak == .contentChanged(sequence: 3))
            #expect(broken.checked == 2)
        }
    }

    @Test(arguments: TestDatabase.all)
    func parallelReadersNeverForkTheChain(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let (_, token) = try await Fixtures.signedIn(app, role: .socialWorker)
            let id = try await PrivacyWorld.createPerson(app, token: token)
            let before = try await AuditEntryModel.query(on: app.db).count()
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<40 {
                    group.addTask {
                        try await app.testing().test(.GET, "api/v1/persons/\(id)", beforeRequest: { $0.bearer(token) }) { response in
                            #expect(response.status == .ok)
                        }
                    }
                }
                try await group.waitForAll()
            }
            #expect(try await AuditEntryModel.query(on: app.db).count() == before + 40)
            let verified = try await app.auditLog.verify(on: app.db)
            #expect(verified.firstBreak == nil)
            #expect(verified.checked == before + 40)
            // Cutting entries off the end is found as well: the recorded head no longer matches.
            try await AuditEntryModel.query(on: app.db).filter(\.$id == Int64(before + 40)).delete()
            let truncated = try await app.auditLog.verify(on: app.db)
            #expect(truncated.firstBreak == .truncated(lastEntry: before + 39, head: before + 40))
            #expect(truncated.firstBreak?.explanation.contains("the last entry (\(before + 40)) was deleted") == true)
        }
    }

    @Test(arguments: TestDatabase.all)
    func writersInTwoProcessesTakeTurnsOnOneChain(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // A second `AuditLog` is what a second server process on the same database has: its own
            // remembered head, which the first one's appends make stale.
            let other = AuditLog(seal: app.auditLog.seal)
            let event = AuditEvent(userID: UUID(), organisationID: UUID(), personID: UUID(), action: .read,
                                   categories: [.identity], purpose: .guidanceToWork, outcome: .allowed)
            let first = try await app.auditLog.append(event, at: Date(), on: app.db)
            let second = try await other.append(event, at: Date(), on: app.db)
            let third = try await app.auditLog.append(event, at: Date(), on: app.db)
            #expect(second == first + 1)
            #expect(third == second + 1)
            try await withThrowingTaskGroup(of: Void.self) { group in
                for index in 0..<40 {
                    group.addTask {
                        try await (index.isMultiple(of: 2) ? app.auditLog : other).append(event, at: Date(), on: app.db)
                    }
                }
                try await group.waitForAll()
            }
            let verified = try await app.auditLog.verify(on: app.db)
            #expect(verified.firstBreak == nil)
            #expect(verified.checked == Int(third) + 40)
            #expect(try await AuditEntryModel.query(on: app.db).count() == Int(third) + 40)
        }
    }

    @Test(arguments: TestDatabase.all)
    func aDossierWithoutListsReadsWhole(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let (_, token) = try await Fixtures.signedIn(app, role: .socialWorker)
            let input: [String: Any] = ["givenName": "Lege", "familyName": "Lijst", "birthYear": 1988, "countryOfOrigin": "ER",
                                        "homeMunicipalityId": "44021"]
            let id = try await PrivacyWorld.createPerson(app, token: token, input: input)
            try await app.testing().test(.GET, "api/v1/persons/\(id)", beforeRequest: { $0.bearer(token) }) { response in
                #expect(response.status == .ok)
                let dossier = try response.content.decode(PersonDTO.self)
                #expect(dossier.givenName == "Lege")
                #expect(dossier.countryOfOrigin == "ER")
                #expect(dossier.languages == [])
                #expect(dossier.statusHistory == [])
                #expect(dossier.workExperience == [])
                #expect(dossier.education == [])
            }
        }
    }

    @Test func consentNeedsAWitnessWhenOralAndRefusesEmptyCategories() async throws {
        try await withTestApp(.sqlite) { app in
            let world = try await PrivacyWorld.build(app)
            let token = world.tokens[.owner]![.socialWorker]!
            let recipient = try world.organisations[.partnerWithoutConsent]!.requireID()
            for (body, field) in [
                ("{\"recipientOrganisationId\":\"\(recipient)\",\"purpose\":\"training\",\"categories\":[\"identity\"],\"method\":\"oral-with-witness\",\"text\":\"Mondeling akkoord\",\"textLanguage\":\"nl\"}", "witness"),
                ("{\"recipientOrganisationId\":\"\(recipient)\",\"purpose\":\"training\",\"categories\":[],\"method\":\"digital\",\"text\":\"Akkoord\",\"textLanguage\":\"fr\"}", "categories"),
                ("{\"recipientOrganisationId\":\"\(recipient)\",\"purpose\":\"holiday\",\"categories\":[\"identity\"],\"method\":\"digital\",\"text\":\"x\",\"textLanguage\":\"nl\"}", "purpose"),
            ] {
                try await app.testing().test(.POST, "api/v1/persons/\(world.personID)/consents", beforeRequest: { request in
                    request.bearer(token)
                    request.headers.contentType = .json
                    request.body = ByteBuffer(string: body)
                }) { response in
                    #expect(response.status == .unprocessableEntity)
                    let error = try response.content.decode(SchakelErrorMiddleware.Body.self).error
                    #expect(error.field == field)
                }
            }
            // The text is kept in the language it was shown in.
            try await app.testing().test(.GET, "api/v1/persons/\(world.personID)/consents", beforeRequest: { $0.bearer(token) }) { response in
                let consents = try response.content.decode([ConsentDTO].self)
                #expect(consents.count == 1)
                #expect(consents.first?.textLanguage == .nl)
                #expect(consents.first?.text.hasPrefix("Ik geef toestemming") == true)
            }
        }
    }
}
