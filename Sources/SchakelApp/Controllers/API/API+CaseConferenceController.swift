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
    /// `/api/v1/case-conferences`: organisations discuss persons together, only those whose consent
    /// lets their trajectory travel to every participant (purpose "case conference").
    struct CaseConferenceController {
        @Sendable func create(_ request: Request) async throws -> Response {
            try PersonController.requireCaseworker(request)
            let user = try request.user
            let input = try request.content.decode(CaseConferenceInput.self)
            let title = try FreeText.required(input.title, field: "title", max: 200)
            let participants = Set(input.participantOrganisationIds).union([user.organisationID])
            guard participants.count <= 30 else { throw SchakelError.validation(field: "participantOrganisationIds", reason: Strings.tooMany) }
            let known = try await OrganisationModel.query(on: request.db).filter(\.$id ~~ Array(participants)).count()
            guard known == participants.count else {
                throw SchakelError.validation(field: "participantOrganisationIds", reason: Strings.notFound)
            }
            if let previous = input.followsUpId {
                guard try await Self.participates(user.organisationID, in: previous, on: request.db) else {
                    throw SchakelError.validation(field: "followsUpId", reason: Strings.notFound)
                }
                // What carries over was said among the earlier participants: a newcomer to the table does not read it.
                guard participants.isSubset(of: Set(try await Self.participants(of: previous, on: request.db))) else {
                    throw SchakelError.validation(field: "participantOrganisationIds", reason: Strings.notInEarlierConference)
                }
            }
            let conference = CaseConferenceModel()
            conference.id = UUID()
            conference.$organiser.id = user.organisationID
            conference.$createdBy.id = user.id
            conference.heldOn = input.heldOn
            conference.title = title
            conference.$followsUp.id = input.followsUpId
            conference.createdAt = request.now
            try await request.db.transaction { db in
                try await conference.create(on: db)
                for organisation in participants {
                    let participant = CaseConferenceParticipantModel()
                    participant.$conference.id = conference.id!
                    participant.$organisation.id = organisation
                    try await participant.create(on: db)
                }
            }
            let response = Response(status: .created)
            try response.content.encode(try await Self.dto(conference, for: request))
            response.headers.replaceOrAdd(name: .location, value: "/api/v1/case-conferences/\(conference.id!)")
            return response
        }

        @Sendable func list(_ request: Request) async throws -> Page<CaseConferenceSummaryDTO> {
            try PersonController.requireCaseworker(request)
            let user = try request.user
            let paging = try Paging(request)
            let mine = try await CaseConferenceParticipantModel.query(on: request.db)
                .filter(\.$organisation.$id == user.organisationID).all(\.$conference.$id)
            let page = try await CaseConferenceModel.query(on: request.db).filter(\.$id ~~ mine)
                .sort(\.$heldOn, .descending).sort(\.$id).page(paging)
            let items = try page.items.map { conference in
                CaseConferenceSummaryDTO(id: try conference.requireID(), heldOn: conference.heldOn, title: conference.title,
                                         organiserOrganisationId: conference.$organiser.id)
            }
            return Page(items: items, metadata: page.metadata)
        }

        @Sendable func show(_ request: Request) async throws -> CaseConferenceDTO {
            try PersonController.requireCaseworker(request)
            return try await Self.dto(try await Self.load(request), for: request)
        }

        /// Adds a person to the agenda: the adder must see the person, and the rule must let the
        /// trajectory travel from the owner to every other participant for a case conference.
        @Sendable func addPerson(_ request: Request) async throws -> CaseConferenceDTO {
            try PersonController.requireCaseworker(request)
            let conference = try await Self.load(request)
            let input = try request.content.decode(ConferencePersonInput.self)
            guard let person = try await DossierStore.find(input.personId, on: request.db) else {
                throw SchakelError.validation(field: "personId", reason: Strings.notFound)
            }
            let access = try request.caller.access
            do {
                let own = try await access.decide(person, purpose: .caseConference, requested: [.trajectoryAndReferrals])
                guard own.allows(.trajectoryAndReferrals) else { throw SchakelError.notFound }
            } catch SchakelError.notFound {
                throw SchakelError.validation(field: "personId", reason: Strings.notFound)
            }
            let participants = try await Self.participants(of: try conference.requireID(), on: request.db)
            var decisions: [UUID: AccessRule.Decision] = [:]
            for organisation in participants where organisation != person.owner {
                decisions[organisation] = try await access.shareable(person, to: organisation, purpose: .caseConference)
            }
            let missing = CaseConferenceRule.missingConsent(personOwner: person.owner, participants: Set(participants)) {
                decisions[$0] ?? AccessRule.Decision(personVisible: false, allowed: [], denied: [:], isOwner: false)
            }
            guard missing.isEmpty else {
                let names = try await OrganisationModel.query(on: request.db).filter(\.$id ~~ missing).all().map(\.name).sorted()
                throw SchakelError.validation(field: "personId", reason: Strings.noConsentForConference,
                                              arguments: [names.joined(separator: ", ")])
            }
            let exists = try await CaseConferencePersonModel.query(on: request.db).filter(\.$conference.$id == conference.id!)
                .filter(\.$person.$id == person.id).count() > 0
            if !exists {
                let row = CaseConferencePersonModel()
                row.$conference.id = conference.id!
                row.$person.id = person.id
                try await row.create(on: request.db)
            }
            return try await Self.dto(conference, for: request)
        }

        @Sendable func addItem(_ request: Request) async throws -> Response {
            try PersonController.requireCaseworker(request)
            let conference = try await Self.load(request)
            let conferenceID = try conference.requireID()
            let input = try request.content.decode(ConferenceItemInput.self)
            let text = try FreeText.required(input.text, field: "text")
            if let personID = input.personId {
                let discussed = try await CaseConferencePersonModel.query(on: request.db).filter(\.$conference.$id == conferenceID)
                    .filter(\.$person.$id == personID).count() > 0
                guard discussed, try await Self.visiblePersons([personID], for: request).contains(personID) else {
                    throw SchakelError.validation(field: "personId", reason: Strings.notFound)
                }
            }
            let participants = try await Self.participants(of: conferenceID, on: request.db)
            let item = CaseConferenceItemModel()
            item.id = UUID()
            item.$conference.id = conferenceID
            item.kind = input.kind
            item.$person.id = input.personId
            item.text = text
            if input.kind == .action {
                guard let owner = input.ownerOrganisationId else {
                    throw SchakelError.validation(field: "ownerOrganisationId", reason: Strings.missingField)
                }
                guard participants.contains(owner) else {
                    throw SchakelError.validation(field: "ownerOrganisationId", reason: Strings.notAParticipant)
                }
                guard let due = input.dueOn else { throw SchakelError.validation(field: "dueOn", reason: Strings.missingField) }
                item.$owner.id = owner
                item.dueOn = due
                item.status = .open
            }
            let now = request.now
            let created = item
            let user = try request.user
            try await request.db.transaction { db in
                try await created.create(on: db)
                if let owner = created.$owner.id {
                    try await Notifier.notify(.conferenceAction, about: created.id!, organisation: owner,
                                              dedupeKey: "conference-action:\(created.id!)", at: now, on: db)
                }
                if let personID = created.$person.id {
                    try await request.audit(AuditEvent(userID: user.id, organisationID: user.organisationID, personID: personID, action: .update,
                                                       categories: [.trajectoryAndReferrals], purpose: .caseConference, outcome: .allowed), on: db)
                }
            }
            let response = Response(status: .created)
            try response.content.encode(Self.dto(item))
            return response
        }

        /// An action is closed by its owner organisation or by the organiser.
        @Sendable func setItemStatus(_ request: Request) async throws -> ConferenceItemDTO {
            try PersonController.requireCaseworker(request)
            let conference = try await Self.load(request)
            let user = try request.user
            guard let item = try await CaseConferenceItemModel.find(try request.uuidParameter("itemID"), on: request.db),
                  item.$conference.id == conference.id
            else { throw SchakelError.notFound }
            guard item.kind == .action else { throw SchakelError.validation(field: "status", reason: Strings.unknownValue, arguments: ["action"]) }
            guard item.$owner.id == user.organisationID || conference.$organiser.id == user.organisationID else {
                throw SchakelError.forbidden
            }
            // An action about a person the reader may no longer see is not there for the reader.
            if let personID = item.$person.id {
                guard try await Self.visiblePersons([personID], for: request).contains(personID) else { throw SchakelError.notFound }
            }
            let input = try request.content.decode(ConferenceItemStatusInput.self)
            item.status = input.status
            item.closedAt = input.status == .open ? nil : request.now
            try await request.db.transaction { db in
                try await item.save(on: db)
                if let personID = item.$person.id {
                    try await request.audit(AuditEvent(userID: user.id, organisationID: user.organisationID, personID: personID, action: .update,
                                                       categories: [.trajectoryAndReferrals], purpose: .caseConference, outcome: .allowed), on: db)
                }
            }
            return Self.dto(item)
        }

        // MARK: Helpers

        static func load(_ request: Request) async throws -> CaseConferenceModel {
            let id = try request.uuidParameter("conferenceID")
            // A conference you do not take part in does not exist for you.
            guard try await participates(try request.user.organisationID, in: id, on: request.db),
                  let conference = try await CaseConferenceModel.find(id, on: request.db)
            else { throw SchakelError.notFound }
            return conference
        }

        static func participates(_ organisation: UUID, in conference: UUID, on database: any Database) async throws -> Bool {
            try await CaseConferenceParticipantModel.query(on: database).filter(\.$conference.$id == conference)
                .filter(\.$organisation.$id == organisation).count() > 0
        }

        static func participants(of conference: UUID, on database: any Database) async throws -> [UUID] {
            try await CaseConferenceParticipantModel.query(on: database).filter(\.$conference.$id == conference)
                .all(\.$organisation.$id).sorted { $0.uuidString < $1.uuidString }
        }

        static func dto(_ item: CaseConferenceItemModel) -> ConferenceItemDTO {
            ConferenceItemDTO(id: item.id!, conferenceId: item.$conference.id, kind: item.kind, personId: item.$person.id,
                              text: item.text, ownerOrganisationId: item.$owner.id, dueOn: item.dueOn, status: item.status)
        }

        /// The conference as the reader may see it: persons (and what was said about them) only while
        /// the rule still lets this reader see their trajectory for a case conference.
        static func dto(_ conference: CaseConferenceModel, for request: Request) async throws -> CaseConferenceDTO {
            let id = try conference.requireID()
            let discussed = try await CaseConferencePersonModel.query(on: request.db).filter(\.$conference.$id == id).all(\.$person.$id)
            let items = try await CaseConferenceItemModel.query(on: request.db).filter(\.$conference.$id == id).all()
            var carried: [CaseConferenceItemModel] = []
            if let previous = conference.$followsUp.id {
                let earlier = try await CaseConferenceItemModel.query(on: request.db).filter(\.$conference.$id == previous)
                    .filter(\.$kind == .action).all()
                carried = CaseConferenceRule.carriedOver(earlier, status: { $0.status ?? .open }, dueOn: { $0.dueOn })
            }
            let mentioned = Set(discussed).union((items + carried).compactMap { $0.$person.id })
            let visible = try await visiblePersons(mentioned, for: request)
            let shown = { (item: CaseConferenceItemModel) in item.$person.id.map(visible.contains) ?? true }
            return CaseConferenceDTO(
                id: id, heldOn: conference.heldOn, title: conference.title, organiserOrganisationId: conference.$organiser.id,
                participantOrganisationIds: try await participants(of: id, on: request.db), followsUpId: conference.$followsUp.id,
                personIds: discussed.filter(visible.contains).sorted { $0.uuidString < $1.uuidString },
                items: items.filter(shown).map(dto), carriedOver: carried.filter(shown).map(dto))
        }

        static func visiblePersons(_ ids: Set<UUID>, for request: Request) async throws -> Set<UUID> {
            let access = try request.caller.access
            var visible: Set<UUID> = []
            for personID in ids {
                guard let person = try await DossierStore.find(personID, on: request.db) else { continue }
                do {
                    let decision = try await access.decide(person, purpose: .caseConference, requested: [.trajectoryAndReferrals])
                    if decision.allows(.trajectoryAndReferrals) { visible.insert(personID) }
                } catch SchakelError.notFound {
                    continue
                }
            }
            return visible
        }
    }
}
