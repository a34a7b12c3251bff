import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import SchakelCore

/// The elements of an SVG document in order, read by a real XML parser: if the chart is not
/// well-formed XML, `parse` returns nil.
private final class SVGElements: NSObject, XMLParserDelegate {
    struct Element {
        var name: String
        var attributes: [String: String]
        var text = ""
    }

    private(set) var elements: [Element] = []
    private var open: [Int] = []

    static func parse(_ svg: String) -> [Element]? {
        let reader = SVGElements()
        let parser = XMLParser(data: Data(svg.utf8))
        parser.delegate = reader
        return parser.parse() ? reader.elements : nil
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        open.append(elements.count)
        elements.append(Element(name: name, attributes: attributes))
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if let current = open.last { elements[current].text += string }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        open.removeLast()
    }
}

@Suite struct ChartsTests {
    static let regions = ["Gent", "Antwerpen", "Zuid-West-Vlaanderen"]

    static func referralBars(title: String = "Verwijzingen per regio") -> String {
        SVGChart.bars(id: "referrals", title: title, summary: "Per regio, 2026", categories: regions,
                      series: [(name: "Verwezen", values: [40, nil, 12]), (name: "Gestart", values: [25, 8, nil])],
                      valueAxis: "personen")
    }

    static func cohortLines() -> String {
        SVGChart.lines(id: "cohort", title: "Aan het werk na het recht op arbeid", xLabels: (0...6).map { "\($0)" },
                       series: [(name: "2025", values: [0, 10, 20, nil, 40, 50, 55]),
                                (name: "2026", values: [nil, 5, nil, nil, 30, nil, nil]),
                                (name: "Doel", values: [0, 10, 20, 30, 40, 50, 60])],
                       xAxis: "maanden sinds recht op arbeid", yAxis: "aandeel aan het werk", yMax: 100, yFormat: { "\(Int($0)) %" })
    }

    @Test(arguments: [referralBars(), cohortLines()])
    func everyChartIsWellFormedAccessibleAndNeedsNoStyle(svg: String) throws {
        let elements = try #require(SVGElements.parse(svg))
        let root = try #require(elements.first)
        #expect(root.name == "svg")
        #expect(root.attributes["role"] == "img")
        #expect(root.attributes["viewBox"]?.hasPrefix("0 0 640 ") == true)
        #expect(root.attributes["preserveAspectRatio"] == "xMidYMid meet")
        let labelledBy = try #require(root.attributes["aria-labelledby"]).split(separator: " ").map(String.init)
        let named = Dictionary(elements.compactMap { element in element.attributes["id"].map { ($0, element) } },
                               uniquingKeysWith: { first, _ in first })
        #expect(labelledBy.map { named[$0]?.name } == ["title", "desc"])
        #expect(labelledBy.allSatisfy { named[$0]?.text.isEmpty == false })
        #expect(!svg.contains("style"))
        #expect(!svg.contains("script"))
        #expect(elements.allSatisfy { $0.attributes.keys.allSatisfy { !$0.hasPrefix("on") } })
        // Readable on paper: no text under 11 units at 640 wide.
        let texts = elements.filter { $0.name == "text" }
        #expect(texts.allSatisfy { Double($0.attributes["font-size"] ?? "0")! >= 11 })
    }

    @Test func barsDrawOneBarPerShownValueAndSayWhereAValueIsSuppressed() throws {
        let elements = try #require(SVGElements.parse(Self.referralBars()))
        let bars = elements.filter { $0.attributes["class"] == "bar" }
        #expect(bars.count == 4)
        #expect(bars.allSatisfy { $0.name == "rect" })
        let texts = elements.filter { $0.name == "text" }.map(\.text)
        #expect(texts.filter { $0 == "<5" }.count == 2)
        for label in ["40", "25", "8", "12"] { #expect(texts.contains(label)) }
        #expect(texts.contains("Zuid-West-Vlaanderen"))
        #expect(texts.contains("personen"))
        // A screen reader hears every value, the suppressed ones as "<5".
        let description = try #require(elements.first { $0.name == "desc" }).text
        #expect(description == "Per regio, 2026. Verwezen: Gent 40, Antwerpen <5, Zuid-West-Vlaanderen 12. "
            + "Gestart: Gent 25, Antwerpen 8, Zuid-West-Vlaanderen <5")
    }

    @Test func barSeriesDifferByAFillThatSurvivesBlackAndWhite() throws {
        let elements = try #require(SVGElements.parse(Self.referralBars()))
        let fills = elements.filter { $0.attributes["class"] == "bar" }.map { $0.attributes["fill"]! }
        // Drawn group by group: Gent (Verwezen, Gestart), Antwerpen (Gestart), Zuid-West-Vlaanderen (Verwezen).
        #expect(fills == ["#1a1a1a", "url(#referrals-fill1)", "url(#referrals-fill1)", "#1a1a1a"])
        let patterns = elements.filter { $0.name == "pattern" }.compactMap { $0.attributes["id"] }
        #expect(patterns == ["referrals-fill1", "referrals-fill2"])
        // The legend shows each fill next to its series' name.
        let texts = elements.filter { $0.name == "text" }.map(\.text)
        #expect(texts.contains("Verwezen") && texts.contains("Gestart"))
        #expect(elements.filter { $0.name == "rect" && $0.attributes["fill"] == "url(#referrals-fill1)" }.count == 3)
    }

    @Test func barLengthsFollowTheValues() throws {
        let elements = try #require(SVGElements.parse(Self.referralBars()))
        let widths = elements.filter { $0.attributes["class"] == "bar" }.map { Double($0.attributes["width"]!)! }
        // In drawing order: Gent 40, Gent 25, Antwerpen 8, Zuid-West-Vlaanderen 12.
        #expect(widths[0] > widths[1] && widths[1] > widths[3] && widths[3] > widths[2])
        #expect(abs(widths[1] / widths[0] - 25.0 / 40) < 0.01)
    }

    @Test func linesBreakAtAGapAndMarkEveryPointWithTheSeriesShape() throws {
        let elements = try #require(SVGElements.parse(Self.cohortLines()))
        let paths = elements.filter { $0.attributes["class"] == "line" }
        // 2025: runs 0–2 and 4–6; 2026: only single points, so no line; target: one run.
        #expect(paths.count == 3)
        #expect(paths.map { $0.attributes["stroke-dasharray"]! } == ["none", "none", "2 4"])
        let markers = elements.filter { $0.attributes["class"] == "marker" }
        // One per value shown, and one for each series in the legend.
        #expect(markers.filter { $0.name == "circle" }.count == 6 + 1)
        #expect(markers.filter { $0.name == "rect" }.count == 2 + 1)
        #expect(markers.filter { $0.name == "polygon" }.count == 7 + 1)
        // The y axis reaches yMax in round steps, written with yFormat.
        let texts = elements.filter { $0.name == "text" }.map(\.text)
        for tick in ["0 %", "20 %", "40 %", "60 %", "80 %", "100 %"] { #expect(texts.contains(tick)) }
        #expect(texts.contains("maanden sinds recht op arbeid") && texts.contains("aandeel aan het werk"))
    }

    @Test func theLegendShowsEachSeriesDashAndMarker() throws {
        let elements = try #require(SVGElements.parse(Self.cohortLines()))
        let samples = elements.filter { $0.name == "line" && $0.attributes["stroke-width"] == "2" }
        #expect(samples.map { $0.attributes["stroke-dasharray"]! } == ["none", "8 4", "2 4"])
    }

    @Test func aLongAxisWritesOnlyEveryFewLabels() throws {
        let months = (1...24).map { String(format: "2026-%02d", $0) }
        let svg = SVGChart.lines(id: "months", title: "Per maand", xLabels: months,
                                 series: [(name: "Verwijzingen", values: months.map { _ in 10 })])
        let texts = try #require(SVGElements.parse(svg)).filter { $0.name == "text" }.map(\.text)
        let written = months.filter(texts.contains)
        #expect(written.first == "2026-01")
        #expect(written.count < 12 && written.count > 4)
    }

    @Test func everyTextIsEscaped() throws {
        let hostile = #"<b>"W" & 'o'</b>"#
        let svg = SVGChart.bars(id: "x", title: hostile, categories: [hostile], series: [(name: hostile, values: [7])])
        #expect(!svg.contains("<b>"))
        #expect(svg.contains("&lt;b&gt;&quot;W&quot; &amp; &apos;o&apos;&lt;/b&gt;"))
        let elements = try #require(SVGElements.parse(svg))
        #expect(elements.first { $0.name == "title" }?.text == hostile)
        #expect(elements.filter { $0.name == "text" }.map(\.text).filter { $0 == hostile }.count == 3)
        // A control character XML cannot hold is left out rather than breaking the document.
        #expect(SVGElements.parse(SVGChart.lines(id: "c", title: "a\u{1}b", xLabels: ["x"], series: [])) != nil)
    }

    @Test func theDefaultLabelWritesWholeNumbersWithoutDecimals() {
        #expect(SVGChart.number(12) == "12")
        #expect(SVGChart.number(12.34) == "12.3")
        #expect(SVGChart.number(-0.01) == "0")
    }

    @Test func axisStepsAreRound() {
        #expect(SVGChart.scale(upTo: 100) == [0, 20, 40, 60, 80, 100])
        #expect(SVGChart.scale(upTo: 3) == [0, 1, 2, 3])
        #expect(SVGChart.scale(upTo: 47) == [0, 10, 20, 30, 40, 50])
        #expect(SVGChart.scale(upTo: 1000) == [0, 200, 400, 600, 800, 1000])
    }
}
