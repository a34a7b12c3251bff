import Vapor

/// The UI languages: Dutch first, English second.
enum UILanguage: String, CaseIterable, Codable, Sendable {
    case nl, en

    /// From the signed-in user's choice, else the browser's Accept-UILanguage, else Dutch.
    static func preferred(by request: Request, userChoice: String? = nil) -> UILanguage {
        if let choice = userChoice.flatMap(UILanguage.init(rawValue:)) { return choice }
        let header = request.headers.first(name: .acceptLanguage)?.lowercased() ?? ""
        for part in header.split(separator: ",") {
            let tag = part.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
            if tag.hasPrefix("nl") { return .nl }
            if tag.hasPrefix("en") { return .en }
        }
        return .nl
    }
}

/// A text in both languages; every label and message the app shows is one of these.
struct Text: Sendable, Equatable {
    let nl: String
    let en: String

    func callAsFunction(_ language: UILanguage) -> String {
        switch language {
        case .nl: return nl
        case .en: return en
        }
    }
}
