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

/// The languages of the people the chain serves, in which a person is told about consent and reads their own pages:
/// Dutch, French, English, Arabic, Dari, Pashto, Tigrinya, Ukrainian and Turkish. The raw value is what is stored;
/// `fa` is Dari (Persian as spoken in Afghanistan), stored as `fa` since the first consents.
public enum ConsentLanguage: String, CaseIterable, Codable, Sendable {
    case nl, fr, en, ar, fa, ps, ti, uk, tr

    /// Arabic, Dari and Pashto are written right to left.
    public var isRightToLeft: Bool { self == .ar || self == .fa || self == .ps }

    /// The language tag for `lang` attributes (BCP 47): Dari is `fa-AF`.
    public var tag: String { self == .fa ? "fa-AF" : rawValue }
}

/// Whether a consent may be recorded as the person's informed consent, given how its text reached them.
///
/// The text is recorded only in the language it was shown in. When that text was not reviewed by a qualified
/// translator, or the person cannot read it, someone who helped the person understand is recorded with it: an
/// interpreter (a name or an interpreting service) or a witness. Dutch, the source of every text, counts as reviewed.
public enum ConsentUnderstanding {
    public enum Problem: Error, Hashable, Sendable {
        /// The text in this language was not the one shown (another language was, or none).
        case notShown(ConsentLanguage)
        /// Unreviewed text or a person who cannot read it, and no interpreter or witness recorded.
        case helpRequired(ConsentLanguage)
    }

    /// `shownIn`: the language whose text, for these very choices, the person was shown (nil: none was).
    public static func check(toldIn language: ConsentLanguage, shownIn shown: ConsentLanguage?, textReviewed: Bool, personReads: Bool,
                             interpreter: String?, witness: String?) throws(Problem) {
        guard shown == language else { throw .notShown(language) }
        guard textReviewed, personReads else {
            let helped = [interpreter, witness].contains { !($0 ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
            guard helped else { throw .helpRequired(language) }
            return
        }
    }
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
