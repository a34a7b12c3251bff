import Foundation
import Testing
import VaporTesting
@testable import SchakelApp
import SchakelCore
import SchakelDemo

/// The caseworker screens, driven as a browser drives them: forms with the session's token, redirects
/// after each step, and what the next reader sees. On both databases.
@Suite("Web pages")
struct WebPageTests {
    static let screening: [String: String] = [
        "givenName": "Amal", "familyName": "Haddad", "birthYear": "1991", "countryOfOrigin": "sy",
        "homeMunicipalityId": "33040", "protectionRequestedOn": "2026-03-02", "status": "applicant", "statusSince": "2026-03-02",
        "dutchLevel": "A1", "dutchAssessedOn": "2026-08-01", "motherTongue": "ar", "occupation": "7512", "occupationYears": "6",
        "jobWishes": "7512, 9412", "phone": "0470 00 00 00",
    ]

    /// The reception chain through the pages: screening with an error first, a draft that warns nothing
    /// would travel, consent with an error first, send; VDAB Ieper receives and accepts; a refusal without
    /// a reason is refused with the field named; the consent withdrawn takes the dossier away from VDAB.
    @Test(arguments: TestDatabase.all)
    func receptionScreensConsentsAndRefersAndVDABAccepts(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            try await Fixtures.demoWorld(app, persons: 0)
            var fedasil = try await WebSession.signIn(app, "social-worker@fedasil-poelkapelle.demo")

            // Screening: a missing family name keeps every value and names the field; nothing is saved.
            var missing = Self.screening
            missing["familyName"] = ""
            let refused = try await fedasil.post("personen", missing)
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.html.contains("href=\"#familyName\""))
            #expect(refused.html.contains("aria-invalid=\"true\""))
            #expect(refused.html.contains("value=\"Amal\""))
            // Everything missing is named at once, not one field per attempt.
            let blank = try await fedasil.post("personen", ["givenName": "Amal", "arrivedOn": "gisteren"])
            for field in ["familyName", "countryOfOrigin", "homeMunicipalityId", "birthYear", "arrivedOn"] {
                #expect(blank.html.contains("href=\"#\(field)\""), "\(field)")
            }
            #expect(try await PersonModel.query(on: app.db).count() == 0)

            let created = try await fedasil.post("personen", Self.screening)
            #expect(created.status == .seeOther)
            let dossierPath = try #require(created.location)
            let personID = try #require(dossierPath.split(separator: "/").last.map(String.init))
            let dossier = try await fedasil.get(String(dossierPath.dropFirst()))
            #expect(dossier.status == .ok)
            #expect(dossier.html.contains("<h1>Amal Haddad</h1>"))
            #expect(dossier.html.visibleText.contains("Mag werken sinds 02/07/2026"))
            #expect(dossier.html.visibleText.contains("Bewaard."))
            #expect(dossier.html.visibleText.contains("ar (moedertaal)"))

            // A draft to VDAB Ieper (the only route from the reception centre) warns that nothing would travel.
            let form = try await fedasil.get("personen/\(personID)/doorverwijzen")
            let vdab = try #require(form.html.option(in: "to", labelled: "VDAB Ieper"))
            let draft = try await fedasil.post("personen/\(personID)/doorverwijzen",
                                               ["to": vdab, "purpose": "guidance-to-work", "reason": "Mag werken; wil bakker worden."])
            let referralPath = try #require(draft.location)
            let referralID = try #require(referralPath.split(separator: "/").last.map(String.init))
            let review = try await fedasil.get(String(referralPath.dropFirst()))
            #expect(review.html.contains("id=\"consent-first\""))
            #expect(review.html.visibleText.contains("Toestand ontwerp"))
            let tooEarly = try await fedasil.post("doorverwijzingen/\(referralID)/stap/send", [:])
            #expect(tooEarly.status == .unprocessableEntity)
            #expect(tooEarly.html.visibleText.contains("gaf geen toestemming"))

            // Oral consent without a witness is refused with the field named; then a signed form.
            let noWitness = try await fedasil.post("personen/\(personID)/toestemmingen",
                                                   ["recipient": vdab, "purpose": "guidance-to-work", "method": "oral-with-witness",
                                                    "cat-identity": "on", "textLanguage": "ar"])
            #expect(noWitness.status == .unprocessableEntity)
            #expect(noWitness.html.contains("href=\"#witness\""))
            let consent = try await fedasil.recordConsent("personen/\(personID)/toestemmingen",
                                                 ["recipient": vdab, "purpose": "guidance-to-work", "method": "signed-form", "textLanguage": "nl",
                                                  "cat-identity": "on", "cat-legal-status": "on", "cat-languages": "on", "cat-work-experience": "on"])
            #expect(consent.status == .seeOther)
            let withConsent = try await fedasil.get("doorverwijzingen/\(referralID)")
            #expect(!withConsent.html.contains("id=\"consent-first\""))
            #expect(withConsent.html.visibleText.contains("Naam Amal Haddad"))
            #expect(!withConsent.html.visibleText.contains("0470 00 00 00"), "contact was not consented: the preview leaves it out")
            let sent = try await fedasil.post("doorverwijzingen/\(referralID)/stap/send", [:])
            #expect(sent.status == .seeOther)
            #expect(try await fedasil.get("doorverwijzingen/\(referralID)").html.visibleText.contains("De doorverwijzing is verstuurd."))

            // VDAB Ieper: in the day's incoming list and the inbox; the snapshot; receive and accept.
            var ieper = try await WebSession.signIn(app, "job-counsellor@vdab-ieper.demo")
            let day = try await ieper.get("start")
            #expect(day.html.contains("href=\"/doorverwijzingen/\(referralID)\""))
            let inbox = try await ieper.get("doorverwijzingen?richting=ontvangen")
            #expect(inbox.html.visibleText.contains("Amal Haddad"))
            let received = try await ieper.get("doorverwijzingen/\(referralID)")
            #expect(received.html.visibleText.contains("Profiel van de verzender"))
            #expect(received.html.visibleText.contains("7512 Bakker, 6 jaar"))
            #expect(!received.html.visibleText.contains("0470 00 00 00"))
            #expect(received.html.contains("action=\"/doorverwijzingen/\(referralID)/stap/receive\""))
            #expect(!received.html.contains("/stap/send\""), "the receiver is not offered the sender's steps")
            #expect(try await ieper.post("doorverwijzingen/\(referralID)/stap/receive", [:]).status == .seeOther)
            let noReason = try await ieper.post("doorverwijzingen/\(referralID)/stap/refuse", ["reason": "", "text": "Geen plaats."])
            #expect(noReason.status == .unprocessableEntity)
            #expect(noReason.html.contains("href=\"#reason\""))
            #expect(try await ieper.post("doorverwijzingen/\(referralID)/stap/accept", [:]).status == .seeOther)
            #expect(try await ieper.get("doorverwijzingen/\(referralID)").html.contains("id=\"referral-state\">aanvaard<"))
            #expect(try await ieper.get("personen/\(personID)").status == .ok)

            // Back at the reception centre: the sender sees the decision; withdrawing asks first, then holds at once.
            let decided = try await fedasil.get("doorverwijzingen/\(referralID)")
            #expect(decided.html.contains("id=\"referral-state\">aanvaard<"))
            let consentID = try #require(try await fedasil.get("personen/\(personID)").html.linkedIDs("toestemmingen").first)
            let ask = try await fedasil.get("toestemmingen/\(consentID)/intrekken")
            #expect(ask.html.visibleText.contains("Toestemming voor VDAB Ieper intrekken?"))
            #expect(ask.html.visibleText.contains("Ik ga ermee akkoord dat VDAB Ieper"))
            #expect(try await fedasil.post("toestemmingen/\(consentID)/intrekken", [:]).status == .seeOther)
            #expect(try await ieper.get("personen/\(personID)").status == .notFound)
        }
    }

    /// An organisation without route and consent gets the dossier's URL as a plain "does not exist".
    @Test(arguments: TestDatabase.all)
    func anotherOrganisationCannotReachAPersonByURL(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            try await Fixtures.demoWorld(app, persons: 0)
            var fedasil = try await WebSession.signIn(app, "social-worker@fedasil-poelkapelle.demo")
            let created = try await fedasil.post("personen", Self.screening)
            let path = String(try #require(created.location).dropFirst())
            var gent = try await WebSession.signIn(app, "job-counsellor@vdab-gent.demo")
            let answer = try await gent.get(path)
            #expect(answer.status == .notFound)
            #expect(!answer.html.contains("Haddad"))
            #expect(try await gent.get(path + "/doorverwijzen").status == .notFound)
            #expect(try await gent.post(path + "/toestemmingen", ["recipient": UUID().uuidString]).status == .notFound)
            var analyst = try await WebSession.signIn(app, "analyst@stad-gent.demo")
            #expect(try await analyst.get("personen").status == .forbidden)
            #expect(try await analyst.get(path).status == .forbidden)
        }
    }

    /// The language is kept with the account: after signing out and in again the pages stay English.
    @Test func languageSwitchSticksPerUser() async throws {
        try await withTestApp(.sqlite) { app in
            try await Fixtures.demoWorld(app, persons: 0)
            var session = try await WebSession.signIn(app, "job-counsellor@vdab-gent.demo")
            #expect(try await session.get("personen").html.contains("<html lang=\"nl\">"))
            let switched = try await session.post("taal", ["taal": "en", "terug": "/personen"])
            #expect(switched.status == .seeOther && switched.location == "/personen")
            let english = try await session.get("personen")
            #expect(english.html.contains("<html lang=\"en\">"))
            #expect(english.html.contains(">Persons</h1>"))
            #expect(english.html.contains("Search by full name"))
            _ = try await session.post("afmelden", [:])
            var again = try await WebSession.signIn(app, "job-counsellor@vdab-gent.demo")
            #expect(try await again.get("start").html.contains(">My day<"))
            // Only a path of this site is followed back.
            let away = try await again.post("taal", ["taal": "nl", "terug": "//evil.example/x"])
            #expect(away.location == "/start")
            #expect(try await again.post("taal", ["taal": "fr"]).status == .unprocessableEntity)
        }
    }

    /// Every form is refused without the session's token, and nothing changes.
    @Test func formsWithoutTheTokenChangeNothing() async throws {
        try await withTestApp(.sqlite) { app in
            try await Fixtures.demoWorld(app, persons: 0)
            var session = try await WebSession.signIn(app, "social-worker@fedasil-poelkapelle.demo")
            let answer = try await session.post("personen", Self.screening, token: "not-the-token")
            #expect(answer.status == .forbidden)
            #expect(answer.html.contains("Het formulier is verlopen"))
            #expect(try await PersonModel.query(on: app.db).count() == 0)
        }
    }

    /// The name search is a POST (no name in a URL) and finds by full name only.
    @Test(arguments: TestDatabase.all)
    func searchFindsByFullNameThroughAPost(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            try await Fixtures.demoWorld(app, persons: 0)
            var session = try await WebSession.signIn(app, "social-worker@fedasil-poelkapelle.demo")
            _ = try await session.post("personen", Self.screening)
            let found = try await session.post("personen/zoeken", ["naam": "amal  haddad"])
            #expect(found.status == .ok)
            #expect(found.html.visibleText.contains("Amal Haddad"))
            let none = try await session.post("personen/zoeken", ["naam": "Amal"])
            #expect(none.html.visibleText.contains("Geen dossier gevonden"))
            let empty = try await session.post("personen/zoeken", ["naam": " "])
            #expect(empty.status == .unprocessableEntity)
            #expect(empty.html.contains("naam-error"))
        }
    }

    /// Editing adds to the history and refuses a version someone else already changed.
    @Test(arguments: TestDatabase.all)
    func editAddsALevelAndRefusesAStaleVersion(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            try await Fixtures.demoWorld(app, persons: 0)
            var session = try await WebSession.signIn(app, "social-worker@fedasil-poelkapelle.demo")
            let path = String(try #require(try await session.post("personen", Self.screening).location).dropFirst())
            let form = try await session.get(path + "/wijzigen")
            #expect(form.html.contains("value=\"Haddad\""))
            let version = try #require(AuthTests.hiddenValue("version", in: form.html))
            var fields = Self.screening
            fields["version"] = version
            fields["dutchLevel"] = "A2"
            fields["dutchAssessedOn"] = "2026-09-15"
            fields["status"] = ""
            fields["phone"] = ""
            let saved = try await session.post(path + "/wijzigen", fields)
            #expect(saved.status == .seeOther)
            let dossier = try await session.get(path).html.visibleText
            #expect(dossier.contains("nl A1 01/08/2026") && dossier.contains("nl A2 15/09/2026"))
            #expect(!dossier.contains("0470 00 00 00"))
            let stale = try await session.post(path + "/wijzigen", fields)
            #expect(stale.status == .conflict)
            #expect(stale.html.visibleText.contains("Iemand anders heeft dit dossier intussen gewijzigd"))
            var badDate = fields
            badDate["version"] = String(Int(version)! + 1)
            badDate["arrivedOn"] = "31-02-2026"
            let refused = try await session.post(path + "/wijzigen", badDate)
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.html.contains("href=\"#arrivedOn\""))
        }
    }

    /// The day, the lists and the catalogue on a small demo world: every screen answers, in the frame
    /// with its menu, with no inline style (the strict CSP) and a heading.
    @Test(arguments: TestDatabase.all)
    func everyCaseworkerScreenAnswersOnTheDemoWorld(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            try await Fixtures.demoWorld(app, persons: 60)
            var session = try await WebSession.signIn(app, "job-counsellor@vdab-ieper.demo")
            let day = try await session.get("start")
            #expect(day.html.contains("aria-current=\"page\">Mijn dag<"))
            for section in ["Binnengekomen doorverwijzingen", "Over de termijn", "Meldingen", "Mijn dossiers"] {
                #expect(day.html.visibleText.contains(section))
            }
            let referralIDs = day.html.linkedIDs("doorverwijzingen") + (try await session.get("doorverwijzingen").html.linkedIDs("doorverwijzingen"))
            let personIDs = try await session.get("personen").html.linkedIDs("personen")
            let offers = try await session.get("aanbod?kind=training")
            let offerIDs = offers.html.linkedIDs("aanbod")
            #expect(!offerIDs.isEmpty)
            var paths = ["start", "personen", "personen/nieuw", "doorverwijzingen", "doorverwijzingen?richting=verzonden&telaat=1",
                         "aanbod", "aanbod?kind=training"]
            paths += personIDs.prefix(2).flatMap { ["personen/\($0)", "personen/\($0)/doorverwijzen"] }
            paths += referralIDs.prefix(2).map { "doorverwijzingen/\($0)" }
            paths += offerIDs.prefix(1).flatMap { ["aanbod/\($0)", "aanbod/\($0)?kandidaten=1"] }
            #expect(paths.count >= 11)
            for path in paths {
                let page = try await session.get(path)
                #expect(page.status == .ok, "\(path)")
                #expect(page.html.contains("<h1"), "\(path)")
                #expect(page.html.contains("class=\"main-nav\""), "\(path)")
                #expect(!page.html.contains("style="), "\(path)")
                #expect(!page.html.contains("<script"), "\(path)")
            }
            // A referral in another organisation's hands is not found; an offer that does not exist neither.
            #expect(try await session.get("doorverwijzingen/\(UUID().uuidString)").status == .notFound)
            #expect(try await session.get("aanbod/\(UUID().uuidString)").status == .notFound)
        }
    }

    /// A new password needs the current one, 12 characters and the same twice; afterwards API tokens stop working.
    @Test func changingThePasswordNeedsTheCurrentOneAndEndsAPITokens() async throws {
        try await withTestApp(.sqlite) { app in
            try await Fixtures.demoWorld(app, persons: 0)
            let email = "consultant@jobteam-gent.demo"
            let token = try await Fixtures.token(app, email: email, password: "schakel-demo")
            var session = try await WebSession.signIn(app, email)
            #expect(try await session.get("wachtwoord").html.contains("autocomplete=\"new-password\""))
            let wrong = try await session.post("wachtwoord", ["current": "not it", "new": "een lang nieuw wachtwoord", "confirm": "een lang nieuw wachtwoord"])
            #expect(wrong.status == .unprocessableEntity && wrong.html.contains("href=\"#current\""))
            let short = try await session.post("wachtwoord", ["current": "schakel-demo", "new": "kort", "confirm": "kort"])
            #expect(short.status == .unprocessableEntity && short.html.contains("href=\"#new\""))
            let differ = try await session.post("wachtwoord", ["current": "schakel-demo", "new": "een lang nieuw wachtwoord", "confirm": "een ander wachtwoord"])
            #expect(differ.status == .unprocessableEntity && differ.html.contains("href=\"#confirm\""))
            let changed = try await session.post("wachtwoord", ["current": "schakel-demo", "new": "een lang nieuw wachtwoord", "confirm": "een lang nieuw wachtwoord"])
            #expect(changed.status == .seeOther)
            try await app.testing().test(.GET, "api/v1/me", beforeRequest: { $0.bearer(token) }) { response in
                #expect(response.status == .unauthorized)
            }
            _ = try await WebSession.signIn(app, email, password: "een lang nieuw wachtwoord")
        }
    }

    /// A step written from the page lands in the trajectory, beside the running one; a bad end date is named.
    @Test(arguments: TestDatabase.all)
    func aStepAddedFromThePageRunsBesideTheOthers(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            try await Fixtures.demoWorld(app, persons: 0)
            var session = try await WebSession.signIn(app, "social-worker@fedasil-poelkapelle.demo")
            let path = String(try #require(try await session.post("personen", Self.screening).location).dropFirst())
            #expect(try await session.get(path + "/traject/nieuw").status == .ok)
            let nt2 = try await session.post(path + "/traject", ["kind": "dutch-nt2", "status": "running", "startsOn": "2026-09-01", "provider": "CVO Ieper"])
            #expect(nt2.status == .seeOther)
            let backwards = try await session.post(path + "/traject", ["kind": "ibo", "status": "planned", "startsOn": "2026-10-01", "endsOn": "2026-09-01"])
            #expect(backwards.status == .unprocessableEntity)
            #expect(backwards.html.visibleText.contains("De einddatum ligt voor de startdatum."))
            _ = try await session.post(path + "/traject", ["kind": "temporary-work-experience", "status": "running", "startsOn": "2026-09-10"])
            let dossier = try await session.get(path).html.visibleText
            #expect(dossier.contains("lessen Nederlands (NT2) lopend 01/09/2026"))
            #expect(dossier.contains("tijdelijke werkervaring · spoor 2"))
            // The NT2 step ends with the level reached; the old version is refused afterwards.
            let nt2Page = try await session.get(path)
            let stepID = try #require(nt2Page.html.range(of: "/traject/[0-9A-F-]{36}\"", options: .regularExpression)
                .map { String(nt2Page.html[$0].dropFirst(9).prefix(36)) })
            let edit = try await session.get(path + "/traject/\(stepID)")
            let version = try #require(AuthTests.hiddenValue("version", in: edit.html))
            let closing = ["kind": "dutch-nt2", "status": "completed", "startsOn": "2026-09-01", "endsOn": "2026-09-20", "outcome": "certificate",
                           "levelReached": "A2", "version": version]
            #expect(try await session.post(path + "/traject/\(stepID)", closing).status == .seeOther)
            #expect(try await session.get(path).html.visibleText.contains("lessen Nederlands (NT2) (A2) afgerond 01/09/2026 20/09/2026"))
            #expect(try await session.post(path + "/traject/\(stepID)", closing).status == .conflict)
            #expect(try await session.post(path + "/mijlpalen", ["milestone": "leaving-reception", "milestoneOn": "2026-09-15"]).status == .seeOther)
            #expect(try await session.get(path).html.visibleText.contains("15/09/2026: verlaat de opvang"))
        }
    }

    /// The administrator sees the chain's organisations, the agreements with what each route lets travel, and
    /// creates an account in their own organisation; other roles do not get the page.
    @Test func theAdministratorSeesAgreementsAndCreatesAnAccount() async throws {
        try await withTestApp(.sqlite) { app in
            try await Fixtures.demoWorld(app, persons: 0)
            var admin = try await WebSession.signIn(app, "administrator@vdab-gent.demo")
            let page = try await admin.get("beheer")
            #expect(page.status == .ok)
            #expect(page.html.contains("aria-current=\"page\">Beheer<"))
            #expect(page.html.visibleText.contains("IN-Gent → VDAB Gent:"))
            let taken = try await admin.post("beheer/accounts", ["name": "Nieuwe Collega", "email": "job-counsellor@vdab-gent.demo",
                                                                 "role": "job-counsellor", "password": "een lang wachtwoord"])
            #expect(taken.status == .unprocessableEntity && taken.html.contains("href=\"#email\""))
            #expect(!taken.html.contains("een lang wachtwoord"), "a password is never shown back")
            let created = try await admin.post("beheer/accounts", ["name": "Nieuwe Collega", "email": "nieuw@vdab-gent.demo",
                                                                   "role": "job-counsellor", "password": "een lang wachtwoord"])
            #expect(created.status == .seeOther)
            _ = try await WebSession.signIn(app, "nieuw@vdab-gent.demo", password: "een lang wachtwoord")
            var caseworker = try await WebSession.signIn(app, "job-counsellor@vdab-gent.demo")
            #expect(try await caseworker.get("beheer").status == .forbidden)
        }
    }

    /// A case conference from the pages: only a person who consented to be discussed with every participant
    /// goes on the agenda; an action for the Jobteam is marked done by the Jobteam.
    @Test(arguments: TestDatabase.all)
    func aCaseConferenceTakesOnlyConsentedPersonsAndItsActionsAreFollowed(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            try await Fixtures.demoWorld(app, persons: 0)
            var vdab = try await WebSession.signIn(app, "job-counsellor@vdab-gent.demo")
            var screening = Self.screening
            screening["homeMunicipalityId"] = "44021"
            let consented = String(try #require(try await vdab.post("personen", screening).location).split(separator: "/").last!)
            screening["givenName"] = "Nour"
            let other = String(try #require(try await vdab.post("personen", screening).location).split(separator: "/").last!)
            let list = try await vdab.get("overleg")
            let jobteam = try #require(list.html.range(of: "id=\"org-([0-9A-F-]{36})\"[^>]*>\\s*<label for=\"org-[0-9A-F-]{36}\">Jobteam Gent<",
                                                       options: .regularExpression).map { String(list.html[$0].dropFirst(8).prefix(36)) })
            _ = try await vdab.recordConsent("personen/\(consented)/toestemmingen", ["recipient": jobteam, "purpose": "case-conference", "method": "signed-form",
                                                                            "cat-identity": "on", "cat-trajectory-and-referrals": "on"])
            let noTitle = try await vdab.post("overleg", ["title": "", "heldOn": "2026-09-25", "org-\(jobteam)": "on"])
            #expect(noTitle.status == .unprocessableEntity && noTitle.html.contains("href=\"#title\""))
            let created = try await vdab.post("overleg", ["title": "Casusoverleg Gent", "heldOn": "2026-09-25", "org-\(jobteam)": "on"])
            let path = String(try #require(created.location).dropFirst())
            let refused = try await vdab.post(path + "/personen", ["person": other])
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.html.visibleText.contains("Jobteam Gent"))
            #expect(try await vdab.post(path + "/personen", ["person": consented]).status == .seeOther)
            let action = try await vdab.post(path + "/punten", ["kind": "action", "text": "Intake plannen", "person": consented,
                                                                "owner": jobteam, "dueOn": "2026-10-02"])
            #expect(action.status == .seeOther)
            var team = try await WebSession.signIn(app, "consultant@jobteam-gent.demo")
            #expect(try await team.get("overleg").html.visibleText.contains("Casusoverleg Gent"))
            let page = try await team.get(path)
            #expect(page.html.visibleText.contains("Amal Haddad"))
            #expect(!page.html.visibleText.contains("Nour Haddad"))
            let itemID = try #require(page.html.range(of: "/punten/[0-9A-F-]{36}/status", options: .regularExpression)
                .map { String(page.html[$0].dropFirst(8).prefix(36)) })
            #expect(try await team.post(path + "/punten/\(itemID)/status", ["status": "done"]).status == .seeOther)
            #expect(try await team.get(path).html.visibleText.contains("gedaan"))
        }
    }

    /// An employer contact's request reaches the employment service, which assigns a contact, answers and closes.
    @Test(arguments: TestDatabase.all)
    func anEmployerRequestIsAssignedAnsweredAndClosedFromThePages(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            try await Fixtures.demoWorld(app, persons: 0)
            var employer = try await WebSession.signIn(app, "employer-contact@bakkerij-van-acker.demo")
            let form = try await employer.get("werkgevers")
            let vdab = try #require(form.html.option(in: "handler", labelled: "VDAB Gent"))
            let missing = try await employer.post("werkgevers", ["kind": "place-offer", "employerName": "Bakkerij Van Acker", "description": ""])
            #expect(missing.status == .unprocessableEntity && missing.html.contains("href=\"#description\""))
            let created = try await employer.post("werkgevers", ["kind": "place-offer", "employerName": "Bakkerij Van Acker",
                                                                 "description": "Twee plaatsen hulpbakker, ook deeltijds.", "handler": vdab])
            let path = String(try #require(created.location).dropFirst())
            var counsellor = try await WebSession.signIn(app, "job-counsellor@vdab-gent.demo")
            #expect(try await counsellor.get("werkgevers").html.visibleText.contains("Bakkerij Van Acker"))
            let page = try await counsellor.get(path)
            let contact = try #require(page.html.option(in: "contact", labelled: "Jobcoach VDAB Gent"))
            #expect(try await counsellor.post(path + "/toewijzen", ["contact": contact]).status == .seeOther)
            #expect(try await counsellor.post(path + "/afsluiten", [:]).status == .conflict, "an unanswered request cannot be closed")
            #expect(try await counsellor.post(path + "/antwoorden", ["answer": "Twee kandidaten voorgesteld."]).status == .seeOther)
            #expect(try await counsellor.post(path + "/afsluiten", [:]).status == .seeOther)
            let closed = try await employer.get(path)
            #expect(closed.html.contains("id=\"request-state\">afgesloten<"))
            #expect(closed.html.visibleText.contains("Twee kandidaten voorgesteld."))
            #expect(!closed.html.contains("id=\"form-close\""), "the employer does not handle its own request")
        }
    }

    /// The frontline workers' questionnaire as a form: a missing answer is named; a complete one is kept
    /// with no user, organisation or time.
    @Test func theEvaluationQuestionnaireIsAFormAndKeepsNoIdentifiers() async throws {
        try await withTestApp(.sqlite) { app in
            try await Fixtures.demoWorld(app, persons: 0)
            var session = try await WebSession.signIn(app, "job-counsellor@vdab-gent.demo")
            let questionnaire = Questionnaire.standard(for: .frontlineWorker)
            let form = try await session.get("enquete/frontline-worker")
            #expect(form.status == .ok)
            #expect(form.html.contains("type=\"radio\""))
            let empty = try await session.post("enquete/frontline-worker", [:])
            #expect(empty.status == .unprocessableEntity)
            let firstRequired = try #require(questionnaire.questions.first { $0.isRequired })
            #expect(empty.html.contains("href=\"#q-\(firstRequired.key)\""))
            var answers: [String: String] = [:]
            for question in questionnaire.questions {
                switch question.kind {
                case .scale: answers["q-\(question.key)"] = "4"
                case .yesNo: answers["q-\(question.key)"] = "yes"
                case .openText: answers["q-\(question.key)"] = "Bel me op 0470 12 34 56 als er vragen zijn."
                }
            }
            #expect(try await session.post("enquete/frontline-worker", answers).status == .seeOther)
            let stored = try #require(try await SurveyResponseModel.query(on: app.db).first())
            #expect(stored.month == 202609)
            #expect(!stored.answers.contains("0470 12 34 56"), "phone numbers in open answers are masked")
        }
    }

    /// The owner downloads everything (art. 15/20) and erases after a reason (art. 17); the access log speaks words.
    @Test(arguments: TestDatabase.all)
    func theOwnerExportsAndErasesFromTheDossier(_ database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            try await Fixtures.demoWorld(app, persons: 0)
            var session = try await WebSession.signIn(app, "social-worker@fedasil-poelkapelle.demo")
            let path = String(try #require(try await session.post("personen", Self.screening).location).dropFirst())
            let dossier = try await session.get(path)
            #expect(dossier.html.visibleText.contains("aangemaakt"), "the access log in words")
            #expect(!dossier.html.contains(">create<"))
            let export = try await session.get(path + "/inzage")
            #expect(export.status == .ok)
            #expect(export.html.contains("\"Haddad\""))
            #expect(try await session.get(path + "/wissen").html.visibleText.contains("Dit kan niet ongedaan worden."))
            let noReason = try await session.post(path + "/wissen", ["reason": " "])
            #expect(noReason.status == .unprocessableEntity && noReason.html.contains("href=\"#reason\""))
            let erased = try await session.post(path + "/wissen", ["reason": "Verzoek van de persoon (art. 17 AVG)."])
            #expect(erased.status == .seeOther && erased.location == "/personen")
            #expect(try await session.get(path).status == .notFound)
            var other = try await WebSession.signIn(app, "job-counsellor@vdab-ieper.demo")
            #expect(try await other.get(path + "/inzage").status == .notFound)
        }
    }

    /// A coordinator sets a target from the figures page; a target ending before it starts is named and not saved.
    @Test func aCoordinatorSetsATargetFromTheFiguresPage() async throws {
        try await withTestApp(.sqlite) { app in
            try await Fixtures.demoWorld(app, persons: 0)
            var analyst = try await WebSession.signIn(app, "analyst@stad-gent.demo")
            let page = try await analyst.get("cijfers")
            let jobteam = try #require(page.html.option(in: "targetOrganisation", labelled: "Jobteam Gent"))
            let backwards = try await analyst.post("cijfers/doelen", ["targetOrganisation": jobteam, "targetTitle": "Naar werk of opleiding",
                                                                     "targetPersons": "900", "targetStartsOn": "2027-01-01", "targetEndsOn": "2026-01-01"])
            #expect(backwards.status == .seeOther)
            #expect(try await analyst.get("cijfers").html.visibleText.contains("De einddatum ligt vóór de begindatum."))
            #expect(try await TargetModel.query(on: app.db).count() == 0)
            _ = try await analyst.post("cijfers/doelen", ["targetOrganisation": jobteam, "targetTitle": "Naar werk of opleiding",
                                                         "targetPersons": "900", "targetStartsOn": "2025-01-01", "targetEndsOn": "2026-12-31"])
            let after = try await analyst.get("cijfers").html.visibleText
            #expect(after.contains("De doelstelling is bewaard."))
            #expect(after.contains("Jobteam Gent: Naar werk of opleiding"))
        }
    }

    /// A provider loads its catalogue from a file: a file with a bad row loads nothing and names the line.
    @Test func aProviderLoadsOffersFromAFileAllOrNothing() async throws {
        try await withTestApp(.sqlite) { app in
            try await Fixtures.demoWorld(app, persons: 0)
            var session = try await WebSession.signIn(app, "job-counsellor@vdab-mechelen.demo")
            #expect(try await session.get("aanbod/laden").html.contains("enctype=\"multipart/form-data\""))
            let before = try await OfferModel.query(on: app.db).count()
            struct Upload: Content { let csrf: String; let file: File }
            func upload(_ csv: String) async throws -> (HTTPStatus, String) {
                var answer: (HTTPStatus, String) = (.ok, "")
                let (cookie, csrf) = (session.cookie, session.csrf)
                try await app.testing().test(.POST, "aanbod/laden", beforeRequest: { request in
                    request.headers.replaceOrAdd(name: .cookie, value: cookie)
                    try request.content.encode(Upload(csrf: csrf, file: File(data: ByteBuffer(string: csv), filename: "aanbod.csv")), as: .formData)
                }) { response in answer = (response.status, response.body.string) }
                return answer
            }
            let header = "provider,kind,title,sector,municipality,schedules,starts_on,seats,funding\n"
            let bad = try await upload(header + "vdab-mechelen,training,Lassen,industrie,12025,day,2026-10-05,8,vdab\n"
                                       + "vdab-mechelen,training,Heftruck,logistiek,12025,day,niet-een-datum,8,vdab\n")
            #expect(bad.0 == .unprocessableEntity)
            #expect(bad.1.contains("line 3") || bad.1.contains("regel 3"))
            #expect(try await OfferModel.query(on: app.db).count() == before)
            let good = try await upload(header + "vdab-mechelen,training,Lassen,industrie,12025,day,2026-10-05,8,vdab\n")
            #expect(good.0 == .seeOther)
            #expect(try await OfferModel.query(on: app.db).count() == before + 1)
        }
    }
}
