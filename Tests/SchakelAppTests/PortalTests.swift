import Fluent
import Foundation
import SQLKit
import Testing
import VaporTesting
import Vapor
@testable import SchakelApp
import SchakelCore

/// "Mijn Schakel", the person's own portal: the catalogue in every language, the invitation and its one-time code,
/// sign-in and lock-out, every page, withdrawal, corrections and the questionnaire; and that a person sees their own
/// dossier only, through the access rule's client role, every read recorded.
@Suite("Mijn Schakel: the person's own portal")
struct PortalTests {
    // MARK: The catalogue

    /// Every key in every language, none empty, none the Dutch standing in, the Dutch placeholders kept; only Dutch, the
    /// source, counts as reviewed.
    @Test(arguments: ConsentLanguage.allCases)
    func everyLanguageHasEveryPortalText(language: ConsentLanguage) {
        let catalogue = PortalText.catalogue(language)
        #expect(catalogue.language == language)
        #expect(catalogue.reviewedByTranslator == (language == .nl))
        #expect(catalogue.texts.count == PortalText.Key.all.count, "\(language) has keys outside the list")
        #expect(Set(PortalText.Key.all).count == PortalText.Key.all.count)
        for key in PortalText.Key.all {
            let text = catalogue[key]
            #expect(!text.trimmingCharacters(in: .whitespaces).isEmpty, "\(language) \(key.name) is empty")
            let dutch = PortalText.nl[key]
            #expect(Self.placeholders(text) == Self.placeholders(dutch), "\(language) \(key.name) placeholders")
            if language != .nl { #expect(text != dutch, "\(language) \(key.name) is the Dutch text") }
        }
        let filled = catalogue(.referralTo, ["organisation": "VDAB Ieper"])
        #expect(filled.contains("VDAB Ieper") && !filled.contains("{"))
    }

    static func placeholders(_ text: String) -> Set<String> {
        Set(text.components(separatedBy: "{").dropFirst().compactMap { $0.components(separatedBy: "}").count > 1 ? $0.components(separatedBy: "}")[0] : nil })
    }

    @Test func codesAreDigitsInGroupsWhateverDigitsAreTyped() {
        #expect(Portal.Codes.grouped("123456789012") == "1234 5678 9012")
        #expect(Portal.Codes.grouped("1234567890") == "1234 5678 90")
        #expect(Portal.Codes.normalised("1234 5678-90", length: 10) == "1234567890")
        // Arabic-Indic and Persian digits, as Arabic, Dari and Pashto keyboards type them.
        #expect(Portal.Codes.normalised("١٢٣٤ ٥٦٧٨ ٩٠", length: 10) == "1234567890")
        #expect(Portal.Codes.normalised("۱۲۳۴۵۶۷۸۹۰", length: 10) == "1234567890")
        for bad in ["12345678901", "123456789", "12345678a0", "\"'<>&", String(repeating: "1", count: 50_000)] {
            #expect(Portal.Codes.normalised(bad, length: 10) == nil, "\(bad.prefix(20))")
        }
        let numbers = (0..<50).map { _ in Portal.Codes.newAccountNumber() }
        #expect(numbers.allSatisfy { $0.count == 10 && $0.allSatisfy(\.isNumber) } && Set(numbers).count == 50)
        #expect(Portal.Codes.newCode().count == 12)
        // Direction marks a right-to-left keyboard or a copy puts in are no part of the number.
        #expect(Portal.Codes.normalised("\u{200F}1234 5678 90\u{2069}", length: 10) == "1234567890")
    }

    @Test func aPassphraseIsTheSameWordsOnAnyPhone() {
        // The Arabic and the Persian keyboard's yeh and kaf; a letter with its accent composed or not.
        #expect(Portal.passphraseKey("علي كريم في البيت") == Portal.passphraseKey("علی کریم فی البیت"))
        #expect(Portal.passphraseKey("caf\u{E9} au lait") == Portal.passphraseKey("cafe\u{301} au lait"))
        #expect(Portal.passphraseKey("blauwe fiets") != Portal.passphraseKey("Blauwe fiets"))
        // Past bcrypt's 72 bytes (24 Tigrinya letters) the passphrase still counts whole.
        let long = String(repeating: "ሰላም ", count: 10)
        #expect(Portal.passphraseKey(long + "ሀ") != Portal.passphraseKey(long + "ለ"))
        #expect(Portal.passphraseKey(long).utf8.count < 72)
    }

    // MARK: Invitation, sign-in, lock-out

    static let throttle = SignInThrottle(freeFailures: 2, baseDelaySeconds: 1, lockAfter: 4, lockDurationSeconds: 600)

    @Test(arguments: TestDatabase.all)
    func theCaseworkerInvitesAndThePersonOpensTheirPageOnce(database: TestDatabase) async throws {
        let clock = TestClock()
        try await withTestApp(database, clock: clock, throttle: Self.throttle) { app in
            try await Fixtures.demoWorld(app, persons: 0)
            let api = JSONAPI(app: app)
            let person = try await PrivacyWorld.createPerson(app, token: try await api.token("social-worker", "fedasil-poelkapelle"))
            var worker = try await WebSession.signIn(app, "social-worker@fedasil-poelkapelle.demo")
            let dossier = try await worker.get("personen/\(person)")
            #expect(dossier.html.contains("id=\"mijn-schakel\"") && dossier.html.visibleText.contains("nog geen toegang"))

            // The letter in Arabic: right to left, the codes left to right, the QR code, kept by nothing.
            let answer = try await worker.post("personen/\(person)/mijn-schakel", ["taal": "ar"])
            #expect(answer.status == .ok)
            let letter = try Letter(answer.html)
            #expect(answer.html.contains("<html lang=\"ar\" dir=\"rtl\">"))
            #expect(answer.html.contains(PortalText.ar[.letterTitle]) && answer.html.contains("<svg"))
            #expect(answer.html.contains(Portal.Codes.grouped(letter.code)))
            var noStore = false
            try await app.testing().test(.GET, "mijn/welkom") { noStore = $0.headers.first(name: .cacheControl) == "no-store" }
            #expect(noStore)
            // Only the hash of the code is kept.
            let account = try #require(try await PortalAccountModel.query(on: app.db).first())
            #expect(account.codeHash == Portal.Codes.hash(letter.code, keyring: try app.keyring) && account.passphraseHash == nil
                    && account.language == .ar)
            // Keyed: the plain SHA-256 of the code, which a copy of the database could be searched for, is not what is kept.
            #expect(account.codeHash != SHA256.hash(data: Data(letter.code.utf8)).hex)
            // The QR code holds the address and the account number, never the code.
            #expect(answer.html.contains("<svg") && !answer.html.contains("code=\(letter.code)"))
            #expect(try await AuditEntryModel.query(on: app.db).filter(\.$action == "portal-invitation").count() == 1)

            // Another organisation cannot invite, and learns nothing: the same 404 as for an id that names no one.
            var stranger = try await WebSession.signIn(app, "job-counsellor@vdab-ieper.demo")
            #expect(try await stranger.post("personen/\(person)/mijn-schakel", ["taal": "ar"]).status == .notFound)
            #expect(try await stranger.post("personen/\(UUID())/mijn-schakel", ["taal": "ar"]).status == .notFound)
            #expect(try await worker.post("personen/\(person)/mijn-schakel", ["taal": "xx"]).status == .unprocessableEntity)

            // The QR code's address fills in the account number (also after choosing another language); the code is typed.
            // A weak or mistyped passphrase is refused in Arabic, nothing spent.
            var phone = PortalBrowser(app)
            let form = try await phone.get(letter.qrPath + "&taal=ar")
            #expect(form.html.contains("id=\"account\" name=\"account\" value=\"\(letter.account)\"") && !form.html.contains(letter.code))
            #expect(form.html.contains("<input type=\"hidden\" name=\"account\" value=\"\(letter.account)\""), "the language choice keeps it")
            #expect(form.headers.first(name: "Referrer-Policy") == "no-referrer")
            let short = try await phone.post("mijn/welkom", ["account": letter.account, "code": letter.code, "passphrase": "kort",
                                                             "repeat": "kort"])
            #expect(short.status == .unprocessableEntity && short.html.contains(PortalText.ar(.errPassphraseShort, ["count": "10"])))
            let differ = try await phone.post("mijn/welkom", ["account": letter.account, "code": letter.code,
                                                              "passphrase": "blauwe fiets in de regen", "repeat": "groene fiets"])
            #expect(differ.status == .unprocessableEntity && differ.html.contains(PortalText.ar[.errPassphraseMismatch]))
            let wrong = try await phone.post("mijn/welkom", ["account": letter.account, "code": "000000000000",
                                                             "passphrase": "blauwe fiets in de regen", "repeat": "blauwe fiets in de regen"])
            #expect(wrong.status == .unauthorized && wrong.html.contains(PortalText.ar[.errCode]))
            // Without the form's token nothing happens.
            let forged = try await phone.post("mijn/welkom", ["account": letter.account, "code": letter.code,
                                                              "passphrase": "blauwe fiets in de regen", "repeat": "blauwe fiets in de regen"],
                                              token: "forged-token-forged-token-forged!")
            #expect(forged.status == .forbidden)
            clock.advance(seconds: 5)
            // Typed with an Arabic keyboard's digits, as the person may.
            let arabicDigits = String(letter.account.unicodeScalars.map { Character(Unicode.Scalar($0.value - 0x30 + 0x660)!) })
            let opened = try await phone.post("mijn/welkom", ["account": arabicDigits, "code": letter.code,
                                                              "passphrase": "blauwe fiets in de regen", "repeat": "blauwe fiets in de regen"])
            #expect(opened.status == .seeOther && opened.location == "/mijn", "\(opened.html.visibleText.prefix(300))")
            let home = try await phone.get("mijn")
            #expect(home.status == .ok && home.html.contains("<html lang=\"ar\" dir=\"rtl\">") && home.html.contains(PortalText.ar[.homeTitle]))

            // The code worked once.
            var other = PortalBrowser(app)
            _ = try await other.get("mijn/welkom")
            let again = try await other.post("mijn/welkom", ["account": letter.account, "code": letter.code,
                                                             "passphrase": "iemand anders probeert", "repeat": "iemand anders probeert"])
            #expect(again.status == .unauthorized)

            // The dossier shows the access, its language and its last use.
            let shown = try await worker.get("personen/\(person)")
            #expect(shown.html.visibleText.contains("in gebruik") && shown.html.visibleText.contains("Arabisch"))
            #expect(shown.html.visibleText.contains("Nagelezen door een gekwalificeerd vertaler: nee"))
            #expect(!shown.html.visibleText.contains("Laatst gebruikt nog nooit"))

            // Sign out, sign in with the account number and the passphrase; the cookie names no session after sign-out.
            _ = try await phone.post("mijn/afmelden", [:])
            #expect(try await phone.get("mijn/plan").location == "/mijn/aanmelden")
            var later = PortalBrowser(app)
            _ = try await later.get("mijn/aanmelden")
            let signedIn = try await later.post("mijn/aanmelden", ["account": Portal.Codes.grouped(letter.account),
                                                                  "passphrase": "blauwe fiets in de regen"])
            #expect(signedIn.status == .seeOther && signedIn.location == "/mijn")

            // Wrong passphrases slow down, then lock, like staff sign-in; while locked even the right one is refused.
            var guesser = PortalBrowser(app)
            _ = try await guesser.get("mijn/aanmelden")
            var statuses: [HTTPStatus] = []
            for _ in 0..<6 {
                statuses.append(try await guesser.post("mijn/aanmelden", ["account": letter.account, "passphrase": "fout fout fout"]).status)
                clock.advance(seconds: 10)
            }
            #expect(statuses.prefix(2) == [.unauthorized, .unauthorized] && statuses.last == .tooManyRequests, "\(statuses)")
            let locked = try await guesser.post("mijn/aanmelden", ["account": letter.account, "passphrase": "blauwe fiets in de regen"])
            #expect(locked.status == .tooManyRequests && locked.headers.first(name: .retryAfter) != nil)
            #expect(locked.html.contains(PortalText.nl[.errLocked].components(separatedBy: "{").first!))
            // An account number that does not exist answers the same.
            #expect(try await guesser.post("mijn/aanmelden", ["account": "9999999999", "passphrase": "fout fout fout"]).status == .unauthorized)

            // The caseworker closes the access: the signed-in phone is out at once, and nothing signs in.
            clock.advance(seconds: 700)
            _ = try await worker.get("personen/\(person)")
            let closed = try await worker.post("personen/\(person)/mijn-schakel/sluiten", [:])
            #expect(closed.status == .seeOther)
            #expect(try await later.get("mijn/plan").location == "/mijn/aanmelden")
            var retry = PortalBrowser(app)
            _ = try await retry.get("mijn/aanmelden")
            #expect(try await retry.post("mijn/aanmelden", ["account": letter.account, "passphrase": "blauwe fiets in de regen"]).status
                    == .unauthorized)

            // A new letter opens it again; an unused code stops working when it expires.
            var staff = try await WebSession.signIn(app, "social-worker@fedasil-poelkapelle.demo")
            _ = try await staff.get("personen/\(person)")
            let second = try await Letter.make(&staff, person: person, language: "ti")
            #expect(second.account == letter.account && second.code != letter.code)
            // Opened with the new letter, the new passphrase ends every browser signed in before.
            var kept = PortalBrowser(app)
            _ = try await kept.get("mijn/welkom")
            #expect(try await kept.post("mijn/welkom", ["account": second.account, "code": second.code, "passphrase": "een nieuwe wachtzin",
                                                        "repeat": "een nieuwe wachtzin"]).status == .seeOther)
            #expect(try await kept.get("mijn/plan").status == .ok)
            let third = try await Letter.make(&staff, person: person, language: "ti")
            var renewed = try await PortalBrowser.activate(app, letter: third, passphrase: "nog een andere wachtzin")
            #expect(try await kept.get("mijn/plan").location == "/mijn/aanmelden")
            #expect(try await renewed.get("mijn/plan").status == .ok)
            let fourth = try await Letter.make(&staff, person: person, language: "ti")
            clock.advance(seconds: 15 * 86_400)
            var late = PortalBrowser(app)
            _ = try await late.get(fourth.qrPath)
            #expect(try await late.post("mijn/welkom", ["account": fourth.account, "code": fourth.code,
                                                        "passphrase": "blauwe fiets in de regen", "repeat": "blauwe fiets in de regen"]).status
                    == .unauthorized)
        }
    }

    /// Fifty phones send the same letter at once: one opens the page, the others are told the code does not work.
    @Test(arguments: TestDatabase.all)
    func aCodeOpensThePageOnceWhenSentFiftyTimesAtOnce(database: TestDatabase) async throws {
        try await withTestApp(database, throttle: SignInThrottle(freeFailures: 1000, lockAfter: 1000)) { app in
            try await Fixtures.demoWorld(app, persons: 0)
            let person = try await PrivacyWorld.createPerson(app, token: try await JSONAPI(app: app).token("social-worker", "fedasil-poelkapelle"))
            var worker = try await WebSession.signIn(app, "social-worker@fedasil-poelkapelle.demo")
            let letter = try await Letter.make(&worker, person: person, language: "nl")
            var browser = PortalBrowser(app)
            _ = try await browser.get("mijn/welkom")
            let ready = browser
            let statuses = try await withThrowingTaskGroup(of: HTTPStatus.self) { group in
                for index in 0..<50 {
                    group.addTask {
                        var phone = ready
                        let phrase = "wachtzin nummer \(index) van vijftig"
                        return try await phone.post("mijn/welkom", ["account": letter.account, "code": letter.code,
                                                                    "passphrase": phrase, "repeat": phrase]).status
                    }
                }
                return try await group.reduce(into: [HTTPStatus]()) { $0.append($1) }
            }
            #expect(statuses.filter { $0 == .seeOther }.count == 1, "\(statuses)")
            #expect(statuses.filter { $0 != .seeOther }.allSatisfy { $0 == .unauthorized }, "\(statuses)")
            #expect(try await PortalSessionModel.query(on: app.db).count() == 1)
        }
    }

    /// A partner's system invites through the API and prints its own letter; the owner alone, as on the pages.
    @Test(arguments: TestDatabase.all)
    func theOwnersSystemInvitesAndClosesThroughTheAPI(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            try await Fixtures.demoWorld(app, persons: 0)
            let api = JSONAPI(app: app)
            let owner = try await api.token("social-worker", "fedasil-poelkapelle")
            let stranger = try await api.token("job-counsellor", "vdab-ieper")
            let person = try await PrivacyWorld.createPerson(app, token: owner)
            let none = try await api.get("persons/\(person)/portal-access", token: owner)
            #expect(none.status == .ok && none["state"] as? String == "none", "\(none.text)")
            let missing = try await api.post("persons/\(person)/portal-access/invitation", token: owner, [:])
            #expect(missing.status == .unprocessableEntity && (missing["error"] as? [String: Any])?["field"] as? String == "language")
            var headers = HTTPHeaders()
            var invitation: [String: Any] = [:]
            try await app.testing().test(.POST, "api/v1/persons/\(person)/portal-access/invitation", beforeRequest: { request in
                request.bearer(owner)
                try request.content.encode(["language": "ps"])
            }) { response in
                #expect(response.status == .created)
                headers = response.headers
                invitation = (try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as? [String: Any]) ?? [:]
            }
            #expect(headers.first(name: .cacheControl) == "no-store")
            let account = try #require(invitation["accountNumber"] as? String)
            let code = try #require(invitation["code"] as? String)
            #expect(account.count == 10 && code.count == 12 && invitation["language"] as? String == "ps")
            #expect((invitation["address"] as? String)?.hasSuffix("/mijn/welkom?taal=ps&account=\(account)") == true)
            let state = try await api.get("persons/\(person)/portal-access", token: owner)
            #expect(state["state"] as? String == "invited" && state["language"] as? String == "ps"
                    && state["reviewedByTranslator"] as? Bool == false)
            // The code the system printed opens the page.
            var phone = try await PortalBrowser.activate(app, letter: Letter(account: account, code: code))
            #expect(try await phone.get("mijn").html.contains("<html lang=\"ps\" dir=\"rtl\">"))
            #expect(try await api.get("persons/\(person)/portal-access", token: owner)["state"] as? String == "active")
            // Another organisation learns nothing: the same 404 as for an id that names no one.
            for path in ["persons/\(person)/portal-access", "persons/\(UUID())/portal-access"] {
                #expect(try await api.get(path, token: stranger).status == .notFound)
                #expect(try await api.post(path + "/invitation", token: stranger, ["language": "ar"]).status == .notFound)
                #expect(try await api.post(path + "/revoke", token: stranger).status == .notFound)
            }
            let closed = try await api.post("persons/\(person)/portal-access/revoke", token: owner)
            #expect(closed.status == .ok && closed["state"] as? String == "revoked")
            #expect(try await phone.get("mijn/plan").location == "/mijn/aanmelden")
        }
    }

    /// The owner's inbox is not a place to flood: five requests may wait at most, also when fifty are sent at once.
    @Test(arguments: TestDatabase.all)
    func fiveCorrectionsMayWaitAtMostEvenSentFiftyAtOnce(database: TestDatabase) async throws {
        // The fifty take turns on the account's row: on a machine the whole suite keeps busy, the last may wait longer than
        // a request's usual 30 s for a connection (it would then be told 503, try again). What is checked is the cap.
        try await withTestApp(database, adjust: { $0.databaseWait = 300 }) { app in
            try await Fixtures.demoWorld(app, persons: 0)
            let person = try await PrivacyWorld.createPerson(app, token: try await JSONAPI(app: app).token("social-worker", "fedasil-poelkapelle"))
            var worker = try await WebSession.signIn(app, "social-worker@fedasil-poelkapelle.demo")
            var phone = try await PortalBrowser.activate(app, letter: try await Letter.make(&worker, person: person, language: "fa"))
            _ = try await phone.get("mijn/verbetering")
            let ready = phone
            let statuses = try await withThrowingTaskGroup(of: HTTPStatus.self) { group in
                for index in 0..<50 {
                    group.addTask {
                        var browser = ready
                        return try await browser.post("mijn/verbetering", ["text": "Bericht \(index): mijn adres klopt niet."]).status
                    }
                }
                return try await group.reduce(into: [HTTPStatus]()) { $0.append($1) }
            }
            #expect(statuses.filter { $0 == .seeOther }.count == 5, "\(statuses)")
            #expect(statuses.filter { $0 != .seeOther }.allSatisfy { $0 == .tooManyRequests }, "\(statuses)")
            #expect(try await CorrectionRequestModel.query(on: app.db).count() == 5)
            #expect(try await NotificationModel.query(on: app.db).filter(\.$kind == .correctionRequested).count() == 5)
            #expect(try await AuditEntryModel.query(on: app.db).filter(\.$action == "own-correction-request").count() == 5)
            let refused = try await phone.post("mijn/verbetering", ["text": "Nog een."])
            #expect(refused.status == .tooManyRequests && refused.html.contains(PortalText.fa[.errTooManyMessages]))
            // Once the caseworker handled one, the person may write again.
            let first = try #require(try await CorrectionRequestModel.query(on: app.db).first())
            _ = try await worker.get("verbeteringen/\(first.id!.uuidString)")
            #expect(try await worker.post("verbeteringen/\(first.id!.uuidString)", [:]).status == .seeOther)
            #expect(try await phone.post("mijn/verbetering", ["text": "Nog een."]).status == .seeOther)
        }
    }

    /// An address too long for the QR code's sizes leaves the code off the letter and tells the caseworker so.
    @Test(arguments: TestDatabase.all)
    func aLetterWithoutRoomForTheQRCodeSaysSo(database: TestDatabase) async throws {
        let long = "https://" + String(repeating: "schakel", count: 40) + ".example.be"
        try await withTestApp(database, adjust: { $0.publicURL = long }) { app in
            try await Fixtures.demoWorld(app, persons: 0)
            let person = try await PrivacyWorld.createPerson(app, token: try await JSONAPI(app: app).token("social-worker", "fedasil-poelkapelle"))
            var worker = try await WebSession.signIn(app, "social-worker@fedasil-poelkapelle.demo")
            let letter = try await Letter.make(&worker, person: person, language: "tr")
            #expect(!letter.html.contains("<svg") && letter.html.contains(PortalStaffText.noQRCode(.nl)))
            #expect(letter.html.contains(long + "/mijn"), "the address is printed to type")
        }
    }

    // MARK: The done-when scenario

    /// A person invited by Fedasil Poelkapelle's social worker opens their page in Arabic, sees their plan and referrals,
    /// sees that VDAB Ieper read their dossier and why, stops VDAB's consent, and VDAB's next read no longer shows
    /// those categories.
    @Test(arguments: TestDatabase.all)
    func thePersonSeesWhoReadTheirDataAndStopsAConsent(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            try await Fixtures.demoWorld(app, persons: 0)
            let api = JSONAPI(app: app)
            let fedasil = try await api.token("social-worker", "fedasil-poelkapelle")
            let vdab = try await api.token("job-counsellor", "vdab-ieper")
            let vdabID = try #require(UUID(uuidString: try await api.organisationID("vdab-ieper", token: fedasil)))
            let person = try await PrivacyWorld.createPerson(app, token: fedasil, input: PrivacyCase.personInput)
            _ = try await PrivacyWorld.addConsent(app, token: fedasil, person: person, recipient: vdabID,
                                                  categories: [.identity, .trajectoryAndReferrals])
            let work = try await PrivacyWorld.addConsent(app, token: fedasil, person: person, recipient: vdabID,
                                                         categories: [.languages, .workExperience])
            #expect(try await api.post("persons/\(person)/trajectory/steps", token: fedasil,
                                        ["kind": "dutch-nt2", "startsOn": "2026-09-01", "status": "running"]).status == .created)
            let referral = try await api.post("referrals", token: fedasil, ["personId": person.uuidString, "toOrganisationId": vdabID.uuidString,
                                                                            "purpose": "guidance-to-work", "reason": "Zoekt werk in de keuken."])
            #expect(try await api.post("referrals/\(referral.id)/send", token: fedasil).status == .ok)
            // VDAB Ieper reads the dossier for guidance to work: it sees the languages and the experience.
            let before = try await api.get("persons/\(person)?purpose=guidance-to-work", token: vdab)
            #expect(before.status == .ok && before["languages"] is [Any] && before["workExperience"] is [Any], "\(before.text.prefix(300))")

            var worker = try await WebSession.signIn(app, "social-worker@fedasil-poelkapelle.demo")
            let letter = try await Letter.make(&worker, person: person, language: "ar")
            var phone = try await PortalBrowser.activate(app, letter: letter)
            let ar = PortalText.ar
            let arabicConsent = PersonText.ar

            let plan = try await phone.get("mijn/plan")
            #expect(plan.status == .ok && plan.html.contains("dir=\"rtl\""))
            #expect(plan.html.contains(ar[.stepKind(.dutchLessons)]) && plan.html.contains(ar[.stepStatus(.running)]))
            #expect(plan.html.contains(ar(.rightToWorkFrom, ["date": "01/10/2026"])), "the right to work and what it means")
            let referrals = try await phone.get("mijn/doorverwijzingen")
            #expect(referrals.html.contains(ar(.referralTo, ["organisation": "VDAB Ieper"])))
            #expect(referrals.html.contains(ar[.referralState(.sent)]) && referrals.html.contains(ar(.referralNext(.sent), ["organisation": "VDAB Ieper"])))

            // Who looked: VDAB Ieper, a job coach there, what, and why in Arabic; never a staff name.
            let log = try await phone.get("mijn/inzage")
            let text = log.html.visibleText
            #expect(text.contains(ar(.logRoleAt, ["role": ar[.role(.jobCounsellor)], "organisation": "VDAB Ieper"])), "\(text.prefix(600))")
            #expect(text.contains(arabicConsent[.purpose(.guidanceToWork)]))
            #expect(text.contains(ar[.action(.read)]) && !text.contains(ar[.logYou]), "the person's own page views are left out")
            for name in try await UserModel.query(on: app.db).all().map(\.displayName) { #expect(!text.contains(name), "staff name \(name)") }

            // Stop the consent for languages and experience: at once, recorded as the person's.
            let consents = try await phone.get("mijn/toestemmingen")
            #expect(consents.html.contains("/mijn/toestemmingen/\(work.uuidString)/stoppen"))
            // It asks first, saying what stopping means; then stops at once.
            let confirm = try await phone.get("mijn/toestemmingen/\(work.uuidString)/stoppen")
            #expect(confirm.status == .ok && confirm.html.contains(ar(.withdrawWarning, ["organisation": "VDAB Ieper"])))
            #expect(try await ConsentModel.find(work, on: app.db)?.withdrawnAt == nil, "asking changes nothing")
            let stopped = try await phone.post("mijn/toestemmingen/\(work.uuidString)/stoppen", [:])
            #expect(stopped.status == .seeOther && stopped.location?.hasPrefix("/mijn/toestemmingen?gestopt=\(work.uuidString)") == true)
            let notice = try await phone.get("mijn/toestemmingen?gestopt=\(work.uuidString)")
            #expect(notice.html.contains(ar(.withdrawn, ["organisation": "VDAB Ieper"])))
            let stored = try #require(try await ConsentModel.find(work, on: app.db))
            #expect(stored.withdrawnAt != nil && stored.withdrawnByPortalAccount != nil && stored.$withdrawnBy.id == nil)
            // Twice is once: the first time stays.
            _ = try await phone.post("mijn/toestemmingen/\(work.uuidString)/stoppen", [:])
            #expect(try await ConsentModel.find(work, on: app.db)?.withdrawnAt == stored.withdrawnAt)
            #expect(try await AuditEntryModel.query(on: app.db).filter(\.$action == "own-consent-withdrawn").count() == 1)
            // What the person did stays in their list, as theirs.
            #expect(try await phone.get("mijn/inzage").html.visibleText.contains(ar[.logYou] ))

            let after = try await api.get("persons/\(person)?purpose=guidance-to-work", token: vdab)
            #expect(after.status == .ok && after["languages"] == nil && after["workExperience"] == nil, "\(after.text.prefix(400))")
            #expect(after["givenName"] != nil, "identity is still consented")
            // The owner's dossier says the person stopped it.
            let owner = try await api.get("persons/\(person)/consents", token: fedasil)
            #expect(owner.items.first { $0["id"] as? String == work.uuidString }?["withdrawnByPerson"] as? Bool == true)
        }
    }

    // MARK: Every page, and only one's own

    @Test(arguments: TestDatabase.all)
    func everyPageShowsTheirOwnDossierAndRecordsTheRead(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            try await Fixtures.demoWorld(app, persons: 0)
            let api = JSONAPI(app: app)
            let fedasil = try await api.token("social-worker", "fedasil-poelkapelle")
            let vdabID = try #require(UUID(uuidString: try await api.organisationID("vdab-ieper", token: fedasil)))
            var input = PrivacyCase.personInput
            input["givenName"] = "Amal \"'<>&"
            let person = try await PrivacyWorld.createPerson(app, token: fedasil, input: input)
            let someoneElse = try await PrivacyWorld.createPerson(app, token: fedasil)
            let theirConsent = try await PrivacyWorld.addConsent(app, token: fedasil, person: someoneElse, recipient: vdabID, categories: [.identity])
            var worker = try await WebSession.signIn(app, "social-worker@fedasil-poelkapelle.demo")
            var phone = try await PortalBrowser.activate(app, letter: try await Letter.make(&worker, person: person, language: "ti"))
            let ti = PortalText.ti

            func reads() async throws -> Int {
                try await AuditEntryModel.query(on: app.db).filter(\.$personID == person).filter(\.$action ~~ ["own-read", "own-access-log-read"])
                    .count()
            }
            for (path, marker) in [("mijn/gegevens", ti[.profileTitle]), ("mijn/plan", ti[.planTitle]),
                                   ("mijn/doorverwijzingen", ti[.referralsTitle]), ("mijn/toestemmingen", ti[.consentsTitle]),
                                   ("mijn/inzage", ti[.accessLogTitle])] {
                let before = try await reads()
                let page = try await phone.get(path)
                #expect(page.status == .ok && page.html.contains("<html lang=\"ti\" dir=\"ltr\">") && page.html.contains(marker), "\(path)")
                #expect(page.headers.first(name: .cacheControl) == "no-store", "\(path)")
                #expect(try await reads() == before + 1, "\(path) is one read in the access log")
            }
            // The name as recorded, escaped and isolated from the sentence's direction.
            let profile = try await phone.get("mijn/gegevens")
            let bdi = profile.html.range(of: "<bdi>Amal").map { String(profile.html[$0.lowerBound...].prefix(60)) } ?? ""
            #expect(bdi.hasPrefix("<bdi>Amal") && bdi.contains("&lt;&gt;&amp;"), "\(bdi)")
            #expect(!profile.html.contains("Amal \"'<>&"))
            for path in ["mijn/download", "mijn/verbetering", "mijn/vragenlijst", "mijn"] {
                #expect(try await phone.get(path).status == .ok, "\(path)")
            }
            // The download is the whole export: the person, the consents, the access log.
            var download = ""
            var disposition = ""
            let cookie = phone.cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")
            try await app.testing().test(.GET, "mijn/download/schakel-gegevens.json", beforeRequest: { $0.headers.replaceOrAdd(name: .cookie, value: cookie) }) {
                download = $0.body.string
                disposition = $0.headers.first(name: .contentDisposition) ?? ""
            }
            let export = try JSONSerialization.jsonObject(with: Data(download.utf8)) as? [String: Any]
            #expect((export?["person"] as? [String: Any])?["givenName"] as? String == "Amal \"'<>&")
            #expect(export?["accessLog"] is [Any] && disposition.contains("attachment"))
            #expect(try await AuditEntryModel.query(on: app.db).filter(\.$action == "own-export").count() == 1)

            // Another person's consent, or an id that names none: not found, nothing changed, the same entry.
            let theirs = try await phone.post("mijn/toestemmingen/\(theirConsent.uuidString)/stoppen", [:])
            let nobody = try await phone.post("mijn/toestemmingen/\(UUID().uuidString)/stoppen", [:])
            #expect(theirs.status == .notFound && nobody.status == .notFound)
            #expect(theirs.html == nobody.html)
            // Said on a portal page, in the person's language; so is an address under /mijn that is no page.
            #expect(theirs.html.contains("<html lang=\"ti\" dir=\"ltr\">") && theirs.html.contains(ti[.errNotFound]))
            let elsewhere = try await phone.get("mijn/bestaat/niet")
            #expect(elsewhere.status == .notFound && elsewhere.html.contains(ti[.errNotFound]))
            #expect(try await ConsentModel.find(theirConsent, on: app.db)?.withdrawnAt == nil)
            let refusals = try await AuditEntryModel.query(on: app.db).filter(\.$action == "own-consent-withdrawn").all()
            #expect(refusals.count == 2 && refusals.allSatisfy { $0.outcome == "not-found" && $0.personID == person })
            // Without the page's token a withdrawal is refused; the session cookie is not sent to staff pages.
            let forged = try await phone.post("mijn/toestemmingen/\(theirConsent.uuidString)/stoppen", [:], token: "x")
            #expect(forged.status == .forbidden && forged.html.contains(ti[.errForm]))
            #expect(try await phone.get("personen/\(person)").location == "/aanmelden")
            #expect(try await phone.get("api/v1/persons/\(person)").status == .unauthorized)
        }
    }

    @Test(arguments: TestDatabase.all)
    func aCorrectionGoesToTheOwnersInboxAndTheQuestionnaireKeepsNoName(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            try await Fixtures.demoWorld(app, persons: 0)
            let api = JSONAPI(app: app)
            let person = try await PrivacyWorld.createPerson(app, token: try await api.token("social-worker", "fedasil-poelkapelle"))
            var worker = try await WebSession.signIn(app, "social-worker@fedasil-poelkapelle.demo")
            var phone = try await PortalBrowser.activate(app, letter: try await Letter.make(&worker, person: person, language: "uk"))
            _ = try await phone.get("mijn/verbetering")
            let uk = PortalText.uk
            let empty = try await phone.post("mijn/verbetering", ["text": "   "])
            #expect(empty.status == .unprocessableEntity && empty.html.contains(uk[.errRequired]))
            let huge = try await phone.post("mijn/verbetering", ["text": String(repeating: "\"'<>&", count: 10_000)])
            #expect(huge.status == .unprocessableEntity && huge.html.contains(uk(.errTooLong, ["count": "4000"])))
            #expect(try await CorrectionRequestModel.query(on: app.db).count() == 0)
            let words = "Mijn naam is \"Ａmal\" <b>&</b>, niet Amel."
            let sent = try await phone.post("mijn/verbetering", ["text": words])
            #expect(sent.status == .seeOther)
            let told = try await phone.get(try #require(sent.location).replacingOccurrences(of: "/mijn", with: "mijn"))
            #expect(told.html.contains(uk(.correctionSent, ["organisation": "Fedasil opvangcentrum Poelkapelle"])))
            // A reload of that page sends nothing again.
            #expect(try await CorrectionRequestModel.query(on: app.db).count() == 1)
            #expect(try await AuditEntryModel.query(on: app.db).filter(\.$action == "own-correction-request").count() == 1)
            let request = try #require(try await CorrectionRequestModel.query(on: app.db).first())
            // Sealed at rest: the words are not in the row.
            #expect(!String(decoding: request.text, as: UTF8.self).contains("Amel"))
            let notification = try #require(try await NotificationModel.query(on: app.db).filter(\.$kind == .correctionRequested).first())
            #expect(notification.subjectID == request.id)

            // The owner's caseworker reads it from the inbox, escaped; another organisation does not find it.
            let day = try await worker.get("start")
            #expect(day.html.contains("/verbeteringen/\(request.id!.uuidString)"))
            let page = try await worker.get("verbeteringen/\(request.id!.uuidString)")
            #expect(page.status == .ok && page.html.contains("&lt;b&gt;&amp;&lt;/b&gt;") && !page.html.contains("<b>&</b>"))
            var stranger = try await WebSession.signIn(app, "job-counsellor@vdab-ieper.demo")
            let theirs = try await stranger.get("verbeteringen/\(request.id!.uuidString)")
            let nobody = try await stranger.get("verbeteringen/\(UUID().uuidString)")
            #expect(theirs.status == .notFound && nobody.status == .notFound)
            #expect(try await stranger.post("verbeteringen/\(request.id!.uuidString)", [:]).status == .notFound)
            let handled = try await worker.post("verbeteringen/\(request.id!.uuidString)", [:])
            #expect(handled.status == .seeOther)
            #expect(try await CorrectionRequestModel.find(request.id, on: app.db)?.handledAt != nil)

            // The questionnaire in Ukrainian: an unanswered question is named; the answers keep no trace of the person.
            let form = try await phone.get("mijn/vragenlijst")
            #expect(form.html.contains(uk[.surveyQuestion(.askingInformation)]))
            let missing = try await phone.post("mijn/vragenlijst", ["q-asking-information": "4"])
            #expect(missing.status == .unprocessableEntity && missing.html.contains(uk[.errRequired]))
            let answered = try await phone.post("mijn/vragenlijst", ["q-asking-information": "4", "q-referral": "5",
                                                                     "q-same-questions-twice": "no", "q-referral-comment": "Goed \"'<>&"])
            #expect(answered.status == .seeOther)
            #expect(try await phone.get("mijn/vragenlijst?bedankt=1").html.contains(uk[.surveyThanks]))
            #expect(try await SurveyResponseModel.query(on: app.db).count() == 1)
            let response = try #require(try await SurveyResponseModel.query(on: app.db).first())
            #expect(response.audience == .client && !response.answers.contains(person.uuidString))

            // Erasure closes the portal: the phone is signed out, the words the person wrote are gone.
            let erased = try await api.post("persons/\(person)/erase", token: try await api.token("social-worker", "fedasil-poelkapelle"),
                                            ["reason": "Op vraag van de persoon"])
            #expect(erased.status == .ok, "\(erased.text.prefix(200))")
            #expect(try await phone.get("mijn/plan").location == "/mijn/aanmelden")
            #expect(try await CorrectionRequestModel.query(on: app.db).count() == 0)
            #expect(try await PortalAccountModel.query(on: app.db).first()?.passphraseHash == nil)
        }
    }

    // MARK: Interview mode on the screening form

    /// The screening form shows each question in the person's language beside the Dutch; a refused form keeps it.
    @Test(arguments: TestDatabase.all)
    func theScreeningFormAsksInThePersonsLanguageBesideTheDutch(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            try await Fixtures.demoWorld(app, persons: 0)
            var worker = try await WebSession.signIn(app, "social-worker@fedasil-poelkapelle.demo")
            let plain = try await worker.get("personen/nieuw")
            #expect(plain.status == .ok && plain.html.contains("id=\"gesprek\"") && !plain.html.contains("interview-question"))
            let arabic = try await worker.get("personen/nieuw?gesprek=ar")
            let question = "<span class=\"interview-question\" lang=\"ar\" dir=\"rtl\">\(PortalText.ar[.fieldName])</span>"
            #expect(arabic.html.contains(question), "\(arabic.html.visibleText.prefix(300))")
            #expect(arabic.html.contains(PortalText.ar[.fieldChildcare]) && arabic.html.contains(PersonText.ar[.category(.contact)]))
            #expect(arabic.html.contains("action=\"/personen?gesprek=ar\""))
            // A refused form keeps the questions beside.
            let refused = try await worker.post("personen?gesprek=ar", [:])
            #expect(refused.status == .unprocessableEntity && refused.html.contains(question))
            let tigrinya = try await worker.get("personen/nieuw?gesprek=ti")
            #expect(tigrinya.html.contains("lang=\"ti\" dir=\"ltr\">\(PortalText.ti[.fieldPhone])"))
            for unknown in ["xx", "nl", "\"'<>&"] {
                let page = try await worker.get("personen/nieuw?gesprek=\(unknown.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)")
                #expect(page.status == .ok && !page.html.contains("interview-question"), "\(unknown)")
            }
        }
    }
}
