import Foundation
import Testing
import VaporTesting
@testable import SchakelApp
import SchakelCore

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
}
