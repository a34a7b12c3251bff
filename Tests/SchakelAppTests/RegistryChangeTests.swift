import Fluent
import Foundation
import Testing
import VaporTesting
@testable import SchakelApp
import SchakelCore

/// Administrators add organisations and record, extend and end agreements; what they write is what the
/// access rule then obeys.
@Suite("Registry changes by administrators")
struct RegistryChangeTests {
    struct Chain {
        var reception: OrganisationModel
        var vdab: OrganisationModel
        var other: OrganisationModel
        var receptionAdmin: String
        var receptionSocialWorker: String
        var vdabAdmin: String
        var vdabCounsellor: String
        var otherAdmin: String
    }

    static func chain(_ app: Application) async throws -> Chain {
        let reception = try await Fixtures.organisation(app, slug: "opvang-test", kind: .reception, region: "30000", municipality: "33011")
        let vdab = try await Fixtures.organisation(app, slug: "vdab-test", kind: .employmentService, region: "30000", municipality: "33011")
        let other = try await Fixtures.organisation(app, slug: "elders-test", kind: .ocmw)
        func token(_ organisation: OrganisationModel, _ role: UserRole) async throws -> String {
            try await Fixtures.token(app, email: try await Fixtures.user(app, organisation: organisation, role: role).email)
        }
        return Chain(reception: reception, vdab: vdab, other: other,
                     receptionAdmin: try await token(reception, .administrator), receptionSocialWorker: try await token(reception, .socialWorker),
                     vdabAdmin: try await token(vdab, .administrator), vdabCounsellor: try await token(vdab, .jobCounsellor),
                     otherAdmin: try await token(other, .administrator))
    }

    @Test(arguments: TestDatabase.all)
    func anAgreementRecordedOpensTheRouteAndEndingItClosesIt(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let api = JSONAPI(app: app)
            let chain = try await Self.chain(app)
            let reception = try chain.reception.requireID().uuidString, vdab = try chain.vdab.requireID().uuidString
            let person = try await PrivacyWorld.createPerson(app, token: chain.receptionSocialWorker)
            _ = try await PrivacyWorld.addConsent(app, token: chain.receptionSocialWorker, person: person, recipient: try chain.vdab.requireID(),
                                                  categories: [.identity, .languages, .workExperience])
            // No agreement yet: VDAB cannot reach the person at all.
            #expect(try await api.get("persons/\(person)", token: chain.vdabCounsellor).status == .notFound)

            let created = try await api.post("agreements", token: chain.receptionAdmin, [
                "title": "Opvang en VDAB Ieper", "kind": "bilateral", "regionId": "30000", "validFrom": "2020-01-01",
                "parties": [["organisationId": reception, "tasks": ["screening"]], ["organisationId": vdab, "tasks": ["guidance"]]],
                "routes": [["toOrganisationId": vdab, "categories": ["identity", "languages"], "responseDays": 10]],
            ])
            #expect(created.status == .created, "\(created.text)")
            #expect(created["active"] as? Bool == true)
            let route = try #require((created["routes"] as? [[String: Any]])?.first)
            #expect(route["fromOrganisationId"] as? String == reception)
            #expect(route["responseDays"] as? Int == 10)
            let agreement = created.id

            // Now VDAB reads what the route and the consent both cover, and nothing more.
            let read = try await api.get("persons/\(person)", token: chain.vdabCounsellor)
            #expect(read.status == .ok)
            #expect(read["givenName"] as? String == "Testina")
            #expect((read["languages"] as? [Any])?.isEmpty == false)
            let withheld = (read["withheld"] as? [[String: Any]] ?? []).compactMap { $0["category"] as? String }
            #expect(withheld.contains("work-experience"))

            // A referral sent and received while the agreement is in force.
            let draft = try await api.post("referrals", token: chain.receptionSocialWorker, [
                "personId": person.uuidString, "toOrganisationId": vdab, "purpose": "guidance-to-work", "reason": "Mag werken; zoekt werk.",
            ])
            #expect(draft.status == .created, "\(draft.text)")
            #expect(try await api.post("referrals/\(draft.id)/send", token: chain.receptionSocialWorker).status == .ok)
            #expect(try await api.post("referrals/\(draft.id)/receive", token: chain.vdabCounsellor).status == .ok)

            // VDAB's administrator cannot widen the reception centre's route, but opens its own direction.
            let widened = try await api.post("agreements/\(agreement)/routes", token: chain.vdabAdmin,
                                             ["fromOrganisationId": reception, "toOrganisationId": vdab, "categories": ["assessment"]])
            #expect(widened.status == .unprocessableEntity)
            #expect((widened["error"] as? [String: Any])?["field"] as? String == "fromOrganisationId")
            let back = try await api.post("agreements/\(agreement)/routes", token: chain.vdabAdmin,
                                          ["toOrganisationId": reception, "categories": ["trajectory-and-referrals"]])
            #expect(back.status == .created, "\(back.text)")
            #expect((back["routes"] as? [Any])?.count == 2)
            let again = try await api.post("agreements/\(agreement)/routes", token: chain.vdabAdmin,
                                           ["toOrganisationId": reception, "categories": ["languages"]])
            #expect(again.status == .unprocessableEntity)
            // An administrator of an organisation that is no party can neither add to it nor end it.
            #expect(try await api.post("agreements/\(agreement)/end", token: chain.otherAdmin).status == .forbidden)
            #expect(try await api.post("agreements/\(agreement)/routes", token: chain.otherAdmin,
                                       ["toOrganisationId": vdab, "categories": ["identity"]]).status == .forbidden)

            let ended = try await api.post("agreements/\(agreement)/end", token: chain.receptionAdmin)
            #expect(ended.status == .ok)
            #expect(ended["active"] as? Bool == false)
            #expect(ended["endedAt"] is String)
            // From today nothing travels: VDAB cannot reach the person any more, nor take them on through the
            // referral received before; refusing it stays possible, so the sender hears.
            #expect(try await api.get("persons/\(person)", token: chain.vdabCounsellor).status == .notFound)
            let accept = try await api.post("referrals/\(draft.id)/accept", token: chain.vdabCounsellor)
            #expect(accept.status == .unprocessableEntity)
            #expect((accept["error"] as? [String: Any])?["field"] as? String == "action")
            #expect(try await api.post("referrals/\(draft.id)/refuse", token: chain.vdabCounsellor,
                                       ["reason": "other", "text": "De overeenkomst is beëindigd."]).status == .ok)
            #expect(try await api.post("agreements/\(agreement)/end", token: chain.vdabAdmin).status == .conflict)
            let late = try await api.post("agreements/\(agreement)/routes", token: chain.vdabAdmin,
                                          ["toOrganisationId": reception, "categories": ["contact"]])
            #expect(late.status == .conflict)

            // Each change is in the audit chain, with who made it; no person is named.
            let actions = try await AuditEntryModel.query(on: app.db).filter(\.$personID == nil).all().map(\.action)
            #expect(actions.filter { $0 == "agreement-create" }.count == 1)
            #expect(actions.filter { $0 == "agreement-route" }.count == 1)
            #expect(actions.filter { $0 == "agreement-end" }.count == 1)
            let stored = try #require(try await AgreementModel.find(UUID(uuidString: agreement), on: app.db))
            #expect(stored.endedByUserID != nil && stored.createdByUserID != nil)
        }
    }

    @Test(arguments: TestDatabase.all)
    func badAgreementsAreRefusedWithTheFieldAndNothingIsWritten(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let api = JSONAPI(app: app)
            let chain = try await Self.chain(app)
            let reception = try chain.reception.requireID().uuidString, vdab = try chain.vdab.requireID().uuidString
            let other = try chain.other.requireID().uuidString
            func body(title: String = "Opvang en VDAB", from: String = "2026-01-01", until: Any = NSNull(), parties: [String]? = nil,
                      routes: [[String: Any]] = []) -> [String: Any] {
                ["title": title, "kind": "bilateral", "validFrom": from, "validUntil": until,
                 "parties": (parties ?? [reception, vdab]).map { ["organisationId": $0] }, "routes": routes]
            }
            let cases: [(String, [String: Any], HTTPStatus, String?)] = [
                ("short title", body(title: "x"), .unprocessableEntity, "title"),
                ("until before from", body(until: "2025-12-31"), .unprocessableEntity, "validUntil"),
                ("not a date", body(from: "2026-13-01"), .unprocessableEntity, "validFrom"),
                ("one party", body(parties: [reception]), .unprocessableEntity, "parties"),
                ("own organisation not a party", body(parties: [vdab, other]), .unprocessableEntity, "parties"),
                ("unknown party", body(parties: [reception, UUID().uuidString]), .unprocessableEntity, "parties"),
                ("route opening another's data", body(routes: [["fromOrganisationId": vdab, "toOrganisationId": reception, "categories": ["identity"]]]),
                 .unprocessableEntity, "routes"),
                ("route without categories", body(routes: [["toOrganisationId": vdab, "categories": []]]), .unprocessableEntity, "categories"),
                ("unknown category", body(routes: [["toOrganisationId": vdab, "categories": ["blood-group"]]]), .unprocessableEntity, nil),
                ("route response days", body(routes: [["toOrganisationId": vdab, "categories": ["identity"], "responseDays": 90]]),
                 .unprocessableEntity, "responseDays"),
            ]
            for (name, input, status, field) in cases {
                let answer = try await api.post("agreements", token: chain.receptionAdmin, input)
                #expect(answer.status == status, "\(name): \(answer.text)")
                if let field { #expect((answer["error"] as? [String: Any])?["field"] as? String == field, "\(name): \(answer.text)") }
                #expect(((answer["error"] as? [String: Any])?["message"] as? String)?.isEmpty == false, "\(name)")
            }
            // A caseworker records no agreements.
            #expect(try await api.post("agreements", token: chain.receptionSocialWorker, body()).status == .forbidden)
            #expect(try await AgreementModel.query(on: app.db).count() == 0)
            #expect(try await AgreementPartyModel.query(on: app.db).count() == 0)
            #expect(try await AgreementRouteModel.query(on: app.db).count() == 0)
        }
    }

    @Test(arguments: TestDatabase.all)
    func anAdministratorAddsAnOrganisationWithASlugOfItsOwn(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let api = JSONAPI(app: app)
            let chain = try await Self.chain(app)
            let created = try await api.post("organisations", token: chain.receptionAdmin,
                                             ["name": "Opvang Test", "kind": "reception", "regionId": "40000", "municipalityId": "44021"])
            #expect(created.status == .created, "\(created.text)")
            // "opvang-test" is taken by the fixture: the new one is numbered.
            #expect(created["slug"] as? String == "opvang-test-2")
            #expect(try await api.get("organisations/\(created.id)", token: chain.vdabCounsellor)["name"] as? String == "Opvang Test")

            let cases: [([String: Any], String)] = [
                (["name": "Opvang Test", "kind": "reception", "regionId": "40000"], "name"),
                (["name": "  ", "kind": "reception", "regionId": "40000"], "name"),
                (["name": "OCMW Nergens", "kind": "ocmw", "regionId": "99999"], "regionId"),
                (["name": "OCMW Gent-Zuid", "kind": "ocmw", "regionId": "40000", "municipalityId": "11002"], "municipalityId"),
                (["name": "OCMW Gent-Zuid", "kind": "ministry", "regionId": "40000"], "kind"),
            ]
            for (input, field) in cases {
                let answer = try await api.post("organisations", token: chain.receptionAdmin, input)
                #expect(answer.status == .unprocessableEntity, "\(input): \(answer.text)")
                #expect((answer["error"] as? [String: Any])?["field"] as? String == field, "\(input): \(answer.text)")
            }
            #expect(try await api.post("organisations", token: chain.vdabCounsellor,
                                       ["name": "Jobteam Test", "kind": "intensive-guidance", "regionId": "40000"]).status == .forbidden)
            #expect(try await OrganisationModel.query(on: app.db).count() == 4)
        }
    }
}
