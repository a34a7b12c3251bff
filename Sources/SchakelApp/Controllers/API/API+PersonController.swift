import Fluent
import Foundation
import SchakelCore
import SQLKit
import Vapor

extension API {
    /// `/api/v1/persons`: dossiers, consents and the access log. Reads go through `PersonAccess`.
    struct PersonController {
        /// Roles that work with whole dossiers, their consents and access log, in any organisation: the
        /// access rule's role part decides (`AccessRule.worksWithDossiers`), for the API and the pages alike.
        static let caseworkerRoles: Set<UserRole> = Set(UserRole.allCases.filter(AccessRule.worksWithDossiers))

        static func requireCaseworker(_ request: Request) throws {
            guard caseworkerRoles.contains(try request.user.role) else { throw SchakelError.forbidden }
        }

        static func purpose(_ request: Request) throws -> Purpose {
            try request.purpose()
        }

        static func load(_ request: Request) async throws -> Dossier {
            guard let dossier = try await DossierStore.find(try request.uuidParameter("personID"), on: request.db) else {
                throw SchakelError.notFound
            }
            return dossier
        }

        /// The dossier named in the path, as far as the rule lets the reader see it (the read recorded). An id that
        /// names no one is decided as a person owned by no organisation: the same reads, the same audit entry and
        /// the same 404 as a person the reader may not see, so neither the answer nor its time tells them apart.
        static func decided(_ request: Request, purpose: Purpose, requested: Set<DataCategory> = Set(DataCategory.allCases),
                            action: AuditEvent.Action = .read) async throws -> (Dossier, AccessRule.Decision) {
            let id = try request.uuidParameter("personID")
            // The rule decides on the person's row facts alone; the dossier itself is read only once it may be shown.
            let subject = try await PersonAccess.subject(id, on: request.db) ?? PersonReference.nobody(id)
            let decision = try await request.caller.access.decide(subject, purpose: purpose, requested: requested, action: action)
            guard let dossier = try await DossierStore.find(id, on: request.db) else { throw SchakelError.notFound }
            return (dossier, decision)
        }

        /// The dossier named in the path, for its owner's use (`PersonAccess.requireOwner`); an id that names no
        /// one is answered and recorded exactly like a person of another organisation.
        static func owned(_ request: Request, action: AuditEvent.Action) async throws -> Dossier {
            let id = try request.uuidParameter("personID")
            let subject = try await PersonAccess.subject(id, on: request.db) ?? PersonReference.nobody(id)
            try await request.caller.access.requireOwner(subject, action: action)
            guard let dossier = try await DossierStore.find(id, on: request.db) else { throw SchakelError.notFound }
            return dossier
        }

        // MARK: Read

        @Sendable func show(_ request: Request) async throws -> PersonDTO {
            try Self.requireCaseworker(request)
            let purpose = try Self.purpose(request)
            let (person, decision) = try await Self.decided(request, purpose: purpose)
            let identifiers = try decision.allows(.identity) || decision.allows(.contact) ? request.identifiers(of: person) : nil
            return PersonDTO(person, identifiers: identifiers, decision: decision, purpose: purpose, today: request.now.brusselsDay)
        }

        /// The reader's own dossiers plus those shared with its organisation.
        @Sendable func list(_ request: Request) async throws -> Page<PersonSummaryDTO> {
            try await Self.listing(request, nameIndex: nil)
        }

        struct SearchInput: Content {
            let name: String
        }

        /// Finds dossiers by full name through the blind index. A POST, so the name never stands in a
        /// URL (proxies and access logs keep URLs).
        @Sendable func search(_ request: Request) async throws -> Page<PersonSummaryDTO> {
            let input = try request.content.decode(SearchInput.self)
            let name = input.name.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !name.isEmpty else { throw SchakelError.validation(field: "name", reason: Strings.empty) }
            guard name.count <= 200 else { throw SchakelError.validation(field: "name", reason: Strings.tooLong, arguments: ["200"]) }
            return try await Self.listing(request, nameIndex: try request.application.keyring.blindIndex(name))
        }

        /// Dossiers an organisation owns or was given consent for: the candidates the rule then decides on,
        /// person by person (a consent may have expired or its route lapsed).
        static func ownAndShared(with organisation: UUID, on database: any Database) async throws -> QueryBuilder<PersonModel> {
            let shared = try await ConsentModel.query(on: database)
                .filter(\.$recipient.$id == organisation).filter(\.$withdrawnAt == nil).all(\.$person.$id)
            return PersonModel.query(on: database).filter(\.$erasedAt == nil)
                .group(.or) { $0.filter(\.$owner.$id == organisation).filter(\.$id ~~ Array(Set(shared))) }
        }

        /// `paging` overrides the request's `?page=&per=` (a page showing a short list).
        static func listing(_ request: Request, nameIndex: String?, paging override: Paging? = nil) async throws -> Page<PersonSummaryDTO> {
            let user = try request.user
            guard user.role != .analyst else { throw SchakelError.forbidden }
            let paging = try override ?? Paging(request)
            let purpose = try Self.purpose(request)
            // Only dossiers the rule shows the reader are counted and paged, so `total` reveals nothing more.
            let shared = try await request.caller.access.sharedWithReader(purpose: purpose)
            let query = PersonModel.query(on: request.db).filter(\.$erasedAt == nil)
                .group(.or) { $0.filter(\.$owner.$id == user.organisationID).filter(\.$id ~~ shared) }
            if let nameIndex { query.filter(\.$nameIndex == nameIndex) }
            let page = try await query.sort(\.$reference).page(paging)
            var items: [PersonSummaryDTO] = []
            for person in page.items {
                let decision: AccessRule.Decision
                do {
                    decision = try await request.caller.access.decide(person, purpose: purpose, requested: [.identity])
                } catch SchakelError.notFound {
                    // A consent withdrawn or a route ended since the page was counted: the dossier drops out here.
                    continue
                }
                let identifiers = decision.allows(.identity) ? try request.identifiers(sealed: person.identifiers, keyID: person.identifiersKeyID) : nil
                items.append(PersonSummaryDTO(id: try person.requireID(), reference: person.reference, ownerOrganisationId: person.$owner.id,
                                              givenName: identifiers?.givenName, familyName: identifiers?.familyName))
            }
            return Page(items: items, metadata: page.metadata)
        }

        // MARK: Write

        @Sendable func create(_ request: Request) async throws -> Response {
            try Self.requireCaseworker(request)
            let created = try await Self.create(try request.content.decode(PersonInput.self), on: request)
            let response = Response(status: .created)
            try response.content.encode(created)
            response.headers.replaceOrAdd(name: .location, value: "/api/v1/persons/\(created.id.uuidString)")
            return response
        }

        /// Creates a dossier owned by the reader's organisation, from the API or the screening form.
        static func create(_ input: PersonInput, on request: Request) async throws -> PersonDTO {
            try Self.requireCaseworker(request)
            let user = try request.user
            let today = request.now.brusselsDay
            try input.validate(creating: true, today: today)
            guard try await MunicipalityModel.find(input.homeMunicipalityId, on: request.db) != nil else {
                throw SchakelError.validation(field: "homeMunicipalityId", reason: Strings.unknownMunicipality)
            }
            let identifiers = PersonIdentifiers(
                givenName: input.givenName!.trimmingCharacters(in: .whitespaces), familyName: input.familyName!.trimmingCharacters(in: .whitespaces),
                birthDate: input.birthDate, nationalRegisterNumber: input.nationalRegisterNumber, phone: input.phone,
                email: input.email, address: input.address)
            let profile = PersonProfile(
                id: UUID(), reference: Self.newReference(), ownerOrganisationID: user.organisationID,
                birthYear: input.birthYear ?? input.birthDate!.year, countryOfOrigin: input.countryOfOrigin!,
                homeMunicipality: input.homeMunicipalityId!, arrivedOn: input.arrivedOn, protectionRequestedOn: input.protectionRequestedOn,
                statusHistory: input.statusHistory ?? [], languages: input.languages ?? [], education: input.education ?? [],
                workExperience: input.workExperience ?? [], competences: input.competences ?? [], jobWishes: input.jobWishes ?? [],
                constraints: input.constraints ?? Constraints(), availability: input.availability ?? Availability())
            let sealed = try request.application.keyring.seal(identifiers)
            let nameIndex = try request.application.keyring.blindIndex(identifiers.fullName)
            let now = request.now
            try await request.db.transaction { db in
                try await PersonRows.insertDossier(profile, sealed: sealed, nameIndex: nameIndex,
                                                   assessment: (input.labourMarketDistance, input.resilience), now: now, on: db)
                try await FigureFacts.refresh(person: profile.id, today: today, on: db)
                try await request.audit(AuditEvent(userID: user.id, organisationID: user.organisationID, personID: profile.id, action: .create,
                                                   categories: DataCategory.allCases, purpose: nil, outcome: .allowed), on: db)
            }
            guard let created = try await DossierStore.find(profile.id, on: request.db) else { throw SchakelError.notFound }
            let decision = AccessRule.decide(viewer: try request.caller.access.viewer, personOwner: user.organisationID,
                                             purpose: .guidanceToWork, routes: [], consents: [], at: now, today: today)
            return PersonDTO(created, identifiers: identifiers, decision: decision, purpose: .guidanceToWork, today: today)
        }

        /// Changes a dossier. `version` must be the one that was read: a stale version is a 409 and nothing changes.
        @Sendable func update(_ request: Request) async throws -> PersonDTO {
            try Self.requireCaseworker(request)
            return try await Self.update(try await Self.load(request), on: request) { try request.content.decode(PersonInput.self) }
        }

        /// Changes a dossier from the API or the edit form; only the owner's caseworkers may. The input
        /// is read after the reader's right is checked, so a refused reader learns nothing from its errors.
        static func update(_ person: Dossier, on request: Request, input read: () throws -> PersonInput) async throws -> PersonDTO {
            try Self.requireCaseworker(request)
            try await request.caller.access.requireOwner(person, action: .update)
            let user = try request.user
            let attempt = AuditEvent(userID: user.id, organisationID: user.organisationID, personID: person.id, action: .update,
                                     categories: [], purpose: nil, outcome: .allowed)
            return try await request.recordingRefusal(of: attempt) { try await Self.write(person, input: try read(), attempt: attempt, on: request) }
        }

        private static func write(_ person: Dossier, input: PersonInput, attempt: AuditEvent, on request: Request) async throws -> PersonDTO {
            let today = request.now.brusselsDay
            try input.validate(creating: false, today: today)
            guard let version = input.version else { throw SchakelError.validation(field: "version", reason: Strings.missingField) }
            if let municipality = input.homeMunicipalityId, try await MunicipalityModel.find(municipality, on: request.db) == nil {
                throw SchakelError.validation(field: "homeMunicipalityId", reason: Strings.unknownMunicipality)
            }
            var profile = person.profile
            var identifiers = try request.identifiers(of: person) ?? PersonIdentifiers(givenName: "", familyName: "")
            input.apply(to: &profile, identifiers: &identifiers)
            let changed = profile
            let sealed = try request.application.keyring.seal(identifiers)
            let nameIndex = try request.application.keyring.blindIndex(identifiers.fullName)
            let now = request.now
            let personID = person.id
            try await request.db.transaction { db in
                // Claim the version first: of two concurrent updates of the same version only one matches.
                let claimed = try await (db as! any SQLDatabase).update(PersonModel.schema)
                    .set("version", to: version + 1).set("updated_at", to: now).set("last_activity_at", to: now)
                    .where("id", .equal, personID).where("version", .equal, version)
                    .returning("id").all()
                guard !claimed.isEmpty else { throw SchakelError.staleVersion }
                try await PersonRows.replaceDossier(changed, sealed: sealed, nameIndex: nameIndex,
                                                    assessment: (input.labourMarketDistance ?? person.labourMarketDistance,
                                                                 input.resilience ?? person.resilience), on: db)
                try await FigureFacts.refresh(person: personID, today: today, on: db)
                var event = attempt
                event.categories = input.changedCategories
                try await request.audit(event, on: db)
            }
            guard let reloaded = try await DossierStore.find(personID, on: request.db) else { throw SchakelError.notFound }
            let decision = AccessRule.decide(viewer: try request.caller.access.viewer, personOwner: person.owner,
                                             purpose: .guidanceToWork, routes: [], consents: [], at: now, today: today)
            return PersonDTO(reloaded, identifiers: identifiers, decision: decision, purpose: .guidanceToWork, today: today)
        }

        /// A pseudonymous dossier reference that says nothing about the person; the unique index guards collisions.
        static func newReference() -> String {
            "SCH-" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(10).uppercased()
        }

        // MARK: Consent

        @Sendable func addConsent(_ request: Request) async throws -> Response {
            try Self.requireCaseworker(request)
            let person = try await Self.load(request)
            let response = Response(status: .created)
            try response.content.encode(try await Self.addConsent(to: person, on: request) { try request.content.decode(ConsentInput.self) })
            return response
        }

        /// Records a consent the person gave, from the API or the consent form; only the owner may.
        static func addConsent(to person: Dossier, on request: Request, input read: () throws -> ConsentInput) async throws -> ConsentDTO {
            try Self.requireCaseworker(request)
            try await request.caller.access.requireOwner(person, action: .consentGiven)
            let user = try request.user
            let attempt = AuditEvent(userID: user.id, organisationID: user.organisationID, personID: person.id, action: .consentGiven,
                                     categories: [], purpose: nil, outcome: .allowed)
            return try await request.recordingRefusal(of: attempt) { try await Self.record(try read(), for: person, attempt: attempt, on: request) }
        }

        private static func record(_ input: ConsentInput, for person: Dossier, attempt: AuditEvent,
                                   on request: Request) async throws -> ConsentDTO {
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
            guard let recipient = try await OrganisationModel.find(input.recipientOrganisationId, on: request.db) else {
                throw SchakelError.validation(field: "recipientOrganisationId", reason: Strings.notFound)
            }
            // Without a text of its own, Schakel's standard text in the language it is written in (Dutch or English).
            let writtenIn = wording.writtenIn(toldIn: input.textLanguage)
            let wordingLanguage: UILanguage = writtenIn == .en ? .en : .nl
            let text = ownText ?? UIText.standardConsentText(
                wordingLanguage, organisation: recipient.name, purpose: UIText.purposeName(wordingLanguage, input.purpose),
                categories: input.categories.map { UIText.category(wordingLanguage, $0) }.joined(separator: ", "))
            let now = request.now
            let user = try request.user
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
            model.$recordedBy.id = user.id
            model.text = text
            model.textLanguage = input.textLanguage
            model.interpreter = interpreter
            model.textWrittenIn = writtenIn == input.textLanguage ? nil : writtenIn
            var event = attempt
            event.categories = input.categories
            event.purpose = input.purpose
            let recorded = event
            try await request.db.transaction { db in
                try await model.create(on: db)
                try await request.audit(recorded, on: db)
            }
            return try ConsentDTO(model, now: now)
        }

        @Sendable func consents(_ request: Request) async throws -> [ConsentDTO] {
            try Self.requireCaseworker(request)
            let person = try await Self.owned(request, action: .read)
            let now = request.now
            return try await ConsentModel.query(on: request.db).filter(\.$person.$id == person.id).sort(\.$givenAt).all()
                .map { try ConsentDTO($0, now: now) }
        }

        /// Withdrawal takes effect at once; the consent stays on record, with who withdrew it and when.
        @Sendable func withdrawConsent(_ request: Request) async throws -> ConsentDTO {
            try Self.requireCaseworker(request)
            guard let consent = try await ConsentModel.find(try request.uuidParameter("consentID"), on: request.db),
                  let person = try await PersonModel.find(consent.$person.id, on: request.db)
            else { throw SchakelError.notFound }
            try await request.caller.access.requireOwner(person, action: .consentWithdrawn)
            let user = try request.user
            if consent.withdrawnAt == nil {
                consent.withdrawnAt = request.now
                consent.$withdrawnBy.id = user.id
                try await request.db.transaction { db in
                    try await consent.update(on: db)
                    try await request.audit(AuditEvent(userID: user.id, organisationID: user.organisationID, personID: consent.$person.id,
                                                       action: .consentWithdrawn, categories: consent.categories, purpose: consent.purpose,
                                                       outcome: .allowed), on: db)
                }
            }
            return try ConsentDTO(consent, now: request.now)
        }

        // MARK: Access log

        /// Who saw what of this person: for the owning organisation (and in the person's export).
        @Sendable func accessLog(_ request: Request) async throws -> Page<AccessLogEntryDTO> {
            try Self.requireCaseworker(request)
            let paging = try Paging(request)
            let person = try await Self.owned(request, action: .accessLogRead)
            let page = try await AuditEntryModel.query(on: request.db).filter(\.$personID == person.id)
                .sort(\.$id, .descending).page(paging)
            return page.map(AccessLogEntryDTO.init)
        }
    }
}
