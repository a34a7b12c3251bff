import Foundation

public enum SurveyAnswerValue: Hashable, Codable, Sendable {
    case scale(Int)
    case yesNo(Bool)
    case text(String)
}

/// One answer to one question. There is deliberately no field for who answered: answers are
/// stored without identifiers, so a frontline worker can be frank about partners and a client
/// cannot be traced from what they said. For the same reason a stored response should carry its
/// questionnaire version and at most a coarse period (a month), not a timestamp to match to a visit.
public struct SurveyAnswer: Hashable, Codable, Sendable {
    public var key: String
    public var value: SurveyAnswerValue

    public init(key: String, value: SurveyAnswerValue) {
        self.key = key
        self.value = value
    }
}

public enum SurveyProblemReason: String, CaseIterable, Codable, Sendable {
    case missingRequired = "missing-required"
    case notOnScale = "not-on-scale"
    case notYesOrNo = "not-yes-or-no"
    case tooLong = "too-long"
    case unknownKey = "unknown-key"
}

public struct SurveyProblem: Hashable, Codable, Sendable {
    public var key: String
    public var reason: SurveyProblemReason

    public init(key: String, reason: SurveyProblemReason) {
        self.key = key
        self.reason = reason
    }
}

/// Every reason a response cannot be taken as given, one per question key, so a form can mark
/// each field at once.
public struct SurveyProblems: Error, Hashable, Sendable {
    public var problems: [SurveyProblem]

    public init(_ problems: [SurveyProblem]) {
        self.problems = problems
    }
}

extension Questionnaire {
    /// Checks a submitted form (question key → value as typed) and returns the answers in question
    /// order, ready to store. A scale takes "1"…"5", a yes/no question "yes" or "no". Open text is
    /// trimmed, dropped when empty, and has likely identifiers masked here, before anything is stored.
    public func validate(_ raw: [String: String]) -> Result<[SurveyAnswer], SurveyProblems> {
        var answers: [SurveyAnswer] = []
        var problems: [SurveyProblem] = []
        for question in questions {
            let given = raw[question.key]?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            if given.isEmpty {
                if question.isRequired { problems.append(SurveyProblem(key: question.key, reason: .missingRequired)) }
                continue
            }
            switch question.kind {
            case .scale:
                if let value = Int(given), SurveyQuestionKind.scaleValues.contains(value) {
                    answers.append(SurveyAnswer(key: question.key, value: .scale(value)))
                } else {
                    problems.append(SurveyProblem(key: question.key, reason: .notOnScale))
                }
            case .yesNo:
                switch given.lowercased() {
                case "yes": answers.append(SurveyAnswer(key: question.key, value: .yesNo(true)))
                case "no": answers.append(SurveyAnswer(key: question.key, value: .yesNo(false)))
                default: problems.append(SurveyProblem(key: question.key, reason: .notYesOrNo))
                }
            case let .openText(maxLength):
                if given.count > maxLength {
                    problems.append(SurveyProblem(key: question.key, reason: .tooLong))
                } else {
                    answers.append(SurveyAnswer(key: question.key, value: .text(SurveyText.redactLikelyIdentifiers(given))))
                }
            }
        }
        let known = Set(questions.map(\.key))
        for key in raw.keys.filter({ !known.contains($0) }).sorted() {
            problems.append(SurveyProblem(key: key, reason: .unknownKey))
        }
        return problems.isEmpty ? .success(answers) : .failure(SurveyProblems(problems))
    }
}
