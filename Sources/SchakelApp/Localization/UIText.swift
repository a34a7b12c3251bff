import SchakelCore

/// The words of the caseworker screens, Dutch and English, in one place. Enum values get their
/// words here too, so no page shows a code.
enum UIText {
    private static func t(_ language: UILanguage, _ nl: String, _ en: String) -> String { Text(nl: nl, en: en)(language) }

    // MARK: Navigation and frame

    static func myDay(_ l: UILanguage) -> String { t(l, "Mijn dag", "My day") }
    static func persons(_ l: UILanguage) -> String { t(l, "Personen", "Persons") }
    static func referrals(_ l: UILanguage) -> String { t(l, "Doorverwijzingen", "Referrals") }
    static func offers(_ l: UILanguage) -> String { t(l, "Aanbod", "Offers") }
    static func figures(_ l: UILanguage) -> String { t(l, "Cijfers", "Figures") }
    static func mainNavigation(_ l: UILanguage) -> String { t(l, "Hoofdmenu", "Main menu") }
    static func otherLanguage(_ l: UILanguage) -> String { t(l, "English", "Nederlands") }
    static func otherLanguageName(_ l: UILanguage) -> String { t(l, "Switch to English", "Schakel naar het Nederlands") }
    /// A language by its own name, whatever the page's language: how a reader finds their own.
    static func autonym(_ language: UILanguage) -> String {
        switch language {
        case .nl: "Nederlands"
        case .en: "English"
        }
    }
    static func saved(_ l: UILanguage) -> String { t(l, "Bewaard.", "Saved.") }
    static func previous(_ l: UILanguage) -> String { t(l, "Vorige", "Previous") }
    static func next(_ l: UILanguage) -> String { t(l, "Volgende", "Next") }
    static func pageOf(_ l: UILanguage, _ page: Int, _ pages: Int) -> String {
        t(l, "Pagina \(page) van \(pages)", "Page \(page) of \(pages)")
    }
    static func pagination(_ l: UILanguage) -> String { t(l, "Paginering", "Pagination") }
    static func formHasErrors(_ l: UILanguage) -> String {
        t(l, "Het formulier bevat fouten. Niets werd bewaard:", "The form has errors. Nothing was saved:")
    }
    static func optional(_ l: UILanguage) -> String { t(l, "(niet verplicht)", "(optional)") }
    static func choose(_ l: UILanguage) -> String { t(l, "— kies —", "— choose —") }
    static func none(_ l: UILanguage) -> String { t(l, "geen", "none") }
    static func yes(_ l: UILanguage) -> String { t(l, "ja", "yes") }
    static func no(_ l: UILanguage) -> String { t(l, "nee", "no") }
    static func cancel(_ l: UILanguage) -> String { t(l, "Annuleren", "Cancel") }
    static func save(_ l: UILanguage) -> String { t(l, "Bewaren", "Save") }
    static func open(_ l: UILanguage) -> String { t(l, "Openen", "Open") }
    static func unknown(_ l: UILanguage) -> String { t(l, "onbekend", "unknown") }

    // MARK: Password

    static func changePassword(_ l: UILanguage) -> String { t(l, "Wachtwoord wijzigen", "Change password") }
    static func passwordLink(_ l: UILanguage) -> String { t(l, "Wachtwoord", "Password") }
    static func currentPassword(_ l: UILanguage) -> String { t(l, "Huidig wachtwoord", "Current password") }
    static func newPassword(_ l: UILanguage) -> String { t(l, "Nieuw wachtwoord", "New password") }
    static func confirmPassword(_ l: UILanguage) -> String { t(l, "Nieuw wachtwoord nog eens", "New password again") }
    static func wrongCurrentPassword(_ l: UILanguage) -> String { t(l, "Het huidige wachtwoord klopt niet.", "The current password is incorrect.") }
    static func passwordLength(_ l: UILanguage) -> String { t(l, "Minstens 12 tekens (hoogstens 72 bytes).", "At least 12 characters (at most 72 bytes).") }
    static func passwordsDiffer(_ l: UILanguage) -> String { t(l, "De twee nieuwe wachtwoorden verschillen.", "The two new passwords differ.") }
    static func passwordChanged(_ l: UILanguage) -> String {
        t(l, "Je wachtwoord is gewijzigd. Toegangssleutels voor de API werken niet meer; vraag een nieuwe aan.",
          "Your password was changed. API tokens no longer work; ask for a new one.")
    }

    // MARK: My day

    static func incoming(_ l: UILanguage) -> String { t(l, "Binnengekomen doorverwijzingen", "Incoming referrals") }
    static func incomingEmpty(_ l: UILanguage) -> String {
        t(l, "Er wacht geen doorverwijzing op jullie. Nieuwe doorverwijzingen verschijnen hier met hun termijn.",
          "No referral is waiting for you. New referrals appear here with their deadline.")
    }
    static func overdue(_ l: UILanguage) -> String { t(l, "Te laat", "Overdue") }
    static func overdueHeading(_ l: UILanguage) -> String { t(l, "Over de termijn", "Past the deadline") }
    static func overdueEmpty(_ l: UILanguage) -> String { t(l, "Niets over de termijn. Goed bezig.", "Nothing past its deadline.") }
    static func rightToWorkSoon(_ l: UILanguage) -> String { t(l, "Mag binnenkort werken (6 weken)", "May work soon (6 weeks)") }
    static func rightToWorkEmpty(_ l: UILanguage) -> String {
        t(l, "Niemand van jullie personen krijgt de komende zes weken toegang tot werk.",
          "None of your persons gets the right to work in the coming six weeks.")
    }
    static func inDays(_ l: UILanguage, _ days: Int) -> String {
        days == 0 ? t(l, "vandaag", "today") : t(l, "over \(days) dagen", "in \(days) days")
    }
    static func referred(_ l: UILanguage) -> String { t(l, "doorverwezen", "referred") }
    static func notReferredYet(_ l: UILanguage) -> String { t(l, "nog niet doorverwezen", "not referred yet") }
    static func notifications(_ l: UILanguage) -> String { t(l, "Meldingen", "Notifications") }
    static func notificationsEmpty(_ l: UILanguage) -> String { t(l, "Geen nieuwe meldingen.", "No new notifications.") }
    static func markRead(_ l: UILanguage) -> String { t(l, "Gelezen", "Mark read") }
    static func caseload(_ l: UILanguage) -> String { t(l, "Mijn dossiers", "My caseload") }
    static func caseloadEmpty(_ l: UILanguage) -> String {
        t(l, "Nog geen dossiers. Begin met een vroege screening.", "No dossiers yet. Start with an early screening.")
    }
    static func allPersons(_ l: UILanguage) -> String { t(l, "Alle personen", "All persons") }
    static func analystStart(_ l: UILanguage) -> String {
        t(l, "Als coördinator zie je de cijfers van de keten, nooit een persoon.",
          "As a coordinator you see the chain's figures, never a person.")
    }
    static func openFigures(_ l: UILanguage) -> String { t(l, "Open de cijfers", "Open the figures") }

    static func notification(_ l: UILanguage, _ kind: NotificationKind) -> String {
        switch kind {
        case .referralReceived: t(l, "Nieuwe doorverwijzing ontvangen", "New referral received")
        case .referralDecided: t(l, "Beslissing over een doorverwijzing", "Decision on a referral")
        case .referralOverdue: t(l, "Doorverwijzing over de termijn", "Referral past its deadline")
        case .handOverMeeting: t(l, "Overdrachtsgesprek vastgelegd", "Hand-over meeting recorded")
        case .conferenceAction: t(l, "Actie uit een casusoverleg", "Action from a case conference")
        case .employerRequestAssigned: t(l, "Werkgeversvraag toegewezen", "Employer request assigned")
        case .correctionRequested: t(l, "Een persoon vraagt een verbetering", "A person asks for a correction")
        }
    }

    // MARK: Persons

    static func personsIntro(_ l: UILanguage) -> String {
        t(l, "Dossiers van je organisatie en dossiers die met jullie gedeeld zijn met toestemming.",
          "Your organisation's dossiers and those shared with you with consent.")
    }
    static func searchByName(_ l: UILanguage) -> String { t(l, "Zoek op volledige naam", "Search by full name") }
    static func search(_ l: UILanguage) -> String { t(l, "Zoeken", "Search") }
    static func searchHint(_ l: UILanguage) -> String {
        t(l, "Voornaam en familienaam, zoals in het dossier. De naam komt niet in de adresbalk.",
          "Given and family name, as in the dossier. The name does not go into the address bar.")
    }
    static func searchResults(_ l: UILanguage) -> String { t(l, "Zoekresultaat", "Search result") }
    static func noPersonFound(_ l: UILanguage) -> String {
        t(l, "Geen dossier gevonden met die naam. Controleer de schrijfwijze of start een vroege screening.",
          "No dossier found with that name. Check the spelling or start an early screening.")
    }
    static func newScreening(_ l: UILanguage) -> String { t(l, "Vroege screening: nieuw dossier", "Early screening: new dossier") }
    static func screeningIntro(_ l: UILanguage) -> String {
        t(l, "Vul in wat je nu weet. Wat je niet weet, laat je leeg: het kan later.",
          "Fill in what you know now. Leave empty what you do not know: it can be added later.")
    }
    static func reference(_ l: UILanguage) -> String { t(l, "Dossiernummer", "Dossier number") }
    static func name(_ l: UILanguage) -> String { t(l, "Naam", "Name") }
    static func owner(_ l: UILanguage) -> String { t(l, "Beheerd door", "Owned by") }
    static func nameHidden(_ l: UILanguage) -> String { t(l, "naam niet gedeeld", "name not shared") }
    static func givenName(_ l: UILanguage) -> String { t(l, "Voornaam", "Given name") }
    static func familyName(_ l: UILanguage) -> String { t(l, "Familienaam", "Family name") }
    static func birthDate(_ l: UILanguage) -> String { t(l, "Geboortedatum", "Date of birth") }
    static func birthYear(_ l: UILanguage) -> String { t(l, "Geboortejaar", "Year of birth") }
    static func birthYearHint(_ l: UILanguage) -> String {
        t(l, "Alleen als de geboortedatum niet gekend is.", "Only when the date of birth is not known.")
    }
    static func country(_ l: UILanguage) -> String { t(l, "Land van herkomst", "Country of origin") }
    static func countryHint(_ l: UILanguage) -> String { t(l, "Landcode van twee letters, bv. SY, AF, UA, ER.", "Two-letter country code, e.g. SY, AF, UA, ER.") }
    static func municipality(_ l: UILanguage) -> String { t(l, "Woonplaats", "Place of residence") }
    static func phone(_ l: UILanguage) -> String { t(l, "Telefoon", "Phone") }
    static func email(_ l: UILanguage) -> String { t(l, "E-mail", "E-mail") }
    static func address(_ l: UILanguage) -> String { t(l, "Adres", "Address") }
    static func arrivedOn(_ l: UILanguage) -> String { t(l, "Aangekomen in België op", "Arrived in Belgium on") }
    static func protectionRequestedOn(_ l: UILanguage) -> String { t(l, "Beschermingsaanvraag op", "Protection requested on") }
    static func legalStatus(_ l: UILanguage) -> String { t(l, "Verblijfsstatus", "Legal status") }
    static func statusSince(_ l: UILanguage) -> String { t(l, "Status sinds", "Status since") }
    static func dutchLevel(_ l: UILanguage) -> String { t(l, "Niveau Nederlands (ERK)", "Dutch level (CEFR)") }
    static func assessedOn(_ l: UILanguage) -> String { t(l, "Vastgesteld op", "Assessed on") }
    static func motherTongue(_ l: UILanguage) -> String { t(l, "Moedertaal", "Mother tongue") }
    static func motherTongueHint(_ l: UILanguage) -> String { t(l, "Taalcode van twee letters, bv. ar, uk, fa, ti.", "Two-letter language code, e.g. ar, uk, fa, ti.") }
    static func education(_ l: UILanguage) -> String { t(l, "Hoogste opleiding", "Highest education") }
    static func educationField(_ l: UILanguage) -> String { t(l, "Richting", "Field") }
    static func occupation(_ l: UILanguage) -> String { t(l, "Beroep (ISCO-08-code)", "Occupation (ISCO-08 code)") }
    static func occupationHint(_ l: UILanguage) -> String { t(l, "Vier cijfers, bv. 7512 (bakker), 8322 (chauffeur).", "Four digits, e.g. 7512 (baker), 8322 (driver).") }
    static func years(_ l: UILanguage) -> String { t(l, "Jaren ervaring", "Years of experience") }
    static func jobWishes(_ l: UILanguage) -> String { t(l, "Gewenste beroepen (ISCO-08-codes)", "Wished occupations (ISCO-08 codes)") }
    static func jobWishesHint(_ l: UILanguage) -> String { t(l, "Gescheiden door komma's, bv. 7512, 9412.", "Separated by commas, e.g. 7512, 9412.") }
    static func needsChildcare(_ l: UILanguage) -> String { t(l, "Heeft kinderopvang nodig", "Needs childcare") }
    static func drivingLicence(_ l: UILanguage) -> String { t(l, "Heeft een rijbewijs", "Has a driving licence") }
    static func partTimeOnly(_ l: UILanguage) -> String { t(l, "Alleen deeltijds", "Part-time only") }
    static func evenings(_ l: UILanguage) -> String { t(l, "Kan 's avonds", "Available evenings") }
    static func weekends(_ l: UILanguage) -> String { t(l, "Kan in het weekend", "Available weekends") }
    static func identitySection(_ l: UILanguage) -> String { t(l, "Identiteit", "Identity") }
    static func contactSection(_ l: UILanguage) -> String { t(l, "Contact", "Contact") }
    static func statusSection(_ l: UILanguage) -> String { t(l, "Verblijf en recht op werk", "Residence and right to work") }
    static func languagesSection(_ l: UILanguage) -> String { t(l, "Talen", "Languages") }
    static func skillsSection(_ l: UILanguage) -> String { t(l, "Opleiding, ervaring en wensen", "Education, experience and wishes") }
    static func availabilitySection(_ l: UILanguage) -> String { t(l, "Beschikbaarheid en drempels", "Availability and barriers") }
    static func createDossier(_ l: UILanguage) -> String { t(l, "Dossier aanmaken", "Create dossier") }
    static func editDossier(_ l: UILanguage) -> String { t(l, "Dossier wijzigen", "Edit dossier") }
    static func editIntro(_ l: UILanguage) -> String {
        t(l, "Een nieuw niveau Nederlands of een nieuwe status komt bij de geschiedenis; de vorige blijven bewaard.",
          "A new Dutch level or a new status is added to the history; the earlier ones are kept.")
    }
    static func newDutchLevel(_ l: UILanguage) -> String { t(l, "Nieuw niveau Nederlands", "New Dutch level") }
    static func newStatus(_ l: UILanguage) -> String { t(l, "Nieuwe verblijfsstatus", "New legal status") }
    static func mayWorkSince(_ l: UILanguage, _ date: String) -> String { t(l, "Mag werken sinds \(date)", "May work since \(date)") }
    static func mayWorkFrom(_ l: UILanguage, _ date: String) -> String { t(l, "Mag werken vanaf \(date)", "May work from \(date)") }
    static func mayNotWork(_ l: UILanguage) -> String { t(l, "Mag niet werken", "May not work") }
    static func rightToWorkUnknown(_ l: UILanguage) -> String {
        t(l, "Recht op werk nog onbekend: vul de status of de datum van de beschermingsaanvraag in.",
          "Right to work not known yet: fill in the status or the date of the protection request.")
    }
    static func withheldHeading(_ l: UILanguage) -> String { t(l, "Niet met jullie gedeeld", "Not shared with you") }
    static func withheldExplained(_ l: UILanguage) -> String {
        t(l, "Deze delen van het dossier zie je niet: de samenwerkingsovereenkomst, de toestemming van de persoon of je rol dekt ze niet.",
          "You do not see these parts of the dossier: the agreement, the person's consent or your role does not cover them.")
    }
    static func interviewLanguage(_ l: UILanguage) -> String { t(l, "Gesprek in de taal van de persoon", "Interview in the person's language") }
    static func interviewOff(_ l: UILanguage) -> String { t(l, "Alleen Nederlands", "Dutch only") }
    static func showInterview(_ l: UILanguage) -> String { t(l, "Vragen tonen", "Show the questions") }
    static func denial(_ l: UILanguage, _ denial: AccessRule.Denial) -> String {
        switch denial {
        case .noAgreementRoute: t(l, "geen samenwerkingsovereenkomst die dit dekt", "no agreement covers it")
        case .noConsent: t(l, "geen toestemming van de persoon", "no consent from the person")
        case .roleDoesNotNeedIt: t(l, "niet nodig voor je rol", "not needed for your role")
        case .roleSeesNoPersons: t(l, "alleen cijfers voor coördinatoren", "figures only for coordinators")
        case .notTheirOwn: t(l, "niet het eigen dossier van de persoon", "not the person's own dossier")
        }
    }
    static func ownDossier(_ l: UILanguage) -> String { t(l, "Dossier van je organisatie", "Your organisation's dossier") }
    static func sharedDossier(_ l: UILanguage, _ owner: String) -> String {
        t(l, "Gedeeld door \(owner), met toestemming", "Shared by \(owner), with consent")
    }
    static func languagesOverTime(_ l: UILanguage) -> String { t(l, "Talen door de tijd", "Languages over time") }
    static func language(_ l: UILanguage) -> String { t(l, "Taal", "Language") }
    static func level(_ l: UILanguage) -> String { t(l, "Niveau", "Level") }
    static func experience(_ l: UILanguage) -> String { t(l, "Werkervaring", "Work experience") }
    static func nothingRecorded(_ l: UILanguage) -> String { t(l, "Nog niets vastgelegd.", "Nothing recorded yet.") }
    static func inCountry(_ l: UILanguage, _ country: String) -> String { t(l, "in \(country)", "in \(country)") }

    // MARK: Consent

    static func consents(_ l: UILanguage) -> String { t(l, "Toestemmingen", "Consents") }
    static func consentsEmpty(_ l: UILanguage) -> String {
        t(l, "Nog geen toestemming. Zonder toestemming deelt Schakel niets met een andere organisatie.",
          "No consent yet. Without consent Schakel shares nothing with another organisation.")
    }
    static func recordConsent(_ l: UILanguage) -> String { t(l, "Toestemming vastleggen", "Record consent") }
    static func recipient(_ l: UILanguage) -> String { t(l, "Met welke organisatie", "With which organisation") }
    static func purpose(_ l: UILanguage) -> String { t(l, "Doel", "Purpose") }
    static func categories(_ l: UILanguage) -> String { t(l, "Welke gegevens", "Which data") }
    static func method(_ l: UILanguage) -> String { t(l, "Hoe gegeven", "How given") }
    static func witness(_ l: UILanguage) -> String { t(l, "Getuige (bij mondelinge toestemming)", "Witness (for oral consent)") }
    static func consentTextLanguage(_ l: UILanguage) -> String { t(l, "Taal van de uitleg aan de persoon", "Language of the explanation to the person") }
    static func consentText(_ l: UILanguage) -> String { t(l, "Tekst zoals de persoon hem zag of hoorde", "Text as the person saw or heard it") }
    static func consentTextHint(_ l: UILanguage) -> String {
        t(l, "Laat leeg om de standaardtekst te gebruiken die hierboven getoond wordt, in de taal van de persoon. Een eigen tekst is door geen vertaler nagelezen: vul dan een tolk of getuige in.",
          "Leave empty to use the standard text shown above, in the person's language. A text of your own is reviewed by no translator: then fill in an interpreter or a witness.")
    }
    static func consentFormIntro(_ l: UILanguage) -> String {
        t(l, "Kies met de persoon de organisatie, het doel en de gegevens, en de taal waarin de persoon de uitleg krijgt. Toon de tekst en lees hem samen; leg de toestemming pas daarna vast.",
          "Choose with the person the organisation, the purpose and the data, and the language the person is told in. Show the text and read it together; only then record the consent.")
    }
    static func consentChoicesFirst(_ l: UILanguage) -> String {
        t(l, "Kies eerst de organisatie, het doel en minstens één soort gegevens.", "First choose the organisation, the purpose and at least one kind of data.")
    }
    static func translatorReviewed(_ l: UILanguage) -> String { t(l, "Nagelezen door een gekwalificeerd vertaler", "Reviewed by a qualified translator") }
    /// Yes, no, or unknown (a consent recorded before this was kept).
    static func yesNoUnknown(_ l: UILanguage, _ value: Bool?) -> String {
        value.map { $0 ? yes(l) : no(l) } ?? t(l, "niet bijgehouden (vóór december 2026)", "not kept (before December 2026)")
    }
    static func showConsentText(_ l: UILanguage) -> String { t(l, "Toon de tekst in deze taal", "Show the text in this language") }
    static func consentTextNotYetShown(_ l: UILanguage) -> String {
        t(l, "Nog geen tekst getoond: kies organisatie, doel, gegevens en taal, en toon de tekst.",
          "No text shown yet: choose organisation, purpose, data and language, and show the text.")
    }
    static func personReadsText(_ l: UILanguage) -> String {
        t(l, "De persoon kan deze tekst zelf lezen", "The person can read this text themselves")
    }
    static func printConsentSheet(_ l: UILanguage) -> String {
        t(l, "Blad om te tekenen afdrukken (taal van de persoon en Nederlands)", "Print the sheet to sign (the person's language and Dutch)")
    }
    static func translatorReview(_ l: UILanguage, _ reviewed: Bool) -> String {
        reviewed ? t(l, "Nagelezen door een gekwalificeerd vertaler: ja.", "Reviewed by a qualified translator: yes.")
            : t(l, "Nagelezen door een gekwalificeerd vertaler: nee. Vul een tolk of getuige in.",
                "Reviewed by a qualified translator: no. Fill in an interpreter or a witness.")
    }
    /// A language and, for staff, whether its texts were reviewed. (Its own name, in its own script, is shown with the
    /// text, where it can carry its `lang`; an option of a list cannot.)
    static func consentLanguageWithReview(_ l: UILanguage, _ language: ConsentLanguage) -> String {
        consentLanguage(l, language) + (PersonText.catalogue(language).reviewedByTranslator ? "" : t(l, " (niet nagelezen)", " (not reviewed)"))
    }
    static func givenAt(_ l: UILanguage) -> String { t(l, "Gegeven op", "Given on") }
    static func active(_ l: UILanguage) -> String { t(l, "actief", "active") }
    static func withdrawn(_ l: UILanguage, _ date: String) -> String { t(l, "ingetrokken op \(date)", "withdrawn on \(date)") }
    static func expired(_ l: UILanguage) -> String { t(l, "verlopen", "expired") }
    static func viewText(_ l: UILanguage) -> String { t(l, "Tekst bekijken", "View text") }
    static func withdraw(_ l: UILanguage) -> String { t(l, "Intrekken", "Withdraw") }
    static func consentTitle(_ l: UILanguage) -> String { t(l, "Toestemming", "Consent") }
    static func withdrawQuestion(_ l: UILanguage, _ organisation: String) -> String {
        t(l, "Toestemming voor \(organisation) intrekken? Dit werkt meteen: \(organisation) ziet de gegevens niet meer.",
          "Withdraw the consent for \(organisation)? This works at once: \(organisation) no longer sees the data.")
    }
    static func withdrawConfirm(_ l: UILanguage) -> String { t(l, "Ja, toestemming intrekken", "Yes, withdraw consent") }
    static func consentRecorded(_ l: UILanguage) -> String { t(l, "De toestemming is vastgelegd.", "The consent was recorded.") }
    static func consentWithdrawn(_ l: UILanguage) -> String { t(l, "De toestemming is ingetrokken.", "The consent was withdrawn.") }
    static func interpreter(_ l: UILanguage) -> String {
        t(l, "Tolk (naam of tolkendienst)", "Interpreter (name or interpreting service)")
    }
    static func interpretedBy(_ l: UILanguage, _ name: String, _ written: String) -> String {
        t(l, "vertaald door tolk \(name) uit de tekst in het \(written)", "translated by interpreter \(name) from the text in \(written)")
    }

    static func purposeName(_ l: UILanguage, _ purpose: Purpose) -> String {
        switch purpose {
        case .guidanceToWork: t(l, "begeleiding naar werk", "guidance to work")
        case .training: t(l, "opleiding", "training")
        case .intensiveGuidance: t(l, "intensieve begeleiding", "intensive guidance")
        case .warmHandover: t(l, "warme overdracht", "warm hand-over")
        case .caseConference: t(l, "casusoverleg", "case conference")
        }
    }

    static func category(_ l: UILanguage, _ category: DataCategory) -> String {
        switch category {
        case .identity: t(l, "identiteit", "identity")
        case .contact: t(l, "contactgegevens", "contact details")
        case .legalStatus: t(l, "verblijfsstatus", "legal status")
        case .languages: t(l, "talen", "languages")
        case .education: t(l, "opleiding", "education")
        case .workExperience: t(l, "werkervaring", "work experience")
        case .competencesAndWishes: t(l, "competenties en wensen", "competences and wishes")
        case .availabilityAndConstraints: t(l, "beschikbaarheid en drempels", "availability and barriers")
        case .assessment: t(l, "inschatting (afstand tot werk)", "assessment (distance to work)")
        case .trajectoryAndReferrals: t(l, "traject en doorverwijzingen", "trajectory and referrals")
        }
    }

    static func consentMethod(_ l: UILanguage, _ method: ConsentMethod) -> String {
        switch method {
        case .signedForm: t(l, "ondertekend formulier", "signed form")
        case .digital: t(l, "digitaal", "digital")
        case .oralWithWitness: t(l, "mondeling, met getuige", "oral, with a witness")
        }
    }

    static func consentLanguage(_ l: UILanguage, _ language: ConsentLanguage) -> String {
        switch language {
        case .nl: t(l, "Nederlands", "Dutch")
        case .en: t(l, "Engels", "English")
        case .fr: t(l, "Frans", "French")
        case .ar: t(l, "Arabisch", "Arabic")
        case .uk: t(l, "Oekraïens", "Ukrainian")
        case .fa: t(l, "Dari", "Dari")
        case .ps: t(l, "Pasjtoe", "Pashto")
        case .ti: t(l, "Tigrinya", "Tigrinya")
        case .tr: t(l, "Turks", "Turkish")
        }
    }

    // MARK: Legal status, levels

    static func status(_ l: UILanguage, _ status: LegalStatus) -> String {
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

    static func isced(_ l: UILanguage, _ level: ISCEDLevel) -> String {
        switch level.rawValue {
        case 0: t(l, "geen of kleuteronderwijs (ISCED 0)", "none or early childhood (ISCED 0)")
        case 1: t(l, "lager onderwijs (ISCED 1)", "primary (ISCED 1)")
        case 2: t(l, "lager secundair (ISCED 2)", "lower secondary (ISCED 2)")
        case 3: t(l, "hoger secundair (ISCED 3)", "upper secondary (ISCED 3)")
        case 4: t(l, "postsecundair (ISCED 4)", "post-secondary (ISCED 4)")
        case 5: t(l, "hoger kort (ISCED 5)", "short tertiary (ISCED 5)")
        case 6: t(l, "bachelor (ISCED 6)", "bachelor (ISCED 6)")
        case 7: t(l, "master (ISCED 7)", "master (ISCED 7)")
        default: t(l, "doctoraat (ISCED 8)", "doctorate (ISCED 8)")
        }
    }

    // MARK: Trajectory

    static func trajectory(_ l: UILanguage) -> String { t(l, "Traject", "Trajectory") }
    static func trajectoryEmpty(_ l: UILanguage) -> String {
        t(l, "Nog geen stappen. Een stap schrijft de organisatie die hem begeleidt.",
          "No steps yet. A step is written by the organisation that runs it.")
    }
    static func recordMilestone(_ l: UILanguage) -> String { t(l, "Mijlpaal vastleggen", "Record a milestone") }
    static func changeStep(_ l: UILanguage) -> String { t(l, "Stap wijzigen", "Change a step") }
    static func change(_ l: UILanguage) -> String { t(l, "Wijzigen", "Change") }
    static func addStep(_ l: UILanguage) -> String { t(l, "Stap toevoegen", "Add a step") }
    static func addStepIntro(_ l: UILanguage) -> String {
        t(l, "Een stap die jullie organisatie begeleidt. Lessen Nederlands naast werkervaring zijn twee stappen die tegelijk lopen.",
          "A step your organisation runs. Dutch lessons beside work experience are two steps that run at the same time.")
    }
    static func levelReached(_ l: UILanguage) -> String { t(l, "Bereikt niveau Nederlands", "Dutch level reached") }
    static func stepOutcome(_ l: UILanguage, _ outcome: TrajectoryStepOutcome) -> String {
        switch outcome {
        case .achieved: t(l, "behaald", "achieved")
        case .certificate: t(l, "attest of diploma", "certificate")
        case .partlyAchieved: t(l, "deels behaald", "partly achieved")
        case .notAchieved: t(l, "niet behaald", "not achieved")
        case .droppedOut: t(l, "afgehaakt", "dropped out")
        case .movedToJob: t(l, "doorgestroomd naar werk", "moved to a job")
        case .other: t(l, "andere", "other")
        }
    }
    static func milestones(_ l: UILanguage) -> String { t(l, "Mijlpalen", "Milestones") }
    static func lane(_ l: UILanguage, _ lane: Int) -> String { t(l, "spoor \(lane + 1)", "lane \(lane + 1)") }
    static func from(_ l: UILanguage) -> String { t(l, "Van", "From") }
    static func until(_ l: UILanguage) -> String { t(l, "Tot", "Until") }
    static func stepKind(_ l: UILanguage, _ kind: TrajectoryStepKind) -> String {
        switch kind {
        case .civicOrientation: t(l, "maatschappelijke oriëntatie", "civic orientation")
        case .dutchLessons: t(l, "lessen Nederlands (NT2)", "Dutch lessons (NT2)")
        case .screening: t(l, "screening", "screening")
        case .careerOrientation: t(l, "loopbaanoriëntatie", "career orientation")
        case .training: t(l, "beroepsopleiding", "vocational training")
        case .ibo: t(l, "IBO (opleiding op de werkvloer)", "IBO (training on the job)")
        case .temporaryWorkExperience: t(l, "tijdelijke werkervaring", "temporary work experience")
        case .internship: t(l, "stage", "internship")
        case .intensiveGuidance: t(l, "intensieve begeleiding", "intensive guidance")
        case .jobCoaching: t(l, "jobcoaching", "job coaching")
        case .practiceContact: t(l, "praktijkcontact", "practice contact")
        case .job: t(l, "job in het normaal economisch circuit", "job in the normal economic circuit")
        }
    }
    static func stepStatus(_ l: UILanguage, _ status: TrajectoryStepStatus) -> String {
        switch status {
        case .planned: t(l, "gepland", "planned")
        case .running: t(l, "lopend", "running")
        case .completed: t(l, "afgerond", "completed")
        case .stopped: t(l, "gestopt", "stopped")
        }
    }
    static func milestone(_ l: UILanguage, _ kind: MilestoneKind) -> String {
        switch kind {
        case .protectionRequest: t(l, "beschermingsaanvraag", "protection request")
        case .rightToWork: t(l, "recht op werk", "right to work")
        case .statusDecision: t(l, "beslissing over de status", "status decision")
        case .leavingReception: t(l, "verlaat de opvang", "leaves reception")
        case .firstReferral: t(l, "eerste doorverwijzing", "first referral")
        case .firstJob: t(l, "eerste job", "first job")
        }
    }

    // MARK: Referrals

    static func referralsIntro(_ l: UILanguage) -> String {
        t(l, "Elke doorverwijzing volgt een overeenkomst en komt terug: de verzender ziet altijd de toestand en de uitkomst.",
          "Every referral follows an agreement and comes back: the sender always sees its state and outcome.")
    }
    static func inbox(_ l: UILanguage) -> String { t(l, "Ontvangen", "Received") }
    static func outbox(_ l: UILanguage) -> String { t(l, "Verstuurd", "Sent") }
    static func referralsEmpty(_ l: UILanguage) -> String {
        t(l, "Geen doorverwijzingen in deze lijst. Verwijs door vanuit het dossier van een persoon.",
          "No referrals in this list. Refer from a person's dossier.")
    }
    static func state(_ l: UILanguage) -> String { t(l, "Toestand", "State") }
    static func person(_ l: UILanguage) -> String { t(l, "Persoon", "Person") }
    static func fromOrganisation(_ l: UILanguage) -> String { t(l, "Van", "From") }
    static func toOrganisation(_ l: UILanguage) -> String { t(l, "Aan", "To") }
    static func sentOn(_ l: UILanguage) -> String { t(l, "Verstuurd op", "Sent on") }
    static func dueOn(_ l: UILanguage) -> String { t(l, "Eerste contact uiterlijk", "First contact by") }
    static func onlyOverdue(_ l: UILanguage) -> String { t(l, "Alleen over de termijn", "Only past the deadline") }
    static func filter(_ l: UILanguage) -> String { t(l, "Filteren", "Filter") }
    static func allStates(_ l: UILanguage) -> String { t(l, "Alle toestanden", "All states") }
    static func refer(_ l: UILanguage) -> String { t(l, "Doorverwijzen", "Refer") }
    static func referTitle(_ l: UILanguage) -> String { t(l, "Doorverwijzen", "Refer") }
    static func referIntro(_ l: UILanguage) -> String {
        t(l, "Je kan alleen doorverwijzen naar een organisatie waarmee een overeenkomst van kracht is. Eerst maak je een ontwerp: dan zie je precies wat de ontvanger zal zien, en pas dan verstuur je.",
          "You can only refer to an organisation an agreement in force leads to. First you make a draft: you then see exactly what the receiver will see, and only then you send.")
    }
    static func noRoutes(_ l: UILanguage) -> String {
        t(l, "Er is geen overeenkomst van kracht die van jullie organisatie naar een andere loopt. Vraag je beheerder.",
          "No agreement in force leads from your organisation to another. Ask your administrator.")
    }
    static func receiver(_ l: UILanguage) -> String { t(l, "Naar organisatie", "To organisation") }
    static func reasonForReferral(_ l: UILanguage) -> String { t(l, "Waarom deze doorverwijzing", "Why this referral") }
    static func reasonHint(_ l: UILanguage) -> String {
        t(l, "Wat de ontvanger moet weten om te starten. Geen medische of andere gevoelige details.",
          "What the receiver needs to know to start. No medical or other sensitive details.")
    }
    static func urgency(_ l: UILanguage) -> String { t(l, "Dringend", "Urgent") }
    static func desiredStart(_ l: UILanguage) -> String { t(l, "Gewenste start", "Desired start") }
    static func warmHandOver(_ l: UILanguage) -> String { t(l, "Warme overdracht: het dossier gaat over naar de ontvanger zodra die aanvaardt", "Warm hand-over: the dossier passes to the receiver once it accepts") }
    static func makeDraft(_ l: UILanguage) -> String { t(l, "Ontwerp maken en nakijken", "Make a draft and review it") }
    static func referralTitle(_ l: UILanguage) -> String { t(l, "Doorverwijzing", "Referral") }
    static func preview(_ l: UILanguage) -> String { t(l, "Wat de ontvanger zal zien", "What the receiver will see") }
    static func previewIntro(_ l: UILanguage) -> String {
        t(l, "Dit is exact het profiel dat bij het versturen verzegeld wordt: wat de overeenkomst en de toestemming toelaten.",
          "This is exactly the profile sealed when you send: what the agreement and the consent allow.")
    }
    static func consentFirst(_ l: UILanguage) -> String {
        t(l, "Nu zou niets meegaan: de persoon gaf deze organisatie nog geen toestemming voor dit doel. Leg eerst de toestemming vast.",
          "Nothing would travel now: the person gave this organisation no consent for this purpose yet. Record the consent first.")
    }
    static func backToDossier(_ l: UILanguage) -> String { t(l, "Terug naar het dossier", "Back to the dossier") }
    static func snapshot(_ l: UILanguage) -> String { t(l, "Profiel van de verzender", "Profile from the sender") }
    static func snapshotGone(_ l: UILanguage) -> String {
        t(l, "Het profiel is niet (meer) zichtbaar: de toestemming of de overeenkomst laat het niet toe.",
          "The profile is not visible (any more): the consent or the agreement does not allow it.")
    }
    static func history(_ l: UILanguage) -> String { t(l, "Verloop", "History") }
    static func nextSteps(_ l: UILanguage) -> String { t(l, "Volgende stap", "Next step") }
    static func noNextSteps(_ l: UILanguage) -> String { t(l, "Voor jullie is er geen stap meer te zetten.", "There is no step left for you.") }
    static func refusalReasonLabel(_ l: UILanguage) -> String { t(l, "Reden van weigering", "Reason for refusal") }
    static func explanation(_ l: UILanguage) -> String { t(l, "Toelichting", "Explanation") }
    static func outcome(_ l: UILanguage) -> String { t(l, "Uitkomst", "Outcome") }
    static func notesWithheld(_ l: UILanguage) -> String {
        t(l, "Notities van de andere organisatie zijn weggelaten: de persoon gaf geen toestemming om ze te delen.",
          "Notes of the other organisation are left out: the person gave no consent to share them.")
    }
    static func handOverMeeting(_ l: UILanguage) -> String { t(l, "Overdrachtsgesprek", "Hand-over meeting") }
    static func heldOn(_ l: UILanguage) -> String { t(l, "Datum", "Date") }
    static func participants(_ l: UILanguage) -> String { t(l, "Deelnemers", "Participants") }
    static func notes(_ l: UILanguage) -> String { t(l, "Notities", "Notes") }
    static func recordMeeting(_ l: UILanguage) -> String { t(l, "Gesprek vastleggen", "Record meeting") }
    static func printableProfile(_ l: UILanguage) -> String { t(l, "Profiel om af te drukken", "Printable profile") }
    static func referralSent(_ l: UILanguage) -> String { t(l, "De doorverwijzing is verstuurd.", "The referral was sent.") }
    static func stepDone(_ l: UILanguage) -> String { t(l, "De stap is gezet.", "The step was taken.") }
    static func draftMade(_ l: UILanguage) -> String { t(l, "Ontwerp gemaakt. Kijk na wat de ontvanger zal zien en verstuur.", "Draft made. Review what the receiver will see, then send.") }
    static func cancelQuestion(_ l: UILanguage) -> String {
        t(l, "Deze doorverwijzing annuleren? De ontvanger ziet dat ze geannuleerd is.",
          "Cancel this referral? The receiver sees that it was cancelled.")
    }
    static func referralsOfPerson(_ l: UILanguage) -> String { t(l, "Doorverwijzingen", "Referrals") }
    static func referralsOfPersonEmpty(_ l: UILanguage) -> String { t(l, "Nog geen doorverwijzingen.", "No referrals yet.") }
    static func deadlineOverdue(_ l: UILanguage, _ date: String) -> String { t(l, "te laat sinds \(date)", "overdue since \(date)") }
    static func trainingApplication(_ l: UILanguage) -> String { t(l, "Opleidingsaanvraag voor", "Training application for") }

    static func referralState(_ l: UILanguage, _ state: ReferralState) -> String {
        switch state {
        case .draft: t(l, "ontwerp", "draft")
        case .sent: t(l, "verstuurd", "sent")
        case .received: t(l, "ontvangen", "received")
        case .accepted: t(l, "aanvaard", "accepted")
        case .refused: t(l, "geweigerd", "refused")
        case .inProgress: t(l, "loopt", "in progress")
        case .completed: t(l, "afgerond", "completed")
        case .cancelled: t(l, "geannuleerd", "cancelled")
        }
    }

    static func referralAction(_ l: UILanguage, _ action: ReferralAction) -> String {
        switch action {
        case .send: t(l, "Versturen", "Send")
        case .receive: t(l, "Ontvangst bevestigen", "Confirm receipt")
        case .accept: t(l, "Aanvaarden", "Accept")
        case .refuse: t(l, "Weigeren", "Refuse")
        case .reconsider: t(l, "Heroverwegen na overleg", "Reconsider after talks")
        case .start: t(l, "Begeleiding starten", "Start guidance")
        case .complete: t(l, "Afronden met uitkomst", "Complete with outcome")
        case .cancel: t(l, "Annuleren", "Cancel")
        }
    }

    static func referralOutcome(_ l: UILanguage, _ outcome: ReferralOutcome) -> String {
        switch outcome {
        case .job: t(l, "job in het normaal economisch circuit", "job in the normal economic circuit")
        case .trainingStarted: t(l, "opleiding gestart", "training started")
        case .ibo: t(l, "IBO", "IBO")
        case .workExperience: t(l, "werkervaring", "work experience")
        case .backToSender: t(l, "terug naar de verzender", "back to the sender")
        case .droppedOut: t(l, "afgehaakt", "dropped out")
        case .other: t(l, "andere", "other")
        }
    }

    // MARK: Offers

    static func offersIntro(_ l: UILanguage) -> String {
        t(l, "Opleidingen, lessen Nederlands, vacatures en werkplekken in de keten.",
          "Trainings, Dutch courses, vacancies and work places in the chain.")
    }
    static func kind(_ l: UILanguage) -> String { t(l, "Soort", "Kind") }
    static func sector(_ l: UILanguage) -> String { t(l, "Sector", "Sector") }
    static func region(_ l: UILanguage) -> String { t(l, "Regio", "Region") }
    static func provider(_ l: UILanguage) -> String { t(l, "Aanbieder", "Provider") }
    static func starts(_ l: UILanguage) -> String { t(l, "Start", "Starts") }
    static func seatsLeft(_ l: UILanguage) -> String { t(l, "Vrije plaatsen", "Seats left") }
    static func offersEmpty(_ l: UILanguage) -> String {
        t(l, "Geen aanbod met deze filters. Maak de filters ruimer.", "No offers with these filters. Widen the filters.")
    }
    static func fittingOffers(_ l: UILanguage) -> String { t(l, "Aanbod dat past", "Offers that fit") }
    static func fittingOffersEmpty(_ l: UILanguage) -> String {
        t(l, "Geen passend aanbod gevonden. Vul talen, opleiding en wensen aan om beter te zoeken.",
          "No fitting offer found. Add languages, education and wishes to search better.")
    }
    static func whyItFits(_ l: UILanguage) -> String { t(l, "Waarom het past", "Why it fits") }
    static func toCheck(_ l: UILanguage) -> String { t(l, "Na te gaan", "To check") }
    static func candidates(_ l: UILanguage) -> String { t(l, "Kandidaten die passen", "Candidates who fit") }
    static func candidatesEmpty(_ l: UILanguage) -> String {
        t(l, "Geen van de personen die je mag zien past bij dit aanbod.", "None of the persons you may see fits this offer.")
    }
    static func admission(_ l: UILanguage) -> String { t(l, "Toelating", "Admission") }
    static func schedule(_ l: UILanguage) -> String { t(l, "Rooster", "Schedule") }
    static func apply(_ l: UILanguage) -> String { t(l, "Aanvragen", "Apply") }
    static func offerKind(_ l: UILanguage, _ kind: OfferKind) -> String {
        switch kind {
        case .training: t(l, "opleiding", "training")
        case .dutchCourse: t(l, "cursus Nederlands", "Dutch course")
        case .civicOrientation: t(l, "maatschappelijke oriëntatie", "civic orientation")
        case .vacancy: t(l, "vacature", "vacancy")
        case .iboPlace: t(l, "IBO-plaats", "IBO place")
        case .workExperiencePlace: t(l, "werkervaringsplaats", "work-experience place")
        case .internshipPlace: t(l, "stageplaats", "internship place")
        }
    }
    static func offerSchedule(_ l: UILanguage, _ schedule: OfferSchedule) -> String {
        switch schedule {
        case .day: t(l, "overdag", "day")
        case .evening: t(l, "'s avonds", "evening")
        case .weekend: t(l, "weekend", "weekend")
        case .partTime: t(l, "deeltijds", "part-time")
        case .selfPaced: t(l, "in eigen tempo", "self-paced")
        }
    }
    static func minDutch(_ l: UILanguage, _ level: String) -> String { t(l, "Nederlands minstens \(level)", "Dutch at least \(level)") }
    static func maxDutch(_ l: UILanguage, _ level: String) -> String { t(l, "Nederlands hoogstens \(level)", "Dutch at most \(level)") }
    static func rightToWorkNeeded(_ l: UILanguage) -> String { t(l, "recht op werk nodig", "right to work needed") }
    static func noRequirements(_ l: UILanguage) -> String { t(l, "geen bijzondere voorwaarden", "no special requirements") }
}
