import Fluent
import Foundation
import SchakelCore
import Vapor

/// A person's access to "Mijn Schakel", as the owner's systems see it.
struct PortalAccessDTO: Content {
    /// `none` (never invited), `invited` (the code not used yet), `active`, `revoked`.
    let state: String
    let language: ConsentLanguage?
    /// Whether the portal's texts in that language were reviewed by a qualified translator.
    let reviewedByTranslator: Bool?
    let invitedAt: Date?
    let codeExpiresAt: Date?
    let activatedAt: Date?
    let lastUsedAt: Date?
    let revokedAt: Date?

    init(_ status: Portal.Status?) {
        state = switch status?.state {
        case nil: "none"
        case .invited: "invited"
        case .active: "active"
        case .revoked: "revoked"
        }
        language = status?.language
        reviewedByTranslator = status.map { PortalText.catalogue($0.language).reviewedByTranslator }
        invitedAt = status?.invitedAt
        codeExpiresAt = status?.codeExpiresAt
        activatedAt = status?.activatedAt
        lastUsedAt = status?.lastUsedAt
        revokedAt = status?.revokedAt
    }
}

struct PortalInvitationInput: Content {
    var language: ConsentLanguage?
}

/// A new invitation for a partner's system to print its own letter: the code is in this answer only, never stored.
struct PortalInvitationDTO: Content {
    let accountNumber: String
    let code: String
    let expiresAt: Date
    let language: ConsentLanguage
    /// Where the person goes, with the account number filled in (never the code).
    let address: String
}

extension API {
    struct PortalAccessController {
        @Sendable func show(_ request: Request) async throws -> PortalAccessDTO {
            PortalAccessDTO(try await Portal.access(of: try request.uuidParameter("personID"), caller: try request.caller))
        }

        @Sendable func invite(_ request: Request) async throws -> Response {
            let caller = try request.caller
            try caller.requireCaseworker()
            let personID = try request.uuidParameter("personID")
            // The body is read once the right is checked (in the feature): a stranger's 404 does not depend on it.
            let language = (try? request.content.decode(PortalInvitationInput.self))?.language
            let invitation = try await Portal.invite(personID, language: language, lifetime: request.schakel.invitationLifetime,
                                                     caller: caller)
            let address = PortalLetterPage.welcomeURL(address: Web.PortalAccessController.address(request), invitation: invitation)
            let response = Response(status: .created)
            try response.content.encode(PortalInvitationDTO(accountNumber: invitation.accountNumber, code: invitation.code,
                                                            expiresAt: invitation.expiresAt, language: invitation.language,
                                                            address: address))
            response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
            return response
        }

        @Sendable func revoke(_ request: Request) async throws -> PortalAccessDTO {
            let caller = try request.caller
            try caller.requireCaseworker()
            let personID = try request.uuidParameter("personID")
            try await Portal.revoke(personID, caller: caller)
            return PortalAccessDTO(try await Portal.access(of: personID, caller: caller))
        }
    }
}
