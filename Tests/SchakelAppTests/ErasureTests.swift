import Fluent
import Foundation
import SQLKit
import Testing
import VaporTesting
@testable import SchakelApp
import SchakelCore

/// Erasure leaves no free text about the person anywhere in the database, and every free-text field a
/// client or a form can fill has a limit, answered with 422 naming the field.
@Suite("Erasure leaves no free text; every free-text field is bounded")
struct ErasureTests {
    /// Every table and column of the database, read as text: the ones holding `marker`, as "table.column".
    static func columnsHolding(_ marker: String, on database: any Database) async throws -> [String] {
        let sql = database as! any SQLDatabase
        var columns: [(table: String, column: String)] = []
        if sql.dialect.name == "sqlite" {
            let tables = try await sql.raw("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all()
                .map { try $0.decode(column: "name", as: String.self) }
            for table in tables {
                for row in try await sql.raw("PRAGMA table_info(\(ident: table))").all() {
                    columns.append((table, try row.decode(column: "name", as: String.self)))
                }
            }
        } else {
            for row in try await sql.raw("""
                SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = current_schema()
                """).all() {
                columns.append((try row.decode(column: "table_name", as: String.self), try row.decode(column: "column_name", as: String.self)))
            }
        }
        #expect(columns.count > 100, "the scan sees the whole schema")
        var found: [String] = []
        for (table, column) in columns {
            let row = try await sql.raw("""
                SELECT COUNT(*) AS n FROM \(ident: table) WHERE CAST(\(ident: column) AS TEXT) LIKE \(bind: "%" + marker + "%")
                """).first()
            if try row?.decode(column: "n", as: Int.self) ?? 0 > 0 { found.append("\(table).\(column)") }
        }
        return found.sorted()
    }

    @Test(arguments: TestDatabase.all)
    func aMarkerInEveryFreeTextFieldOfAPersonIsGoneAfterErasure(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            try await Fixtures.demoWorld(app, persons: 0)
            let api = JSONAPI(app: app)
            let marker = "Qz7Merkteken\"'<>&"
            let inGent = try await api.token("trajectory-counsellor", "in-gent")
            let vdab = try await api.token("job-counsellor", "vdab-gent")
            let vdabID = try await api.organisationID("vdab-gent", token: inGent)

            // The dossier: identifiers (sealed) and the profile's free text.
            let created = try await api.post("persons", token: inGent, [
                "givenName": "Anna \(marker)", "familyName": marker, "birthDate": "1994-02-03", "countryOfOrigin": "ER",
                "homeMunicipalityId": "44021", "phone": marker, "email": marker, "address": marker,
                "statusHistory": [["status": "recognised-refugee", "since": "2026-05-01"]],
                "languages": [["language": "ti", "level": "C2", "assessedOn": "2026-05-01", "isMotherTongue": true],
                              ["language": "nl", "level": "A2", "assessedOn": "2026-06-15", "isMotherTongue": false]],
                "education": [["level": 6, "field": "Verpleegkunde \(marker)", "country": "ER", "recognition": "not-requested"]],
                "workExperience": [["occupation": "3221", "years": 4, "country": "ER"]],
            ])
            #expect(created.status == .created, "\(created.text)")
            let person = created.id
            // Rows written before the codes were checked could hold free text in these columns.
            let sql = app.db as! any SQLDatabase
            try await sql.update(PersonLanguageModel.schema).set("language", to: marker).where("person_id", .equal, UUID(uuidString: person)!)
                .where("language", .equal, "ti").run()
            try await sql.update(PersonEducationModel.schema).set("country", to: marker).where("person_id", .equal, UUID(uuidString: person)!).run()
            try await sql.update(PersonWorkExperienceModel.schema).set("country", to: marker)
                .where("person_id", .equal, UUID(uuidString: person)!).run()

            // Consents: an own text naming the person, a witness, an interpreter.
            for purpose in ["guidance-to-work", "case-conference"] {
                let consent = try await api.post("persons/\(person)/consents", token: inGent, [
                    "recipientOrganisationId": vdabID, "purpose": purpose, "categories": DataCategory.allCases.map(\.rawValue),
                    "method": "oral-with-witness", "witness": marker, "interpreter": marker, "textLanguage": "ti",
                    "text": "Ik, Anna \(marker), ga akkoord.",
                ])
                #expect(consent.status == .created, "\(consent.text)")
            }
            // A trajectory step with a provider and a note.
            let step = try await api.post("persons/\(person)/trajectory/steps", token: inGent, [
                "kind": "dutch-nt2", "status": "running", "startsOn": "2026-06-01", "provider": marker, "note": marker,
            ])
            #expect(step.status == .created, "\(step.text)")
            // A referral: its reason, the sealed snapshot, texts of its steps, a hand-over meeting.
            let referral = try await api.post("referrals", token: inGent, [
                "personId": person, "toOrganisationId": vdabID, "purpose": "guidance-to-work", "transfersOwnership": true,
                "reason": marker,
            ])
            #expect(referral.status == .created, "\(referral.text)")
            #expect(try await api.post("referrals/\(referral.id)/send", token: inGent, ["text": marker]).status == .ok)
            #expect(try await api.post("referrals/\(referral.id)/receive", token: vdab).status == .ok)
            let meeting = try await api.post("referrals/\(referral.id)/hand-over-meeting", token: inGent,
                                             ["heldOn": "2026-09-21", "participants": marker, "notes": marker])
            #expect(meeting.status == .created, "\(meeting.text)")
            let refused = try await api.post("referrals/\(referral.id)/refuse", token: vdab, ["reason": "motivation", "text": marker])
            #expect(refused.status == .ok, "\(refused.text)")
            // A case conference: a decision and an action about the person.
            let conference = try await api.post("case-conferences", token: inGent, [
                "heldOn": "2026-09-21", "title": "Casusoverleg", "participantOrganisationIds": [vdabID],
            ])
            #expect(conference.status == .created, "\(conference.text)")
            #expect(try await api.post("case-conferences/\(conference.id)/persons", token: inGent, ["personId": person]).status == .ok)
            for (kind, extra) in [("decision", [String: Any]()), ("action", ["ownerOrganisationId": vdabID, "dueOn": "2026-10-15"])] {
                let item = try await api.post("case-conferences/\(conference.id)/items", token: inGent,
                                              ["kind": kind, "personId": person, "text": marker].merging(extra) { $1 })
                #expect(item.status == .created, "\(item.text)")
            }

            let before = try await Self.columnsHolding(marker, on: app.db)
            #expect(before == [
                "case_conference_items.text", "consents.interpreter", "consents.text", "consents.witness",
                "hand_over_meetings.notes", "hand_over_meetings.participants", "person_education.country", "person_education.field",
                "person_languages.language", "person_work_experience.country", "referral_events.text", "referrals.reason",
                "trajectory_steps.note", "trajectory_steps.provider",
            ])

            let erased = try await api.post("persons/\(person)/erase", token: inGent, ["reason": "Verzoek van de persoon (art. 17)"])
            #expect(erased.status == .ok, "\(erased.text)")
            #expect(try await Self.columnsHolding(marker, on: app.db) == [])
            // Nor does any part of it stand in plain text (the sealed identifiers and snapshot are gone too).
            #expect(try await Self.columnsHolding("Qz7Merkteken", on: app.db) == [])

            // What the figures need stays: the Dutch level, the facts, the referral's states and dates.
            let id = UUID(uuidString: person)!
            let languages = try await PersonLanguageModel.query(on: app.db).filter(\.$person.$id == id).all()
            #expect(languages.map(\.language) == ["nl"] && languages.first?.level == .a2)
            #expect(try await sql.select().column("person_id").from(FigureFacts.personTable).where("person_id", .equal, id).all().count == 1)
            #expect(try await ConsentModel.query(on: app.db).filter(\.$person.$id == id).count() == 2)
            let model = try #require(try await ReferralModel.find(UUID(uuidString: referral.id), on: app.db))
            #expect(model.state == .refused && model.sentOn != nil)
        }
    }

    /// A 50 kB string into every free-text field a client can fill about a person and the chain's work
    /// around them: 422 naming the field, nothing written.
    @Test(arguments: TestDatabase.all)
    func fiftyKilobytesInAnyFreeTextFieldIsRefusedNamingTheField(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            try await Fixtures.demoWorld(app, persons: 0)
            let api = JSONAPI(app: app)
            let long = String(repeating: "<a'&>", count: 10_000)
            #expect(long.utf8.count == 50_000)
            let inGent = try await api.token("trajectory-counsellor", "in-gent")
            let vdab = try await api.token("job-counsellor", "vdab-gent")
            let vdabID = try await api.organisationID("vdab-gent", token: inGent)
            func refused(_ answer: JSONAPI.Answer, _ field: String, _ context: String) {
                #expect(answer.status == .unprocessableEntity, "\(context): \(answer.status)")
                #expect((answer["error"] as? [String: Any])?["field"] as? String == field, "\(context): \(answer.text.prefix(300))")
            }

            let base: [String: Any] = [
                "givenName": "Anna", "familyName": "Voorbeeld", "birthYear": 1994, "countryOfOrigin": "ER", "homeMunicipalityId": "44021",
                "languages": [["language": "ti", "level": "C2", "assessedOn": "2026-05-01", "isMotherTongue": true]],
                "education": [["level": 6, "field": "Verpleegkunde", "country": "ER", "recognition": "not-requested"]],
                "workExperience": [["occupation": "3221", "years": 4, "country": "ER"]],
            ]
            let personCases: [(String, (inout [String: Any]) -> Void)] = [
                ("givenName", { $0["givenName"] = long }), ("familyName", { $0["familyName"] = long }),
                ("nationalRegisterNumber", { $0["nationalRegisterNumber"] = long }), ("phone", { $0["phone"] = long }),
                ("email", { $0["email"] = long }), ("address", { $0["address"] = long }),
                ("countryOfOrigin", { $0["countryOfOrigin"] = long }), ("homeMunicipalityId", { $0["homeMunicipalityId"] = long }),
                ("languages[0].language", { $0["languages"] = [["language": long, "level": "C2", "assessedOn": "2026-05-01", "isMotherTongue": true]] }),
                ("education[0].field", { $0["education"] = [["level": 6, "field": long, "country": "ER", "recognition": "not-requested"]] }),
                ("education[0].country", { $0["education"] = [["level": 6, "field": "Verpleegkunde", "country": long, "recognition": "not-requested"]] }),
                ("workExperience[0].country", { $0["workExperience"] = [["occupation": "3221", "years": 4, "country": long]] }),
                ("workExperience[0].occupation", { $0["workExperience"] = [["occupation": long, "years": 4, "country": "ER"]] }),
                ("jobWishes[0]", { $0["jobWishes"] = [long] }),
            ]
            for (field, change) in personCases {
                var body = base
                change(&body)
                refused(try await api.post("persons", token: inGent, body), field, "create \(field)")
            }
            #expect(try await PersonModel.query(on: app.db).count() == 0)
            let person = try await api.post("persons", token: inGent, base)
            #expect(person.status == .created, "\(person.text)")
            for (field, change) in personCases {
                var body: [String: Any] = ["version": 1]
                change(&body)
                refused(try await api.call(.PATCH, "persons/\(person.id)", token: inGent, body), field, "update \(field)")
            }

            let consent: [String: Any] = ["recipientOrganisationId": vdabID, "purpose": "guidance-to-work", "categories": ["identity"],
                                          "method": "signed-form", "textLanguage": "nl"]
            for field in ["text", "witness", "interpreter"] {
                refused(try await api.post("persons/\(person.id)/consents", token: inGent, consent.merging([field: long]) { $1 }), field, "consent \(field)")
            }
            let step: [String: Any] = ["kind": "dutch-nt2", "status": "running", "startsOn": "2026-06-01"]
            for field in ["provider", "note"] {
                refused(try await api.post("persons/\(person.id)/trajectory/steps", token: inGent, step.merging([field: long]) { $1 }), field, "step \(field)")
            }
            refused(try await api.post("persons/search", token: inGent, ["name": long]), "name", "search")
            refused(try await api.post("persons/\(person.id)/erase", token: inGent, ["reason": long]), "reason", "erasure reason")

            #expect(try await api.post("persons/\(person.id)/consents", token: inGent,
                                       consent.merging(["purpose": "case-conference", "categories": DataCategory.allCases.map(\.rawValue)]) { $1 })
                .status == .created)
            #expect(try await api.post("persons/\(person.id)/consents", token: inGent,
                                       consent.merging(["categories": DataCategory.allCases.map(\.rawValue)]) { $1 }).status == .created)
            let referral: [String: Any] = ["personId": person.id, "toOrganisationId": vdabID, "purpose": "guidance-to-work",
                                           "transfersOwnership": true]
            refused(try await api.post("referrals", token: inGent, referral.merging(["reason": long]) { $1 }), "reason", "referral reason")
            let draft = try await api.post("referrals", token: inGent, referral.merging(["reason": "Klaar voor werk."]) { $1 })
            #expect(draft.status == .created, "\(draft.text)")
            refused(try await api.post("referrals/\(draft.id)/send", token: inGent, ["text": long]), "text", "send text")
            #expect(try await api.post("referrals/\(draft.id)/send", token: inGent).status == .ok)
            #expect(try await api.post("referrals/\(draft.id)/receive", token: vdab).status == .ok)
            for field in ["participants", "notes"] {
                var meeting: [String: Any] = ["heldOn": "2026-09-21", "participants": "Trajectbegeleider, consulent"]
                meeting[field] = long
                refused(try await api.post("referrals/\(draft.id)/hand-over-meeting", token: inGent, meeting), field, "meeting \(field)")
            }
            refused(try await api.post("referrals/\(draft.id)/refuse", token: vdab, ["reason": "motivation", "text": long]), "text", "refuse text")

            refused(try await api.post("case-conferences", token: inGent,
                                       ["heldOn": "2026-09-21", "title": long, "participantOrganisationIds": [vdabID]]), "title", "conference title")
            let conference = try await api.post("case-conferences", token: inGent,
                                                ["heldOn": "2026-09-21", "title": "Casusoverleg", "participantOrganisationIds": [vdabID]])
            #expect(try await api.post("case-conferences/\(conference.id)/persons", token: inGent, ["personId": person.id]).status == .ok)
            refused(try await api.post("case-conferences/\(conference.id)/items", token: inGent,
                                       ["kind": "decision", "personId": person.id, "text": long]), "text", "conference item")

            // Nothing of it reached the database.
            #expect(try await Self.columnsHolding("<a'&><a'&>", on: app.db) == [])
        }
    }

    /// The screening and consent forms: 50 kB into a field is refused with the error at that field.
    @Test(arguments: TestDatabase.all)
    func theFormsRefuseFiftyKilobytesAtTheField(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            try await Fixtures.demoWorld(app, persons: 0)
            // Letters only: URL-encoded, other characters would pass the request size limit first.
            let long = String(repeating: "abcde", count: 10_000)
            var page = try await WebSession.signIn(app, "social-worker@fedasil-poelkapelle.demo")
            for field in ["educationField", "givenName", "address"] {
                var values = WebPageTests.screening
                values["educationLevel"] = "6"
                values["educationField"] = "Verpleegkunde"
                values[field] = long
                let answer = try await page.post("personen", values)
                #expect(answer.status == .unprocessableEntity, "\(field)")
                #expect(answer.html.contains("href=\"#\(field)\""), "\(field)")
                #expect(answer.html.contains("id=\"\(field)-error\""), "\(field)")
            }
            #expect(try await PersonModel.query(on: app.db).count() == 0)
            var values = WebPageTests.screening
            values["educationLevel"] = "6"
            values["educationField"] = "Verpleegkunde"
            let created = try await page.post("personen", values)
            let person = try #require(created.location?.split(separator: "/").last.map(String.init))
            let form = try await page.get("personen/\(person)/toestemmingen/nieuw")
            let vdab = try #require(form.html.option(in: "recipient", labelled: "VDAB Ieper"))
            for field in ["witness", "interpreter", "text"] {
                var consent = ["recipient": vdab, "purpose": "guidance-to-work", "method": "signed-form", "cat-identity": "on", "textLanguage": "nl"]
                consent[field] = long
                let answer = try await page.post("personen/\(person)/toestemmingen", consent)
                #expect(answer.status == .unprocessableEntity, "\(field)")
                #expect(answer.html.contains("id=\"\(field)-error\""), "\(field)")
            }
            #expect(try await ConsentModel.query(on: app.db).count() == 0)
        }
    }
}
