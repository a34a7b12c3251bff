import Foundation
import SchakelCore

/// What a person reads in their own language: the consent text, its easy-read explanation and the signing sheet.
/// One catalogue per language of the people the chain serves (`PersonText+<code>.swift`), each with its review
/// status; `PersonTextTests` holds every key in every catalogue, with no Dutch standing in for another language.
///
/// Texts take `{organisation}`, `{purpose}`, `{categories}` and `{date}` where they name them.
struct PersonText: Sendable {
    enum Key: Hashable, Sendable {
        /// The language's own name for itself.
        case languageName
        /// The standard consent text.
        case consent
        /// The easy-read explanation: short sentences on what, with whom, why, how long, how to withdraw, and that
        /// saying no is allowed.
        case easyReadTitle, easyWhat, easyWho, easyWhy, easyUntilWithdrawn, easyUntilDate, easyWithdraw, easyFree
        /// The printable sheet for signing.
        case sheetTitle, sheetSignature, sheetDate, sheetCaseworker, sheetHelper
        case purpose(Purpose)
        case category(DataCategory)

        static let all: [Key] = [.languageName, .consent, .easyReadTitle, .easyWhat, .easyWho, .easyWhy, .easyUntilWithdrawn,
                                 .easyUntilDate, .easyWithdraw, .easyFree, .sheetTitle, .sheetSignature, .sheetDate, .sheetCaseworker,
                                 .sheetHelper]
            + Purpose.allCases.map(Key.purpose) + DataCategory.allCases.map(Key.category)

        /// The key as a test names it ("category.identity"); not `description`, which the default case would recurse into.
        var name: String {
            switch self {
            case let .purpose(purpose): "purpose.\(purpose.rawValue)"
            case let .category(category): "category.\(category.rawValue)"
            default: "\(self)".components(separatedBy: "(").first ?? ""
            }
        }
    }

    let language: ConsentLanguage
    /// Reviewed by a qualified translator. Dutch, the source every other text is translated from, counts as reviewed.
    let reviewedByTranslator: Bool
    let texts: [Key: String]

    static func catalogue(_ language: ConsentLanguage) -> PersonText {
        switch language {
        case .nl: .nl
        case .fr: .fr
        case .en: .en
        case .ar: .ar
        case .fa: .fa
        case .ps: .ps
        case .ti: .ti
        case .uk: .uk
        case .tr: .tr
        }
    }

    /// The text for `key`. Every catalogue holds every key (`PersonTextTests`); an empty string would show a gap,
    /// never another language.
    subscript(_ key: Key) -> String { texts[key] ?? "" }

    /// The standard consent text for these choices, in this language.
    func consent(organisation: String, purpose: Purpose, categories: [DataCategory]) -> String {
        fill(self[.consent], organisation: organisation, purpose: purpose, categories: categories)
    }

    /// The easy-read explanation, one short sentence per line.
    func easyRead(organisation: String, purpose: Purpose, categories: [DataCategory], until: CalendarDate?) -> [String] {
        [.easyWhat, .easyWho, .easyWhy, until == nil ? .easyUntilWithdrawn : .easyUntilDate, .easyWithdraw, .easyFree].map {
            fill(self[$0], organisation: organisation, purpose: purpose, categories: categories, date: until)
        }
    }

    func categories(_ categories: [DataCategory]) -> String {
        DataCategory.allCases.filter(categories.contains).map { self[.category($0)] }.joined(separator: language == .ar ? "، " : ", ")
    }

    private func fill(_ template: String, organisation: String, purpose: Purpose, categories: [DataCategory],
                      date: CalendarDate? = nil) -> String {
        template.replacingOccurrences(of: "{organisation}", with: organisation)
            .replacingOccurrences(of: "{purpose}", with: self[.purpose(purpose)])
            .replacingOccurrences(of: "{categories}", with: self.categories(categories))
            .replacingOccurrences(of: "{date}", with: date?.belgian ?? "")
    }
}
