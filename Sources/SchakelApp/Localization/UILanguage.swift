import Vapor

/// The UI languages: Dutch first, English second.
enum UILanguage: String, CaseIterable, Codable, Sendable {
    case nl, en

    /// Pages: the signed-in user's choice (the language switch), else the browser's Accept-Language,
    /// else Dutch. The API (`/api/`, `/health`): Accept-Language first, as the README promises a client,
    /// then the account's choice, then Dutch.
    static func preferred(by request: Request, userChoice: String? = nil) -> UILanguage {
        let asked = accepted(by: request)
        if request.url.path.hasPrefix("/api/") || request.url.path == "/health", let asked { return asked }
        if let choice = userChoice.flatMap(UILanguage.init(rawValue:)) { return choice }
        return asked ?? .nl
    }

    /// The first of Dutch or English the Accept-Language header names, if it names one.
    static func accepted(by request: Request) -> UILanguage? {
        let header = request.headers.first(name: .acceptLanguage)?.lowercased() ?? ""
        for part in header.split(separator: ",") {
            let tag = part.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
            if tag.hasPrefix("nl") { return .nl }
            if tag.hasPrefix("en") { return .en }
        }
        return nil
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
