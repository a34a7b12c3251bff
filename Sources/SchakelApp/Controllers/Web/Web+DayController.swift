import Fluent
import Foundation
import SchakelCore
import Vapor

extension Web {
    /// `/start`: a caseworker's day (what waits, what is late, who may work soon, what happened), a
    /// coordinator's way to the figures; and `/taal`, the language switch.
    struct DayController {
        @Sendable func day(_ request: Request) async throws -> Response {
            let context = try await PageContext.load(request)
            let caller = try request.caller
            let day = try await Day.overview(purpose: try request.purpose(), caller: caller)
            return DayPage(context: context, incoming: day.incoming, overdue: day.overdue, upcoming: day.upcoming,
                           notifications: day.notifications, caseload: day.caseload,
                           names: PersonNames.names(day.persons, context.language), today: caller.today).render()
        }

        @Sendable func markRead(_ request: Request) async throws -> Response {
            try request.verifyForm()
            _ = try await Notifications.markRead(try request.uuidParameter("notificationID"), caller: try request.caller)
            return request.redirect(to: SiteURL.start, redirectType: .normal)
        }

        struct LanguageForm: Content {
            let taal: String?
            let terug: String?
        }

        /// Keeps the choice with the account (so it holds on every device and after signing in again)
        /// and returns to the page it came from.
        @Sendable func switchLanguage(_ request: Request) async throws -> Response {
            try request.verifyForm()
            let form = try request.content.decode(LanguageForm.self)
            guard let language = form.taal.flatMap(UILanguage.init(rawValue:)) else {
                throw SchakelError.validation(field: "taal", reason: Strings.unknownValue, arguments: ["nl, en"])
            }
            try await Accounts.setLanguage(language, caller: try request.caller)
            // Only a path of this site, never another host (`LocalPath`).
            return request.redirect(to: form.terug.flatMap(LocalPath.validated) ?? SiteURL.start.path, redirectType: .normal)
        }
    }
}

/// Names of persons for a page, from the labels a feature read through the access rule: the name when identity is
/// shared with the reader, else the dossier number.
enum PersonNames {
    static func names(_ labels: [UUID: PersonSummaryDTO], _ language: UILanguage) -> [UUID: String] {
        labels.mapValues { View.personName(givenName: $0.givenName, familyName: $0.familyName, reference: $0.reference, language) }
    }
}
