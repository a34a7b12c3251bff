import Foundation

/// The default questionnaires of the qualitative evaluation (docs/domain.md#evaluation). Case 004
/// asks them after a test phase; where the wording was about "the test" it now fits a chain that
/// keeps running, and the rest keeps the wording of case 004's guide.
extension Questionnaire {
    public static func standard(for audience: SurveyAudience) -> Questionnaire {
        switch audience {
        case .frontlineWorker: return frontlineWorkers
        case .client: return clients
        }
    }

    /// Asked of the frontline workers who carry out (part of) the chain; they answer as a team
    /// ("jullie"), as in case 004's guide.
    public static let frontlineWorkers = Questionnaire(audience: .frontlineWorker, version: 1, questions: [
        SurveyQuestion(key: "chain-went",
                       text: SurveyWording(dutch: "Hoe verliep de ketensamenwerking de voorbije periode?",
                                           english: "How did the chain cooperation go over the past period?"),
                       kind: .scale(.poorToGood)),
        SurveyQuestion(key: "chain-went-comment",
                       text: SurveyWording(dutch: "Kunnen jullie dat toelichten?",
                                           english: "Could you explain?"),
                       kind: .openText(maxLength: SurveyQuestion.defaultMaxLength)),
        SurveyQuestion(key: "content-changes",
                       text: SurveyWording(dutch: "Zijn er inhoudelijke aanpassingen die jullie willen voorstellen?",
                                           english: "Are there changes to the content that you would like to propose?"),
                       kind: .openText(maxLength: SurveyQuestion.defaultMaxLength)),
        SurveyQuestion(key: "obstacles",
                       text: SurveyWording(dutch: "Welke obstakels kwamen jullie tegen?",
                                           english: "What obstacles did you run into?"),
                       kind: .openText(maxLength: SurveyQuestion.defaultMaxLength)),
        SurveyQuestion(key: "tools-adequate",
                       text: SurveyWording(dutch: "Zijn de aangeboden tools adequaat om het gewenste doel te bereiken?",
                                           english: "Are the tools provided adequate to reach the intended goal?"),
                       kind: .yesNo),
        // Optional, so it needs no condition: whoever answered yes leaves it empty.
        SurveyQuestion(key: "tools-needed",
                       text: SurveyWording(dutch: "Indien nee, wat is er nodig?",
                                           english: "If not, what is needed?"),
                       kind: .openText(maxLength: SurveyQuestion.defaultMaxLength)),
        SurveyQuestion(key: "partner-cooperation",
                       text: SurveyWording(dutch: "Hoe verloopt de samenwerking met de partners?",
                                           english: "How is the cooperation with the partners going?"),
                       kind: .scale(.poorToGood)),
        // Step 6 of case 004's plan names the support (docs/domain.md#case-004): training, a manual, a chart, a helpline.
        SurveyQuestion(key: "support-enough",
                       text: SurveyWording(dutch: "Krijgen jullie voldoende ondersteuning (opleiding, handleiding, hulplijn …) bij het uitvoeren van de ketensamenwerking?",
                                           english: "Do you get enough support (training, a manual, a helpline …) in carrying out the chain cooperation?"),
                       kind: .scale(.notAtAllToCompletely)),
        SurveyQuestion(key: "guidance-meets-expectations",
                       text: SurveyWording(dutch: "Voldoet de aangeboden begeleiding aan de verwachtingen van de doelgroep?",
                                           english: "Does the guidance offered meet the expectations of the target group?"),
                       kind: .scale(.notAtAllToCompletely)),
    ])

    /// Asked of the clients themselves, in plain Dutch (B1): many are still learning it. Short
    /// sentences, "u", everyday words ("gestuurd" rather than "doorverwezen").
    public static let clients = Questionnaire(audience: .client, version: 1, questions: [
        SurveyQuestion(key: "asking-information",
                       text: SurveyWording(dutch: "Wat vond u van de manier waarop informatie aan u gevraagd werd?",
                                           english: "What did you think of the way you were asked for information?"),
                       kind: .scale(.poorToGood)),
        SurveyQuestion(key: "asking-information-comment",
                       text: SurveyWording(dutch: "Wilt u daar iets over vertellen?",
                                           english: "Would you like to tell us more about it?"),
                       kind: .openText(maxLength: SurveyQuestion.defaultMaxLength)),
        SurveyQuestion(key: "referral",
                       text: SurveyWording(dutch: "Wat vond u van de manier waarop u naar een andere organisatie gestuurd werd?",
                                           english: "What did you think of the way you were sent on to another organisation?"),
                       kind: .scale(.poorToGood)),
        SurveyQuestion(key: "referral-comment",
                       text: SurveyWording(dutch: "Wilt u daar iets over vertellen?",
                                           english: "Would you like to tell us more about it?"),
                       kind: .openText(maxLength: SurveyQuestion.defaultMaxLength)),
        // The promise of the chain (docs/domain.md#chain-cooperation): no one has to answer the same questions twice.
        SurveyQuestion(key: "same-questions-twice",
                       text: SurveyWording(dutch: "Moest u dezelfde vragen meerdere keren beantwoorden?",
                                           english: "Did you have to answer the same questions more than once?"),
                       kind: .yesNo),
    ])
}
