import Fluent
import Foundation
import SchakelCore
import SchakelDemo
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

    /// The columns of a trajectory-step row as the demo writes them.
    static let stepColumns = ["id", "person_id", "organisation_id", "created_by_user_id", "kind", "status", "provider", "starts_on",
                              "ends_on", "outcome", "level_reached", "note", "version", "created_at", "updated_at"]

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
        let today = asOf
        return try await database.transaction { db in
            let summary = try await self.fill(referrals: wanted, on: db)
            // The figures follow the activity: every person it referred, gave steps or added.
            let sql = db as! any SQLDatabase
            // (The demo's past, `--history`, came with its figures already.) NOT EXISTS, not NOT IN: PostgreSQL
            // turns NOT IN over a subquery larger than work_mem into a rescan per row, hours at a million persons.
            let touched = try await sql.raw("""
                SELECT person_id FROM referrals WHERE reason <> \(bind: DemoWorldLoader.HistoryRows.reason)
                UNION SELECT p.id AS person_id FROM persons p WHERE NOT EXISTS (SELECT 1 FROM fact_persons f WHERE f.person_id = p.id)
                """).all().map { try $0.decode(column: "person_id", as: UUID.self) }
            for person in touched { try await FigureFacts.refresh(person: person, today: today, on: db) }
            return summary
        }
    }

    /// Everything in the caller's transaction: all of the activity or none.
    private func fill(referrals wanted: Int, on db: any Database) async throws -> Summary {
        var summary = Summary()
        var random = SeededGenerator(seed: world.seed &+ 0xAC71_717E)
        let ids = Dictionary(uniqueKeysWithValues: world.organisations.map { ($0.slug, $0.id) })
        let members = DemoStaff(world)
        func staff(_ organisation: UUID, _ roles: [UserRole]) -> UUID { members.member(of: organisation, roles) }
        let caseworkers = DemoStaff.caseworkers
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
                let state = ReferralState.allCases[index % ReferralState.allCases.count]
                let plan = ReferralPlan(person: personID, owner: owner, to: to, fromUser: staff(owner, caseworkers),
                                        toUser: staff(to, [.jobCounsellor, .consultant, .trajectoryCounsellor, .socialWorker]),
                                        purpose: .guidanceToWork, reason: "Begeleiding naar werk gevraagd (synthetisch voorbeeld).",
                                        urgency: index % 5 == 0 ? .urgent : .normal,
                                        actions: Self.path(to: state, variant: index / ReferralState.allCases.count),
                                        sentOn: today.adding(days: -random.int(in: 1...50)))
                guard let (current, outcome) = try await referral(plan, random: &random, on: db) else { continue }
                let sentOn = plan.sentOn, fromUser = plan.fromUser, toUser = plan.toUser
                summary.referrals += 1
                summary.steps += try await steps(for: personID, owner: owner, receiver: to, ownerUser: fromUser, receiverUser: toUser,
                                                 state: current, outcome: outcome, sentOn: sentOn, random: &random, on: sql)
                if [.accepted, .inProgress, .completed].contains(current) {
                    let key = "\(owner)-\(to)"
                    pairs[key, default: (owner, to, [])].persons.append(personID)
                }
            }
            let (mechelenReferrals, mechelenSteps) = try await mechelenCase(ids: ids, staff: { staff($0, caseworkers) }, random: &random, on: db)
            summary.referrals += mechelenReferrals
            summary.steps += mechelenSteps
            summary.conferences = try await conferences(pairs.values.sorted { "\($0.owner)\($0.partner)" < "\($1.owner)\($1.partner)" },
                                                        staff: { staff($0, caseworkers) }, random: &random, on: sql)
            summary.employerRequests = try await employerRequests(ids: ids, staff: { staff($0, caseworkers) }, random: &random, on: sql)
        }
        return summary
    }

    /// One referral to write: who, where, why, and the steps it went through.
    struct ReferralPlan {
        var person: UUID
        var owner: UUID
        var to: UUID
        var fromUser: UUID
        var toUser: UUID
        var purpose: Purpose
        var reason: String
        var urgency: ReferralUrgency = .normal
        var actions: [ReferralAction]
        var sentOn: CalendarDate
        /// Fixed refusal reasons and notes, in order (else drawn at random); a fixed outcome.
        var refusals: [(RefusalReason, String)] = []
        var outcome: ReferralOutcome?
        var offer: UUID?
        var daysBetweenSteps = 1
    }

    /// Writes a referral with its sealed snapshot and history, walking the state machine step by step;
    /// nil when no route or consent allows it. Returns the state reached and the outcome.
    func referral(_ plan: ReferralPlan, random: inout SeededGenerator,
                  on db: any Database) async throws -> (ReferralState, ReferralOutcome?)? {
        let sql = db as! any SQLDatabase
        guard let dossier = try await DossierStore.find(plan.person, on: db) else { return nil }
        let routes = try await PersonAccess.routesWithDeadlines(from: plan.owner, to: plan.to, on: db)
        guard let responseDays = routes.filter({ $0.route.validity.contains(plan.sentOn) }).map(\.responseDays).min() else { return nil }
        let referralID = random.uuid()
        var snapshot: (ciphertext: Data, keyID: String)?
        var categories: [DataCategory] = []
        if !plan.actions.isEmpty {
            let decision = AccessRule.shareable(to: plan.to, personOwner: plan.owner, purpose: plan.purpose, routes: routes.map(\.route),
                                                consents: try await PersonAccess.consents(of: plan.person, on: db), at: now, today: asOf)
            guard !decision.allowed.isEmpty else { return nil }
            let identifiers = try dossier.sealedIdentifiers.map { try keyring.openIdentifiers($0, keyID: dossier.identifiersKeyID!) }
            let dto = PersonDTO(dossier, identifiers: identifiers, decision: decision, purpose: plan.purpose, today: asOf)
            snapshot = try keyring.seal(ReferralSnapshot(dto))
            categories = decision.allowed.sorted { $0.rawValue < $1.rawValue }
        }
        var current = ReferralState.draft
        var events: [[any Encodable & Sendable]] = []
        var outcome: ReferralOutcome?
        var refusals = plan.refusals[...]
        for (position, action) in plan.actions.enumerated() {
            var details = ReferralStepDetails()
            switch action {
            case .refuse:
                let (reason, text) = refusals.popFirst()
                    ?? (RefusalReason.allCases[random.int(in: 0...(RefusalReason.allCases.count - 1))], "Weigering na intake (synthetisch voorbeeld).")
                details.reason = reason
                details.text = text
            case .reconsider: details.text = "Heroverwogen na overleg met de doorverwijzer."
            case .cancel: details.text = "Ingetrokken: de persoon verhuisde (synthetisch voorbeeld)."
            case .complete:
                outcome = plan.outcome ?? ReferralOutcome.allCases[random.int(in: 0...(ReferralOutcome.allCases.count - 1))]
                details.outcome = outcome
            case .send, .receive, .accept, .start: break
            }
            let party = ReferralStateMachine.party(for: action)
            let next = try ReferralStateMachine.apply(action, to: current, by: party, details: details)
            let at = Date.brussels(plan.sentOn.adding(days: position * plan.daysBetweenSteps), hour: 9 + position)
            events.append([random.uuid(), referralID, position + 1, action.rawValue, current.rawValue, next.rawValue, at,
                           party == .sender ? plan.fromUser : plan.toUser, party == .sender ? plan.owner : plan.to,
                           details.reason?.rawValue, details.text, details.outcome?.rawValue])
            current = next
        }
        let sent = plan.actions.isEmpty ? nil : plan.sentOn
        let due = sent.map { ResponseDeadline(sentOn: $0, workingDays: responseDays).due }
        try await ReferralStore.insert(referrals: [[
            referralID, plan.person, plan.owner, plan.fromUser, plan.to, plan.purpose.rawValue, plan.reason, plan.urgency.rawValue,
            String?.none, false, current.rawValue, responseDays, sent?.iso, due?.iso, outcome?.rawValue, snapshot?.ciphertext,
            snapshot?.keyID, snapshot == nil ? nil : JSONList.encode(categories), plan.offer, Date.brussels(plan.sentOn, hour: 8), now,
        ]], events: events, on: sql)
        if let sent {
            try await Notifier.notify(.referralReceived, about: referralID, organisation: plan.to,
                                      dedupeKey: "referral:\(referralID):1", at: Date.brussels(sent, hour: 9), on: db)
        }
        if plan.actions.contains(.start), let offer = plan.offer {
            _ = try await ReferralStore.claimSeat(of: offer, at: now, on: db)
        }
        return (current, outcome)
    }

    /// The Mechelen case (docs/domain.md#case-002) as data: ten training requests by OCMW Mechelen for people
    /// leaving article 60 work experience in Q3–Q4 2022, to VDAB Mechelen. Seven refused (motivation, who pays,
    /// technical codes, Dutch too good, Dutch too poor, admission rules), two refused and then started after
    /// talks, one started directly; across care, logistics, ICT, industry, construction, hospitality, retail and
    /// administration. Returns the referrals and steps written.
    func mechelenCase(ids: [String: UUID], staff: (UUID) -> UUID, random: inout SeededGenerator,
                      on db: any Database) async throws -> (Int, Int) {
        guard let ocmw = ids["ocmw-mechelen"], let vdab = ids["vdab-mechelen"], let leerpunt = ids["leerpunt-opleidingen"] else { return (0, 0) }
        enum Path { case refused, reconsidered, direct }
        let cases: [(sector: String, occupation: String, title: String, dutch: CEFRLevel, admission: AdmissionRequirements,
                     refusal: (RefusalReason, String)?, path: Path)] = [
            ("zorg", "5321", "Zorgkundige", .a2, AdmissionRequirements(minDutch: .b1), (.dutchLevelTooLow, "De opleiding vraagt B1; A2 behaald."), .refused),
            ("logistiek", "8344", "Heftruckchauffeur", .b1, .none, (.motivation, "Kandidaat koos na de intake voor een andere richting."), .refused),
            ("ICT", "2512", "Junior webontwikkelaar", .b1, AdmissionRequirements(minEducation: .upperSecondary),
             (.admissionRequirements, "Toelatingsproef niet geslaagd."), .refused),
            ("industrie", "7212", "Lasser", .a2, .none, (.funding, "Geen opleidingsfinanciering zolang het art. 60-contract loopt."), .refused),
            ("bouw", "7112", "Metselaar", .a2, .none, (.technicalAdministrative, "Geen VDAB-inschrijving met de juiste code."), .refused),
            ("horeca", "5120", "Hulpkok", .c1, AdmissionRequirements(maxDutch: .b1), (.dutchLevelTooHigh, "Taalniveau te hoog voor dit traject met taalondersteuning."), .refused),
            ("detailhandel", "5223", "Verkoper", .a1, AdmissionRequirements(minDutch: .a2), (.dutchLevelTooLow, "Nederlands A1; de opleiding vraagt A2."), .refused),
            ("administratie", "4110", "Administratief medewerker", .b1, .none, (.funding, "Wie betaalt het inschrijvingsgeld?"), .reconsidered),
            ("logistiek", "4321", "Magazijnmedewerker", .a2, .none, (.technicalAdministrative, "Technische code van het traject ontbrak."), .reconsidered),
            ("zorg", "5322", "Thuisverzorger", .b1, .none, nil, .direct),
        ]
        let generator = DemoPersonGenerator(world: world, asOf: asOf)
        let caseworker = staff(ocmw), counsellor = staff(vdab)
        var referrals = 0, steps = 0
        for (index, item) in cases.enumerated() {
            // A synthetic resident of Mechelen with subsidiary protection, owned by the OCMW.
            var profile = generator.profile(at: 9_000_000 + index)
            profile.ownerOrganisationID = ocmw
            profile.homeMunicipality = "12025"
            profile.protectionRequestedOn = CalendarDate(2019, 3, 4).adding(days: index * 17)
            profile.statusHistory = [LegalStatusRecord(status: .applicant, since: profile.protectionRequestedOn!),
                                     LegalStatusRecord(status: .subsidiaryProtection, since: CalendarDate(2020, 2, 3).adding(days: index * 11))]
            profile.languages = profile.languages.filter { $0.language != "nl" }
                + [LanguageSkill(language: "nl", level: item.dutch, assessedOn: CalendarDate(2022, 5, 16))]
            profile.jobWishes = [item.occupation]
            let identifiers = generator.identifiers(at: 9_000_000 + index, for: profile)
            try await DossierStore.insert(profile, sealed: try keyring.seal(identifiers), nameIndex: keyring.blindIndex(identifiers.fullName),
                                               assessment: (nil, nil), now: now, on: db)
            try await BulkInsert.rows(into: ConsentModel.schema, columns: DemoWorldLoader.consentColumns, rows: [[
                random.uuid(), profile.id, vdab, Purpose.training.rawValue, JSONList.encode(DemoWorld.profileForWork),
                ConsentMethod.signedForm.rawValue, String?.none, Date.brussels(CalendarDate(2022, 6, 1), hour: 10), Date?.none, caseworker,
                "Ik geef toestemming dat mijn gegevens gedeeld worden met VDAB voor een opleiding.", ConsentLanguage.nl.rawValue,
                Date?.none, UUID?.none,
            ]], on: db as! any SQLDatabase)
            // Article 60 ends in Q3–Q4 2022; the training request leaves a month before.
            let workEnds = CalendarDate(2022, 7, 29).adding(days: index * 14)
            let offer = Offer(id: random.uuid(), providerOrganisationID: index % 2 == 0 ? leerpunt : vdab, kind: .training,
                              title: item.title, sector: item.sector, occupation: item.occupation, region: "10000", municipality: "12025",
                              schedules: [.day], startsOn: workEnds.adding(days: 21), endsOn: workEnds.adding(days: 21 + 120), seats: 12,
                              funding: .vdab, admission: item.admission)
            try await OfferModel(offer, now: now).create(on: db)
            var rows: [[any Encodable & Sendable]] = [[
                random.uuid(), profile.id, ocmw, caseworker, TrajectoryStepKind.temporaryWorkExperience.rawValue,
                TrajectoryStepStatus.completed.rawValue, "Werkhuis Mechelen (art. 60)", CalendarDate(2021, 7, 1).adding(days: index * 14).iso,
                workEnds.iso, TrajectoryStepOutcome.achieved.rawValue, String?.none, String?.none, 1, now, now,
            ]]
            let actions: [ReferralAction]
            switch item.path {
            case .refused: actions = [.send, .receive, .refuse]
            case .reconsidered: actions = [.send, .receive, .refuse, .reconsider, .accept, .start]
            case .direct: actions = [.send, .receive, .accept, .start]
            }
            let plan = ReferralPlan(person: profile.id, owner: ocmw, to: vdab, fromUser: caseworker, toUser: counsellor, purpose: .training,
                                    reason: "Einde art. 60 in zicht; opleiding \(item.title.lowercased()) gevraagd.", actions: actions,
                                    sentOn: workEnds.adding(days: -30), refusals: item.refusal.map { [$0] } ?? [], offer: offer.id,
                                    daysBetweenSteps: 3)
            guard try await referral(plan, random: &random, on: db) != nil else { continue }
            referrals += 1
            if item.path != .refused {
                rows.append([random.uuid(), profile.id, vdab, counsellor, TrajectoryStepKind.training.rawValue,
                             TrajectoryStepStatus.completed.rawValue, offer.title, offer.startsOn.iso, offer.endsOn!.iso,
                             TrajectoryStepOutcome.certificate.rawValue, String?.none, String?.none, 1, now, now])
            }
            try await BulkInsert.rows(into: TrajectoryStepModel.schema,
                                        columns: Self.stepColumns, rows: rows, on: db as! any SQLDatabase)
            steps += rows.count
        }
        return (referrals, steps)
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
        try await BulkInsert.rows(into: TrajectoryStepModel.schema,
                                    columns: Self.stepColumns, rows: rows, on: sql)
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
                try await BulkInsert.rows(into: ConsentModel.schema, columns: DemoWorldLoader.consentColumns, rows: [[
                    random.uuid(), person, pair.partner, Purpose.caseConference.rawValue,
                    JSONList.encode([DataCategory.identity, .trajectoryAndReferrals]), ConsentMethod.signedForm.rawValue, String?.none,
                    Date.brussels(asOf.adding(days: -40), hour: 10), Date?.none, organiser,
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
                try await BulkInsert.rows(into: CaseConferenceParticipantModel.schema, columns: ["id", "conference_id", "organisation_id"],
                                            rows: [[random.uuid(), id, pair.owner], [random.uuid(), id, pair.partner]], on: sql)
                if id != planned {
                    try await BulkInsert.rows(into: CaseConferencePersonModel.schema, columns: ["id", "conference_id", "person_id"],
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
            try await BulkInsert.rows(into: CaseConferenceItemModel.schema,
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
}
