import Foundation
import Testing
@testable import SchakelCore

@Suite struct AuditChainTests {
    /// A stand-in hash for the chain logic (the app uses SHA-256): any injective function will do here.
    static func hash(_ text: String) -> String { String(text.utf8.reduce(UInt64(14_695_981_039_346_656_037)) { ($0 ^ UInt64($1)) &* 1_099_511_628_211 }, radix: 16) }

    static func chain(_ contents: [String]) -> [AuditChain.Link] {
        var previous = AuditChain.genesis
        return contents.enumerated().map { index, content in
            let link = AuditChain.Link(sequence: index + 1, content: content, previousHash: previous,
                                       hash: AuditChain.hash(content: content, previousHash: previous, using: hash))
            previous = link.hash
            return link
        }
    }

    @Test func anIntactChainHolds() {
        #expect(AuditChain.firstBreak(Self.chain((1...50).map { "entry \($0)" }), using: Self.hash) == nil)
        #expect(AuditChain.firstBreak([], using: Self.hash) == nil)
    }

    @Test func anEditIsFoundAtTheEditedEntry() {
        var links = Self.chain((1...20).map { "entry \($0)" })
        links[6].content = "entry 7, edited"
        #expect(AuditChain.firstBreak(links, using: Self.hash) == .contentChanged(sequence: 7))
        // Recomputing the edited entry's own hash does not help: the next one no longer points at it.
        links[6].hash = AuditChain.hash(content: links[6].content, previousHash: links[6].previousHash, using: Self.hash)
        #expect(AuditChain.firstBreak(links, using: Self.hash) == .linkBroken(sequence: 8))
    }

    @Test func aDeletionOrInsertionIsFound() {
        var deleted = Self.chain((1...10).map { "entry \($0)" })
        deleted.remove(at: 4)
        #expect(AuditChain.firstBreak(deleted, using: Self.hash) == .sequenceGap(expected: 5, found: 6))
        var inserted = Self.chain((1...10).map { "entry \($0)" })
        inserted.insert(AuditChain.Link(sequence: 4, content: "forged", previousHash: inserted[2].hash,
                                        hash: AuditChain.hash(content: "forged", previousHash: inserted[2].hash, using: Self.hash)), at: 3)
        for index in 4..<inserted.count { inserted[index].sequence += 1 }
        #expect(AuditChain.firstBreak(inserted, using: Self.hash) == .linkBroken(sequence: 5))
    }

    /// A keyed stand-in: the same function with a secret mixed in.
    static func keyed(_ text: String) -> String { hash("secret|" + text) }

    /// Unkeyed entries from before keying began may stand at the start; one after a keyed entry is a forgery, and so
    /// is a keyed-looking entry whose hash was computed without the key.
    @Test func unkeyedEntriesOnlyBeforeKeyedOnes() {
        var previous = AuditChain.genesis
        var links: [AuditChain.Link] = []
        for index in 1...6 {
            let isKeyed = index > 3
            let content = "entry \(index)"
            let hashed = AuditChain.hash(content: content, previousHash: previous, using: isKeyed ? Self.keyed : Self.hash)
            links.append(AuditChain.Link(sequence: index, content: content, previousHash: previous, hash: hashed, isKeyed: isKeyed))
            previous = hashed
        }
        var seen = false
        #expect(AuditChain.firstBreak(links, seenKeyed: &seen, keyed: Self.keyed, unkeyed: Self.hash) == nil)
        #expect(seen)
        var forged = links
        forged.append(AuditChain.Link(sequence: 7, content: "forged", previousHash: previous,
                                      hash: AuditChain.hash(content: "forged", previousHash: previous, using: Self.hash), isKeyed: false))
        seen = false
        #expect(AuditChain.firstBreak(forged, seenKeyed: &seen, keyed: Self.keyed, unkeyed: Self.hash) == .unkeyed(sequence: 7))
        forged[6].isKeyed = true
        seen = false
        #expect(AuditChain.firstBreak(forged, seenKeyed: &seen, keyed: Self.keyed, unkeyed: Self.hash) == .contentChanged(sequence: 7))
    }

    @Test func aCheckpointIsSignedAndFindsACutOrARewrite() {
        let checkpoint = AuditChain.Checkpoint.make(sequence: 10, hash: "abc", at: "2026-12-05T10:00:00Z", sign: Self.keyed)
        #expect(checkpoint.isSigned(by: Self.keyed))
        #expect(!checkpoint.isSigned(by: Self.hash), "another key")
        var moved = checkpoint
        moved.sequence = 8
        #expect(!moved.isSigned(by: Self.keyed), "an edited checkpoint")
        #expect(AuditChain.Checkpoint(line: checkpoint.line) == checkpoint)
        #expect(AuditChain.Checkpoint(line: "10 abc") == nil)
        #expect(AuditChain.check(checkpoint, entryHash: "abc", lastEntry: 12) == nil)
        #expect(AuditChain.check(checkpoint, entryHash: nil, lastEntry: 8) == .cutBeforeCheckpoint(sequence: 10, lastEntry: 8))
        #expect(AuditChain.check(checkpoint, entryHash: "xyz", lastEntry: 12) == .differsFromCheckpoint(sequence: 10))
    }

    @Test func aCutTailIsSaidPlainly() {
        #expect(AuditChain.Break.truncated(lastEntry: 59, head: 60).explanation.contains("the last entry (60) was deleted"))
        #expect(AuditChain.Break.truncated(lastEntry: 50, head: 60).explanation.contains("the last 10 entries (51–60) were deleted"))
        #expect(AuditChain.Break.truncated(lastEntry: 0, head: 60).explanation.contains("all of them were deleted"))
    }
}
