/// One cell of a CSV file that people open in a spreadsheet: the one rule every export of Schakel
/// (figures, the offer catalogue) writes its cells by, and the import reads them back by.
///
/// A spreadsheet runs a cell starting with = + - @ (or a tab or a carriage return) as a formula (CSV
/// injection, OWASP), and cells hold text users typed; a leading apostrophe makes such a cell text.
/// A signed number ("-12", "+7", "-1.5") stays a number. A cell that already starts with apostrophes
/// before such a character gets one more, so `restored` gives back exactly what was written: an
/// exported file loads back unchanged.
public enum CSVCell {
    /// The cell as written to a file: neutralised, then quoted (RFC 4180) when it holds a comma, a
    /// quote or a line break.
    public static func field(_ text: String) -> String {
        let safe = neutralised(text)
        guard safe.unicodeScalars.contains(where: { ",\"\r\n".unicodeScalars.contains($0) }) else { return safe }
        return "\"" + safe.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// The text with an apostrophe in front when a spreadsheet would run it as a formula.
    public static func neutralised(_ text: String) -> String {
        startsFormula(text.drop { $0 == "'" }) ? "'" + text : text
    }

    /// The inverse of `neutralised`, for an import: the apostrophe an export put in front is taken off.
    /// A cell a person typed as `'=x` into a file of their own therefore loads as `=x`.
    public static func restored(_ text: String) -> String {
        guard text.first == "'", startsFormula(text.dropFirst().drop { $0 == "'" }) else { return text }
        return String(text.dropFirst())
    }

    /// Whether a spreadsheet would run the text as a formula.
    public static func startsFormula(_ text: Substring) -> Bool {
        guard let first = text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else { return false }
        let rest = text.unicodeScalars.dropFirst()
        let isDigit = { (scalar: Unicode.Scalar) in ("0"..."9").contains(scalar) }
        let signedNumber = "+-".unicodeScalars.contains(first) && rest.contains(where: isDigit)
            && rest.allSatisfy { isDigit($0) || $0 == "." || $0 == "," }
        return !signedNumber
    }
}
