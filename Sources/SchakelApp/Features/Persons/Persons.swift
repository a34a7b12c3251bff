import Fluent
import Foundation
import SchakelCore
import SQLKit

/// Dossiers: finding them, the reader's list, the screening that creates one and the edits that change it.
extension Persons {
    /// The dossier with this id, whoever may see it (decide before showing anything of it).
    static func load(_ id: UUID, on database: any Database) async throws -> Dossier {
        guard let dossier = try await DossierStore.find(id, on: database) else { throw SchakelError.notFound }
        return dossier
    }

    /// The dossier an owner-only write or form is about (an edit, a consent, an erasure). An id that names no one is
    /// refused as a person of another organisation is: the same "not found" entry for `action` in the audit log and the
    /// same 404, so neither the answer nor the log tells the two apart.
    static func target(_ id: UUID, action: AuditEvent.Action, caller: Caller) async throws -> Dossier {
        if let dossier = try await DossierStore.find(id, on: caller.db) { return dossier }
        try await caller.access.requireOwner(PersonReference.nobody(id), action: action)
        throw SchakelError.notFound
    }

    /// The dossier as far as the rule lets the reader see it (the read recorded). An id that names no one is decided
    /// as a person owned by no organisation: the same reads, the same audit entry and the same 404 as a person the
    /// reader may not see, so neither the answer nor its time tells them apart.
    static func decided(_ id: UUID, purpose: Purpose, requested: Set<DataCategory> = Set(DataCategory.allCases),
                        action: AuditEvent.Action = .read, caller: Caller) async throws -> (Dossier, AccessRule.Decision) {
        // The rule decides on the person's row facts alone; the dossier itself is read only once it may be shown.
        let subject = try await PersonAccess.subject(id, on: caller.db) ?? PersonReference.nobody(id)
        let decision = try await caller.access.decide(subject, purpose: purpose, requested: requested, action: action)
        return (try await load(id, on: caller.db), decision)
    }

    /// The dossier for its owner's use (`PersonAccess.requireOwner`); an id that names no one is answered and
    /// recorded exactly like a person of another organisation.
    static func owned(_ id: UUID, action: AuditEvent.Action, caller: Caller) async throws -> Dossier {
        try caller.requireCaseworker()
        let subject = try await PersonAccess.subject(id, on: caller.db) ?? PersonReference.nobody(id)
        try await caller.access.requireOwner(subject, action: action)
        return try await load(id, on: caller.db)
    }

    /// The dossier for a form its owner fills in (edit, consent, erasure). A form that shows the person's data
    /// (`shows`: the edit form all of it, the erasure form the name) is one read in the access log; a blank form none.
    /// A refusal is recorded as for any read.
    static func ownedForForm(_ id: UUID, shows: Set<DataCategory>, caller: Caller) async throws -> Dossier {
        try caller.requireCaseworker()
        let dossier = try await target(id, action: .read, caller: caller)
        try await caller.access.requireOwner(dossier, action: .read)
        if !shows.isEmpty {
            try await caller.audit(AuditEvent(userID: caller.user.id, organisationID: caller.organisationID, personID: dossier.id,
                                              action: .read, categories: Array(shows), purpose: nil, outcome: .allowed))
        }
        return dossier
    }

    /// One person as the reader may see them: the profile with the categories the rule allows for `purpose`.
    static func show(_ id: UUID, purpose: Purpose, caller: Caller) async throws -> PersonDTO {
        try caller.requireCaseworker()
        let (person, decision) = try await decided(id, purpose: purpose, caller: caller)
        let identifiers = decision.allows(.identity) || decision.allows(.contact) ? try caller.identifiers(of: person) : nil
        return PersonDTO(person, identifiers: identifiers, decision: decision, purpose: purpose, today: caller.today)
    }

    /// The reader's own dossiers plus those shared with its organisation (by `nameIndex`, the blind index of a full
    /// name, when searching). Only dossiers the rule shows the reader are counted and paged, so `total` reveals nothing more.
    static func listing(purpose: Purpose, nameIndex: String?, excluding: [UUID] = [], paging: Paging,
                        caller: Caller) async throws -> Page<PersonSummaryDTO> {
        // An analyst works with figures only; every other role sees what the rule shows it (often nothing).
        guard caller.role != .analyst else { throw SchakelError.forbidden }
        let shared = try await caller.access.sharedWithReader(purpose: purpose)
        let query = PersonModel.query(on: caller.db).filter(\.$erasedAt == nil)
            .group(.or) { $0.filter(\.$owner.$id == caller.organisationID).filter(\.$id ~~ shared) }
        if let nameIndex { query.filter(\.$nameIndex == nameIndex) }
        if !excluding.isEmpty { query.filter(\.$id !~ excluding) }
        let page = try await query.sort(\.$reference).page(paging)
        var items: [PersonSummaryDTO] = []
        for person in page.items {
            let decision: AccessRule.Decision
            do {
                decision = try await caller.access.decide(person, purpose: purpose, requested: [.identity])
            } catch SchakelError.notFound {
                // A consent withdrawn or a route ended since the page was counted: the dossier drops out here.
                continue
            }
            let identifiers = decision.allows(.identity) ? try caller.identifiers(sealed: person.identifiers, keyID: person.identifiersKeyID) : nil
            items.append(PersonSummaryDTO(id: try person.requireID(), reference: person.reference, ownerOrganisationId: person.$owner.id,
                                          givenName: identifiers?.givenName, familyName: identifiers?.familyName))
        }
        return Page(items: items, metadata: page.metadata)
    }

    /// Dossiers an organisation owns or was given consent for: the candidates the rule then decides on,
    /// person by person (a consent may have expired or its route lapsed).
    static func ownAndShared(with organisation: UUID, on database: any Database) async throws -> QueryBuilder<PersonModel> {
        let shared = try await ConsentModel.query(on: database)
            .filter(\.$recipient.$id == organisation).filter(\.$withdrawnAt == nil).all(\.$person.$id)
        return PersonModel.query(on: database).filter(\.$erasedAt == nil)
            .group(.or) { $0.filter(\.$owner.$id == organisation).filter(\.$id ~~ Array(Set(shared))) }
    }

    // MARK: Write

    /// Creates a dossier owned by the reader's organisation (the API's create, the screening form).
    static func create(_ input: PersonInput, caller: Caller) async throws -> PersonDTO {
        try caller.requireCaseworker()
        let user = caller.user
        let today = caller.today
        try input.validate(creating: true, today: today)
        guard try await MunicipalityModel.find(input.homeMunicipalityId, on: caller.db) != nil else {
            throw SchakelError.validation(field: "homeMunicipalityId", reason: Strings.unknownMunicipality)
        }
        let identifiers = PersonIdentifiers(
            givenName: input.givenName!.trimmingCharacters(in: .whitespaces), familyName: input.familyName!.trimmingCharacters(in: .whitespaces),
            birthDate: input.birthDate, nationalRegisterNumber: input.nationalRegisterNumber, phone: input.phone,
            email: input.email, address: input.address)
        let profile = PersonProfile(
            id: UUID(), reference: newReference(), ownerOrganisationID: user.organisationID,
            birthYear: input.birthYear ?? input.birthDate!.year, countryOfOrigin: input.countryOfOrigin!,
            homeMunicipality: input.homeMunicipalityId!, arrivedOn: input.arrivedOn, protectionRequestedOn: input.protectionRequestedOn,
            statusHistory: input.statusHistory ?? [], languages: input.languages ?? [], education: input.education ?? [],
            workExperience: input.workExperience ?? [], competences: input.competences ?? [], jobWishes: input.jobWishes ?? [],
            constraints: input.constraints ?? Constraints(), availability: input.availability ?? Availability())
        let sealed = try caller.keyring.seal(identifiers)
        let nameIndex = try caller.keyring.blindIndex(identifiers.fullName)
        let now = caller.now
        try await caller.db.transaction { db in
            try await DossierStore.insert(profile, sealed: sealed, nameIndex: nameIndex,
                                          assessment: (input.labourMarketDistance, input.resilience), now: now, on: db)
            try await FigureFacts.refresh(person: profile.id, today: today, on: db)
            try await caller.audit(AuditEvent(userID: user.id, organisationID: user.organisationID, personID: profile.id, action: .create,
                                              categories: DataCategory.allCases, purpose: nil, outcome: .allowed), on: db)
        }
        let created = try await load(profile.id, on: caller.db)
        let decision = AccessRule.decide(viewer: caller.viewer, personOwner: user.organisationID,
                                         purpose: .guidanceToWork, routes: [], consents: [], at: now, today: today)
        return PersonDTO(created, identifiers: identifiers, decision: decision, purpose: .guidanceToWork, today: today)
    }

    /// Changes a dossier; only the owner's caseworkers may. `version` must be the one that was read: a stale version
    /// is a 409 and nothing changes. The input is read after the reader's right is checked, so a refused reader
    /// learns nothing from its errors.
    static func update(_ person: Dossier, caller: Caller, input read: () throws -> PersonInput) async throws -> PersonDTO {
        try caller.requireCaseworker()
        try await caller.access.requireOwner(person, action: .update)
        let attempt = AuditEvent(userID: caller.user.id, organisationID: caller.organisationID, personID: person.id, action: .update,
                                 categories: [], purpose: nil, outcome: .allowed)
        return try await caller.recordingRefusal(of: attempt) { try await write(person, input: try read(), attempt: attempt, caller: caller) }
    }

    private static func write(_ person: Dossier, input: PersonInput, attempt: AuditEvent, caller: Caller) async throws -> PersonDTO {
        let today = caller.today
        try input.validate(creating: false, today: today)
        guard let version = input.version else { throw SchakelError.validation(field: "version", reason: Strings.missingField) }
        if let municipality = input.homeMunicipalityId, try await MunicipalityModel.find(municipality, on: caller.db) == nil {
            throw SchakelError.validation(field: "homeMunicipalityId", reason: Strings.unknownMunicipality)
        }
        var profile = person.profile
        var identifiers = try caller.identifiers(of: person) ?? PersonIdentifiers(givenName: "", familyName: "")
        input.apply(to: &profile, identifiers: &identifiers)
        let changed = profile
        let sealed = try caller.keyring.seal(identifiers)
        let nameIndex = try caller.keyring.blindIndex(identifiers.fullName)
        let now = caller.now
        let personID = person.id
        try await caller.db.transaction { db in
            // Claim the version first: of two concurrent updates of the same version only one matches.
            let claimed = try await (db as! any SQLDatabase).update(PersonModel.schema)
                .set("version", to: version + 1).set("updated_at", to: now).set("last_activity_at", to: now)
                .where("id", .equal, personID).where("version", .equal, version)
                .returning("id").all()
            guard !claimed.isEmpty else { throw SchakelError.staleVersion }
            try await DossierStore.replace(changed, sealed: sealed, nameIndex: nameIndex,
                                           assessment: (input.labourMarketDistance ?? person.labourMarketDistance,
                                                        input.resilience ?? person.resilience), today: today, on: db)
            try await FigureFacts.refresh(person: personID, today: today, on: db)
            var event = attempt
            event.categories = input.changedCategories
            try await caller.audit(event, on: db)
        }
        let reloaded = try await load(personID, on: caller.db)
        let decision = AccessRule.decide(viewer: caller.viewer, personOwner: person.owner,
                                         purpose: .guidanceToWork, routes: [], consents: [], at: now, today: today)
        return PersonDTO(reloaded, identifiers: identifiers, decision: decision, purpose: .guidanceToWork, today: today)
    }

    /// A pseudonymous dossier reference that says nothing about the person; the unique index guards collisions.
    static func newReference() -> String {
        "SCH-" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(10).uppercased()
    }

    // MARK: Access log

    /// Who saw what of this person: for the owning organisation (and in the person's export).
    static func accessLog(of id: UUID, paging: Paging, caller: Caller) async throws -> Page<AccessLogEntryDTO> {
        let person = try await owned(id, action: .accessLogRead, caller: caller)
        let page = try await AuditStore.about(person.id, on: caller.db)
            .sort(\.$id, .descending).page(paging)
        return page.map(AccessLogEntryDTO.init)
    }

    /// The municipalities a dossier's form offers, by Dutch name.
    static func municipalities(on database: any Database) async throws -> [MunicipalityModel] {
        try await MunicipalityModel.query(on: database).sort(\.$nameNL).all()
    }
}
