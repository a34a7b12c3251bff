import Fluent
import Foundation
import SchakelCore
import Vapor

extension Web {
    /// `/overleg`: case conferences. The page's form is read into the same input the API decodes and handed to
    /// the same feature (`Conferences`), so the rule (only persons whose consent covers every participant) is the same.
    struct ConferenceController {
        @Sendable func list(_ request: Request) async throws -> Response {
            let context = try await PageContext.load(request)
            let conferences = try await Self.conferences(request)
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
                let input = CaseConferenceInput(heldOn: heldOn, title: values["title"] ?? "", participantOrganisationIds: participants,
                                                followsUpId: values["followsUp"].flatMap(UUID.init(uuidString:)))
                let created = try await Conferences.create(input, caller: try Self.caseworker(request))
                request.flash(UIText.saved(context.language))
                return request.redirect(to: SiteURL.conference(try created.requireID()), redirectType: .normal)
            } catch let error as SchakelError where error.field != nil {
                let conferences = try await Self.conferences(request)
                return ConferenceListPage(context: context, conferences: conferences,
                                          state: FormState(values: values, errors: [Self.formField(error.field!): error.message(context.language)]))
                    .render(status: .unprocessableEntity)
            }
        }

        /// The first page of the caller's conferences (`?page=&per=` as the API reads them).
        static func conferences(_ request: Request) async throws -> Page<CaseConferenceSummaryDTO> {
            let caller = try caseworker(request)
            return try await Conferences.list(paging: try Paging(request), caller: caller)
        }

        /// The caller, refused before the path is read: a reader without the role learns nothing from an id's form.
        static func caseworker(_ request: Request) throws -> Caller {
            let caller = try request.caller
            try caller.requireCaseworker()
            return caller
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
            let caller = try caseworker(request)
            let shown = try await Conferences.page(try request.uuidParameter("conferenceID"), purpose: try request.purpose(), caller: caller)
            return ConferencePage(context: context, conference: shown.conference, names: PersonNames.names(shown.persons, context.language),
                                  candidates: shown.candidates, state: state)
                .render(status: status)
        }

        @Sendable func addPerson(_ request: Request) async throws -> Response {
            try await Self.step(request) { values, id, caller in
                let input = ConferencePersonInput(personId: values["person"].flatMap(UUID.init(uuidString:)) ?? UUID())
                _ = try await Conferences.addPerson(to: id, caller: caller) { input }
            }
        }

        @Sendable func addItem(_ request: Request) async throws -> Response {
            try await Self.step(request) { values, id, caller in
                guard let kind = values["kind"].flatMap(ConferenceItemKind.init(rawValue:)) else {
                    throw SchakelError.validation(field: "kind", reason: Strings.missingField)
                }
                let dueOn = try FormValues(values).date("dueOn")
                let input = ConferenceItemInput(kind: kind, text: values["text"] ?? "", personId: values["person"].flatMap(UUID.init(uuidString:)),
                                                ownerOrganisationId: values["owner"].flatMap(UUID.init(uuidString:)), dueOn: dueOn)
                _ = try await Conferences.addItem(to: id, caller: caller) { input }
            }
        }

        @Sendable func setStatus(_ request: Request) async throws -> Response {
            try await Self.step(request) { values, id, caller in
                guard let status = values["status"].flatMap(ConferenceActionStatus.init(rawValue:)) else {
                    throw SchakelError.validation(field: "status", reason: Strings.missingField)
                }
                let input = ConferenceItemStatusInput(status: status)
                _ = try await Conferences.setItemStatus(try request.uuidParameter("itemID"), in: id, caller: caller) { input }
            }
        }

        /// A form on the conference's page: on success back to it, on a field error the page with the error.
        static func step(_ request: Request, _ perform: ([String: String], UUID, Caller) async throws -> Void) async throws -> Response {
            try request.verifyForm()
            let context = try await PageContext.load(request)
            let values = try request.content.decode([String: String].self)
            let id = try request.uuidParameter("conferenceID")
            do {
                try await perform(values, id, try caseworker(request))
                request.flash(UIText.saved(context.language))
                return request.redirect(to: SiteURL.conference(id), redirectType: .normal)
            } catch let error as SchakelError where error.field != nil {
                return try await Self.page(request, context: context,
                                           state: FormState(values: values, errors: [Self.formField(error.field!): error.message(context.language)]),
                                           status: .unprocessableEntity)
            }
        }
    }
}
