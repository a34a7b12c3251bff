import Fluent
import Plot
import SchakelCore
import Vapor

/// `/start`: what a caseworker's day starts with. Everything links to where it is handled.
struct DayPage {
    let context: PageContext
    let incoming: [Referrals.Line]
    let overdue: [Referrals.Line]
    let upcoming: [UpcomingRightToWorkDTO]
    let notifications: [NotificationModel]
    /// Nil for roles without dossiers.
    let caseload: Page<PersonSummaryDTO>?
    let names: [UUID: String]
    let today: CalendarDate

    var l: UILanguage { context.language }

    func render() -> Response {
        let user = context.user
        return context.render(
            Strings.welcome.formatted(l, user.displayName),
            .h1(.text(Strings.welcome.formatted(l, user.displayName))),
            .dl(.class("facts"),
                .dt(.text(Strings.yourOrganisation(l))), .dd(.text(context.organisation(user.organisationID))),
                .dt(.text(Strings.yourRole(l))), .dd(.text(Strings.role(user.role.rawValue)(l)))),
            .if(user.role == .analyst,
                .group(.p(.text(UIText.analystStart(l))), .p(.a(.class("button-link"), .href(SiteURL.figures), .text(UIText.openFigures(l)))))),
            .unwrap(caseload) { caseload in
                .div(.class("grid-2"),
                     .section(.class("part"), .attribute(named: "aria-labelledby", value: "incoming-title"),
                              .h2(.id("incoming-title"), .text(UIText.incoming(l))),
                              incoming.isEmpty ? View.empty(UIText.incomingEmpty(l)) : referralList(incoming, id: "incoming")),
                     .section(.class("part"), .attribute(named: "aria-labelledby", value: "overdue-title"),
                              .h2(.id("overdue-title"), .text(UIText.overdueHeading(l))),
                              overdue.isEmpty ? View.empty(UIText.overdueEmpty(l)) : referralList(overdue, id: "overdue")),
                     .section(.class("part"), .attribute(named: "aria-labelledby", value: "rtw-title"),
                              .h2(.id("rtw-title"), .text(UIText.rightToWorkSoon(l))),
                              upcoming.isEmpty ? View.empty(UIText.rightToWorkEmpty(l)) : .ul(.class("list"), .id("right-to-work"),
                                  .forEach(upcoming.prefix(15)) { person in
                                      .li(.a(.href(SiteURL.person(person.personId)),
                                             .text(View.personName(givenName: person.givenName, familyName: person.familyName,
                                                                   reference: person.reference, l))),
                                          .span(.class("meta"), .text("\(person.rightToWorkOn.belgian) · \(UIText.inDays(l, person.daysUntil)) · "
                                                                      + (person.referred ? UIText.referred(l) : UIText.notReferredYet(l)))))
                                  })),
                     .section(.class("part"), .attribute(named: "aria-labelledby", value: "notifications-title"),
                              .h2(.id("notifications-title"), .text(UIText.notifications(l))),
                              notifications.isEmpty ? View.empty(UIText.notificationsEmpty(l)) : .ul(.class("list"), .id("notifications"),
                                  .forEach(notifications) { notification in
                                      .li(.a(.href(link(notification)), .text(UIText.notification(l, notification.kind))),
                                          .span(.class("meta"), .text(View.moment(notification.createdAt))),
                                          .form(.class("inline"), .method(.post),
                                                .action(SiteURL.notificationRead(notification.id)),
                                                Form.token(context),
                                                .button(.type(.submit), .class("link-button"), .text(UIText.markRead(l)))))
                                  })),
                     .section(.class("part"), .attribute(named: "aria-labelledby", value: "caseload-title"),
                              .h2(.id("caseload-title"), .text(UIText.caseload(l))),
                              caseload.items.isEmpty ? View.empty(UIText.caseloadEmpty(l)) : .ul(.class("list"),
                                  .forEach(caseload.items) { person in
                                      .li(.a(.href(SiteURL.person(person.id)),
                                             .text(View.personName(givenName: person.givenName, familyName: person.familyName,
                                                                   reference: person.reference, l))))
                                  }),
                              .p(.a(.href(SiteURL.persons), .text(UIText.allPersons(l) + " (\(caseload.metadata.total))")),
                                 .text(" · "), .a(.href(SiteURL.newPerson), .text(UIText.newScreening(l))))),
                     .section(.class("part"), .attribute(named: "aria-labelledby", value: "evaluation-title"),
                              .h2(.id("evaluation-title"), .text(SurveyText.link(l))),
                              .ul(.class("list"),
                                  .li(.a(.href(SiteURL.survey("frontline-worker")), .text(SurveyText.title(l, .frontlineWorker)))),
                                  .li(.a(.href(SiteURL.survey("client")), .text(SurveyText.title(l, .client)))))))
            }
        )
    }

    func referralList(_ referrals: [Referrals.Line], id: String) -> Node<HTML.BodyContext> {
        return .ul(.class("list"), .id(id), .forEach(referrals) { referral in
            .li(.a(.href(SiteURL.referral(referral.id)), .text(names[referral.personID] ?? "—")),
                       .text(" "), .if(referral.overdue, .span(.class("badge late"), .text(UIText.overdue(l)))),
                       .span(.class("meta"), .text("\(context.organisation(referral.from)) → \(context.organisation(referral.to)) · "
                                                   + UIText.referralState(l, referral.state)
                                                   + (referral.dueOn.map { " · " + UIText.dueOn(l) + " " + $0.belgian } ?? ""))))
        })
    }

    /// Where a notification is handled: a referral's page; the others have no screen of their own yet.
    func link(_ notification: NotificationModel) -> SiteURL {
        switch notification.kind {
        case .referralReceived, .referralDecided, .referralOverdue, .handOverMeeting:
            return SiteURL.referral(notification.subjectID)
        case .conferenceAction:
            return SiteURL.conferences
        case .employerRequestAssigned:
            return SiteURL.employerRequest(notification.subjectID)
        case .correctionRequested:
            return SiteURL.correctionRequest(notification.subjectID)
        }
    }
}
