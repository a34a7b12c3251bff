/// The audit log is a hash chain: each entry's hash covers its own content and the previous hash,
/// so editing, deleting or inserting any entry breaks every hash after it.
/// The hash function is passed in, so this stays free of a crypto dependency.
public enum AuditChain {
    /// The hash before the first entry.
    public static let genesis = String(repeating: "0", count: 64)

    public struct Link: Sendable, Equatable {
        public var sequence: Int
        /// The canonical text of the entry's content (everything but the hashes).
        public var content: String
        public var previousHash: String
        public var hash: String

        public init(sequence: Int, content: String, previousHash: String, hash: String) {
            self.sequence = sequence
            self.content = content
            self.previousHash = previousHash
            self.hash = hash
        }
    }

    public enum Break: Equatable, Sendable {
        /// The entry's stored hash is not the hash of its content and the previous hash (edited).
        case contentChanged(sequence: Int)
        /// The entry does not point at the hash of the entry before it (deleted or inserted before it).
        case linkBroken(sequence: Int)
        /// Sequence numbers are not consecutive (an entry was deleted or inserted).
        case sequenceGap(expected: Int, found: Int)
    }

    public static func hash(content: String, previousHash: String, using sha256: (String) -> String) -> String {
        sha256(previousHash + "\n" + content)
    }

    /// The first break in the chain, or nil when every link holds. `links` must be in sequence order.
    public static func firstBreak(_ links: [Link], startingAfter previous: String = genesis, firstSequence: Int = 1,
                                  using sha256: (String) -> String) -> Break? {
        var expectedPrevious = previous
        var expectedSequence = firstSequence
        for link in links {
            if link.sequence != expectedSequence { return .sequenceGap(expected: expectedSequence, found: link.sequence) }
            if link.previousHash != expectedPrevious { return .linkBroken(sequence: link.sequence) }
            if hash(content: link.content, previousHash: link.previousHash, using: sha256) != link.hash {
                return .contentChanged(sequence: link.sequence)
            }
            expectedPrevious = link.hash
            expectedSequence += 1
        }
        return nil
    }
}
