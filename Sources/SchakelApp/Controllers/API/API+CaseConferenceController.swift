import Fluent
import Foundation
import SchakelCore
import Vapor

struct CaseConferenceInput: Content {
    let heldOn: CalendarDate
    let title: String
    /// The other organisations taking part; the organiser's own is always in.
    let participantOrganisationIds: [UUID]
    var followsUpId: UUID?
}

struct ConferencePersonInput: Content {
    let personId: UUID
}

struct ConferenceItemInput: Content {
    let kind: ConferenceItemKind
    let text: String
    var personId: UUID?
    /// Required for an action: the organisation that carries it out, and by when.
    var ownerOrganisationId: UUID?
    var dueOn: CalendarDate?
}

struct ConferenceItemStatusInput: Content {
    let status: ConferenceActionStatus
}

struct ConferenceItemDTO: Content {
    let id: UUID
    let conferenceId: UUID
    let kind: ConferenceItemKind
    let personId: UUID?
    let text: String
    let ownerOrganisationId: UUID?
    let dueOn: CalendarDate?
    let status: ConferenceActionStatus?
}

struct CaseConferenceDTO: Content {
    let id: UUID
    let heldOn: CalendarDate
    let title: String
    let organiserOrganisationId: UUID
    let participantOrganisationIds: [UUID]
    let followsUpId: UUID?
    /// Persons discussed that the reader may still see for this purpose (consent can be withdrawn later).
    let personIds: [UUID]
    let items: [ConferenceItemDTO]
    /// Actions still open from the conference this one follows up.
    let carriedOver: [ConferenceItemDTO]
}

/// A conference in a list. No counts of persons or actions: those would tell how many people were
/// discussed, including people the reader may no longer see.
struct CaseConferenceSummaryDTO: Content {
    let id: UUID
    let heldOn: CalendarDate
    let title: String
    let organiserOrganisationId: UUID
}

extension API {
    /// `/api/v1/case-conferences`: organisations discuss persons together (`Conferences`).
    struct CaseConferenceController {
        @Sendable func create(_ request: Request) async throws -> Response {
            let caller = try Self.caseworker(request)
            let conference = try await Conferences.create(try request.content.decode(CaseConferenceInput.self), caller: caller)
            let response = Response(status: .created)
            try response.content.encode(try await Conferences.view(conference, caller: caller))
            response.headers.replaceOrAdd(name: .location, value: APILocation.caseConference(try conference.requireID()))
            return response
        }

        @Sendable func list(_ request: Request) async throws -> Page<CaseConferenceSummaryDTO> {
            let caller = try Self.caseworker(request)
            return try await Conferences.list(paging: try Paging(request), caller: caller)
        }

        @Sendable func show(_ request: Request) async throws -> CaseConferenceDTO {
            let caller = try Self.caseworker(request)
            return try await Conferences.show(try request.uuidParameter("conferenceID"), caller: caller)
        }

        @Sendable func addPerson(_ request: Request) async throws -> CaseConferenceDTO {
            let caller = try Self.caseworker(request)
            return try await Conferences.addPerson(to: try request.uuidParameter("conferenceID"), caller: caller) {
                try request.content.decode(ConferencePersonInput.self)
            }
        }

        @Sendable func addItem(_ request: Request) async throws -> Response {
            let caller = try Self.caseworker(request)
            let item = try await Conferences.addItem(to: try request.uuidParameter("conferenceID"), caller: caller) {
                try request.content.decode(ConferenceItemInput.self)
            }
            let response = Response(status: .created)
            try response.content.encode(Conferences.dto(item))
            return response
        }

        @Sendable func setItemStatus(_ request: Request) async throws -> ConferenceItemDTO {
            let caller = try Self.caseworker(request)
            let conferenceID = try request.uuidParameter("conferenceID")
            let item = try await Conferences.setItemStatus(try request.uuidParameter("itemID"), in: conferenceID, caller: caller) {
                try request.content.decode(ConferenceItemStatusInput.self)
            }
            return Conferences.dto(item)
        }

        /// The caller, refused before the path is read: a reader without the role learns nothing from an id's form.
        static func caseworker(_ request: Request) throws -> Caller {
            let caller = try request.caller
            try caller.requireCaseworker()
            return caller
        }
    }
}
