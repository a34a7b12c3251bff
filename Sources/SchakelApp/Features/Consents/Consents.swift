import Fluent
import Foundation
import SchakelCore
import Vapor

/// What a person agreed to share, with whom, for what, in which words; and its withdrawal.
enum Consents {
    /// Records a consent the person gave (the API, the consent form); only the owner may. The input is read once
    /// the right is checked; a refused attempt is recorded with its outcome.
    /// How the text reached the person before they agreed.
    enum Showing: Sendable {
        /// The API: its client shows the text of `textLanguage`, which it reads from `GET /api/v1/consent-texts`.
        case byClient
        /// The consent form: the language whose text, for these very choices, the form showed (nil: none was).
        case shown(ConsentLanguage?)
    }

    static func record(for person: Dossier, showing: Showing = .byClient, caller: Caller,
                       input read: () throws -> ConsentInput) async throws -> ConsentDTO {
        try caller.requireCaseworker()
        try await caller.access.requireOwner(person, action: .consentGiven)
        let attempt = AuditEvent(userID: caller.user.id, organisationID: caller.organisationID, personID: person.id, action: .consentGiven,
                                 categories: [], purpose: nil, outcome: .allowed)
        return try await caller.recordingRefusal(of: attempt) {
            try await write(try read(), for: person, showing: showing, attempt: attempt, caller: caller)
        }
    }

    private static func write(_ input: ConsentInput, for person: Dossier, showing: Showing, attempt: AuditEvent,
                              caller: Caller) async throws -> ConsentDTO {
        guard !input.categories.isEmpty else { throw SchakelError.validation(field: "categories", reason: Strings.empty) }
        let ownText = try FreeText.optional(input.text, field: "text", max: ConsentInput.maxTextLength)
        let witness = try FreeText.optional(input.witness, field: "witness", max: ConsentInput.maxNameLength)
        let interpreter = try FreeText.optional(input.interpreter, field: "interpreter", max: ConsentInput.maxNameLength)
        if input.method == .oralWithWitness, witness == nil {
            throw SchakelError.validation(field: "witness", reason: Strings.witnessRequired)
        }
        let language = input.textLanguage
        let catalogue = PersonText.catalogue(language)
        // A text of the caseworker's own is reviewed by no translator; only Dutch, the staff's own language, counts as read.
        let reviewed = ownText == nil ? catalogue.reviewedByTranslator : language == .nl
        let reads = input.personReadsText ?? true
        // A text of one's own is what was shown; Schakel's text was shown if the form says so for these choices.
        let shownIn: ConsentLanguage? = switch showing {
        case .byClient: language
        case let .shown(shown): ownText == nil ? shown : language
        }
        do {
            try ConsentUnderstanding.check(toldIn: language, shownIn: shownIn, textReviewed: reviewed, personReads: reads,
                                           interpreter: interpreter, witness: witness)
        } catch .notShown {
            throw SchakelError.validation(field: "textLanguage", reason: Strings.consentTextNotShown)
        } catch .helpRequired {
            throw SchakelError.validation(field: "interpreter", reason: Strings.consentHelpRequired)
        }
        guard let recipient = try await OrganisationModel.find(input.recipientOrganisationId, on: caller.db) else {
            throw SchakelError.validation(field: "recipientOrganisationId", reason: Strings.notFound)
        }
        // Without a text of its own, Schakel's standard text, in the language the person was told in.
        let text = ownText ?? catalogue.consent(organisation: recipient.name, purpose: input.purpose, categories: input.categories)
        let now = caller.now
        let model = ConsentModel()
        model.$person.id = person.id
        model.$recipient.id = input.recipientOrganisationId
        model.purpose = input.purpose
        model.categoriesJSON = JSONList.encode(Array(Set(input.categories)).sorted { $0.rawValue < $1.rawValue })
        model.method = input.method
        model.witness = witness
        model.givenAt = min(input.givenAt ?? now, now)
        model.expiresAt = input.expiresAt
        if let expires = input.expiresAt, expires <= model.givenAt {
            throw SchakelError.validation(field: "expiresAt", reason: Strings.badRequest)
        }
        model.$recordedBy.id = caller.user.id
        model.text = text
        model.textLanguage = input.textLanguage
        model.interpreter = interpreter
        model.textWrittenIn = nil
        model.textReviewed = reviewed
        model.personReadsText = reads
        var event = attempt
        event.categories = input.categories
        event.purpose = input.purpose
        let recorded = event
        try await caller.db.transaction { db in
            try await model.create(on: db)
            try await caller.audit(recorded, on: db)
        }
        return try ConsentDTO(model, now: now)
    }

    /// What the person is shown before agreeing, in their language: the standard text for these choices, its
    /// easy-read explanation and whether a qualified translator reviewed it. `fingerprint` names exactly this text, so
    /// a form can prove it showed it (a change of any choice after showing asks to show again).
    struct Shown: Sendable {
        let language: ConsentLanguage
        let text: String
        let easyReadTitle: String
        let easyRead: [String]
        let reviewed: Bool
        let fingerprint: String
    }

    static func shown(recipient: UUID, purpose: Purpose, categories: [DataCategory], language: ConsentLanguage,
                      until: CalendarDate? = nil, caller: Caller) async throws -> Shown {
        try caller.requireCaseworker()
        guard let organisation = try await OrganisationModel.find(recipient, on: caller.db) else {
            throw SchakelError.validation(field: "recipientOrganisationId", reason: Strings.notFound)
        }
        return shown(organisation: organisation.name, purpose: purpose, categories: categories, language: language, until: until)
    }

    /// The choices a consent form has made so far.
    struct Choices: Sendable {
        var recipient: UUID
        var purpose: Purpose
        var categories: [DataCategory]
        var language: ConsentLanguage
    }

    /// What the consent form shows while a consent is prepared with the person: the text for the choices in the
    /// person's language and, beside it, the Dutch (nil while the choices are incomplete or name no organisation).
    /// Only the owner prepares a consent: for anyone else the person does not exist, with the refusal recorded as for
    /// recording one.
    static func form(for person: Dossier, choices: Choices?, caller: Caller) async throws -> (shown: Shown?, dutch: Shown?) {
        try caller.requireCaseworker()
        try await caller.access.requireOwner(person, action: .consentGiven)
        guard let choices, let organisation = try await OrganisationModel.find(choices.recipient, on: caller.db) else { return (nil, nil) }
        func text(_ language: ConsentLanguage) -> Shown {
            shown(organisation: organisation.name, purpose: choices.purpose, categories: choices.categories, language: language)
        }
        return (text(choices.language), choices.language == .nl ? nil : text(.nl))
    }

    static func shown(organisation: String, purpose: Purpose, categories: [DataCategory], language: ConsentLanguage,
                      until: CalendarDate? = nil) -> Shown {
        let catalogue = PersonText.catalogue(language)
        let text = catalogue.consent(organisation: organisation, purpose: purpose, categories: categories)
        let easyRead = catalogue.easyRead(organisation: organisation, purpose: purpose, categories: categories, until: until)
        let fingerprint = SHA256.hash(data: Data((language.rawValue + "\n" + text + "\n" + easyRead.joined(separator: "\n")).utf8))
            .hex.prefix(32)
        return Shown(language: language, text: text, easyReadTitle: catalogue[.easyReadTitle], easyRead: easyRead,
                     reviewed: catalogue.reviewedByTranslator, fingerprint: String(fingerprint))
    }

    /// Every consent of a person, oldest first: for the owner.
    static func list(of personID: UUID, caller: Caller) async throws -> [ConsentDTO] {
        let person = try await Persons.owned(personID, action: .read, caller: caller)
        let now = caller.now
        return try await ConsentModel.query(on: caller.db).filter(\.$person.$id == person.id).sort(\.$givenAt).all()
            .map { try ConsentDTO($0, now: now) }
    }

    /// A consent with the person it belongs to, for the owner's caseworkers (`action` is what the owner does with it).
    static func owned(_ consentID: UUID, action: AuditEvent.Action, caller: Caller) async throws -> ConsentModel {
        try caller.requireCaseworker()
        guard let consent = try await ConsentModel.find(consentID, on: caller.db),
              let person = try await PersonModel.find(consent.$person.id, on: caller.db)
        else { throw SchakelError.notFound }
        try await caller.access.requireOwner(person, action: action)
        return consent
    }

    /// Withdrawal takes effect at once; the consent stays on record, with who withdrew it and when.
    static func withdraw(_ consentID: UUID, caller: Caller) async throws -> ConsentDTO {
        let consent = try await owned(consentID, action: .consentWithdrawn, caller: caller)
        if consent.withdrawnAt == nil {
            consent.withdrawnAt = caller.now
            consent.$withdrawnBy.id = caller.user.id
            try await caller.db.transaction { db in
                try await consent.update(on: db)
                try await caller.audit(AuditEvent(userID: caller.user.id, organisationID: caller.organisationID, personID: consent.$person.id,
                                                  action: .consentWithdrawn, categories: consent.categories, purpose: consent.purpose,
                                                  outcome: .allowed), on: db)
            }
        }
        return try ConsentDTO(consent, now: caller.now)
    }
}
