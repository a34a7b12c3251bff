import Fluent
import Foundation
import SchakelCore

/// The words of the figures, Dutch first, in one place.
enum FigureText {
    private static func t(_ language: UILanguage, _ nl: String, _ en: String) -> String { Text(nl: nl, en: en)(language) }

    static func partnerships(_ l: UILanguage) -> String { t(l, "Samenwerkingsverbanden en actoren", "Partnerships and actors") }
    static func agreementsInForce(_ l: UILanguage) -> String { t(l, "Samenwerkingsakkoorden van kracht, per soort en regio", "Agreements in force, by kind and region") }
    static func actorsPerRegion(_ l: UILanguage) -> String { t(l, "Actoren per regio, per soort organisatie", "Actors per region, by kind of organisation") }
    static func agreements(_ l: UILanguage) -> String { t(l, "akkoorden", "agreements") }
    static func organisations(_ l: UILanguage) -> String { t(l, "organisaties", "organisations") }
    static func partnershipsNote(_ l: UILanguage) -> String {
        t(l, "Organisaties en akkoorden, geen personen: deze aantallen worden niet afgeschermd.",
          "Organisations and agreements, not persons: these counts are not suppressed.")
    }
    static func referrals(_ l: UILanguage) -> String { t(l, "Doorverwijzingen", "Referrals") }
    static func referralsUnit(_ l: UILanguage) -> String { t(l, "doorverwijzingen", "referrals") }
    static func referralsByRoute(_ l: UILanguage) -> String { t(l, "Verstuurd per route, met de eerste beslissing", "Sent per route, with the first decision") }
    static func completedByRoute(_ l: UILanguage) -> String { t(l, "Afgerond per route", "Completed per route") }
    static func overdueByRoute(_ l: UILanguage) -> String { t(l, "Te laat beantwoord of nog open na de termijn, per route", "Answered late or still open past the deadline, per route") }
    static func refusalReasons(_ l: UILanguage) -> String { t(l, "Redenen van weigering", "Refusal reasons") }
    static func refusalsThatStood(_ l: UILanguage) -> String {
        t(l, "Redenen van de weigeringen die bleven (niet herzien)", "Reasons for the refusals that stood (not reconsidered)")
    }
    static func daysToContact(_ l: UILanguage, _ nl: String, _ en: String) -> String {
        t(l, "Dagen tot eerste contact (\(nl))", "Days to first contact (\(en))")
    }
    static func daysToDecision(_ l: UILanguage, _ nl: String, _ en: String) -> String {
        t(l, "Dagen tot beslissing (\(nl))", "Days to decision (\(en))")
    }
    static func acceptanceRate(_ l: UILanguage) -> String { t(l, "Aanvaard van de beslist", "Accepted of those decided") }
    static func days(_ l: UILanguage) -> String { t(l, "dagen", "days") }
    static func persons(_ l: UILanguage) -> String { t(l, "personen", "persons") }
    static func applications(_ l: UILanguage) -> String { t(l, "aanvragen", "applications") }
    static func outcomes(_ l: UILanguage) -> String { t(l, "Uitstroom naar werk of opleiding", "Outcomes: job or training") }
    static func shareAt(_ l: UILanguage, _ months: Int) -> String {
        t(l, "Aan het werk (NEC) of in opleiding \(months) maanden na de datum van toegang tot werk",
          "In a job (normal economic circuit) or in training \(months) months after the right-to-work date")
    }
    static func daysToFirstJob(_ l: UILanguage) -> String {
        t(l, "Dagen van toegang tot werk tot eerste job (mediaan)", "Days from right-to-work date to first job (median)")
    }
    static func outcomesNote(_ l: UILanguage) -> String {
        t(l, "Cohortes volgens de maand van de datum van toegang tot werk; wie die termijn nog niet bereikte, telt nog niet mee.",
          "Cohorts by the month of the right-to-work date; persons who have not reached the horizon yet are not counted yet.")
    }
    static func languageTitle(_ l: UILanguage) -> String { t(l, "Vooruitgang in het Nederlands, met en zonder werk", "Progress in Dutch, with and without work") }
    static func levelsGained(_ l: UILanguage) -> String {
        t(l, "ERK-niveaus gewonnen tussen de eerste en de laatste meting", "CEFR levels gained between the first and the latest assessment")
    }
    static func levelsPerYear(_ l: UILanguage, _ group: String) -> String {
        group == "worked" ? t(l, "Niveaus per jaar, met werk(ervaring)", "Levels a year, with work (experience)")
                          : t(l, "Niveaus per jaar, zonder werk", "Levels a year, without work")
    }
    static func levelsUnit(_ l: UILanguage) -> String { t(l, "niveaus per jaar", "levels a year") }
    static func languageNote(_ l: UILanguage) -> String {
        t(l, "Een vergelijking van twee groepen, geen oorzakelijk verband: wie werkt, verschilt ook op andere punten.",
          "A comparison of two groups, not a causal claim: people who work also differ in other ways.")
    }
    static func trainingTitle(_ l: UILanguage) -> String { t(l, "Opleidingsaanvragen", "Training applications") }
    static func trainingDecisions(_ l: UILanguage) -> String { t(l, "Beslissingen per ontvangende organisatie", "Decisions per receiving organisation") }
    static func targetsTitle(_ l: UILanguage) -> String { t(l, "Doelstellingen", "Targets") }
    static func targetsNote(_ l: UILanguage) -> String {
        t(l, "Personen van de organisatie of door haar aanvaard, die tussen de data aan het werk of in opleiding gingen.",
          "Persons of the organisation or accepted by it who started a job or training between the dates.")
    }
    static func inflowTitle(_ l: UILanguage) -> String { t(l, "Instroom", "Inflow") }
    static func inflowByReceiver(_ l: UILanguage) -> String { t(l, "Instroom per maand en ontvangende organisatie", "Inflow per month and receiving organisation") }
    static func inflowBySource(_ l: UILanguage) -> String { t(l, "Instroom per maand en verwijzende organisatie", "Inflow per month and referring organisation") }
    static func total(_ l: UILanguage) -> String { t(l, "Totaal", "Total") }

    static func refusalReason(_ l: UILanguage, _ reason: RefusalReason) -> String {
        switch reason {
        case .motivation: t(l, "motivatie", "motivation")
        case .funding: t(l, "financiering (wie betaalt)", "funding (who pays)")
        case .technicalAdministrative: t(l, "technisch-administratief (codes)", "technical or administrative (codes)")
        case .dutchLevelTooLow: t(l, "Nederlands te zwak", "Dutch too weak")
        case .dutchLevelTooHigh: t(l, "Nederlands te goed", "Dutch too good")
        case .admissionRequirements: t(l, "toelatingsvoorwaarden", "admission requirements")
        case .noSeats: t(l, "geen plaatsen", "no seats")
        case .noCapacity: t(l, "geen capaciteit", "no capacity")
        case .notEligible: t(l, "niet in aanmerking", "not eligible")
        case .personDeclined: t(l, "persoon zag af", "person declined")
        case .other: t(l, "andere", "other")
        }
    }

    static func organisationKind(_ l: UILanguage, _ kind: OrganisationKind) -> String {
        switch kind {
        case .reception: t(l, "opvang", "reception")
        case .integration: t(l, "integratie", "integration")
        case .employmentService: t(l, "arbeidsbemiddeling", "employment service")
        case .ocmw: t(l, "OCMW", "OCMW (social welfare)")
        case .intensiveGuidance: t(l, "intensieve begeleiding", "intensive guidance")
        case .trainingProvider: t(l, "opleidingsverstrekker", "training provider")
        case .learningWorkCompany: t(l, "leerwerkbedrijf", "learning-work company")
        case .employer: t(l, "werkgever", "employer")
        case .municipality: t(l, "gemeente", "municipality")
        }
    }

    // The figures page
    static func period(_ l: UILanguage, _ from: String, _ to: String, _ on: String) -> String {
        t(l, "Periode \(from) tot en met \(to), berekend op \(on).", "Period \(from) to \(to) inclusive, computed on \(on).")
    }
    static func suppressionNote(_ l: UILanguage) -> String {
        t(l, "\"<5\": minder dan 5 personen (ook 0). \"x\": niet getoond om een ander cijfer te beschermen, dat je er anders uit zou kunnen afleiden (met de totalen, een andere tabel, een cijfer zonder filter of een kortere periode); het telt 5 personen of meer.",
          "\"<5\": fewer than 5 persons (0 included). \"x\": withheld to protect another figure, which could otherwise be worked out from it (with the totals, another table, a figure without a filter or a shorter period); it counts 5 persons or more.")
    }
    /// The CSV's last line: what its marks mean.
    static func csvNote(_ l: UILanguage) -> String {
        t(l, "Noot: <5 = minder dan 5 personen (ook 0); x = niet getoond om een ander cijfer te beschermen (5 of meer)",
          "Note: <5 = fewer than 5 persons (0 included); x = withheld to protect another figure (5 or more)")
    }
    static func fromMonth(_ l: UILanguage) -> String { t(l, "Van maand (jjjj-mm)", "From month (yyyy-mm)") }
    static func toMonth(_ l: UILanguage) -> String { t(l, "Tot en met maand (jjjj-mm)", "To month (yyyy-mm)") }
    static func chainLabel(_ l: UILanguage) -> String { t(l, "Keten (samenwerkingsakkoord)", "Chain (agreement)") }
    static func regionLabel(_ l: UILanguage) -> String { t(l, "Regio", "Region") }
    static func organisationLabel(_ l: UILanguage) -> String { t(l, "Organisatie", "Organisation") }
    static func legalStatusLabel(_ l: UILanguage) -> String { t(l, "Verblijfsstatus", "Legal status") }
    static func show(_ l: UILanguage) -> String { t(l, "Toon de cijfers", "Show the figures") }
    static func all(_ l: UILanguage) -> String { t(l, "Alle", "All") }
    static func withheld(_ l: UILanguage) -> String { t(l, "niet getoond (te weinig personen)", "withheld (too few persons)") }
    static func newTarget(_ l: UILanguage) -> String { t(l, "Doelstelling toevoegen", "Add a target") }
    static func targetTitle(_ l: UILanguage) -> String { t(l, "Omschrijving", "Description") }
    static func targetPersons(_ l: UILanguage) -> String { t(l, "Aantal personen naar werk of opleiding", "Number of persons to a job or training") }
    static func targetSaved(_ l: UILanguage) -> String { t(l, "De doelstelling is bewaard.", "The target was saved.") }
    static func achieved(_ l: UILanguage) -> String { t(l, "Bereikt", "Achieved") }
    static func target(_ l: UILanguage) -> String { t(l, "Doel", "Target") }
    static func curvesTitle(_ l: UILanguage) -> String {
        t(l, "Aandeel aan het werk of in opleiding, per cohorte, naar maanden sinds de datum van toegang tot werk",
          "Share in a job or training, per cohort, by months since the right-to-work date")
    }
    static func monthsSinceRightToWork(_ l: UILanguage) -> String { t(l, "maanden sinds toegang tot werk", "months since the right-to-work date") }
    static func downloadCSV(_ l: UILanguage, _ title: String) -> String { t(l, "Download als CSV: \(title)", "Download as CSV: \(title)") }
    static func number(_ value: Double, _ l: UILanguage) -> String {
        let text = value == value.rounded() ? String(Int(value)) : String(format: "%.1f", value)
        return l == .nl ? text.replacingOccurrences(of: ".", with: ",") : text
    }
    static func targetProgress(_ l: UILanguage, achieved: String, of persons: Int, from: String, to: String, pace: Double?, needed: Double?) -> String {
        let paceText = pace.map { number($0, l) } ?? "–"
        let neededText = needed.map { number($0, l) } ?? "–"
        return t(l, "\(achieved) van \(persons) personen (\(from) – \(to)). Tempo tot nu: \(paceText) per maand; nodig: \(neededText) per maand.",
                 "\(achieved) of \(persons) persons (\(from) – \(to)). Pace so far: \(paceText) a month; needed: \(neededText) a month.")
    }
    static func legalStatus(_ l: UILanguage, _ status: LegalStatus) -> String {
        switch status {
        case .applicant: t(l, "verzoeker internationale bescherming", "applicant for international protection")
        case .refusedApplicant: t(l, "afgewezen verzoeker", "refused applicant")
        case .recognisedRefugee: t(l, "erkend vluchteling", "recognised refugee")
        case .subsidiaryProtection: t(l, "subsidiaire bescherming", "subsidiary protection")
        case .resettledRefugee: t(l, "hervestigd vluchteling", "resettled refugee")
        case .temporaryProtection: t(l, "tijdelijke bescherming", "temporary protection")
        case .familyReunification: t(l, "gezinshereniging", "family reunification")
        case .otherNewcomer: t(l, "andere nieuwkomer", "other newcomer")
        }
    }

    static func responses(_ l: UILanguage, _ count: String) -> String { t(l, "Antwoorden in de periode: \(count).", "Responses in the period: \(count).") }
    static func surveyWithheld(_ l: UILanguage) -> String {
        t(l, "Minder dan 5 antwoorden: de resultaten worden niet getoond, want een kleine groep is herkenbaar.",
          "Fewer than 5 responses: the results are not shown, because a small group is recognisable.")
    }
    static func mean(_ l: UILanguage) -> String { t(l, "gemiddelde", "mean") }
    static func answerLabel(_ l: UILanguage, _ key: String) -> String {
        switch key {
        case "yes": t(l, "ja", "yes")
        case "no": t(l, "nee", "no")
        default: key
        }
    }

    static func column(_ l: UILanguage, _ key: String) -> String {
        switch key {
        case "accepted": t(l, "aanvaard", "accepted")
        case "refused": t(l, "geweigerd", "refused")
        case "undecided": t(l, "nog niet beslist", "not decided yet")
        case "completed": t(l, "afgerond", "completed")
        case "not-completed": t(l, "niet (nog niet) afgerond", "not (yet) completed")
        case "overdue": t(l, "te laat", "overdue")
        case "on-time": t(l, "op tijd", "on time")
        case "job-or-training": t(l, "aan het werk of in opleiding", "in a job or training")
        case "not-yet": t(l, "(nog) niet", "not (yet)")
        case "worked": t(l, "met werk(ervaring)", "with work (experience)")
        case "did-not-work": t(l, "zonder werk", "without work")
        case "refused-then-reconsidered": t(l, "geweigerd, na overleg herzien", "refused, reconsidered after talks")
        default: key
        }
    }
}

/// Names for the keys the figures group by (organisations, regions, routes, codes), loaded once per report.
struct FigureLabels: Sendable {
    let language: UILanguage
    let organisations: [String: String]
    let regions: [String: String]

    static func load(on database: any Database, language: UILanguage) async throws -> FigureLabels {
        let organisations = try await OrganisationModel.query(on: database).all()
        let regions = try await RegionModel.query(on: database).all()
        return FigureLabels(
            language: language,
            organisations: Dictionary(uniqueKeysWithValues: organisations.compactMap { org in org.id.map { ($0.uuidString, org.name) } }),
            regions: RegionModel.names(regions, language))
    }

    func organisation(_ key: String) -> String { organisations[key] ?? key }
    func region(_ key: String) -> String { key.isEmpty ? Text(nl: "heel Vlaanderen", en: "all of Flanders")(language) : regions[key] ?? key }
    func route(_ key: String) -> String { key.split(separator: ">").map { organisation(String($0)) }.joined(separator: " → ") }
    func column(_ key: String) -> String { FigureText.column(language, key) }
    func refusalReason(_ key: String) -> String {
        RefusalReason(rawValue: key).map { FigureText.refusalReason(language, $0) } ?? key
    }
    func agreementKind(_ key: String) -> String {
        switch AgreementKind(rawValue: key) {
        case .bilateral: Text(nl: "bilateraal", en: "bilateral")(language)
        case .regional: Text(nl: "regionaal", en: "regional")(language)
        case .convenant: Text(nl: "convenant", en: "covenant")(language)
        case nil: key
        }
    }
    func organisationKind(_ key: String) -> String {
        OrganisationKind(rawValue: key).map { FigureText.organisationKind(language, $0) } ?? key
    }
    func levels(_ key: String) -> String {
        key == "0" ? Text(nl: "geen", en: "none")(language) : Text(nl: "\(key) niveau(s)", en: "\(key) level(s)")(language)
    }
    func month(_ key: String) -> String {
        guard let month = Int(key) else { return key }
        return FigureFilter.monthText(month)
    }
}
