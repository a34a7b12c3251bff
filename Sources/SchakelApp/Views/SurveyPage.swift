import Foundation
import Plot
import SchakelCore
import Vapor

/// An evaluation questionnaire as a form: a scale, yes/no or an open answer per question.
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
