import Testing
@testable import SchakelCore

@Suite struct LocalPathTests {
    @Test(arguments: ["/personen", "/doorverwijzingen?richting=verzonden", "/personen/0A1B2C3D-0000-4000-8000-000000000000", "/", " /start "])
    func aPathOfThisSiteIsFollowed(path: String) {
        #expect(LocalPath.validated(path) == path.trimmingCharacters(in: [" "]))
    }

    /// Every form a browser reads as another site, or that is not a plain path, is refused.
    @Test(arguments: [
        "//evil.example", "/\t/evil.example", "/\\evil.example", "\\\\evil.example", "/\\/evil.example", " //evil.example",
        "/\n/evil.example", "/\r/evil.example", "\t//evil.example", "/\u{0}/evil.example", "/\u{7f}/evil.example",
        "https://evil.example", "javascript:alert(1)", "evil.example", "", " ", "/a\\b", "/\u{3000}/evil.example",
        "/\u{FF0F}evil.example", "/%0d%0aSet-Cookie:x=y\r\nSet-Cookie: x=y", "/ /evil.example", "data:text/html,<script>",
        "///evil.example",
    ])
    func anythingElseIsNot(value: String) {
        #expect(LocalPath.validated(value) == nil)
    }

    @Test func aPathIsAtMostTwoThousandCharacters() {
        #expect(LocalPath.validated("/" + String(repeating: "a", count: 1999)) != nil)
        #expect(LocalPath.validated("/" + String(repeating: "a", count: 2000)) == nil)
    }
}
