import Foundation
import Testing
@testable import SchakelApp
import SchakelCore

/// Every text a page shows lives in `Localization/`, in Dutch and in English: no label left empty, no English
/// left out (a Dutch text copied as "English"), no name or number that one language shows and the other drops,
/// and no two states or kinds a reader could not tell apart.
@Suite("Localization: every text in both languages, in one place")
struct LocalizationTests {
    /// Texts that read the same in Dutch and English: names, codes, and words both languages share.
    static let sameInBothLanguages: Set<String> = [
        "Schakel", "Demo", "Code", "Dari", "Contact", "E-mail", "IBO", "Partners", "Routes", "Sector", "Tigrinya",
        "bachelor (ISCED 6)", "master (ISCED 7)", #"in \(country)"#, "open", "screening", "weekend",
    ]

    // MARK: One place

    @Test func viewsAndControllersSpellNoTextsOfTheirOwn() throws {
        var found: [String] = []
        for folder in ["Views", "Controllers"] {
            for file in try Self.swiftFiles(in: Self.sources.appendingPathComponent(folder)) {
                let text = try String(contentsOf: file, encoding: .utf8)
                let name = folder + "/" + file.lastPathComponent
                for pair in Self.textPairs(in: text) { found.append("\(name): \"\(pair.nl)\" / \"\(pair.en)\"") }
                for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
                where line.contains("Text(nl:") || line.contains("nl: \"") || line.contains("static func t(") {
                    found.append("\(name):\(number + 1): \(line.trimmingCharacters(in: .whitespaces))")
                }
            }
        }
        #expect(found.isEmpty, "texts outside Localization/: \(found)")
    }

    // MARK: Both languages

    @Test func everyCatalogueTextHasDutchAndEnglish() throws {
        let pairs = try Self.cataloguePairs()
        // The scanner must see the catalogues, or this test proves nothing.
        #expect(pairs.count > 500, "only \(pairs.count) texts found in Localization/")
        for pair in pairs {
            #expect(!pair.nl.trimmingCharacters(in: .whitespaces).isEmpty, "empty Dutch text in \(pair.file) (English: \"\(pair.en)\")")
            #expect(!pair.en.trimmingCharacters(in: .whitespaces).isEmpty, "empty English text in \(pair.file) (Dutch: \"\(pair.nl)\")")
            #expect(pair.nl != pair.en || Self.sameInBothLanguages.contains(pair.nl),
                    "\(pair.file): \"\(pair.nl)\" is the same in English: untranslated?")
        }
    }

    /// A name, date or number shown in one language is shown in the other: the same interpolations, and the
    /// same `%@`/`%d` in the same order (they are filled in order).
    @Test func bothLanguagesShowTheSameValues() throws {
        for pair in try Self.cataloguePairs() {
            #expect(Self.interpolations(pair.nl).sorted() == Self.interpolations(pair.en).sorted(),
                    "\(pair.file): \"\(pair.nl)\" and \"\(pair.en)\" show different values")
            #expect(Self.formatSpecifiers(pair.nl) == Self.formatSpecifiers(pair.en),
                    "\(pair.file): \"\(pair.nl)\" and \"\(pair.en)\" take different arguments")
        }
    }

    // MARK: Words for codes

    /// Each state, kind or step has its own words in each language, so a list or a select never shows two
    /// choices alike, nor an empty one.
    @Test(arguments: UILanguage.allCases)
    func everyCodeHasWordsOfItsOwn(language l: UILanguage) {
        let catalogues: [(String, [String])] = [
            ("referral state", ReferralState.allCases.map { UIText.referralState(l, $0) }),
            ("referral step", ReferralAction.allCases.map { UIText.referralAction(l, $0) }),
            ("referral outcome", ReferralOutcome.allCases.map { UIText.referralOutcome(l, $0) }),
            ("refusal reason", RefusalReason.allCases.map { FigureText.refusalReason(l, $0) }),
            ("purpose", Purpose.allCases.map { UIText.purposeName(l, $0) }),
            ("data category", DataCategory.allCases.map { UIText.category(l, $0) }),
            ("consent method", ConsentMethod.allCases.map { UIText.consentMethod(l, $0) }),
            ("legal status", LegalStatus.allCases.map { UIText.status(l, $0) }),
            ("education level", ISCEDLevel.allCases.map { UIText.isced(l, $0) }),
            ("trajectory step", TrajectoryStepKind.allCases.map { UIText.stepKind(l, $0) }),
            ("step status", TrajectoryStepStatus.allCases.map { UIText.stepStatus(l, $0) }),
            ("step outcome", TrajectoryStepOutcome.allCases.map { UIText.stepOutcome(l, $0) }),
            ("milestone", MilestoneKind.allCases.map { UIText.milestone(l, $0) }),
            ("offer kind", OfferKind.allCases.map { UIText.offerKind(l, $0) }),
            ("offer schedule", OfferSchedule.allCases.map { UIText.offerSchedule(l, $0) }),
            ("organisation kind", OrganisationKind.allCases.map { FigureText.organisationKind(l, $0) }),
            ("agreement kind", AgreementKind.allCases.map { AdminText.agreementKind(l, $0) }),
            ("party task", PartyTask.allCases.map { AdminText.task(l, $0) }),
            ("role", UserRole.allCases.map { Strings.role($0.rawValue)(l) }),
            ("conference item", ConferenceItemKind.allCases.map { ConferenceText.kind(l, $0) }),
            ("conference action status", ConferenceActionStatus.allCases.map { ConferenceText.status(l, $0) }),
            ("employer request kind", EmployerRequestKind.allCases.map { EmployerText.kind(l, $0) }),
            ("employer request state", EmployerRequestState.allCases.map { EmployerText.state(l, $0) }),
            ("questionnaire", SurveyAudience.allCases.map { SurveyText.title(l, $0) }),
            ("survey report", SurveyAudience.allCases.map { SurveyText.reportTitle(l, $0) }),
            ("notification", NotificationKind.allCases.map { UIText.notification(l, $0) }),
            ("access log outcome", AuditEvent.Outcome.allCases.map { AccessLogText.outcome(l, $0.rawValue) }),
            ("access log action", Self.dossierActions.map { AccessLogText.action(l, $0.rawValue) }),
            ("page language", UILanguage.allCases.map { UIText.autonym($0) }),
        ]
        for (name, words) in catalogues {
            #expect(!words.isEmpty, "\(name): no cases")
            #expect(words.allSatisfy { !$0.trimmingCharacters(in: .whitespaces).isEmpty }, "\(name) (\(l)): an empty label in \(words)")
            #expect(Set(words).count == words.count, "\(name) (\(l)): two cases read the same in \(words)")
        }
    }

    /// A dossier's access log names what happened in the reader's words, never by the audit code.
    @Test func theAccessLogNeverShowsACodeInDutch() {
        for action in Self.dossierActions {
            #expect(AccessLogText.action(.nl, action.rawValue) != action.rawValue, "access log action \(action.rawValue) has no Dutch words")
        }
        for outcome in AuditEvent.Outcome.allCases {
            #expect(AccessLogText.outcome(.nl, outcome.rawValue) != outcome.rawValue, "access log outcome \(outcome.rawValue) has no Dutch words")
        }
    }

    /// The actions recorded against a person, as the dossier's access log lists them (the registry's own actions
    /// have no person and so never show there).
    static let dossierActions: [AuditEvent.Action] = [
        .read, .create, .update, .consentGiven, .consentWithdrawn, .export, .erase, .search, .accessLogRead, .keyRotation,
        .referralSnapshot, .referralStep,
    ]

    // MARK: Reading the sources

    struct Pair {
        let file: String
        let nl: String
        let en: String
    }

    static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources/SchakelApp")

    static func swiftFiles(in folder: URL) throws -> [URL] {
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)
        let files = (enumerator?.allObjects as? [URL] ?? []).filter { $0.pathExtension == "swift" }
        guard !files.isEmpty else { throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: folder.path]) }
        return files.sorted { $0.path < $1.path }
    }

    static func cataloguePairs() throws -> [Pair] {
        try swiftFiles(in: sources.appendingPathComponent("Localization")).flatMap { file in
            textPairs(in: try String(contentsOf: file, encoding: .utf8)).map { Pair(file: file.lastPathComponent, nl: $0.nl, en: $0.en) }
        }
    }

    /// Every `t(l, "…", "…")`, `t(language, "…", "…")` and `Text(nl: "…", en: "…")` in a source text, with the literals as
    /// written (interpolations included).
    static func textPairs(in source: String) -> [(nl: String, en: String)] {
        let characters = Array(source)
        var pairs: [(nl: String, en: String)] = []
        var index = 0
        while index < characters.count {
            var at: Int?
            var separator = ","
            if characters[index...].starts(with: "Text(") {
                at = skipping(characters, index + 5, "nl:")
                separator = "en:"
            } else if characters[index...].starts(with: "t("), index == 0 || !(characters[index - 1].isLetter || characters[index - 1].isNumber || characters[index - 1] == ".") {
                var cursor = skippingSpaces(characters, index + 2)
                while cursor < characters.count, characters[cursor].isLetter { cursor += 1 }
                at = cursor < characters.count && characters[cursor] == "," ? skippingSpaces(characters, cursor + 1) : nil
            }
            if let start = at, let nl = literal(characters, start) {
                var cursor = skippingSpaces(characters, nl.end)
                if cursor < characters.count, characters[cursor] == "," {
                    cursor = skippingSpaces(characters, cursor + 1)
                    if separator == "en:" { cursor = skipping(characters, cursor, "en:") ?? characters.count }
                    if let en = literal(characters, cursor) {
                        pairs.append((nl.text, en.text))
                        index = en.end
                        continue
                    }
                }
            }
            index += 1
        }
        return pairs
    }

    private static func skippingSpaces(_ characters: [Character], _ index: Int) -> Int {
        var index = index
        while index < characters.count, characters[index].isWhitespace { index += 1 }
        return index
    }

    private static func skipping(_ characters: [Character], _ index: Int, _ word: String) -> Int? {
        let start = skippingSpaces(characters, index)
        guard start < characters.count, characters[start...].starts(with: word) else { return nil }
        return skippingSpaces(characters, start + word.count)
    }

    /// The single-line string literal starting at `index` (its opening quote): its text as written, and the index
    /// after its closing quote. Interpolations may hold literals of their own.
    static func literal(_ characters: [Character], _ index: Int) -> (text: String, end: Int)? {
        guard index < characters.count, characters[index] == "\"" else { return nil }
        if characters[index...].starts(with: "\"\"\"") { return nil }
        var text = ""
        var cursor = index + 1
        while cursor < characters.count {
            let character = characters[cursor]
            if character == "\"" { return (text, cursor + 1) }
            if character == "\n" { return nil }
            if character == "\\", cursor + 1 < characters.count, characters[cursor + 1] == "(" {
                // An interpolation: up to its closing parenthesis, stepping over literals inside it.
                var depth = 0
                var inner = cursor + 1
                while inner < characters.count {
                    if characters[inner] == "\"", let nested = literal(characters, inner) {
                        inner = nested.end
                        continue
                    }
                    if characters[inner] == "(" { depth += 1 }
                    if characters[inner] == ")" { depth -= 1; if depth == 0 { break } }
                    inner += 1
                }
                text += String(characters[cursor...min(inner, characters.count - 1)])
                cursor = inner + 1
                continue
            }
            if character == "\\", cursor + 1 < characters.count {
                text += String(characters[cursor...cursor + 1])
                cursor += 2
                continue
            }
            text.append(character)
            cursor += 1
        }
        return nil
    }

    /// The interpolated expressions of a literal as written, their own words left out: `\(name)`,
    /// `\(n == 1 ? "" : "")`.
    static func interpolations(_ text: String) -> [String] {
        let characters = Array(text)
        var found: [String] = []
        var index = 0
        while index + 1 < characters.count {
            if characters[index] == "\\", characters[index + 1] == "(" {
                var depth = 0
                var end = index + 1
                while end < characters.count {
                    if characters[end] == "(" { depth += 1 }
                    if characters[end] == ")" { depth -= 1; if depth == 0 { break } }
                    end += 1
                }
                var expression = String(characters[index...min(end, characters.count - 1)])
                // A value given in each language (`daysToContact(l, nl, en)`) is the same value.
                if expression == #"\(nl)"# || expression == #"\(en)"# { expression = #"\(own language)"# }
                found.append(expression.replacingOccurrences(of: #""[^"]*""#, with: "\"\"", options: .regularExpression))
                index = end + 1
            } else {
                index += 1
            }
        }
        return found
    }

    /// `%@`, `%d`, `%1$@` … in order.
    static func formatSpecifiers(_ text: String) -> [String] {
        let characters = Array(text)
        var found: [String] = []
        var index = 0
        while index + 1 < characters.count {
            guard characters[index] == "%" else { index += 1; continue }
            var end = index + 1
            while end < characters.count, characters[end].isNumber || characters[end] == "$" { end += 1 }
            if end < characters.count, "@dDsf%".contains(characters[end]) { found.append(String(characters[index...end])) }
            index = end + 1
        }
        return found
    }

    // MARK: The scanner itself

    @Test func theScannerReadsTheCataloguesForms() {
        let source = #"""
        static func a(_ l: UILanguage) -> String { t(l, "Bewaard.", "Saved.") }
        static func b(_ l: UILanguage, _ n: Int) -> String {
            t(l, "over \(n) \(n == 1 ? "dag" : "dagen")",
              "in \(n) \(n == 1 ? "day" : "days")")
        }
        static let c = Text(nl: "Maximaal %d tekens.", en: "At most %d characters.")
        static let d = Text(
            nl: "Van %@ aan %@", en: "From %@ to %@")
        let notAText = format(l, "x", "y")
        """#
        let pairs = Self.textPairs(in: source)
        #expect(pairs.map(\.nl) == ["Bewaard.", #"over \(n) \(n == 1 ? "dag" : "dagen")"#, "Maximaal %d tekens.", "Van %@ aan %@"])
        #expect(pairs.map(\.en) == ["Saved.", #"in \(n) \(n == 1 ? "day" : "days")"#, "At most %d characters.", "From %@ to %@"])
        #expect(Self.interpolations(pairs[1].nl) == [#"\(n)"#, #"\(n == 1 ? "" : "")"#])
        #expect(Self.interpolations(pairs[1].nl) == Self.interpolations(pairs[1].en))
        #expect(Self.formatSpecifiers(pairs[3].en) == ["%@", "%@"])
    }
}
