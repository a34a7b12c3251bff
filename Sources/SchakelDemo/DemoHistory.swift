import Foundation
import SchakelCore

/// The past a demo person brings along: the referrals made for them, with every transition they
/// went through, and the trajectory steps the organisations recorded. Synthetic: made by
/// `DemoHistoryGenerator` so the monitoring figures have something to count.
public struct DemoHistory: Hashable, Sendable {
    /// One transition of a referral, as `ReferralStateMachine.apply` allows it.
    public struct Event: Hashable, Sendable {
        public let action: ReferralAction
        public let from: ReferralState
        public let to: ReferralState
        public let on: CalendarDate
        /// The side that took the action (`ReferralStateMachine.party(for:)`).
        public let party: ReferralParty
        public let reason: RefusalReason?
        /// The note a refusal, reconsideration or cancellation needs.
        public let text: String?
        public let outcome: ReferralOutcome?
    }

    public struct Referral: Hashable, Sendable {
        public let id: UUID
        public let fromOrganisationID: UUID
        public let toOrganisationID: UUID
        public let purpose: Purpose
        public let sentOn: CalendarDate
        /// Working days for first contact; `dueOn` is `ResponseDeadline(sentOn:workingDays:).due`.
        public let responseDays: Int
        public let dueOn: CalendarDate
        /// In order; the first is always `send`.
        public let events: [Event]

        public var state: ReferralState { events.last?.to ?? .draft }
        public var outcome: ReferralOutcome? { state == .completed ? events.last?.outcome : nil }
    }

    /// A step with the organisation that runs or arranges it (and records it).
    public struct Step: Hashable, Sendable {
        public let organisationID: UUID
        public let step: TrajectoryStep
    }

    public var referrals: [Referral]
    /// Steps in the order they were made up, not sorted; they may overlap.
    public var steps: [Step]
}

/// Makes up a plausible past for a demo person: Dutch lessons that follow the levels in their dossier, civic
/// orientation, and from the right-to-work date on referrals along the owner's agreement routes with what came of
/// them (screening, training, work experience, IBO, intensive guidance, a job). Figures are drawn to echo the
/// source cases (docs/domain.md#the-source-cases), cited where they come from; the rest are plain modelling
/// choices of the demo, not findings.
///
/// Deterministic: each person's past comes from a random stream seeded by their id, so the same
/// world, day and profile give the same history, and any person can be made without the others.
/// Nothing happens after `asOf` (a step may be `planned` for the coming weeks) or before the
/// person's arrival and protection request.
public struct DemoHistoryGenerator: Sendable {
    public let asOf: CalendarDate
    /// The first-contact deadline on the demo routes: the app's default for an agreement route.
    public static let responseDays = 5
    /// How far ahead a next step is already on the agenda as `planned`.
    static let plannedHorizon = 45

    let today: Int
    let places: [Place]
    let placeIndex: [UUID: Int]
    /// `ResponseDeadline.due` for every sending day in `dueFrom...today`, computed once: the rule
    /// builds holiday sets day by day, too slow to call for a million persons.
    let dueFrom: Int
    let dueDays: [Int32]

    /// An organisation of the world with who serves its region.
    struct Place: Sendable {
        let id: UUID
        let kind: OrganisationKind
        /// Routes it refers along: those that carry more than the feedback of the closed loop.
        var routes: [Route] = []
        /// Who gives Dutch lessons, civic orientation, training and work experience in its region,
        /// and an employer there; itself (or nil) when the world has no one.
        var dutch = 0, civic = 0
        var training: Int?, workplace: Int?, employer: Int?
    }

    struct Route: Sendable {
        let to: Int
        let validFrom: Int
        let validUntil: Int
    }

    public init(world: DemoWorld, asOf: CalendarDate) {
        self.asOf = asOf
        today = asOf.dayNumber
        let organisations = world.organisations
        let slugIndex = Dictionary(uniqueKeysWithValues: organisations.enumerated().map { ($1.slug, $0) })
        var tasks = [Set<PartyTask>](repeating: [], count: organisations.count)
        for party in world.agreements.flatMap(\.parties) {
            if let index = slugIndex[party.organisation] { tasks[index].formUnion(party.tasks) }
        }
        var places = organisations.map { Place(id: $0.id, kind: $0.kind) }
        // Feedback routes carry only identity, the trajectory and the assessment: they report back, not refer.
        let feedback: Set<DataCategory> = [.identity, .trajectoryAndReferrals, .assessment]
        for agreement in world.agreements {
            for route in agreement.routes where !Set(route.categories).isSubset(of: feedback) {
                guard let from = slugIndex[route.from], let to = slugIndex[route.to] else { continue }
                places[from].routes.append(Route(to: to, validFrom: agreement.validity.from.dayNumber,
                                                 validUntil: agreement.validity.until?.dayNumber ?? Int.max))
            }
        }
        for index in places.indices {
            let region = organisations[index].region
            func first(_ test: (Int) -> Bool) -> Int? {
                organisations.indices.first { organisations[$0].region == region && test($0) }
            }
            let integration = { (i: Int) in organisations[i].kind == .integration }
            places[index].civic = tasks[index].contains(.civicOrientation) ? index
                : first { tasks[$0].contains(.civicOrientation) } ?? index
            places[index].dutch = first { tasks[$0].contains(.languageCourses) }
                ?? (integration(index) ? index : first(integration)) ?? index
            places[index].training = first { organisations[$0].kind == .trainingProvider }
                ?? first { organisations[$0].kind == .employmentService && tasks[$0].contains(.training) }
            places[index].workplace = first { organisations[$0].kind == .learningWorkCompany }
            places[index].employer = first { organisations[$0].kind == .employer }
        }
        self.places = places
        placeIndex = Dictionary(uniqueKeysWithValues: places.enumerated().map { ($1.id, $0) })
        // Arrivals reach back about 6.5 years (`DemoPersonGenerator`); ten years covers them all.
        dueFrom = today - 3660
        dueDays = (dueFrom...today).map {
            Int32(ResponseDeadline(sentOn: CalendarDate(dayNumber: $0), workingDays: Self.responseDays).due.dayNumber)
        }
    }

    func due(_ sent: Int) -> Int {
        if sent >= dueFrom && sent <= today { return Int(dueDays[sent - dueFrom]) }
        return ResponseDeadline(sentOn: CalendarDate(dayNumber: sent), workingDays: Self.responseDays).due.dayNumber
    }

    public func history(for profile: PersonProfile) -> DemoHistory {
        var run = Run(generator: self, profile: profile)
        run.make()
        return DemoHistory(referrals: run.referrals, steps: run.steps)
    }

    /// The UUID's bytes as two big-endian halves (like the app's `UUID.halves`), without allocating.
    static func halves(_ id: UUID) -> (UInt64, UInt64) {
        withUnsafeBytes(of: id.uuid) { bytes in
            var first: UInt64 = 0, second: UInt64 = 0
            for i in 0..<8 {
                first = first << 8 | UInt64(bytes[i])
                second = second << 8 | UInt64(bytes[8 + i])
            }
            return (first, second)
        }
    }
}

/// The texts a refusal, reconsideration or cancellation carries (the state machine requires one).
enum DemoHistoryTexts {
    static func refusal(_ reason: RefusalReason) -> String {
        switch reason {
        case .motivation: return "Twijfels over de motivatie na het intakegesprek."
        case .funding: return "Onduidelijk wie de opleiding betaalt."
        case .technicalAdministrative: return "Technisch probleem: de juiste code ontbreekt in het dossier."
        case .dutchLevelTooLow: return "Nederlands nog te zwak voor de instapvoorwaarden."
        case .dutchLevelTooHigh: return "Nederlands te goed voor dit traject met taalondersteuning."
        case .admissionRequirements: return "Voldoet niet aan de toelatingsvoorwaarden."
        case .noSeats: return "De opleiding is volzet."
        case .noCapacity: return "Geen ruimte in de begeleiding op dit moment."
        case .notEligible: return "Regulier aanbod volstaat: geen nood aan intensieve begeleiding."
        case .personDeclined: return "De persoon wil nu geen begeleiding."
        case .other: return "Andere reden, besproken met de doorverwijzer."
        }
    }

    static let reconsidered = "Heroverwogen na overleg met de doorverwijzer: toch opgestart."
    static let movedAway = "Ingetrokken: de persoon is verhuisd."
    static let otherOffer = "Ingetrokken: de persoon koos voor een ander aanbod."
}

extension DemoHistoryGenerator {
    /// A referral being made: the transitions so far and the state they reached.
    struct Draft {
        let id: UUID
        let from: Int
        let to: Int
        let purpose: Purpose
        let sentOn: Int
        let dueOn: Int
        var events: [DemoHistory.Event] = []
        var state = ReferralState.draft
        var last: Int

        /// Takes `action` on `day` (or the last event's day, if later), unless that is after `today`.
        /// Returns the day taken. Only transitions the state machine has are taken.
        @discardableResult
        mutating func take(_ action: ReferralAction, on day: Int, today: Int, reason: RefusalReason? = nil,
                           text: String? = nil, outcome: ReferralOutcome? = nil) -> Int? {
            let day = max(day, last)
            guard day <= today, let next = ReferralStateMachine.target(of: action, from: state) else { return nil }
            if events.isEmpty { events.reserveCapacity(7) }
            events.append(DemoHistory.Event(action: action, from: state, to: next, on: CalendarDate(dayNumber: day),
                                            party: ReferralStateMachine.party(for: action), reason: reason, text: text,
                                            outcome: outcome))
            state = next
            last = day
            return day
        }
    }

    /// The making of one person's past.
    struct Run {
        let generator: DemoHistoryGenerator
        let profile: PersonProfile
        let today: Int
        var random: SeededGenerator
        var steps: [DemoHistory.Step] = []
        var referrals: [DemoHistory.Referral] = []
        /// Nothing before the arrival or the protection request, whichever is later.
        var floor: Int
        /// Dutch levels gained per year in the dossier, and the last level assessed.
        var dutchPace = 0.0
        var dutchNow: CEFRLevel?

        init(generator: DemoHistoryGenerator, profile: PersonProfile) {
            self.generator = generator
            self.profile = profile
            today = generator.today
            let (a, b) = DemoHistoryGenerator.halves(profile.id)
            // Its own stream, apart from the one the app seeds child-row ids with.
            random = SeededGenerator(seed: DemoPersonGenerator.mix(a ^ 0x4849_5354_4F52_5921) ^ b)
            switch (profile.arrivedOn?.dayNumber, profile.protectionRequestedOn?.dayNumber) {
            case let (arrived?, requested?): floor = max(arrived, requested)
            case let (arrived?, nil): floor = arrived
            case let (nil, requested?): floor = requested
            case (nil, nil): floor = profile.statusHistory.lazy.map(\.since.dayNumber).min() ?? today
            }
        }

        mutating func make() {
            steps.reserveCapacity(12)
            let owner = generator.placeIndex[profile.ownerOrganisationID]
            let ownerID = profile.ownerOrganisationID
            if let owner, generator.places[owner].kind == .reception, random.chance(0.6) {
                // docs/domain.md#case-004: residents are screened early, in the reception centre.
                let start = floor + random.int(in: 7...45)
                step(.screening, by: ownerID, from: start, to: start + random.int(in: 1...14))
            }
            civicOrientation(owner: owner)
            dutchLessons(by: owner.map { generator.places[generator.places[$0].dutch].id } ?? ownerID)
            guard let owner, let rightToWork = Milestones.rightToWorkDate(
                statusHistory: profile.statusHistory, protectionRequestedOn: profile.protectionRequestedOn,
                today: generator.asOf)?.dayNumber, rightToWork <= today else { return }
            work(owner: owner, from: max(rightToWork, floor))
        }

        // MARK: Integration

        /// Civic orientation (MO) for those with a status, a few months after it; a share of those
        /// with temporary protection, who are not obliged to follow it. Applicants do not (docs/domain.md#case-001).
        mutating func civicOrientation(owner: Int?) {
            guard let current = profile.currentStatus, current.status.givesFullAccess else { return }
            guard random.chance(current.status == .temporaryProtection ? 0.5 : 0.85) else { return }
            let start = max(current.since.dayNumber, floor) + random.int(in: 20...120)
            let dropped = random.chance(0.08)
            step(.civicOrientation, by: owner.map { generator.places[generator.places[$0].civic].id } ?? profile.ownerOrganisationID,
                 from: start, to: start + random.int(in: dropped ? 10...40 : 40...100),
                 outcome: dropped ? .droppedOut : .certificate, stopped: dropped)
        }

        /// Dutch lessons as the dossier's assessments tell them: the first assessment places the
        /// person, each later one closes a module with the level reached, up to B2 (later assessments
        /// are only that); after the last, a module runs (or is about to) below B2.
        ///
        /// Also measures the pace, which the work paths lean on: fast learners find work more often,
        /// so "Dutch progress with and without work" has a difference to show. That link is a
        /// modelling choice of the demo, not a finding; the levels themselves stay the dossier's.
        mutating func dutchLessons(by organisation: UUID) {
            var ordered = true
            var previous = Int.min
            for skill in profile.languages where skill.language == "nl" {
                if skill.isMotherTongue { return }
                if skill.assessedOn.dayNumber < previous { ordered = false }
                previous = skill.assessedOn.dayNumber
            }
            let marks = ordered ? profile.languages : profile.languages.sorted { $0.assessedOn < $1.assessedOn }
            var last: (day: Int, level: CEFRLevel)?
            var first: (day: Int, level: CEFRLevel)?
            for skill in marks where skill.language == "nl" {
                let day = skill.assessedOn.dayNumber
                guard day >= floor, day <= today else { continue }
                if let last, last.level.order < CEFRLevel.b2.order {
                    let start = min(last.day + random.int(in: 7...21), day)
                    step(.dutchLessons, by: organisation, from: start, to: day,
                         outcome: skill.level.order > last.level.order ? .certificate : .partlyAchieved, level: skill.level)
                }
                if first == nil { first = (day, skill.level) }
                last = (day, skill.level)
            }
            guard let first, let last else { return }
            dutchNow = last.level
            if last.day - first.day >= 180 {
                dutchPace = Double(last.level.order - first.level.order) * 365 / Double(last.day - first.day)
            }
            if last.level.order < CEFRLevel.b2.order {
                let start = last.day + random.int(in: 7...21)
                step(.dutchLessons, by: organisation, from: start, to: nil, level: start <= today ? last.level : nil)
            }
        }

        /// The Dutch level on `day` as last assessed before it.
        func dutch(on day: Int) -> CEFRLevel? {
            var best: (Int, CEFRLevel)?
            for skill in profile.languages where skill.language == "nl" && skill.assessedOn.dayNumber <= day {
                if best == nil || skill.assessedOn.dayNumber >= best!.0 { best = (skill.assessedOn.dayNumber, skill.level) }
            }
            return best?.1
        }

        /// From -1 (0.6 levels a year or less, or never assessed) to 1 (1.4 levels a year or more); the
        /// dossiers' paces mostly lie between 0.6 and 1.4.
        var pace: Double {
            guard dutchNow != nil else { return -1 }
            return min(1, max(-1, (dutchPace - 1) / 0.4))
        }

        // MARK: Work

        /// From the right-to-work date on. The integration service refers everyone who may and wants to
        /// work to the employment service (docs/domain.md#case-001); about 7 in 10 here, sent 0–120 days after the
        /// date (most within weeks). The employment service guides its own; a Jobteam its own; an
        /// OCMW puts paid work first (docs/domain.md#case-002).
        mutating func work(owner: Int, from rightToWork: Int) {
            let place = generator.places[owner]
            let sendOn = rightToWork + skewedEarly(0...120)
            if random.chance(0.12) {
                // docs/domain.md#case-000 asks whether short contacts with practice count: some have one.
                let day = sendOn + random.int(in: 0...200)
                step(.practiceContact, by: place.id, from: day, to: day)
            }
            switch place.kind {
            case .employmentService:
                _ = guidance(at: owner, from: sendOn + random.int(in: 0...30))
            case .intensiveGuidance:
                _ = intensive(at: owner, from: sendOn + random.int(in: 0...30))
            case .ocmw:
                workFirst(owner: owner, from: sendOn)
            default:
                let routes = place.routes
                guard !routes.isEmpty, random.chance(0.7), let route = openRoute(routes, on: sendOn) else {
                    // Not referred: some find work on their own and tell their counsellor.
                    ownJob(owner: owner, after: sendOn, chance: 0.4)
                    return
                }
                refer(from: owner, along: route, purpose: .guidanceToWork, on: sendOn)
            }
        }

        /// Mechelen (docs/domain.md#case-002): paid work first, temporary work experience (article 60) combined with
        /// training; trial and error rather than a long screening. Some are referred to VDAB, to the
        /// learning-work company or to a training provider; most others start work experience at the
        /// OCMW itself.
        mutating func workFirst(owner: Int, from start: Int) {
            let routes = generator.places[owner].routes
            if !routes.isEmpty, random.chance(0.7), let route = pickRoute(routes, on: start, weights: { kind in
                switch kind {
                case .learningWorkCompany: return 45
                case .employmentService: return 35
                case .trainingProvider: return 20
                default: return 5
                }
            }) {
                let purpose: Purpose = generator.places[route.to].kind == .trainingProvider ? .training : .guidanceToWork
                refer(from: owner, along: route, purpose: purpose, on: start)
            } else if random.chance(0.7) {
                workExperience(runBy: owner, from: start + random.int(in: 0...60), requester: owner)
            } else {
                ownJob(owner: owner, after: start, chance: 0.3)
            }
        }

        /// Sends a referral along `route` and carries it through: the receiver's part when it
        /// starts, the owner's fallback when refused or called off.
        mutating func refer(from sender: Int, along route: Route, purpose: Purpose, on day: Int) {
            guard var draft = open(from: sender, to: route.to, purpose: purpose, on: day) else { return }
            if let start = started(&draft) {
                if let (outcome, end) = carryOut(at: route.to, purpose: purpose, from: start, requester: sender) {
                    draft.take(.complete, on: end, today: today, outcome: outcome)
                }
            } else if draft.state == .refused || draft.state == .cancelled {
                ownJob(owner: sender, after: draft.last, chance: 0.35)
            }
            finish(draft)
        }

        /// What the receiver does once the referral started; how and when it ended, nil while it runs.
        mutating func carryOut(at receiver: Int, purpose: Purpose, from start: Int, requester: Int) -> (ReferralOutcome, Int)? {
            switch generator.places[receiver].kind {
            case .intensiveGuidance:
                return intensive(at: receiver, from: start)
            case .trainingProvider:
                return training(at: receiver, from: start, guide: requester)
            case .learningWorkCompany:
                workExperience(runBy: receiver, from: start, requester: requester)
                return (.workExperience, start)
            default:
                return purpose == .training ? training(at: receiver, from: start, guide: requester) : guidance(at: receiver, from: start)
            }
        }

        enum Path { case job, training, ibo, workExperience, intensive, stalled }

        /// Guidance to work by an employment service from `start`: a screening, then one of the paths the
        /// source cases describe (docs/domain.md#case-001: VDAB assesses the distance to the labour market and
        /// picks the offer). Returns the referral's outcome and day, nil while it runs.
        mutating func guidance(at guide: Int, from start: Int) -> (ReferralOutcome, Int)? {
            let guideID = generator.places[guide].id
            let screened = start + random.int(in: 10...40)
            guard step(.screening, by: guideID, from: start, to: screened) else { return nil }
            let pace = self.pace
            let path: Path = pick([
                (.job, 33 + Int(15 * pace)), (.training, 20), (.ibo, 10), (.workExperience, 11),
                (.intensive, 12 - Int(5 * pace)), (.stalled, 14 - Int(10 * pace)),
            ])
            switch path {
            case .job:
                let day = screened + skewedEarly(30...300)
                return job(near: guide, on: day) ? (.job, day) : nil
            case .training:
                let oriented = screened + random.int(in: 30...60)
                guard step(.careerOrientation, by: guideID, from: screened + random.int(in: 0...7), to: oriented) else { return nil }
                return training(at: generator.places[guide].training ?? guide, from: oriented + random.int(in: 7...45),
                                guide: guide, outcome: nil)
            case .ibo:
                let begins = screened + random.int(in: 20...120)
                return ibo(near: guide, from: begins) ? (.ibo, begins) : nil
            case .workExperience:
                let begins = screened + random.int(in: 20...120)
                workExperience(runBy: generator.places[guide].workplace ?? guide, from: begins, requester: nil)
                return begins <= today ? (.workExperience, begins) : nil
            case .intensive:
                // docs/domain.md#case-001: VDAB refers those who need intensive guidance to the Jobteam; without
                // one, it guides them itself.
                let sent = screened + random.int(in: 0...30)
                let jobteams = generator.places[guide].routes.filter { generator.places[$0.to].kind == .intensiveGuidance }
                guard let route = openRoute(jobteams, on: sent) else { return intensive(at: guide, from: sent) }
                guard var draft = open(from: guide, to: route.to, purpose: .intensiveGuidance, on: sent) else { return nil }
                var result: (ReferralOutcome, Int)?
                if let begins = started(&draft) {
                    result = intensive(at: route.to, from: begins)
                    if let (outcome, day) = result { draft.take(.complete, on: day, today: today, outcome: outcome) }
                } else if draft.state == .refused || draft.state == .cancelled {
                    // Back to the regular offer.
                    let day = draft.last + skewedEarly(30...360)
                    result = random.chance(0.45) ? (job(near: guide, on: day) ? (.job, day) : nil) : (.backToSender, draft.last + 30)
                }
                finish(draft)
                return result
            case .stalled:
                let begins = screened + random.int(in: 0...14)
                let ends = begins + random.int(in: 30...90)
                guard step(.careerOrientation, by: guideID, from: begins, to: ends, outcome: .partlyAchieved) else { return nil }
                if random.chance(0.25) { _ = job(near: guide, on: ends + skewedEarly(90...600), by: profile.ownerOrganisationID) }
                return (random.chance(0.5) ? .droppedOut : .backToSender, ends)
            }
        }

        /// Intensive guidance (a Jobteam, docs/domain.md#case-001) for 6–18 months: a job for about half, a training
        /// for some (the Jobteam's target counts both), the rest drop out.
        mutating func intensive(at team: Int, from start: Int) -> (ReferralOutcome, Int)? {
            let ends = start + random.int(in: 180...540)
            let roll = random.below(100) - Int(10 * pace)
            let teamID = generator.places[team].id
            if roll < 55 {
                guard step(.intensiveGuidance, by: teamID, from: start, to: ends, outcome: .movedToJob) else { return nil }
                return job(near: team, on: ends) ? (.job, ends) : nil
            } else if roll < 70 {
                guard step(.intensiveGuidance, by: teamID, from: start, to: ends) else { return nil }
                return training(at: generator.places[team].training ?? team, from: ends + random.int(in: 7...30), guide: team,
                                outcome: .trainingStarted)
            } else {
                let stops = start + random.int(in: 60...300)
                guard step(.intensiveGuidance, by: teamID, from: start, to: stops, outcome: .droppedOut, stopped: true) else { return nil }
                return (.droppedOut, stops)
            }
        }

        /// A training of 3–9 months; most finish with a certificate and find a job after, arranged by
        /// `guide`. The referral's outcome is `trainingStarted` on the first day when that is what it
        /// asked (a training request), else how the training ended.
        mutating func training(at provider: Int, from start: Int, guide: Int? = nil,
                               outcome asked: ReferralOutcome? = .trainingStarted) -> (ReferralOutcome, Int)? {
            let dropped = random.chance(0.18)
            let ends = start + (dropped ? random.int(in: 20...90) : random.int(in: 90...270))
            var ended: (ReferralOutcome, Int)?
            if step(.training, by: generator.places[provider].id, from: start, to: ends,
                    outcome: dropped ? .droppedOut : .certificate, stopped: dropped) {
                if dropped {
                    ended = (.droppedOut, ends)
                } else if random.chance(0.8 + 0.1 * pace) {
                    let day = ends + skewedEarly(14...150)
                    if job(near: guide ?? provider, on: day) { ended = (.job, day) }
                } else {
                    ended = (.backToSender, ends + random.int(in: 30...90))
                }
            }
            if let asked { return start <= today ? (asked, start) : nil }
            return ended
        }

        /// Temporary work experience or article 60 (9–18 months), or a shorter internship at a
        /// learning-work company. During article 60 the OCMW asks for a training (docs/domain.md#case-002); after, a
        /// job for most (quicker with the training), sometimes through an IBO first.
        mutating func workExperience(runBy organisation: Int, from start: Int, requester: Int?) {
            let internship = requester == nil && random.chance(0.25)
            let ends = start + (internship ? random.int(in: 30...120) : random.int(in: 270...540))
            let closed = step(internship ? .internship : .temporaryWorkExperience, by: generator.places[organisation].id,
                              from: start, to: ends)
            var trainedUntil: Int?, stillTraining = false
            if let requester, random.chance(0.6), start + 150 <= today {
                // docs/domain.md#case-002: the Mechelen requests went to VDAB (and a provider) some months into article 60.
                let sent = start + random.int(in: 150...270)
                let options = generator.places[requester].routes.filter {
                    let kind = generator.places[$0.to].kind
                    return kind == .employmentService || kind == .trainingProvider
                }
                if let route = pickRoute(options, on: sent, weights: { $0 == .employmentService ? 70 : 30 }),
                   var draft = open(from: requester, to: route.to, purpose: .training, on: sent) {
                    if let begins = started(&draft) {
                        let dropped = random.chance(0.15)
                        let trainingEnds = begins + (dropped ? random.int(in: 20...90) : random.int(in: 90...240))
                        if step(.training, by: generator.places[route.to].id, from: begins, to: trainingEnds,
                                outcome: dropped ? .droppedOut : .certificate, stopped: dropped) {
                            if !dropped { trainedUntil = trainingEnds }
                        } else {
                            stillTraining = true
                        }
                        draft.take(.complete, on: begins + random.int(in: 0...14), today: today, outcome: .trainingStarted)
                    }
                    finish(draft)
                }
            }
            // What comes next waits for the end of both.
            guard closed, !stillTraining else { return }
            let after = max(ends, trainedUntil ?? ends)
            let near = requester ?? organisation
            if random.chance(trainedUntil != nil ? 0.8 : 0.62 + 0.12 * pace) {
                if random.chance(0.2) {
                    // docs/domain.md#case-002: some success stories went from training to an IBO, then a permanent job.
                    _ = ibo(near: near, from: after + random.int(in: 14...60))
                } else {
                    _ = job(near: near, on: after + skewedEarly(0...120))
                }
            }
        }

        /// An IBO (individual vocational training at an employer, at most 26 weeks), then for most a job
        /// with the same employer. True when it started by `asOf`.
        mutating func ibo(near guide: Int, from start: Int) -> Bool {
            let employer = employerOrGuide(guide, share: 0.5)
            let ends = start + random.int(in: 30...182)
            let stops = random.chance(0.12)
            let closed = step(.ibo, by: employer, from: start, to: stops ? start + random.int(in: 14...60) : ends,
                              outcome: stops ? .droppedOut : .achieved, stopped: stops)
            if closed, !stops, random.chance(0.85) { _ = job(near: guide, on: ends + random.int(in: 0...14), by: employer) }
            return start <= today
        }

        /// A job in the normal economic circuit from `day`, recorded by an employer of the world in
        /// the guide's region now and then, else by the guide. Most still run; some ended. True when
        /// it started by `asOf`.
        mutating func job(near guide: Int, on day: Int, by organisation: UUID? = nil) -> Bool {
            let by = organisation ?? employerOrGuide(guide, share: 0.35)
            let ended = random.chance(0.2)
            step(.job, by: by, from: day, to: ended ? day + random.int(in: 90...540) : nil)
            return day <= today
        }

        /// Found work without the chain's help, told to the owner.
        mutating func ownJob(owner: Int, after day: Int, chance: Double) {
            guard random.chance(chance + 0.15 * pace) else { return }
            _ = job(near: owner, on: day + skewedEarly(60...900), by: generator.places[owner].id)
        }

        mutating func employerOrGuide(_ guide: Int, share: Double) -> UUID {
            if let employer = generator.places[guide].employer, random.chance(share) { return generator.places[employer].id }
            return generator.places[guide].id
        }

        // MARK: Referrals

        /// Sends a referral on `day` and lets the receiver answer: first contact mostly within the
        /// deadline, some late; a decision 1–20 days after sending. Nil when the day is after `asOf`.
        mutating func open(from sender: Int, to receiver: Int, purpose: Purpose, on day: Int) -> Draft? {
            guard day <= today else { return nil }
            var draft = Draft(id: uuid(), from: sender, to: receiver, purpose: purpose, sentOn: day,
                              dueOn: generator.due(day), last: day)
            draft.take(.send, on: day, today: today)
            if random.chance(0.02) {
                draft.take(.cancel, on: day + random.int(in: 1...20), today: today, text: DemoHistoryTexts.movedAway)
                return draft
            }
            // About one in eight is received after the due day (5 working days is about a week), a few
            // weeks late; the decision follows within 1–20 days of sending, or soon after a late first contact.
            let delay = random.chance(0.85) ? skewedEarly(0...6) : (random.chance(0.8) ? random.int(in: 8...16) : random.int(in: 17...60))
            guard let received = draft.take(.receive, on: day + delay, today: today) else { return draft }
            let decided = max(received + skewedEarly(0...3),
                              day + 1 + (random.chance(0.75) ? skewedEarly(0...6) : random.int(in: 7...19)))
            // docs/domain.md#case-002: 9 of 10 training requests were refused at first; a broader population fares
            // better, so 6 in 10 here. Guidance and intensive guidance are mostly accepted.
            let accept: Double
            switch purpose {
            case .training: accept = 0.4
            case .intensiveGuidance: accept = 0.8
            default: accept = 0.82
            }
            if random.chance(accept) {
                draft.take(.accept, on: decided, today: today)
                return draft
            }
            let reason = refusalReason(for: purpose, dutch: dutch(on: decided))
            guard let refused = draft.take(.refuse, on: decided, today: today, reason: reason,
                                           text: DemoHistoryTexts.refusal(reason)) else { return draft }
            // docs/domain.md#case-002: 2 of the 9 refused training requests started after talks with VDAB.
            guard random.chance(purpose == .training ? 0.25 : 0.05),
                  let again = draft.take(.reconsider, on: refused + random.int(in: 7...60), today: today,
                                         text: DemoHistoryTexts.reconsidered) else { return draft }
            draft.take(.accept, on: again + random.int(in: 0...5), today: today)
            return draft
        }

        /// Starts an accepted referral (a few are called off first); the day it started, if it did.
        mutating func started(_ draft: inout Draft) -> Int? {
            guard draft.state == .accepted else { return nil }
            if random.chance(0.03) {
                draft.take(.cancel, on: draft.last + random.int(in: 2...30), today: today, text: DemoHistoryTexts.otherOffer)
                return nil
            }
            let wait = draft.purpose == .training ? random.int(in: 14...60) : random.int(in: 3...30)
            return draft.take(.start, on: draft.last + wait, today: today)
        }

        mutating func finish(_ draft: Draft) {
            let places = generator.places
            referrals.append(DemoHistory.Referral(
                id: draft.id, fromOrganisationID: places[draft.from].id, toOrganisationID: places[draft.to].id,
                purpose: draft.purpose, sentOn: CalendarDate(dayNumber: draft.sentOn),
                responseDays: DemoHistoryGenerator.responseDays, dueOn: CalendarDate(dayNumber: draft.dueOn),
                events: draft.events))
        }

        /// The reasons the Mechelen training requests met (docs/domain.md#refusal-reasons: motivation, who pays,
        /// technical codes, Dutch too good or too poor, admission rules), Dutch ones as the level suggests;
        /// others say no capacity, not needed (docs/domain.md#case-001: the regular offer suffices) or that the
        /// person declined.
        mutating func refusalReason(for purpose: Purpose, dutch: CEFRLevel?) -> RefusalReason {
            switch purpose {
            case .training:
                let low = dutch.map { $0.order <= CEFRLevel.a1.order } ?? true, high = dutch.map { $0.order >= CEFRLevel.b2.order } ?? false
                return pick([(.motivation, 2), (.funding, 2), (.technicalAdministrative, 2),
                             (.dutchLevelTooLow, high ? 0 : (low ? 4 : 2)), (.dutchLevelTooHigh, high ? 3 : (low ? 0 : 1)),
                             (.admissionRequirements, 2)])
            case .intensiveGuidance:
                return pick([(.notEligible, 3), (.noCapacity, 2), (.personDeclined, 1)])
            default:
                return pick([(.noCapacity, 3), (.personDeclined, 3), (.notEligible, 1), (.other, 1)])
            }
        }

        /// A route open on `day`, picked evenly; nil when none is.
        mutating func openRoute(_ routes: [Route], on day: Int) -> Route? {
            pickRoute(routes, on: day) { _ in 1 }
        }

        mutating func pickRoute(_ routes: [Route], on day: Int, weights: (OrganisationKind) -> Int) -> Route? {
            var total = 0
            for route in routes where route.validFrom <= day && day <= route.validUntil {
                total += weights(generator.places[route.to].kind)
            }
            guard total > 0 else { return nil }
            var roll = random.below(total)
            for route in routes where route.validFrom <= day && day <= route.validUntil {
                roll -= weights(generator.places[route.to].kind)
                if roll < 0 { return route }
            }
            return nil
        }

        // MARK: Steps and draws

        /// Records a step meant to run from `start` to `end` (open-ended when nil) as it stands on
        /// `asOf`: planned when it starts later (only if soon), running when it has not ended, else
        /// completed, or stopped, with `outcome`. True when it closed by `asOf`.
        @discardableResult
        mutating func step(_ kind: TrajectoryStepKind, by organisation: UUID, from start: Int, to end: Int? = nil,
                           outcome: TrajectoryStepOutcome = .achieved, stopped: Bool = false, level: CEFRLevel? = nil) -> Bool {
            let start = max(start, floor)
            let status: TrajectoryStepStatus
            var endsOn: CalendarDate?
            if start > today {
                guard start - today <= DemoHistoryGenerator.plannedHorizon else { return false }
                status = .planned
            } else if let end, end <= today {
                status = stopped ? .stopped : .completed
                endsOn = CalendarDate(dayNumber: max(end, start))
            } else {
                status = .running
            }
            steps.append(DemoHistory.Step(organisationID: organisation, step: TrajectoryStep(
                id: uuid(), kind: kind, status: status, startsOn: CalendarDate(dayNumber: start), endsOn: endsOn,
                outcome: status.isClosed ? outcome : nil, levelReached: kind == .dutchLessons ? level : nil)))
            return status.isClosed
        }

        /// The UUID `SeededGenerator.uuid()` gives, built without its temporary byte array (a tenth of
        /// the time, which counts at a million persons).
        mutating func uuid() -> UUID {
            let a = random.next(), b = random.next()
            func byte(_ value: UInt64, _ index: UInt64) -> UInt8 { UInt8(truncatingIfNeeded: value >> (index * 8)) }
            return UUID(uuid: (byte(a, 0), byte(a, 1), byte(a, 2), byte(a, 3), byte(a, 4), byte(a, 5),
                               byte(a, 6) & 0x0F | 0x40, byte(a, 7), byte(b, 0) & 0x3F | 0x80, byte(b, 1), byte(b, 2),
                               byte(b, 3), byte(b, 4), byte(b, 5), byte(b, 6), byte(b, 7)))
        }

        /// A day in `range`, early days likelier (the square of a uniform draw).
        mutating func skewedEarly(_ range: ClosedRange<Int>) -> Int {
            let u = Double(random.next() >> 11) / Double(1 << 53)
            return range.lowerBound + Int(Double(range.count) * u * u)
        }

        /// By integer weights; weights below zero count as zero. No allocation beyond the literal.
        mutating func pick<T>(_ items: [(T, Int)]) -> T {
            var total = 0
            for item in items { total += max(0, item.1) }
            var roll = random.below(total)
            for item in items where item.1 > 0 {
                if roll < item.1 { return item.0 }
                roll -= item.1
            }
            return items[items.count - 1].0
        }
    }
}

extension CEFRLevel {
    /// `rank` without building `allCases` on every comparison (which the generator does millions of times).
    fileprivate var order: Int {
        switch self {
        case .preA1: return 0
        case .a1: return 1
        case .a2: return 2
        case .b1: return 3
        case .b2: return 4
        case .c1: return 5
        case .c2: return 6
        }
    }
}
