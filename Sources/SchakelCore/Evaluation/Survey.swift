import Foundation

/// Who a questionnaire asks (docs/domain.md#evaluation, the qualitative part): the frontline
/// workers who carry out the chain, and the clients it serves.
public enum SurveyAudience: String, CaseIterable, Codable, Sendable {
    case frontlineWorker = "frontline-worker"
    case client
}

/// A text in Dutch and English. Dutch comes first: it is the language of the chain.
public struct SurveyWording: Hashable, Codable, Sendable {
    public var dutch: String
    public var english: String

    public init(dutch: String, english: String) {
        self.dutch = dutch
        self.english = english
    }
}

/// The words under the two ends of a 1–5 scale.
public struct ScaleAnchors: Hashable, Codable, Sendable {
    public var low: SurveyWording
    public var high: SurveyWording

    public init(low: SurveyWording, high: SurveyWording) {
        self.low = low
        self.high = high
    }

    /// For "do you get / does it meet …" questions: 1 = not at all, 5 = completely.
    public static let notAtAllToCompletely = ScaleAnchors(
        low: SurveyWording(dutch: "helemaal niet", english: "not at all"),
        high: SurveyWording(dutch: "helemaal", english: "completely"))

    /// For "how did it go / what did you think" questions, where "not at all" would not make sense.
    public static let poorToGood = ScaleAnchors(
        low: SurveyWording(dutch: "heel slecht", english: "very poor"),
        high: SurveyWording(dutch: "heel goed", english: "very good"))
}

public enum SurveyQuestionKind: Hashable, Codable, Sendable {
    /// A whole number from 1 to 5.
    case scale(ScaleAnchors)
    case yesNo
    /// Free text of at most `maxLength` characters (after trimming).
    case openText(maxLength: Int)

    public static let scaleValues = 1...5
}

public struct SurveyQuestion: Hashable, Codable, Sendable, Identifiable {
    /// Stable across wording changes within a version: stored answers and results refer to it.
    public var key: String
    public var text: SurveyWording
    public var kind: SurveyQuestionKind
    /// Open questions are optional by default: nobody should have to write to hand in a survey.
    public var isRequired: Bool

    public var id: String { key }

    public init(key: String, text: SurveyWording, kind: SurveyQuestionKind, isRequired: Bool? = nil) {
        self.key = key
        self.text = text
        self.kind = kind
        if let isRequired {
            self.isRequired = isRequired
        } else if case .openText = kind {
            self.isRequired = false
        } else {
            self.isRequired = true
        }
    }

    public static let defaultMaxLength = 2000
}

/// A fixed list of questions for one audience. The version is stored with every response, so a
/// change in wording starts a new version instead of mixing answers to different questions.
public struct Questionnaire: Hashable, Codable, Sendable {
    public var audience: SurveyAudience
    public var version: Int
    public var questions: [SurveyQuestion]

    public init(audience: SurveyAudience, version: Int, questions: [SurveyQuestion]) {
        precondition(Set(questions.map(\.key)).count == questions.count, "question keys must be unique")
        self.audience = audience
        self.version = version
        self.questions = questions
    }

    public func question(_ key: String) -> SurveyQuestion? {
        questions.first { $0.key == key }
    }
}
