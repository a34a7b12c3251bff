import Fluent
import Foundation
import Plot
import SchakelCore
import Vapor

extension Web {
    /// `/enquete/{audience}`: the evaluation questionnaires (docs/domain.md#evaluation) as a form. A frontline worker
    /// answers for themselves; a client's answers are entered with the client. Stored without identifiers
    /// (`Surveys`).
    struct SurveyController {
        @Sendable func form(_ request: Request) async throws -> Response {
            let context = try await PageContext.load(request)
            try request.caller.requireCaseworker()
            let questionnaire = try Self.questionnaire(request)
            return SurveyPage(context: context, questionnaire: questionnaire, state: FormState()).render()
        }

        static func questionnaire(_ request: Request) throws -> QuestionnaireDTO {
            let language = UILanguage.preferred(by: request, userChoice: try request.user.language)
            return Surveys.questionnaire(for: try Surveys.audience(request.parameters.get("audience")), language: language)
        }

        @Sendable func respond(_ request: Request) async throws -> Response {
            try request.verifyForm()
            let context = try await PageContext.load(request)
            let values = try request.content.decode([String: String].self)
            var answers: [String: String] = [:]
            for (key, value) in values where key.hasPrefix("q-") && !value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                answers[String(key.dropFirst(2))] = value
            }
            do {
                let caller = try request.caller
                try caller.requireCaseworker()
                let audience = try Surveys.audience(request.parameters.get("audience"))
                try await Surveys.respond(Surveys.ResponseInput(answers: answers), for: audience, caller: caller)
                request.flash(SurveyText.thanks(context.language))
                return request.redirect(to: SiteURL.start, redirectType: .normal)
            } catch let error as SchakelError where error.field != nil {
                let questionnaire = try Self.questionnaire(request)
                let field = "q-" + error.field!.replacingOccurrences(of: "answers.", with: "")
                return SurveyPage(context: context, questionnaire: questionnaire,
                                  state: FormState(values: values, errors: [field: error.message(context.language)])).render(status: .unprocessableEntity)
            }
        }
    }
}
