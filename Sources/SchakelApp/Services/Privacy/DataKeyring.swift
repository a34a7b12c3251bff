import Foundation
import Vapor

/// The keys that encrypt direct identifiers at rest (AES-256-GCM), each with an id that every
/// encrypted row records, so `schakel keys rotate` can add a key and re-encrypt row by row.
///
/// Keys come from `SCHAKEL_DATA_KEY` (one base64 key, id "env-1") or from a key file
/// (`SCHAKEL_DATA_KEY_FILE`, default `schakel-data.key` beside the SQLite file): one `id:base64`
/// line per key, the last line is the current key. The blind index for name search uses a key
/// derived from the first key, so it survives rotation.
public struct DataKeyring: Sendable {
    public struct Key: Sendable {
        let id: String
        let key: SymmetricKey
    }

    public enum Problem: Error, CustomStringConvertible {
        case noKey
        case badKey(String)
        case unknownKeyID(String)
        case undecryptable

        public var description: String {
            switch self {
            case .noKey: return "no data key: set SCHAKEL_DATA_KEY (base64 of 32 random bytes) or SCHAKEL_DATA_KEY_FILE"
            case let .badKey(reason): return "the data key is not usable: \(reason)"
            case let .unknownKeyID(id): return "a row is encrypted with key '\(id)', which the key file does not hold"
            case .undecryptable: return "an encrypted value could not be decrypted (wrong key or damaged data)"
            }
        }
    }

    let keys: [Key]

    /// A keyring with one fresh random key, for tests and throw-away demo databases.
    public static func ephemeral() -> DataKeyring {
        try! DataKeyring(keys: [Key(id: "ephemeral", key: SymmetricKey(size: .bits256))])
    }
    private let blindIndexKey: SymmetricKey
    /// Seals the audit chain. Derived from the first key like the blind index, so it survives rotation and is
    /// never stored in the database.
    let auditSeal: AuditSeal

    init(keys: [Key]) throws {
        guard let first = keys.first else { throw Problem.noKey }
        for key in keys where key.key.bitCount != 256 { throw Problem.badKey("key '\(key.id)' is not 256 bits") }
        self.keys = keys
        blindIndexKey = HKDF<SHA256>.deriveKey(inputKeyMaterial: first.key, info: Data("schakel blind index v1".utf8), outputByteCount: 32)
        auditSeal = AuditSeal(keyID: first.id,
                              key: HKDF<SHA256>.deriveKey(inputKeyMaterial: first.key, info: Data("schakel audit chain v1".utf8), outputByteCount: 32))
    }

    var current: Key { keys[keys.count - 1] }

    func key(id: String) throws -> SymmetricKey {
        guard let key = keys.first(where: { $0.id == id }) else { throw Problem.unknownKeyID(id) }
        return key.key
    }

    /// Nonce, ciphertext and tag in one value, encrypted with the current key.
    func seal(_ plaintext: String) throws -> (ciphertext: Data, keyID: String) {
        let box = try AES.GCM.seal(Data(plaintext.utf8), using: current.key)
        guard let combined = box.combined else { throw Problem.undecryptable }
        return (combined, current.id)
    }

    func open(_ ciphertext: Data, keyID: String) throws -> String {
        do {
            let box = try AES.GCM.SealedBox(combined: ciphertext)
            return String(decoding: try AES.GCM.open(box, using: try key(id: keyID)), as: UTF8.self)
        } catch let problem as Problem {
            throw problem
        } catch {
            throw Problem.undecryptable
        }
    }

    /// A keyed hash for finding a person by name without storing the name in plain text:
    /// case, accents and spacing are folded first so "Élise  Dupont" finds "elise dupont".
    func blindIndex(_ text: String) -> String {
        let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: Locale(identifier: "en_US_POSIX"))
            .split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        return HMAC<SHA256>.authenticationCode(for: Data(folded.utf8), using: blindIndexKey).hex
    }

    // MARK: Loading

    static func parseKeyFile(_ text: String) throws -> [Key] {
        var keys: [Key] = []
        for (number, raw) in text.split(whereSeparator: \.isNewline).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            let parts = line.split(separator: ":", maxSplits: 1).map(String.init)
            guard parts.count == 2, let bytes = Data(base64Encoded: parts[1]), bytes.count == 32 else {
                throw Problem.badKey("line \(number + 1) of the key file is not 'id:base64-of-32-bytes'")
            }
            keys.append(Key(id: parts[0], key: SymmetricKey(data: bytes)))
        }
        return keys
    }

    static func newKeyLine(id: String) -> String {
        "\(id):\(Data([UInt8].random(count: 32)).base64EncodedString())"
    }

    /// Resolves the keys: `SCHAKEL_DATA_KEY`, else the key file. When `createIfMissing` (demo mode
    /// only) and there is no key at all, a key file is written and the caller is told so.
    static func load(environmentKey: String?, keyFile: String, createIfMissing: Bool) throws -> (DataKeyring, created: Bool) {
        if let environmentKey, !environmentKey.isEmpty {
            guard let bytes = Data(base64Encoded: environmentKey), bytes.count == 32 else {
                throw Problem.badKey("SCHAKEL_DATA_KEY must be base64 of exactly 32 bytes")
            }
            return (try DataKeyring(keys: [Key(id: "env-1", key: SymmetricKey(data: bytes))]), false)
        }
        if FileManager.default.fileExists(atPath: keyFile) {
            let text = try String(contentsOfFile: keyFile, encoding: .utf8)
            return (try DataKeyring(keys: parseKeyFile(text)), false)
        }
        guard createIfMissing else { throw Problem.noKey }
        let line = newKeyLine(id: "k1")
        guard FileManager.default.createFile(atPath: keyFile, contents: Data((line + "\n").utf8),
                                             attributes: [.posixPermissions: 0o600]) else {
            throw Problem.badKey("could not write \(keyFile)")
        }
        return (try DataKeyring(keys: parseKeyFile(line)), true)
    }
}
