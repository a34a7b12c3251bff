import AsyncKit
import Fluent
import Foundation
import SQLKit
import Testing
import VaporTesting
@testable import SchakelApp
import SchakelCore

/// What testing the running server found (issue 15): page titles, sign-in, sessions and the audit log. On both engines.
@Suite("Hardening: titles, sign-in, sessions, audit")
struct HardeningTests {
    /// A request that waited as long as it may for a database connection is told the server is busy (503 with
    /// Retry-After, in the reader's language), not that it failed.
    @Test func aRequestThatFindsEveryConnectionBusyIsToldToTryAgain() {
        let described = SchakelErrorMiddleware(maxBodySize: 1024).describe(ConnectionPoolTimeoutError.connectionRequestTimeout, language: .nl)
        #expect(described.status == .serviceUnavailable && described.code == "busy" && described.retryAfter == 5)
        #expect(described.message == Strings.databaseBusy(.nl))
    }

    /// Quotes, angle brackets and an ampersand, and a tag that must never arrive as a tag.
    static let hostile = "Zo\"'<>&<x-inj a=\"1\">"

    /// Every free text that reaches a page title or an attribute comes back escaped: no raw quote, bracket or tag
    /// in the HTML, on the pages that show it (a partner's caseworker opens them).
    @Test(arguments: TestDatabase.all)
    func hostileTextInTitlesAndFieldsComesBackEscaped(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            try await Fixtures.demoWorld(app, persons: 0)
            func check(_ html: String, _ page: String) {
                #expect(!html.contains("<x-inj"), "a tag came through on \(page)")
                #expect(!html.contains("\"'<"), "raw quote and bracket on \(page)")
                #expect(!html.contains("og:title") && !html.contains("twitter:title"), "no social meta tags on \(page)")
                #expect(html.contains("Zo"), "the text is shown on \(page)")
            }
            var vdab = try await WebSession.signIn(app, "job-counsellor@vdab-gent.demo")
            var screening = WebPageTests.screening
            screening["homeMunicipalityId"] = "44021"
            screening["givenName"] = Self.hostile
            screening["familyName"] = Self.hostile
            let created = try await vdab.post("personen", screening)
            #expect(created.status == .seeOther)
            let dossierPath = String(try #require(created.location).dropFirst())
            let dossier = try await vdab.get(dossierPath)
            #expect(dossier.html.contains("<title>Zo\"'&lt;&gt;&amp;&lt;x-inj"))
            check(dossier.html, "dossier")
            check(try await vdab.get(dossierPath + "/wijzigen").html, "edit form")
            check(try await vdab.get("personen").html, "persons")

            let list = try await vdab.get("overleg")
            let jobteam = try #require(AdministrationPageTests.checkboxID(list.html, prefix: "org", label: "Jobteam Gent"))
            let conference = try await vdab.post("overleg", ["title": Self.hostile, "heldOn": "2026-09-25", "org-\(jobteam)": "on"])
            #expect(conference.status == .seeOther)
            check(try await vdab.get(String(try #require(conference.location).dropFirst())).html, "case conference")

            var employer = try await WebSession.signIn(app, "employer-contact@bakkerij-van-acker.demo")
            let form = try await employer.get("werkgevers")
            let handler = try #require(form.html.option(in: "handler", labelled: "VDAB Gent"))
            let question = try await employer.post("werkgevers", ["kind": "place-offer", "employerName": Self.hostile,
                                                                  "description": Self.hostile, "handler": handler])
            #expect(question.status == .seeOther)
            check(try await vdab.get(String(try #require(question.location).dropFirst())).html, "employer request")

            var admin = try await WebSession.signIn(app, "administrator@vdab-gent.demo")
            #expect(try await admin.post("beheer/organisaties", ["name": "OCMW \(Self.hostile)", "kind": "ocmw", "regionId": "40000"]).status == .seeOther)
            let agreementForm = try await admin.get("beheer/overeenkomsten/nieuw")
            let partner = try #require(agreementForm.html.range(of: "id=\"party-([0-9A-F-]{36})\"", options: .regularExpression)
                .map { String(agreementForm.html[$0].dropFirst(10).prefix(36)) })
            let agreement = try await admin.post("beheer/overeenkomsten", [
                "title": Self.hostile, "kind": "bilateral", "regionId": "40000", "validFrom": "2026-01-01",
                "party-\(partner)": "on", "cat-identity": "on", "responseDays": "7",
            ])
            #expect(agreement.status == .seeOther)
            check(try await admin.get(String(try #require(agreement.location).dropFirst())).html, "agreement")
            check(try await admin.get("beheer").html, "administration")
        }
    }

    // MARK: Sign-in

    static func attempt(_ app: Application, email: String, password: String) async throws -> (HTTPStatus, String) {
        var result: (HTTPStatus, String) = (.ok, "")
        try await app.testing().test(.POST, "api/v1/auth/token", beforeRequest: { request in
            try request.content.encode(["email": email, "password": password])
        }) { response in
            result = (response.status, (try? response.content.decode(SchakelErrorMiddleware.Body.self).error.code) ?? "")
        }
        return result
    }

    static func json(_ request: inout TestingHTTPRequest, _ body: [String: Any]) {
        request.headers.contentType = .json
        request.body = ByteBuffer(data: try! JSONSerialization.data(withJSONObject: body))
    }

    /// Fifty wrong passwords at once are counted one by one: exactly as many are checked as the rule allows, and the
    /// right password after them finds the address locked.
    @Test(arguments: TestDatabase.all)
    func parallelWrongPasswordsAreCountedAtomically(_ database: TestDatabase) async throws {
        let throttle = SignInThrottle(freeFailures: 10, baseDelaySeconds: 1, lockAfter: 10, lockDurationSeconds: 900)
        try await withTestApp(database, throttle: throttle) { app in
            let organisation = try await Fixtures.organisation(app)
            let user = try await Fixtures.user(app, organisation: organisation)
            let codes = try await withThrowingTaskGroup(of: String.self) { group in
                for _ in 0..<50 { group.addTask { try await Self.attempt(app, email: user.email, password: "wrong").1 } }
                return try await group.reduce(into: [String]()) { $0.append($1) }
            }
            // The tenth checked password locks; every other answer is the lock, never another check.
            #expect(codes.filter { $0 == "invalid_credentials" }.count == 9)
            #expect(codes.filter { $0 == "account_locked" }.count == 41)
            let record = try #require(try await SignInThrottleModel.find(SignInThrottleModel.key(for: user.email), on: app.db))
            #expect(record.failures == 10)
            let right = try await Self.attempt(app, email: user.email, password: Fixtures.password)
            #expect(right.0 == .tooManyRequests && right.1 == "account_locked")
        }
    }

    /// With the default rule, a burst is slowed after the free attempts: only those few reach the password check.
    @Test(arguments: TestDatabase.all)
    func aBurstIsSlowedAfterTheFreeAttempts(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let organisation = try await Fixtures.organisation(app)
            let user = try await Fixtures.user(app, organisation: organisation)
            let codes = try await withThrowingTaskGroup(of: String.self) { group in
                for _ in 0..<30 { group.addTask { try await Self.attempt(app, email: user.email, password: "wrong").1 } }
                return try await group.reduce(into: [String]()) { $0.append($1) }
            }
            #expect(codes.filter { $0 == "invalid_credentials" }.count == SignInThrottle().freeFailures)
            #expect(codes.filter { $0 == "too_many_attempts" }.count == 30 - SignInThrottle().freeFailures)
            #expect(try await Self.attempt(app, email: user.email, password: Fixtures.password).0 == .tooManyRequests)
        }
    }

    /// Password checks run on threads of their own, and when all of them and the queue are taken the next check is
    /// refused at once (429), instead of waiting and holding up everyone else's requests.
    @Test func passwordChecksBeyondTheQueueAreRefusedAtOnce() async throws {
        let hasher = PasswordHasher(threads: 1, queue: 0, cost: 4)
        defer { hasher.shutdown() }
        let hash = try await hasher.hash("een lang wachtwoord")
        #expect(try await hasher.verify("een lang wachtwoord", against: hash))
        #expect(try await hasher.verify("iets anders", against: hash) == false)
        #expect(try await hasher.verify("wat dan ook", against: nil) == false, "no account: a decoy is checked, never a match")
        let slow = PasswordHasher(threads: 1, queue: 0, cost: 14)
        defer { slow.shutdown() }
        let busy = Task { try await slow.hash("houdt de enige plaats bezet") }
        while slow.underWayCount == 0 { await Task.yield() }
        await #expect(throws: SchakelError.self) { try await slow.verify("te veel", against: hash) }
        _ = try await busy.value
        #expect(try await slow.verify("een lang wachtwoord", against: hash), "free again once the first is done")
    }

    // MARK: Sessions

    /// A browser session ends on the server after an hour without a request and twelve hours after sign-in,
    /// whatever the cookie says.
    @Test(arguments: TestDatabase.all)
    func browserSessionsExpireWhenIdleAndAfterTwelveHours(_ database: TestDatabase) async throws {
        let clock = TestClock()
        try await withTestApp(database, clock: clock) { app in
            try await Fixtures.demoWorld(app, persons: 0)
            var session = try await WebSession.signIn(app, "job-counsellor@vdab-gent.demo")
            clock.advance(seconds: 59 * 60)
            #expect(try await session.get("start").status == .ok, "within the idle time")
            clock.advance(seconds: 61 * 60)
            let idle = try await session.get("start")
            #expect(idle.status == .seeOther && idle.location == "/aanmelden", "an hour idle ends the session")
            #expect(try await WebSessionModel.query(on: app.db).count() == 0)

            var busy = try await WebSession.signIn(app, "job-counsellor@vdab-gent.demo")
            for _ in 0..<23 {
                clock.advance(seconds: 30 * 60)
                #expect(try await busy.get("start").status == .ok)
            }
            clock.advance(seconds: 30 * 60)
            #expect(try await busy.get("start").status == .seeOther, "twelve hours after sign-in, even when busy")
        }
    }

    /// Visiting the sign-in page, being sent there, and a failed sign-in store no session row; signing in stores one.
    @Test(arguments: TestDatabase.all)
    func anonymousVisitsStoreNoSession(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            try await Fixtures.demoWorld(app, persons: 0)
            var visitor = WebSession(app)
            #expect(try await visitor.get("aanmelden").status == .ok)
            #expect(try await visitor.get("start").status == .seeOther)
            _ = try await visitor.get("aanmelden")
            let failed = try await visitor.post("aanmelden", ["email": "job-counsellor@vdab-gent.demo", "password": "niet juist"])
            #expect(failed.html.contains("klopt niet"))
            #expect(try await WebSessionModel.query(on: app.db).count() == 0)
            _ = try await WebSession.signIn(app, "job-counsellor@vdab-gent.demo")
            #expect(try await WebSessionModel.query(on: app.db).count() == 1)
            // Only a hash of the cookie is stored: a copy of the table signs no one in.
            let stored = try #require(try await WebSessionModel.query(on: app.db).first())
            #expect(stored.id?.count == 64)
        }
    }

    /// A new password ends every other browser session and every API token of the account; this browser goes on.
    @Test(arguments: TestDatabase.all)
    func aPasswordChangeEndsEverySessionAndToken(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            try await Fixtures.demoWorld(app, persons: 0)
            let email = "job-counsellor@vdab-gent.demo"
            var here = try await WebSession.signIn(app, email)
            var elsewhere = try await WebSession.signIn(app, email)
            let token = try await Fixtures.token(app, email: email, password: "schakel-demo")
            _ = try await here.get("wachtwoord")
            let changed = try await here.post("wachtwoord", ["current": "schakel-demo", "new": "een lang nieuw wachtwoord",
                                                             "confirm": "een lang nieuw wachtwoord"])
            #expect(changed.status == .seeOther)
            #expect(try await here.get("start").status == .ok, "this browser stays signed in")
            let other = try await elsewhere.get("start")
            #expect(other.status == .seeOther && other.location == "/aanmelden", "the other browser is signed out")
            try await app.testing().test(.GET, "api/v1/me", beforeRequest: { $0.bearer(token) }) { response in
                #expect(response.status == .unauthorized)
            }
            #expect(try await WebSessionModel.query(on: app.db).count() == 1)
        }
    }

    // MARK: Audit

    /// A write and its audit entry commit together: when the entry cannot be written, the write is not kept either.
    @Test(arguments: TestDatabase.all)
    func aWriteIsNeverCommittedWithoutItsAuditEntry(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let (_, token) = try await Fixtures.signedIn(app, role: .socialWorker)
            let personID = try await PrivacyWorld.createPerson(app, token: token)
            let sql = app.db as! any SQLDatabase
            // Break the audit log's head: every append now fails.
            try await sql.raw("UPDATE audit_head SET id = 2 WHERE id = 1").run()
            let version = try #require(try await PersonModel.find(personID, on: app.db)?.version)
            try await app.testing().test(.PATCH, "api/v1/persons/\(personID)", beforeRequest: { request in
                request.bearer(token)
                Self.json(&request, ["version": version, "countryOfOrigin": "ER"])
            }) { response in
                #expect(response.status == .internalServerError)
            }
            let person = try #require(try await PersonModel.find(personID, on: app.db))
            #expect(person.version == version, "the update was rolled back with its audit entry")
            #expect(person.countryOfOrigin == "SY")
            try await sql.raw("UPDATE audit_head SET id = 1 WHERE id = 2").run()
            #expect(try await app.auditLog.verify(on: app.db).firstBreak == nil)
        }
    }

    /// Refused writes are on the person's record with their outcome; a trajectory step is one entry, not two.
    @Test(arguments: TestDatabase.all)
    func refusedWritesAreRecordedAndAStepIsOneEntry(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let (user, token) = try await Fixtures.signedIn(app, role: .socialWorker)
            let personID = try await PrivacyWorld.createPerson(app, token: token)
            func entries() async throws -> [AuditEntryModel] {
                try await AuditEntryModel.query(on: app.db).filter(\.$personID == personID).sort(\.$id).all()
            }
            let before = try await entries().count
            try await app.testing().test(.PATCH, "api/v1/persons/\(personID)", beforeRequest: { request in
                request.bearer(token)
                Self.json(&request, ["version": 99, "countryOfOrigin": "ER"])
            }) { #expect($0.status == .conflict) }
            try await app.testing().test(.PATCH, "api/v1/persons/\(personID)", beforeRequest: { request in
                request.bearer(token)
                Self.json(&request, ["version": 1, "birthYear": 1700])
            }) { #expect($0.status == .unprocessableEntity) }
            let afterRefusals = try await entries()
            #expect(afterRefusals.count == before + 2)
            #expect(afterRefusals.suffix(2).map(\.outcome) == ["conflict", "invalid"])
            #expect(afterRefusals.suffix(2).allSatisfy { $0.action == "update" && $0.userID == user.id })

            try await app.testing().test(.POST, "api/v1/persons/\(personID)/trajectory/steps", beforeRequest: { request in
                request.bearer(token)
                Self.json(&request, ["kind": "dutch-nt2", "startsOn": "2026-09-01", "status": "running"])
            }) { #expect($0.status == .created) }
            let afterStep = try await entries()
            #expect(afterStep.count == afterRefusals.count + 1, "one step, one entry")
            #expect(afterStep.last?.outcome == "allowed")
            #expect(try await app.auditLog.verify(on: app.db).firstBreak == nil)
        }
    }

    /// Someone who can write to the database cannot make a forged or rewritten log verify: the chain is sealed
    /// with a key that is not in the database. A cut tail with the head moved back is found against a checkpoint.
    @Test(arguments: TestDatabase.all)
    func theKeyedChainFindsForgeriesAndACheckpointFindsACutTail(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let event = AuditEvent(userID: UUID(), organisationID: UUID(), personID: UUID(), action: .read,
                                   categories: [.identity], purpose: .guidanceToWork, outcome: .allowed)
            for _ in 0..<10 { try await app.auditLog.append(event, at: Date(timeIntervalSince1970: 1_790_000_000), on: app.db) }
            let checkpoint = try await app.auditLog.checkpoint(on: app.db, at: Date(timeIntervalSince1970: 1_790_000_100))
            #expect(checkpoint.sequence == 10)
            #expect(try await app.auditLog.verify(on: app.db, checkpoint: checkpoint).firstBreak == nil)
            let sql = app.db as! any SQLDatabase

            // A forged entry appended with a plain SHA-256 (what a database writer can compute) and the head moved on.
            let last = try #require(try await AuditEntryModel.query(on: app.db).sort(\.$id, .descending).first())
            let forgedContent = AuditLog.content(sequence: 11, atMilliseconds: 1_790_000_000_000, event: event)
            let forgedHash = AuditChain.hash(content: forgedContent, previousHash: last.hash, using: AuditLog.sha256)
            try await sql.raw("""
                INSERT INTO audit_entries (id, at, user_id, organisation_id, person_id, action, categories, purpose, outcome, previous_hash, hash, key_id)
                VALUES (11, \(bind: Date(timeIntervalSince1970: 1_790_000_000)), \(bind: event.userID), \(bind: event.organisationID),
                        \(bind: event.personID), 'read', '["identity"]', 'guidance-to-work', 'allowed', \(bind: last.hash), \(bind: forgedHash),
                        \(bind: last.keyID))
                """).run()
            #expect(try await app.auditLog.verify(on: app.db).firstBreak == .contentChanged(sequence: 11))
            // The same without a key id: an unkeyed entry after keyed ones.
            try await sql.raw("UPDATE audit_entries SET key_id = NULL WHERE id = 11").run()
            #expect(try await app.auditLog.verify(on: app.db).firstBreak == .unkeyed(sequence: 11))
            try await sql.raw("DELETE FROM audit_entries WHERE id = 11").run()

            // Entries 9 and 10 deleted and the head moved back to entry 8: the chain alone holds, the checkpoint does not.
            try await sql.raw("DELETE FROM audit_entries WHERE id > 8").run()
            let eighth = try #require(try await AuditEntryModel.find(8, on: app.db))
            try await sql.raw("UPDATE audit_head SET sequence = 8, hash = \(bind: eighth.hash) WHERE id = 1").run()
            #expect(try await app.auditLog.verify(on: app.db).firstBreak == nil)
            let cut = try await app.auditLog.verify(on: app.db, checkpoint: checkpoint)
            #expect(cut.firstBreak == .cutBeforeCheckpoint(sequence: 10, lastEntry: 8))
            #expect(cut.checked == 8)

            // A checkpoint edited by hand (a later sequence, to hide a cut) is refused: its signature no longer holds.
            var edited = checkpoint
            edited.sequence = 8
            edited.hash = eighth.hash
            await #expect(throws: AuditLog.AuditProblem.self) { try await app.auditLog.verify(on: app.db, checkpoint: edited) }
            // A checkpoint survives its one-line form.
            #expect(AuditChain.Checkpoint(line: checkpoint.line) == checkpoint)
        }
    }
}
