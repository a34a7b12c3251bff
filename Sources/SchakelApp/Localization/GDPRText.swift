/// The words of the GDPR rights on a dossier: access (art. 15) as a file and erasure (art. 17).
enum GDPRText {
    private static func t(_ l: UILanguage, _ nl: String, _ en: String) -> String { Text(nl: nl, en: en)(l) }
    static func export(_ l: UILanguage) -> String { t(l, "Inzage (alles, als bestand)", "Access request (everything, as a file)") }
    static func erase(_ l: UILanguage) -> String { t(l, "Wissen", "Erase") }
    static func eraseExplained(_ l: UILanguage) -> String {
        t(l, "Naam, contact, identificatie en alle vrije tekst worden verwijderd, ook in doorverwijzingen en overleg. Wat overblijft zegt niets over wie het was en telt alleen nog mee in de cijfers. Dit kan niet ongedaan worden.",
          "Name, contact, identifiers and all free text are removed, also in referrals and conferences. What remains says nothing about who it was and only counts in the figures. This cannot be undone.")
    }
    static func reason(_ l: UILanguage) -> String { t(l, "Waarom", "Why") }
    static func reasonHint(_ l: UILanguage) -> String {
        t(l, "Bijvoorbeeld: verzoek van de persoon (art. 17 AVG). Zonder persoonsgegevens.", "For example: the person's request (GDPR art. 17). Without personal data.")
    }
    static func eraseConfirm(_ l: UILanguage) -> String { t(l, "Ja, definitief wissen", "Yes, erase for good") }
    static func erased(_ l: UILanguage) -> String { t(l, "Het dossier is gewist.", "The dossier was erased.") }
}
