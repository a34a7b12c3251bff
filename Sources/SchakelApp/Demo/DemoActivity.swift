import Fluent
import Foundation
import SchakelCore
import SQLKit

/// The chain at work in the demo world: referrals in every state (one refused and then reconsidered
/// among them), trajectories with parallel steps in every status, recorded milestones, case
/// conferences with actions open, done and dropped (and a follow-up and a planned one), employer
/// requests in every state, and the inbox that goes with them. Built only along agreement routes
/// and for persons who consented, through the same rule and state machine as the API; seeded, so
/// the same seed gives the same activity.
struct DemoActivity {
    let database: any Database
    let world: DemoWorld
    let asOf: CalendarDate
    let now: Date
    let keyring: DataKeyring

    struct Summary: Sendable {
        var referrals = 0
        var steps = 0
        var conferences = 0
        var employerRequests = 0
    }

    /// The sequence of steps that brings a referral to each state; the state machine checks each.
    static func path(to state: ReferralState, variant: Int) -> [ReferralAction] {
        switch state {
        case .draft: return []
        case .sent: return [.send]
        case .received: return [.send, .receive]
        case .accepted: return [.send, .receive, .accept]
        case .refused: return [.send, .receive, .refuse]
        case .inProgress: return variant % 2 == 0 ? [.send, .receive, .refuse, .reconsider, .accept, .start] : [.send, .receive, .accept, .start]
        case .completed: return [.send, .receive, .accept, .start, .complete]
        case .cancelled: return [.send, .cancel]
        }
    }

    func build(referrals wanted: Int) async throws -> Summary {
        guard wanted > 0 else { return Summary() }
        return try await database.transaction { db in try await self.fill(referrals: wanted, on: db) }
    }

    /// Everything in the caller's transaction: all of the activity or none.
    private func fill(referrals wanted: Int, on db: any Database) async throws -> Summary {
        var summary = Summary()
        var random = SeededGenerator(seed: world.seed &+ 0xAC71_717E)
        let ids = Dictionary(uniqueKeysWithValues: world.organisations.map { ($0.slug, $0.id) })
        let accounts = Dictionary(grouping: world.accounts) { ids[$0.organisation]! }
        func staff(_ organisation: UUID, _ roles: [UserRole]) -> UUID {
            for role in roles { if let account = accounts[organisation]?.first(where: { $0.role == role }) { return account.id } }
            return accounts[organisation]!.first!.id
        }
        let caseworkers: [UserRole] = [.socialWorker, .trajectoryCounsellor, .jobCounsellor, .consultant]
        let today = asOf
        do {
            let sql = db as! any SQLDatabase
            // Persons with a consent in force along one of their owner's routes, in a stable order.
            let candidates = try await sql.raw("""
                SELECT c.person_id, c.recipient_organisation_id, p.owner_organisation_id FROM consents c
                JOIN persons p ON p.id = c.person_id
                WHERE c.withdrawn_at IS NULL AND c.purpose = \(bind: Purpose.guidanceToWork.rawValue)
                ORDER BY p.reference LIMIT \(bind: wanted)
                """).all()
            var pairs: [String: (owner: UUID, partner: UUID, persons: [UUID])] = [:]
            for (index, row) in candidates.enumerated() {
                let personID = try row.decode(column: "person_id", as: UUID.self)
                let to = try row.decode(column: "recipient_organisation_id", as: UUID.self)
                let owner = try row.decode(column: "owner_organisation_id", as: UUID.self)
                guard let dossier = try await DossierStore.find(personID, on: db) else { continue }
                let state = ReferralState.allCases[index % ReferralState.allCases.count]
                let actions = Self.path(to: state, variant: index / ReferralState.allCases.count)
                let sentOn = today.adding(days: -random.int(in: 1...50))
                let fromUser = staff(owner, caseworkers)
                let toUser = staff(to, [.jobCounsellor, .consultant, .trajectoryCounsellor, .socialWorker])
                let routes = try await PersonAccess.routesWithDeadlines(from: owner, to: to, on: db)
                guard let responseDays = routes.filter({ $0.route.validity.contains(today) }).map(\.responseDays).min() else { continue }
                let referralID = random.uuid()
                let purpose = Purpose.guidanceToWork
                var snapshot: (ciphertext: Data, keyID: String)?
                var categories: [DataCategory] = []
                if !actions.isEmpty {
                    let decision = AccessRule.shareable(to: to, personOwner: owner, purpose: purpose, routes: routes.map(\.route),
                                                        consents: try await PersonAccess.consents(of: personID, on: db), at: now, today: today)
                    guard !decision.allowed.isEmpty else { continue }
                    let identifiers = try dossier.sealedIdentifiers.map { try keyring.openIdentifiers($0, keyID: dossier.identifiersKeyID!) }
                    let dto = PersonDTO(dossier, identifiers: identifiers, decision: decision, purpose: purpose, today: today)
                    snapshot = try keyring.seal(String(decoding: try JSONEncoder().encode(dto), as: UTF8.self))
                    categories = decision.allowed.sorted { $0.rawValue < $1.rawValue }
                }
                // Walk the state machine; each step a day after the one before.
                var current = ReferralState.draft
                var events: [[any Encodable & Sendable]] = []
                var outcome: ReferralOutcome?
                for (position, action) in actions.enumerated() {
                    var details = ReferralStepDetails()
                    var text: String?
                    if action == .refuse {
                        details.reason = RefusalReason.allCases[random.int(in: 0...(RefusalReason.allCases.count - 1))]
                        text = "Weigering na intake (synthetisch voorbeeld)."
                        details.text = text
                    }
                    if action == .reconsider {
                        text = "Heroverwogen na overleg met de doorverwijzer."
                        details.text = text
                    }
                    if action == .cancel {
                        text = "Ingetrokken: de persoon verhuisde (synthetisch voorbeeld)."
                        details.text = text
                    }
                    if action == .complete {
                        outcome = ReferralOutcome.allCases[random.int(in: 0...(ReferralOutcome.allCases.count - 1))]
                        details.outcome = outcome
                    }
                    let party = ReferralStateMachine.party(for: action)
                    let next = try ReferralStateMachine.apply(action, to: current, by: party, details: details)
                    let at = Self.date(sentOn.adding(days: position), hour: 9 + position)
                    events.append([random.uuid(), referralID, position + 1, action.rawValue, current.rawValue, next.rawValue, at,
                                   party == .sender ? fromUser : toUser, party == .sender ? owner : to,
                                   details.reason?.rawValue, text, details.outcome?.rawValue])
                    current = next
                }
                let sent = actions.isEmpty ? nil : sentOn
                let due = sent.map { ResponseDeadline(sentOn: $0, workingDays: responseDays).due }
                try await sql.insert(into: ReferralModel.schema)
                    .columns("id", "person_id", "from_organisation_id", "from_user_id", "to_organisation_id", "purpose", "reason",
                             "urgency", "desired_start", "transfers_ownership", "state", "response_days", "sent_on", "due_on", "outcome",
                             "snapshot", "snapshot_key_id", "snapshot_categories", "created_at", "updated_at")
                    .values(SQLBind(referralID), SQLBind(personID), SQLBind(owner), SQLBind(fromUser), SQLBind(to), SQLBind(purpose.rawValue),
                            SQLBind("Begeleiding naar werk gevraagd (synthetisch voorbeeld)."),
                            SQLBind((index % 5 == 0 ? ReferralUrgency.urgent : .normal).rawValue), SQLBind(String?.none), SQLBind(false),
                            SQLBind(current.rawValue), SQLBind(responseDays), SQLBind(sent?.iso), SQLBind(due?.iso), SQLBind(outcome?.rawValue),
                            SQLBind(snapshot?.ciphertext), SQLBind(snapshot?.keyID),
                            SQLBind(snapshot == nil ? nil : JSONList.encode(categories)), SQLBind(Self.date(sentOn, hour: 8)), SQLBind(now))
                    .run()
                try await PersonRows.insert(into: ReferralEventModel.schema,
                                            columns: ["id", "referral_id", "position", "action", "from_state", "to_state", "at", "user_id",
                                                      "organisation_id", "reason_code", "text", "outcome"], rows: events, on: sql)
                if let sent {
                    try await Notifier.notify(.referralReceived, about: referralID, organisation: to,
                                              dedupeKey: "referral:\(referralID):1", at: Self.date(sent, hour: 9), on: db)
                }
                summary.referrals += 1
                summary.steps += try await steps(for: personID, owner: owner, receiver: to, ownerUser: fromUser, receiverUser: toUser,
                                                 state: current, outcome: outcome, sentOn: sentOn, random: &random, on: sql)
                if [.accepted, .inProgress, .completed].contains(current) {
                    let key = "\(owner)-\(to)"
                    pairs[key, default: (owner, to, [])].persons.append(personID)
                }
            }
            summary.conferences = try await conferences(pairs.values.sorted { "\($0.owner)\($0.partner)" < "\($1.owner)\($1.partner)" },
                                                        staff: { staff($0, caseworkers) }, random: &random, on: sql)
            summary.employerRequests = try await employerRequests(ids: ids, staff: { staff($0, caseworkers) }, random: &random, on: sql)
        }
        return summary
    }

    /// Parallel steps: civic orientation done, Dutch lessons running beside whatever the referral led to.
    func steps(for person: UUID, owner: UUID, receiver: UUID, ownerUser: UUID, receiverUser: UUID, state: ReferralState,
               outcome: ReferralOutcome?, sentOn: CalendarDate, random: inout SeededGenerator, on sql: any SQLDatabase) async throws -> Int {
        var rows: [[any Encodable & Sendable]] = []
        func add(_ kind: TrajectoryStepKind, _ status: TrajectoryStepStatus, by organisation: UUID, user: UUID, from start: CalendarDate,
                 to end: CalendarDate? = nil, outcome: TrajectoryStepOutcome? = nil, level: CEFRLevel? = nil, provider: String? = nil) {
            let step = TrajectoryStep(id: UUID(), kind: kind, status: status, startsOn: start, endsOn: end, outcome: outcome, levelReached: level)
            precondition(step.problems(today: asOf).isEmpty, "demo step \(kind) \(status) breaks a recording rule")
            rows.append([random.uuid(), person, organisation, user, kind.rawValue, status.rawValue, provider, start.iso, end?.iso,
                         outcome?.rawValue, level?.rawValue, String?.none, 1, now, now])
        }
        add(.civicOrientation, .completed, by: owner, user: ownerUser, from: sentOn.adding(days: -150), to: sentOn.adding(days: -90),
            outcome: .certificate)
        add(.dutchLessons, .running, by: owner, user: ownerUser, from: sentOn.adding(days: -120),
            level: [CEFRLevel.a1, .a2, .b1][random.int(in: 0...2)], provider: "Centrum voor Basiseducatie")
        let begun = min(asOf, sentOn.adding(days: 5))
        switch state {
        case .cancelled:
            // The person moved away: the orientation the owner had started stopped with the referral.
            add(.careerOrientation, .stopped, by: owner, user: ownerUser, from: sentOn.adding(days: -20), to: sentOn, outcome: .droppedOut)
        case .accepted:
            add(.careerOrientation, .planned, by: receiver, user: receiverUser, from: asOf.adding(days: 14))
        case .inProgress:
            add(.screening, .completed, by: receiver, user: receiverUser, from: begun, to: begun, outcome: .achieved)
            add([.training, .temporaryWorkExperience, .intensiveGuidance, .ibo][random.int(in: 0...3)], .running, by: receiver,
                user: receiverUser, from: begun)
        case .completed:
            switch outcome {
            case .job?: add(.job, .running, by: receiver, user: receiverUser, from: begun)
            case .droppedOut?: add(.training, .stopped, by: receiver, user: receiverUser, from: begun.adding(days: -20), to: begun,
                                   outcome: .droppedOut)
            case .trainingStarted?: add(.training, .running, by: receiver, user: receiverUser, from: begun)
            case .ibo?: add(.ibo, .running, by: receiver, user: receiverUser, from: begun)
            case .workExperience?: add(.temporaryWorkExperience, .running, by: receiver, user: receiverUser, from: begun)
            default: add(.jobCoaching, .completed, by: receiver, user: receiverUser, from: begun.adding(days: -10), to: begun,
                         outcome: .partlyAchieved)
            }
        default:
            break
        }
        try await PersonRows.insert(into: TrajectoryStepModel.schema,
                                    columns: ["id", "person_id", "organisation_id", "created_by_user_id", "kind", "status", "provider",
                                              "starts_on", "ends_on", "outcome", "level_reached", "note", "version", "created_at",
                                              "updated_at"], rows: rows, on: sql)
        return rows.count
    }

    /// Per pair of owner and partner with accepted referrals: a past conference with decisions and
    /// actions (open, done, dropped), its follow-up, and one planned ahead. Only persons whose consent
    /// covers the partner for a case conference are discussed: the demo records that consent first.
    func conferences(_ pairs: [(owner: UUID, partner: UUID, persons: [UUID])], staff: (UUID) -> UUID,
                     random: inout SeededGenerator, on sql: any SQLDatabase) async throws -> Int {
        var count = 0
        for pair in pairs.prefix(6) {
            let persons = Array(pair.persons.prefix(3))
            let organiser = staff(pair.owner)
            for person in persons {
                try await PersonRows.insert(into: ConsentModel.schema, columns: DemoWorldLoader.consentColumns, rows: [[
                    random.uuid(), person, pair.partner, Purpose.caseConference.rawValue,
                    JSONList.encode([DataCategory.identity, .trajectoryAndReferrals]), ConsentMethod.signedForm.rawValue, String?.none,
                    Self.date(asOf.adding(days: -40), hour: 10), Date?.none, organiser,
                    "Ik geef toestemming dat mijn traject besproken wordt in een casusoverleg.", ConsentLanguage.nl.rawValue,
                    Date?.none, UUID?.none,
                ]], on: sql)
            }
            let past = random.uuid(), followUp = random.uuid(), planned = random.uuid()
            for (id, heldOn, title, previous) in [(past, asOf.adding(days: -30), "Casusoverleg", UUID?.none),
                                                  (followUp, asOf.adding(days: -2), "Opvolging casusoverleg", past),
                                                  (planned, asOf.adding(days: 14), "Volgend casusoverleg", followUp)] {
                try await sql.insert(into: CaseConferenceModel.schema)
                    .columns("id", "organiser_organisation_id", "created_by_user_id", "held_on", "title", "follows_up_id", "created_at")
                    .values(SQLBind(id), SQLBind(pair.owner), SQLBind(organiser), SQLBind(heldOn.iso), SQLBind(title), SQLBind(previous),
                            SQLBind(now))
                    .run()
                try await PersonRows.insert(into: CaseConferenceParticipantModel.schema, columns: ["id", "conference_id", "organisation_id"],
                                            rows: [[random.uuid(), id, pair.owner], [random.uuid(), id, pair.partner]], on: sql)
                if id != planned {
                    try await PersonRows.insert(into: CaseConferencePersonModel.schema, columns: ["id", "conference_id", "person_id"],
                                                rows: persons.map { [random.uuid(), id, $0] }, on: sql)
                }
                count += 1
            }
            guard let first = persons.first else { continue }
            let items: [[any Encodable & Sendable]] = [
                [random.uuid(), past, ConferenceItemKind.decision.rawValue, first, "Intensieve begeleiding starten.", UUID?.none, String?.none,
                 String?.none, Date?.none],
                [random.uuid(), past, ConferenceItemKind.action.rawValue, first, "Werkplekbezoek plannen.", pair.partner,
                 asOf.adding(days: -10).iso, ConferenceActionStatus.done.rawValue, now],
                [random.uuid(), past, ConferenceItemKind.action.rawValue, first, "Kinderopvang regelen.", pair.owner,
                 asOf.adding(days: 7).iso, ConferenceActionStatus.open.rawValue, Date?.none],
                [random.uuid(), past, ConferenceItemKind.action.rawValue, UUID?.none, "Infosessie voor werkgevers.", pair.partner,
                 asOf.adding(days: -5).iso, ConferenceActionStatus.dropped.rawValue, now],
                [random.uuid(), followUp, ConferenceItemKind.action.rawValue, persons.last!, "Taalcoaching op de werkvloer aanvragen.",
                 pair.partner, asOf.adding(days: 10).iso, ConferenceActionStatus.open.rawValue, Date?.none],
            ]
            try await PersonRows.insert(into: CaseConferenceItemModel.schema,
                                        columns: ["id", "conference_id", "kind", "person_id", "text", "owner_organisation_id", "due_on",
                                                  "status", "closed_at"], rows: items, on: sql)
        }
        return count
    }

    /// Employer questions and offers, one per state, to the organisations that serve employers.
    func employerRequests(ids: [String: UUID], staff: (UUID) -> UUID, random: inout SeededGenerator,
                          on sql: any SQLDatabase) async throws -> Int {
        let requests: [(String, EmployerRequestKind, String, String, EmployerRequestState)] = [
            ("bakkerij-van-acker", .hiringQuestion, "jobteam-gent", "Hoe werven we een nieuwkomer aan als hulpbakker?", .new),
            ("logistiek-schelde", .placeOffer, "vdab-antwerpen", "Twee plaatsen voor orderpickers met opleiding op de vloer.", .assigned),
            ("zorgcentrum-de-linde", .placeOffer, "vdab-mechelen", "IBO-plaats zorgkundige vanaf volgende maand.", .answered),
            ("bouwbedrijf-maes", .hiringQuestion, "vdab-hasselt", "Welke premies bestaan er bij aanwerving van een vluchteling?", .closed),
        ]
        var count = 0
        for (employer, kind, handler, description, state) in requests {
            guard let employerID = ids[employer], let handlerID = ids[handler] else { continue }
            let contact: UUID? = state == .new ? nil : staff(handlerID)
            let answered = state == .answered || state == .closed
            try await sql.insert(into: EmployerRequestModel.schema)
                .columns("id", "kind", "employer_name", "municipality_id", "sector", "description", "handling_organisation_id",
                         "created_by_user_id", "contact_user_id", "state", "answer", "answered_on", "created_at", "updated_at")
                .values(SQLBind(random.uuid()), SQLBind(kind.rawValue), SQLBind(world.organisations.first { $0.id == employerID }!.name),
                        SQLBind(world.organisations.first { $0.id == employerID }!.municipality), SQLBind(String?.none),
                        SQLBind(description), SQLBind(handlerID), SQLBind(staff(employerID)), SQLBind(contact), SQLBind(state.rawValue),
                        SQLBind(answered ? "Contact opgenomen; afspraak voor een werkplekbezoek gemaakt." : nil),
                        SQLBind(answered ? asOf.adding(days: -3).iso : nil), SQLBind(now), SQLBind(now))
                .run()
            count += 1
        }
        return count
    }

    static func date(_ day: CalendarDate, hour: Int) -> Date {
        var components = DateComponents()
        components.year = day.year
        components.month = day.month
        components.day = day.day
        components.hour = min(hour, 23)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Brussels")!
        return calendar.date(from: components)!
    }
}
