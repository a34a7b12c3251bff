/// A person's residence or protection status, as recorded in the dossier.
public enum LegalStatus: String, CaseIterable, Codable, Sendable {
    /// Applicant for international protection (verzoeker internationale bescherming, VIB).
    case applicant
    /// The protection request was refused and no appeal is pending.
    case refusedApplicant = "refused-applicant"
    case recognisedRefugee = "recognised-refugee"
    case subsidiaryProtection = "subsidiary-protection"
    case resettledRefugee = "resettled-refugee"
    case temporaryProtection = "temporary-protection"
    case familyReunification = "family-reunification"
    case otherNewcomer = "other-newcomer"

    /// Statuses that give unrestricted access to the labour market from the day they are granted.
    public var givesFullAccess: Bool {
        switch self {
        case .recognisedRefugee, .subsidiaryProtection, .resettledRefugee,
             .temporaryProtection, .familyReunification: return true
        case .applicant, .refusedApplicant, .otherNewcomer: return false
        }
    }
}

/// One entry of the legal status history: the status held from `since` until the next entry.
public struct LegalStatusRecord: Hashable, Codable, Sendable {
    public var status: LegalStatus
    public var since: CalendarDate

    public init(status: LegalStatus, since: CalendarDate) {
        self.status = status
        self.since = since
    }
}
