import SchakelCore

/// The OpenAPI 3.1 description of `/api/v1`, built in code so enum values come from the domain's
/// own types. A test compares its operations with the routes the app really registers.
enum OpenAPIDocument {
    struct Parameter {
        enum Location: String { case path, query }
        let name: String
        let location: Location
        let schema: JSONValue
        let description: String
    }

    struct Operation {
        let method: String
        let path: String
        let id: String
        let summary: String
        let tag: String
        var requiresToken = true
        var parameters: [Parameter] = []
        var requestSchema: String? = nil
        let success: (status: String, schema: String?)
        var errors: [String] = []
    }

    static func ref(_ name: String) -> JSONValue { ["$ref": .string("#/components/schemas/\(name)")] }
    static func enumSchema<T: CaseIterable & RawRepresentable>(_: T.Type) -> JSONValue where T.RawValue == String {
        ["type": "string", "enum": .array(T.allCases.map { .string($0.rawValue) })]
    }

    static let pagingParameters = [
        Parameter(name: "page", location: .query, schema: ["type": "integer", "minimum": 1, "default": 1], description: "Page number, from 1."),
        Parameter(name: "per", location: .query, schema: ["type": "integer", "minimum": 1, "maximum": .number(Double(Paging.maxPer)), "default": .number(Double(Paging.defaultPer))],
                  description: "Items per page."),
    ]

    static func pathID(_ name: String, uuid: Bool = true) -> Parameter {
        Parameter(name: name, location: .path, schema: uuid ? ["type": "string", "format": "uuid"] : ["type": "string"], description: "Identifier.")
    }

    static let operations: [Operation] = [
        Operation(method: "post", path: "/api/v1/auth/token", id: "createToken", summary: "Sign in with e-mail and password; returns a bearer token.",
                  tag: "auth", requiresToken: false, requestSchema: "TokenRequest", success: ("201", "TokenResponse"),
                  errors: ["400", "401", "413", "422", "429"]),
        Operation(method: "delete", path: "/api/v1/auth/token", id: "revokeToken", summary: "Revoke the token this request carries.",
                  tag: "auth", success: ("204", nil)),
        Operation(method: "get", path: "/api/v1/me", id: "getMe", summary: "The signed-in user.", tag: "auth", success: ("200", "User")),
        Operation(method: "get", path: "/api/v1/regions", id: "listRegions", summary: "The five provinces and the Brussels-Capital Region.",
                  tag: "registry", parameters: pagingParameters, success: ("200", "RegionPage"), errors: ["422"]),
        Operation(method: "get", path: "/api/v1/regions/{regionID}", id: "getRegion", summary: "One region by NIS code.",
                  tag: "registry", parameters: [pathID("regionID", uuid: false)], success: ("200", "Region"), errors: ["404"]),
        Operation(method: "get", path: "/api/v1/municipalities", id: "listMunicipalities", summary: "Municipalities with their NIS codes.",
                  tag: "registry",
                  parameters: pagingParameters + [Parameter(name: "region", location: .query, schema: ["type": "string"], description: "NIS code of a region.")],
                  success: ("200", "MunicipalityPage"), errors: ["422"]),
        Operation(method: "get", path: "/api/v1/municipalities/{municipalityID}", id: "getMunicipality", summary: "One municipality by NIS code.",
                  tag: "registry", parameters: [pathID("municipalityID", uuid: false)], success: ("200", "Municipality"), errors: ["404"]),
        Operation(method: "get", path: "/api/v1/organisations", id: "listOrganisations", summary: "Organisations in the chain.",
                  tag: "registry",
                  parameters: pagingParameters + [
                    Parameter(name: "kind", location: .query, schema: enumSchema(OrganisationKind.self), description: "Only this kind."),
                    Parameter(name: "region", location: .query, schema: ["type": "string"], description: "NIS code of a region."),
                  ],
                  success: ("200", "OrganisationPage"), errors: ["422"]),
        Operation(method: "get", path: "/api/v1/organisations/{organisationID}", id: "getOrganisation", summary: "One organisation.",
                  tag: "registry", parameters: [pathID("organisationID")], success: ("200", "Organisation"), errors: ["404"]),
        Operation(method: "get", path: "/api/v1/agreements", id: "listAgreements",
                  summary: "Cooperation agreements with their parties, routes and data categories.", tag: "registry",
                  parameters: pagingParameters + [
                    Parameter(name: "region", location: .query, schema: ["type": "string"], description: "NIS code of the region the agreement covers."),
                    Parameter(name: "organisation", location: .query, schema: ["type": "string", "format": "uuid"], description: "Only agreements this organisation is party to."),
                    Parameter(name: "activeOn", location: .query, schema: ["type": "string", "format": "date"], description: "Only agreements in force on this day."),
                  ],
                  success: ("200", "AgreementPage"), errors: ["422"]),
        Operation(method: "get", path: "/api/v1/agreements/{agreementID}", id: "getAgreement", summary: "One agreement.",
                  tag: "registry", parameters: [pathID("agreementID")], success: ("200", "Agreement"), errors: ["404"]),
        Operation(method: "get", path: "/api/v1/openapi.json", id: "getOpenAPI", summary: "This document.", tag: "meta",
                  requiresToken: false, success: ("200", nil)),
    ]

    static func object(_ properties: [(String, JSONValue)], required: [String]) -> JSONValue {
        ["type": "object", "properties": .object(properties), "required": .array(required.map { .string($0) })]
    }

    static let string: JSONValue = ["type": "string"]
    static let uuid: JSONValue = ["type": "string", "format": "uuid"]
    static let date: JSONValue = ["type": "string", "format": "date"]
    static func nullable(_ type: String, format: String? = nil) -> JSONValue {
        var pairs: [(String, JSONValue)] = [("type", [.string(type), "null"])]
        if let format { pairs.append(("format", .string(format))) }
        return .object(pairs)
    }
    static func page(of item: String) -> JSONValue {
        object([("items", ["type": "array", "items": ref(item)]), ("metadata", ref("PageMetadata"))], required: ["items", "metadata"])
    }

    static var schemas: [(String, JSONValue)] {
        [
            ("Error", object([("error", object([("code", string), ("message", string), ("field", nullable("string"))],
                                               required: ["code", "message"]))], required: ["error"])),
            ("PageMetadata", object([("page", ["type": "integer"]), ("per", ["type": "integer"]), ("total", ["type": "integer"])],
                                    required: ["page", "per", "total"])),
            ("TokenRequest", object([("email", ["type": "string", "format": "email", "maxLength": 254]),
                                     ("password", ["type": "string", "maxLength": 200])], required: ["email", "password"])),
            ("TokenResponse", object([("token", string), ("expiresAt", ["type": "string", "format": "date-time"]), ("user", ref("User"))],
                                     required: ["token", "expiresAt", "user"])),
            ("User", object([("id", uuid), ("email", string), ("displayName", string), ("organisationId", uuid),
                             ("role", enumSchema(UserRole.self)), ("language", ["type": "string", "enum": ["nl", "en"]])],
                            required: ["id", "email", "displayName", "organisationId", "role", "language"])),
            ("Region", object([("id", string), ("nameNL", string), ("nameEN", string), ("kind", enumSchema(Region.Kind.self))],
                              required: ["id", "nameNL", "nameEN", "kind"])),
            ("Municipality", object([("id", string), ("nameNL", string), ("nameFR", nullable("string")), ("regionId", string)],
                                    required: ["id", "nameNL", "regionId"])),
            ("Organisation", object([("id", uuid), ("slug", string), ("name", string), ("kind", enumSchema(OrganisationKind.self)),
                                     ("regionId", string), ("municipalityId", nullable("string"))],
                                    required: ["id", "slug", "name", "kind", "regionId"])),
            ("AgreementParty", object([("organisationId", uuid), ("tasks", ["type": "array", "items": enumSchema(PartyTask.self)])],
                                      required: ["organisationId", "tasks"])),
            ("AgreementRoute", object([("id", uuid), ("fromOrganisationId", uuid), ("toOrganisationId", uuid),
                                       ("categories", ["type": "array", "items": enumSchema(DataCategory.self)])],
                                      required: ["id", "fromOrganisationId", "toOrganisationId", "categories"])),
            ("Agreement", object([("id", uuid), ("title", string), ("kind", enumSchema(AgreementKind.self)), ("regionId", nullable("string")),
                                  ("validFrom", date), ("validUntil", nullable("string", format: "date")), ("active", ["type": "boolean"]),
                                  ("parties", ["type": "array", "items": ref("AgreementParty")]),
                                  ("routes", ["type": "array", "items": ref("AgreementRoute")])],
                                 required: ["id", "title", "kind", "validFrom", "active", "parties", "routes"])),
            ("RegionPage", page(of: "Region")),
            ("MunicipalityPage", page(of: "Municipality")),
            ("OrganisationPage", page(of: "Organisation")),
            ("AgreementPage", page(of: "Agreement")),
        ]
    }

    static let errorDescriptions: [String: String] = [
        "400": "The body is not valid JSON.", "401": "No valid token.", "404": "Not found (or not visible to you).",
        "409": "Conflict.", "413": "The body is too large.", "422": "A field is missing or invalid; `error.field` names it.",
        "429": "Too many failed sign-ins: slowed down or locked; see Retry-After.",
    ]

    static func operationJSON(_ operation: Operation) -> JSONValue {
        var responses: [(String, JSONValue)] = []
        let successBody: JSONValue = operation.success.schema.map {
            ["description": "Success.", "content": ["application/json": ["schema": ref($0)]]]
        } ?? ["description": "Success."]
        responses.append((operation.success.status, successBody))
        var errors = operation.errors
        if operation.requiresToken, !errors.contains("401") { errors.append("401") }
        for code in errors.sorted() {
            responses.append((code, ["description": .string(errorDescriptions[code] ?? "Error."),
                                     "content": ["application/json": ["schema": ref("Error")]]]))
        }
        var pairs: [(String, JSONValue)] = [
            ("operationId", .string(operation.id)), ("summary", .string(operation.summary)), ("tags", [.string(operation.tag)]),
        ]
        if !operation.parameters.isEmpty {
            pairs.append(("parameters", .array(operation.parameters.map {
                ["name": .string($0.name), "in": .string($0.location.rawValue), "required": .bool($0.location == .path),
                 "description": .string($0.description), "schema": $0.schema]
            })))
        }
        if let request = operation.requestSchema {
            pairs.append(("requestBody", ["required": true, "content": ["application/json": ["schema": ref(request)]]]))
        }
        pairs.append(("responses", .object(responses)))
        pairs.append(("security", operation.requiresToken ? [["bearerAuth": []]] : []))
        return .object(pairs)
    }

    static var document: JSONValue {
        var paths: [(String, [(String, JSONValue)])] = []
        for operation in operations {
            if let index = paths.firstIndex(where: { $0.0 == operation.path }) {
                paths[index].1.append((operation.method, operationJSON(operation)))
            } else {
                paths.append((operation.path, [(operation.method, operationJSON(operation))]))
            }
        }
        return [
            "openapi": "3.1.0",
            "info": ["title": "Schakel API", "version": "1.0.0",
                     "description": "Chain cooperation for newcomers' path to work. Every route but the token route and this document needs `Authorization: Bearer TOKEN`."],
            "servers": [["url": "/"]],
            "paths": .object(paths.map { ($0.0, .object($0.1)) }),
            "components": [
                "schemas": .object(schemas),
                "securitySchemes": ["bearerAuth": ["type": "http", "scheme": "bearer"]],
            ],
        ]
    }
}
