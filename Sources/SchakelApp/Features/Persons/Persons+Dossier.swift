import Fluent
import Foundation
import SchakelCore

/// A person's dossier: the shared profile, its consents and access log, the trajectory and what fits next.
enum Persons {}

extension Persons {
    /// Everything the dossier page shows of one person, gathered on one decision.
    struct DossierView: Sendable {
        let dossier: Dossier
        let person: PersonDTO
        let decision: AccessRule.Decision
        let isOwner: Bool
        /// The owner's view only: what the person agreed to and who read their data (newest first).
        let consents: [ConsentDTO]
        let accessLog: [AuditEntryModel]
        let trajectory: TrajectoryDTO
        let referrals: [Referrals.Line]
        let recommendations: [Recommendation]
        let municipality: String?
        /// The owner's view only: the person's own portal, and the corrections they asked there that wait.
        let portal: Portal.Status?
        let corrections: [(id: UUID, createdAt: Date)]
    }

    /// One page view of a dossier: one decision over every category the page can show, so the person's access
    /// log says one read for one view; the dossier is loaded once. An id that names no one is decided as a person
    /// owned by no organisation (the same reads, the same audit entry, the same 404 as a person the reader may not see).
    static func dossier(_ id: UUID, purpose: Purpose, caller: Caller, recommendationLimit: Int = 5) async throws -> DossierView {
        try caller.requireCaseworker()
        let subject = try await PersonAccess.subject(id, on: caller.db) ?? PersonReference.nobody(id)
        let decision = try await caller.access.decide(subject, purpose: purpose, requested: Set(DataCategory.allCases))
        guard let dossier = try await DossierStore.find(id, on: caller.db) else { throw SchakelError.notFound }
        let identifiers = decision.allows(.identity) || decision.allows(.contact) ? try caller.identifiers(of: dossier) : nil
        let person = PersonDTO(dossier, identifiers: identifiers, decision: decision, purpose: purpose, today: caller.today)
        let isOwner = dossier.profile.ownerOrganisationID == caller.organisationID
        let consents = isOwner ? try await ConsentModel.query(on: caller.db).filter(\.$person.$id == id)
            .sort(\.$givenAt, .descending).all().map { try ConsentDTO($0, now: caller.now) } : []
        let accessLog = isOwner ? try await AuditStore.about(id, on: caller.db)
            .sort(\.$id, .descending).limit(15).all() : []
        let trajectory = try await Trajectories.view(of: dossier, decision: decision, purpose: purpose, caller: caller,
                                                     recordingNotes: false)
        let organisation = caller.organisationID
        let referrals = try await ReferralModel.query(on: caller.db).filter(\.$person.$id == id)
            .group(.or) { group in
                group.filter(\.$from.$id == organisation)
                group.group(.and) { $0.filter(\.$to.$id == organisation).filter(\.$state != .draft) }
            }
            .sort(\.$createdAt, .descending).limit(30).all().map { try Referrals.line($0, today: caller.today) }
        // The offers are judged on what the same decision lets the reader see of the person.
        let profile = dossier.profile.limited(to: decision.allowed.intersection(Offers.categories))
        let circumstances = try await Offers.circumstances(of: id, seen: decision, caller: caller)
        let recommendations = try await Offers.recommendations(for: profile, circumstances: circumstances, caller: caller,
                                                               limit: recommendationLimit, includeUnknown: false)
        // The municipality as the DTO shows it: withheld with its category.
        let municipality = try await person.homeMunicipalityId.asyncFlatMap {
            try await MunicipalityModel.find($0, on: caller.db)
        }
        let portal = isOwner ? try await Portal.status(of: dossier, caller: caller) : nil
        let corrections = isOwner ? try await Portal.openCorrections(of: dossier, caller: caller) : []
        return DossierView(dossier: dossier, person: person, decision: decision, isOwner: isOwner, consents: consents,
                           accessLog: accessLog, trajectory: trajectory, referrals: referrals,
                           recommendations: recommendations, municipality: municipality?.nameNL, portal: portal,
                           corrections: corrections)
    }
}
