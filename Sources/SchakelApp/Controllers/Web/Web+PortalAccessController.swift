import Fluent
import Foundation
import Plot
import SchakelCore
import Vapor

extension Web {
    /// The staff side of "Mijn Schakel": the owning caseworker invites the person (the letter with its one-time code),
    /// closes their access, and reads the corrections the person asked for.
    struct PortalAccessController {
        struct InvitationForm: Content {
            var csrf: String?
            var taal: String?
        }

        /// The letter, at once: its code is shown on this response only, never stored, never in an address the caseworker
        /// could bookmark.
        @Sendable func invite(_ request: Request) async throws -> Response {
            try request.verifyForm()
            let caller = try request.caller
            try caller.requireCaseworker()
            let personID = try request.uuidParameter("personID")
            let form = try request.content.decode(InvitationForm.self)
            let invitation = try await Portal.invite(personID, language: form.taal.flatMap(ConsentLanguage.init(rawValue:)), lifetime: request.schakel.invitationLifetime,
                                                     caller: caller)
            let staffLanguage = UILanguage.preferred(by: request, userChoice: caller.user.language)
            return PortalLetterPage(invitation: invitation, address: Self.address(request), staffLanguage: staffLanguage,
                                    personID: personID).render()
        }

        /// The address the letter prints: `SCHAKEL_PUBLIC_URL`, or the one the caseworker's browser used when it is a plain host.
        static func address(_ request: Request) -> String {
            if let configured = request.schakel.publicURL { return configured }
            let host = request.headers.first(name: .host) ?? ""
            let plain = !host.isEmpty && host.count <= 253
                && host.unicodeScalars.allSatisfy { CharacterSet.alphanumerics.contains($0) || ".-:[]".unicodeScalars.contains($0) }
                && host.unicodeScalars.allSatisfy(\.isASCII)
            return (request.schakel.secureCookies ? "https://" : "http://") + (plain ? host : "localhost")
        }

        @Sendable func revoke(_ request: Request) async throws -> Response {
            try request.verifyForm()
            let caller = try request.caller
            try caller.requireCaseworker()
            let personID = try request.uuidParameter("personID")
            try await Portal.revoke(personID, caller: caller)
            request.flash(PortalStaffText.revoked(UILanguage.preferred(by: request, userChoice: caller.user.language)))
            return request.redirect(to: SiteURL.person(personID).fragment("mijn-schakel").path, redirectType: .normal)
        }

        @Sendable func correction(_ request: Request) async throws -> Response {
            let context = try await PageContext.load(request)
            let correction = try await Portal.correction(try request.uuidParameter("requestID"), caller: try request.caller)
            return CorrectionRequestPage(context: context, correction: correction).render()
        }

        @Sendable func markHandled(_ request: Request) async throws -> Response {
            try request.verifyForm()
            let caller = try request.caller
            let personID = try await Portal.markHandled(try request.uuidParameter("requestID"), caller: caller)
            request.flash(PortalStaffText.handled(UILanguage.preferred(by: request, userChoice: caller.user.language)))
            return request.redirect(to: SiteURL.person(personID).fragment("mijn-schakel").path, redirectType: .normal)
        }
    }
}

/// What the person asked to correct, for the owner's caseworker: the words, when, and "handled".
struct CorrectionRequestPage {
    let context: PageContext
    let correction: Portal.Correction

    func render() -> Response {
        let l = context.language
        return context.render(
            PortalStaffText.correctionTitle(l),
            .h1(.text(PortalStaffText.correctionTitle(l) + " · " + correction.reference)),
            .p(.class("lead"), .text(PortalStaffText.correctionIntro(l))),
            .blockquote(.class("consent-text"), .element(named: "bdi", text: correction.text)),
            .dl(.class("facts"),
                .dt(.text(PortalStaffText.askedOn(l))), .dd(.text(View.moment(correction.createdAt))),
                .unwrap(correction.handledAt) { at -> Node<HTML.DescriptionListContext> in
                    .group(.dt(.text(PortalStaffText.handledOn(l))), .dd(.text(View.moment(at))))
                }),
            .div(.class("actions"),
                 .a(.class("button-link button-secondary"), .href(SiteURL.personEdit(correction.personID)),
                    .text(PortalStaffText.editDossier(l))),
                 .if(correction.handledAt == nil,
                     .form(.class("inline"), .method(.post), .action(SiteURL.correctionRequest(correction.id)), Form.token(context),
                           Form.submit(PortalStaffText.markHandled(l))))),
            .p(.a(.href(SiteURL.person(correction.personID)), .text(PortalStaffText.backToDossier(l))))
        )
    }
}
