import Fluent
import Foundation
import SchakelCore

/// Case conferences: organisations discuss persons together, only those whose consent lets their trajectory
/// travel to every participant (purpose "case conference"). A conference one does not take part in does not exist.
enum Conferences {
    static func create(_ input: CaseConferenceInput, caller: Caller) async throws -> CaseConferenceModel {
        try caller.requireCaseworker()
        let user = caller.user
        let title = try FreeText.required(input.title, field: "title", max: 200)
        let participants = Set(input.participantOrganisationIds).union([user.organisationID])
        guard participants.count <= 30 else { throw SchakelError.validation(field: "participantOrganisationIds", reason: Strings.tooMany) }
        let known = try await OrganisationModel.query(on: caller.db).filter(\.$id ~~ Array(participants)).count()
        guard known == participants.count else {
            throw SchakelError.validation(field: "participantOrganisationIds", reason: Strings.notFound)
        }
        if let previous = input.followsUpId {
            guard try await participates(user.organisationID, in: previous, on: caller.db) else {
                throw SchakelError.validation(field: "followsUpId", reason: Strings.notFound)
            }
            // What carries over was said among the earlier participants: a newcomer to the table does not read it.
            guard participants.isSubset(of: Set(try await self.participants(of: previous, on: caller.db))) else {
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
        conference.createdAt = caller.now
        try await caller.db.transaction { db in
            try await conference.create(on: db)
            for organisation in participants {
                let participant = CaseConferenceParticipantModel()
                participant.$conference.id = conference.id!
                participant.$organisation.id = organisation
                try await participant.create(on: db)
            }
        }
        return conference
    }

    /// The conferences the caller's organisation takes part in, latest first. No counts of persons or actions:
    /// those would tell how many people were discussed, including people the reader may no longer see.
    static func list(paging: Paging, caller: Caller) async throws -> Page<CaseConferenceSummaryDTO> {
        try caller.requireCaseworker()
        let mine = try await CaseConferenceParticipantModel.query(on: caller.db)
            .filter(\.$organisation.$id == caller.organisationID).all(\.$conference.$id)
        let page = try await CaseConferenceModel.query(on: caller.db).filter(\.$id ~~ mine)
            .sort(\.$heldOn, .descending).sort(\.$id).page(paging)
        let items = try page.items.map { conference in
            CaseConferenceSummaryDTO(id: try conference.requireID(), heldOn: conference.heldOn, title: conference.title,
                                     organiserOrganisationId: conference.$organiser.id)
        }
        return Page(items: items, metadata: page.metadata)
    }

    static func show(_ id: UUID, caller: Caller) async throws -> CaseConferenceDTO {
        try caller.requireCaseworker()
        return try await view(try await load(id, caller: caller), caller: caller)
    }

    /// Adds a person to the agenda: the adder must see the person, and the rule must let the trajectory travel
    /// from the owner to every other participant for a case conference. The input is read once the conference is found.
    static func addPerson(to id: UUID, caller: Caller, input read: () throws -> ConferencePersonInput) async throws -> CaseConferenceDTO {
        try caller.requireCaseworker()
        let conference = try await load(id, caller: caller)
        let input = try read()
        guard let person = try await DossierStore.find(input.personId, on: caller.db) else {
            throw SchakelError.validation(field: "personId", reason: Strings.notFound)
        }
        let access = caller.access
        do {
            let own = try await access.decide(person, purpose: .caseConference, requested: [.trajectoryAndReferrals])
            guard own.allows(.trajectoryAndReferrals) else { throw SchakelError.notFound }
        } catch SchakelError.notFound {
            throw SchakelError.validation(field: "personId", reason: Strings.notFound)
        }
        let participants = try await participants(of: try conference.requireID(), on: caller.db)
        var decisions: [UUID: AccessRule.Decision] = [:]
        for organisation in participants where organisation != person.owner {
            decisions[organisation] = try await access.shareable(person, to: organisation, purpose: .caseConference)
        }
        let missing = CaseConferenceRule.missingConsent(personOwner: person.owner, participants: Set(participants)) {
            decisions[$0] ?? AccessRule.Decision(personVisible: false, allowed: [], denied: [:], isOwner: false)
        }
        guard missing.isEmpty else {
            let names = try await OrganisationModel.query(on: caller.db).filter(\.$id ~~ missing).all().map(\.name).sorted()
            throw SchakelError.validation(field: "personId", reason: Strings.noConsentForConference,
                                          arguments: [names.joined(separator: ", ")])
        }
        let exists = try await CaseConferencePersonModel.query(on: caller.db).filter(\.$conference.$id == conference.id!)
            .filter(\.$person.$id == person.id).count() > 0
        if !exists {
            let row = CaseConferencePersonModel()
            row.$conference.id = conference.id!
            row.$person.id = person.id
            try await row.create(on: caller.db)
        }
        return try await view(conference, caller: caller)
    }

    /// A decision, an agreement or an action (with its owner organisation and due date) on the conference.
    static func addItem(to id: UUID, caller: Caller, input read: () throws -> ConferenceItemInput) async throws -> CaseConferenceItemModel {
        try caller.requireCaseworker()
        let conference = try await load(id, caller: caller)
        let conferenceID = try conference.requireID()
        let input = try read()
        let text = try FreeText.required(input.text, field: "text")
        if let personID = input.personId {
            let discussed = try await CaseConferencePersonModel.query(on: caller.db).filter(\.$conference.$id == conferenceID)
                .filter(\.$person.$id == personID).count() > 0
            guard discussed, try await visiblePersons([personID], caller: caller).visible.contains(personID) else {
                throw SchakelError.validation(field: "personId", reason: Strings.notFound)
            }
        }
        let participants = try await participants(of: conferenceID, on: caller.db)
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
        let now = caller.now
        let created = item
        let user = caller.user
        try await caller.db.transaction { db in
            try await created.create(on: db)
            if let owner = created.$owner.id {
                try await Notifier.notify(.conferenceAction, about: created.id!, organisation: owner,
                                          dedupeKey: "conference-action:\(created.id!)", at: now, on: db)
            }
            if let personID = created.$person.id {
                try await caller.audit(AuditEvent(userID: user.id, organisationID: user.organisationID, personID: personID, action: .update,
                                                  categories: [.trajectoryAndReferrals], purpose: .caseConference, outcome: .allowed), on: db)
            }
        }
        return item
    }

    /// An action is closed by its owner organisation or by the organiser.
    static func setItemStatus(_ itemID: UUID, in id: UUID, caller: Caller,
                              input read: () throws -> ConferenceItemStatusInput) async throws -> CaseConferenceItemModel {
        try caller.requireCaseworker()
        let conference = try await load(id, caller: caller)
        let user = caller.user
        guard let item = try await CaseConferenceItemModel.find(itemID, on: caller.db), item.$conference.id == conference.id
        else { throw SchakelError.notFound }
        guard item.kind == .action else { throw SchakelError.validation(field: "status", reason: Strings.unknownValue, arguments: ["action"]) }
        guard item.$owner.id == user.organisationID || conference.$organiser.id == user.organisationID else {
            throw SchakelError.forbidden
        }
        // An action about a person the reader may no longer see is not there for the reader.
        if let personID = item.$person.id {
            guard try await visiblePersons([personID], caller: caller).visible.contains(personID) else { throw SchakelError.notFound }
        }
        let input = try read()
        item.status = input.status
        item.closedAt = input.status == .open ? nil : caller.now
        try await caller.db.transaction { db in
            try await item.save(on: db)
            if let personID = item.$person.id {
                try await caller.audit(AuditEvent(userID: user.id, organisationID: user.organisationID, personID: personID, action: .update,
                                                  categories: [.trajectoryAndReferrals], purpose: .caseConference, outcome: .allowed), on: db)
            }
        }
        return item
    }

    /// The dossiers the caller could put on the agenda: the first hundred of its own and those shared with it, by
    /// reference, each with a name only where the rule shares identity for `purpose`.
    static func candidates(purpose: Purpose, excluding: [UUID] = [], caller: Caller) async throws -> [PersonSummaryDTO] {
        try await Persons.listing(purpose: purpose, nameIndex: nil, excluding: excluding, paging: Paging(page: 1, per: 100), caller: caller).items
    }

    // MARK: Helpers

    /// A conference you do not take part in does not exist for you.
    static func load(_ id: UUID, caller: Caller) async throws -> CaseConferenceModel {
        guard try await participates(caller.organisationID, in: id, on: caller.db),
              let conference = try await CaseConferenceModel.find(id, on: caller.db)
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

    /// The conference as the reader may see it: persons (and what was said about them) only while the rule
    /// still lets this reader see their trajectory for a case conference.
    /// What the conference page shows: the conference, a label for every person on it (the name where the rule shares
    /// identity for a case conference), and the dossiers that could still be put on the agenda. One view is one entry
    /// in the access log of each person discussed (the agenda's decision), and of each candidate listed.
    struct PageData: Sendable {
        let conference: CaseConferenceDTO
        let persons: [UUID: PersonSummaryDTO]
        let candidates: [PersonSummaryDTO]
    }

    static func page(_ id: UUID, purpose: Purpose, caller: Caller) async throws -> PageData {
        try caller.requireCaseworker()
        let (conference, labels) = try await shown(try await load(id, caller: caller), caller: caller, labelled: true)
        // Those on the agenda already are not offered again (and not read twice in one view).
        let candidates = try await self.candidates(purpose: purpose, excluding: conference.personIds, caller: caller)
        return PageData(conference: conference, persons: labels, candidates: candidates)
    }

    static func view(_ conference: CaseConferenceModel, caller: Caller) async throws -> CaseConferenceDTO {
        try await shown(conference, caller: caller, labelled: false).conference
    }

    /// The conference as the reader sees it; `labelled`: with each visible person's label, from the same decision.
    private static func shown(_ conference: CaseConferenceModel, caller: Caller,
                              labelled: Bool) async throws -> (conference: CaseConferenceDTO, labels: [UUID: PersonSummaryDTO]) {
        let id = try conference.requireID()
        let discussed = try await CaseConferencePersonModel.query(on: caller.db).filter(\.$conference.$id == id).all(\.$person.$id)
        let items = try await CaseConferenceItemModel.query(on: caller.db).filter(\.$conference.$id == id).all()
        var carried: [CaseConferenceItemModel] = []
        if let previous = conference.$followsUp.id {
            let earlier = try await CaseConferenceItemModel.query(on: caller.db).filter(\.$conference.$id == previous)
                .filter(\.$kind == .action).all()
            carried = CaseConferenceRule.carriedOver(earlier, status: { $0.status ?? .open }, dueOn: { $0.dueOn })
        }
        let mentioned = Set(discussed).union((items + carried).compactMap { $0.$person.id })
        let (visible, labels) = try await visiblePersons(mentioned, caller: caller, labelled: labelled)
        let shown = { (item: CaseConferenceItemModel) in item.$person.id.map(visible.contains) ?? true }
        let dto = CaseConferenceDTO(
            id: id, heldOn: conference.heldOn, title: conference.title, organiserOrganisationId: conference.$organiser.id,
            participantOrganisationIds: try await participants(of: id, on: caller.db), followsUpId: conference.$followsUp.id,
            personIds: discussed.filter(visible.contains).sorted { $0.uuidString < $1.uuidString },
            items: items.filter(shown).map(Self.dto), carriedOver: carried.filter(shown).map(Self.dto))
        return (dto, labels)
    }

    /// The persons the reader may see on the agenda: one decision (and one entry) per person, asking identity too
    /// when a page wants labels.
    static func visiblePersons(_ ids: Set<UUID>, caller: Caller,
                               labelled: Bool = false) async throws -> (visible: Set<UUID>, labels: [UUID: PersonSummaryDTO]) {
        let access = caller.access
        var visible: Set<UUID> = []
        var labels: [UUID: PersonSummaryDTO] = [:]
        let requested: Set<DataCategory> = labelled ? [.trajectoryAndReferrals, .identity] : [.trajectoryAndReferrals]
        for personID in ids {
            guard let person = try await DossierStore.find(personID, on: caller.db) else { continue }
            do {
                let decision = try await access.decide(person, purpose: .caseConference, requested: requested)
                if decision.allows(.trajectoryAndReferrals) {
                    visible.insert(personID)
                    if labelled { labels[personID] = try Persons.label(person, decision: decision, caller: caller) }
                }
            } catch SchakelError.notFound {
                continue
            }
        }
        return (visible, labels)
    }
}
