import Foundation

/// Charts drawn by the server as SVG text. They have to read on a black-and-white print and for
/// colour-blind readers, so series differ by pattern, dash and marker shape, never by colour alone.
/// They have to pass a strict Content-Security-Policy, so there is no `style` and no script: only
/// presentation attributes. A screen reader gets the title and, in the description, every value.
/// Bars, lines and markers carry a class (`bar`, `line`, `marker`) so a stylesheet or a test can find them.
public enum SVGChart {
    public typealias Series = (name: String, values: [Double?])

    static let width = 640.0
    static let margin = 12.0
    static let ink = "#1a1a1a"
    /// A generous average advance of a 12 px sans-serif character: labels are laid out without
    /// measuring text, so they are given room for this width.
    static let characterWidth = 7.0

    /// A grouped bar chart with horizontal bars, so long group names (regions, routes) stay readable.
    /// A nil value is a withheld figure: no bar, and its mark where it would be (`hiddenLabel` of the
    /// series and category: "<5" unless told otherwise, "x" for one withheld to protect another). `id`
    /// must be unique in the page; the title, description and patterns are named after it.
    public static func bars(id: String, title: String, summary: String = "", categories: [String], series: [Series],
                            valueAxis: String = "", valueMax: Double? = nil,
                            valueLabel: (Double) -> String = number,
                            hiddenLabel: (_ series: Int, _ category: Int) -> String = { _, _ in Shown.suppressedText }) -> String {
        precondition(series.allSatisfy { $0.values.count == categories.count }, "one value per category in every series")
        let (legendMarkup, legendBottom) = legend(series.map(\.name), top: 40, swatchWidth: 14) { index, x, y in
            tag("rect", ["x": number(x), "y": number(y - 7), "width": "14", "height": "14", "fill": fill(index, id: id), "stroke": ink])
        }
        let labelWidth = min(200, categories.map(textWidth).max() ?? 0)
        let left = margin + labelWidth + 8, right = width - margin - 56
        let top = legendBottom + 8, band = Double(series.count) * 18 + 14
        let bottom = top + Double(categories.count) * band
        let ticks = scale(upTo: max(valueMax ?? 0, series.flatMap { $0.values.compactMap { $0 } }.max() ?? 0))
        let x = { (value: Double) in left + (right - left) * max(0, value) / ticks.last! }

        var body = ticks.map { tick in
            tag("line", ["x1": number(x(tick)), "y1": number(top), "x2": number(x(tick)), "y2": number(bottom),
                         "stroke": "#8c8c8c", "stroke-width": "0.5", "stroke-dasharray": "2 3"])
                + text(valueLabel(tick), x: x(tick), y: bottom + 16, anchor: "middle")
        }
        for (c, category) in categories.enumerated() {
            let bandTop = top + Double(c) * band
            body.append(text(fitted(category, width: labelWidth), x: left - 8, y: bandTop + band / 2 + 4, anchor: "end"))
            for (s, entry) in series.enumerated() {
                let barTop = bandTop + 7 + Double(s) * 18
                guard let value = entry.values[c] else {
                    body.append(text(hiddenLabel(s, c), x: left + 4, y: barTop + 12))
                    continue
                }
                body.append(tag("rect", ["class": "bar", "x": number(left), "y": number(barTop), "width": number(x(value) - left),
                                         "height": "16", "fill": fill(s, id: id), "stroke": ink]))
                body.append(text(valueLabel(value), x: x(value) + 4, y: barTop + 12))
            }
        }
        body.append(tag("line", ["x1": number(left), "y1": number(top), "x2": number(left), "y2": number(bottom), "stroke": ink]))
        if !valueAxis.isEmpty { body.append(text(valueAxis, x: (left + right) / 2, y: bottom + 34, anchor: "middle")) }

        let described = series.enumerated().map { s, entry in
            "\(entry.name): " + zip(categories, entry.values).enumerated().map { c, pair in
                "\(pair.0) \(pair.1.map(valueLabel) ?? hiddenLabel(s, c))"
            }.joined(separator: ", ")
        }
        return document(id: id, title: title, description: [summary] + described, height: bottom + (valueAxis.isEmpty ? 26 : 44),
                        defs: patterns(id: id), body: [legendMarkup] + body)
    }

    /// A line chart, for cohort curves (months since the right-to-work date → share in work) and
    /// time series. A nil value leaves a gap in its line.
    public static func lines(id: String, title: String, summary: String = "", xLabels: [String], series: [Series],
                             xAxis: String = "", yAxis: String = "", yMax: Double? = nil,
                             yFormat: (Double) -> String = number) -> String {
        precondition(series.allSatisfy { $0.values.count == xLabels.count }, "one value per x label in every series")
        let (legendMarkup, legendBottom) = legend(series.map(\.name), top: 40, swatchWidth: 28) { index, x, y in
            tag("line", ["x1": number(x), "y1": number(y), "x2": number(x + 28), "y2": number(y), "stroke": ink, "stroke-width": "2",
                         "stroke-dasharray": dashes[index % dashes.count]]) + marker(index, x: x + 14, y: y)
        }
        let ticks = scale(upTo: max(yMax ?? 0, series.flatMap { $0.values.compactMap { $0 } }.max() ?? 0))
        // The first and last x labels are centred on the plot's edges, so half of one must fit outside.
        let widest = xLabels.map(textWidth).max() ?? 0
        let left = margin + max((ticks.map { textWidth(yFormat($0)) }.max() ?? 0) + 8, widest / 2)
        let right = width - margin - max(8, widest / 2)
        let top = legendBottom + (yAxis.isEmpty ? 8 : 26), bottom = top + 240
        let x = { (index: Int) in
            xLabels.count == 1 ? (left + right) / 2 : left + (right - left) * Double(index) / Double(xLabels.count - 1)
        }
        let y = { (value: Double) in bottom - (bottom - top) * max(0, value) / ticks.last! }
        // Every label needs its own room, so on a long axis only every n-th is written.
        let every = max(1, Int(((widest + 8) * Double(xLabels.count) / (right - left)).rounded(.up)))

        var body = ticks.map { tick in
            tag("line", ["x1": number(left), "y1": number(y(tick)), "x2": number(right), "y2": number(y(tick)),
                         "stroke": "#8c8c8c", "stroke-width": "0.5", "stroke-dasharray": "2 3"])
                + text(yFormat(tick), x: left - 6, y: y(tick) + 4, anchor: "end")
        }
        for (index, label) in xLabels.enumerated() where index % every == 0 {
            body.append(tag("line", ["x1": number(x(index)), "y1": number(bottom), "x2": number(x(index)), "y2": number(bottom + 4),
                                     "stroke": ink]))
            body.append(text(label, x: x(index), y: bottom + 16, anchor: "middle"))
        }
        body.append(tag("path", ["d": "M\(number(left)) \(number(top))V\(number(bottom))H\(number(right))", "fill": "none", "stroke": ink]))
        for (s, entry) in series.enumerated() {
            let points = entry.values.enumerated().map { index, value in value.map { (x: x(index), y: y($0)) } }
            for run in points.split(whereSeparator: { $0 == nil }).map({ $0.compactMap { $0 } }) where run.count > 1 {
                let d = run.enumerated().map { "\($0 == 0 ? "M" : "L")\(number($1.x)) \(number($1.y))" }.joined()
                body.append(tag("path", ["class": "line", "d": d, "fill": "none", "stroke": ink, "stroke-width": "2",
                                         "stroke-dasharray": dashes[s % dashes.count]]))
            }
            body += points.compactMap { $0.map { marker(s, x: $0.x, y: $0.y) } }
        }
        if !yAxis.isEmpty { body.append(text(yAxis, x: margin, y: top - 12)) }
        if !xAxis.isEmpty { body.append(text(xAxis, x: (left + right) / 2, y: bottom + 36, anchor: "middle")) }

        let described = series.map { entry in
            "\(entry.name): " + zip(xLabels, entry.values).compactMap { label, value in value.map { "\(label) \(yFormat($0))" } }
                .joined(separator: ", ")
        }
        return document(id: id, title: title, description: [summary] + described, height: bottom + (xAxis.isEmpty ? 26 : 44),
                        defs: "", body: [legendMarkup] + body)
    }

    /// The default label: a whole number as is, anything else with one decimal and a point.
    public static func number(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() && abs(rounded) < 1e15 ? String(Int(rounded)) : String(rounded)
    }

    /// `description`: sentences for the <desc>, which is what a screen reader reads besides the title.
    static func document(id: String, title: String, description: [String], height: Double, defs: String, body: [String]) -> String {
        let root: KeyValuePairs<String, String> = [
            "xmlns": "http://www.w3.org/2000/svg", "viewBox": "0 0 \(number(width)) \(number(height))",
            "preserveAspectRatio": "xMidYMid meet", "role": "img", "aria-labelledby": "\(id)-title \(id)-desc",
            "font-family": "sans-serif", "fill": ink,
        ]
        return open("svg", root) + open("title", ["id": "\(id)-title"]) + escape(title) + "</title>"
            + open("desc", ["id": "\(id)-desc"]) + escape(description.filter { !$0.isEmpty }.joined(separator: ". ")) + "</desc>"
            + (defs.isEmpty ? "" : "<defs>\(defs)</defs>")
            + tag("rect", ["width": number(width), "height": number(height), "fill": "#fff"])
            + text(title, x: margin, y: 24, size: 16, weight: "bold")
            + body.joined() + "</svg>"
    }

    /// Legend entries flowed left to right, wrapping to a new row; returns the row below the last.
    static func legend(_ names: [String], top: Double, swatchWidth: Double,
                       swatch: (Int, Double, Double) -> String) -> (markup: String, bottom: Double) {
        var x = margin, y = top + 8, markup = ""
        for (index, name) in names.enumerated() {
            let entryWidth = swatchWidth + 6 + textWidth(name) + 18
            if x > margin && x + entryWidth > width - margin {
                x = margin
                y += 20
            }
            markup += swatch(index, x, y) + text(name, x: x + swatchWidth + 6, y: y + 4)
            x += entryWidth
        }
        return (markup, names.isEmpty ? top : y + 12)
    }

    /// Bar fills that stay apart in black and white: solid dark, diagonal hatch, dots, light grey.
    /// A fifth series would repeat the first; more than four do not read in print anyway.
    static func fill(_ series: Int, id: String) -> String {
        switch series % 4 {
        case 0: ink
        case 3: "#bdbdbd"
        default: "url(#\(id)-fill\(series % 4))"
        }
    }

    static func patterns(id: String) -> String {
        let paper = tag("rect", ["width": "6", "height": "6", "fill": "#fff"])
        return open("pattern", ["id": "\(id)-fill1", "width": "6", "height": "6", "patternUnits": "userSpaceOnUse",
                                "patternTransform": "rotate(45)"])
            + paper + tag("line", ["x1": "0", "y1": "0", "x2": "0", "y2": "6", "stroke": ink, "stroke-width": "2.5"]) + "</pattern>"
            + open("pattern", ["id": "\(id)-fill2", "width": "6", "height": "6", "patternUnits": "userSpaceOnUse"])
            + paper + tag("circle", ["cx": "3", "cy": "3", "r": "1.5", "fill": ink]) + "</pattern>"
    }

    /// Lines differ by dash and by marker shape, so either alone tells them apart (four, as for bars).
    static let dashes = ["none", "8 4", "2 4", "12 4 2 4"]

    static func marker(_ series: Int, x: Double, y: Double) -> String {
        let at = { (dx: Double, dy: Double) in "\(number(x + dx)),\(number(y + dy))" }
        switch series % 4 {
        case 0: return tag("circle", ["class": "marker", "cx": number(x), "cy": number(y), "r": "4", "fill": ink])
        case 1: return tag("rect", ["class": "marker", "x": number(x - 4), "y": number(y - 4), "width": "8", "height": "8", "fill": "#fff",
                                    "stroke": ink, "stroke-width": "1.5"])
        case 2: return tag("polygon", ["class": "marker", "points": [at(0, -5), at(5, 4), at(-5, 4)].joined(separator: " "), "fill": ink])
        default: return tag("polygon", ["class": "marker", "points": [at(0, -5), at(5, 0), at(0, 5), at(-5, 0)].joined(separator: " "),
                                        "fill": "#fff", "stroke": ink, "stroke-width": "1.5"])
        }
    }

    /// Round tick values from 0 to at least `maximum`, about five steps of 1, 2 or 5 × 10ⁿ.
    static func scale(upTo maximum: Double) -> [Double] {
        let rough = (maximum > 0 ? maximum : 1) / 5
        let magnitude = pow(10, (log10(rough)).rounded(.down))
        let step = [1.0, 2, 5, 10].map { $0 * magnitude }.first { $0 >= rough }!
        let steps = Int((maximum / step).rounded(.up))
        return (0...max(1, steps)).map { Double($0) * step }
    }

    static func textWidth(_ text: String) -> Double { Double(text.count) * characterWidth }

    static func fitted(_ text: String, width: Double) -> String {
        textWidth(text) <= width ? text : String(text.prefix(Int(width / characterWidth) - 1)) + "…"
    }

    static func text(_ content: String, x: Double, y: Double, anchor: String = "start", size: Int = 12,
                     weight: String = "normal") -> String {
        open("text", ["x": number(x), "y": number(y), "text-anchor": anchor, "font-size": String(size), "font-weight": weight])
            + escape(content) + "</text>"
    }

    static func open(_ name: String, _ attributes: KeyValuePairs<String, String>) -> String {
        "<\(name)" + attributes.map { " \($0.key)=\"\(escape($0.value))\"" }.joined() + ">"
    }

    static func tag(_ name: String, _ attributes: KeyValuePairs<String, String>) -> String {
        String(open(name, attributes).dropLast()) + "/>"
    }

    /// Text and attribute values as XML: the five special characters as entities, and the control
    /// characters XML 1.0 cannot hold at all left out.
    static func escape(_ text: String) -> String {
        var escaped = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&apos;"
            case "\t", "\n", "\r": escaped.unicodeScalars.append(scalar)
            case _ where scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF: continue
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }
}
