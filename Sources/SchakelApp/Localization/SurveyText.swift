import SchakelCore

/// The words of the evaluation questionnaires and their report.
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
    /// The title of a questionnaire's results in the evaluation report.
    static func reportTitle(_ l: UILanguage, _ audience: SurveyAudience) -> String {
        switch audience {
        case .frontlineWorker: t(l, "Bevraging van eerstelijnswerkers", "Survey of frontline workers")
        case .client: t(l, "Bevraging van cliënten", "Survey of clients")
        }
    }
}
