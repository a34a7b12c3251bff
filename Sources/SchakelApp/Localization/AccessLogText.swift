/// The words of a dossier's access log: who looked, what they did, and what came of it.
enum AccessLogText {
    private static func t(_ l: UILanguage, _ nl: String, _ en: String) -> String { Text(nl: nl, en: en)(l) }
    static func title(_ l: UILanguage) -> String { t(l, "Wie keek in dit dossier", "Who looked at this dossier") }
    static func when(_ l: UILanguage) -> String { t(l, "Wanneer", "When") }
    static func who(_ l: UILanguage) -> String { t(l, "Organisatie", "Organisation") }
    static func what(_ l: UILanguage) -> String { t(l, "Wat", "What") }
    static func outcome(_ l: UILanguage) -> String { t(l, "Uitkomst", "Outcome") }

    /// An audit entry's action in words; an unknown code is shown as it is.
    static func action(_ l: UILanguage, _ code: String) -> String {
        let words: [String: Text] = [
            "read": Text(nl: "gelezen", en: "read"), "create": Text(nl: "aangemaakt", en: "created"), "update": Text(nl: "gewijzigd", en: "changed"),
            "consent-given": Text(nl: "toestemming vastgelegd", en: "consent recorded"),
            "consent-withdrawn": Text(nl: "toestemming ingetrokken", en: "consent withdrawn"),
            "export": Text(nl: "uitgevoerd (inzage)", en: "exported (access request)"), "erase": Text(nl: "gewist", en: "erased"),
            "search": Text(nl: "gezocht op naam", en: "searched by name"), "access-log-read": Text(nl: "toegangslog gelezen", en: "access log read"),
            "key-rotation": Text(nl: "sleutel vernieuwd", en: "key rotated"),
            "referral-snapshot": Text(nl: "profiel bij doorverwijzing gelezen", en: "referral profile read"),
            "referral-step": Text(nl: "stap in een doorverwijzing", en: "referral step"),
            "portal-invitation": Text(nl: "uitnodiging voor Mijn Schakel", en: "invitation to My Schakel"),
            "portal-revoked": Text(nl: "toegang tot Mijn Schakel gesloten", en: "access to My Schakel closed"),
            "own-read": Text(nl: "gelezen door de persoon zelf (Mijn Schakel)", en: "read by the person (My Schakel)"),
            "own-access-log-read": Text(nl: "toegangslog gelezen door de persoon zelf", en: "access log read by the person"),
            "own-export": Text(nl: "gedownload door de persoon zelf", en: "downloaded by the person"),
            "own-consent-withdrawn": Text(nl: "toestemming ingetrokken door de persoon zelf", en: "consent withdrawn by the person"),
            "own-correction-request": Text(nl: "verbetering gevraagd door de persoon", en: "correction asked by the person"),
            "correction-handled": Text(nl: "gevraagde verbetering behandeld", en: "correction request handled"),
        ]
        return words[code].map { $0(l) } ?? code
    }

    static func outcome(_ l: UILanguage, _ code: String) -> String {
        let words: [String: Text] = ["allowed": Text(nl: "toegelaten", en: "allowed"), "denied": Text(nl: "geweigerd", en: "refused"),
                                     "not-found": Text(nl: "niet gevonden", en: "not found"),
                                     "invalid": Text(nl: "geweigerd: ongeldige invoer", en: "refused: invalid input"),
                                     "conflict": Text(nl: "geweigerd: intussen gewijzigd", en: "refused: changed meanwhile")]
        return words[code].map { $0(l) } ?? code
    }
}
