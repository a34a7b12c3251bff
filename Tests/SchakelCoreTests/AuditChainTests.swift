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
}
