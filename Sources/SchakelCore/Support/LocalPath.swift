/// A path of this site to send a browser back to (the language switch's `terug=`), never another host.
///
/// Browsers forgive a lot in a Location: they drop tabs and line breaks anywhere, trim spaces and
/// control characters, read `\` as `/`, and take `//host` or `/\host` as another site. So only this
/// is followed: after trimming spaces, a single leading `/`, then printable ASCII without spaces
/// or backslashes (so no control character, no scheme, no `//` or `/\` at the start), at most 2 000
/// characters. Anything else is not a local path.
public enum LocalPath {
    public static let maxLength = 2000

    /// The path when it is one of this site's, else nil.
    public static func validated(_ text: String) -> String? {
        let trimmed = Substring(text).drop(while: { $0 == " " })
        let path = trimmed.reversed().drop(while: { $0 == " " }).reversed()
        let scalars = Array(String(path).unicodeScalars)
        guard scalars.count <= maxLength, scalars.first == "/" else { return nil }
        guard scalars.allSatisfy({ (0x21...0x7E).contains($0.value) && $0 != "\\" }) else { return nil }
        if scalars.count > 1, scalars[1] == "/" { return nil }
        return String(String.UnicodeScalarView(scalars))
    }
}
