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

struct SurveyPage {
    let context: PageContext
    let questionnaire: QuestionnaireDTO
    let state: FormState

    func render(status: HTTPResponseStatus = .ok) -> Response {
        let l = context.language
        let title = SurveyText.title(l, questionnaire.audience)
        let labels = Dictionary(uniqueKeysWithValues: questionnaire.questions.map { ("q-\($0.key)", $0.text) })
        return context.render(
            title, status: status,
            .h1(.text(title)),
            .p(.text(SurveyText.intro(l, questionnaire.audience))),
            Form.summary(state, language: l, labels: labels),
            .form(.class("stacked wide"), .method(.post), .action(SiteURL.survey(questionnaire.audience.rawValue)),
                  .attribute(named: "novalidate", value: "novalidate"),
                  Form.token(context),
                  .forEach(questionnaire.questions) { question in self.question(question) },
                  .div(Form.submit(SurveyText.send(l))))
        )
    }

    func question(_ question: QuestionnaireDTO.Question) -> Node<HTML.FormContext> {
        let l = context.language
        let name = "q-\(question.key)"
        let text = question.text + (question.required ? "" : " " + UIText.optional(l))
        switch question.kind {
        case "open":
            return Form.textarea(name, text, state: state)
        default:
            var choices: [(String, String)] = [("yes", UIText.yes(l)), ("no", UIText.no(l))]
            if question.kind == "scale" {
                choices = (1...5).map { value -> (String, String) in
                    var label = String(value)
                    if value == 1, let low = question.low { label += " – " + low }
                    if value == 5, let high = question.high { label += " – " + high }
                    return (String(value), label)
                }
            }
            return .fieldset(.id(name), Form.legend(text),
                             state.errors[name].map { .p(.class("field-error"), .text($0)) } ?? .empty,
                             .forEach(choices) { value, label in Form.radio(name, value: value, label: label, checked: state[name] == value) })
        }
    }
}

enum SurveyText {
    private static func t(_ l: UILanguage, _ nl: String, _ en: String) -> String { Text(nl: nl, en: en)(l) }
    static func title(_ l: UILanguage, _ audience: SurveyAudience) -> String {
        switch audience {
        case .frontlineWorker: t(l, "Evaluatie: vragenlijst voor medewerkers", "Evaluation: questionnaire for frontline workers")
        case .client: t(l, "Evaluatie: vragenlijst voor de persoon", "Evaluation: questionnaire for the person")
        }
    }
    static func intro(_ l: UILanguage, _ audience: SurveyAudience) -> String {
        switch audience {
        case .frontlineWorker:
            t(l, "Je antwoorden worden bewaard zonder je naam, je organisatie of het tijdstip; alleen de maand. Groepen onder 5 antwoorden worden niet getoond.",
              "Your answers are kept without your name, your organisation or the time; only the month. Groups under 5 answers are not shown.")
        case .client:
            t(l, "Vul samen met de persoon in. Niets wijst naar de persoon: geen naam, geen dossier, alleen de maand.",
              "Fill in together with the person. Nothing points to the person: no name, no dossier, only the month.")
        }
    }
    static func send(_ l: UILanguage) -> String { t(l, "Antwoorden versturen", "Send the answers") }
    static func thanks(_ l: UILanguage) -> String { t(l, "Bedankt. De antwoorden zijn bewaard zonder naam.", "Thank you. The answers were kept without a name.") }
    static func link(_ l: UILanguage) -> String { t(l, "Evaluatie invullen", "Fill in the evaluation") }
}
