import Fluent
import Foundation
import Plot
import SchakelCore
import Vapor

/// Inbox and outbox: what was received (never drafts) and what was sent, with state and deadline.
struct ReferralListPage {
    let context: PageContext
    let direction: String
    let state: ReferralState?
    let overdueOnly: Bool
    let referrals: Page<Referrals.Line>
    let names: [UUID: String]
    let today: CalendarDate

    func render() -> Response {
        let l = context.language
        func link(page: Int) -> SiteURL {
            var url = SiteURL.referrals.query("richting", direction)
            if let state { url = url.query("toestand", state.rawValue) }
            if overdueOnly { url = url.query("telaat", "1") }
            return page > 1 ? url.query("page", String(page)) : url
        }
        return context.render(
            UIText.referrals(l),
            .h1(.text(UIText.referrals(l))),
            .p(.text(UIText.referralsIntro(l))),
            .nav(.class("tabs"), .attribute(named: "aria-label", value: UIText.referrals(l)),
                 .a(.href(SiteURL.referrals.query("richting", "ontvangen")), direction == "ontvangen" ? .attribute(named: "aria-current", value: "page") : .empty,
                    .text(UIText.inbox(l))),
                 .a(.href(SiteURL.referrals.query("richting", "verzonden")), direction == "verzonden" ? .attribute(named: "aria-current", value: "page") : .empty,
                    .text(UIText.outbox(l)))),
            .form(.class("filters"), .method(.get), .action(SiteURL.referrals),
                  Form.hidden("richting", direction),
                  Form.select("toestand", UIText.state(l), ReferralState.allCases.filter { direction == "verzonden" || $0 != .draft }
                                .map { .init(value: $0.rawValue, label: UIText.referralState(l, $0)) },
                              state: FormState(values: ["toestand": state?.rawValue ?? ""]), empty: UIText.allStates(l)),
                  Form.checkbox("telaat", UIText.onlyOverdue(l), checked: overdueOnly, value: "1"),
                  .div(Form.submit(UIText.filter(l)))),
            referrals.items.isEmpty ? View.empty(UIText.referralsEmpty(l)) : .div(.class("table-wrap"), .table(.class("plain"), .id("referrals"),
                .thead(.tr(.th(.text(UIText.person(l))), .th(.text(direction == "verzonden" ? UIText.toOrganisation(l) : UIText.fromOrganisation(l))),
                           .th(.text(UIText.purpose(l))), .th(.text(UIText.state(l))), .th(.text(UIText.dueOn(l))))),
                .tbody(.forEach(referrals.items) { referral in
                    .tr(.td(.a(.href(SiteURL.referral(referral.id)), .text(names[referral.personID] ?? "—"))),
                               .td(.text(context.organisation(direction == "verzonden" ? referral.to : referral.from))),
                               .td(.text(UIText.purposeName(l, referral.purpose))),
                               .td(.text(UIText.referralState(l, referral.state))),
                               .td(.text(referral.dueOn?.belgian ?? "—"), .if(referral.overdue, .group(.text(" "), .span(.class("badge late"), .text(UIText.overdue(l)))))))
                }))),
            View.pager(referrals.metadata, language: l, link: link(page:))
        )
    }
}

/// A new referral: only organisations a route in force leads to, the reason, and then a draft.
struct ReferralFormPage {
    let context: PageContext
    let person: PersonDTO
    let receivers: [Form.Choice]
    let offer: OfferModel?
    let state: FormState

    func render(status: HTTPResponseStatus = .ok) -> Response {
        let l = context.language
        let name = View.personName(givenName: person.givenName, familyName: person.familyName, reference: person.reference, l)
        let labels = ["to": UIText.receiver(l), "purpose": UIText.purpose(l), "reason": UIText.reasonForReferral(l),
                      "desiredStart": UIText.desiredStart(l)]
        return context.render(
            UIText.referTitle(l), status: status,
            .h1(.text(UIText.referTitle(l) + ": " + name)),
            .p(.text(UIText.referIntro(l))),
            .unwrap(offer) { offer in .p(.class("lead"), .text(UIText.trainingApplication(l) + " " + offer.title)) },
            Form.summary(state, language: l, labels: labels),
            receivers.isEmpty ? View.empty(UIText.noRoutes(l)) :
                .form(.class("stacked wide"), .method(.post), .action(SiteURL.newReferral(person.id)),
                      .attribute(named: "novalidate", value: "novalidate"),
                      Form.token(context),
                      .unwrap(state.values["offerId"]) { Form.hidden("offerId", $0) },
                      Form.select("to", UIText.receiver(l), receivers, state: state, empty: UIText.choose(l), required: true),
                      Form.select("purpose", UIText.purpose(l), Purpose.allCases.map { .init(value: $0.rawValue, label: UIText.purposeName(l, $0)) },
                                  state: state, required: true),
                      Form.textarea("reason", UIText.reasonForReferral(l), state: state, hint: UIText.reasonHint(l), required: true),
                      Form.input("desiredStart", UIText.desiredStart(l) + " " + UIText.optional(l), type: "date", state: state),
                      Form.checkbox("urgent", UIText.urgency(l), checked: !state["urgent"].isEmpty),
                      Form.checkbox("warm", UIText.warmHandOver(l), checked: !state["warm"].isEmpty),
                      .div(.class("actions"), Form.submit(UIText.makeDraft(l)),
                           .a(.href(SiteURL.person(person.id)), .text(UIText.cancel(l)))))
        )
    }
}

/// One referral as one side sees it: state, deadline, history, the profile (the receiver's snapshot, or
/// the sender's preview of it), and the steps this side can take now.
struct ReferralPage {
    let context: PageContext
    let referral: ReferralDTO
    let party: ReferralParty
    let preview: PersonDTO?
    let personName: String
    let offer: OfferModel?
    let state: FormState
    let confirmCancel: Bool
    let today: CalendarDate

    var l: UILanguage { context.language }

    func render(status: HTTPResponseStatus = .ok) -> Response {
        let from = context.organisation(referral.fromOrganisationId)
        let to = context.organisation(referral.toOrganisationId)
        let labels = ["reason": UIText.refusalReasonLabel(l), "text": UIText.explanation(l), "outcome": UIText.outcome(l),
                      "step": UIText.nextSteps(l), "heldOn": UIText.heldOn(l), "participants": UIText.participants(l),
                      "personId": UIText.person(l)]
        return context.render(
            UIText.referralTitle(l), status: status,
            .h1(.text(UIText.referralTitle(l) + ": " + personName)),
            .p(.class("lead"), .text("\(from) → \(to) · " + UIText.purposeName(l, referral.purpose))),
            Form.summary(state, language: l, labels: labels),
            .dl(.class("facts"), .id("referral-facts"),
                .dt(.text(UIText.state(l))), .dd(.strong(.id("referral-state"), .text(UIText.referralState(l, referral.state))),
                                                 .if(referral.overdue, .group(.text(" "), .span(.class("badge late"), .text(UIText.overdue(l)))))),
                .dt(.text(UIText.person(l))), .dd(party == .sender || referral.snapshot != nil
                    ? .a(.href(SiteURL.person(referral.personId).query("purpose", referral.purpose.rawValue)), .text(personName)) : .text(personName)),
                .unwrap(referral.sentOn) { .group(.dt(.text(UIText.sentOn(l))), .dd(.text($0.belgian))) },
                .unwrap(referral.dueOn) { .group(.dt(.text(UIText.dueOn(l))), .dd(.text($0.belgian))) },
                .unwrap(offer) { offer in .group(.dt(.text(UIText.trainingApplication(l))),
                                                 .dd(.a(.href(SiteURL.offer(offer.id)), .text(offer.title)))) },
                .unwrap(referral.reason) { .group(.dt(.text(UIText.reasonForReferral(l))), .dd(.text($0))) },
                .if(referral.urgency == .urgent, .group(.dt(.text(UIText.urgency(l))), .dd(.text(UIText.yes(l))))),
                .unwrap(referral.desiredStart) { .group(.dt(.text(UIText.desiredStart(l))), .dd(.text($0.belgian))) },
                .unwrap(referral.outcome) { .group(.dt(.text(UIText.outcome(l))), .dd(.text(UIText.referralOutcome(l, $0)))) }),
            actions(),
            profileSection(),
            handOverSection(),
            historySection()
        )
    }

    func actions() -> Node<HTML.BodyContext> {
        let actions = referral.allowedActions
        if confirmCancel && actions.contains(.cancel) {
            return .section(.class("part"), .id("stappen"), .h2(.text(UIText.nextSteps(l))),
                            .form(.method(.post), .action(SiteURL.referralStep(referral.id, ReferralAction.cancel)), .class("stacked"), .attribute(named: "novalidate", value: "novalidate"),
                                  Form.token(context),
                                  .p(.strong(.text(UIText.cancelQuestion(l)))),
                                  Form.textarea("text", UIText.explanation(l), state: state, required: true),
                                  .div(.class("actions"), Form.submit(UIText.referralAction(l, .cancel), danger: true),
                                       .a(.href(SiteURL.referral(referral.id)), .text(UIText.cancel(l))))))
        }
        return .section(.class("part no-print"), .id("stappen"), .attribute(named: "aria-labelledby", value: "steps-title"),
                        .h2(.id("steps-title"), .text(UIText.nextSteps(l))),
                        actions.isEmpty ? View.empty(UIText.noNextSteps(l)) : .div(.class("step-actions"), .forEach(actions) { action in
                            step(action)
                        }))
    }

    func step(_ action: ReferralAction) -> Node<HTML.BodyContext> {
        let label = UIText.referralAction(l, action)
        let url = SiteURL.referralStep(referral.id, action)
        switch action {
        case .cancel:
            return .a(.class("button-link button-secondary"), .href(SiteURL.referralCancellation(referral.id)), .text(label))
        case .refuse:
            return .form(.method(.post), .action(url), .class("stacked"), .id("form-refuse"), .attribute(named: "novalidate", value: "novalidate"),
                         Form.token(context),
                         Form.select("reason", UIText.refusalReasonLabel(l),
                                     RefusalReason.allCases.map { .init(value: $0.rawValue, label: FigureText.refusalReason(l, $0)) },
                                     state: state, empty: UIText.choose(l), required: true),
                         Form.textarea("text", UIText.explanation(l), state: state, required: true),
                         .div(Form.submit(label)))
        case .reconsider:
            return .form(.method(.post), .action(url), .class("stacked"), .id("form-reconsider"), .attribute(named: "novalidate", value: "novalidate"),
                         Form.token(context),
                         Form.textarea("text", UIText.explanation(l), state: state, required: true),
                         .div(Form.submit(label)))
        case .complete:
            return .form(.method(.post), .action(url), .class("stacked"), .id("form-complete"), .attribute(named: "novalidate", value: "novalidate"),
                         Form.token(context),
                         Form.select("outcome", UIText.outcome(l),
                                     ReferralOutcome.allCases.map { .init(value: $0.rawValue, label: UIText.referralOutcome(l, $0)) },
                                     state: state, empty: UIText.choose(l), required: true),
                         Form.textarea("text", UIText.explanation(l) + " " + UIText.optional(l), state: state),
                         .div(Form.submit(label)))
        case .send, .receive, .accept, .start:
            return .form(.method(.post), .action(url), .id("form-\(action.rawValue)"),
                         Form.token(context), Form.submit(label))
        }
    }

    func profileSection() -> Node<HTML.BodyContext> {
        if let preview {
            return .section(.class("part"), .id("voorbeeld"), .attribute(named: "aria-labelledby", value: "preview-title"),
                            .h2(.id("preview-title"), .text(UIText.preview(l))),
                            .p(.text(UIText.previewIntro(l))),
                            .if(preview.withheld.count == DataCategory.allCases.count,
                                .p(.class("error-summary"), .id("consent-first"), .text(UIText.consentFirst(l) + " "),
                                   .a(.href(SiteURL.newConsent(referral.personId)), .text(UIText.recordConsent(l))))),
                            ProfileFacts(person: preview, language: l).render())
        }
        guard party == .receiver, referral.state != .draft else { return .empty }
        return .section(.class("part"), .id("profiel"), .attribute(named: "aria-labelledby", value: "snapshot-title"),
                        .h2(.id("snapshot-title"), .text(UIText.snapshot(l))),
                        referral.snapshot.map { ProfileFacts(person: $0, language: l).render() } ?? View.empty(UIText.snapshotGone(l)))
    }

    func handOverSection() -> Node<HTML.BodyContext> {
        guard referral.transfersOwnership, referral.state != .draft else { return .empty }
        return .section(.class("part"), .id("overdracht"), .attribute(named: "aria-labelledby", value: "handover-title"),
                        .h2(.id("handover-title"), .text(UIText.handOverMeeting(l))),
                        .p(.a(.href(SiteURL.handOverProfile(referral.id)), .text(UIText.printableProfile(l)))),
                        .ul(.class("list"), .forEach(referral.handOverMeetings) { meeting in
                            .li(.strong(.text(meeting.heldOn.belgian)), .text(" · " + context.organisation(meeting.organisationId)),
                                .unwrap(meeting.participants) { .span(.class("meta"), .text(UIText.participants(l) + ": " + $0)) },
                                .unwrap(meeting.notes) { .p(.text($0)) })
                        }),
                        .if(referral.state != .cancelled,
                            .form(.method(.post), .action(SiteURL.handOverMeeting(referral.id)), .class("stacked"), .id("form-meeting"), .attribute(named: "novalidate", value: "novalidate"),
                                  Form.token(context),
                                  Form.input("heldOn", UIText.heldOn(l), type: "date", state: state, required: true),
                                  Form.input("participants", UIText.participants(l), state: state, required: true),
                                  Form.textarea("notes", UIText.notes(l) + " " + UIText.optional(l), state: state),
                                  .div(Form.submit(UIText.recordMeeting(l))))))
    }

    func historySection() -> Node<HTML.BodyContext> {
        .section(.class("part"), .id("verloop"), .attribute(named: "aria-labelledby", value: "history-title"),
                 .h2(.id("history-title"), .text(UIText.history(l))),
                 .if(referral.notesWithheld, .p(.class("note"), .text(UIText.notesWithheld(l)))),
                 referral.history.isEmpty ? View.empty(UIText.nothingRecorded(l)) : .ol(.class("timeline"), .id("history"),
                     .forEach(referral.history) { event in
                         .li(.strong(.text(UIText.referralAction(l, event.action))),
                             .text(" · " + View.moment(event.at) + " · " + context.organisation(event.organisationId)
                                   + " · " + UIText.referralState(l, event.to)),
                             .unwrap(event.reason) { .span(.class("meta"), .text(UIText.refusalReasonLabel(l) + ": " + FigureText.refusalReason(l, $0))) },
                             .unwrap(event.outcome) { .span(.class("meta"), .text(UIText.outcome(l) + ": " + UIText.referralOutcome(l, $0))) },
                             .unwrap(event.text) { .p(.text($0)) })
                     }))
    }
}

/// A profile as it travels (the receiver's snapshot, the sender's preview): only the fields present,
/// withheld categories named.
struct ProfileFacts {
    let person: PersonDTO
    let language: UILanguage

    func render() -> Node<HTML.BodyContext> {
        let l = language
        var rows: [(String, String)] = []
        func add(_ label: String, _ value: String?) { if let value, !value.isEmpty { rows.append((label, value)) } }
        add(UIText.name(l), person.givenName.flatMap { given in person.familyName.map { "\(given) \($0)" } })
        add(UIText.birthDate(l), person.birthDate?.belgian)
        add(UIText.birthYear(l), person.birthYear.map(String.init))
        add(UIText.country(l), person.countryOfOrigin)
        add(UIText.phone(l), person.phone)
        add(UIText.email(l), person.email)
        add(UIText.legalStatus(l), person.statusHistory?.max { $0.since < $1.since }.map { UIText.status(l, $0.status) })
        if let right = person.rightToWork, let date = right.date {
            add(Strings.profileRightToWork(l), date.belgian)
        }
        add(UIText.languagesSection(l), person.languages?.filter { !$0.isMotherTongue }.map { "\($0.language) \($0.level.rawValue) (\($0.assessedOn.belgian))" }
            .joined(separator: ", "))
        add(UIText.experience(l), person.workExperience?.map { "\(View.occupation($0.occupation, l)), \($0.years) \(Strings.profileYears(l))" }
            .joined(separator: "; "))
        add(UIText.education(l), person.education?.map { UIText.isced(l, $0.level) }.joined(separator: "; "))
        add(UIText.jobWishes(l), person.jobWishes?.map { View.occupation($0, l) }.joined(separator: ", "))
        return .div(.class("profile-facts"),
                    .dl(.class("facts"), .forEach(rows) { label, value in .group(.dt(.text(label)), .dd(.text(value))) }),
                    .if(!person.withheld.isEmpty, .div(.class("withheld-list"),
                        .p(.strong(.text(Strings.profileWithheld(l) + ": ")),
                           .text(person.withheld.map { UIText.category(l, $0.category) }.joined(separator: ", "))),
                        .p(.class("note"), .text(Strings.profileWithheldExplained(l))))))
    }
}

extension HandOverProfilePage {
    init(language: UILanguage, _ profile: Referrals.HandOverProfile) {
        self.init(language: language, person: profile.person, fromOrganisation: profile.fromOrganisation,
                  toOrganisation: profile.toOrganisation, purpose: profile.purpose, meetings: profile.meetings,
                  printedOn: profile.printedOn)
    }
}
