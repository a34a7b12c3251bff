import Foundation
import Testing
import VaporTesting
@testable import SchakelApp
import SchakelCore

/// The three chains of the source cases (docs/domain.md#the-source-cases), walked end to end through the API on
/// the demo chain, as the caseworkers of each organisation would. The test clock stands on 2026-09-21.
@Suite("Seed chains end to end")
struct SeedChainTests {
    static let profileForWork = DataCategory.allCases.filter { $0 != .assessment }.map(\.rawValue)

    static func person(given: String, municipality: String, status: String, since: String, requestedOn: String? = nil) -> [String: Any] {
        var input: [String: Any] = [
            "givenName": given, "familyName": "Voorbeeld", "birthDate": "1994-02-03", "countryOfOrigin": "AF",
            "homeMunicipalityId": municipality, "statusHistory": [["status": status, "since": since]],
            "languages": [["language": "nl", "level": "A2", "assessedOn": "2026-06-15", "isMotherTongue": false]],
            "workExperience": [["occupation": "8322", "years": 3, "country": "AF"]], "jobWishes": ["8322"],
        ]
        if let requestedOn { input["protectionRequestedOn"] = requestedOn }
        return input
    }

    static func consent(_ api: JSONAPI, token: String, person: String, to recipient: String, purpose: String,
                        categories: [String] = profileForWork) async throws {
        let answer = try await api.post("persons/\(person)/consents", token: token, [
            "recipientOrganisationId": recipient, "purpose": purpose, "categories": categories, "method": "signed-form",
            "text": "Ik geef toestemming om mijn gegevens te delen.", "textLanguage": "nl",
        ])
        #expect(answer.status == .created, "\(answer.text)")
    }

    static func step(_ api: JSONAPI, _ referral: String, _ action: String, token: String, _ body: [String: Any]? = nil,
                     expect status: HTTPStatus = .ok) async throws -> JSONAPI.Answer {
        let answer = try await api.post("referrals/\(referral)/\(action)", token: token, body)
        #expect(answer.status == status, "\(action): \(answer.text)")
        return answer
    }

    // MARK: docs/domain.md#case-004: the reception centre refers a resident to VDAB at the right-to-work date.

    @Test(arguments: TestDatabase.all)
    func receptionCentreRefersToVDABAtTheRightToWorkDate(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            try await Fixtures.demoWorld(app, persons: 0)
            let api = JSONAPI(app: app)
            let fedasil = try await api.token("social-worker", "fedasil-poelkapelle")
            let vdab = try await api.token("job-counsellor", "vdab-ieper")
            let vdabID = try await api.organisationID("vdab-ieper", token: fedasil)

            // A resident who asked for protection on 1 June may work from 1 October: ten days ahead.
            let created = try await api.post("persons", token: fedasil,
                                             Self.person(given: "Amina", municipality: "33040", status: "applicant",
                                                         since: "2026-06-01", requestedOn: "2026-06-01"))
            #expect(created.status == .created, "\(created.text)")
            let person = created.id
            var upcoming = try await api.get("right-to-work/upcoming?weeks=4", token: fedasil)
            let listed = try #require(upcoming.list.first { $0["personId"] as? String == person })
            #expect(listed["rightToWorkOn"] as? String == "2026-10-01")
            #expect(listed["daysUntil"] as? Int == 10)
            #expect(listed["referred"] as? Bool == false)
            #expect(listed["givenName"] as? String == "Amina")
            // Other organisations do not see the centre's list.
            #expect(try await api.get("right-to-work/upcoming", token: vdab).list.isEmpty)

            // Screening in the centre, consent, and a referral whose preview shows what VDAB will see.
            let civic = try await api.post("persons/\(person)/trajectory/steps", token: fedasil,
                                           ["kind": "civic-orientation", "status": "running", "startsOn": "2026-07-01"])
            #expect(civic.status == .created, "\(civic.text)")
            try await Self.consent(api, token: fedasil, person: person, to: vdabID, purpose: "guidance-to-work")
            let draft = try await api.post("referrals", token: fedasil, [
                "personId": person, "toOrganisationId": vdabID, "purpose": "guidance-to-work",
                "reason": "Mag werken vanaf 1 oktober; wil als chauffeur aan de slag.", "desiredStart": "2026-10-01",
            ])
            #expect(draft.status == .created, "\(draft.text)")
            let referral = draft.id
            let preview = try await api.get("referrals/\(referral)/preview", token: fedasil)
            #expect(preview["givenName"] as? String == "Amina")
            #expect(preview["labourMarketDistance"] == nil)
            _ = try await Self.step(api, referral, "send", token: fedasil)
            upcoming = try await api.get("right-to-work/upcoming?weeks=4", token: fedasil)
            #expect(upcoming.list.first { $0["personId"] as? String == person }?["referred"] as? Bool == true)

            // VDAB hears of it in its inbox, and the snapshot holds what the preview showed.
            let inbox = try await api.get("notifications?unread=true", token: vdab)
            #expect(inbox.items.contains { $0["kind"] as? String == "referral-received" && $0["subjectId"] as? String == referral })
            #expect(!inbox.text.contains("Amina"))
            let received = try await Self.step(api, referral, "receive", token: vdab)
            #expect((received["snapshot"] as? [String: Any])?["givenName"] as? String == "Amina")
            #expect(received["dueOn"] as? String == "2026-09-28")
            _ = try await Self.step(api, referral, "accept", token: vdab)
            _ = try await Self.step(api, referral, "start", token: vdab)
            let screening = try await api.post("persons/\(person)/trajectory/steps", token: vdab,
                                               ["kind": "screening", "status": "running", "startsOn": "2026-09-21",
                                                "note": "Rijbewijs C in orde te brengen."])
            #expect(screening.status == .created, "\(screening.text)")

            // The centre follows it: state, decision in its inbox, VDAB's step beside its own on the timeline.
            #expect(try await api.get("notifications", token: fedasil).items.contains { $0["kind"] as? String == "referral-decided" })
            let seen = try await api.get("referrals/\(referral)", token: fedasil)
            #expect(seen["state"] as? String == "in-progress")
            let trajectory = try await api.get("persons/\(person)/trajectory", token: fedasil)
            let steps = trajectory["steps"] as? [[String: Any]] ?? []
            #expect(Set(steps.compactMap { $0["kind"] as? String }) == ["civic-orientation", "screening"])
            #expect(Set(steps.compactMap { $0["lane"] as? Int }) == [0, 1])
            // VDAB's note stays with VDAB: the person did not consent to share it with the centre.
            #expect(steps.first { $0["kind"] as? String == "screening" }?["note"] == nil)
            #expect(trajectory["notesWithheld"] as? Bool == true)
            let milestones = (trajectory["milestones"] as? [[String: Any]] ?? []).map { "\($0["kind"]!) \($0["on"]!)" }
            #expect(milestones == ["protection-request 2026-06-01", "first-referral 2026-09-21", "right-to-work 2026-10-01"])

            _ = try await Self.step(api, referral, "complete", token: vdab, ["outcome": "training-started"])
            #expect(try await api.get("referrals/\(referral)", token: fedasil)["outcome"] as? String == "training-started")
        }
    }

    // MARK: docs/domain.md#case-001: IN-Gent → VDAB (warm hand-over) → Jobteam, with a case conference.

    @Test(arguments: TestDatabase.all)
    func inGentToVDABToJobteamWithACaseConference(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            try await Fixtures.demoWorld(app, persons: 0)
            let api = JSONAPI(app: app)
            let inGent = try await api.token("trajectory-counsellor", "in-gent")
            let vdab = try await api.token("job-counsellor", "vdab-gent")
            let jobteam = try await api.token("job-counsellor", "jobteam-gent")
            let vdabID = try await api.organisationID("vdab-gent", token: inGent)
            let jobteamID = try await api.organisationID("jobteam-gent", token: inGent)

            let person = try await api.post("persons", token: inGent,
                                            Self.person(given: "Yonas", municipality: "44021", status: "recognised-refugee",
                                                        since: "2026-05-01")).id
            let other = try await api.post("persons", token: inGent,
                                           Self.person(given: "Samir", municipality: "44021", status: "recognised-refugee",
                                                       since: "2026-04-01")).id
            var handOvers: [String] = []
            for id in [person, other] {
                try await Self.consent(api, token: inGent, person: id, to: vdabID, purpose: "guidance-to-work")
                let draft = try await api.post("referrals", token: inGent, [
                    "personId": id, "toOrganisationId": vdabID, "purpose": "guidance-to-work", "transfersOwnership": true,
                    "reason": "Inburgering afgerond; klaar voor begeleiding naar werk.",
                ])
                #expect(draft.status == .created, "\(draft.text)")
                handOvers.append(draft.id)
                _ = try await Self.step(api, draft.id, "send", token: inGent)
                _ = try await Self.step(api, draft.id, "receive", token: vdab)
                if id == person {
                    // The case manager explains the profile in a meeting, with the printed profile on the table.
                    let meeting = try await api.post("referrals/\(draft.id)/hand-over-meeting", token: inGent, [
                        "heldOn": "2026-09-21", "participants": "Trajectbegeleider IN-Gent, VDAB-consulent, Yonas, tolk Tigrinya",
                    ])
                    #expect(meeting.status == .created, "\(meeting.text)")
                    #expect((meeting["handOverMeetings"] as? [[String: Any]])?.count == 1)
                    #expect(try await api.get("notifications", token: vdab).items.contains { $0["kind"] as? String == "hand-over-meeting" })
                    for reader in [inGent, vdab] {
                        let profile = try await api.get("referrals/\(draft.id)/profile", token: reader)
                        #expect(profile.status == .ok)
                        let shown = try #require(profile["person"] as? [String: Any])
                        #expect(shown["givenName"] as? String == "Yonas")
                        // The assessment stays with IN-Gent: named as withheld.
                        #expect((shown["withheld"] as? [[String: Any]])?.contains { $0["category"] as? String == "assessment" } == true)
                        let meetings = profile["meetings"] as? [[String: Any]]
                        #expect(meetings?.first?["participants"] as? String == "Trajectbegeleider IN-Gent, VDAB-consulent, Yonas, tolk Tigrinya")
                        #expect(meetings?.first?["heldOn"] as? String == "2026-09-21")
                    }
                    // Printed from the referral's page, on both sides.
                    for email in ["trajectory-counsellor@in-gent.demo", "job-counsellor@vdab-gent.demo"] {
                        var browser = try await WebSession.signIn(app, email)
                        let printed = try await browser.get("doorverwijzingen/\(draft.id)/profiel")
                        #expect(printed.status == .ok)
                        #expect(printed.html.contains("Profiel voor warme overdracht"))
                        #expect(printed.html.contains("Yonas"))
                        #expect(printed.html.contains("Niet gedeeld")) // the assessment stays with IN-Gent
                        #expect(printed.html.contains("tolk Tigrinya"))
                        #expect(printed.html.contains("21/09/2026"))
                    }
                }
                _ = try await Self.step(api, draft.id, "accept", token: vdab)
            }
            // The old owner's printable profile does not become a window on the new owner's dossier.
            #expect(try await api.get("referrals/\(handOvers[0])/profile", token: inGent).status == .notFound)
            // The warm hand-over made VDAB the owner: it now records consent for the Jobteam itself.
            let dossier = try await api.get("persons/\(person)", token: vdab)
            #expect(dossier["ownerOrganisationId"] as? String == vdabID)
            try await Self.consent(api, token: vdab, person: person, to: jobteamID, purpose: "intensive-guidance",
                                   categories: Self.profileForWork + ["assessment"])
            try await Self.consent(api, token: vdab, person: person, to: jobteamID, purpose: "case-conference",
                                   categories: ["identity", "trajectory-and-referrals"])
            // The onward referral is no hand-over: it has no meeting and no printable profile.
            let onward = try await api.post("referrals", token: vdab, [
                "personId": person, "toOrganisationId": jobteamID, "purpose": "intensive-guidance", "urgency": "urgent",
                "reason": "Grote afstand tot de arbeidsmarkt; intensieve begeleiding nodig.",
            ])
            #expect(onward.status == .created, "\(onward.text)")
            #expect(try await api.get("referrals/\(onward.id)/profile", token: vdab).status == .unprocessableEntity)
            _ = try await Self.step(api, onward.id, "send", token: vdab)
            _ = try await Self.step(api, onward.id, "receive", token: jobteam)
            _ = try await Self.step(api, onward.id, "accept", token: jobteam)
            // IN-Gent still sees how its referral ended up (closed loop), not the dossier.
            #expect(try await api.get("referrals/\(handOvers[0])", token: inGent)["state"] as? String == "accepted")

            // VDAB and the Jobteam discuss the person; one who did not consent cannot be put on the agenda.
            let conference = try await api.post("case-conferences", token: vdab, [
                "heldOn": "2026-09-21", "title": "Casusoverleg VDAB Gent – Jobteam", "participantOrganisationIds": [jobteamID],
            ])
            #expect(conference.status == .created, "\(conference.text)")
            let conferenceID = conference.id
            let added = try await api.post("case-conferences/\(conferenceID)/persons", token: vdab, ["personId": person])
            #expect(added.status == .ok, "\(added.text)")
            let refused = try await api.post("case-conferences/\(conferenceID)/persons", token: vdab, ["personId": other])
            #expect(refused.status == .unprocessableEntity)
            #expect(((refused["error"] as? [String: Any])?["message"] as? String)?.contains("Jobteam Gent") == true)
            #expect(try await api.post("case-conferences/\(conferenceID)/items", token: vdab,
                                       ["kind": "decision", "personId": person, "text": "Start intensieve begeleiding."]).status == .created)
            let action = try await api.post("case-conferences/\(conferenceID)/items", token: vdab, [
                "kind": "action", "personId": person, "text": "Werkplekbezoek plannen.", "ownerOrganisationId": jobteamID,
                "dueOn": "2026-10-15",
            ])
            #expect(action.status == .created, "\(action.text)")
            let noOwner = try await api.post("case-conferences/\(conferenceID)/items", token: vdab,
                                             ["kind": "action", "text": "Iets doen.", "dueOn": "2026-10-15"])
            #expect((noOwner["error"] as? [String: Any])?["field"] as? String == "ownerOrganisationId")

            // The Jobteam sees the conference and its action in the inbox; IN-Gent does not know of it.
            let seen = try await api.get("case-conferences/\(conferenceID)", token: jobteam)
            #expect(seen["personIds"] as? [String] == [person])
            #expect((seen["items"] as? [[String: Any]])?.count == 2)
            #expect(try await api.get("notifications", token: jobteam).items.contains {
                $0["kind"] as? String == "conference-action" && $0["subjectId"] as? String == action.id
            })
            #expect(try await api.get("case-conferences/\(conferenceID)", token: inGent).status == .notFound)

            // The follow-up starts from what is still open.
            let followUp = try await api.post("case-conferences", token: jobteam, [
                "heldOn": "2026-10-20", "title": "Opvolging", "participantOrganisationIds": [vdabID], "followsUpId": conferenceID,
            ])
            #expect((followUp["carriedOver"] as? [[String: Any]])?.map { $0["id"] as? String } == [action.id])
            _ = try await api.post("case-conferences/\(conferenceID)/items/\(action.id)/status", token: jobteam, ["status": "done"])
            #expect((try await api.get("case-conferences/\(followUp.id)", token: vdab)["carriedOver"] as? [Any])?.isEmpty == true)
            // A follow-up cannot bring in an organisation that was not at the table.
            let widened = try await api.post("case-conferences", token: vdab, [
                "heldOn": "2026-10-21", "title": "Opvolging met IN-Gent", "participantOrganisationIds": [jobteamID, try await api.organisationID("in-gent", token: vdab)],
                "followsUpId": conferenceID,
            ])
            #expect(widened.status == .unprocessableEntity)

            // When the person withdraws the case-conference consent, the Jobteam loses them from the conference at once.
            let second = try await api.post("case-conferences/\(conferenceID)/items", token: vdab, [
                "kind": "action", "personId": person, "text": "Sollicitatietraining.", "ownerOrganisationId": jobteamID, "dueOn": "2026-10-30",
            ])
            #expect(second.status == .created)
            let consents = try await api.get("persons/\(person)/consents", token: vdab)
            let conferenceConsent = try #require(consents.list.first {
                $0["recipientOrganisationId"] as? String == jobteamID && $0["purpose"] as? String == "case-conference"
            })
            #expect(try await api.post("consents/\(conferenceConsent["id"] as! String)/withdraw", token: vdab).status == .ok)
            let after = try await api.get("case-conferences/\(conferenceID)", token: jobteam)
            #expect((after["personIds"] as? [String])?.isEmpty == true)
            #expect(!after.text.contains("Sollicitatietraining"))
            #expect(try await api.post("case-conferences/\(conferenceID)/items/\(second.id)/status", token: jobteam, ["status": "done"]).status
                    == .notFound)
        }
    }

    // MARK: docs/domain.md#case-002: an OCMW training request, refused, then reconsidered after talks.

    @Test(arguments: TestDatabase.all)
    func ocmwTrainingRequestRefusedThenReconsidered(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            try await Fixtures.demoWorld(app, persons: 0)
            let api = JSONAPI(app: app)
            let ocmw = try await api.token("social-worker", "ocmw-mechelen")
            let vdab = try await api.token("consultant", "vdab-mechelen")
            let vdabID = try await api.organisationID("vdab-mechelen", token: ocmw)

            let person = try await api.post("persons", token: ocmw,
                                            Self.person(given: "Olena", municipality: "12025", status: "temporary-protection",
                                                        since: "2025-11-01")).id
            // Article 60 work experience with Dutch lessons beside it (docs/domain.md#case-002).
            for step: [String: Any] in [
                ["kind": "temporary-work-experience", "status": "running", "startsOn": "2026-01-05", "provider": "Werkhuis Mechelen"],
                ["kind": "dutch-nt2", "status": "running", "startsOn": "2026-02-01", "levelReached": "A2"],
            ] {
                let answer = try await api.post("persons/\(person)/trajectory/steps", token: ocmw, step)
                #expect(answer.status == .created, "\(answer.text)")
            }
            let badStep = try await api.post("persons/\(person)/trajectory/steps", token: ocmw,
                                             ["kind": "training", "status": "completed", "startsOn": "2026-02-01"])
            #expect((badStep["error"] as? [String: Any])?["field"] as? String == "endsOn")

            try await Self.consent(api, token: ocmw, person: person, to: vdabID, purpose: "training")
            let draft = try await api.post("referrals", token: ocmw, [
                "personId": person, "toOrganisationId": vdabID, "purpose": "training",
                "reason": "Einde werkervaring in december; opleiding magazijnmedewerker gevraagd.",
            ])
            #expect(draft.status == .created, "\(draft.text)")
            let referral = draft.id
            _ = try await Self.step(api, referral, "send", token: ocmw)
            _ = try await Self.step(api, referral, "receive", token: vdab)
            let noReason = try await Self.step(api, referral, "refuse", token: vdab, ["text": "Nee."], expect: .unprocessableEntity)
            #expect((noReason["error"] as? [String: Any])?["field"] as? String == "reason")
            _ = try await Self.step(api, referral, "refuse", token: vdab,
                                    ["reason": "dutch-level-too-low", "text": "Niveau A2; de opleiding vraagt B1."])

            // The OCMW sees the refusal and its reason code; VDAB's note only with the person's consent.
            var seen = try await api.get("referrals/\(referral)", token: ocmw)
            #expect(seen["state"] as? String == "refused")
            let refusal = (seen["history"] as? [[String: Any]])?.last
            #expect(refusal?["reason"] as? String == "dutch-level-too-low")
            #expect(refusal?["text"] == nil)
            #expect(seen["notesWithheld"] as? Bool == true)

            // After talks VDAB reconsiders, accepts and starts the training; the history keeps both decisions.
            _ = try await Self.step(api, referral, "reconsider", token: vdab, ["text": "Na overleg: taalondersteuning op de vloer."])
            _ = try await Self.step(api, referral, "accept", token: vdab)
            _ = try await Self.step(api, referral, "start", token: vdab)
            let training = try await api.post("persons/\(person)/trajectory/steps?purpose=training", token: vdab,
                                              ["kind": "training", "status": "running", "startsOn": "2026-09-21",
                                               "provider": "Leerpunt Opleidingen"])
            #expect(training.status == .created, "\(training.text)")
            seen = try await api.get("referrals/\(referral)", token: ocmw)
            let actions = (seen["history"] as? [[String: Any]] ?? []).compactMap { $0["action"] as? String }
            #expect(actions == ["send", "receive", "refuse", "reconsider", "accept", "start"])
            // Three steps at once on the OCMW's timeline: three lanes.
            let trajectory = try await api.get("persons/\(person)/trajectory", token: ocmw)
            let lanes = (trajectory["steps"] as? [[String: Any]] ?? []).compactMap { $0["lane"] as? Int }
            #expect(Set(lanes) == [0, 1, 2])
            #expect(trajectory["dutchLevel"] as? String == "A2")
            // A VDAB step is VDAB's to change; the OCMW gets 403, a stale version gets 409.
            let trainingID = training.id
            #expect(try await api.call(.PATCH, "persons/\(person)/trajectory/steps/\(trainingID)", token: ocmw,
                                       ["version": 1, "status": "stopped"]).status == .forbidden)
            let updated = try await api.call(.PATCH, "persons/\(person)/trajectory/steps/\(trainingID)?purpose=training", token: vdab,
                                             ["version": 1, "note": "Loopt goed."])
            #expect(updated.status == .ok, "\(updated.text)")
            #expect(try await api.call(.PATCH, "persons/\(person)/trajectory/steps/\(trainingID)?purpose=training", token: vdab,
                                       ["version": 1, "note": "Oude versie."]).status == .conflict)
        }
    }
}
