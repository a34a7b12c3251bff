import Fluent
import Foundation
import Testing
import VaporTesting
@testable import SchakelApp
import SchakelCore

/// Every person route, for every role, from the owner, a partner with consent, a partner without
/// consent and an unrelated organisation, against the answer a privacy officer expects.
@Suite("Authorization matrix")
struct AuthorizationMatrixTests {
    typealias Relation = PrivacyWorld.Relation

    static let caseworkers: Set<UserRole> = [.socialWorker, .trajectoryCounsellor, .jobCounsellor, .consultant]

    /// The expected status per route, written out here on purpose rather than derived from the rule.
    static func expected(_ route: String, relation: Relation, role: UserRole) -> HTTPStatus {
        let seesPerson = role != .analyst && (relation == .owner || relation == .partnerWithConsent)
        switch route {
        case "GET person":
            // Only caseworker roles open a dossier, as on the pages: an administrator or employer contact of the owner too.
            guard caseworkers.contains(role) else { return .forbidden }
            return seesPerson ? .ok : .notFound
        case "PATCH person", "POST consent":
            guard caseworkers.contains(role) else { return .forbidden }
            return relation == .owner ? .ok : .notFound
        case "GET consents", "GET access-log":
            guard caseworkers.contains(role) else { return .forbidden }
            return relation == .owner ? .ok : .notFound
        case "POST withdraw":
            guard caseworkers.contains(role) else { return .forbidden }
            return relation == .owner ? .ok : .notFound
        case "GET persons":
            return role == .analyst ? .forbidden : .ok
        case "GET export", "POST erase":
            guard caseworkers.contains(role) else { return .forbidden }
            return relation == .owner ? .ok : .notFound
        case "GET trajectory":
            guard caseworkers.contains(role) else { return .forbidden }
            return seesPerson ? .ok : .notFound
        case "POST step", "POST milestone":
            // The partner sees the person but not its trajectory (neither routed nor consented): it may not write there.
            guard caseworkers.contains(role) else { return .forbidden }
            return relation == .owner ? .created : (relation == .partnerWithConsent ? .forbidden : .notFound)
        case "POST referral":
            // Referring to the consented partner: only the owner may; for anyone else the person is "not found" (or it is the receiver itself).
            guard caseworkers.contains(role) else { return .forbidden }
            return relation == .owner ? .created : .unprocessableEntity
        default:
            Issue.record("no expectation for \(route)")
            return .internalServerError
        }
    }

    /// What each reader must see of the person when the read succeeds (categories present, others withheld).
    static func expectedCategories(relation: Relation, role: UserRole) -> Set<DataCategory> {
        if relation == .owner { return Set(DataCategory.allCases) }
        let shared = Set(PrivacyWorld.routed).intersection(PrivacyWorld.consented)
        return shared.intersection(AccessRule.needs(role))
    }

    @Test(arguments: TestDatabase.all)
    func everyRouteEveryRoleEveryRelation(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let world = try await PrivacyWorld.build(app)
            var checked = 0
            for relation in Relation.allCases {
                for role in UserRole.allCases {
                    let token = world.tokens[relation]![role]!
                    let requests: [(String, HTTPMethod, String, String?)] = [
                        ("GET person", .GET, "api/v1/persons/\(world.personID)", nil),
                        ("PATCH person", .PATCH, "api/v1/persons/\(world.personID)", "{\"version\": 999999, \"phone\": \"+32 000\"}"),
                        ("GET consents", .GET, "api/v1/persons/\(world.personID)/consents", nil),
                        ("POST consent", .POST, "api/v1/persons/\(world.personID)/consents", "{}"),
                        ("GET access-log", .GET, "api/v1/persons/\(world.personID)/access-log", nil),
                        ("GET persons", .GET, "api/v1/persons", nil),
                        ("GET export", .GET, "api/v1/persons/\(world.personID)/export", nil),
                        // Without a reason: an allowed erasure stops at validation, so the person stays for the next rows.
                        ("POST erase", .POST, "api/v1/persons/\(world.personID)/erase", "{}"),
                        ("GET trajectory", .GET, "api/v1/persons/\(world.personID)/trajectory", nil),
                        ("POST step", .POST, "api/v1/persons/\(world.personID)/trajectory/steps",
                         "{\"kind\": \"screening\", \"startsOn\": \"2026-09-01\"}"),
                        ("POST milestone", .POST, "api/v1/persons/\(world.personID)/milestones",
                         "{\"kind\": \"leaving-reception\", \"on\": \"2026-09-01\"}"),
                        ("POST referral", .POST, "api/v1/referrals",
                         "{\"personId\": \"\(world.personID)\", \"toOrganisationId\": \"\(try world.organisations[.partnerWithConsent]!.requireID())\", "
                             + "\"purpose\": \"guidance-to-work\", \"reason\": \"Klaar voor werk.\"}"),
                    ]
                    for (name, method, path, body) in requests {
                        try await app.testing().test(method, path, beforeRequest: { request in
                            request.bearer(token)
                            if let body {
                                request.headers.contentType = .json
                                request.body = ByteBuffer(string: body)
                            }
                        }) { response in
                            var want = Self.expected(name, relation: relation, role: role)
                            // Allowed writes reach validation: a stale version is 409, an empty consent 422.
                            if want == .ok && name == "PATCH person" { want = .conflict }
                            if want == .ok && (name == "POST consent" || name == "POST erase") { want = .unprocessableEntity }
                            #expect(response.status == want, "\(name) as \(role.rawValue) of \(relation.rawValue)")
                            // A 404 for a person says nothing more than for one that does not exist.
                            if response.status == .notFound {
                                #expect(!response.body.string.contains("Testina"))
                                #expect(!response.body.string.contains(world.personID.uuidString))
                            }
                            if name == "GET person", response.status == .ok {
                                let json = try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as! [String: Any]
                                let withheld = Set((json["withheld"] as! [[String: String]]).compactMap { DataCategory(rawValue: $0["category"]!) })
                                let shown = Set(DataCategory.allCases).subtracting(withheld)
                                #expect(shown == Self.expectedCategories(relation: relation, role: role),
                                        "categories for \(role.rawValue) of \(relation.rawValue)")
                                #expect((json["givenName"] != nil) == shown.contains(.identity))
                                #expect((json["phone"] != nil) == shown.contains(.contact))
                                #expect((json["languages"] != nil) == shown.contains(.languages))
                                #expect((json["labourMarketDistance"] != nil) == shown.contains(.assessment))
                            }
                            if name == "GET trajectory", response.status == .ok {
                                let json = try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as! [String: Any]
                                let withheld = json["withheldCategories"] as! [String]
                                #expect(withheld.contains("trajectory-and-referrals") == (relation != .owner))
                            }
                            if name == "GET persons", response.status == .ok {
                                let listed = response.body.string.contains(world.personID.uuidString)
                                #expect(listed == (role != .analyst && (relation == .owner || relation == .partnerWithConsent)))
                            }
                        }
                        checked += 1
                    }
                }
            }
            #expect(checked == Relation.allCases.count * UserRole.allCases.count * 12)
            // Withdrawal last: only the owner's caseworkers may, and then the partner loses the person at once.
            for relation in [Relation.unrelated, .partnerWithConsent, .partnerWithoutConsent] {
                try await app.testing().test(.POST, "api/v1/consents/\(world.consentID)/withdraw",
                                             beforeRequest: { $0.bearer(world.tokens[relation]![.socialWorker]!) }) { response in
                    #expect(response.status == Self.expected("POST withdraw", relation: relation, role: .socialWorker))
                }
            }
            try await app.testing().test(.POST, "api/v1/consents/\(world.consentID)/withdraw",
                                         beforeRequest: { $0.bearer(world.tokens[.owner]![.administrator]!) }) { response in
                #expect(response.status == .forbidden)
            }
            try await app.testing().test(.POST, "api/v1/consents/\(world.consentID)/withdraw",
                                         beforeRequest: { $0.bearer(world.tokens[.owner]![.trajectoryCounsellor]!) }) { response in
                #expect(response.status == .ok)
                let consent = try response.content.decode(ConsentDTO.self)
                #expect(consent.active == false)
            }
            try await app.testing().test(.GET, "api/v1/persons/\(world.personID)",
                                         beforeRequest: { $0.bearer(world.tokens[.partnerWithConsent]![.jobCounsellor]!) }) { response in
                #expect(response.status == .notFound)
            }
        }
    }
}
