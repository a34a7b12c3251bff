import Fluent
import Foundation
import SchakelCore
import SQLKit
import Vapor

/// `schakel audit verify` and `schakel audit checkpoint`.
struct AuditCommandGroup: AsyncCommandGroup {
    var help: String { "The audit log." }
    var commands: [String: any AnyAsyncCommand] { ["verify": VerifyAuditCommand(), "checkpoint": AuditCheckpointCommand()] }
}

/// Walks the keyed chain and names the first broken entry (exit status 1 then). With `--checkpoint FILE` (a line
/// written earlier by `audit checkpoint`) it also proves that nothing up to that checkpoint changed or was cut off.
struct VerifyAuditCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "checkpoint", help: "A checkpoint file written by `schakel audit checkpoint`, kept outside the database.")
        var checkpoint: String?
    }

    var help: String { "Check that no audit entry was edited, deleted, inserted or forged (needs the data key)." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        var checkpoint: AuditChain.Checkpoint? = nil
        if let path = signature.checkpoint {
            let text = try String(contentsOfFile: path, encoding: .utf8)
            guard let line = text.split(whereSeparator: \.isNewline).last(where: { !$0.hasPrefix("#") }),
                  let parsed = AuditChain.Checkpoint(line: String(line))
            else { throw AuditCommandProblem("\(path) holds no checkpoint line (sequence hash time signature)") }
            checkpoint = parsed
        }
        let result = try await app.auditLog.verify(on: app.db, checkpoint: checkpoint)
        guard let broken = result.firstBreak else {
            let proof = checkpoint.map { " Entries 1–\($0.sequence) are the ones the checkpoint of \($0.at) recorded." } ?? ""
            context.console.print("Audit log intact: \(result.checked) entries verified.\(proof)")
            return
        }
        context.console.error("Audit log BROKEN: \(broken.explanation). \(result.checked) entries before it hold.")
        throw AuditCommandProblem("the audit log does not verify")
    }
}

/// Prints (or writes to `--output`) a signed line naming the chain's head now. Kept outside the database (another
/// machine, a ticket, a printout), it lets `audit verify --checkpoint` prove later that the log was not cut back
/// or rewritten up to this point, even by someone who could write to the database.
struct AuditCheckpointCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "output", short: "o", help: "Append the checkpoint to this file instead of printing it.")
        var output: String?
    }

    var help: String { "Write a signed checkpoint of the audit log's head, to keep outside the database." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        let checkpoint = try await app.auditLog.checkpoint(on: app.db, at: app.schakel.now())
        guard let path = signature.output else {
            context.console.print(checkpoint.line)
            return
        }
        let line = Data((checkpoint.line + "\n").utf8)
        if let handle = FileHandle(forWritingAtPath: path) {
            defer { try? handle.close() }
            try handle.seekToEnd()
            try handle.write(contentsOf: line)
        } else {
            guard FileManager.default.createFile(atPath: path, contents: line, attributes: [.posixPermissions: 0o600]) else {
                throw AuditCommandProblem("could not write \(path)")
            }
        }
        context.console.print("Checkpoint of entry \(checkpoint.sequence) written to \(path).")
    }
}

struct AuditCommandProblem: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// `schakel keys rotate`: adds a new key to the key file and re-encrypts every dossier with it.
struct KeysCommandGroup: AsyncCommandGroup {
    var help: String { "Data encryption keys." }
    var commands: [String: any AnyAsyncCommand] { ["rotate": RotateKeysCommand()] }
}

struct RotateKeysCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "key-file", help: "The key file (default: SCHAKEL_DATA_KEY_FILE, or schakel-data.key beside the database).")
        var keyFile: String?
    }

    var help: String { "Add a new data key and re-encrypt all identifiers with it; old keys stay in the file until no row uses them." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        guard Environment.get("SCHAKEL_DATA_KEY") == nil else {
            throw KeyRotation.Problem("SCHAKEL_DATA_KEY holds one key; rotation needs a key file (SCHAKEL_DATA_KEY_FILE)")
        }
        let path = signature.keyFile ?? Environment.get("SCHAKEL_DATA_KEY_FILE") ?? app.schakel.database.defaultKeyFile
        let result = try await KeyRotation.rotate(keyFile: path, on: app)
        context.console.print("New key \(result.keyID) added to \(path); \(result.reencrypted) dossiers re-encrypted.")
    }
}

enum KeyRotation {
    struct Problem: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }

    /// Writes the new key first (so no row is ever encrypted with a key the file lacks), then
    /// re-encrypts in batches, each batch in its own transaction.
    static func rotate(keyFile: String, on app: Application, batchSize: Int = 500) async throws -> (keyID: String, reencrypted: Int) {
        let text = try String(contentsOfFile: keyFile, encoding: .utf8)
        let existing = try DataKeyring.parseKeyFile(text)
        // Re-encrypting needs the keys the rows were written with: refuse before adding anything.
        try await DataKeys.verify(try DataKeyring(keys: existing), on: app.db)
        let keyID = "k\(existing.count + 1)-\(Int(app.schakel.now().timeIntervalSince1970))"
        let line = DataKeyring.newKeyLine(id: keyID)
        let updated = text.hasSuffix("\n") || text.isEmpty ? text + line + "\n" : text + "\n" + line + "\n"
        try updated.write(toFile: keyFile, atomically: true, encoding: .utf8)
        let keyring = try DataKeyring(keys: DataKeyring.parseKeyFile(updated))
        app.storage[DataKeyringKey.self] = keyring
        let count = try await reencrypt(with: keyring, on: app.db, batchSize: batchSize)
        _ = try await resealSnapshots(with: keyring, on: app.db, batchSize: batchSize)
        _ = try await resealCorrections(with: keyring, on: app.db, batchSize: batchSize)
        try await app.auditLog.append(AuditEvent(userID: nil, organisationID: nil, personID: nil, action: .keyRotation,
                                                 categories: [.identity, .contact], purpose: nil, outcome: .allowed),
                                      at: app.schakel.now(), on: app.db)
        return (keyID, count)
    }

    static func reencrypt(with keyring: DataKeyring, on database: any Database, batchSize: Int = 500) async throws -> Int {
        var count = 0
        while true {
            let batch = try await PersonModel.query(on: database).filter(\.$identifiersKeyID != nil)
                .filter(\.$identifiersKeyID != keyring.current.id).limit(batchSize).all()
            if batch.isEmpty { return count }
            try await database.transaction { db in
                for person in batch {
                    guard let sealed = person.identifiers, let keyID = person.identifiersKeyID else { continue }
                    let plain = try keyring.open(sealed, keyID: keyID)
                    let resealed = try keyring.seal(plain)
                    try await (db as! any SQLDatabase).update(PersonModel.schema)
                        .set("identifiers", to: resealed.ciphertext).set("identifiers_key_id", to: resealed.keyID)
                        .where("id", .equal, try person.requireID()).run()
                }
            }
            count += batch.count
        }
    }

    /// Referral snapshots hold identifiers too: they are resealed with the new key, in batches.
    static func resealSnapshots(with keyring: DataKeyring, on database: any Database, batchSize: Int = 500) async throws -> Int {
        var count = 0
        while true {
            let batch = try await ReferralModel.query(on: database).filter(\.$snapshotKeyID != nil).filter(\.$snapshot != nil)
                .filter(\.$snapshotKeyID != keyring.current.id).limit(batchSize).all()
            if batch.isEmpty { return count }
            try await database.transaction { db in
                for referral in batch {
                    guard let sealed = referral.snapshot, let keyID = referral.snapshotKeyID else { continue }
                    let resealed = try keyring.seal(try keyring.open(sealed, keyID: keyID))
                    try await (db as! any SQLDatabase).update(ReferralModel.schema)
                        .set("snapshot", to: resealed.ciphertext).set("snapshot_key_id", to: resealed.keyID)
                        .where("id", .equal, try referral.requireID()).run()
                }
            }
            count += batch.count
        }
    }
}

extension KeyRotation {
    /// What persons asked to correct, in their own words, is resealed with the new key, in batches.
    static func resealCorrections(with keyring: DataKeyring, on database: any Database, batchSize: Int = 500) async throws -> Int {
        var count = 0
        while true {
            let batch = try await CorrectionRequestModel.query(on: database).filter(\.$textKeyID != keyring.current.id)
                .limit(batchSize).all()
            if batch.isEmpty { return count }
            try await database.transaction { db in
                for request in batch {
                    let resealed = try keyring.seal(try keyring.open(request.text, keyID: request.textKeyID))
                    try await (db as! any SQLDatabase).update(CorrectionRequestModel.schema)
                        .set("text", to: resealed.ciphertext).set("text_key_id", to: resealed.keyID)
                        .where("id", .equal, try request.requireID()).run()
                }
            }
            count += batch.count
        }
    }
}

/// `schakel gdpr register`: the record of processing activities (article 30), from the live agreements.
/// `schakel gdpr retention --months N`: flags dossiers without activity for N months.
struct GDPRCommandGroup: AsyncCommandGroup {
    var help: String { "GDPR records and retention." }
    var commands: [String: any AnyAsyncCommand] { ["register": ProcessingRegisterCommand(), "retention": RetentionCommand()] }
}

struct ProcessingRegisterCommand: AsyncCommand {
    struct Signature: CommandSignature {}
    var help: String { "Print the record of processing activities (GDPR article 30) generated from the agreements in force." }

    func run(using context: CommandContext, signature: Signature) async throws {
        context.console.print(try await ProcessingRegister.markdown(on: context.application.db, today: context.application.schakel.now().brusselsDay))
    }
}

enum ProcessingRegister {
    static func markdown(on database: any Database, today: CalendarDate) async throws -> String {
        let organisations = Dictionary(uniqueKeysWithValues: try await OrganisationModel.query(on: database).all().map { (try $0.requireID(), $0) })
        let agreements = try await AgreementModel.query(on: database).with(\.$routes).with(\.$parties).sort(\.$title).all()
        var lines: [String] = [
            "# Register van verwerkingsactiviteiten / Record of processing activities (AVG/GDPR art. 30)",
            "", "Generated on \(today.iso) from the agreements in force.", "",
            "## Purposes", "",
        ]
        for purpose in Purpose.allCases { lines.append("- \(purpose.rawValue)") }
        lines += ["", "## Categories of personal data", ""]
        for category in DataCategory.allCases {
            let fields = PersonField.fields(in: category).map(\.rawValue).joined(separator: ", ")
            lines.append("- \(category.rawValue)" + (fields.isEmpty ? "" : ": \(fields)"))
        }
        lines += ["", "Data subjects: newcomers and applicants for international protection guided to work. Direct identifiers are encrypted at rest (AES-256-GCM); every read and write is in a hash-chained audit log.", "",
                  "## Transfers between organisations", ""]
        for agreement in agreements where agreement.validity.contains(today) {
            lines.append("### \(agreement.title) (\(agreement.kind.rawValue), from \(agreement.validFrom.iso)\(agreement.validUntil.map { " until \($0.iso)" } ?? ""))")
            for party in agreement.parties {
                lines.append("- party: \(organisations[party.$organisation.id]?.name ?? "?") — tasks: \(party.tasks.map(\.rawValue).joined(separator: ", "))")
            }
            for route in agreement.routes {
                let from = organisations[route.$from.id]?.name ?? "?", to = organisations[route.$to.id]?.name ?? "?"
                lines.append("- route: \(from) → \(to): \(route.categories.map(\.rawValue).joined(separator: ", ")); only with the person's consent for recipient and purpose")
            }
            lines.append("")
        }
        return lines.joined(separator: "\n")
    }
}

struct RetentionCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "months", help: "Months without activity after which a dossier is flagged (default 24).") var months: Int?
    }
    var help: String { "Flag dossiers without activity for the given period, and count them per organisation." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        let months = signature.months ?? 24
        guard (1...240).contains(months) else { throw KeyRotation.Problem("--months must be 1 to 240") }
        let flagged = try await Retention.flag(inactiveForMonths: months, now: app.schakel.now(), on: app.db)
        context.console.print("\(flagged.values.reduce(0, +)) dossiers without activity for \(months) months flagged for review:")
        for (organisation, count) in flagged.sorted(by: { $0.key < $1.key }) { context.console.print("  \(organisation): \(count)") }
    }
}

enum Retention {
    /// Flags (and counts per organisation slug) dossiers whose last activity is older than the period.
    static func flag(inactiveForMonths months: Int, now: Date, on database: any Database) async throws -> [String: Int] {
        let cutoff = Calendar(identifier: .gregorian).date(byAdding: .month, value: -months, to: now) ?? now
        let stale = try await PersonModel.query(on: database).filter(\.$erasedAt == nil)
            .group(.or) { group in
                group.filter(\.$lastActivityAt < cutoff)
                group.group(.and) { $0.filter(\.$lastActivityAt == nil).filter(\.$updatedAt < cutoff) }
            }
            .with(\.$owner).all()
        let ids = try stale.map { try $0.requireID() }
        for chunk in stride(from: 0, to: ids.count, by: 500).map({ Array(ids[$0..<min(ids.count, $0 + 500)]) }) {
            try await PersonModel.query(on: database).filter(\.$id ~~ chunk).set(\.$retentionFlaggedAt, to: now).update()
        }
        return Dictionary(grouping: stale, by: { $0.owner.slug }).mapValues(\.count)
    }
}
