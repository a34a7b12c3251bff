import Fluent
import Foundation
import Testing
import VaporTesting
@testable import SchakelApp
import SchakelCore

/// Consent the person understood: every language of the people served has its standard text and easy-read
/// explanation; a consent is recorded only in the language whose text was shown, and where that text was not
/// reviewed by a qualified translator, or the person cannot read it, an interpreter or a witness is recorded with it.
@Suite("Consent: the text in the person's language, understood")
struct ConsentLanguageTests {
    @Test func theRuleRecordsOnlyWhatWasShownAndUnderstood() throws {
        // Shown and reviewed and readable: nothing more is needed.
        try ConsentUnderstanding.check(toldIn: .nl, shownIn: .nl, textReviewed: true, personReads: true, interpreter: nil, witness: nil)
        // Another language's text was shown, or none: refused, whatever help there was.
        #expect(throws: ConsentUnderstanding.Problem.notShown(.ar)) {
            try ConsentUnderstanding.check(toldIn: .ar, shownIn: .nl, textReviewed: true, personReads: true, interpreter: "Tolk", witness: nil)
        }
        #expect(throws: ConsentUnderstanding.Problem.notShown(.ti)) {
            try ConsentUnderstanding.check(toldIn: .ti, shownIn: nil, textReviewed: false, personReads: true, interpreter: "Tolk", witness: nil)
        }
        // Unreviewed, or not readable: an interpreter or a witness, not blank.
        for (reviewed, reads) in [(false, true), (true, false), (false, false)] {
            #expect(throws: ConsentUnderstanding.Problem.helpRequired(.ar)) {
                try ConsentUnderstanding.check(toldIn: .ar, shownIn: .ar, textReviewed: reviewed, personReads: reads, interpreter: "  ", witness: nil)
            }
            try ConsentUnderstanding.check(toldIn: .ar, shownIn: .ar, textReviewed: reviewed, personReads: reads, interpreter: "Tolkendienst", witness: nil)
            try ConsentUnderstanding.check(toldIn: .ar, shownIn: .ar, textReviewed: reviewed, personReads: reads, interpreter: nil, witness: "Getuige")
        }
        #expect(ConsentLanguage.allCases.map(\.rawValue) == ["nl", "fr", "en", "ar", "fa", "ps", "ti", "uk", "tr"])
        #expect(ConsentLanguage.allCases.filter(\.isRightToLeft) == [.ar, .fa, .ps])
        #expect(ConsentLanguage.fa.tag == "fa-AF")
    }

    /// Every key in every language, none empty, none the Dutch standing in, the placeholders kept; only Dutch, the
    /// source, counts as reviewed until a qualified translator has read a language.
    @Test(arguments: ConsentLanguage.allCases)
    func everyLanguageHasEveryText(language: ConsentLanguage) {
        let catalogue = PersonText.catalogue(language)
        let dutch = PersonText.nl
        #expect(catalogue.language == language)
        #expect(catalogue.reviewedByTranslator == (language == .nl))
        for key in PersonText.Key.all {
            let text = catalogue[key]
            #expect(!text.trimmingCharacters(in: .whitespaces).isEmpty, "\(language) \(key.name) is empty")
            let placeholders = ["{organisation}", "{purpose}", "{categories}", "{date}"]
            #expect(placeholders.filter(text.contains) == placeholders.filter(dutch[key].contains), "\(language) \(key.name) placeholders")
            if language != .nl { #expect(text != dutch[key], "\(language) \(key.name) is the Dutch text") }
        }
        #expect(catalogue.texts.count == PersonText.Key.all.count)
        let text = catalogue.consent(organisation: "VDAB Ieper", purpose: .guidanceToWork, categories: [.identity, .languages])
        #expect(text.contains("VDAB Ieper") && text.contains(catalogue[.category(.identity)]) && !text.contains("{"))
    }

    @Test(arguments: TestDatabase.all)
    func theAPIRecordsTheTextInThePersonsLanguageWithHelpWhereItIsNeeded(database: TestDatabase) async throws {
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
            func field(_ answer: JSONAPI.Answer) -> String? { (answer["error"] as? [String: Any])?["field"] as? String }
            // Every language but Dutch is not yet reviewed: without an interpreter or a witness, refused on `interpreter`.
            for language in ConsentLanguage.allCases where language != .nl {
                let refused = try await consent(["textLanguage": language.rawValue])
                #expect(refused.status == .unprocessableEntity && field(refused) == "interpreter", "\(language): \(refused.text)")
                let blank = try await consent(["textLanguage": language.rawValue, "interpreter": "   "])
                #expect(field(blank) == "interpreter", "\(blank.text)")
            }
            // A Dutch reader needs no help; one who cannot read it does.
            let unread = try await consent(["textLanguage": "nl", "personReadsText": false])
            #expect(field(unread) == "interpreter", "\(unread.text)")
            #expect(try await ConsentModel.query(on: app.db).count() == 0)

            let dutch = try await consent(["textLanguage": "nl"])
            #expect(dutch.status == .created, "\(dutch.text)")
            #expect((dutch["text"] as? String)?.hasPrefix("Ik ga ermee akkoord dat VDAB Ieper") == true)
            #expect(dutch["textReviewed"] as? Bool == true && dutch["personReadsText"] as? Bool == true)
            let witnessed = try await consent(["textLanguage": "nl", "personReadsText": false, "method": "oral-with-witness",
                                               "witness": "Collega Getuige"])
            #expect(witnessed.status == .created && witnessed["personReadsText"] as? Bool == false, "\(witnessed.text)")

            // Arabic with an interpreting service: the Arabic text is stored, in Arabic, not reviewed.
            let arabic = try await consent(["textLanguage": "ar", "interpreter": "Tolkendienst Vlaanderen"])
            #expect(arabic.status == .created, "\(arabic.text)")
            #expect(arabic["text"] as? String == PersonText.ar.consent(organisation: "VDAB Ieper", purpose: .guidanceToWork, categories: [.identity]))
            #expect(arabic["textLanguage"] as? String == "ar" && arabic["textWrittenIn"] as? String == "ar")
            #expect(arabic["textReviewed"] as? Bool == false && arabic["interpreter"] as? String == "Tolkendienst Vlaanderen")
            // A text of one's own in Tigrinya is reviewed by no one: it needs help too, and is kept as written.
            let own = "ፍቓድ እህብ።"
            #expect(field(try await consent(["textLanguage": "ti", "text": own])) == "interpreter")
            let ownHelped = try await consent(["textLanguage": "ti", "text": own, "witness": "Getuige Test"])
            #expect(ownHelped.status == .created && ownHelped["text"] as? String == own, "\(ownHelped.text)")

            // Names are bounded: 50 kB for the interpreter or the witness is a 422 naming the field.
            let long = String(repeating: "\"'<>&", count: 10_000)
            for name in ["interpreter", "witness"] {
                let tooLong = try await consent(["textLanguage": "ar", name: long])
                #expect(tooLong.status == .unprocessableEntity && field(tooLong) == name, "\(tooLong.text.prefix(200))")
            }
            #expect(try await ConsentModel.query(on: app.db).count() == 4)
        }
    }

    /// A partner's system reads the texts it must show: every language with its review status, and the text for a choice.
    @Test(arguments: TestDatabase.all)
    func theAPIGivesTheTextsToShow(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            try await Fixtures.demoWorld(app, persons: 0)
            let api = JSONAPI(app: app)
            let worker = try await api.token("job-counsellor", "vdab-ieper")
            let fedasil = try await api.organisationID("fedasil-poelkapelle", token: worker)
            var languages: [[String: Any]] = []
            try await app.testing().test(.GET, "api/v1/consent-texts", beforeRequest: { $0.bearer(worker) }) { response in
                #expect(response.status == .ok)
                languages = (try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as? [[String: Any]]) ?? []
            }
            #expect(languages.map { $0["language"] as? String } == ConsentLanguage.allCases.map(\.rawValue))
            #expect(languages.first { $0["language"] as? String == "ps" }?["rightToLeft"] as? Bool == true)
            #expect(languages.filter { $0["reviewedByTranslator"] as? Bool == true }.map { $0["language"] as? String } == ["nl"])
            let text = try await api.get("consent-texts/ti?recipientOrganisationId=\(fedasil)&purpose=training&categories=identity,languages",
                                         token: worker)
            #expect(text.status == .ok, "\(text.text)")
            #expect(text["text"] as? String == PersonText.ti.consent(organisation: "Fedasil opvangcentrum Poelkapelle", purpose: .training,
                                                                     categories: [.identity, .languages]))
            #expect((text["easyRead"] as? [String])?.count == 6 && text["reviewedByTranslator"] as? Bool == false)
            for bad in ["consent-texts/xx?recipientOrganisationId=\(fedasil)&purpose=training&categories=identity",
                        "consent-texts/ar?recipientOrganisationId=\(fedasil)&purpose=training&categories=identity,secrets",
                        "consent-texts/ar?purpose=training&categories=identity",
                        "consent-texts/ar?recipientOrganisationId=\(UUID())&purpose=training&categories=identity"] {
                #expect(try await api.get(bad, token: worker).status == .unprocessableEntity, "\(bad)")
            }
            let analyst = try await api.token("analyst", "stad-gent")
            #expect(try await api.get("consent-texts", token: analyst).status == .forbidden)
        }
    }

    /// The form shows the text in the person's language (its direction too), refuses to record a text it did not show
    /// for these very choices, and prints the sheet in that language beside the Dutch.
    @Test(arguments: TestDatabase.all)
    func theFormShowsTheTextBeforeItRecordsIt(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            try await Fixtures.demoWorld(app, persons: 0)
            let api = JSONAPI(app: app)
            let person = try await PrivacyWorld.createPerson(app, token: try await api.token("social-worker", "fedasil-poelkapelle"))
            var page = try await WebSession.signIn(app, "social-worker@fedasil-poelkapelle.demo")
            let path = "personen/\(person)/toestemmingen"
            let form = try await page.get(path + "/nieuw")
            #expect(form.html.contains("id=\"interpreter\"") && form.html.contains("id=\"personReadsText\""))
            #expect(form.html.visibleText.contains("Dari (niet nagelezen)") && !form.html.contains("دری"))
            let vdab = try #require(form.html.option(in: "recipient", labelled: "VDAB Ieper"))
            let choices = ["recipient": vdab, "purpose": "guidance-to-work", "method": "signed-form", "cat-identity": "on",
                           "cat-languages": "on", "textLanguage": "ar", "personReadsText": "on"]

            // Recording before showing: refused at the language, nothing stored.
            let unseen = try await page.post(path, choices.merging(["interpreter": "Tolk"]) { $1 })
            #expect(unseen.status == .unprocessableEntity && unseen.html.contains("id=\"textLanguage-error\""))

            let shown = try await page.post(path, choices.merging(["stap": "tonen"]) { $1 })
            #expect(shown.status == .ok)
            #expect(shown.html.contains("lang=\"ar\" dir=\"rtl\""))
            #expect(shown.html.contains("<p class=\"language-name\">العربية</p>"), "the language's own name, inside its lang")
            let arabic = PersonText.ar.consent(organisation: "VDAB Ieper", purpose: .guidanceToWork, categories: [.identity, .languages])
            #expect(shown.html.contains(arabic))
            #expect(shown.html.contains(PersonText.ar[.easyFree]))
            #expect(shown.html.visibleText.contains("Nagelezen door een gekwalificeerd vertaler: nee."))
            // Interview mode: the Dutch beside it, for the caseworker.
            #expect(shown.html.contains("id=\"consent-dutch\" lang=\"nl\" dir=\"ltr\""))
            #expect(shown.html.contains("Ik ga ermee akkoord dat VDAB Ieper deze gegevens over mij mag zien: identiteit, talen"))
            // An unknown language is refused, not taken for Dutch.
            let unknown = try await page.post(path, choices.merging(["textLanguage": "xx", "interpreter": "Tolk"]) { $1 })
            #expect(unknown.status == .unprocessableEntity && unknown.html.contains("id=\"textLanguage-error\""))
            let language = try #require(AuthTests.hiddenValue("shownLanguage", in: shown.html))
            let fingerprint = try #require(AuthTests.hiddenValue("shownText", in: shown.html))
            var proof = choices
            proof["shownLanguage"] = language
            proof["shownText"] = fingerprint

            // Shown, but not reviewed: an interpreter or a witness first.
            let unhelped = try await page.post(path, proof)
            #expect(unhelped.status == .unprocessableEntity && unhelped.html.contains("id=\"interpreter-error\""))
            // A choice changed after showing, or another language: that text was not shown.
            for changed in [["cat-contact": "on"], ["textLanguage": "fr"], ["purpose": "training"]] {
                let stale = try await page.post(path, proof.merging(changed) { $1 }.merging(["interpreter": "Tolk"]) { $1 })
                #expect(stale.status == .unprocessableEntity && stale.html.contains("id=\"textLanguage-error\""), "\(changed)")
            }
            #expect(try await ConsentModel.query(on: app.db).count() == 0)

            let recorded = try await page.post(path, proof.merging(["interpreter": "Tolkendienst \"'<>&"]) { $1 })
            #expect(recorded.status == .seeOther)
            let consent = try #require(try await ConsentModel.query(on: app.db).first())
            #expect(consent.text == arabic && consent.textLanguage == .ar && consent.textReviewed == false && consent.personReadsText == true)
            #expect(consent.interpreter == "Tolkendienst \"'<>&")
            let view = try await page.get("toestemmingen/\(try consent.requireID())")
            #expect(view.html.contains("lang=\"ar\" dir=\"rtl\""))
            #expect(view.html.visibleText.contains("Tolkendienst \"'<>&"))
            #expect(!view.html.contains("Tolkendienst \"'<>&"), "the interpreter's name is escaped")
            #expect(view.html.visibleText.contains("Nagelezen door een gekwalificeerd vertaler nee"))

            // The sheet to sign: Arabic beside the Dutch, each in its language and direction, no name of the person.
            let sheet = try await page.post(path, choices.merging(["stap": "afdrukken"]) { $1 })
            #expect(sheet.status == .ok)
            #expect(sheet.html.contains("lang=\"ar\" dir=\"rtl\"") && sheet.html.contains("lang=\"nl\" dir=\"ltr\""))
            #expect(sheet.html.contains(arabic) && sheet.html.contains("Ik ga ermee akkoord dat VDAB Ieper"))
            #expect(sheet.html.contains(PersonText.ar[.sheetSignature]) && sheet.html.contains("Handtekening van de persoon"))
            #expect(!sheet.html.contains("Testina"))
            // Another organisation cannot show or print for this person: the person does not exist for it, as an unknown id.
            var stranger = try await WebSession.signIn(app, "job-counsellor@vdab-ieper.demo")
            for step in ["tonen", "afdrukken"] {
                let hidden = try await stranger.post(path, choices.merging(["stap": step]) { $1 })
                let unknown = try await stranger.post("personen/\(UUID())/toestemmingen", choices.merging(["stap": step]) { $1 })
                #expect(hidden.status == .notFound && unknown.status == .notFound, "\(step)")
                #expect(!hidden.html.contains(arabic))
            }
            // Without choices there is nothing to print.
            #expect(try await page.post(path, ["stap": "afdrukken", "textLanguage": "ar"]).status == .unprocessableEntity)
        }
    }
}
