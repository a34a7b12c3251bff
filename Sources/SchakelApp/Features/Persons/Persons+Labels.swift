import Fluent
import Foundation
import SchakelCore

extension Persons {
    /// How a list or a page names each person: the name where the rule shares identity with the reader for that
    /// person's purpose, else only the dossier number. One decision and one entry in the access log per person.
    static func labels(_ purposes: [UUID: Purpose], caller: Caller) async throws -> [UUID: PersonSummaryDTO] {
        guard !purposes.isEmpty else { return [:] }
        var labels: [UUID: PersonSummaryDTO] = [:]
        for person in try await PersonModel.query(on: caller.db).filter(\.$id ~~ Array(purposes.keys)).all() {
            let id = try person.requireID()
            let decision: AccessRule.Decision?
            do {
                decision = try await caller.access.decide(person, purpose: purposes[id] ?? .guidanceToWork, requested: [.identity])
            } catch SchakelError.notFound {
                decision = nil
            }
            labels[id] = try label(person, decision: decision, caller: caller)
        }
        return labels
    }

    /// For referrals: each person read for the referral's purpose, which is what the consent was given for.
    static func labels(of referrals: [ReferralModel], caller: Caller) async throws -> [UUID: PersonSummaryDTO] {
        var purposes: [UUID: Purpose] = [:]
        for referral in referrals { purposes[referral.$person.id] = purposes[referral.$person.id] ?? referral.purpose }
        return try await labels(purposes, caller: caller)
    }

    /// The label from a decision already taken (and recorded) for this view: nothing more is recorded.
    static func label(_ person: PersonModel, decision: AccessRule.Decision?, caller: Caller) throws -> PersonSummaryDTO {
        let identifiers = decision?.allows(.identity) == true
            ? try caller.identifiers(sealed: person.identifiers, keyID: person.identifiersKeyID) : nil
        return PersonSummaryDTO(id: try person.requireID(), reference: person.reference, ownerOrganisationId: person.$owner.id,
                                givenName: identifiers?.givenName, familyName: identifiers?.familyName)
    }

    static func label(_ dossier: Dossier, decision: AccessRule.Decision?, caller: Caller) throws -> PersonSummaryDTO {
        let identifiers = decision?.allows(.identity) == true ? try caller.identifiers(of: dossier) : nil
        return PersonSummaryDTO(id: dossier.id, reference: dossier.profile.reference, ownerOrganisationId: dossier.owner,
                                givenName: identifiers?.givenName, familyName: identifiers?.familyName)
    }
}
