/// English wording of findings, for logs, the API's `message` and tests. The app's Dutch wording
/// is built from the same cases; nothing here is parsed back.
extension EligibilityFinding {
    public var summary: String {
        switch self {
        case let .ended(on):
            return "ended on \(on)"
        case let .alreadyStarted(on):
            return "the group started on \(on); no late entry"
        case .noSeatsLeft:
            return "no seats left"
        case let .startsBeforeRightToWork(start, rightToWorkOn):
            return "starts \(start), may work only from \(rightToWorkOn)"
        case let .noRightToWork(since):
            return "no right to work since \(since)"
        case let .rightToWorkUnknown(why):
            switch why {
            case .noStatusRecorded: return "right to work unknown: no legal status recorded"
            case .protectionRequestDateMissing: return "right to work unknown: the date of the protection request is missing"
            case let .statusDoesNotDetermineIt(status):
                return "right to work unknown: status \(status.rawValue) does not settle it; check the residence permit"
            }
        case let .statusNotAdmitted(status):
            return "status \(status.rawValue) is not admitted"
        case .statusUnknown:
            return "legal status not recorded; the offer admits only some statuses"
        case let .dutchTooLow(required, has, since):
            return "needs Dutch \(required.rawValue), has \(has.rawValue) since \(since)"
        case let .dutchTooHigh(maximum, has, since):
            return "Dutch too good: at most \(maximum.rawValue), has \(has.rawValue) since \(since)"
        case let .dutchUnknown(minimum, maximum):
            return "Dutch level not recorded; needs " + EligibilityFinding.dutchRange(minimum, maximum)
        case let .educationTooLow(required, has):
            return "needs education \(required.englishSummary), has \(has.englishSummary)"
        case let .educationUnknown(required):
            return "education not recorded; needs \(required.englishSummary)"
        case let .diplomaNotRecognised(level, recognition):
            return "needs a recognised diploma; the \(level.englishSummary) diploma is \(recognition.englishSummary)"
        case let .diplomaRecognitionPending(level):
            return "recognition of the \(level.englishSummary) diploma is pending"
        case let .scheduleConflict(need, offers):
            switch need {
            case .partTime: return "part-time only; the offer is \(offers)"
            case .outsideWorkingHours: return "works during the day; the offer is \(offers)"
            }
        case let .missingPrerequisite(prerequisite):
            return "needs " + prerequisite.summary
        case let .prerequisiteUnknown(prerequisite):
            switch prerequisite {
            case .competence: return "competences not recorded; needs " + prerequisite.summary
            case .experience: return "work experience not recorded; needs " + prerequisite.summary
            }
        case let .documentsNeeded(documents):
            return "documents needed: " + documents.joined(separator: ", ")
        case let .fundingToAgree(funding):
            switch funding {
            case .participant: return "the participant pays: agree on funding before applying"
            default: return "who pays is not settled (\(funding.rawValue)): ask the provider before applying"
            }
        }
    }

    static func dutchRange(_ minimum: CEFRLevel?, _ maximum: CEFRLevel?) -> String {
        switch (minimum, maximum) {
        case let (minimum?, maximum?): return "\(minimum.rawValue) to \(maximum.rawValue)"
        case let (minimum?, nil): return "\(minimum.rawValue) or higher"
        case let (nil, maximum?): return "at most \(maximum.rawValue)"
        case (nil, nil): return "no level"
        }
    }
}

extension Prerequisite {
    public var summary: String {
        switch self {
        case let .competence(competence):
            return "competence \(competence.rawValue)"
        case let .experience(codes, years):
            let occupations = codes.map { code in ISCO08.occupation(code: code).map { "\(code) \($0.nameEN)" } ?? code }
            let duration = years <= 1 ? "experience" : "at least \(years) years' experience"
            return "\(duration) as " + occupations.joined(separator: " or ")
        }
    }
}

extension ISCEDLevel {
    /// "ISCED 3 (upper secondary)".
    var englishSummary: String {
        let name: String
        switch self {
        case .earlyChildhood: name = "early childhood"
        case .primary: name = "primary"
        case .lowerSecondary: name = "lower secondary"
        case .upperSecondary: name = "upper secondary"
        case .postSecondary: name = "post-secondary"
        case .shortTertiary: name = "short tertiary"
        case .bachelor: name = "bachelor"
        case .master: name = "master"
        case .doctoral: name = "doctoral"
        }
        return "ISCED \(rawValue) (\(name))"
    }
}

extension DiplomaRecognition {
    var englishSummary: String {
        switch self {
        case .recognised: return "recognised"
        case .pending: return "awaiting recognition"
        case .refused: return "refused recognition"
        case .notRequested: return "not submitted for recognition"
        case .noDiploma: return "without a diploma"
        }
    }
}
