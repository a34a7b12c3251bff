import Foundation

/// Why data is shared: consent is given for a recipient and a purpose, never in general.
public enum Purpose: String, CaseIterable, Codable, Sendable {
    case guidanceToWork = "guidance-to-work"
    case training
    case intensiveGuidance = "intensive-guidance"
    case warmHandover = "warm-handover"
    case caseConference = "case-conference"
}

/// How the person gave consent.
public enum ConsentMethod: String, CaseIterable, Codable, Sendable {
    case signedForm = "signed-form"
    case digital
    /// Oral consent is only valid with a witness, whose name is recorded with it.
    case oralWithWitness = "oral-with-witness"
}

/// The languages consent texts are shown in (at least Dutch, English and French).
public enum ConsentLanguage: String, CaseIterable, Codable, Sendable {
    case nl, en, fr, ar, uk, fa, ti
}

/// One consent: this person allows this recipient organisation to receive these categories for
/// this purpose, from `givenAt` until it expires or is withdrawn.
public struct Consent: Hashable, Codable, Sendable, Identifiable {
    public var id: UUID
    public var personID: UUID
    public var recipientOrganisationID: UUID
    public var purpose: Purpose
    public var categories: Set<DataCategory>
    public var method: ConsentMethod
    public var givenAt: Date
    public var expiresAt: Date?
    public var withdrawnAt: Date?

    public init(id: UUID = UUID(), personID: UUID, recipientOrganisationID: UUID, purpose: Purpose,
                categories: Set<DataCategory>, method: ConsentMethod = .signedForm, givenAt: Date,
                expiresAt: Date? = nil, withdrawnAt: Date? = nil) {
        self.id = id
        self.personID = personID
        self.recipientOrganisationID = recipientOrganisationID
        self.purpose = purpose
        self.categories = categories
        self.method = method
        self.givenAt = givenAt
        self.expiresAt = expiresAt
        self.withdrawnAt = withdrawnAt
    }

    /// Withdrawal and expiry take effect at once: at `withdrawnAt`/`expiresAt` the consent is gone.
    public func isActive(at moment: Date) -> Bool {
        givenAt <= moment && (expiresAt.map { moment < $0 } ?? true) && (withdrawnAt.map { moment < $0 } ?? true)
    }
}
