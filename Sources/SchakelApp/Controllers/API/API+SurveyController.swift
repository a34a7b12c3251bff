import Fluent
import SchakelCore
import Vapor

extension API {
    /// Evaluation surveys (docs/domain.md#evaluation): frontline workers answer for themselves, a client's answers
    /// are entered with (or by) the client on a caseworker's session. Stored without identifiers.
    struct SurveyController {
        static func audience(_ request: Request) throws -> SurveyAudience {
            guard let audience = request.parameters.get("audience").flatMap(SurveyAudience.init(rawValue:)) else {
                throw SchakelError.notFound
            }
            return audience
        }

        @Sendable func questionnaire(_ request: Request) async throws -> QuestionnaireDTO {
            let language = UILanguage.preferred(by: request, userChoice: try request.user.language)
            return QuestionnaireDTO(Questionnaire.standard(for: try Self.audience(request)), language: language)
        }

        struct ResponseInput: Content {
            var answers: [String: String]?
        }

        struct ReceivedDTO: Content {
            var received: Bool
            var audience: SurveyAudience
        }

        @Sendable func respond(_ request: Request) async throws -> Response {
            try PersonController.requireCaseworker(request)
            let audience = try Self.audience(request)
            let questionnaire = Questionnaire.standard(for: audience)
            let input = try request.content.decode(ResponseInput.self)
            let answers: [SurveyAnswer]
            switch questionnaire.validate(input.answers ?? [:]) {
            case let .success(valid): answers = valid
            case let .failure(problems):
                let first = problems.problems[0]
                throw SchakelError.validation(field: "answers.\(first.key)", reason: Strings.surveyProblem(first.reason))
            }
            let model = SurveyResponseModel()
            model.audience = audience
            model.version = questionnaire.version
            model.month = request.now.brusselsDay.monthKey
            model.answers = String(decoding: try JSONEncoder().encode(answers), as: UTF8.self)
            try await model.create(on: request.db)
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
        title = results.audience == .frontlineWorker ? Text(nl: "Bevraging van eerstelijnswerkers", en: "Survey of frontline workers")(language)
                                                     : Text(nl: "Bevraging van cliënten", en: "Survey of clients")(language)
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

    /// The responses of the period's months, summarised per audience.
    static func load(filter: FigureFilter, language: UILanguage, on database: any Database) async throws -> [SurveyResultDTO] {
        var results: [SurveyResultDTO] = []
        for audience in SurveyAudience.allCases {
            let questionnaire = Questionnaire.standard(for: audience)
            let rows = try await SurveyResponseModel.query(on: database).filter(\.$audience == audience)
                .filter(\.$version == questionnaire.version)
                .filter(\.$month >= filter.fromMonth).filter(\.$month <= filter.toMonth).all()
            let responses = try rows.map { try JSONDecoder().decode([SurveyAnswer].self, from: Data($0.answers.utf8)) }
            results.append(SurveyResultDTO(SurveyResults.summarise(questionnaire: questionnaire, responses: responses), language: language))
        }
        return results
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
