import Foundation
import Testing
import VaporTesting
@testable import SchakelApp
import SchakelCore
import SchakelDemo

@Suite("The OpenAPI document describes the real routes")
struct OpenAPITests {
    static func documentedOperations(_ document: JSONValue) -> Set<String> {
        var operations: Set<String> = []
        for path in document["paths"]?.keys ?? [] {
            for method in document["paths"]?[path]?.keys ?? [] { operations.insert("\(method.uppercased()) \(path)") }
        }
        return operations
    }

    @Test func everyAPIRouteIsDocumentedAndEveryDocumentedRouteExists() async throws {
        try await withTestApp(.sqlite) { app in
            var document: JSONValue = .null
            try await app.testing().test(.GET, "api/v1/openapi.json") { response in
                #expect(response.status == .ok)
                document = try response.content.decode(JSONValue.self)
            }
            #expect(document["openapi"] == "3.1.0")
            let registered = Set(app.routes.all.filter { $0.path.first?.description == "api" }.map { route in
                "\(route.method.rawValue) /" + route.path.map { component -> String in
                    if case let .parameter(name) = component { return "{\(name)}" }
                    return component.description
                }.joined(separator: "/")
            })
            let documented = Self.documentedOperations(document)
            #expect(registered.subtracting(documented).isEmpty, "routes missing from the document")
            #expect(documented.subtracting(registered).isEmpty, "documented operations with no route")
            #expect(!registered.isEmpty)
        }
    }

    @Test func everySchemaReferenceResolvesAndPathParametersAreDeclared() throws {
        let document = OpenAPIDocument.document
        let encoder = JSONEncoder()
        encoder.outputFormatting = .withoutEscapingSlashes
        let data = try encoder.encode(document)
        let text = String(decoding: data, as: UTF8.self)
        let schemas = Set(document["components"]?["schemas"]?.keys ?? [])
        var references: Set<String> = []
        var rest = Substring(text)
        while let range = rest.range(of: "#/components/schemas/") {
            let tail = rest[range.upperBound...]
            let name = tail.prefix { $0 != "\"" }
            references.insert(String(name))
            rest = tail
        }
        #expect(!references.isEmpty)
        #expect(references.subtracting(schemas).isEmpty)
        for operation in OpenAPIDocument.operations {
            let placeholders = operation.path.split(separator: "/").filter { $0.hasPrefix("{") }.map { String($0.dropFirst().dropLast()) }
            let declared = operation.parameters.filter { $0.location == .path }.map(\.name)
            #expect(Set(placeholders) == Set(declared), "\(operation.method) \(operation.path)")
        }
    }

    /// What the list endpoints really answer has every property the document says is required.
    @Test(arguments: TestDatabase.all)
    func answersCarryTheDocumentedRequiredProperties(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            try await Fixtures.demoWorld(app, persons: 0)
            let token = try await Fixtures.token(app, email: "administrator@vdab-gent.demo", password: DemoWorld.password)
            let schemas = OpenAPIDocument.document["components"]!["schemas"]!
            func required(_ schema: String) -> [String] {
                guard case let .array(values)? = schemas[schema]?["required"] else { return [] }
                return values.compactMap { if case let .string(name) = $0 { return name } else { return nil } }
            }
            for (path, item) in [("api/v1/regions", "Region"), ("api/v1/municipalities", "Municipality"),
                                 ("api/v1/organisations", "Organisation"), ("api/v1/agreements", "Agreement")] {
                try await app.testing().test(.GET, path, beforeRequest: { $0.bearer(token) }) { response in
                    #expect(response.status == .ok)
                    let page = try response.content.decode(JSONValue.self)
                    for key in required("\(item)Page") { #expect(page[key] != nil, "\(path): \(key)") }
                    for key in required("PageMetadata") { #expect(page["metadata"]?[key] != nil, "\(path): metadata.\(key)") }
                    guard case let .array(items)? = page["items"] else { Issue.record("\(path): no items"); return }
                    #expect(!items.isEmpty)
                    for entry in items {
                        for key in required(item) { #expect(entry[key] != nil, "\(path): \(item).\(key)") }
                    }
                }
            }
            try await app.testing().test(.GET, "api/v1/me", beforeRequest: { $0.bearer(token) }) { response in
                let user = try response.content.decode(JSONValue.self)
                for key in required("User") { #expect(user[key] != nil) }
            }
        }
    }

    static func schema(_ name: String, _ path: String...) -> JSONValue? {
        path.reduce(OpenAPIDocument.document["components"]?["schemas"]?[name]) { $0?[$1] }
    }

    /// The document's `page` and `per` limits are the ones the server holds to.
    @Test(arguments: TestDatabase.all)
    func pagingLimitsAreDocumentedAsTheServerHoldsThem(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let (_, token) = try await Fixtures.signedIn(app)
            let parameters = OpenAPIDocument.document["paths"]?["/api/v1/regions"]?["get"]?["parameters"]
            guard case let .array(list)? = parameters else { Issue.record("no parameters"); return }
            let page = list.first { $0["name"] == "page" }?["schema"]
            let per = list.first { $0["name"] == "per" }?["schema"]
            guard case let .number(maxPage)? = page?["maximum"], case let .number(maxPer)? = per?["maximum"] else {
                Issue.record("page and per need a documented maximum")
                return
            }
            let api = JSONAPI(app: app)
            #expect(try await api.get("regions?page=\(Int(maxPage))", token: token).status == .ok)
            #expect(try await api.get("regions?per=\(Int(maxPer))", token: token).status == .ok)
            for query in ["page=\(Int(maxPage) + 1)", "page=0", "per=\(Int(maxPer) + 1)"] {
                let refused = try await api.get("regions?\(query)", token: token)
                #expect(refused.status == .unprocessableEntity, "\(query)")
                #expect((refused["error"] as? [String: Any])?["field"] as? String == String(query.prefix { $0 != "=" }))
            }
        }
    }

    /// A body that is not JSON gets an answer the operation documents (415 where the body is read first).
    @Test(arguments: TestDatabase.all)
    func aBodyInAnotherMediaTypeGetsADocumentedAnswer(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            try await Fixtures.demoWorld(app, persons: 0)
            let tokens = [try await Fixtures.token(app, email: "administrator@vdab-gent.demo", password: DemoWorld.password),
                          try await Fixtures.token(app, email: "social-worker@fedasil-poelkapelle.demo", password: DemoWorld.password),
                          try await Fixtures.token(app, email: "analyst@stad-gent.demo", password: DemoWorld.password)]
            var unsupported = 0
            for operation in OpenAPIDocument.operations where operation.requestSchema != nil {
                let documented = Set((OpenAPIDocument.document["paths"]?[operation.path]?[operation.method]?["responses"]?.keys) ?? [])
                #expect(documented.contains("415"), "\(operation.id)")
                var path = operation.path
                for parameter in operation.parameters where parameter.location == .path {
                    let value = parameter.name == "action" ? "send" : parameter.name == "audience" ? "client" : UUID().uuidString
                    path = path.replacingOccurrences(of: "{\(parameter.name)}", with: value)
                }
                for token in tokens {
                    for mediaType in [HTTPMediaType.plainText, .xml] {
                        try await app.testing().test(HTTPMethod(rawValue: operation.method.uppercased()), String(path.dropFirst()), beforeRequest: { request in
                            request.bearer(token)
                            request.headers.contentType = mediaType
                            request.body = ByteBuffer(string: "<name>x</name>")
                        }) { response in
                            #expect(documented.contains(String(response.status.code)), "\(operation.id): \(response.status.code) \(response.body.string)")
                            if response.status == .unsupportedMediaType { unsupported += 1 }
                        }
                    }
                }
            }
            #expect(unsupported > 10)
        }
    }

    /// The rules the document states are the rules the server applies, at their boundaries.
    @Test(arguments: TestDatabase.all)
    func theDocumentedValidationRulesAreTheServers(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // Years of experience 0–60.
            let years = Self.schema("PersonInput", "properties", "workExperience", "items", "properties", "years")
            #expect(years?["minimum"] == 0 && years?["maximum"] == 60)
            // Oral consent needs a witness.
            #expect(Self.schema("ConsentInput", "if", "properties", "method", "const") == .string(ConsentMethod.oralWithWitness.rawValue))
            #expect(Self.schema("ConsentInput", "then", "required") == ["witness"])
            // A milestone at most a year ahead.
            #expect(Self.schema("MilestoneInput", "properties", "on", "description") == "At most a year (366 days) after today.")
            #expect(Self.schema("TargetInput", "properties", "persons", "maximum") == 1_000_000)

            let world = try await PrivacyWorld.build(app)
            let owner = world.tokens[.owner]![.socialWorker]!
            let api = JSONAPI(app: app)
            let person = "persons/\(world.personID)"
            let read = try await api.get(person, token: owner)
            var version = read["version"] as? Int ?? 0
            for (value, status) in [(61, HTTPStatus.unprocessableEntity), (-1, .unprocessableEntity), (60, .ok)] {
                let answer = try await api.call(.PATCH, person, token: owner,
                                                ["version": version, "workExperience": [["occupation": "5120", "years": value, "country": "SY"]]])
                #expect(answer.status == status, "years \(value): \(answer.text)")
                if status == .ok { version += 1 } else {
                    #expect((answer["error"] as? [String: Any])?["field"] as? String == "workExperience[0].years")
                }
            }
            let recipient = try world.organisations[.partnerWithoutConsent]!.requireID().uuidString
            let consent: [String: Any] = ["recipientOrganisationId": recipient, "purpose": "guidance-to-work", "categories": ["identity"],
                                          "method": "oral-with-witness", "text": "Mondeling toegestemd.", "textLanguage": "nl"]
            for witness in [nil, "", "   "] as [String?] {
                var body = consent
                if let witness { body["witness"] = witness }
                let refused = try await api.post("\(person)/consents", token: owner, body)
                #expect(refused.status == .unprocessableEntity)
                #expect((refused["error"] as? [String: Any])?["field"] as? String == "witness")
            }
            var witnessed = consent
            witnessed["witness"] = "Getuige Voorbeeld"
            #expect(try await api.post("\(person)/consents", token: owner, witnessed).status == .created)
            let today = CalendarDate(2026, 9, 21)
            let tooFar = try await api.post("\(person)/milestones", token: owner, ["kind": "leaving-reception", "on": today.adding(days: 367).iso])
            #expect(tooFar.status == .unprocessableEntity)
            #expect((tooFar["error"] as? [String: Any])?["field"] as? String == "on")
            #expect(try await api.post("\(person)/milestones", token: owner, ["kind": "leaving-reception", "on": today.adding(days: 366).iso]).status == .created)
        }
    }
}
