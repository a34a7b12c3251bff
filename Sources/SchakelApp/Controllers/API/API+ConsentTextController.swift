import Foundation
import SchakelCore
import Vapor

/// A language in which a person can be told about consent, and whether its texts were reviewed by a qualified translator.
struct ConsentTextLanguageDTO: Content {
    let language: ConsentLanguage
    /// The language's own name for itself.
    let name: String
    /// For the `lang` attribute.
    let tag: String
    let rightToLeft: Bool
    let reviewedByTranslator: Bool
}

/// What the person is to be shown before agreeing: the standard text for these choices and its easy-read explanation.
struct ConsentTextDTO: Content {
    let language: ConsentLanguage
    let tag: String
    let rightToLeft: Bool
    let reviewedByTranslator: Bool
    let text: String
    let easyReadTitle: String
    let easyRead: [String]
}

extension API {
    /// `/api/v1/consent-texts`: the standard consent texts a partner's system shows the person before it records a
    /// consent here. No person is read.
    struct ConsentTextController {
        @Sendable func languages(_ request: Request) async throws -> [ConsentTextLanguageDTO] {
            try request.caller.requireCaseworker()
            return ConsentLanguage.allCases.map { language in
                let catalogue = PersonText.catalogue(language)
                return ConsentTextLanguageDTO(language: language, name: catalogue[.languageName], tag: language.tag,
                                              rightToLeft: language.isRightToLeft, reviewedByTranslator: catalogue.reviewedByTranslator)
            }
        }

        /// `GET /api/v1/consent-texts/{language}?recipientOrganisationId=&purpose=&categories=identity,languages`
        @Sendable func text(_ request: Request) async throws -> ConsentTextDTO {
            let caller = try request.caller
            try caller.requireCaseworker()
            guard let language = request.parameters.get("language").flatMap(ConsentLanguage.init(rawValue:)) else {
                throw SchakelError.validation(field: "language", reason: Strings.unknownValue,
                                              arguments: [ConsentLanguage.allCases.map(\.rawValue).joined(separator: ", ")])
            }
            guard let recipient = request.query[String.self, at: "recipientOrganisationId"].flatMap(UUID.init(uuidString:)) else {
                throw SchakelError.validation(field: "recipientOrganisationId", reason: Strings.missingField)
            }
            guard let purpose = request.query[String.self, at: "purpose"].flatMap(Purpose.init(rawValue:)) else {
                throw SchakelError.validation(field: "purpose", reason: Strings.unknownValue,
                                              arguments: [Purpose.allCases.map(\.rawValue).joined(separator: ", ")])
            }
            let names = (request.query[String.self, at: "categories"] ?? "").split(separator: ",").map(String.init)
            let categories = names.compactMap(DataCategory.init(rawValue:))
            guard !categories.isEmpty, categories.count == names.count else {
                throw SchakelError.validation(field: "categories", reason: Strings.unknownValue,
                                              arguments: [DataCategory.allCases.map(\.rawValue).joined(separator: ", ")])
            }
            let shown = try await Consents.shown(recipient: recipient, purpose: purpose, categories: categories, language: language,
                                                 caller: caller)
            return ConsentTextDTO(language: language, tag: language.tag, rightToLeft: language.isRightToLeft,
                                  reviewedByTranslator: shown.reviewed, text: shown.text, easyReadTitle: shown.easyReadTitle,
                                  easyRead: shown.easyRead)
        }
    }
}
