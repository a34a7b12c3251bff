import Fluent
import Foundation
import SchakelCore
import Vapor

extension Web {
    /// `/overleg`: case conferences. The page's form is read, turned into the API's input and handed to the
    /// API's own handler, so the rule (only persons whose consent covers every participant) is the same.
    struct ConferenceController {
        @Sendable func list(_ request: Request) async throws -> Response {
            let context = try await PageContext.load(request)
            let conferences = try await API.CaseConferenceController().list(request)
            return ConferenceListPage(context: context, conferences: conferences, state: FormState()).render()
        }

        @Sendable func create(_ request: Request) async throws -> Response {
            try request.verifyForm()
            let context = try await PageContext.load(request)
            let values = try request.content.decode([String: String].self)
            do {
                guard let heldOn = values["heldOn"].flatMap(CalendarDate.init(iso:)) else {
                    throw SchakelError.validation(field: "heldOn", reason: Strings.notADate)
                }
                let participants = context.organisations.keys.filter { values["org-\($0.uuidString)"] != nil }
                try request.content.encode(CaseConferenceInput(heldOn: heldOn, title: values["title"] ?? "", participantOrganisationIds: participants,
                                                                followsUpId: values["followsUp"].flatMap(UUID.init(uuidString:))), as: .json)
                let created = try await API.CaseConferenceController().create(request)
                let id = created.headers.first(name: .location)?.split(separator: "/").last.map(String.init) ?? ""
                request.flash(UIText.saved(context.language))
                return request.redirect(to: "/overleg/\(id)", redirectType: .normal)
            } catch let error as SchakelError where error.field != nil {
                let conferences = try await API.CaseConferenceController().list(request)
                return ConferenceListPage(context: context, conferences: conferences,
                                          state: FormState(values: values, errors: [Self.formField(error.field!): error.message(context.language)]))
                    .render(status: .unprocessableEntity)
            }
        }

        static func formField(_ field: String) -> String {
            ["participantOrganisationIds": "participants", "followsUpId": "followsUp", "personId": "person",
             "ownerOrganisationId": "owner"][field] ?? field
        }

        @Sendable func show(_ request: Request) async throws -> Response {
            let context = try await PageContext.load(request)
            return try await Self.page(request, context: context, state: FormState())
        }

        static func page(_ request: Request, context: PageContext, state: FormState, status: HTTPResponseStatus = .ok) async throws -> Response {
            let conference = try await API.CaseConferenceController().show(request)
            let persons = Set(conference.personIds + conference.items.compactMap(\.personId))
            let names = try await PersonNames.resolve(Dictionary(uniqueKeysWithValues: persons.map { ($0, Purpose.caseConference) }), for: request)
            let own = try await API.PersonController.listing(request, nameIndex: nil, paging: Paging(page: 1, per: 100))
            return ConferencePage(context: context, conference: conference, names: names, candidates: own.items, state: state)
                .render(status: status)
        }

        @Sendable func addPerson(_ request: Request) async throws -> Response {
            try await Self.step(request) { values in
                try request.content.encode(ConferencePersonInput(personId: values["person"].flatMap(UUID.init(uuidString:)) ?? UUID()), as: .json)
                _ = try await API.CaseConferenceController().addPerson(request)
            }
        }

        @Sendable func addItem(_ request: Request) async throws -> Response {
            try await Self.step(request) { values in
                guard let kind = values["kind"].flatMap(ConferenceItemKind.init(rawValue:)) else {
                    throw SchakelError.validation(field: "kind", reason: Strings.missingField)
                }
                let dueOn = try FormValues(values).date("dueOn")
                try request.content.encode(ConferenceItemInput(kind: kind, text: values["text"] ?? "",
                                                               personId: values["person"].flatMap(UUID.init(uuidString:)),
                                                               ownerOrganisationId: values["owner"].flatMap(UUID.init(uuidString:)),
                                                               dueOn: dueOn), as: .json)
                _ = try await API.CaseConferenceController().addItem(request)
            }
        }

        @Sendable func setStatus(_ request: Request) async throws -> Response {
            try await Self.step(request) { values in
                guard let status = values["status"].flatMap(ConferenceActionStatus.init(rawValue:)) else {
                    throw SchakelError.validation(field: "status", reason: Strings.missingField)
                }
                try request.content.encode(ConferenceItemStatusInput(status: status), as: .json)
                _ = try await API.CaseConferenceController().setItemStatus(request)
            }
        }

        /// A form on the conference's page: on success back to it, on a field error the page with the error.
        static func step(_ request: Request, _ perform: ([String: String]) async throws -> Void) async throws -> Response {
            try request.verifyForm()
            let context = try await PageContext.load(request)
            let values = try request.content.decode([String: String].self)
            let id = try request.uuidParameter("conferenceID")
            do {
                try await perform(values)
                request.flash(UIText.saved(context.language))
                return request.redirect(to: "/overleg/\(id.uuidString)", redirectType: .normal)
            } catch let error as SchakelError where error.field != nil {
                return try await Self.page(request, context: context,
                                           state: FormState(values: values, errors: [Self.formField(error.field!): error.message(context.language)]),
                                           status: .unprocessableEntity)
            }
        }
    }
}
