import Fluent
import SchakelCore
import Vapor

extension API {
    /// Evaluation surveys (`Surveys`): the questionnaires and their responses.
    struct SurveyController {
        @Sendable func questionnaire(_ request: Request) async throws -> QuestionnaireDTO {
            let language = UILanguage.preferred(by: request, userChoice: try request.user.language)
            return Surveys.questionnaire(for: try Surveys.audience(request.parameters.get("audience")), language: language)
        }

        struct ReceivedDTO: Content {
            var received: Bool
            var audience: SurveyAudience
        }

        @Sendable func respond(_ request: Request) async throws -> Response {
            let caller = try request.caller
            try caller.requireCaseworker()
            let audience = try Surveys.audience(request.parameters.get("audience"))
            try await Surveys.respond(try request.content.decode(Surveys.ResponseInput.self), for: audience, caller: caller)
            let response = Response(status: .created)
            try response.content.encode(ReceivedDTO(received: true, audience: audience))
            return response
        }
    }
}

/// What the evaluation report shows of a questionnaire's responses in the period.
struct SurveyResultDTO: Content {
    struct Question: Content {
        var key: String
        var text: String
        var kind: String
        /// Scale 1–5 or yes/no: each count, "<5" where withheld.
        var counts: [String: Shown]?
        var answered: Shown?
        var mean: Double?
        /// Open answers, sorted; only when enough responses exist.
        var answers: [String]?
    }

    var audience: SurveyAudience
    var title: String
    var responses: Shown
    var withheld: Bool
    var questions: [Question]

    init(_ results: SurveyResults, language: UILanguage) {
        audience = results.audience
        title = SurveyText.reportTitle(language, results.audience)
        responses = results.responses
        withheld = results.isWithheld
        questions = results.questions.map { result in
            let text = language == .nl ? result.question.text.dutch : result.question.text.english
            switch result.summary {
            case let .scale(counts, answered, mean):
                return Question(key: result.question.key, text: text, kind: "scale",
                                counts: Dictionary(uniqueKeysWithValues: counts.map { (String($0.key), $0.value) }), answered: answered,
                                mean: mean.map { ($0 * 10).rounded() / 10 })
            case let .yesNo(yes, no, answered):
                return Question(key: result.question.key, text: text, kind: "yes-no", counts: ["yes": yes, "no": no], answered: answered)
            case let .openText(answers):
                return Question(key: result.question.key, text: text, kind: "open", answers: answers)
            }
        }
    }
}

/// A questionnaire as a form needs it: each question in the reader's language and both, and how it is answered.
struct QuestionnaireDTO: Content {
    struct Question: Content {
        var key: String
        var text: String
        var textNL: String
        var textEN: String
        var kind: String
        var required: Bool
        var low: String?
        var high: String?
        var maxLength: Int?
    }

    var audience: SurveyAudience
    var version: Int
    var questions: [Question]

    init(_ questionnaire: Questionnaire, language: UILanguage) {
        audience = questionnaire.audience
        version = questionnaire.version
        questions = questionnaire.questions.map { question in
            let words = { (wording: SurveyWording) in language == .nl ? wording.dutch : wording.english }
            var dto = Question(key: question.key, text: words(question.text), textNL: question.text.dutch, textEN: question.text.english,
                               kind: "", required: question.isRequired)
            switch question.kind {
            case let .scale(anchors):
                dto.kind = "scale"
                dto.low = words(anchors.low)
                dto.high = words(anchors.high)
            case .yesNo: dto.kind = "yes-no"
            case let .openText(maxLength):
                dto.kind = "open"
                dto.maxLength = maxLength
            }
            return dto
        }
    }
}
