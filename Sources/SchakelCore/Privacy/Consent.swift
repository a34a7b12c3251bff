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

/// The languages a person can be told about consent in (at least Dutch, English and French).
public enum ConsentLanguage: String, CaseIterable, Codable, Sendable {
    case nl, en, fr, ar, uk, fa, ti

    /// Languages Schakel has a standard consent text in. The others follow with real translations;
    /// until then a standard text cannot be recorded as shown in them.
    public static let withStandardText: [ConsentLanguage] = [.nl, .en]

    public var hasStandardText: Bool { Self.withStandardText.contains(self) }
}

/// Which text a consent records and in which language it is written, so that the record never names a
/// language the person was not shown the text in.
public enum ConsentWording: Hashable, Sendable {
    /// A text the caseworker wrote, in the language the person was told in.
    case own
    /// Schakel's standard text in the language the person was told in.
    case standard
    /// Schakel's standard text in Dutch, which the recorded interpreter put into the person's language.
    case interpretedStandard

    public enum Problem: Error, Hashable, Sendable {
        /// No standard text exists in that language, and no interpreter was recorded.
        case noStandardText(ConsentLanguage)
    }

    /// The rule: a standard text only in a language it exists in; in another language either the
    /// caseworker writes the text or an interpreter is recorded who put the Dutch one into it.
    public static func decide(toldIn language: ConsentLanguage, ownText: Bool, interpreter: String?) throws(Problem) -> ConsentWording {
        if ownText { return .own }
        if language.hasStandardText { return .standard }
        guard let interpreter, !interpreter.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw .noStandardText(language)
        }
        return .interpretedStandard
    }

    /// The language the stored text is written in.
    public func writtenIn(toldIn language: ConsentLanguage) -> ConsentLanguage {
        self == .interpretedStandard ? .nl : language
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
