import Fluent
import Foundation
import Testing
import VaporTesting
@testable import SchakelApp
import SchakelCore

/// The privacy world with a whole case around its person, everything the person routes can be asked about: a
/// trajectory step, a draft referral and a sent warm hand-over to the partner with consent, a case conference of
/// the owner and that partner with the person on the agenda and an action about them, a closed employer request the
/// owner handles, and an offer the person fits. Built through the API, as the owner's social worker does it.
struct PrivacyCase {
    var world: PrivacyWorld
    var stepID = UUID()
    /// Owner → partner with consent, still a draft: only the sender knows of it.
    var draftReferralID = UUID()
    /// Owner → partner with consent, a warm hand-over (transfers ownership when accepted), sent.
    var sentReferralID = UUID()
    var conferenceID = UUID()
    /// An action about the person, carried out by the owner.
    var itemID = UUID()
    /// Handled by the owner, answered and closed (no further step).
    var employerRequestID = UUID()
    var offerID = UUID()
    /// A correction the person asked for in "Mijn Schakel", waiting in the owner's inbox.
    var correctionID = UUID()

    /// The person applied for protection on 1 June 2026, so their right to work (1 October) falls in the coming
    /// weeks of the test clock (21 September): the day page and the right-to-work list name them to the owner.
    static var personInput: [String: Any] {
        var input = PrivacyWorld.personInput
        input["protectionRequestedOn"] = "2026-06-01"
        input["statusHistory"] = [["status": "applicant", "since": "2026-06-01"]]
        return input
    }

    static func build(_ app: Application) async throws -> PrivacyCase {
        let world = try await PrivacyWorld.build(app, person: personInput)
        var built = PrivacyCase(world: world)
        let api = JSONAPI(app: app)
        let owner = try world.organisations[.owner]!.requireID()
        let partner = try world.organisations[.partnerWithConsent]!.requireID()
        let token = world.tokens[.owner]![.socialWorker]!
        let person = world.personID.uuidString

        // A case conference needs the trajectory to travel to the partner for that purpose: a route and a consent.
        let agreement = AgreementModel(title: "Case conference agreement", kind: .bilateral, regionID: "40000",
                                       validity: Validity(from: CalendarDate(2020, 1, 1)))
        try await agreement.create(on: app.db)
        try await AgreementRouteModel(agreementID: try agreement.requireID(), fromID: owner, toID: partner,
                                      categories: [.trajectoryAndReferrals]).create(on: app.db)
        _ = try await PrivacyWorld.addConsent(app, token: token, person: world.personID, recipient: partner,
                                              categories: [.identity, .trajectoryAndReferrals], purpose: .caseConference)

        built.stepID = try await created(api.post("persons/\(person)/trajectory/steps", token: token,
                                                  ["kind": "screening", "startsOn": "2026-09-01"]), "trajectory step")
        let referral: [String: Any] = ["personId": person, "toOrganisationId": partner.uuidString, "purpose": "guidance-to-work",
                                       "reason": "Wil in de keuken werken; mag werken vanaf 1 oktober."]
        built.draftReferralID = try await created(api.post("referrals", token: token, referral), "draft referral")
        var warm = referral
        warm["transfersOwnership"] = true
        built.sentReferralID = try await created(api.post("referrals", token: token, warm), "warm hand-over")
        try await succeeded(api.post("referrals/\(built.sentReferralID)/send", token: token), "send")

        built.conferenceID = try await created(api.post("case-conferences", token: token, [
            "heldOn": "2026-09-15", "title": "Casusoverleg keuken", "participantOrganisationIds": [partner.uuidString],
        ]), "conference")
        try await succeeded(api.post("case-conferences/\(built.conferenceID)/persons", token: token, ["personId": person]), "agenda")
        built.itemID = try await created(api.post("case-conferences/\(built.conferenceID)/items", token: token, [
            "kind": "action", "text": "Inschrijven voor de opleiding keukenhulp.", "personId": person,
            "ownerOrganisationId": owner.uuidString, "dueOn": "2026-10-01",
        ]), "conference action")

        built.employerRequestID = try await created(api.post("employer-requests", token: token, [
            "kind": "hiring-question", "employerName": "Brasserie Van Acker", "description": "Hoe werf ik een nieuwkomer aan?",
        ]), "employer request")
        let contact = try world.users[.owner]![.socialWorker]!.requireID()
        try await succeeded(api.post("employer-requests/\(built.employerRequestID)/assign", token: token,
                                     ["contactUserId": contact.uuidString]), "assign")
        try await succeeded(api.post("employer-requests/\(built.employerRequestID)/answer", token: token,
                                     ["answer": "Via een IBO."]), "answer")
        try await succeeded(api.post("employer-requests/\(built.employerRequestID)/close", token: token), "close")

        // A kitchen training the person fits (Dutch A1, cook): no right to work needed, so the partner's view fits too.
        let offer = Offer(id: UUID(), providerOrganisationID: owner, kind: .training, title: "Keukenhulp", sector: "horeca",
                          occupation: "5120", region: "40000", municipality: "44021", schedules: [.day],
                          startsOn: CalendarDate(2026, 10, 5), seats: 12, funding: .vdab,
                          admission: AdmissionRequirements(minDutch: .a1))
        try await OfferModel(offer, now: Date()).create(on: app.db)
        built.offerID = offer.id

        let sealed = try app.keyring.seal("Mijn geboortejaar klopt niet.")
        let correction = CorrectionRequestModel()
        correction.id = built.correctionID
        correction.$person.id = world.personID
        correction.$organisation.id = owner
        correction.text = sealed.ciphertext
        correction.textKeyID = sealed.keyID
        correction.createdAt = Date()
        try await correction.create(on: app.db)
        return built
    }

    private static func created(_ answer: JSONAPI.Answer, _ what: String) throws -> UUID {
        #expect(answer.status == .created, "\(what): \(answer.text)")
        guard let id = UUID(uuidString: answer.id) else { throw TestSetupError(description: "\(what) not created: \(answer.text)") }
        return id
    }

    private static func succeeded(_ answer: JSONAPI.Answer, _ what: String) throws {
        guard answer.status == .ok else { throw TestSetupError(description: "\(what) failed: \(answer.status) \(answer.text)") }
    }
}
