import Fluent
import Foundation
import Testing
import VaporTesting
@testable import SchakelApp
import SchakelCore

/// Four organisations around one person: the owner, a partner with route and consent, a partner
/// with a route but no consent, and an unrelated organisation; one user per role in each.
struct PrivacyWorld {
    enum Relation: String, CaseIterable, Sendable, CustomTestStringConvertible {
        case owner, partnerWithConsent = "partner-with-consent", partnerWithoutConsent = "partner-without-consent", unrelated
        var testDescription: String { rawValue }
    }

    static let routed: [DataCategory] = [.identity, .contact, .legalStatus, .languages, .education, .workExperience,
                                         .competencesAndWishes, .availabilityAndConstraints]
    static let consented: [DataCategory] = [.identity, .languages, .workExperience, .assessment]

    var organisations: [Relation: OrganisationModel] = [:]
    var tokens: [Relation: [UserRole: String]] = [:]
    /// The account of each role in each organisation, for signing in on the pages.
    var users: [Relation: [UserRole: UserModel]] = [:]
    var personID = UUID()
    var consentID = UUID()

    nonisolated(unsafe) static let personInput: [String: Any] = [
        "givenName": "Testina", "familyName": "Voorbeeld", "birthDate": "1991-04-12", "countryOfOrigin": "SY",
        "homeMunicipalityId": "44021", "phone": "+32 000 00 00 00", "email": "testina@example.org",
        "protectionRequestedOn": "2026-03-02", "statusHistory": [["status": "applicant", "since": "2026-03-02"]],
        "languages": [["language": "ar", "level": "C2", "assessedOn": "2026-03-10", "isMotherTongue": true],
                      ["language": "nl", "level": "A1", "assessedOn": "2026-06-01", "isMotherTongue": false]],
        "workExperience": [["occupation": "5120", "years": 4, "country": "SY"]],
        "jobWishes": ["5120"], "labourMarketDistance": "medium",
    ]

    static func build(_ app: Application, person input: [String: Any] = personInput) async throws -> PrivacyWorld {
        var world = PrivacyWorld()
        for relation in Relation.allCases {
            world.organisations[relation] = try await Fixtures.organisation(app, slug: "privacy-\(relation.rawValue)", kind: .integration)
        }
        let owner = try world.organisations[.owner]!.requireID()
        let agreement = AgreementModel(title: "Privacy test agreement", kind: .regional, regionID: "40000",
                                       validity: Validity(from: CalendarDate(2020, 1, 1)))
        try await agreement.create(on: app.db)
        for relation in [Relation.partnerWithConsent, .partnerWithoutConsent] {
            try await AgreementRouteModel(agreementID: try agreement.requireID(), fromID: owner,
                                          toID: try world.organisations[relation]!.requireID(), categories: routed).create(on: app.db)
        }
        for relation in Relation.allCases {
            var tokens: [UserRole: String] = [:]
            var users: [UserRole: UserModel] = [:]
            for role in UserRole.allCases {
                let user = try await Fixtures.user(app, organisation: world.organisations[relation]!, role: role)
                tokens[role] = try await Fixtures.token(app, email: user.email)
                users[role] = user
            }
            world.tokens[relation] = tokens
            world.users[relation] = users
        }
        world.personID = try await createPerson(app, token: world.tokens[.owner]![.socialWorker]!, input: input)
        world.consentID = try await addConsent(app, token: world.tokens[.owner]![.socialWorker]!, person: world.personID,
                                               recipient: try world.organisations[.partnerWithConsent]!.requireID(), categories: consented)
        return world
    }

    static func createPerson(_ app: Application, token: String, input: [String: Any] = personInput) async throws -> UUID {
        var id: UUID?
        try await app.testing().test(.POST, "api/v1/persons", beforeRequest: { request in
            request.bearer(token)
            request.headers.contentType = .json
            request.body = ByteBuffer(data: try JSONSerialization.data(withJSONObject: input))
        }) { response in
            #expect(response.status == .created, "\(response.body.string)")
            id = try? response.content.decode(PersonDTO.self).id
        }
        guard let id else { throw TestSetupError(description: "person not created") }
        return id
    }

    static func addConsent(_ app: Application, token: String, person: UUID, recipient: UUID, categories: [DataCategory],
                           purpose: Purpose = .guidanceToWork) async throws -> UUID {
        var id: UUID?
        try await app.testing().test(.POST, "api/v1/persons/\(person)/consents", beforeRequest: { request in
            request.bearer(token)
            request.headers.contentType = .json
            let body: [String: Any] = [
                "recipientOrganisationId": recipient.uuidString, "purpose": purpose.rawValue,
                "categories": categories.map(\.rawValue), "method": "signed-form",
                "text": "Ik geef toestemming om mijn gegevens te delen voor begeleiding naar werk.", "textLanguage": "nl",
            ]
            request.body = ByteBuffer(data: try JSONSerialization.data(withJSONObject: body))
        }) { response in
            #expect(response.status == .created, "\(response.body.string)")
            id = try? response.content.decode(ConsentDTO.self).id
        }
        guard let id else { throw TestSetupError(description: "consent not recorded") }
        return id
    }
}
