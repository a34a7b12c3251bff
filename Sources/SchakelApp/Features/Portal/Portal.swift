import Fluent
import Foundation
import SchakelCore
import SQLKit
import Vapor

/// "Mijn Schakel", the person's own portal: the owning caseworker invites the person and can close their access
/// (this file); the person opens it with the letter's code (`Portal+SignIn`) and reads their own dossier through the
/// access rule's client role (`Portal+Own`).
enum Portal {
    /// Whether the person has a portal account, in which language, and when they last used it: for the dossier.
    struct Status: Sendable, Equatable {
        enum State: Sendable, Equatable {
            /// Invited; the code has not been used yet (it works until `codeExpiresAt`).
            case invited
            /// The person chose a passphrase and can sign in.
            case active
            /// The caseworker closed the access.
            case revoked
        }
        let state: State
        let language: ConsentLanguage
        let invitedAt: Date
        let codeExpiresAt: Date?
        let activatedAt: Date?
        let lastUsedAt: Date?
        let revokedAt: Date?
    }

    /// What the invitation letter prints. The code is shown this once and never stored: only its keyed hash is.
    struct Invitation: Sendable {
        let accountNumber: String
        let code: String
        let expiresAt: Date
        let language: ConsentLanguage
        let organisation: String
        let givenName: String?
    }

    /// The dossier's portal state, for the owner's caseworkers (nil: never invited).
    static func status(of person: Dossier, caller: Caller) async throws -> Status? {
        guard caller.organisationID == person.owner, Caller.caseworkerRoles.contains(caller.role) else { return nil }
        guard let account = try await PortalAccountModel.query(on: caller.db).filter(\.$person.$id == person.id).first() else {
            return nil
        }
        return status(account, now: caller.now)
    }

    /// The person's portal state for the owner's caseworkers (the API): nil when never invited; for anyone else the
    /// person is not there (404, recorded as for any owner-only use).
    static func access(of personID: UUID, caller: Caller) async throws -> Status? {
        let person = try await Persons.owned(personID, action: .read, caller: caller)
        return try await status(of: person, caller: caller)
    }

    static func status(_ account: PortalAccountModel, now: Date) -> Status {
        let state: Status.State = account.revokedAt != nil ? .revoked : (account.passphraseHash == nil ? .invited : .active)
        return Status(state: state, language: account.language, invitedAt: account.invitedAt,
                      codeExpiresAt: account.codeHash == nil ? nil : account.codeExpiresAt, activatedAt: account.activatedAt,
                      lastUsedAt: account.lastUsedAt, revokedAt: account.revokedAt)
    }

    /// A new invitation: a one-time code for the person's account (made now if there is none; an earlier code stops
    /// working). A passphrase already chosen keeps working until the person sets a new one with this code; a closed
    /// access opens again. Only the owner's caseworkers invite. The letter shows the person's given name, so the read
    /// is recorded with the invitation.
    static func invite(_ personID: UUID, language chosen: ConsentLanguage?, lifetime: TimeInterval,
                       caller: Caller) async throws -> Invitation {
        let person = try await Persons.owned(personID, action: .portalInvitation, caller: caller)
        // The language is read once the right is checked: for anyone else the person is not there, whatever they chose.
        guard let language = chosen else { throw SchakelError.validation(field: "language", reason: Strings.badRequest) }
        let code = Codes.newCode()
        let now = caller.now
        let expires = now.addingTimeInterval(lifetime)
        let organisation = try await OrganisationModel.find(person.owner, on: caller.db)?.name ?? ""
        let account: PortalAccountModel = try await caller.db.transaction { db in
            let account = try await PortalAccountModel.query(on: db).filter(\.$person.$id == person.id).first() ?? {
                let account = PortalAccountModel()
                account.$person.id = person.id
                account.accountNumber = Codes.newAccountNumber()
                account.passphraseHash = nil
                return account
            }()
            account.language = language
            account.codeHash = Codes.hash(code, keyring: caller.keyring)
            account.codeExpiresAt = expires
            account.invitedAt = now
            account.$invitedBy.id = caller.user.id
            account.revokedAt = nil
            account.$revokedBy.id = nil
            try await account.save(on: db)
            try await caller.audit(AuditEvent(userID: caller.user.id, organisationID: caller.organisationID, personID: person.id,
                                              action: .portalInvitation, categories: [.identity], purpose: nil, outcome: .allowed),
                                   on: db)
            return account
        }
        let identifiers = try caller.identifiers(of: person)
        return Invitation(accountNumber: account.accountNumber, code: code, expiresAt: expires, language: language,
                          organisation: organisation, givenName: identifiers?.givenName)
    }

    /// Closes the person's access at once: the passphrase and any code stop working and every signed-in browser is
    /// signed out. A new invitation opens it again.
    static func revoke(_ personID: UUID, caller: Caller) async throws {
        let person = try await Persons.owned(personID, action: .portalRevoked, caller: caller)
        guard let account = try await PortalAccountModel.query(on: caller.db).filter(\.$person.$id == person.id).first(),
              account.revokedAt == nil
        else { return }
        try await caller.db.transaction { db in
            account.revokedAt = caller.now
            account.$revokedBy.id = caller.user.id
            account.passphraseHash = nil
            account.codeHash = nil
            account.codeExpiresAt = nil
            try await account.save(on: db)
            try await PortalSessionModel.query(on: db).filter(\.$account.$id == account.requireID()).delete()
            try await caller.audit(AuditEvent(userID: caller.user.id, organisationID: caller.organisationID, personID: person.id,
                                              action: .portalRevoked, categories: [], purpose: nil, outcome: .allowed), on: db)
        }
    }

    /// Account numbers and one-time codes: digits only, which every keyboard and every script's reader knows, typed
    /// in groups of four. Digits typed in Arabic-Indic or Persian forms count as the same digits.
    enum Codes {
        static let accountNumberLength = 10
        static let codeLength = 12

        static func newAccountNumber() -> String { digits(accountNumberLength) }
        static func newCode() -> String { digits(codeLength) }

        private static func digits(_ count: Int) -> String {
            var generator = SystemRandomNumberGenerator()
            return String((0..<count).map { _ in Character(String(Int.random(in: 0...9, using: &generator))) })
        }

        /// "123456789012" → "1234 5678 9012".
        static func grouped(_ digits: String) -> String {
            stride(from: 0, to: digits.count, by: 4).map { start in
                let from = digits.index(digits.startIndex, offsetBy: start)
                return String(digits[from..<(digits.index(from, offsetBy: 4, limitedBy: digits.endIndex) ?? digits.endIndex)])
            }.joined(separator: " ")
        }

        /// What was typed, as ASCII digits without spaces or dashes; nil when anything else is in it or it is too long.
        static func normalised(_ text: String, length: Int) -> String? {
            var result = ""
            for scalar in text.unicodeScalars {
                switch scalar.value {
                case 0x30...0x39: result.unicodeScalars.append(scalar)
                // Arabic-Indic (٠–٩) and Extended Arabic-Indic, as Persian, Dari and Pashto keyboards type them (۰–۹).
                case 0x660...0x669: result.unicodeScalars.append(Unicode.Scalar(scalar.value - 0x660 + 0x30)!)
                case 0x6F0...0x6F9: result.unicodeScalars.append(Unicode.Scalar(scalar.value - 0x6F0 + 0x30)!)
                // Spaces and dashes, and the invisible direction marks right-to-left keyboards and copying put in.
                case 0x20, 0x2D, 0xA0, 0x202F, 0x200E, 0x200F, 0x061C, 0x2066...0x2069: continue
                default: return nil
                }
                if result.count > length { return nil }
            }
            return result.count == length ? result : nil
        }

        /// A keyed hash (HMAC with a key derived from the data keys, which are never in the database): a copy of the
        /// database alone cannot try the twelve digits' 10^12 codes.
        static func hash(_ code: String, keyring: DataKeyring) -> String { keyring.blindIndex("portal-code " + code) }
    }
}

extension Portal {
    /// A correction the person asked for, as the owner's caseworkers read it.
    struct Correction: Sendable {
        let id: UUID
        let personID: UUID
        let reference: String
        let text: String
        let createdAt: Date
        let handledAt: Date?
    }

    /// Reading what the person wrote is a read of their dossier (recorded); only the owner's caseworkers may, and for
    /// anyone else the request does not exist.
    static func correction(_ id: UUID, caller: Caller) async throws -> Correction {
        try caller.requireCaseworker()
        let model = try await CorrectionRequestModel.find(id, on: caller.db)
        let subject = try await model.asyncFlatMap { try await PersonAccess.subject($0.$person.id, on: caller.db) }
            ?? PersonReference.nobody(id)
        try await caller.access.requireOwner(subject, action: .read)
        guard let model, let dossier = try await DossierStore.find(model.$person.id, on: caller.db) else { throw SchakelError.notFound }
        try await caller.audit(AuditEvent(userID: caller.user.id, organisationID: caller.organisationID, personID: dossier.id,
                                          action: .read, categories: [], purpose: nil, outcome: .allowed))
        return Correction(id: id, personID: dossier.id, reference: dossier.reference,
                          text: try caller.keyring.open(model.text, keyID: model.textKeyID), createdAt: model.createdAt,
                          handledAt: model.handledAt)
    }

    /// Marks the request handled (once: the first time stays), recorded in the person's access log.
    static func markHandled(_ id: UUID, caller: Caller) async throws -> UUID {
        try caller.requireCaseworker()
        let model = try await CorrectionRequestModel.find(id, on: caller.db)
        let subject = try await model.asyncFlatMap { try await PersonAccess.subject($0.$person.id, on: caller.db) }
            ?? PersonReference.nobody(id)
        try await caller.access.requireOwner(subject, action: .correctionHandled)
        guard let model else { throw SchakelError.notFound }
        try await caller.db.transaction { db in
            let won = try await (db as! any SQLDatabase).update(CorrectionRequestModel.schema).set("handled_at", to: caller.now)
                .set("handled_by_user_id", to: caller.user.id).where("id", .equal, id).where("handled_at", .is, SQLLiteral.null)
                .returning("id").all()
            guard !won.isEmpty else { return }
            try await caller.audit(AuditEvent(userID: caller.user.id, organisationID: caller.organisationID, personID: model.$person.id,
                                              action: .correctionHandled, categories: [], purpose: nil, outcome: .allowed), on: db)
        }
        return model.$person.id
    }

    /// The corrections the person asked that wait for the owner: for the dossier page.
    static func openCorrections(of person: Dossier, caller: Caller) async throws -> [(id: UUID, createdAt: Date)] {
        guard caller.organisationID == person.owner, Caller.caseworkerRoles.contains(caller.role) else { return [] }
        return try await CorrectionRequestModel.query(on: caller.db).filter(\.$person.$id == person.id).filter(\.$handledAt == nil)
            .sort(\.$createdAt).all().map { (try $0.requireID(), $0.createdAt) }
    }
}
