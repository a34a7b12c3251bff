import Foundation
import SchakelCore

/// What a person reads in "Mijn Schakel", their own portal, and on the invitation letter: one catalogue per language
/// of the people the chain serves (`PortalText+<code>.swift`), each with its review status. `PortalTextTests` holds every
/// key in every catalogue, with every placeholder of the Dutch, and no Dutch standing in for another language.
///
/// Placeholders: `{organisation}`, `{date}`, `{seconds}`, `{minutes}`, `{count}`, `{categories}`, `{purpose}`, `{role}`,
/// `{address}`, `{account}`, `{code}`.
struct PortalText: Sendable {
    enum Key: Hashable, Sendable {
        // Every page
        case portalName, skipToContent, language, languageChoose, signOut, home, back
        // The invitation letter
        case letterTitle, letterGreeting, letterIntro, letterStep1, letterStep2, letterStep3, letterAccount, letterCode,
             letterExpires, letterScan, letterKeep, letterHelp
        // Activation (first visit) and sign-in
        case welcomeTitle, welcomeIntro, account, code, newPassphrase, repeatPassphrase, passphraseHint, activate
        case signInTitle, signInIntro, passphrase, signIn, signedOut
        case errCredentials, errCode, errSlowDown, errLocked, errPassphraseShort, errPassphraseLong, errPassphraseMismatch,
             errForm, errRequired, errTooLong, errNotFound, errProblem, errTooManyMessages
        // Home
        case homeTitle, homeIntro, caseworkerAt
        case navProfile, navPlan, navReferrals, navConsents, navAccessLog, navDownload, navCorrection, navQuestionnaire
        case navProfileHint, navPlanHint, navReferralsHint, navConsentsHint, navAccessLogHint, navDownloadHint,
             navCorrectionHint, navQuestionnaireHint
        // Profile
        case profileTitle, profileIntro, notRecorded, somethingWrong, yes, no
        case fieldName, fieldBirthDate, fieldCountry, fieldPhone, fieldEmail, fieldAddress, fieldMunicipality, fieldArrived,
             fieldStatus, fieldLanguages, fieldMotherTongue, fieldEducation, fieldWork, fieldYears, fieldCompetences,
             fieldJobWishes, fieldChildcare, fieldDrivingLicence, fieldPartTime, fieldDistance, fieldResilience, fieldReference
        case legalStatus(LegalStatus)
        case distance(LabourMarketDistance)
        case resilience(Resilience)
        // Plan
        case planTitle, planIntro, rightToWorkTitle, rightToWorkAllowed, rightToWorkFrom, rightToWorkNotAllowed,
             rightToWorkUnknown, rightToWorkMeaning, milestonesTitle, milestoneExpected, stepsTitle, noSteps, stepBy,
             stepFrom, stepUntil
        case milestone(MilestoneKind)
        case stepKind(TrajectoryStepKind)
        case stepStatus(TrajectoryStepStatus)
        // Referrals
        case referralsTitle, referralsIntro, noReferrals, referralTo, referralFrom, referralSentOn, referralNextTitle,
             refusedBecause
        case referralState(ReferralState)
        case referralNext(ReferralState)
        case refusal(RefusalReason)
        // Consents
        case consentsTitle, consentsIntro, noConsents, consentMaySee, consentWhy, consentGivenOn, consentUntil,
             consentActive, consentWithdrawnOn, consentExpired, withdraw, withdrawWarning, withdrawn
        // Who looked at my data
        case accessLogTitle, accessLogIntro, noAccessLog, logWhen, logWho, logWhat, logWhy, logYou, logRefused,
             logRoleAt, logEarlier
        case role(UserRole)
        case action(PortalLogAction)
        // Download, correction, questionnaire
        case downloadTitle, downloadIntro, downloadButton
        case correctionTitle, correctionIntro, correctionLabel, correctionSend, correctionSent
        case surveyTitle, surveyIntro, surveySend, surveyThanks, surveyLow, surveyHigh
        case surveyQuestion(PortalSurveyQuestion)

        static let all: [Key] = {
            var keys: [Key] = [
                .portalName, .skipToContent, .language, .languageChoose, .signOut, .home, .back,
                .letterTitle, .letterGreeting, .letterIntro, .letterStep1, .letterStep2, .letterStep3, .letterAccount, .letterCode,
                .letterExpires, .letterScan, .letterKeep, .letterHelp,
                .welcomeTitle, .welcomeIntro, .account, .code, .newPassphrase, .repeatPassphrase, .passphraseHint, .activate,
                .signInTitle, .signInIntro, .passphrase, .signIn, .signedOut,
                .errCredentials, .errCode, .errSlowDown, .errLocked, .errPassphraseShort, .errPassphraseLong, .errPassphraseMismatch,
                .errForm, .errRequired, .errTooLong, .errNotFound, .errProblem, .errTooManyMessages,
                .homeTitle, .homeIntro, .caseworkerAt,
                .navProfile, .navPlan, .navReferrals, .navConsents, .navAccessLog, .navDownload, .navCorrection, .navQuestionnaire,
                .navProfileHint, .navPlanHint, .navReferralsHint, .navConsentsHint, .navAccessLogHint, .navDownloadHint,
                .navCorrectionHint, .navQuestionnaireHint,
                .profileTitle, .profileIntro, .notRecorded, .somethingWrong, .yes, .no,
                .fieldName, .fieldBirthDate, .fieldCountry, .fieldPhone, .fieldEmail, .fieldAddress, .fieldMunicipality, .fieldArrived,
                .fieldStatus, .fieldLanguages, .fieldMotherTongue, .fieldEducation, .fieldWork, .fieldYears, .fieldCompetences,
                .fieldJobWishes, .fieldChildcare, .fieldDrivingLicence, .fieldPartTime, .fieldDistance, .fieldResilience, .fieldReference,
                .planTitle, .planIntro, .rightToWorkTitle, .rightToWorkAllowed, .rightToWorkFrom, .rightToWorkNotAllowed,
                .rightToWorkUnknown, .rightToWorkMeaning, .milestonesTitle, .milestoneExpected, .stepsTitle, .noSteps, .stepBy,
                .stepFrom, .stepUntil,
                .referralsTitle, .referralsIntro, .noReferrals, .referralTo, .referralFrom, .referralSentOn, .referralNextTitle,
                .refusedBecause,
                .consentsTitle, .consentsIntro, .noConsents, .consentMaySee, .consentWhy, .consentGivenOn, .consentUntil,
                .consentActive, .consentWithdrawnOn, .consentExpired, .withdraw, .withdrawWarning, .withdrawn,
                .accessLogTitle, .accessLogIntro, .noAccessLog, .logWhen, .logWho, .logWhat, .logWhy, .logYou, .logRefused,
                .logRoleAt, .logEarlier,
                .downloadTitle, .downloadIntro, .downloadButton,
                .correctionTitle, .correctionIntro, .correctionLabel, .correctionSend, .correctionSent,
                .surveyTitle, .surveyIntro, .surveySend, .surveyThanks, .surveyLow, .surveyHigh,
            ]
            keys += LegalStatus.allCases.map(Key.legalStatus)
            keys += LabourMarketDistance.allCases.map(Key.distance)
            keys += Resilience.allCases.map(Key.resilience)
            keys += MilestoneKind.allCases.map(Key.milestone)
            keys += TrajectoryStepKind.allCases.map(Key.stepKind)
            keys += TrajectoryStepStatus.allCases.map(Key.stepStatus)
            keys += ReferralState.allCases.map(Key.referralState)
            keys += ReferralState.allCases.map(Key.referralNext)
            keys += RefusalReason.allCases.map(Key.refusal)
            keys += UserRole.allCases.map(Key.role)
            keys += PortalLogAction.allCases.map(Key.action)
            keys += PortalSurveyQuestion.allCases.map(Key.surveyQuestion)
            return keys
        }()

        /// The key as a test names it ("category.identity"); not `description`, which the default case would recurse into.
        var name: String {
            switch self {
            case let .legalStatus(value): "legalStatus.\(value.rawValue)"
            case let .distance(value): "distance.\(value.rawValue)"
            case let .resilience(value): "resilience.\(value.rawValue)"
            case let .milestone(value): "milestone.\(value.rawValue)"
            case let .stepKind(value): "stepKind.\(value.rawValue)"
            case let .stepStatus(value): "stepStatus.\(value.rawValue)"
            case let .referralState(value): "referralState.\(value.rawValue)"
            case let .referralNext(value): "referralNext.\(value.rawValue)"
            case let .refusal(value): "refusal.\(value.rawValue)"
            case let .role(value): "role.\(value.rawValue)"
            case let .action(value): "action.\(value.rawValue)"
            case let .surveyQuestion(value): "surveyQuestion.\(value.rawValue)"
            default: "\(self)".components(separatedBy: "(").first ?? ""
            }
        }
    }

    let language: ConsentLanguage
    /// Reviewed by a qualified translator. Dutch, the source every other text is translated from, counts as reviewed.
    let reviewedByTranslator: Bool
    let texts: [Key: String]

    static func catalogue(_ language: ConsentLanguage) -> PortalText {
        switch language {
        case .nl: .nl
        case .fr: .fr
        case .en: .en
        case .ar: .ar
        case .fa: .fa
        case .ps: .ps
        case .ti: .ti
        case .uk: .uk
        case .tr: .tr
        }
    }

    /// The text for `key`. Every catalogue holds every key (`PortalTextTests`); an empty string would show a gap, never
    /// another language.
    subscript(_ key: Key) -> String { texts[key] ?? "" }

    /// The text for `key` with its placeholders filled (`["organisation": "VDAB Ieper"]` fills `{organisation}`). Each value
    /// is isolated (Unicode FSI … PDI), so "OCMW (Gent)" or a date keeps its own order inside a right-to-left sentence.
    func callAsFunction(_ key: Key, _ values: [String: String] = [:]) -> String {
        values.reduce(self[key]) { $0.replacingOccurrences(of: "{\($1.key)}", with: "\u{2068}" + $1.value + "\u{2069}") }
    }
}

/// What happened to the person's data, as "who looked at my data" says it: the access log's actions about a person,
/// in the words the person reads.
enum PortalLogAction: String, CaseIterable, Sendable {
    case read, create, update, consentGiven = "consent-given", consentWithdrawn = "consent-withdrawn", export, erase, search
    case referralSnapshot = "referral-snapshot", referralStep = "referral-step", accessLogRead = "access-log-read"
    case portalInvitation = "portal-invitation", portalRevoked = "portal-revoked", correctionRequest = "correction-request"
}

/// The questions of the client questionnaire (`Questionnaire.clients`), by their text: the two "tell us more" questions
/// share one.
enum PortalSurveyQuestion: String, CaseIterable, Sendable {
    case askingInformation = "asking-information"
    case referral
    case tellMore = "tell-more"
    case sameQuestionsTwice = "same-questions-twice"

    init?(questionKey: String) {
        if questionKey.hasSuffix("-comment") { self = .tellMore } else { self.init(rawValue: questionKey) }
    }
}
