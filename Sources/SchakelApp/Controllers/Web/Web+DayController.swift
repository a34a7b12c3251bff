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
            let user = context.user
            guard Caller.caseworkerRoles.contains(user.role) else {
                return DayPage(context: context, incoming: [], overdue: [], upcoming: [], notifications: [], caseload: nil, names: [:], today: request.now.brusselsDay)
                    .render()
            }
            let today = request.now.brusselsDay
            let organisation = user.organisationID
            let incoming = try await ReferralModel.query(on: request.db).filter(\.$to.$id == organisation)
                .filter(\.$state ~~ [.sent, .received]).sort(\.$dueOn).sort(\.$id).limit(20).all()
            let overdue = try await ReferralModel.query(on: request.db)
                .group(.or) { $0.filter(\.$to.$id == organisation).filter(\.$from.$id == organisation) }
                .overdue(on: today).sort(\.$dueOn).sort(\.$id).limit(20).all()
            let caller = try request.caller
            let upcoming = try await Trajectories.upcomingRightToWork(weeks: 6, caller: caller)
            try await Notifier.raiseOverdue(for: organisation, today: today, at: request.now, on: request.db)
            let notifications = try await NotificationModel.query(on: request.db).filter(\.$organisation.$id == organisation)
                .group(.or) { $0.filter(\.$user.$id == nil).filter(\.$user.$id == user.id) }
                .filter(\.$readAt == nil).sort(\.$createdAt, .descending).sort(\.$id).limit(10).all()
            let caseload = try await Persons.listing(purpose: try request.purpose(), nameIndex: nil, paging: Paging(page: 1, per: 10),
                                                     caller: caller)
            let names = PersonNames.names(try await Persons.labels(of: incoming + overdue, caller: caller), context.language)
            return DayPage(context: context, incoming: incoming, overdue: overdue, upcoming: upcoming, notifications: notifications,
                           caseload: caseload, names: names, today: today).render()
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
            let user = try request.user
            guard let account = try await UserModel.find(user.id, on: request.db) else { throw SchakelError.unauthorized }
            account.language = language.rawValue
            try await account.save(on: request.db)
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
