import Foundation

/// The one rule every read of personal data obeys (docs/domain.md#the-access-rule).
///
/// Personal data leaves its owning organisation only when all hold: an active agreement route
/// covers owner → reader organisation and the category; the person gave active consent to that
/// reader organisation for the purpose and the category; and the reader's role needs the category.
/// Everything else is denied. Coordinators and analysts never see a person. The role part holds
/// inside the owning organisation too: its own staff see what their role needs, no more.
public enum AccessRule {
    /// Who asks.
    public struct Viewer: Hashable, Sendable {
        public var userID: UUID
        public var organisationID: UUID
        public var role: UserRole

        public init(userID: UUID, organisationID: UUID, role: UserRole) {
            self.userID = userID
            self.organisationID = organisationID
            self.role = role
        }
    }

    /// An agreement route as the rule needs it: from → to, which categories, and when in force.
    public struct Route: Hashable, Sendable {
        public var from: UUID
        public var to: UUID
        public var categories: Set<DataCategory>
        public var validity: Validity

        public init(from: UUID, to: UUID, categories: Set<DataCategory>, validity: Validity) {
            self.from = from
            self.to = to
            self.categories = categories
            self.validity = validity
        }
    }

    /// Why a category is withheld.
    public enum Denial: String, Hashable, Codable, Sendable, CaseIterable {
        /// Analysts and coordinators see aggregates only.
        case roleSeesNoPersons = "role-sees-no-persons"
        /// No agreement in force routes this category from the owner to the reader's organisation.
        case noAgreementRoute = "no-agreement-route"
        /// The person gave no active consent to this organisation for this purpose and category.
        case noConsent = "no-consent"
        /// The reader's role does not need this category for its work.
        case roleDoesNotNeedIt = "role-does-not-need-it"
        /// A person signed in to their own portal reads their own dossier only.
        case notTheirOwn = "not-their-own"
    }

    /// The person themselves, signed in to "Mijn Schakel" with a client account: the rule's client role.
    public struct Client: Hashable, Sendable {
        public var accountID: UUID
        /// The one dossier the account belongs to.
        public var personID: UUID

        public init(accountID: UUID, personID: UUID) {
            self.accountID = accountID
            self.personID = personID
        }
    }

    public struct Decision: Hashable, Sendable {
        /// Whether the person's existence may be shown at all (otherwise: not found).
        public var personVisible: Bool
        public var allowed: Set<DataCategory>
        public var denied: [DataCategory: Denial]
        /// The reader belongs to the owning organisation.
        public var isOwner: Bool

        public init(personVisible: Bool, allowed: Set<DataCategory>, denied: [DataCategory: Denial], isOwner: Bool) {
            self.personVisible = personVisible
            self.allowed = allowed
            self.denied = denied
            self.isOwner = isOwner
        }

        public func allows(_ category: DataCategory) -> Bool { allowed.contains(category) }
    }

    /// The categories a role needs for its work, wherever the person is owned. Decided once here.
    public static func needs(_ role: UserRole) -> Set<DataCategory> {
        switch role {
        case .socialWorker, .trajectoryCounsellor, .jobCounsellor, .consultant:
            return Set(DataCategory.allCases)
        case .employerContact:
            // Matching people to vacancies: who, how to reach, languages, skills and availability.
            return [.identity, .contact, .languages, .education, .workExperience, .competencesAndWishes, .availabilityAndConstraints]
        case .administrator:
            // Administrators manage organisations and accounts, not dossiers of other organisations.
            return [.identity]
        case .analyst:
            return []
        }
    }

    /// Whether the role's work is whole dossiers: the dossier itself, its consents, its access log and its
    /// trajectory. Only roles that need every category do; the others (an administrator, an employer
    /// contact) get no further than a list of names, in their own organisation as in any other.
    public static func worksWithDossiers(_ role: UserRole) -> Bool {
        needs(role) == Set(DataCategory.allCases)
    }

    /// Decides, for one reader, person, purpose and moment, which of the requested categories may be shown.
    /// - Parameters:
    ///   - routes: agreement routes (any; the rule picks those that apply and are in force).
    ///   - consents: the person's consents (any; the rule picks active ones for reader, purpose, category).
    public static func decide(viewer: Viewer, personOwner: UUID, purpose: Purpose,
                              requested: Set<DataCategory> = Set(DataCategory.allCases),
                              routes: [Route], consents: [Consent], at moment: Date, today: CalendarDate) -> Decision {
        if viewer.role == .analyst {
            return Decision(personVisible: false, allowed: [], denied: deniedAll(requested, .roleSeesNoPersons), isOwner: false)
        }
        let needed = needs(viewer.role)
        if viewer.organisationID == personOwner {
            // No route or consent is needed for one's own dossiers, but the role part still decides.
            return Decision(personVisible: true, allowed: requested.intersection(needed),
                            denied: deniedAll(requested.subtracting(needed), .roleDoesNotNeedIt), isOwner: true)
        }
        let routed = routes.filter { $0.from == personOwner && $0.to == viewer.organisationID && $0.validity.contains(today) }
            .reduce(into: Set<DataCategory>()) { $0.formUnion($1.categories) }
        let consentsForViewer = consents.filter { $0.recipientOrganisationID == viewer.organisationID && $0.isActive(at: moment) }
        let consented = consentsForViewer.filter { $0.purpose == purpose }
            .reduce(into: Set<DataCategory>()) { $0.formUnion($1.categories) }
        var allowed: Set<DataCategory> = []
        var denied: [DataCategory: Denial] = [:]
        for category in requested {
            if !routed.contains(category) { denied[category] = .noAgreementRoute }
            else if !consented.contains(category) { denied[category] = .noConsent }
            else if !needed.contains(category) { denied[category] = .roleDoesNotNeedIt }
            else { allowed.insert(category) }
        }
        // Without a route and a consent of any kind, the person is not shown to exist at all.
        let visible = !routed.isEmpty && !consentsForViewer.isEmpty
        return Decision(personVisible: visible, allowed: visible ? allowed : [],
                        denied: visible ? denied : deniedAll(requested, routed.isEmpty ? .noAgreementRoute : .noConsent),
                        isOwner: false)
    }

    /// Decides for a person reading through their own portal. Their own dossier they see whole, every category,
    /// whoever owns it and whatever they consented to: it is their data (GDPR art. 15), and consent governs what
    /// organisations see, not what the person sees of themselves. Any other person does not exist for them, exactly
    /// as for staff who may not know of someone; so does their own dossier once erased.
    public static func decide(client: Client, person: UUID, isErased: Bool,
                              requested: Set<DataCategory> = Set(DataCategory.allCases)) -> Decision {
        guard person == client.personID, !isErased else {
            return Decision(personVisible: false, allowed: [], denied: deniedAll(requested, .notTheirOwn), isOwner: false)
        }
        return Decision(personVisible: true, allowed: requested, denied: [:], isOwner: false)
    }

    /// What may travel to another organisation for a purpose, whoever there reads it: the route and
    /// consent parts of the rule (a referral's snapshot). Each reader there still passes `decide`,
    /// with its role, when it opens the snapshot.
    public static func shareable(to organisation: UUID, personOwner: UUID, purpose: Purpose,
                                 routes: [Route], consents: [Consent], at moment: Date, today: CalendarDate) -> Decision {
        // A caseworker role needs every category, so only route and consent narrow this decision.
        decide(viewer: Viewer(userID: UUID(), organisationID: organisation, role: .jobCounsellor), personOwner: personOwner,
               purpose: purpose, routes: routes, consents: consents, at: moment, today: today)
    }

    /// What a sender may pass on to another organisation (a referral's snapshot, a printed profile):
    /// what `shareable` lets travel there, and never more than the sender itself may see. After a warm
    /// hand-over the former owner is a reader like any other, and cannot pass on what it no longer holds.
    /// `routesToReceiver` and `routesToSender` both start at the person's owner. Nil when the sender
    /// may not see the person at all.
    public static func passOn(by sender: Viewer, to organisation: UUID, personOwner: UUID, purpose: Purpose,
                              routesToReceiver: [Route], routesToSender: [Route], consents: [Consent],
                              at moment: Date, today: CalendarDate) -> Decision? {
        let travels = shareable(to: organisation, personOwner: personOwner, purpose: purpose, routes: routesToReceiver,
                                consents: consents, at: moment, today: today)
        let own = decide(viewer: sender, personOwner: personOwner, purpose: purpose, requested: travels.allowed,
                         routes: routesToSender, consents: consents, at: moment, today: today)
        guard own.personVisible else { return nil }
        var denied = travels.denied
        for category in travels.allowed.subtracting(own.allowed) { denied[category] = own.denied[category] ?? .noConsent }
        return Decision(personVisible: travels.personVisible, allowed: travels.allowed.intersection(own.allowed), denied: denied,
                        isOwner: false)
    }

    private static func deniedAll(_ categories: Set<DataCategory>, _ denial: Denial) -> [DataCategory: Denial] {
        Dictionary(uniqueKeysWithValues: categories.map { ($0, denial) })
    }
}
