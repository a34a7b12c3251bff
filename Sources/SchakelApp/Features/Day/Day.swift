import Fluent
import Foundation
import SchakelCore

/// A caseworker's day: what waits for the organisation, what is late on either side, who may work soon, what
/// happened, and the first of their own caseload; each person named as the rule lets the reader see them.
enum Day {
    struct Overview: Sendable {
        var incoming: [Referrals.Line] = []
        var overdue: [Referrals.Line] = []
        var upcoming: [UpcomingRightToWorkDTO] = []
        var notifications: [NotificationModel] = []
        var caseload: Page<PersonSummaryDTO>?
        /// The persons of the referrals above.
        var persons: [UUID: PersonSummaryDTO] = [:]
    }

    /// For roles that do not work with dossiers the day is empty (a coordinator goes to the figures).
    static func overview(purpose: Purpose, caller: Caller) async throws -> Overview {
        guard Caller.caseworkerRoles.contains(caller.role) else { return Overview() }
        let organisation = caller.organisationID
        var day = Overview()
        let incoming = try await ReferralModel.query(on: caller.db).filter(\.$to.$id == organisation)
            .filter(\.$state ~~ [.sent, .received]).sort(\.$dueOn).sort(\.$id).limit(20).all()
        let overdue = try await ReferralModel.query(on: caller.db)
            .group(.or) { $0.filter(\.$to.$id == organisation).filter(\.$from.$id == organisation) }
            .overdue(on: caller.today).sort(\.$dueOn).sort(\.$id).limit(20).all()
        day.incoming = try incoming.map { try Referrals.line($0, today: caller.today) }
        day.overdue = try overdue.map { try Referrals.line($0, today: caller.today) }
        day.upcoming = try await Trajectories.upcomingRightToWork(weeks: 6, caller: caller)
        day.notifications = try await Notifications.unread(limit: 10, caller: caller)
        day.caseload = try await Persons.listing(purpose: purpose, nameIndex: nil, paging: Paging(page: 1, per: 10), caller: caller)
        day.persons = try await Persons.labels(of: incoming + overdue, caller: caller)
        return day
    }
}
