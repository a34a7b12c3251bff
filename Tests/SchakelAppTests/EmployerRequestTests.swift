import Fluent
import Foundation
import Testing
import VaporTesting
@testable import SchakelApp
import SchakelCore

@Suite("Employer requests: routed to a contact person and followed to an answer")
struct EmployerRequestTests {
    @Test(arguments: TestDatabase.all)
    func anEmployersQuestionReachesAContactAndGetsAnAnswer(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            try await Fixtures.demoWorld(app, persons: 0)
            let api = JSONAPI(app: app)
            let bakery = try await api.token("employer-contact", "bakkerij-van-acker")
            let jobteamLead = try await api.token("consultant", "jobteam-gent")
            let jobteamContact = try await api.token("job-counsellor", "jobteam-gent")
            let stranger = try await api.token("job-counsellor", "vdab-ieper")
            let jobteamID = try await api.organisationID("jobteam-gent", token: bakery)

            var body: [String: Any] = [
                "kind": "hiring-question", "employerName": "Bakkerij Van Acker", "municipalityId": "44021", "sector": "voeding",
                "description": "Hoe kunnen we een nieuwkomer als hulpbakker aanwerven? Wat met taalondersteuning op de vloer?",
            ]
            // An employer must say who should handle its question.
            let missing = try await api.post("employer-requests", token: bakery, body)
            #expect(missing.status == .unprocessableEntity)
            #expect((missing["error"] as? [String: Any])?["field"] as? String == "handlingOrganisationId")
            body["handlingOrganisationId"] = jobteamID
            let created = try await api.post("employer-requests", token: bakery, body)
            #expect(created.status == .created, "\(created.text)")
            #expect(created["state"] as? String == "new")
            let id = created.id

            // An organisation that neither handles nor sent it does not know of it.
            #expect(try await api.get("employer-requests/\(id)", token: stranger).status == .notFound)
            // The employer cannot route or answer its own question.
            let me = try await api.get("me", token: jobteamContact)
            #expect(try await api.post("employer-requests/\(id)/assign", token: bakery, ["contactUserId": me.id]).status == .forbidden)
            // Answering before anyone was assigned is not possible; the error names what is.
            let early = try await api.post("employer-requests/\(id)/answer", token: jobteamLead, ["answer": "Ja."])
            #expect(early.status == .conflict)
            #expect((early["error"] as? [String: Any])?["allowed"] as? [String] == ["assign"])
            // Only staff of the handling organisation can be the contact.
            let outsider = try await api.get("me", token: stranger)
            #expect(try await api.post("employer-requests/\(id)/assign", token: jobteamLead, ["contactUserId": outsider.id]).status
                    == .unprocessableEntity)
            // Nor a colleague whose account was closed.
            let leaver = try #require(try await UserModel.query(on: app.db).filter(\.$email == "social-worker@jobteam-gent.demo").first())
            leaver.closedAt = Date()
            try await leaver.update(on: app.db)
            #expect(try await api.post("employer-requests/\(id)/assign", token: jobteamLead, ["contactUserId": try leaver.requireID().uuidString]).status
                    == .unprocessableEntity)

            let assigned = try await api.post("employer-requests/\(id)/assign", token: jobteamLead, ["contactUserId": me.id])
            #expect(assigned["state"] as? String == "assigned")
            let inbox = try await api.get("notifications?unread=true", token: jobteamContact)
            let note = try #require(inbox.items.first { $0["kind"] as? String == "employer-request-assigned" })
            #expect(note["subjectId"] as? String == id)
            // A notification to one colleague is not in the inbox of another.
            #expect(!(try await api.get("notifications", token: jobteamLead).items.contains { $0["subjectId"] as? String == id }))
            #expect(try await api.post("notifications/\(note["id"] as! String)/read", token: jobteamContact)["read"] as? Bool == true)

            let answered = try await api.post("employer-requests/\(id)/answer", token: jobteamContact, [
                "answer": "Ja: via een IBO met taalcoaching. We plannen een werkplekbezoek.",
            ])
            #expect(answered["state"] as? String == "answered")
            #expect(answered["answeredOn"] as? String == "2026-09-21")
            _ = try await api.post("employer-requests/\(id)/close", token: jobteamContact)
            let closedAgain = try await api.post("employer-requests/\(id)/close", token: jobteamContact)
            #expect(closedAgain.status == .conflict)

            // The employer sees the answer in its own list.
            let list = try await api.get("employer-requests", token: bakery)
            #expect(list.items.first { $0["id"] as? String == id }?["answer"] as? String == "Ja: via een IBO met taalcoaching. We plannen een werkplekbezoek.")
            #expect(try await api.get("employer-requests?state=closed", token: jobteamLead).items.count == 1)
        }
    }
}
