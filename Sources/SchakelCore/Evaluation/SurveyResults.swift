import Foundation

/// A count as it may be shown: the number, or "<5" when it is under the threshold (zero too, so
/// an empty cell cannot be told from a small one).
/// NOTE: a local stand-in for `Shown` in Figures/ (`.value(Int)` / `.suppressed`, threshold 5);
/// it maps one to one and can be replaced by it.
public enum SurveyCount: Hashable, Sendable, CustomStringConvertible {
    case value(Int)
    case suppressed

    public static let threshold = 5

    public init(_ count: Int) {
        self = count < Self.threshold ? .suppressed : .value(count)
    }

    public var description: String {
        switch self {
        case let .value(count): return String(count)
        case .suppressed: return "<\(Self.threshold)"
        }
    }
}

public enum SurveySummary: Hashable, Sendable {
    /// `counts` holds every value 1…5. `mean` is nil when fewer than the threshold answered.
    case scale(counts: [Int: SurveyCount], answered: SurveyCount, mean: Double?)
    case yesNo(yes: SurveyCount, no: SurveyCount, answered: SurveyCount)
    /// Sorted, so the order does not reveal who answered when.
    case openText([String])
}

public struct SurveyQuestionResult: Hashable, Sendable {
    public var question: SurveyQuestion
    public var summary: SurveySummary
}

/// What an evaluation may show of one questionnaire's responses. A small group's answers are
/// recognisable, so under the threshold nothing is broken down and no open answer is shown.
public struct SurveyResults: Hashable, Sendable {
    public var audience: SurveyAudience
    public var version: Int
    public var responses: SurveyCount
    /// True when fewer than `SurveyCount.threshold` responses exist: `questions` is then empty.
    public var isWithheld: Bool
    public var questions: [SurveyQuestionResult]

    public func summary(for key: String) -> SurveySummary? {
        questions.first { $0.question.key == key }?.summary
    }

    /// Summarises the responses to one questionnaire (one inner array per response). Answers to
    /// keys the questionnaire does not have, or of the wrong kind, are left out.
    public static func summarise(questionnaire: Questionnaire, responses: [[SurveyAnswer]]) -> SurveyResults {
        guard responses.count >= SurveyCount.threshold else {
            return SurveyResults(audience: questionnaire.audience, version: questionnaire.version,
                                 responses: SurveyCount(responses.count), isWithheld: true, questions: [])
        }
        var byKey: [String: [SurveyAnswerValue]] = [:]
        for answer in responses.joined() { byKey[answer.key, default: []].append(answer.value) }

        let results = questionnaire.questions.map { question in
            let values = byKey[question.key] ?? []
            let summary: SurveySummary
            switch question.kind {
            case .scale:
                let given = values.compactMap { value -> Int? in
                    if case let .scale(number) = value, SurveyQuestionKind.scaleValues.contains(number) { return number }
                    return nil
                }
                let counts = Dictionary(uniqueKeysWithValues: SurveyQuestionKind.scaleValues.map { value in
                    (value, SurveyCount(given.filter { $0 == value }.count))
                })
                // Never a mean of fewer than the threshold: with a handful of answers it gives them away.
                let mean = given.count >= SurveyCount.threshold ? Double(given.reduce(0, +)) / Double(given.count) : nil
                summary = .scale(counts: counts, answered: SurveyCount(given.count), mean: mean)
            case .yesNo:
                let given = values.compactMap { value -> Bool? in
                    if case let .yesNo(yes) = value { return yes }
                    return nil
                }
                summary = .yesNo(yes: SurveyCount(given.filter { $0 }.count), no: SurveyCount(given.filter { !$0 }.count),
                                 answered: SurveyCount(given.count))
            case .openText:
                let texts = values.compactMap { value -> String? in
                    if case let .text(text) = value, !text.isEmpty { return text }
                    return nil
                }
                summary = .openText(texts.sorted())
            }
            return SurveyQuestionResult(question: question, summary: summary)
        }
        return SurveyResults(audience: questionnaire.audience, version: questionnaire.version,
                             responses: SurveyCount(responses.count), isWithheld: false, questions: results)
    }
}
