import Fluent
import Foundation
import SchakelCore

/// What a person agreed to share, with whom, for what, in which words; and its withdrawal.
enum Consents {
    /// Records a consent the person gave (the API, the consent form); only the owner may. The input is read once
    /// the right is checked; a refused attempt is recorded with its outcome.
    static func record(for person: Dossier, caller: Caller, input read: () throws -> ConsentInput) async throws -> ConsentDTO {
        try caller.requireCaseworker()
        try await caller.access.requireOwner(person, action: .consentGiven)
        let attempt = AuditEvent(userID: caller.user.id, organisationID: caller.organisationID, personID: person.id, action: .consentGiven,
                                 categories: [], purpose: nil, outcome: .allowed)
        return try await caller.recordingRefusal(of: attempt) { try await write(try read(), for: person, attempt: attempt, caller: caller) }
    }

    private static func write(_ input: ConsentInput, for person: Dossier, attempt: AuditEvent, caller: Caller) async throws -> ConsentDTO {
        guard !input.categories.isEmpty else { throw SchakelError.validation(field: "categories", reason: Strings.empty) }
        let ownText = try FreeText.optional(input.text, field: "text", max: ConsentInput.maxTextLength)
        let witness = try FreeText.optional(input.witness, field: "witness", max: ConsentInput.maxNameLength)
        let interpreter = try FreeText.optional(input.interpreter, field: "interpreter", max: ConsentInput.maxNameLength)
        if input.method == .oralWithWitness, witness == nil {
            throw SchakelError.validation(field: "witness", reason: Strings.witnessRequired)
        }
        let wording: ConsentWording
        do {
            wording = try ConsentWording.decide(toldIn: input.textLanguage, ownText: ownText != nil, interpreter: interpreter)
        } catch {
            throw SchakelError.validation(field: "textLanguage", reason: Strings.noStandardConsentText)
        }
        guard let recipient = try await OrganisationModel.find(input.recipientOrganisationId, on: caller.db) else {
            throw SchakelError.validation(field: "recipientOrganisationId", reason: Strings.notFound)
        }
        // Without a text of its own, Schakel's standard text in the language it is written in (Dutch or English).
        let writtenIn = wording.writtenIn(toldIn: input.textLanguage)
        let wordingLanguage: UILanguage = writtenIn == .en ? .en : .nl
        let text = ownText ?? UIText.standardConsentText(
            wordingLanguage, organisation: recipient.name, purpose: UIText.purposeName(wordingLanguage, input.purpose),
            categories: input.categories.map { UIText.category(wordingLanguage, $0) }.joined(separator: ", "))
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
        model.textWrittenIn = writtenIn == input.textLanguage ? nil : writtenIn
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
