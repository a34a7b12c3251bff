import Fluent
import Foundation
import Plot
import SchakelCore
import Vapor

/// The case conferences this organisation takes part in, and a new one.
struct ConferenceListPage {
    let context: PageContext
    let conferences: Page<CaseConferenceSummaryDTO>
    let state: FormState

    func render(status: HTTPResponseStatus = .ok) -> Response {
        let l = context.language
        let others = context.organisations.filter { $0.key != context.user.organisationID }.sorted { $0.value < $1.value }
        let labels = ["title": ConferenceText.subject(l), "heldOn": UIText.heldOn(l), "participants": UIText.participants(l)]
        return context.render(
            ConferenceText.title(l), status: status,
            .h1(.text(ConferenceText.title(l))),
            .p(.text(ConferenceText.intro(l))),
            conferences.items.isEmpty ? View.empty(ConferenceText.empty(l)) : .ul(.class("list"), .id("conferences"),
                .forEach(conferences.items) { conference in
                    .li(.a(.href(SiteURL.conference(conference.id)), .text(conference.title)),
                        .span(.class("meta"), .text(conference.heldOn.belgian + " · " + context.organisation(conference.organiserOrganisationId))))
                }),
            View.pager(conferences.metadata, language: l) { SiteURL.conferences.query("page", String($0)) },
            .h2(.text(ConferenceText.new(l))),
            Form.summary(state, language: l, labels: labels),
            .form(.class("stacked wide"), .method(.post), .action(SiteURL.conferences), .attribute(named: "novalidate", value: "novalidate"),
                  Form.token(context),
                  Form.input("title", ConferenceText.subject(l), state: state, required: true),
                  Form.input("heldOn", UIText.heldOn(l), type: "date", state: state, required: true),
                  .fieldset(.id("participants"), Form.legend(UIText.participants(l)),
                            state.errors["participants"].map { .p(.class("field-error"), .text($0)) } ?? .empty,
                            .forEach(others) { id, name in
                                Form.checkbox("org-\(id.uuidString)", name, checked: !state["org-\(id.uuidString)"].isEmpty)
                            }),
                  .div(Form.submit(ConferenceText.new(l))))
        )
    }
}

/// One conference: who takes part, the persons discussed (only those whose consent covers every
/// participant), decisions and actions with owner and due date, and open actions carried over.
struct ConferencePage {
    let context: PageContext
    let conference: CaseConferenceDTO
    let names: [UUID: String]
    let candidates: [PersonSummaryDTO]
    let state: FormState

    func render(status: HTTPResponseStatus = .ok) -> Response {
        let l = context.language
        let id = conference.id
        let participants = conference.participantOrganisationIds.map { Form.Choice(value: $0.uuidString, label: context.organisation($0)) }
        let persons = conference.personIds.map { Form.Choice(value: $0.uuidString, label: names[$0] ?? "—") }
        let labels = ["person": UIText.person(l), "text": ConferenceText.text(l), "owner": ConferenceText.owner(l), "dueOn": ConferenceText.due(l),
                      "kind": UIText.kind(l), "status": UIText.state(l)]
        return context.render(
            conference.title, status: status,
            .h1(.text(conference.title)),
            .p(.class("lead"), .text(conference.heldOn.belgian + " · " + ConferenceText.organiser(l) + ": " + context.organisation(conference.organiserOrganisationId))),
            .p(.text(UIText.participants(l) + ": " + participants.map(\.label).joined(separator: ", "))),
            Form.summary(state, language: l, labels: labels),
            .section(.class("part"), .id("personen"), .h2(.text(ConferenceText.persons(l))),
                     persons.isEmpty ? View.empty(ConferenceText.noPersons(l)) : .ul(.class("list"), .forEach(persons) { .li(.text($0.label)) }),
                     .form(.class("stacked"), .method(.post), .action(SiteURL.conferencePersons(id)), .id("form-person"),
                           .attribute(named: "novalidate", value: "novalidate"), Form.token(context),
                           Form.select("person", ConferenceText.addPerson(l), candidates.map {
                               .init(value: $0.id.uuidString, label: View.personName(givenName: $0.givenName, familyName: $0.familyName, reference: $0.reference, l))
                           }, state: state, hint: ConferenceText.addPersonHint(l), empty: UIText.choose(l)),
                           .div(Form.submit(ConferenceText.addPerson(l))))),
            .section(.class("part"), .id("punten"), .h2(.text(ConferenceText.items(l))),
                     items(conference.items, conferenceID: id),
                     .if(!conference.carriedOver.isEmpty, .group(.h3(.text(ConferenceText.carriedOver(l))), items(conference.carriedOver, conferenceID: nil))),
                     .form(.class("stacked wide"), .method(.post), .action(SiteURL.conferenceItems(id)), .id("form-item"),
                           .attribute(named: "novalidate", value: "novalidate"), Form.token(context),
                           Form.select("kind", UIText.kind(l), ConferenceItemKind.allCases.map { .init(value: $0.rawValue, label: ConferenceText.kind(l, $0)) },
                                       state: state, required: true),
                           Form.textarea("text", ConferenceText.text(l), state: state, hint: UIText.reasonHint(l), required: true),
                           Form.select("person", UIText.person(l) + " " + UIText.optional(l), persons, state: state, empty: UIText.none(l)),
                           Form.select("owner", ConferenceText.owner(l), participants, state: state, hint: ConferenceText.ownerHint(l), empty: UIText.none(l)),
                           Form.input("dueOn", ConferenceText.due(l), type: "date", state: state),
                           .div(Form.submit(ConferenceText.addItem(l)))))
        )
    }

    func items(_ items: [ConferenceItemDTO], conferenceID: UUID?) -> Node<HTML.BodyContext> {
        let l = context.language
        guard !items.isEmpty else { return View.empty(UIText.nothingRecorded(l)) }
        return .ul(.class("list"), .forEach(items) { item in
            .li(.strong(.text(ConferenceText.kind(l, item.kind))), .text(": " + item.text),
                .span(.class("meta"), .text([item.personId.flatMap { names[$0] }, item.ownerOrganisationId.map { context.organisation($0) },
                                             item.dueOn.map { ConferenceText.due(l) + " " + $0.belgian },
                                             item.status.map { ConferenceText.status(l, $0) }].compactMap { $0 }.joined(separator: " · "))),
                .if(conferenceID != nil && item.kind == .action && item.status == .open && (item.ownerOrganisationId == context.user.organisationID
                                                                                    || conference.organiserOrganisationId == context.user.organisationID),
                    .form(.class("inline"), .method(.post), .action(SiteURL.conferenceItemStatus(conferenceID, item.id)), Form.token(context),
                          Form.hidden("status", ConferenceActionStatus.done.rawValue),
                          .button(.type(.submit), .class("link-button"), .text(ConferenceText.markDone(l))))))
        })
    }
}
