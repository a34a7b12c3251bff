import SchakelCore

/// The administrator's words: the chain's organisations, the agreements and their routes, the organisation's accounts.
enum AdminText {
    private static func t(_ l: UILanguage, _ nl: String, _ en: String) -> String { Text(nl: nl, en: en)(l) }
    static func title(_ l: UILanguage) -> String { t(l, "Beheer", "Administration") }
    static func code(_ l: UILanguage) -> String { t(l, "Code", "Code") }
    static func organisations(_ l: UILanguage) -> String { t(l, "Organisaties in de keten", "Organisations in the chain") }
    static func agreements(_ l: UILanguage) -> String { t(l, "Samenwerkingsovereenkomsten", "Agreements") }
    static func agreementsIntro(_ l: UILanguage) -> String {
        t(l, "Elke route zegt welke gegevens van de ene organisatie naar de andere mogen, altijd met de toestemming van de persoon.",
          "Each route says which data may go from one organisation to the other, always with the person's consent.")
    }
    static func validity(_ l: UILanguage, _ from: String, _ until: String?) -> String {
        until.map { t(l, "van \(from) tot \($0)", "from \(from) until \($0)") } ?? t(l, "vanaf \(from)", "from \(from)")
    }
    static func inForce(_ l: UILanguage) -> String { t(l, "van kracht", "in force") }
    static func notInForce(_ l: UILanguage) -> String { t(l, "niet van kracht", "not in force") }
    static func parties(_ l: UILanguage) -> String { t(l, "Partijen", "Parties") }
    static func accounts(_ l: UILanguage) -> String { t(l, "Accounts van je organisatie", "Your organisation's accounts") }
    static func newAccount(_ l: UILanguage) -> String { t(l, "Nieuw account", "New account") }
    static func firstPassword(_ l: UILanguage) -> String { t(l, "Eerste wachtwoord", "First password") }
    static func createAccount(_ l: UILanguage) -> String { t(l, "Account aanmaken", "Create account") }
    static func userCreated(_ l: UILanguage, _ email: String) -> String {
        t(l, "Account \(email) aangemaakt. Laat de persoon het wachtwoord meteen wijzigen.", "Account \(email) created. Have the person change the password at once.")
    }
    static func emailProblem(_ l: UILanguage) -> String {
        t(l, "Geef een geldig e-mailadres dat nog geen account heeft.", "Give a valid e-mail address that has no account yet.")
    }
    static func accountActions(_ l: UILanguage) -> String { t(l, "Rol en account", "Role and account") }
    static func roleOf(_ l: UILanguage, _ name: String) -> String { t(l, "Rol van \(name)", "Role of \(name)") }
    static func changeRole(_ l: UILanguage) -> String { t(l, "Rol wijzigen", "Change role") }
    static func roleChanged(_ l: UILanguage, _ email: String) -> String {
        t(l, "De rol van \(email) is gewijzigd; dat geldt meteen.", "The role of \(email) was changed; it applies at once.")
    }
    static func closeAccount(_ l: UILanguage) -> String { t(l, "Account sluiten", "Close account") }
    static func closeQuestion(_ l: UILanguage, _ name: String, _ email: String) -> String {
        t(l, "Wil je het account van \(name) (\(email)) sluiten?", "Do you want to close the account of \(name) (\(email))?")
    }
    static func closeExplained(_ l: UILanguage) -> String {
        t(l, "De persoon kan zich niet meer aanmelden en de API-sleutels van het account werken meteen niet meer. Wat de persoon vastlegde, blijft bewaard. Dit kan niet ongedaan gemaakt worden.",
          "The person can no longer sign in and the account's API tokens stop working at once. What the person recorded is kept. This cannot be undone.")
    }
    static func closeConfirm(_ l: UILanguage) -> String { t(l, "Ja, account sluiten", "Yes, close the account") }
    static func accountClosed(_ l: UILanguage, _ email: String) -> String { t(l, "Het account \(email) is gesloten.", "The account \(email) was closed.") }
    static func closedOn(_ l: UILanguage, _ moment: String) -> String { t(l, "gesloten op \(moment)", "closed on \(moment)") }
    static func yourself(_ l: UILanguage) -> String { t(l, "jouw account", "your account") }
    static func nameProblem(_ l: UILanguage) -> String { t(l, "Geef een naam van 1 tot 120 tekens.", "Give a name of 1 to 120 characters.") }

    // MARK: Organisations and agreements

    static func backToAdministration(_ l: UILanguage) -> String { t(l, "Terug naar beheer", "Back to administration") }
    static func newOrganisation(_ l: UILanguage) -> String { t(l, "Nieuwe organisatie", "New organisation") }
    static func newOrganisationIntro(_ l: UILanguage) -> String {
        t(l, "Een organisatie in de keten krijgt pas gegevens als een samenwerkingsovereenkomst een route opent en de persoon toestemming geeft.",
          "An organisation in the chain receives data only when an agreement opens a route and the person consents.")
    }
    static func organisationNameHint(_ l: UILanguage) -> String {
        t(l, "Zoals de organisatie zichzelf noemt, bv. OCMW Sint-Niklaas.", "As the organisation calls itself, e.g. OCMW Sint-Niklaas.")
    }
    static func municipality(_ l: UILanguage) -> String { t(l, "Gemeente", "Municipality") }
    static func municipalityHint(_ l: UILanguage) -> String { t(l, "Waar de organisatie gevestigd is; mag leeg.", "Where the organisation is based; may be left empty.") }
    static func addOrganisation(_ l: UILanguage) -> String { t(l, "Organisatie toevoegen", "Add organisation") }
    static func organisationCreated(_ l: UILanguage, _ name: String) -> String { t(l, "\(name) is toegevoegd aan de keten.", "\(name) was added to the chain.") }
    static func newAgreement(_ l: UILanguage) -> String { t(l, "Nieuwe samenwerkingsovereenkomst", "New agreement") }
    static func newAgreementIntro(_ l: UILanguage, _ own: String) -> String {
        t(l, "Je legt een overeenkomst vast waarin \(own) partij is. Je opent daarbij alleen gegevens van \(own); elke partner opent zijn eigen gegevens zelf.",
          "You record an agreement \(own) is party to. You open only \(own)'s data; each partner opens its own data itself.")
    }
    static func agreementTitle(_ l: UILanguage) -> String { t(l, "Titel", "Title") }
    static func agreementKind(_ l: UILanguage, _ kind: AgreementKind) -> String {
        switch kind {
        case .bilateral: t(l, "bilateraal", "bilateral")
        case .regional: t(l, "regionaal", "regional")
        case .convenant: t(l, "convenant", "covenant")
        }
    }
    static func regionHint(_ l: UILanguage) -> String { t(l, "De regio die de overeenkomst dekt, als ze regionaal is.", "The region the agreement covers, if it is regional.") }
    static func noRegion(_ l: UILanguage) -> String { t(l, "geen bepaalde regio", "no particular region") }
    static func validFrom(_ l: UILanguage) -> String { t(l, "Van kracht vanaf", "In force from") }
    static func validUntil(_ l: UILanguage) -> String { t(l, "Van kracht tot en met", "In force until") }
    static func validUntilHint(_ l: UILanguage) -> String { t(l, "Leeg laten voor onbepaalde duur.", "Leave empty for no end date.") }
    static func partners(_ l: UILanguage) -> String { t(l, "Partners", "Partners") }
    static func partnersHint(_ l: UILanguage, _ own: String) -> String {
        t(l, "\(own) is altijd partij. Kies minstens één partner.", "\(own) is always a party. Choose at least one partner.")
    }
    static func ownTasks(_ l: UILanguage, _ own: String) -> String { t(l, "Taken van \(own)", "Tasks of \(own)") }
    static func task(_ l: UILanguage, _ task: PartyTask) -> String {
        switch task {
        case .reception: t(l, "opvang", "reception")
        case .screening: t(l, "screening", "screening")
        case .civicOrientation: t(l, "maatschappelijke oriëntatie", "civic orientation")
        case .languageCourses: t(l, "lessen Nederlands", "Dutch lessons")
        case .guidance: t(l, "begeleiding naar werk", "guidance to work")
        case .intensiveGuidance: t(l, "intensieve begeleiding", "intensive guidance")
        case .training: t(l, "opleiding", "training")
        case .workExperience: t(l, "werkervaring", "work experience")
        case .jointConsultationDays: t(l, "gezamenlijke zitdagen", "joint consultation days")
        case .employerServices: t(l, "dienstverlening aan werkgevers", "services to employers")
        case .reporting: t(l, "rapportering", "reporting")
        }
    }
    static func noTasks(_ l: UILanguage) -> String { t(l, "geen taken vastgelegd", "no tasks recorded") }
    static func routeCategories(_ l: UILanguage, _ own: String) -> String {
        t(l, "Gegevens die van \(own) naar de partners mogen", "Data that may go from \(own) to the partners")
    }
    static func routeCategoriesHint(_ l: UILanguage) -> String {
        t(l, "Dit opent een route naar elke gekozen partner, altijd nog met de toestemming van de persoon. Kies niets als de overeenkomst geen gegevens laat gaan.",
          "This opens a route to each chosen partner, still always with the person's consent. Choose nothing if the agreement lets no data go.")
    }
    static func responseDays(_ l: UILanguage) -> String { t(l, "Termijn voor eerste contact (werkdagen)", "Term for first contact (working days)") }
    static func responseDaysHint(_ l: UILanguage) -> String {
        t(l, "Binnen hoeveel werkdagen de ontvanger een doorverwijzing beantwoordt: 1 tot 30; leeg is 5.",
          "Within how many working days the receiver answers a referral: 1 to 30; empty means 5.")
    }
    static func recordAgreement(_ l: UILanguage) -> String { t(l, "Overeenkomst vastleggen", "Record agreement") }
    static func agreementCreated(_ l: UILanguage) -> String {
        t(l, "De overeenkomst is vastgelegd. Partners openen hun eigen routes op deze pagina.", "The agreement was recorded. Partners open their own routes on this page.")
    }
    static func period(_ l: UILanguage) -> String { t(l, "Looptijd", "Period") }
    /// "from 01/01/2020 until 31/12/2027"; an agreement ended before its start says so rather than show a backwards period.
    static func period(_ l: UILanguage, _ agreement: AgreementDTO) -> String {
        if let until = agreement.validUntil, until < agreement.validFrom { return endedBeforeInForce(l, agreement.validFrom.belgian) }
        return validity(l, agreement.validFrom.belgian, agreement.validUntil?.belgian)
    }

    static func endedBeforeInForce(_ l: UILanguage, _ from: String) -> String {
        t(l, "zou ingaan op \(from), maar werd beëindigd voor het van kracht werd", "was to start on \(from), but was ended before it came into force")
    }
    static func recordedBy(_ l: UILanguage) -> String { t(l, "Vastgelegd door", "Recorded by") }
    static func endedBy(_ l: UILanguage) -> String { t(l, "Beëindigd door", "Ended by") }
    static func routes(_ l: UILanguage) -> String { t(l, "Routes", "Routes") }
    static func noRoutes(_ l: UILanguage) -> String {
        t(l, "Deze overeenkomst laat nog geen gegevens gaan. Een beheerder van een partij opent hieronder een route vanuit de eigen organisatie.",
          "This agreement lets no data go yet. An administrator of a party opens a route from their own organisation below.")
    }
    static func routeFrom(_ l: UILanguage) -> String { t(l, "Van", "From") }
    static func routeTo(_ l: UILanguage) -> String { t(l, "Naar", "To") }
    static func openRoute(_ l: UILanguage, _ own: String) -> String { t(l, "Een route openen vanuit \(own)", "Open a route from \(own)") }
    static func openRouteHint(_ l: UILanguage) -> String {
        t(l, "Een route laat de gekozen gegevens naar de partner gaan als de persoon daar toestemming voor gaf. Eén route per richting.",
          "A route lets the chosen data go to the partner when the person consented to it. One route per direction.")
    }
    static func openRouteButton(_ l: UILanguage) -> String { t(l, "Route openen", "Open route") }
    static func routeOpened(_ l: UILanguage) -> String { t(l, "De route is geopend.", "The route was opened.") }
    static func endAgreement(_ l: UILanguage) -> String { t(l, "Overeenkomst beëindigen", "End agreement") }
    static func endExplained(_ l: UILanguage) -> String {
        t(l, "Vanaf vandaag gaan er geen gegevens meer over de routes van deze overeenkomst en kan niemand er nog op doorverwijzen. Lopende doorverwijzingen behouden hun geschiedenis. Dit kan niet ongedaan gemaakt worden.",
          "From today no data travels on this agreement's routes and no one can refer on them. Referrals already made keep their history. This cannot be undone.")
    }
    static func endQuestion(_ l: UILanguage, _ title: String) -> String { t(l, "Wil je '\(title)' nu beëindigen?", "Do you want to end '\(title)' now?") }
    static func endConfirm(_ l: UILanguage) -> String { t(l, "Ja, nu beëindigen", "Yes, end it now") }
    static func agreementEndedFlash(_ l: UILanguage) -> String { t(l, "De overeenkomst is beëindigd.", "The agreement was ended.") }
    static func details(_ l: UILanguage) -> String { t(l, "Bekijken", "View") }
}
