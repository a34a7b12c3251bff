import Testing
@testable import SchakelCore

/// The QR code on an invitation letter must scan: the encoder matches an independent one module for module, at every
/// level, from version 1 to 10, with every mask it was asked for.
@Suite("QR code")
struct QRCodeTests {
    static let levels: [String: QRCode.Correction] = ["low": .low, "medium": .medium, "quartile": .quartile, "high": .high]

    @Test(arguments: QRCodeGolden.cases.indices)
    func matchesAnIndependentEncoder(index: Int) throws {
        let golden = QRCodeGolden.cases[index]
        let code = try QRCode(bytes: Array(golden.text.utf8), correction: Self.levels[golden.correction]!, mask: golden.mask)
        #expect(code.version == golden.version)
        #expect(code.size == golden.rows.count)
        let rows = code.modules.map { row in String(row.map { $0 ? "1" : "0" }) }
        for (number, (ours, theirs)) in zip(rows, golden.rows).enumerated() where ours != theirs {
            Issue.record("\(golden.version)-\(golden.correction) mask \(golden.mask): row \(number) differs\n\(ours)\n\(theirs)")
            break
        }
    }

    /// Without a mask given, the one with the lowest penalty is chosen; the result is still a valid code of that mask.
    @Test func choosesAMaskAndKeepsItsFormat() throws {
        let code = try QRCode("https://schakel.example/mijn?code=K7P2-9QXM")
        let forced = try QRCode(bytes: Array("https://schakel.example/mijn?code=K7P2-9QXM".utf8), mask: code.mask)
        #expect(code == forced)
        #expect((0..<8).contains(code.mask))
    }

    @Test func tooLongIsAProblemNotACrash() {
        #expect(throws: QRCode.Problem.tooLong(bytes: 300, capacity: 213)) { try QRCode(bytes: Array(repeating: 65, count: 300)) }
    }

    @Test func theImageEscapesItsTitle() throws {
        let svg = try QRCode("x").svg(title: "\"'<>&")
        #expect(svg.contains("aria-label=\"&quot;'&lt;&gt;&amp;\""))
        #expect(svg.hasPrefix("<svg") && svg.contains("viewBox=\"0 0 29 29\""))
    }
}
