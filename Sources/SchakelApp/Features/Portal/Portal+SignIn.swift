import Fluent
import Foundation
import SchakelCore
import SQLKit
import Vapor

extension Portal {
    /// Why a first visit or a sign-in did not go through, in words the portal shows in the person's language.
    enum SignInProblem: Error, Equatable {
        /// The account number or the passphrase is wrong (never which of the two).
        case credentials
        /// The code is wrong, used or expired (never which).
        case code
        case slowDown(seconds: Int)
        case locked(seconds: Int)
        case passphraseShort, passphraseLong, passphraseMismatch
        case required(field: String)

        /// The form field the problem belongs to.
        var field: String {
            switch self {
            case .credentials, .slowDown, .locked: "account"
            case .code: "code"
            case .passphraseShort, .passphraseLong: "passphrase"
            case .passphraseMismatch: "repeat"
            case let .required(field): field
            }
        }
    }

    static let passphraseLength = 10...200

    /// Everything a sign-in needs from the application, so the feature reads no request.
    struct Gate: Sendable {
        let db: any Database
        let now: Date
        let throttle: SignInThrottle
        let hasher: PasswordHasher
        let keyring: DataKeyring
    }

    /// What bcrypt is given for a passphrase: the same words typed on another phone give the same key (Unicode NFC, the
    /// Arabic and Persian forms of yeh and kaf as one), and a long passphrase counts whole (bcrypt reads 72 bytes, which
    /// are 24 Tigrinya letters), so it is hashed first.
    static func passphraseKey(_ passphrase: String) -> String {
        let folded = passphrase.precomposedStringWithCanonicalMapping
            .replacingOccurrences(of: "\u{064A}", with: "\u{06CC}").replacingOccurrences(of: "\u{0649}", with: "\u{06CC}")
            .replacingOccurrences(of: "\u{0643}", with: "\u{06A9}")
        return Data(SHA256.hash(data: Data(folded.utf8))).base64EncodedString()
    }

    /// The first visit: the account number and the letter's one-time code, and the passphrase the person chooses.
    /// The code works once: of any number of parallel attempts with it, one sets the passphrase. Attempts are counted
    /// per account number like staff sign-ins (`SignInThrottle`), for numbers that exist and numbers that do not.
    static func activate(account rawAccount: String, code rawCode: String, passphrase: String, repeated: String,
                         gate: Gate) async throws -> ClientCaller.Account {
        guard !rawAccount.isEmpty else { throw SignInProblem.required(field: "account") }
        guard !rawCode.isEmpty else { throw SignInProblem.required(field: "code") }
        try checkPassphrase(passphrase, repeated: repeated)
        let number = Codes.normalised(rawAccount, length: Codes.accountNumberLength)
        let charged = try await charge(number, gate: gate)
        guard let number, let code = Codes.normalised(rawCode, length: Codes.codeLength),
              let account = try await PortalAccountModel.query(on: gate.db).filter(\.$accountNumber == number).first(),
              account.revokedAt == nil, let expected = account.codeHash, let expires = account.codeExpiresAt, expires > gate.now,
              ConstantTime.equals(Codes.hash(code, keyring: gate.keyring), expected)
        else { throw failure(charged, .code, now: gate.now) }
        let hash = try await gate.hasher.hash(passphraseKey(passphrase))
        let id = try account.requireID()
        // The code is spent in the same statement that checks it is still there: one attempt wins. A new passphrase ends
        // every browser signed in with the old one, in the same transaction.
        let won: Bool = try await gate.db.transaction { db in
            let rows = try await (db as! any SQLDatabase).update(PortalAccountModel.schema)
                .set("passphrase_hash", to: hash).set("code_hash", to: SQLLiteral.null).set("code_expires_at", to: SQLLiteral.null)
                .set("activated_at", to: account.activatedAt ?? gate.now).set("last_used_at", to: gate.now)
                .where("id", .equal, id).where("code_hash", .equal, expected).where("revoked_at", .is, SQLLiteral.null)
                .returning("id").all()
            guard !rows.isEmpty else { return false }
            try await PortalSessionModel.query(on: db).filter(\.$account.$id == id).delete()
            return true
        }
        guard won else { throw SignInProblem.code }
        try await clear(number, gate: gate)
        return try ClientCaller.Account(account)
    }

    /// A sign-in with the account number and the passphrase.
    static func signIn(account rawAccount: String, passphrase: String, gate: Gate) async throws -> ClientCaller.Account {
        guard !rawAccount.isEmpty else { throw SignInProblem.required(field: "account") }
        guard !passphrase.isEmpty else { throw SignInProblem.required(field: "passphrase") }
        let number = Codes.normalised(rawAccount, length: Codes.accountNumberLength)
        let charged = try await charge(number, gate: gate)
        let account = try await number.asyncFlatMap { number in
            try await PortalAccountModel.query(on: gate.db).filter(\.$accountNumber == number).first()
        }
        // Without an account the hasher still runs, against no hash, so the answer takes as long.
        let hash = account?.revokedAt == nil ? account?.passphraseHash : nil
        var matches = try await gate.hasher.verify(passphraseKey(String(passphrase.prefix(passphraseLength.upperBound + 1))), against: hash)
        if passphrase.count > passphraseLength.upperBound { matches = false }
        guard let account, matches, let number else { throw failure(charged, .credentials, now: gate.now) }
        try await clear(number, gate: gate)
        // Signed in with the passphrase: a code still waiting (a new letter never used) is no longer needed.
        try await (gate.db as! any SQLDatabase).update(PortalAccountModel.schema).set("last_used_at", to: gate.now)
            .set("code_hash", to: SQLLiteral.null).set("code_expires_at", to: SQLLiteral.null)
            .where("id", .equal, try account.requireID()).run()
        return try ClientCaller.Account(account)
    }

    static func checkPassphrase(_ passphrase: String, repeated: String) throws {
        guard !passphrase.isEmpty else { throw SignInProblem.required(field: "passphrase") }
        guard passphrase.count >= passphraseLength.lowerBound else { throw SignInProblem.passphraseShort }
        guard passphrase.count <= passphraseLength.upperBound else { throw SignInProblem.passphraseLong }
        guard passphrase == repeated else { throw SignInProblem.passphraseMismatch }
    }

    /// Hashed like the staff keys, so the table holds no account numbers; prefixed, so no e-mail address can meet one.
    /// Whatever is no account number at all (it can never sign in) counts on one key, not one row per guess.
    private static func throttleKey(_ account: String?) -> String {
        SignInThrottleModel.key(for: "portal:" + (account ?? "not-an-account-number"))
    }

    private static func charge(_ account: String?, gate: Gate) async throws -> SignInThrottle.State {
        do {
            return try await SignInService.chargeAttempt(key: throttleKey(account), throttle: gate.throttle, now: gate.now, on: gate.db)
        } catch let SchakelError.locked(seconds) {
            throw SignInProblem.locked(seconds: seconds)
        } catch let SchakelError.slowDown(seconds) {
            throw SignInProblem.slowDown(seconds: seconds)
        }
    }

    private static func clear(_ account: String, gate: Gate) async throws {
        try await SignInThrottleModel.query(on: gate.db).filter(\.$id == throttleKey(account)).delete()
    }

    /// The failure as the person reads it: locked once the count reached the lock.
    private static func failure(_ charged: SignInThrottle.State, _ problem: SignInProblem, now: Date) -> SignInProblem {
        if let until = charged.lockedUntil, until > now.timeIntervalSince1970 {
            return .locked(seconds: Int((until - now.timeIntervalSince1970).rounded(.up)))
        }
        return problem
    }
}
