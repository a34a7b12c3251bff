import SchakelCore
/// Every string the pages and error messages show, in one place (Dutch, English).
enum Strings {
    // Errors
    static let databaseBusy = Text(nl: "Het is nu erg druk. Probeer het over enkele seconden opnieuw.",
                                   en: "It is very busy right now. Please try again in a few seconds.")
    static let invalidCredentials = Text(nl: "Het e-mailadres of het wachtwoord klopt niet.",
                                         en: "The e-mail address or password is incorrect.")
    static let slowDown = Text(nl: "Te veel mislukte pogingen. Probeer het over %d seconden opnieuw.",
                               en: "Too many failed attempts. Try again in %d seconds.")
    static let accountLocked = Text(nl: "Dit account is tijdelijk vergrendeld na te veel mislukte pogingen. Probeer het over %d minuten opnieuw.",
                                    en: "This account is temporarily locked after too many failed attempts. Try again in %d minutes.")
    static let signInBusy = Text(nl: "Er worden nu te veel aanmeldingen tegelijk gecontroleerd. Probeer het over %d seconden opnieuw.",
                                 en: "Too many sign-ins are being checked right now. Try again in %d seconds.")
    static let unauthorized = Text(nl: "Meld je aan om verder te gaan.", en: "Sign in to continue.")
    static let forbidden = Text(nl: "Je hebt geen toegang tot deze gegevens.", en: "You do not have access to this data.")
    static let notFound = Text(nl: "Deze pagina of dit gegeven bestaat niet.", en: "This page or record does not exist.")
    static let malformedBody = Text(nl: "De gegevens konden niet gelezen worden: geen geldige JSON.",
                                    en: "The request body could not be read: not valid JSON.")
    static let bodyTooLarge = Text(nl: "De gegevens zijn te groot (maximum %@).", en: "The request body is too large (at most %@).")
    static let missingField = Text(nl: "Dit veld is verplicht.", en: "This field is required.")
    static let wrongType = Text(nl: "Dit veld heeft een ongeldige waarde.", en: "This field has an invalid value.")
    static let conflict = Text(nl: "Dit gegeven bestaat al of werd intussen gewijzigd.", en: "This record already exists or was changed in the meantime.")
    static let internalError = Text(nl: "Er ging iets mis aan onze kant. Probeer het later opnieuw.",
                                    en: "Something went wrong on our side. Please try again later.")
    static let badRequest = Text(nl: "Het verzoek is ongeldig.", en: "The request is invalid.")
    static let csrf = Text(nl: "Het formulier is verlopen. Laad de pagina opnieuw en probeer nog eens.",
                           en: "The form has expired. Reload the page and try again.")

    // Validation reasons
    static let notAnEmail = Text(nl: "Geef een geldig e-mailadres.", en: "Enter a valid e-mail address.")
    static let tooLong = Text(nl: "Maximaal %d tekens.", en: "At most %d characters.")
    static let empty = Text(nl: "Vul dit veld in.", en: "Fill in this field.")
    static let notAnInteger = Text(nl: "Geef een geheel getal van %d tot %d.", en: "Enter a whole number from %d to %d.")
    static let unknownValue = Text(nl: "Onbekende waarde. Toegelaten: %@.", en: "Unknown value. Allowed: %@.")
    static let countryCode = Text(nl: "Geef een landcode van twee hoofdletters (ISO 3166), bv. SY.", en: "Enter a two-letter country code (ISO 3166), e.g. SY.")
    static let dateInFuture = Text(nl: "Deze datum ligt in de toekomst.", en: "This date is in the future.")
    static let iscoCode = Text(nl: "Geef een ISCO-08-beroepscode van vier cijfers.", en: "Enter a four-digit ISCO-08 occupation code.")
    static let tooMany = Text(nl: "Te veel regels.", en: "Too many entries.")
    static let unknownMunicipality = Text(nl: "Onbekende gemeente (NIS-code).", en: "Unknown municipality (NIS code).")
    static let staleVersion = Text(nl: "Iemand anders heeft dit dossier intussen gewijzigd. Laad het opnieuw; je wijzigingen zijn niet bewaard.",
                                   en: "Someone else changed this dossier in the meantime. Reload it; your changes were not saved.")
    static let illegalTransition = Text(nl: "De stap '%@' kan niet bij een doorverwijzing in toestand '%@'. Mogelijk nu: %@.",
                                        en: "The step '%@' is not possible for a referral in state '%@'. Possible now: %@.")
    static let wrongParty = Text(nl: "De stap '%@' is aan de %@ van de doorverwijzing.", en: "The step '%@' belongs to the %@ of the referral.")
    static let noAgreementRoute = Text(nl: "Er is geen geldige samenwerkingsovereenkomst die deze doorverwijzing toelaat.",
                                       en: "No agreement in force allows a referral to this organisation.")
    static let noConsentForReceiver = Text(nl: "De persoon gaf geen toestemming om gegevens te delen met deze organisatie voor dit doel.",
                                           en: "The person gave no consent to share data with this organisation for this purpose.")
    static let sameOrganisation = Text(nl: "Je kan niet doorverwijzen naar je eigen organisatie.", en: "You cannot refer to your own organisation.")
    static let consentTextNotShown = Text(
        nl: "De tekst in deze taal werd niet getoond. Toon eerst de tekst in de taal van de persoon.",
        en: "The text in this language was not shown. Show the text in the person's language first.")
    static let consentHelpRequired = Text(
        nl: "Deze tekst is niet nagelezen door een gekwalificeerd vertaler, of de persoon kan hem niet lezen: vul de tolk (naam of dienst) of een getuige in.",
        en: "This text was not reviewed by a qualified translator, or the person cannot read it: fill in the interpreter (name or service) or a witness.")
    static let languageCode = Text(nl: "Geef een taalcode van twee of drie kleine letters (ISO 639), bv. ar.",
                                   en: "Enter a language code of two or three lower-case letters (ISO 639), e.g. ar.")
    static let witnessRequired = Text(nl: "Bij mondelinge toestemming is de naam van een getuige verplicht.", en: "Oral consent needs the name of a witness.")
    static let notOwner = Text(nl: "Alleen de organisatie die het dossier beheert kan dit doen.", en: "Only the organisation that owns the dossier can do this.")
    static let notADate = Text(nl: "Geef een datum als JJJJ-MM-DD.", en: "Enter a date as YYYY-MM-DD.")
    static let csvProblems = Text(nl: "Het bestand werd niet ingeladen: %@ fout(en), elk met regel en kolom in 'problems'.",
                                  en: "The file was not loaded: %@ problem(s), each with its line and column in 'problems'.")
    static let notTheOfferProvider = Text(nl: "Een opleidingsaanvraag gaat naar de aanbieder van het aanbod of naar de arbeidsbemiddeling.",
                                          en: "A training application goes to the offer's provider or to the employment service.")
    static let offerNeedsTraining = Text(nl: "Een aanvraag voor een aanbod heeft het doel 'training'.",
                                         en: "An application for an offer has the purpose 'training'.")
    static let noSeatsLeft = Text(nl: "Er zijn geen plaatsen meer vrij in dit aanbod.", en: "No seats are left in this offer.")
    static let targetOutsideChain = Text(nl: "Je kan alleen doelen zetten voor je eigen organisatie en de organisaties die met haar in een geldige samenwerkingsovereenkomst staan.",
                                         en: "You can set targets only for your own organisation and the organisations party with it to an agreement in force.")
    static let tooManyOffers = Text(nl: "Een aanbieder heeft hoogstens %@ aanbiedingen in de catalogus; met dit bestand zou %@ er %@ hebben. Er werd niets ingeladen.",
                                    en: "A provider has at most %@ offers in the catalogue; with this file %@ would have %@. Nothing was loaded.")
    static let dateTooFarAhead = Text(nl: "Deze datum ligt meer dan een jaar vooruit.", en: "This date is more than a year ahead.")
    static let notAParticipant = Text(nl: "Deze organisatie neemt niet deel aan het overleg.", en: "This organisation does not take part in the conference.")
    static let noConsentForConference = Text(nl: "De persoon gaf geen toestemming om besproken te worden met: %@.",
                                             en: "The person gave no consent to be discussed with: %@.")
    static let notInEarlierConference = Text(nl: "Een opvolgoverleg heeft geen deelnemers die niet aan het vorige overleg deelnamen.",
                                             en: "A follow-up conference has no participants that were not in the earlier one.")
    static let notAHandOver = Text(nl: "Deze doorverwijzing is geen warme overdracht.", en: "This referral is not a warm hand-over.")
    static let notInOrganisation = Text(nl: "Deze medewerker hoort niet bij de behandelende organisatie.",
                                        en: "This member of staff is not with the handling organisation.")
    static let illegalRequestStep = Text(nl: "Dit kan niet bij een werkgeversvraag in toestand '%@'. Mogelijk nu: %@.",
                                         en: "This cannot be done to an employer request in state '%@'. Possible now: %@.")

    // The registry: organisations and agreements
    static let lengthBetween = Text(nl: "Geef %d tot %d tekens.", en: "Enter %d to %d characters.")
    static let nameNeedsLetters = Text(nl: "Een naam heeft letters of cijfers nodig.", en: "A name needs letters or digits.")
    static let organisationExists = Text(nl: "Er is al een organisatie met deze naam in deze regio.",
                                         en: "There is already an organisation with this name in this region.")
    static let unknownRegion = Text(nl: "Onbekende regio (NIS-code).", en: "Unknown region (NIS code).")
    static let municipalityOutsideRegion = Text(nl: "Deze gemeente ligt niet in de gekozen regio.", en: "This municipality is not in the chosen region.")
    static let unknownParty = Text(nl: "Een van de organisaties bestaat niet.", en: "One of the organisations does not exist.")
    static let notYourself = Text(nl: "Je kan je eigen rol of account hier niet wijzigen: laat dat een andere beheerder doen.",
                                  en: "You cannot change your own role or account here: have another administrator do it.")
    static let agreementEnded = Text(nl: "Deze samenwerkingsovereenkomst is beëindigd.", en: "This agreement has ended.")

    static func agreementProblem(_ reason: AgreementRules.Reason) -> Text {
        switch reason {
        case .titleLength: return Text(nl: "Geef een titel van %d tot %d tekens.", en: "Enter a title of %d to %d characters.")
        case .periodBackwards: return Text(nl: "De einddatum ligt voor de begindatum.", en: "The end date is before the start date.")
        case .tooFewParties: return Text(nl: "Een overeenkomst heeft minstens twee partijen.", en: "An agreement has at least two parties.")
        case .proposerNotParty: return Text(nl: "Je eigen organisatie moet partij zijn: je legt alleen overeenkomsten van je eigen organisatie vast.",
                                            en: "Your own organisation must be a party: you record only your own organisation's agreements.")
        case .routeOutsideParties: return Text(nl: "Een route loopt tussen twee partijen van de overeenkomst.",
                                               en: "A route runs between two parties of the agreement.")
        case .routeToItself: return Text(nl: "Een route loopt naar een andere organisatie.", en: "A route goes to another organisation.")
        case .routeNotFromProposer: return Text(nl: "Je opent alleen routes vanuit je eigen organisatie: de gegevens van een andere organisatie opent haar eigen beheerder.",
                                                en: "You open only routes from your own organisation: another organisation's data is opened by its own administrator.")
        case .noCategories: return Text(nl: "Kies minstens één soort gegevens.", en: "Choose at least one kind of data.")
        case .responseDays: return Text(nl: "Geef een termijn van 1 tot 30 werkdagen.", en: "Enter a term of 1 to 30 working days.")
        case .duplicateRoute: return Text(nl: "Deze route bestaat al in deze overeenkomst.", en: "This route already exists in this agreement.")
        case .agreementEnded: return agreementEnded
        }
    }

    // The printable hand-over profile
    static let profileTitle = Text(nl: "Profiel voor warme overdracht", en: "Profile for a warm hand-over")
    static let profileRoute = Text(nl: "Van %@ aan %@ · doel: %@", en: "From %@ to %@ · purpose: %@")
    static let profileReference = Text(nl: "Dossiernummer", en: "Dossier number")
    static let profileName = Text(nl: "Naam", en: "Name")
    static let profileBirthDate = Text(nl: "Geboortedatum", en: "Date of birth")
    static let profileCountry = Text(nl: "Land van herkomst", en: "Country of origin")
    static let profilePhone = Text(nl: "Telefoon", en: "Phone")
    static let profileEmail = Text(nl: "E-mail", en: "E-mail")
    static let profileRightToWork = Text(nl: "Mag werken vanaf", en: "May work from")
    static let profileLanguages = Text(nl: "Talen", en: "Languages")
    static let profileExperience = Text(nl: "Werkervaring", en: "Work experience")
    static let profileYears = Text(nl: "jaar", en: "years")
    static let profileEducation = Text(nl: "Opleiding", en: "Education")
    static let profileWithheld = Text(nl: "Niet gedeeld", en: "Not shared")
    static let profileWithheldExplained = Text(
        nl: "Deze gegevens gaan niet mee: de samenwerkingsovereenkomst of de toestemming van de persoon dekt ze niet.",
        en: "These data do not travel: the agreement or the person's consent does not cover them.")
    static let profileMeeting = Text(nl: "Overdrachtsgesprek", en: "Hand-over meeting")
    static let profilePrinted = Text(nl: "Afgedrukt op %@. Vertrouwelijk: persoonsgegevens.", en: "Printed on %@. Confidential: personal data.")

    static func stepProblem(_ problem: TrajectoryStepProblem) -> Text {
        switch problem {
        case .endsBeforeStart: return Text(nl: "De einddatum ligt voor de startdatum.", en: "The end date is before the start date.")
        case .levelOnlyForDutch: return Text(nl: "Een bereikt niveau hoort alleen bij lessen Nederlands (NT2).",
                                             en: "A level reached belongs only to Dutch lessons (NT2).")
        case .outcomeOnlyWhenClosed: return Text(nl: "Een resultaat kan pas als de stap afgerond of gestopt is.",
                                                 en: "An outcome can only be given once the step is completed or stopped.")
        case .runningStartsInFuture: return Text(nl: "Een lopende stap kan niet in de toekomst beginnen.",
                                                 en: "A running step cannot start in the future.")
        case .closedNeedsEnd: return Text(nl: "Een afgeronde of gestopte stap heeft een einddatum nodig.",
                                          en: "A completed or stopped step needs an end date.")
        case .closedNeedsOutcome: return Text(nl: "Een afgeronde of gestopte stap heeft een resultaat nodig.",
                                              en: "A completed or stopped step needs an outcome.")
        case .closedEndsInFuture: return Text(nl: "Een afgeronde stap kan niet in de toekomst eindigen.",
                                              en: "A completed step cannot end in the future.")
        }
    }

    // Pages
    static let appName = Text(nl: "Schakel", en: "Schakel")
    static let tagline = Text(nl: "Samen naar werk: één keten voor nieuwkomers", en: "Working together: one chain for newcomers")
    static let skipToContent = Text(nl: "Naar de inhoud", en: "Skip to content")
    static let signInTitle = Text(nl: "Aanmelden", en: "Sign in")
    static let email = Text(nl: "E-mailadres", en: "E-mail address")
    static let password = Text(nl: "Wachtwoord", en: "Password")
    static let signInButton = Text(nl: "Aanmelden", en: "Sign in")
    static let signOutButton = Text(nl: "Afmelden", en: "Sign out")
    static let welcome = Text(nl: "Welkom, %@", en: "Welcome, %@")
    static let yourOrganisation = Text(nl: "Organisatie", en: "Organisation")
    static let yourRole = Text(nl: "Rol", en: "Role")
    static let errorTitle = Text(nl: "Er ging iets mis", en: "Something went wrong")
    static let backHome = Text(nl: "Terug naar de startpagina", en: "Back to the start page")
    static let demoNotice = Text(nl: "Demo-omgeving: alle personen zijn verzonnen.", en: "Demo environment: every person is invented.")
    static let demoLabel = Text(nl: "Demo", en: "Demo")
    static let languageSwitch = Text(nl: "English", en: "Nederlands")

    static func role(_ role: String) -> Text {
        switch role {
        case "social-worker": return Text(nl: "Maatschappelijk werker", en: "Social worker")
        case "trajectory-counsellor": return Text(nl: "Trajectbegeleider", en: "Trajectory counsellor")
        case "job-counsellor": return Text(nl: "Jobcoach / arbeidsbemiddelaar", en: "Job counsellor")
        case "consultant": return Text(nl: "Consulent", en: "Consultant")
        case "employer-contact": return Text(nl: "Werkgeverscontact", en: "Employer contact")
        case "analyst": return Text(nl: "Coördinator / beleidsanalist", en: "Coordinator / policy analyst")
        case "administrator": return Text(nl: "Beheerder", en: "Administrator")
        default: return Text(nl: role, en: role)
        }
    }
    // Figures
    static let notAMonth = Text(nl: "Geef een maand als jjjj-mm, bijvoorbeeld 2026-03.", en: "Give a month as yyyy-mm, for example 2026-03.")
    static let periodBackwards = Text(nl: "Het einde van de periode ligt vóór het begin.", en: "The period ends before it starts.")
    static func surveyProblem(_ reason: SurveyProblemReason) -> Text {
        switch reason {
        case .missingRequired: Text(nl: "Deze vraag moet beantwoord worden.", en: "This question needs an answer.")
        case .notOnScale: Text(nl: "Kies een waarde van 1 tot 5.", en: "Choose a value from 1 to 5.")
        case .notYesOrNo: Text(nl: "Antwoord met yes of no.", en: "Answer yes or no.")
        case .tooLong: Text(nl: "Het antwoord is te lang.", en: "The answer is too long.")
        case .unknownKey: Text(nl: "Deze vraag staat niet in de vragenlijst.", en: "This question is not in the questionnaire.")
        }
    }
    static let periodInQuarters = Text(nl: "De cijfers gaan per kwartaal: begin in januari, april, juli of oktober en eindig in maart, juni, september of december.",
                                       en: "The figures go by quarter: start in January, April, July or October and end in March, June, September or December.")
    static let periodTooLong = Text(nl: "Kies een periode van hoogstens tien jaar.", en: "Choose a period of at most ten years.")
    static let unknownAgreement = Text(nl: "Dit samenwerkingsakkoord bestaat niet.", en: "There is no such agreement.")
    static let unknownOrganisation = Text(nl: "Deze organisatie bestaat niet.", en: "There is no such organisation.")
    static let notAnID = Text(nl: "Dit is geen geldige id.", en: "This is not a valid id.")
    static let notARoute = Text(nl: "Geef een route als van-id>naar-id.", en: "Give a route as from-id>to-id.")
    static let notACohort = Text(nl: "Geef een cohorte als right-to-work:jjjj-mm of first-referral:jjjj-mm.",
                                 en: "Give a cohort as right-to-work:yyyy-mm or first-referral:yyyy-mm.")
    static let figuresOnlyForCoordinators = Text(nl: "De cijfers zijn er voor coördinatoren en beleidsanalisten.",
                                                 en: "The figures are for coordinators and policy analysts.")
    static let targetEndsBeforeStart = Text(nl: "De einddatum ligt vóór de begindatum.", en: "The end date is before the start date.")
    static let mustBePositive = Text(nl: "Geef een getal groter dan 0.", en: "Give a number greater than 0.")
    static let unknownIndicator = Text(nl: "Deze indicator bestaat niet. Mogelijk: %@.", en: "There is no such indicator. Possible: %@.")
}

extension Text {
    func formatted(_ language: UILanguage, _ arguments: any CVarArg...) -> String {
        String(format: self(language), arguments: arguments)
    }

    /// The text with each `%@` replaced, in order, by a string argument.
    func filled(_ language: UILanguage, _ arguments: String...) -> String {
        var text = self(language)
        for argument in arguments {
            guard let range = text.range(of: "%@") else { break }
            text.replaceSubrange(range, with: argument)
        }
        return text
    }
}
