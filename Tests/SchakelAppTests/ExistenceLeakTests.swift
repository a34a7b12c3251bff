import Fluent
import Foundation
import Testing
import VaporTesting
@testable import SchakelApp
import SchakelCore

/// A person the reader may not see leaves no trace of existing (issue 15, point 11): not in a list's or a
/// search's total, not in a page's size, and not in the answer, its audit entry or the work behind a 404.
@Suite("Existence leaks")
struct ExistenceLeakTests {
    /// One call's answer and the audit entries it wrote, the person's id left out of both.
    struct Trace: Equatable, CustomStringConvertible {
        var status: HTTPStatus
        var body: String
        var entries: [String]
        var description: String { "\(status.code) \(body.prefix(200)) \(entries)" }
    }

    static func call(_ app: Application, _ method: HTTPMethod, _ path: String, token: String, body: String? = nil,
                     person: UUID) async throws -> Trace {
        let last = try await AuditEntryModel.query(on: app.db).sort(\.$id, .descending).first()?.id ?? 0
        var answer = (HTTPStatus.ok, "")
        try await app.testing().test(method, "api/v1/" + path, beforeRequest: { request in
            request.bearer(token)
            if let body {
                request.headers.contentType = .json
                request.body = ByteBuffer(string: body)
            }
        }) { response in answer = (response.status, response.body.string) }
        return Trace(status: answer.0, body: canonical(answer.1).replacingOccurrences(of: person.uuidString, with: "ID"),
                     entries: try await entries(app, after: last, person: person))
    }

    /// A JSON body with its keys sorted: the encoder writes an object's keys in an order that changes from one
    /// answer to the next (for every answer alike, so it tells nothing), which a byte comparison would trip on.
    static func canonical(_ body: String) -> String {
        guard let object = try? JSONSerialization.jsonObject(with: Data(body.utf8)),
              let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]) else { return body }
        return String(decoding: data, as: UTF8.self)
    }

    /// The audit entries after `sequence`, each as its fields; an entry about `person` names it "ID" (any other
    /// person is named in full, so an entry about someone else would not compare equal).
    static func entries(_ app: Application, after sequence: Int64, person: UUID) async throws -> [String] {
        try await AuditEntryModel.query(on: app.db).filter(\.$id > sequence).sort(\.$id).all().map { entry in
            [entry.userID?.uuidString ?? "-", entry.organisationID?.uuidString ?? "-",
             entry.personID == person ? "ID" : (entry.personID?.uuidString ?? "-"), entry.action,
             JSONList.strings(entry.categoriesJSON).sorted().joined(separator: ","), entry.purpose ?? "-", entry.outcome]
                .joined(separator: "|")
        }
    }

    static func search(_ api: JSONAPI, _ name: String, token: String, query: String = "") async throws -> JSONAPI.Answer {
        try await api.post("persons/search" + query, token: token, ["name": name])
    }

    static func ids(_ answer: JSONAPI.Answer) -> [String] { answer.items.compactMap { $0["id"] as? String } }
    static func total(_ answer: JSONAPI.Answer) -> Int? { (answer["metadata"] as? [String: Any])?["total"] as? Int }

    @Test(arguments: TestDatabase.all)
    func totalsAndPagesCountOnlyWhatTheReaderMaySee(database: TestDatabase) async throws {
        let clock = TestClock()
        try await withTestApp(database, clock: clock) { app in
            let world = try await PrivacyWorld.build(app)
            let api = JSONAPI(app: app)
            let ownerToken = world.tokens[.owner]![.socialWorker]!
            let unrelated = try world.organisations[.unrelated]!.requireID()
            let partner = try world.organisations[.partnerWithConsent]!.requireID()
            // A consent to an organisation no agreement route leads to: the person stays hidden from it.
            _ = try await PrivacyWorld.addConsent(app, token: ownerToken, person: world.personID, recipient: unrelated,
                                                  categories: [.identity])
            let stranger = world.tokens[.unrelated]![.jobCounsellor]!
            let found = try await Self.search(api, "Testina Voorbeeld", token: stranger)
            let nobody = try await Self.search(api, "Niemand Onbekend", token: stranger)
            #expect(found.status == .ok)
            #expect(Self.total(found) == 0)
            #expect(Self.canonical(found.text) == Self.canonical(nobody.text), "a search for a hidden person answers as one for no one")
            let strangersList = try await api.get("persons", token: stranger)
            #expect(Self.total(strangersList) == 0 && strangersList.items.isEmpty)

            // The partner: three more visible persons, and three whose consent expires before it looks.
            var visible = [world.personID.uuidString]
            for index in 1...6 {
                var input = PrivacyWorld.personInput
                input["givenName"] = "Persoon\(index)"
                let id = try await PrivacyWorld.createPerson(app, token: ownerToken, input: input)
                var consent: [String: Any] = [
                    "recipientOrganisationId": partner.uuidString, "purpose": "guidance-to-work", "categories": ["identity"],
                    "method": "signed-form", "text": "Ik geef toestemming om mijn gegevens te delen.", "textLanguage": "nl",
                ]
                if index > 3 {
                    consent["expiresAt"] = ISO8601DateFormatter().string(from: clock.now.addingTimeInterval(3600))
                } else {
                    visible.append(id.uuidString)
                }
                let given = try await api.post("persons/\(id)/consents", token: ownerToken, consent)
                #expect(given.status == .created, "\(given.text)")
            }
            clock.advance(seconds: 7200)
            let reader = world.tokens[.partnerWithConsent]![.jobCounsellor]!
            let all = try await api.get("persons?per=100", token: reader)
            #expect(Set(Self.ids(all)) == Set(visible))
            #expect(Self.total(all) == visible.count)
            var paged: [String] = []
            for number in 1...3 {
                let page = try await api.get("persons?per=2&page=\(number)", token: reader)
                #expect(Self.total(page) == 4)
                #expect(Self.ids(page).count == (number <= 2 ? 2 : 0), "page \(number) holds what its size and the total say")
                paged += Self.ids(page)
            }
            #expect(paged.sorted() == visible.sorted())
            // Searching a hidden (expired) person's name counts nothing either.
            let expired = try await Self.search(api, "Persoon5 Voorbeeld", token: reader)
            #expect(Self.total(expired) == 0 && expired.items.isEmpty)
            #expect(Self.canonical(expired.text) == Self.canonical(try await Self.search(api, "Niemand Onbekend", token: reader).text))
            let shown = try await Self.search(api, "Persoon2 Voorbeeld", token: reader, query: "?per=1")
            #expect(Self.total(shown) == 1 && Self.ids(shown).count == 1)
        }
    }

    @Test(arguments: TestDatabase.all)
    func aHiddenPersonAndAnUnknownIdAreIndistinguishable(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let world = try await PrivacyWorld.build(app)
            let ownerToken = world.tokens[.owner]![.socialWorker]!
            // The owner's own erased person is a 404 to its owner as well.
            let erased = try await PrivacyWorld.createPerson(app, token: ownerToken)
            let erasure = try await JSONAPI(app: app).post("persons/\(erased)/erase", token: ownerToken, ["reason": "Verzoek (art. 17)"])
            #expect(erasure.status == .ok, "\(erasure.text)")

            // Routes whose 404 must match in status, body and audit trace; and routes (writes and the offers'
            // recommendations) where status and body must match.
            let traced: [(HTTPMethod, String, String?)] = [
                (.GET, "persons/{id}", nil), (.GET, "persons/{id}?purpose=training", nil),
                (.GET, "persons/{id}?purpose=no-such-purpose", nil),
                (.GET, "persons/{id}/consents", nil), (.GET, "persons/{id}/access-log", nil),
                (.GET, "persons/{id}/trajectory", nil), (.GET, "persons/{id}/export", nil),
                // Writes too: an id that names no one is refused as a hidden person is, with the same entry.
                (.PATCH, "persons/{id}", "{\"version\": 1, \"phone\": \"+32 000\"}"),
                (.POST, "persons/{id}/consents", "{}"), (.POST, "persons/{id}/erase", "{\"reason\": \"x\"}"),
                (.POST, "persons/{id}/trajectory/steps", "{\"kind\": \"screening\", \"startsOn\": \"2026-09-01\"}"),
                (.POST, "persons/{id}/milestones", "{\"kind\": \"leaving-reception\", \"on\": \"2026-09-01\"}"),
            ]
            let answered: [(HTTPMethod, String, String?)] = [
                (.GET, "persons/{id}/recommendations", nil),
            ]
            let readers: [(String, String, UUID)] = [
                ("unrelated", world.tokens[.unrelated]![.jobCounsellor]!, world.personID),
                ("partner without consent", world.tokens[.partnerWithoutConsent]![.consultant]!, world.personID),
                ("owner, erased person", ownerToken, erased),
            ]
            for (name, token, hidden) in readers {
                for (method, template, body) in traced + answered {
                    let unknown = UUID()
                    let real = try await Self.call(app, method, template.replacingOccurrences(of: "{id}", with: hidden.uuidString),
                                                   token: token, body: body, person: hidden)
                    let none = try await Self.call(app, method, template.replacingOccurrences(of: "{id}", with: unknown.uuidString),
                                                   token: token, body: body, person: unknown)
                    #expect(real.status == (template.contains("no-such-purpose") ? .unprocessableEntity : .notFound),
                            "\(method) \(template) for \(name)")
                    #expect(real.status == none.status && real.body == none.body, "\(method) \(template) for \(name): \(real) / \(none)")
                    #expect(!real.body.contains("Testina"))
                    if traced.contains(where: { $0.0 == method && $0.1 == template }) {
                        #expect(real.entries == none.entries, "audit of \(method) \(template) for \(name)")
                        if real.status == .notFound { #expect(real.entries.count == 1 && real.entries[0].hasSuffix("|not-found")) }
                    }
                }
            }

            // The dossier page in a browser: the same page for a hidden person and for no one, and the same trace.
            let stranger = try await Fixtures.user(app, organisation: world.organisations[.unrelated]!, role: .socialWorker)
            var browser = try await WebSession.signIn(app, stranger.email, password: Fixtures.password)
            var pages: [(HTTPStatus, String, [String])] = []
            for id in [world.personID, UUID()] {
                let last = try await AuditEntryModel.query(on: app.db).sort(\.$id, .descending).first()?.id ?? 0
                let page = try await browser.get("personen/\(id)")
                pages.append((page.status, page.html.replacingOccurrences(of: id.uuidString, with: "ID"),
                              try await Self.entries(app, after: last, person: id)))
            }
            #expect(pages[0].0 == .notFound && pages[1].0 == .notFound)
            #expect(pages[0].1 == pages[1].1)
            #expect(pages[0].2 == pages[1].2 && pages[0].2.count == 1)
        }
    }
}
