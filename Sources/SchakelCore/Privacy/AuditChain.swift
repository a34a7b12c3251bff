/// The audit log is a hash chain: each entry's hash covers its own content and the previous hash,
/// so editing, deleting or inserting any entry breaks every hash after it.
///
/// The chain is keyed: each hash is an HMAC under a key that is not in the database, so someone who can
/// write to the database cannot append a forged entry, or rewrite and renumber a range, and make it
/// verify again. Entries written before keying began (plain SHA-256) may only stand at the start of the
/// chain. A cut tail whose head was moved back is found against a signed checkpoint kept elsewhere.
/// The hash functions are passed in, so this stays free of a crypto dependency.
public enum AuditChain {
    /// The hash before the first entry.
    public static let genesis = String(repeating: "0", count: 64)

    public struct Link: Sendable, Equatable {
        public var sequence: Int
        /// The canonical text of the entry's content (everything but the hashes).
        public var content: String
        public var previousHash: String
        public var hash: String
        /// Sealed with the chain key (HMAC); false for entries written before keying began.
        public var isKeyed: Bool

        public init(sequence: Int, content: String, previousHash: String, hash: String, isKeyed: Bool = true) {
            self.sequence = sequence
            self.content = content
            self.previousHash = previousHash
            self.hash = hash
            self.isKeyed = isKeyed
        }
    }

    public enum Break: Equatable, Sendable {
        /// The entry's stored hash is not the hash of its content and the previous hash (edited, or forged
        /// without the key).
        case contentChanged(sequence: Int)
        /// The entry does not point at the hash of the entry before it (deleted or inserted before it).
        case linkBroken(sequence: Int)
        /// Sequence numbers are not consecutive (an entry was deleted or inserted).
        case sequenceGap(expected: Int, found: Int)
        /// An unkeyed entry after keyed ones: written by someone without the key.
        case unkeyed(sequence: Int)
        /// The log ends at `lastEntry` but its head says `head`: entries were deleted from the end.
        case truncated(lastEntry: Int, head: Int)
        /// A checkpoint kept elsewhere names entry `sequence`, and the log no longer has it: cut back to `lastEntry`.
        case cutBeforeCheckpoint(sequence: Int, lastEntry: Int)
        /// Entry `sequence` is not the entry the checkpoint recorded.
        case differsFromCheckpoint(sequence: Int)

        /// The entry where the log stops holding (the entries before it hold).
        public var firstBadSequence: Int {
            switch self {
            case let .contentChanged(sequence), let .linkBroken(sequence), let .unkeyed(sequence),
                 let .differsFromCheckpoint(sequence):
                return sequence
            case let .sequenceGap(expected, _): return expected
            case let .truncated(lastEntry, _), let .cutBeforeCheckpoint(_, lastEntry): return lastEntry + 1
            }
        }

        /// Plain words for an operator.
        public var explanation: String {
            switch self {
            case let .contentChanged(sequence):
                return "entry \(sequence) was changed after it was written, or was written without the audit key"
            case let .linkBroken(sequence):
                return "entry \(sequence) does not follow the entry before it (an entry was removed or inserted)"
            case let .sequenceGap(expected, found):
                return "entry \(expected) is missing (the next entry found is \(found))"
            case let .unkeyed(sequence):
                return "entry \(sequence) is not sealed with the audit key, although entries before it are: it was not written by Schakel"
            case let .truncated(lastEntry, head):
                return lastEntry == 0
                    ? "the log is empty, but its head says \(head) entries were written: all of them were deleted"
                    : "the log ends at entry \(lastEntry), but its head says \(head): "
                        + (head == lastEntry + 1 ? "the last entry (\(head)) was deleted" : "the last \(head - lastEntry) entries (\(lastEntry + 1)–\(head)) were deleted")
            case let .cutBeforeCheckpoint(sequence, lastEntry):
                return "the checkpoint names entry \(sequence), but the log ends at entry \(lastEntry): entries were deleted from the end and the head was moved back"
            case let .differsFromCheckpoint(sequence):
                return "entry \(sequence) is not the entry the checkpoint recorded: the log was rewritten"
            }
        }
    }

    public static func hash(content: String, previousHash: String, using hashFunction: (String) -> String) -> String {
        hashFunction(previousHash + "\n" + content)
    }

    /// The first break in the chain, or nil when every link holds. `links` must be in sequence order.
    /// Keyed links are checked with `keyed` (the HMAC), unkeyed ones with `unkeyed` (SHA-256), and an
    /// unkeyed link after a keyed one is a break. `seenKeyed` carries that state across pages.
    public static func firstBreak(_ links: [Link], startingAfter previous: String = genesis, firstSequence: Int = 1,
                                  seenKeyed: inout Bool, keyed: (String) -> String, unkeyed: (String) -> String) -> Break? {
        var expectedPrevious = previous
        var expectedSequence = firstSequence
        for link in links {
            if link.sequence != expectedSequence { return .sequenceGap(expected: expectedSequence, found: link.sequence) }
            if link.previousHash != expectedPrevious { return .linkBroken(sequence: link.sequence) }
            if !link.isKeyed && seenKeyed { return .unkeyed(sequence: link.sequence) }
            if hash(content: link.content, previousHash: link.previousHash, using: link.isKeyed ? keyed : unkeyed) != link.hash {
                return .contentChanged(sequence: link.sequence)
            }
            seenKeyed = seenKeyed || link.isKeyed
            expectedPrevious = link.hash
            expectedSequence += 1
        }
        return nil
    }

    /// The first break in a chain where every link uses one hash function.
    public static func firstBreak(_ links: [Link], startingAfter previous: String = genesis, firstSequence: Int = 1,
                                  using hashFunction: (String) -> String) -> Break? {
        var seenKeyed = false
        return firstBreak(links.map { var link = $0; link.isKeyed = true; return link }, startingAfter: previous,
                          firstSequence: firstSequence, seenKeyed: &seenKeyed, keyed: hashFunction, unkeyed: hashFunction)
    }

    /// A signed statement of the chain's head at one moment, to keep outside the database: whatever happens
    /// to the database later, the entries up to `sequence` can be proven unchanged against it.
    public struct Checkpoint: Sendable, Equatable {
        public var sequence: Int
        public var hash: String
        /// When it was taken, ISO 8601 (informative; covered by the signature).
        public var at: String
        public var signature: String

        public init(sequence: Int, hash: String, at: String, signature: String) {
            self.sequence = sequence
            self.hash = hash
            self.at = at
            self.signature = signature
        }

        /// The text the signature covers.
        public static func signedText(sequence: Int, hash: String, at: String) -> String {
            "schakel-audit-checkpoint-v1|\(sequence)|\(hash)|\(at)"
        }

        public static func make(sequence: Int, hash: String, at: String, sign: (String) -> String) -> Checkpoint {
            Checkpoint(sequence: sequence, hash: hash, at: at, signature: sign(signedText(sequence: sequence, hash: hash, at: at)))
        }

        public func isSigned(by sign: (String) -> String) -> Bool {
            ConstantTime.equals(sign(Self.signedText(sequence: sequence, hash: hash, at: at)), signature)
        }

        /// One line: `sequence hash at signature`, the form `schakel audit checkpoint` writes.
        public var line: String { "\(sequence) \(hash) \(at) \(signature)" }

        public init?(line: String) {
            let parts = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            guard parts.count == 4, let sequence = Int(parts[0]), sequence >= 0 else { return nil }
            self.init(sequence: sequence, hash: parts[1], at: parts[2], signature: parts[3])
        }
    }

    /// Checks the chain's entry at the checkpoint's sequence against it (nil: it holds). `entryHash` is the
    /// stored hash of that entry, nil when the log no longer has it; `lastEntry` is the last sequence found.
    public static func check(_ checkpoint: Checkpoint, entryHash: String?, lastEntry: Int) -> Break? {
        if checkpoint.sequence == 0 { return nil }
        guard let entryHash else { return .cutBeforeCheckpoint(sequence: checkpoint.sequence, lastEntry: lastEntry) }
        return entryHash == checkpoint.hash ? nil : .differsFromCheckpoint(sequence: checkpoint.sequence)
    }
}
