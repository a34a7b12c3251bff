import Fluent
import Foundation
import SchakelCore
import Vapor

/// Evaluation surveys (docs/domain.md#evaluation): frontline workers answer for themselves, a client's answers
/// are entered with (or by) the client on a caseworker's session. Stored without identifiers: no name, no
/// organisation, no time but the month.
enum Surveys {
    struct ResponseInput: Content {
        var answers: [String: String]?
    }

    /// The audience a path names; any other is no questionnaire there is.
    static func audience(_ text: String?) throws -> SurveyAudience {
        guard let audience = text.flatMap(SurveyAudience.init(rawValue:)) else { throw SchakelError.notFound }
        return audience
    }

    /// The questionnaire in the reader's language.
    static func questionnaire(for audience: SurveyAudience, language: UILanguage) -> QuestionnaireDTO {
        QuestionnaireDTO(Questionnaire.standard(for: audience), language: language)
    }

    /// Keeps one response; the first problem of the answers is thrown as `answers.<question>`.
    static func respond(_ input: ResponseInput, for audience: SurveyAudience, caller: Caller) async throws {
        try caller.requireCaseworker()
        try await keep(input, for: audience, month: caller.today.monthKey, on: caller.db)
    }

    /// Keeps one client's response given in "Mijn Schakel": as anonymous as on a caseworker's session (no account, no
    /// person, only the month), so the answers cannot be traced back to the person.
    static func respond(_ input: ResponseInput, caller: ClientCaller) async throws {
        try await keep(input, for: .client, month: caller.today.monthKey, on: caller.db)
    }

    private static func keep(_ input: ResponseInput, for audience: SurveyAudience, month: Int,
                             on database: any Database) async throws {
        let questionnaire = Questionnaire.standard(for: audience)
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
        model.month = month
        model.answers = String(decoding: try JSONEncoder().encode(answers), as: UTF8.self)
        try await model.create(on: database)
    }

    /// The responses of the period's months, summarised per audience.
    static func results(filter: FigureFilter, language: UILanguage, on database: any Database) async throws -> [SurveyResultDTO] {
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
