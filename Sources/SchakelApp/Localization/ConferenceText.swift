import SchakelCore

/// The words of the case conferences: the list, one conference, its decisions and actions.
enum ConferenceText {
    private static func t(_ l: UILanguage, _ nl: String, _ en: String) -> String { Text(nl: nl, en: en)(l) }
    static func title(_ l: UILanguage) -> String { t(l, "Casusoverleg", "Case conferences") }
    static func intro(_ l: UILanguage) -> String {
        t(l, "Organisaties bespreken samen personen: alleen wie toestemming gaf om besproken te worden met elke deelnemer.",
          "Organisations discuss persons together: only those who consented to be discussed with every participant.")
    }
    static func empty(_ l: UILanguage) -> String { t(l, "Nog geen overleg. Plan er een hieronder.", "No conference yet. Plan one below.") }
    static func new(_ l: UILanguage) -> String { t(l, "Overleg plannen", "Plan a conference") }
    static func subject(_ l: UILanguage) -> String { t(l, "Onderwerp", "Subject") }
    static func organiser(_ l: UILanguage) -> String { t(l, "Organisator", "Organiser") }
    static func persons(_ l: UILanguage) -> String { t(l, "Besproken personen", "Persons discussed") }
    static func noPersons(_ l: UILanguage) -> String { t(l, "Nog niemand op de agenda.", "No one on the agenda yet.") }
    static func addPerson(_ l: UILanguage) -> String { t(l, "Persoon op de agenda zetten", "Put a person on the agenda") }
    static func addPersonHint(_ l: UILanguage) -> String {
        t(l, "Kan alleen als de persoon toestemming gaf voor casusoverleg met elke deelnemer.",
          "Only when the person consented to a case conference with every participant.")
    }
    static func items(_ l: UILanguage) -> String { t(l, "Beslissingen en acties", "Decisions and actions") }
    static func carriedOver(_ l: UILanguage) -> String { t(l, "Open acties van het vorige overleg", "Open actions from the previous conference") }
    static func text(_ l: UILanguage) -> String { t(l, "Wat", "What") }
    static func owner(_ l: UILanguage) -> String { t(l, "Wie voert uit", "Who carries it out") }
    static func ownerHint(_ l: UILanguage) -> String { t(l, "Verplicht voor een actie, met een datum.", "Required for an action, with a date.") }
    static func due(_ l: UILanguage) -> String { t(l, "Tegen", "Due") }
    static func addItem(_ l: UILanguage) -> String { t(l, "Toevoegen", "Add") }
    static func markDone(_ l: UILanguage) -> String { t(l, "Gedaan", "Done") }
    static func kind(_ l: UILanguage, _ kind: ConferenceItemKind) -> String {
        switch kind {
        case .decision: t(l, "Beslissing", "Decision")
        case .action: t(l, "Actie", "Action")
        }
    }
    static func status(_ l: UILanguage, _ status: ConferenceActionStatus) -> String {
        switch status {
        case .open: t(l, "open", "open")
        case .done: t(l, "gedaan", "done")
        case .dropped: t(l, "geschrapt", "dropped")
        }
    }
}
