import SchakelCore

/// The words of the employers' requests: the list, one request and its steps.
enum EmployerText {
    private static func t(_ l: UILanguage, _ nl: String, _ en: String) -> String { Text(nl: nl, en: en)(l) }
    static func title(_ l: UILanguage) -> String { t(l, "Werkgeversvragen", "Employer requests") }
    static func intro(_ l: UILanguage) -> String {
        t(l, "Een werkgever vraagt hoe nieuwkomers aan te werven of biedt een plaats aan; één contactpersoon volgt het op tot een antwoord.",
          "An employer asks how to hire newcomers or offers a place; one contact person follows it up to an answer.")
    }
    static func empty(_ l: UILanguage) -> String { t(l, "Geen werkgeversvragen. Een nieuwe komt hieronder.", "No employer requests. A new one goes below.") }
    static func new(_ l: UILanguage) -> String { t(l, "Nieuwe werkgeversvraag", "New employer request") }
    static func employer(_ l: UILanguage) -> String { t(l, "Werkgever", "Employer") }
    static func question(_ l: UILanguage) -> String { t(l, "Vraag of aanbod", "Question or offer") }
    static func noPersonalData(_ l: UILanguage) -> String {
        t(l, "Over de werkgever en de plaats; geen gegevens van nieuwkomers.", "About the employer and the place; no data of newcomers.")
    }
    static func handler(_ l: UILanguage) -> String { t(l, "Behandelende organisatie", "Handling organisation") }
    static func handlerHint(_ l: UILanguage) -> String {
        t(l, "Leeg: jullie eigen organisatie (voor een werkgeverscontact verplicht).", "Empty: your own organisation (required for an employer contact).")
    }
    static func contact(_ l: UILanguage) -> String { t(l, "Contactpersoon", "Contact person") }
    static func assign(_ l: UILanguage) -> String { t(l, "Toewijzen", "Assign") }
    static func answer(_ l: UILanguage) -> String { t(l, "Antwoord", "Answer") }
    static func answeredOn(_ l: UILanguage) -> String { t(l, "Beantwoord op", "Answered on") }
    static func sendAnswer(_ l: UILanguage) -> String { t(l, "Antwoord bewaren", "Save the answer") }
    static func close(_ l: UILanguage) -> String { t(l, "Afsluiten", "Close") }
    static func kind(_ l: UILanguage, _ kind: EmployerRequestKind) -> String {
        switch kind {
        case .hiringQuestion: t(l, "vraag over aanwerven", "question about hiring")
        case .placeOffer: t(l, "aangeboden plaats", "offered place")
        }
    }
    static func state(_ l: UILanguage, _ state: EmployerRequestState) -> String {
        switch state {
        case .new: t(l, "nieuw", "new")
        case .assigned: t(l, "toegewezen", "assigned")
        case .answered: t(l, "beantwoord", "answered")
        case .closed: t(l, "afgesloten", "closed")
        }
    }
}
