import SchakelCore
import Vapor

/// Errors a person can act on. One middleware turns each into a status and a Dutch/English message;
/// logs get the code only, never personal data.
enum SchakelError: Error, Sendable {
    case validation(field: String, reason: Text, arguments: [String] = [])
    case invalidCredentials
    case slowDown(retryAfter: Int)
    case locked(retryAfter: Int)
    /// Too many sign-ins are waiting for a password check: refused at once, so a flood cannot slow everyone down.
    case busy(retryAfter: Int)
    case unauthorized
    case forbidden
    case notFound
    case conflict
    case staleVersion
    case csrf
    /// A referral step that does not apply in the referral's state; `allowed` names those that do.
    case illegalTransition(action: String, state: String, allowed: [String])
    /// An employer request cannot move to that state from where it is.
    case illegalRequestStep(state: String, allowed: [String])
    /// A CSV file with bad rows: every problem with its line and column; nothing was loaded.
    case csvProblems([MunicipalityCSV.Problem])
    /// A referral step that belongs to the other side.
    case wrongParty(action: String, party: String)
    /// A route added to, or an end given to, an agreement that has ended.
    case agreementEnded

    var status: HTTPResponseStatus {
        switch self {
        case .validation, .csvProblems: return .unprocessableEntity
        case .invalidCredentials, .unauthorized: return .unauthorized
        case .slowDown, .locked, .busy: return .tooManyRequests
        case .forbidden, .csrf: return .forbidden
        case .notFound: return .notFound
        case .conflict, .staleVersion, .illegalTransition, .illegalRequestStep, .agreementEnded: return .conflict
        case .wrongParty: return .forbidden
        }
    }

    var code: String {
        switch self {
        case .validation: return "invalid_field"
        case .invalidCredentials: return "invalid_credentials"
        case .slowDown: return "too_many_attempts"
        case .locked: return "account_locked"
        case .busy: return "busy"
        case .unauthorized: return "unauthorized"
        case .forbidden: return "forbidden"
        case .notFound: return "not_found"
        case .conflict: return "conflict"
        case .staleVersion: return "stale_version"
        case .csrf: return "csrf_token_invalid"
        case .illegalTransition, .illegalRequestStep: return "illegal_transition"
        case .wrongParty: return "wrong_party"
        case .csvProblems: return "invalid_csv"
        case .agreementEnded: return "agreement_ended"
        }
    }

    var field: String? {
        if case let .validation(field, _, _) = self { return field }
        if case .staleVersion = self { return "version" }
        if case let .csvProblems(problems) = self { return problems.first?.field }
        return nil
    }

    func message(_ language: UILanguage) -> String {
        switch self {
        case let .validation(_, reason, arguments):
            var text = reason(language)
            for argument in arguments {
                if let range = text.range(of: "%@") { text.replaceSubrange(range, with: argument) }
                else if let range = text.range(of: "%d") { text.replaceSubrange(range, with: argument) }
            }
            return text
        case .invalidCredentials: return Strings.invalidCredentials(language)
        case let .slowDown(seconds): return Strings.slowDown.formatted(language, seconds)
        case let .locked(seconds): return Strings.accountLocked.formatted(language, max(1, (seconds + 59) / 60))
        case let .busy(seconds): return Strings.signInBusy.formatted(language, seconds)
        case .unauthorized: return Strings.unauthorized(language)
        case .forbidden: return Strings.forbidden(language)
        case .notFound: return Strings.notFound(language)
        case .conflict: return Strings.conflict(language)
        case .staleVersion: return Strings.staleVersion(language)
        case .csrf: return Strings.csrf(language)
        case let .illegalTransition(action, state, allowed):
            return Strings.illegalTransition.filled(language, action, state, allowed.isEmpty ? "—" : allowed.joined(separator: ", "))
        case let .csvProblems(problems):
            return Strings.csvProblems.filled(language, String(problems.count))
        case let .illegalRequestStep(state, allowed):
            return Strings.illegalRequestStep.filled(language, state, allowed.isEmpty ? "—" : allowed.joined(separator: ", "))
        case let .wrongParty(action, party):
            return Strings.wrongParty.filled(language, action, party)
        case .agreementEnded: return Strings.agreementEnded(language)
        }
    }

    /// For an illegal referral step: the steps that are possible now.
    var allowed: [String]? {
        if case let .illegalTransition(_, _, allowed) = self { return allowed }
        if case let .illegalRequestStep(_, allowed) = self { return allowed }
        return nil
    }

    /// Every problem of a refused CSV file, as "line N, column: reason".
    var problems: [String]? {
        if case let .csvProblems(problems) = self { return problems.map(\.description) }
        return nil
    }

    var retryAfter: Int? {
        switch self {
        case let .slowDown(seconds), let .locked(seconds), let .busy(seconds): return seconds
        default: return nil
        }
    }
}
