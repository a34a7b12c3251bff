import Fluent
import Foundation
import SchakelCore
import Vapor

extension Web {
    /// `/personen`: the list and the name search, the early screening, the dossier with its parts,
    /// editing, and consent. Every read and write goes through the features the JSON API calls too, so the
    /// access rule, validation, transactions and audit are the same for both.
    struct PersonController {
        // MARK: List and search

        @Sendable func list(_ request: Request) async throws -> Response {
            let context = try await PageContext.load(request)
            let caller = try request.caller
            try caller.requireCaseworker()
            let page = try await Persons.listing(purpose: try request.purpose(), nameIndex: nil, paging: try Paging(request), caller: caller)
            return PersonListPage(context: context, page: page, searched: false, name: "", error: nil).render()
        }

        struct SearchForm: Content {
            let naam: String?
        }

        /// A POST, so the name never stands in a URL or an access log.
        @Sendable func search(_ request: Request) async throws -> Response {
            try request.verifyForm()
            let context = try await PageContext.load(request)
            let caller = try request.caller
            try caller.requireCaseworker()
            let purpose = try request.purpose()
            let name = (try request.content.decode(SearchForm.self).naam ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            guard !name.isEmpty, name.count <= 200 else {
                let message = name.isEmpty ? Strings.empty(context.language) : Strings.tooLong(context.language).replacingOccurrences(of: "%d", with: "200")
                let page = try await Persons.listing(purpose: purpose, nameIndex: nil, paging: try Paging(request), caller: caller)
                return PersonListPage(context: context, page: page, searched: false, name: String(name.prefix(200)), error: message)
                    .render(status: .unprocessableEntity)
            }
            let page = try await Persons.listing(purpose: purpose, nameIndex: caller.keyring.blindIndex(name),
                                                 paging: Paging(page: 1, per: 50), caller: caller)
            return PersonListPage(context: context, page: page, searched: true, name: name, error: nil).render()
        }

        // MARK: Early screening

        /// Interview mode's language (`?gesprek=ar`), kept in the form's address so a refused form keeps it.
        static func interview(_ request: Request) -> ConsentLanguage? {
            (try? request.query.get(String.self, at: "gesprek")).flatMap(ConsentLanguage.init(rawValue:)).flatMap { $0 == .nl ? nil : $0 }
        }

        @Sendable func newForm(_ request: Request) async throws -> Response {
            let context = try await PageContext.load(request)
            try request.caller.requireCaseworker()
            return PersonFormPage(context: context, person: nil, state: FormState(), municipalities: try await Self.municipalities(request), interview: Self.interview(request))
                .render()
        }

        @Sendable func create(_ request: Request) async throws -> Response {
            try request.verifyForm()
            let context = try await PageContext.load(request)
            let caller = try request.caller
            try caller.requireCaseworker()
            let values = try request.content.decode([String: String].self)
            // Everything a form can tell at once is told at once: each missing field and each unreadable date.
            let problems = PersonFormInput.problems(values, creating: true, language: context.language)
            guard problems.isEmpty else {
                return PersonFormPage(context: context, person: nil, state: FormState(values: values, errors: problems),
                                      municipalities: try await Self.municipalities(request), interview: Self.interview(request)).render(status: .unprocessableEntity)
            }
            do {
                let input = try PersonFormInput.input(values, existing: nil, today: caller.today)
                let created = try await Persons.create(input, caller: caller)
                request.flash(UIText.saved(context.language))
                return request.redirect(to: SiteURL.person(created.id), redirectType: .normal)
            } catch {
                let state = try FormState.failed(error, values: values, language: context.language, fieldMap: PersonFormInput.fieldMap)
                return PersonFormPage(context: context, person: nil, state: state, municipalities: try await Self.municipalities(request), interview: Self.interview(request))
                    .render(status: .unprocessableEntity)
            }
        }

        // MARK: The dossier

        @Sendable func show(_ request: Request) async throws -> Response {
            let context = try await PageContext.load(request)
            let caller = try request.caller
            try caller.requireCaseworker()
            let view = try await Persons.dossier(try request.uuidParameter("personID"), purpose: try request.purpose(),
                                                 caller: caller)
            return DossierPage(context: context, person: view.person, version: view.dossier.version, isOwner: view.isOwner,
                               consents: view.consents, accessLog: view.accessLog, trajectory: view.trajectory,
                               referrals: view.referrals,
                               recommendations: view.recommendations.map {
                                   OfferForPersonDTO(offer: OfferDTO($0.offer), eligibility: EligibilityDTO($0.eligibility, context.language),
                                                     fit: FitDTO($0.fit, context.language))
                               },
                               municipality: view.municipality, today: caller.today, portal: view.portal,
                               corrections: view.corrections).render()
        }

        // MARK: Edit

        @Sendable func editForm(_ request: Request) async throws -> Response {
            let context = try await PageContext.load(request)
            let caller = try request.caller
            let dossier = try await Persons.ownedForForm(try request.uuidParameter("personID"), shows: Set(DataCategory.allCases), caller: caller)
            let identifiers = try caller.identifiers(of: dossier)
            return PersonFormPage(context: context, person: dossier,
                                  state: FormState(values: PersonFormInput.values(of: dossier, identifiers: identifiers)),
                                  municipalities: try await Self.municipalities(request), interview: Self.interview(request)).render()
        }

        @Sendable func update(_ request: Request) async throws -> Response {
            try request.verifyForm()
            let context = try await PageContext.load(request)
            let caller = try request.caller
            // Refused before the path is read: else a 403 for a person and a 404 for an id that names no one would
            // tell any signed-in role whether a dossier exists.
            try caller.requireCaseworker()
            let dossier = try await Persons.target(try request.uuidParameter("personID"), action: .update, caller: caller)
            let values = try request.content.decode([String: String].self)
            do {
                _ = try await Persons.update(dossier, caller: caller) {
                    try PersonFormInput.input(values, existing: dossier, today: caller.today)
                }
                request.flash(UIText.saved(context.language))
                return request.redirect(to: SiteURL.person(dossier.id), redirectType: .normal)
            } catch {
                let state = try FormState.failed(error, values: values, language: context.language, fieldMap: PersonFormInput.fieldMap)
                return PersonFormPage(context: context, person: dossier, state: state, municipalities: try await Self.municipalities(request), interview: Self.interview(request))
                    .render(status: error is SchakelError && (error as! SchakelError).status == .conflict ? .conflict : .unprocessableEntity)
            }
        }

        // MARK: Consent

        /// One form, three steps (the button pressed, `stap`): show the text in the person's language for the choices
        /// made, print the sheet to sign, or record. Recording checks that this very text was shown.
        @Sendable func addConsent(_ request: Request) async throws -> Response {
            try request.verifyForm()
            let context = try await PageContext.load(request)
            let caller = try request.caller
            // Refused before the path is read, as `update`.
            try caller.requireCaseworker()
            let dossier = try await Persons.target(try request.uuidParameter("personID"), action: .consentGiven, caller: caller)
            let values = try request.content.decode([String: String].self)
            // The Dutch beside the person's language (interview mode), for a caseworker who does not read it.
            let (shown, dutch) = try await Consents.form(for: dossier, choices: ConsentFormInput.choices(values), caller: caller)
            switch values["stap"] {
            case "tonen":
                var state = FormState.resubmitted(values, errors: [:])
                state.values["stap"] = nil
                let errors = shown == nil ? ["categories": UIText.consentChoicesFirst(context.language)] : [:]
                return ConsentFormPage(context: context, personID: dossier.id, state: FormState(values: state.values, errors: errors),
                                       shown: shown, dutch: dutch).render(status: shown == nil ? .unprocessableEntity : .ok)
            case "afdrukken":
                guard let shown else {
                    return ConsentFormPage(context: context, personID: dossier.id,
                                           state: FormState(values: values, errors: ["categories": UIText.consentChoicesFirst(context.language)]))
                        .render(status: .unprocessableEntity)
                }
                return ConsentSheetPage(language: context.language, shown: shown, dutch: dutch ?? shown).render()
            default:
                // The text shown counts only if it is the one these choices give now.
                let showing: Consents.Showing = .shown(values["shownText"] == shown?.fingerprint
                                                       ? values["shownLanguage"].flatMap(ConsentLanguage.init(rawValue:)) : nil)
                do {
                    _ = try await Consents.record(for: dossier, showing: showing, caller: caller) {
                        try ConsentFormInput.input(values, context: context)
                    }
                    request.flash(UIText.consentRecorded(context.language))
                    return request.redirect(to: SiteURL.person(dossier.id).fragment("toestemmingen"), redirectType: .normal)
                } catch {
                    let state = try FormState.failed(error, values: values, language: context.language, fieldMap: ConsentFormInput.fieldMap)
                    return ConsentFormPage(context: context, personID: dossier.id, state: state, shown: shown, dutch: dutch)
                        .render(status: .unprocessableEntity)
                }
            }
        }

        @Sendable func consentForm(_ request: Request) async throws -> Response {
            let context = try await PageContext.load(request)
            let dossier = try await Persons.ownedForForm(try request.uuidParameter("personID"), shows: [], caller: try request.caller)
            return ConsentFormPage(context: context, personID: dossier.id,
                                   state: FormState(values: ["purpose": Purpose.guidanceToWork.rawValue, "method": ConsentMethod.signedForm.rawValue,
                                                             "textLanguage": ConsentLanguage.nl.rawValue])).render()
        }

        /// The consent as the person saw or heard it, with its state; the withdrawal asks first.
        @Sendable func consent(_ request: Request) async throws -> Response {
            let context = try await PageContext.load(request)
            let consent = try await Self.ownedConsent(request)
            return ConsentPage(context: context, consent: try ConsentDTO(consent, now: request.now), confirmWithdrawal: false).render()
        }

        @Sendable func confirmWithdrawal(_ request: Request) async throws -> Response {
            let context = try await PageContext.load(request)
            let consent = try await Self.ownedConsent(request)
            return ConsentPage(context: context, consent: try ConsentDTO(consent, now: request.now), confirmWithdrawal: true).render()
        }

        @Sendable func withdraw(_ request: Request) async throws -> Response {
            try request.verifyForm()
            let context = try await PageContext.load(request)
            let consent = try await Consents.withdraw(try request.uuidParameter("consentID"), caller: try request.caller)
            request.flash(UIText.consentWithdrawn(context.language))
            return request.redirect(to: SiteURL.person(consent.personId).fragment("toestemmingen"), redirectType: .normal)
        }

        // MARK: Trajectory steps

        @Sendable func stepForm(_ request: Request) async throws -> Response {
            let context = try await PageContext.load(request)
            let dossier = try await Self.writable(request, shows: [])
            return StepFormPage(context: context, personID: dossier.id,
                                state: FormState(values: ["status": TrajectoryStepStatus.planned.rawValue])).render()
        }

        @Sendable func addStep(_ request: Request) async throws -> Response {
            try request.verifyForm()
            let context = try await PageContext.load(request)
            let personID = try request.uuidParameter("personID")
            let values = try request.content.decode([String: String].self)
            do {
                let caller = try request.caller
                try caller.requireCaseworker()
                _ = try await Trajectories.addStep(to: personID, purpose: try request.purpose(), caller: caller) {
                    let form = FormValues(values)
                    return TrajectoryStepInput(kind: try form.choice("kind", TrajectoryStepKind.self),
                                               status: try form.choice("status", TrajectoryStepStatus.self),
                                               provider: form.text("provider"), startsOn: try form.date("startsOn"), endsOn: try form.date("endsOn"),
                                               outcome: try form.choice("outcome", TrajectoryStepOutcome.self),
                                               levelReached: try form.choice("levelReached", CEFRLevel.self), note: form.text("note"))
                }
                request.flash(UIText.saved(context.language))
                return request.redirect(to: SiteURL.person(personID).fragment("traject"), redirectType: .normal)
            } catch let error as SchakelError where error.field != nil {
                return StepFormPage(context: context, personID: personID,
                                    state: FormState(values: values, errors: [error.field!: error.message(context.language)]))
                    .render(status: .unprocessableEntity)
            }
        }

        /// A step of the reader's own organisation, changed from the version it was read in.
        @Sendable func stepEditForm(_ request: Request) async throws -> Response {
            let context = try await PageContext.load(request)
            let dossier = try await Self.writable(request, shows: [.trajectoryAndReferrals])
            let step = try await Trajectories.ownStep(try request.uuidParameter("stepID"), of: dossier.id, caller: try request.caller)
            let values: [String: String] = [
                "kind": step.kind.rawValue, "status": step.status.rawValue, "startsOn": step.startsOn.iso, "endsOn": step.endsOn?.iso ?? "",
                "provider": step.provider ?? "", "levelReached": step.levelReached?.rawValue ?? "", "outcome": step.outcome?.rawValue ?? "",
                "note": step.note ?? "", "version": String(step.version),
            ]
            return StepFormPage(context: context, personID: dossier.id, state: FormState(values: values), stepID: step.id).render()
        }

        @Sendable func updateStep(_ request: Request) async throws -> Response {
            try request.verifyForm()
            let context = try await PageContext.load(request)
            let personID = try request.uuidParameter("personID")
            let stepID = try request.uuidParameter("stepID")
            let values = try request.content.decode([String: String].self)
            do {
                let caller = try request.caller
                try caller.requireCaseworker()
                _ = try await Trajectories.updateStep(stepID, of: personID, purpose: try request.purpose(), caller: caller) {
                    let form = FormValues(values)
                    return TrajectoryStepInput(
                        kind: try form.choice("kind", TrajectoryStepKind.self), status: try form.choice("status", TrajectoryStepStatus.self),
                        provider: values["provider"], startsOn: try form.date("startsOn"), endsOn: try form.date("endsOn"),
                        outcome: try form.choice("outcome", TrajectoryStepOutcome.self), levelReached: try form.choice("levelReached", CEFRLevel.self),
                        note: values["note"], version: try form.integer("version", 0...Int(Int32.max)))
                }
                request.flash(UIText.saved(context.language))
                return request.redirect(to: SiteURL.person(personID).fragment("traject"), redirectType: .normal)
            } catch let error as SchakelError where error.field != nil {
                return StepFormPage(context: context, personID: personID,
                                    state: FormState(values: values, errors: [error.field!: error.message(context.language)]), stepID: stepID)
                    .render(status: error.status)
            }
        }

        /// The dossier, when the reader may write to its trajectory (a form about to be shown).
        static func writable(_ request: Request, shows: Set<DataCategory>) async throws -> Dossier {
            let caller = try request.caller
            try caller.requireCaseworker()
            return try await Trajectories.writable(try request.uuidParameter("personID"), purpose: try request.purpose(), shows: shows,
                                                   caller: caller)
        }

        /// A milestone recorded from the dossier ("leaves reception" …); it takes the place of a derived one.
        @Sendable func addMilestone(_ request: Request) async throws -> Response {
            try request.verifyForm()
            let context = try await PageContext.load(request)
            let personID = try request.uuidParameter("personID")
            let values = try request.content.decode([String: String].self)
            guard let kind = values["milestone"].flatMap(MilestoneKind.init(rawValue:)),
                  let on = values["milestoneOn"].flatMap(CalendarDate.init(iso:)) else {
                request.flash(Strings.notADate(context.language))
                return request.redirect(to: SiteURL.person(personID).fragment("traject"), redirectType: .normal)
            }
            do {
                let caller = try request.caller
                try caller.requireCaseworker()
                _ = try await Trajectories.addMilestone(MilestoneInput(kind: kind, on: on), to: personID, purpose: try request.purpose(),
                                                        caller: caller)
                request.flash(UIText.saved(context.language))
            } catch let error as SchakelError where error.status == .unprocessableEntity {
                request.flash(error.message(context.language))
            }
            return request.redirect(to: SiteURL.person(personID).fragment("traject"), redirectType: .normal)
        }

        // MARK: GDPR

        /// Everything about the person as a JSON file (GDPR art. 15/20), for the owner's caseworkers.
        @Sendable func export(_ request: Request) async throws -> Response {
            let export = try await GDPR.export(try request.uuidParameter("personID"), caller: try request.caller)
            let response = Response(status: .ok)
            try response.content.encode(export)
            response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"inzage.json\"")
            return response
        }

        @Sendable func eraseForm(_ request: Request) async throws -> Response {
            let context = try await PageContext.load(request)
            let caller = try request.caller
            let dossier = try await Persons.ownedForForm(try request.uuidParameter("personID"), shows: [.identity], caller: caller)
            let identifiers = try caller.identifiers(of: dossier)
            return ErasePage(context: context, personID: dossier.id,
                             name: View.personName(givenName: identifiers?.givenName, familyName: identifiers?.familyName,
                                                   reference: dossier.profile.reference, context.language), state: FormState()).render()
        }

        @Sendable func erase(_ request: Request) async throws -> Response {
            try request.verifyForm()
            let context = try await PageContext.load(request)
            let values = try request.content.decode([String: String].self)
            let personID = try request.uuidParameter("personID")
            do {
                _ = try await GDPR.erase(personID, caller: try request.caller) { ErasureInput(reason: values["reason"] ?? "") }
                request.flash(GDPRText.erased(context.language))
                return request.redirect(to: SiteURL.persons, redirectType: .normal)
            } catch let error as SchakelError where error.field == "reason" {
                return ErasePage(context: context, personID: personID, name: "", state: FormState(values: values, errors: ["reason": error.message(context.language)]))
                    .render(status: .unprocessableEntity)
            }
        }

        // MARK: Helpers

        static func ownedConsent(_ request: Request) async throws -> ConsentModel {
            try await Consents.owned(try request.uuidParameter("consentID"), action: .read, caller: try request.caller)
        }

        static func municipalities(_ request: Request) async throws -> [Form.Choice] {
            try await Persons.municipalities(on: request.db).compactMap { municipality in
                municipality.id.map { Form.Choice(value: $0, label: municipality.nameNL) }
            }
        }
    }
}

extension Optional {
    func asyncFlatMap<T>(_ transform: (Wrapped) async throws -> T?) async rethrows -> T? {
        guard let value = self else { return nil }
        return try await transform(value)
    }
}

/// The screening and edit form's fields, read into the API's `PersonInput`. A value that cannot be
/// read (a date, a number) is a field error here; the rest is checked by the API's own validation.
enum PersonFormInput {
    /// The API's field names that belong to a form field of another name.
    static let fieldMap: [String: String] = [
        "statusHistory": "status", "languages": "dutchAssessedOn", "workExperience": "occupation", "education": "educationField",
        "workExperience[0].years": "occupationYears", "workExperience[0].occupation": "occupation",
    ]

    /// The problems visible from the form alone, all of them: required fields left empty, dates that are not dates.
    static func problems(_ values: [String: String], creating: Bool, language: UILanguage) -> [String: String] {
        func empty(_ name: String) -> Bool { (values[name] ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
        var problems: [String: String] = [:]
        if creating {
            for field in ["givenName", "familyName", "countryOfOrigin", "homeMunicipalityId"] where empty(field) {
                problems[field] = Strings.missingField(language)
            }
            if empty("birthYear") && empty("birthDate") { problems["birthYear"] = Strings.missingField(language) }
        }
        for field in ["birthDate", "arrivedOn", "protectionRequestedOn", "statusSince", "dutchAssessedOn"] where !empty(field) {
            if CalendarDate(iso: values[field]!.trimmingCharacters(in: .whitespaces)) == nil { problems[field] = Strings.notADate(language) }
        }
        return problems
    }

    static func input(_ values: [String: String], existing: Dossier?, today: CalendarDate) throws -> PersonInput {
        let form = FormValues(values)
        func text(_ name: String) -> String? { form.text(name) }
        func date(_ name: String) throws -> CalendarDate? { try form.date(name) }
        func integer(_ name: String, _ range: ClosedRange<Int>) throws -> Int? { try form.integer(name, range) }
        func choice<T: RawRepresentable>(_ name: String, _ type: T.Type) throws -> T? where T.RawValue == String { try form.choice(name, type) }
        let creating = existing == nil
        var input = PersonInput()
        let profile = existing?.profile
        input.givenName = text("givenName")
        input.familyName = text("familyName")
        input.birthDate = try date("birthDate")
        input.birthYear = try integer("birthYear", 1900...today.year)
        input.countryOfOrigin = text("countryOfOrigin")?.uppercased()
        input.homeMunicipalityId = text("homeMunicipalityId")
        // Contact fields: an emptied field clears the value when editing.
        input.phone = text("phone") ?? (creating ? nil : "")
        input.email = text("email") ?? (creating ? nil : "")
        input.address = text("address") ?? (creating ? nil : "")
        input.arrivedOn = try date("arrivedOn")
        input.protectionRequestedOn = try date("protectionRequestedOn")

        // A new status or Dutch level is added to the history; the history itself is never lost.
        var statuses = profile?.statusHistory ?? []
        if let status = try choice("status", LegalStatus.self) {
            guard let since = try date("statusSince") else { throw SchakelError.validation(field: "statusSince", reason: Strings.missingField) }
            statuses.append(LegalStatusRecord(status: status, since: since))
            input.statusHistory = statuses
        }
        var languages = profile?.languages ?? []
        if let level = try choice("dutchLevel", CEFRLevel.self) {
            guard let on = try date("dutchAssessedOn") else { throw SchakelError.validation(field: "dutchAssessedOn", reason: Strings.missingField) }
            languages.append(LanguageSkill(language: "nl", level: level, assessedOn: on))
            input.languages = languages
        }
        if let tongue = text("motherTongue")?.lowercased() {
            guard tongue.count == 2, tongue.allSatisfy({ $0.isASCII && $0.isLetter }) else {
                throw SchakelError.validation(field: "motherTongue", reason: Strings.wrongType)
            }
            if !languages.contains(where: { $0.language == tongue && $0.isMotherTongue }) {
                languages.append(LanguageSkill(language: tongue, level: .c2, assessedOn: today, isMotherTongue: true))
                input.languages = languages
            }
        }
        if let level = try integer("educationLevel", 0...8).flatMap(ISCEDLevel.init(rawValue:)) {
            var education = profile?.education ?? []
            education.append(EducationRecord(level: level, field: text("educationField") ?? "", country: input.countryOfOrigin ?? profile?.countryOfOrigin ?? "BE",
                                             recognition: .notRequested))
            input.education = education
        }
        if let occupation = text("occupation") {
            var experience = profile?.workExperience ?? []
            experience.append(WorkExperienceRecord(occupation: occupation, years: try integer("occupationYears", 0...60) ?? 0,
                                                   country: input.countryOfOrigin ?? profile?.countryOfOrigin ?? "BE"))
            input.workExperience = experience
        }
        if values["jobWishes"] != nil {
            let wishes = (values["jobWishes"] ?? "").split(whereSeparator: { $0 == "," || $0 == ";" || $0 == " " }).map(String.init)
            for wish in wishes where !ISCO08.isValidCode(wish) { throw SchakelError.validation(field: "jobWishes", reason: Strings.iscoCode) }
            input.jobWishes = wishes
        }
        var constraints = profile?.constraints ?? Constraints()
        constraints.needsChildcare = values["needsChildcare"] != nil
        constraints.hasDrivingLicence = values["hasDrivingLicence"] != nil
        input.constraints = constraints
        var availability = profile?.availability ?? Availability()
        availability.partTimeOnly = values["partTimeOnly"] != nil
        availability.evenings = values["evenings"] != nil
        availability.weekends = values["weekends"] != nil
        input.availability = availability
        if let existing {
            input.version = existing.version
            if let posted = values["version"], let version = Int(posted) { input.version = version }
        }
        return input
    }

    /// The edit form filled from the dossier (the history lists are not repeated: new entries are added).
    static func values(of dossier: Dossier, identifiers: PersonIdentifiers?) -> [String: String] {
        let profile = dossier.profile
        var values: [String: String] = [
            "givenName": identifiers?.givenName ?? "", "familyName": identifiers?.familyName ?? "",
            "birthDate": identifiers?.birthDate?.iso ?? "", "birthYear": identifiers?.birthDate == nil ? String(profile.birthYear) : "",
            "countryOfOrigin": profile.countryOfOrigin, "homeMunicipalityId": profile.homeMunicipality,
            "phone": identifiers?.phone ?? "", "email": identifiers?.email ?? "", "address": identifiers?.address ?? "",
            "arrivedOn": profile.arrivedOn?.iso ?? "", "protectionRequestedOn": profile.protectionRequestedOn?.iso ?? "",
            "jobWishes": profile.jobWishes.joined(separator: ", "), "version": String(dossier.version),
        ]
        if profile.constraints.needsChildcare { values["needsChildcare"] = "on" }
        if profile.constraints.hasDrivingLicence { values["hasDrivingLicence"] = "on" }
        if profile.availability.partTimeOnly { values["partTimeOnly"] = "on" }
        if profile.availability.evenings { values["evenings"] = "on" }
        if profile.availability.weekends { values["weekends"] = "on" }
        return values
    }
}

/// The consent form's fields, read into the API's `ConsentInput`; without a text of its own the feature writes the
/// standard text in the person's language (`PersonText`), with an interpreter or witness where it is not reviewed.
enum ConsentFormInput {
    static let fieldMap: [String: String] = ["recipientOrganisationId": "recipient"]

    static func input(_ values: [String: String], context: PageContext) throws -> ConsentInput {
        guard let recipient = values["recipient"].flatMap(UUID.init(uuidString:)) else {
            throw SchakelError.validation(field: "recipient", reason: Strings.missingField)
        }
        guard let purpose = values["purpose"].flatMap(Purpose.init(rawValue:)) else {
            throw SchakelError.validation(field: "purpose", reason: Strings.missingField)
        }
        guard let method = values["method"].flatMap(ConsentMethod.init(rawValue:)) else {
            throw SchakelError.validation(field: "method", reason: Strings.missingField)
        }
        guard let textLanguage = ConsentLanguage(rawValue: values["textLanguage"] ?? ConsentLanguage.nl.rawValue) else {
            throw SchakelError.validation(field: "textLanguage", reason: Strings.unknownValue,
                                          arguments: [ConsentLanguage.allCases.map(\.rawValue).joined(separator: ", ")])
        }
        let categories = Self.categories(values)
        guard !categories.isEmpty else { throw SchakelError.validation(field: "categories", reason: Strings.empty) }
        return ConsentInput(recipientOrganisationId: recipient, purpose: purpose, categories: categories, method: method,
                            witness: values["witness"], givenAt: nil, expiresAt: nil, text: values["text"],
                            textLanguage: textLanguage, interpreter: values["interpreter"],
                            personReadsText: values["personReadsText"] != nil)
    }

    /// The choices made so far, or nil while organisation, purpose, data or a known language are missing.
    static func choices(_ values: [String: String]) -> Consents.Choices? {
        guard let recipient = values["recipient"].flatMap(UUID.init(uuidString:)),
              let purpose = values["purpose"].flatMap(Purpose.init(rawValue:)),
              let language = ConsentLanguage(rawValue: values["textLanguage"] ?? ConsentLanguage.nl.rawValue) else { return nil }
        let categories = Self.categories(values)
        return categories.isEmpty ? nil : Consents.Choices(recipient: recipient, purpose: purpose, categories: categories, language: language)
    }

    /// The data categories ticked.
    static func categories(_ values: [String: String]) -> [DataCategory] {
        DataCategory.allCases.filter { values["cat-\($0.rawValue)"] != nil }
    }
}
