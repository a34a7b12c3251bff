import Foundation

/// A survey count as it may be shown: the figures' `Shown` ("<5" under the threshold, zero too).
public typealias SurveyCount = Shown

extension Shown {
    /// A lone count under the disclosure rule (fewer than 5, zero included, is "<5").
    public init(_ count: Int) { self = Disclosure.count(count) }

    public var description: String { display }
}

public enum SurveySummary: Hashable, Sendable {
    /// `counts` holds every value 1…5, protected as one line with `answered` as its total (so no
    /// count can be had by subtraction). `mean` is nil under `Disclosure.percentileBase` answers: with
    /// fewer, the mean and the shown counts can pin down the hidden ones.
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
    /// True when fewer than `Disclosure.threshold` responses exist: `questions` is then empty.
    public var isWithheld: Bool
    public var questions: [SurveyQuestionResult]

    public func summary(for key: String) -> SurveySummary? {
        questions.first { $0.question.key == key }?.summary
    }

    /// Summarises the responses to one questionnaire (one inner array per response). Answers to
    /// keys the questionnaire does not have, or of the wrong kind, are left out.
    public static func summarise(questionnaire: Questionnaire, responses: [[SurveyAnswer]]) -> SurveyResults {
        guard responses.count >= Disclosure.threshold else {
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
                let keys = SurveyQuestionKind.scaleValues.map(String.init)
                let line = Disclosure.protect(CountList(keys: keys, counts: SurveyQuestionKind.scaleValues.map { value in
                    given.filter { $0 == value }.count
                }))
                let counts = Dictionary(uniqueKeysWithValues: zip(SurveyQuestionKind.scaleValues, line.counts).map { ($0, $1) })
                let mean = given.count >= Disclosure.percentileBase ? Double(given.reduce(0, +)) / Double(given.count) : nil
                summary = .scale(counts: counts, answered: line.total, mean: mean)
            case .yesNo:
                let given = values.compactMap { value -> Bool? in
                    if case let .yesNo(yes) = value { return yes }
                    return nil
                }
                let line = Disclosure.protect(CountList(keys: ["yes", "no"], counts: [given.filter { $0 }.count, given.filter { !$0 }.count]))
                summary = .yesNo(yes: line.counts[0], no: line.counts[1], answered: line.total)
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
