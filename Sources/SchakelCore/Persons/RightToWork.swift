/// When a person may work in Belgium, derived from the protection request and the status history.
///
/// Rule (Royal Decree of 2 September 2018, art. 18, implementing the 2018 employment law for
/// applicants): an applicant for international protection may work once four months have passed
/// since the request was lodged, for as long as no decision has been taken. "Four months" is the
/// same day-of-month four months later, clamped to the last day of a shorter month.
/// A protection status (refugee, subsidiary, resettled, temporary protection) or family
/// reunification gives full access from the day it is granted; a final refusal ends the right.
public enum RightToWork: Equatable, Sendable {
    /// May work on the day asked about, since `since`.
    case allowed(since: CalendarDate, basis: Basis)
    /// An applicant who may work from `date`, which has not come yet.
    case from(CalendarDate)
    /// May not work (refused request).
    case notAllowed(since: CalendarDate)
    /// Cannot be derived from the dossier; a counsellor must check the residence permit.
    case unknown(Unknown)

    public enum Basis: Equatable, Sendable {
        case fourMonthsAfterProtectionRequest
        case status(LegalStatus)
    }

    public enum Unknown: Equatable, Sendable {
        case noStatusRecorded
        case protectionRequestDateMissing
        case statusDoesNotDetermineIt(LegalStatus)
    }

    /// The day an applicant may start working: four calendar months after the request.
    public static func applicantDate(protectionRequestedOn request: CalendarDate) -> CalendarDate {
        request.adding(months: 4)
    }

    /// The right to work on `day`, given the history (any order) and the request date.
    public static func evaluate(history: [LegalStatusRecord], protectionRequestedOn request: CalendarDate?,
                                on day: CalendarDate) -> RightToWork {
        let ordered = history.filter { $0.since <= day }.sorted { $0.since < $1.since }
        guard let current = ordered.last else {
            // Nothing recorded yet on that day; a known request still tells when work may start.
            if let request, request <= day {
                let date = applicantDate(protectionRequestedOn: request)
                return date <= day ? .allowed(since: date, basis: .fourMonthsAfterProtectionRequest) : .from(date)
            }
            return .unknown(.noStatusRecorded)
        }
        switch current.status {
        case .applicant:
            // The status date is not a stand-in for the request date: guessing could let someone
            // work a day too early, so a missing request date stays unknown.
            guard let request else {
                return .unknown(.protectionRequestDateMissing)
            }
            let date = applicantDate(protectionRequestedOn: request)
            return date <= day ? .allowed(since: date, basis: .fourMonthsAfterProtectionRequest) : .from(date)
        case .refusedApplicant:
            return .notAllowed(since: current.since)
        case .otherNewcomer:
            return .unknown(.statusDoesNotDetermineIt(.otherNewcomer))
        case .recognisedRefugee, .subsidiaryProtection, .resettledRefugee, .temporaryProtection, .familyReunification:
            // An applicant who already had the right keeps it without a gap: count from the earlier day.
            let wasApplicant = ordered.dropLast().last?.status == .applicant
            if wasApplicant, let request {
                let applicantDay = applicantDate(protectionRequestedOn: request)
                if applicantDay < current.since {
                    return .allowed(since: applicantDay, basis: .fourMonthsAfterProtectionRequest)
                }
            }
            return .allowed(since: current.since, basis: .status(current.status))
        }
    }

    /// The date from which the person may work, if there is one (allowed or still to come).
    public var date: CalendarDate? {
        switch self {
        case let .allowed(since, _): return since
        case let .from(date): return date
        case .notAllowed, .unknown: return nil
        }
    }

    public var mayWork: Bool {
        if case .allowed = self { return true }
        return false
    }
}
