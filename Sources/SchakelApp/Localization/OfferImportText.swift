/// The words of loading an offer catalogue from a CSV file.
enum OfferImportText {
    private static func t(_ l: UILanguage, _ nl: String, _ en: String) -> String { Text(nl: nl, en: en)(l) }
    static func title(_ l: UILanguage) -> String { t(l, "Aanbod inladen (CSV)", "Load offers (CSV)") }
    static func intro(_ l: UILanguage) -> String {
        t(l, "Het aanbod van je eigen organisatie. Een bestand met één foute rij laadt niets; elke fout staat hieronder met regel en kolom.",
          "Your own organisation's offers. A file with one bad row loads nothing; every problem is listed with its line and column.")
    }
    static func file(_ l: UILanguage) -> String { t(l, "CSV-bestand", "CSV file") }
    static func load(_ l: UILanguage) -> String { t(l, "Inladen", "Load") }
    static func loaded(_ l: UILanguage, created: Int, updated: Int) -> String {
        t(l, "Ingeladen: \(created) nieuw, \(updated) bijgewerkt.", "Loaded: \(created) new, \(updated) updated.")
    }
}
