import Fluent
import Foundation
import Testing
import VaporTesting
@testable import SchakelApp
import SchakelCore

/// A consent never names a language the person was not shown its text in: Schakel's standard text
/// exists only in Dutch and English; for another language the caseworker writes the text, or records
/// the interpreter who put the Dutch text into it.
@Suite("Consent: the text in the language the person was told in")
struct ConsentLanguageTests {
    @Test func theRuleChoosesAStandardTextOnlyWhereOneExists() throws {
        #expect(ConsentLanguage.withStandardText == [.nl, .en])
        #expect(try ConsentWording.decide(toldIn: .nl, ownText: false, interpreter: nil) == .standard)
        #expect(try ConsentWording.decide(toldIn: .en, ownText: false, interpreter: nil) == .standard)
        #expect(try ConsentWording.decide(toldIn: .ar, ownText: true, interpreter: nil) == .own)
        #expect(try ConsentWording.decide(toldIn: .ar, ownText: false, interpreter: "Tolk") == .interpretedStandard)
        #expect(ConsentWording.interpretedStandard.writtenIn(toldIn: .ar) == .nl)
        #expect(ConsentWording.own.writtenIn(toldIn: .ti) == .ti)
        for language in ConsentLanguage.allCases where !language.hasStandardText {
            #expect(throws: ConsentWording.Problem.noStandardText(language)) {
                try ConsentWording.decide(toldIn: language, ownText: false, interpreter: nil)
            }
            #expect(throws: ConsentWording.Problem.noStandardText(language)) {
                try ConsentWording.decide(toldIn: language, ownText: false, interpreter: "  ")
            }
        }
    }

    @Test(arguments: TestDatabase.all)
    func theAPIRefusesAStandardTextInALanguageItDoesNotExistIn(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            try await Fixtures.demoWorld(app, persons: 0)
            let api = JSONAPI(app: app)
            let worker = try await api.token("social-worker", "fedasil-poelkapelle")
            let person = try await PrivacyWorld.createPerson(app, token: worker)
            let vdab = try await api.organisationID("vdab-ieper", token: worker)
            func consent(_ extra: [String: Any]) async throws -> JSONAPI.Answer {
                var body: [String: Any] = ["recipientOrganisationId": vdab, "purpose": "guidance-to-work", "categories": ["identity"],
                                           "method": "signed-form"]
                body.merge(extra) { $1 }
                return try await api.post("persons/\(person)/consents", token: worker, body)
            }
            // Arabic, no text of one's own, no interpreter: there is no Arabic standard text.
            for language in ConsentLanguage.allCases where !language.hasStandardText {
                let refused = try await consent(["textLanguage": language.rawValue])
                #expect(refused.status == .unprocessableEntity, "\(language): \(refused.text)")
                #expect((refused["error"] as? [String: Any])?["field"] as? String == "textLanguage", "\(refused.text)")
                let empty = try await consent(["textLanguage": language.rawValue, "text": "   "])
                #expect((empty["error"] as? [String: Any])?["field"] as? String == "textLanguage", "\(empty.text)")
            }
            #expect(try await ConsentModel.query(on: app.db).count() == 0)

            // The caseworker's own text in Arabic: recorded as Arabic, as written.
            let own = try await consent(["textLanguage": "ar", "text": "أوافق على مشاركة بياناتي مع VDAB."])
            #expect(own.status == .created, "\(own.text)")
            #expect(own["text"] as? String == "أوافق على مشاركة بياناتي مع VDAB.")
            #expect(own["textLanguage"] as? String == "ar" && own["textWrittenIn"] as? String == "ar")
            // The Dutch standard text put into Arabic by an interpreter: the record says both.
            let interpreted = try await consent(["textLanguage": "ar", "interpreter": "Tolk Testbureau"])
            #expect(interpreted.status == .created, "\(interpreted.text)")
            #expect((interpreted["text"] as? String)?.hasPrefix("Ik ga ermee akkoord dat VDAB Ieper") == true, "\(interpreted.text)")
            #expect(interpreted["textLanguage"] as? String == "ar" && interpreted["textWrittenIn"] as? String == "nl")
            #expect(interpreted["interpreter"] as? String == "Tolk Testbureau")
            // Dutch and English have their standard texts.
            let english = try await consent(["textLanguage": "en"])
            #expect(english.status == .created, "\(english.text)")
            #expect((english["text"] as? String)?.hasPrefix("I agree that VDAB Ieper may see these data about me: identity") == true)
            #expect(english["textWrittenIn"] as? String == "en")
            let dutch = try await consent(["textLanguage": "nl"])
            #expect((dutch["text"] as? String)?.hasPrefix("Ik ga ermee akkoord") == true && dutch["textWrittenIn"] as? String == "nl")

            // Names are bounded: 50 kB for the interpreter or the witness is a 422 naming the field.
            let long = String(repeating: "\"'<>&", count: 10_000)
            for field in ["interpreter", "witness"] {
                let tooLong = try await consent(["textLanguage": "ar", "text": "eigen tekst", field: long])
                #expect(tooLong.status == .unprocessableEntity)
                #expect((tooLong["error"] as? [String: Any])?["field"] as? String == field, "\(tooLong.text.prefix(200))")
            }
            #expect(try await ConsentModel.query(on: app.db).count() == 4)
        }
    }

    @Test(arguments: TestDatabase.all)
    func theFormShowsTheErrorAtTheLanguageInDutchAndEnglish(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            try await Fixtures.demoWorld(app, persons: 0)
            let api = JSONAPI(app: app)
            let person = try await PrivacyWorld.createPerson(app, token: try await api.token("social-worker", "fedasil-poelkapelle"))
            var page = try await WebSession.signIn(app, "social-worker@fedasil-poelkapelle.demo")
            let form = try await page.get("personen/\(person)/toestemmingen/nieuw")
            #expect(form.html.contains("id=\"interpreter\""))
            let vdab = try #require(form.html.option(in: "recipient", labelled: "VDAB Ieper"))
            let arabic = ["recipient": vdab, "purpose": "guidance-to-work", "method": "signed-form", "cat-identity": "on", "textLanguage": "ar"]

            let refused = try await page.post("personen/\(person)/toestemmingen", arabic)
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.html.contains("href=\"#textLanguage\""))
            #expect(refused.html.contains("id=\"textLanguage-error\""))
            #expect(refused.html.visibleText.contains("Er is alleen een standaardtekst in het Nederlands en het Engels"))
            #expect(try await ConsentModel.query(on: app.db).count() == 0)

            let user = try #require(try await UserModel.query(on: app.db).filter(\.$email == "social-worker@fedasil-poelkapelle.demo").first())
            user.language = "en"
            try await user.save(on: app.db)
            let english = try await page.post("personen/\(person)/toestemmingen", arabic)
            #expect(english.status == .unprocessableEntity)
            #expect(english.html.contains("id=\"textLanguage-error\""))
            #expect(english.html.visibleText.contains("A standard text exists only in Dutch and English"))
            user.language = "nl"
            try await user.save(on: app.db)

            // With the interpreter named it is recorded, and the consent says who translated from which text.
            var withInterpreter = arabic
            withInterpreter["interpreter"] = "Tolk Testbureau"
            let recorded = try await page.post("personen/\(person)/toestemmingen", withInterpreter)
            #expect(recorded.status == .seeOther)
            let consent = try #require(try await ConsentModel.query(on: app.db).first())
            #expect(consent.textLanguage == .ar && consent.textWrittenIn == .nl && consent.interpreter == "Tolk Testbureau")
            let shown = try await page.get("toestemmingen/\(try consent.requireID())")
            #expect(shown.html.visibleText.contains("Arabisch (vertaald door tolk Tolk Testbureau uit de tekst in het Nederlands)"))
            #expect(shown.html.contains("lang=\"nl\""))
        }
    }
}
