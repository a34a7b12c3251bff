import Fluent
import Foundation
import Testing
import VaporTesting
@testable import SchakelApp
import SchakelCore
import SchakelDemo

/// The administrator's pages for the registry: a new organisation, an agreement with a route, a route the
/// partner opens, and ending it, each seen where a caseworker notices it (the organisations they may refer to).
@Suite("Administration pages")
struct AdministrationPageTests {
    static func checkboxID(_ html: String, prefix: String, label: String) -> String? {
        let pattern = "id=\"\(prefix)-([0-9A-F-]{36})\"[^>]*>\\s*<label for=\"\(prefix)-[0-9A-F-]{36}\">"
            + NSRegularExpression.escapedPattern(for: label) + "<"
        guard let range = html.range(of: pattern, options: .regularExpression) else { return nil }
        return String(html[range].dropFirst(4 + prefix.count + 1).prefix(36))
    }

    @Test(arguments: TestDatabase.all)
    func anAdministratorAddsAPartnerOpensARouteAndEndsIt(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            try await Fixtures.demoWorld(app, persons: 0)
            var admin = try await WebSession.signIn(app, "administrator@vdab-gent.demo")
            var counsellor = try await WebSession.signIn(app, "job-counsellor@vdab-gent.demo")

            // A new organisation: every problem at once, then added.
            #expect(try await admin.get("beheer/organisaties/nieuw").status == .ok)
            let wrong = try await admin.post("beheer/organisaties", ["name": "", "kind": "ocmw", "regionId": "40000", "municipalityId": "11002"])
            #expect(wrong.status == .unprocessableEntity)
            #expect(wrong.html.contains("href=\"#name\"") && wrong.html.contains("href=\"#municipalityId\""))
            #expect(wrong.html.visibleText.contains("Deze gemeente ligt niet in de gekozen regio."))
            let added = try await admin.post("beheer/organisaties", ["name": "OCMW Eeklo", "kind": "ocmw", "regionId": "40000"])
            #expect(added.status == .seeOther && added.location == "/beheer#organisaties")
            #expect(try await admin.get("beheer").html.visibleText.contains("OCMW Eeklo is toegevoegd aan de keten."))

            // An agreement with it: errors first, nothing written; then recorded with a route from VDAB Gent.
            let form = try await admin.get("beheer/overeenkomsten/nieuw")
            let eeklo = try #require(Self.checkboxID(form.html, prefix: "party", label: "OCMW Eeklo"))
            #expect(Self.checkboxID(form.html, prefix: "party", label: "VDAB Gent") == nil, "one's own organisation is always a party")
            let before = try await AgreementModel.query(on: app.db).count()
            let refused = try await admin.post("beheer/overeenkomsten", ["title": "VDAB Gent en OCMW Eeklo", "kind": "bilateral",
                                                                         "validFrom": "2026-01-01", "validUntil": "2025-01-01", "cat-identity": "on"])
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.html.contains("href=\"#parties\"") && refused.html.contains("href=\"#validUntil\""))
            #expect(refused.html.contains("value=\"VDAB Gent en OCMW Eeklo\""), "what was typed stays")
            #expect(try await AgreementModel.query(on: app.db).count() == before)
            let created = try await admin.post("beheer/overeenkomsten", [
                "title": "VDAB Gent en OCMW Eeklo", "kind": "bilateral", "regionId": "40000", "validFrom": "2026-01-01",
                "party-\(eeklo)": "on", "task-guidance": "on", "cat-identity": "on", "cat-languages": "on", "responseDays": "7",
            ])
            #expect(created.status == .seeOther)
            let path = String(try #require(created.location).dropFirst())
            let page = try await admin.get(path)
            #expect(page.status == .ok)
            let text = page.html.visibleText
            #expect(text.contains("VDAB Gent OCMW Eeklo identiteit, talen 7"))
            #expect(text.contains("begeleiding naar werk") && text.contains("van kracht"))

            // The caseworker now may refer a VDAB Gent dossier to OCMW Eeklo.
            let person = String(try #require(try await counsellor.post("personen", WebPageTests.screening).location).split(separator: "/").last!)
            #expect(try await counsellor.get("personen/\(person)/doorverwijzen").html.option(in: "to", labelled: "OCMW Eeklo") != nil)

            // One route per direction: the other direction is OCMW Eeklo's own administrator's to open.
            let twice = try await admin.post(path + "/routes", ["toOrganisationId": eeklo, "cat-contact": "on"])
            #expect(twice.status == .unprocessableEntity)
            #expect(twice.html.visibleText.contains("Deze route bestaat al in deze overeenkomst."))

            // Ending asks first, then closes the route: the caseworker can no longer choose OCMW Eeklo.
            let confirm = try await admin.get(path + "/beeindigen")
            #expect(confirm.html.visibleText.contains("Wil je 'VDAB Gent en OCMW Eeklo' nu beëindigen?"))
            let ended = try await admin.post(path + "/beeindigen", [:])
            #expect(ended.status == .seeOther)
            let after = try await admin.get(path)
            #expect(after.html.visibleText.contains("niet van kracht") && after.html.visibleText.contains("Beëindigd door VDAB Gent"))
            #expect(!after.html.contains("/beeindigen\""), "an ended agreement cannot be ended again")
            #expect(try await counsellor.get("personen/\(person)/doorverwijzen").html.option(in: "to", labelled: "OCMW Eeklo") == nil)

            // Caseworkers see none of this; another organisation's administrator cannot end it.
            #expect(try await counsellor.get(path).status == .forbidden)
            var other = try await WebSession.signIn(app, "administrator@in-gent.demo")
            #expect(try await other.post(path + "/beeindigen", [:]).status == .forbidden)
            // In English too.
            _ = try await admin.post("taal", ["taal": "en", "terug": "/beheer"])
            #expect(try await admin.get(path).html.visibleText.contains("not in force"))
        }
    }
}

extension AdministrationPageTests {
    /// A colleague's new role applies at their next click; a closed account signs in no more and its tokens stop.
    @Test(arguments: TestDatabase.all)
    func anAdministratorChangesARoleAndClosesAnAccount(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            try await Fixtures.demoWorld(app, persons: 0)
            var admin = try await WebSession.signIn(app, "administrator@vdab-gent.demo")
            var colleague = try await WebSession.signIn(app, "employer-contact@vdab-gent.demo")
            let token = try await Fixtures.token(app, email: "employer-contact@vdab-gent.demo", password: DemoWorld.password)
            let account = try #require(try await UserModel.query(on: app.db).filter(\.$email == "employer-contact@vdab-gent.demo").first())
            let id = try account.requireID().uuidString
            let me = try #require(try await UserModel.query(on: app.db).filter(\.$email == "administrator@vdab-gent.demo").first())

            let page = try await admin.get("beheer")
            #expect(page.html.contains("<label for=\"role-\(id)\""))
            #expect(!page.html.contains("role-\(try me.requireID().uuidString)"), "no form for one's own account")
            #expect(try await colleague.get("cijfers").status == .forbidden)
            let changed = try await admin.post("beheer/accounts/\(id)/rol", ["role": "analyst"])
            #expect(changed.status == .seeOther)
            #expect(try await colleague.get("cijfers").status == .ok, "the new role applies at once")
            #expect(try await admin.post("beheer/accounts/\(id)/rol", ["role": "director"]).status == .unprocessableEntity)
            #expect(try await admin.post("beheer/accounts/\(try me.requireID().uuidString)/rol", ["role": "analyst"]).status == .unprocessableEntity)

            // Another organisation's administrator cannot reach the account.
            var other = try await WebSession.signIn(app, "administrator@in-gent.demo")
            #expect(try await other.post("beheer/accounts/\(id)/rol", ["role": "administrator"]).status == .notFound)

            // Something waits for the colleague in their inbox.
            let organisation = account.$organisation.id
            try await Notifier.notify(.referralOverdue, about: UUID(), organisation: organisation, user: try account.requireID(),
                                      dedupeKey: "test:before", at: Date(), on: app.db)

            let confirm = try await admin.get("beheer/accounts/\(id)/sluiten")
            #expect(confirm.html.visibleText.contains("Wil je het account van"))
            #expect(try await admin.post("beheer/accounts/\(id)/sluiten", [:]).status == .seeOther)
            #expect(try await admin.get("beheer").html.visibleText.contains("gesloten op"))
            let signedOut = try await colleague.get("start")
            #expect(signedOut.status == .seeOther && signedOut.location?.hasPrefix("/aanmelden") == true, "the open session ends")
            try await app.testing().test(.GET, "api/v1/me", beforeRequest: { $0.bearer(token) }) { response in
                #expect(response.status == .unauthorized)
            }
            try await app.testing().test(.POST, "api/v1/auth/token", beforeRequest: { request in
                try request.content.encode(["email": "employer-contact@vdab-gent.demo", "password": DemoWorld.password])
            }) { response in
                #expect(response.status == .unauthorized)
            }
            #expect(try await UserTokenModel.query(on: app.db).filter(\.$user.$id == account.requireID()).count() == 0)
            // What waited for them, and what comes for them later, goes to their organisation.
            try await Notifier.notify(.referralOverdue, about: UUID(), organisation: organisation, user: try account.requireID(),
                                      dedupeKey: "test:after", at: Date(), on: app.db)
            let addressed = try await NotificationModel.query(on: app.db).filter(\.$dedupeKey ~~ ["test:before", "test:after"]).all()
            #expect(addressed.count == 2 && addressed.allSatisfy { $0.$user.id == nil })
            #expect(try await OutboxMessageModel.query(on: app.db).filter(\.$user.$id == account.requireID()).count() == 0)
        }
    }
}
