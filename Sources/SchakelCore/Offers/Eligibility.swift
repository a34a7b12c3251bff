import Foundation

/// Whether a person may take up an offer, with every reason spelled out before anyone applies
/// (docs/domain.md#case-002: seven of ten training requests were refused for reasons nobody saw coming).
public enum EligibilityVerdict: String, CaseIterable, Codable, Sendable {
    case eligible
    /// Nothing blocks, but the dossier lacks something the offer asks about.
    case unknown
    case ineligible
}

/// What a finding does to the verdict.
public enum FindingEffect: String, CaseIterable, Codable, Sendable {
    case blocking
    /// Missing data: never a refusal, always something to find out.
    case unknown
    /// Worth knowing before applying, never a reason to refuse.
    case informational
}

/// Something about the person's days that an offer must fit around.
public enum ScheduleNeed: String, CaseIterable, Codable, Sendable {
    /// The profile says part-time only.
    case partTime = "part-time"
    /// The person works during the day (a job, TWE/article 60, IBO, internship), so a course beside
    /// it has to be in the evening, at the weekend or at their own pace.
    case outsideWorkingHours = "outside-working-hours"

    /// The schedules that meet the need.
    public var metBy: OfferSchedules {
        switch self {
        case .partTime: return [.partTime, .evening, .weekend, .selfPaced]
        case .outsideWorkingHours: return [.evening, .weekend, .selfPaced]
        }
    }
}

public enum Prerequisite: Hashable, Sendable {
    case competence(Competence)
    /// Experience in any one of these ISCO-08 occupations, for at least so many years.
    case experience(anyOf: [String], minimumYears: Int)
}

/// One reason in an eligibility result, carrying the facts a counsellor needs to act on it.
/// The app words it in Dutch from the case; `summary` is the English wording.
public enum EligibilityFinding: Equatable, Sendable {
    case ended(on: CalendarDate)
    /// A group course whose first day has passed.
    case alreadyStarted(on: CalendarDate)
    case noSeatsLeft
    case startsBeforeRightToWork(start: CalendarDate, rightToWorkOn: CalendarDate)
    case noRightToWork(since: CalendarDate)
    case rightToWorkUnknown(RightToWork.Unknown)
    case statusNotAdmitted(LegalStatus)
    case statusUnknown
    case dutchTooLow(required: CEFRLevel, has: CEFRLevel, since: CalendarDate)
    case dutchTooHigh(maximum: CEFRLevel, has: CEFRLevel, since: CalendarDate)
    case dutchUnknown(minimum: CEFRLevel?, maximum: CEFRLevel?)
    case educationTooLow(required: ISCEDLevel, has: ISCEDLevel)
    case educationUnknown(required: ISCEDLevel)
    /// The level is there, but not on a recognised diploma.
    case diplomaNotRecognised(level: ISCEDLevel, recognition: DiplomaRecognition)
    case diplomaRecognitionPending(level: ISCEDLevel)
    case scheduleConflict(needs: ScheduleNeed, offers: OfferSchedules)
    case missingPrerequisite(Prerequisite)
    /// The dossier records no competences (or no work experience) at all, so it cannot say.
    case prerequisiteUnknown(Prerequisite)
    case documentsNeeded([String])
    /// The participant pays, or who pays is not settled (docs/domain.md#case-002: unclear who pays).
    case fundingToAgree(OfferFunding)

    public var effect: FindingEffect {
        switch self {
        case .ended, .alreadyStarted, .noSeatsLeft, .startsBeforeRightToWork, .noRightToWork, .statusNotAdmitted,
             .dutchTooLow, .dutchTooHigh, .educationTooLow, .diplomaNotRecognised, .scheduleConflict, .missingPrerequisite:
            return .blocking
        case .rightToWorkUnknown, .statusUnknown, .dutchUnknown, .educationUnknown, .diplomaRecognitionPending,
             .prerequisiteUnknown:
            return .unknown
        case .documentsNeeded, .fundingToAgree:
            return .informational
        }
    }

    /// A stable code for logs, counts of refusal reasons and translation keys.
    public var code: String {
        switch self {
        case .ended: return "ended"
        case .alreadyStarted: return "already-started"
        case .noSeatsLeft: return "no-seats-left"
        case .startsBeforeRightToWork: return "starts-before-right-to-work"
        case .noRightToWork: return "no-right-to-work"
        case .rightToWorkUnknown: return "right-to-work-unknown"
        case .statusNotAdmitted: return "status-not-admitted"
        case .statusUnknown: return "status-unknown"
        case .dutchTooLow: return "dutch-too-low"
        case .dutchTooHigh: return "dutch-too-high"
        case .dutchUnknown: return "dutch-unknown"
        case .educationTooLow: return "education-too-low"
        case .educationUnknown: return "education-unknown"
        case .diplomaNotRecognised: return "diploma-not-recognised"
        case .diplomaRecognitionPending: return "diploma-recognition-pending"
        case .scheduleConflict: return "schedule-conflict"
        case .missingPrerequisite: return "missing-prerequisite"
        case .prerequisiteUnknown: return "prerequisite-unknown"
        case .documentsNeeded: return "documents-needed"
        case .fundingToAgree: return "funding-to-agree"
        }
    }
}

public struct EligibilityResult: Equatable, Sendable {
    public let verdict: EligibilityVerdict
    /// In a fixed order: the offer itself, right to work and status, Dutch, education,
    /// prerequisites, schedule, then the informational notes.
    public let findings: [EligibilityFinding]

    public init(findings: [EligibilityFinding]) {
        self.findings = findings
        self.verdict = EligibilityResult.verdict(of: findings)
    }

    /// Ineligible if anything blocks, else unknown if anything is unknown, else eligible.
    public static func verdict(of findings: [EligibilityFinding]) -> EligibilityVerdict {
        var verdict = EligibilityVerdict.eligible
        for finding in findings {
            switch finding.effect {
            case .blocking: return .ineligible
            case .unknown: verdict = .unknown
            case .informational: break
            }
        }
        return verdict
    }

    public var blocking: [EligibilityFinding] { findings.filter { $0.effect == .blocking } }
    public var unknowns: [EligibilityFinding] { findings.filter { $0.effect == .unknown } }
    public var notes: [EligibilityFinding] { findings.filter { $0.effect == .informational } }
}

public enum Eligibility {
    /// What the dossier knows about a person's days beyond the profile: whether they work during
    /// the day, which comes from the trajectory (a running job, TWE/article 60, IBO or internship).
    public struct Circumstances: Hashable, Sendable {
        public enum DaytimeWork: Hashable, Sendable {
            case none
            case openEnded
            /// Works during the day up to and including this day.
            case until(CalendarDate)
        }

        public var daytimeWork: DaytimeWork

        public init(daytimeWork: DaytimeWork = .none) { self.daytimeWork = daytimeWork }

        public static let none = Circumstances()

        /// From the trajectory: the running steps that fill the person's working days.
        public init(steps: [TrajectoryStep], today: CalendarDate) {
            var work = DaytimeWork.none
            for step in steps where step.status == .running && step.startsOn <= today {
                switch step.kind {
                case .job, .temporaryWorkExperience, .ibo, .internship:
                    switch (work, step.endsOn) {
                    case (_, nil), (.openEnded, _): work = .openEnded
                    case let (.until(current), end?): work = .until(max(current, end))
                    case let (.none, end?): work = .until(end)
                    }
                default:
                    continue
                }
            }
            daytimeWork = work
        }

        public func worksDuringTheDay(on day: CalendarDate) -> Bool {
            switch daytimeWork {
            case .none: return false
            case .openEnded: return true
            case let .until(end): return day <= end
            }
        }
    }

    /// Every finding for the person and the offer, and the verdict: ineligible if any finding
    /// blocks, else unknown if data is missing, else eligible. Missing data never makes a person
    /// ineligible. `today` decides whether the offer has started or ended; the Dutch level and the
    /// status are those on record on `today`, the right to work is asked for the offer's start.
    public static func evaluate(person: PersonProfile, offer: Offer, today: CalendarDate,
                                circumstances: Circumstances = .none) -> EligibilityResult {
        var person = person, offer = offer
        let facts = PersonFacts(&person, today: today, circumstances: circumstances,
                                rightToWork: offer.admission.requiresRightToWork)
        return evaluate(&person, facts, &offer, today: today)
    }

    // The internal walk takes the person and the offer `inout` only to read them in place: passed
    // by value out of an array, each would be copied first (a dozen retains and releases), which
    // was 40% of a 10 000-offer scan. Nothing here writes to them.

    static func evaluate(_ person: inout PersonProfile, _ facts: PersonFacts, _ offer: inout Offer,
                         today: CalendarDate) -> EligibilityResult {
        var list = FindingList()
        check(&person, facts, &offer, today: today, into: &list)
        return EligibilityResult(findings: list.findings)
    }

    /// The verdict alone, without building a finding: the recommendation scans use this, and
    /// only the offers or people they return get their findings written out.
    @inline(__always)
    static func verdict(_ person: inout PersonProfile, _ facts: PersonFacts, _ offer: inout Offer,
                        today: CalendarDate) -> EligibilityVerdict {
        var sink = VerdictSink()
        check(&person, facts, &offer, today: today, into: &sink)
        return sink.verdict
    }

    /// The one walk through the rules, reporting to a sink. The effect is passed beside the
    /// finding so that the verdict sink never has to build the finding (the autoclosure).
    @inline(__always)
    static func check<Sink: FindingSink>(_ person: inout PersonProfile, _ facts: PersonFacts, _ offer: inout Offer,
                                         today: CalendarDate, into sink: inout Sink) {
        // The offer itself.
        if let end = offer.endsOn, end < today {
            sink.add(.blocking, .ended(on: end))
        } else if offer.hasStartedWithoutLateEntry(today: today) {
            sink.add(.blocking, .alreadyStarted(on: offer.startsOn))
        }
        if offer.seatsTaken >= offer.seats { sink.add(.blocking, .noSeatsLeft) }
        let start = offer.effectiveStart(today: today)

        // Right to work on the first day, and the statuses admitted.
        if offer.admission.requiresRightToWork {
            switch facts.rightToWork(on: start) {
            case .allowed: break
            case let .from(date): sink.add(.blocking, .startsBeforeRightToWork(start: start, rightToWorkOn: date))
            case let .notAllowed(since): sink.add(.blocking, .noRightToWork(since: since))
            case let .unknown(why): sink.add(.unknown, .rightToWorkUnknown(why))
            }
        }
        if let allowed = offer.admission.allowedStatuses {
            if let status = facts.status {
                // A scan rather than `contains`: LegalStatus hashes its raw string.
                if !allowed.contains(where: { $0 == status }) { sink.add(.blocking, .statusNotAdmitted(status)) }
            } else {
                sink.add(.unknown, .statusUnknown)
            }
        }

        // Dutch, with a ceiling as well as a floor.
        let minDutch = offer.admission.minDutch, maxDutch = offer.admission.maxDutch
        if minDutch != nil || maxDutch != nil {
            if let level = facts.dutchLevel {
                if let minDutch, level.fastRank < minDutch.fastRank {
                    sink.add(.blocking, .dutchTooLow(required: minDutch, has: level, since: facts.dutchSince))
                }
                if let maxDutch, level.fastRank > maxDutch.fastRank {
                    sink.add(.blocking, .dutchTooHigh(maximum: maxDutch, has: level, since: facts.dutchSince))
                }
            } else {
                sink.add(.unknown, .dutchUnknown(minimum: minDutch, maximum: maxDutch))
            }
        }

        // Education.
        if let required = offer.admission.minEducation {
            checkEducation(person.education, required: required,
                           recognised: offer.admission.requiresRecognisedDiploma, into: &sink)
        }

        // Prerequisites: an empty list in the dossier is taken as "not recorded", not "none".
        let prerequisites = offer.admission.prerequisites
        for competence in prerequisites.competences where !person.competences.contains(competence) {
            if person.competences.isEmpty {
                sink.add(.unknown, .prerequisiteUnknown(.competence(competence)))
            } else {
                sink.add(.blocking, .missingPrerequisite(.competence(competence)))
            }
        }
        if !prerequisites.experienceInAnyOf.isEmpty {
            let minimumYears = prerequisites.minimumYears
            let has = person.workExperience.contains {
                $0.years >= minimumYears && prerequisites.experienceInAnyOf.contains($0.occupation)
            }
            if !has {
                let prerequisite = Prerequisite.experience(anyOf: prerequisites.experienceInAnyOf, minimumYears: minimumYears)
                if person.workExperience.isEmpty {
                    sink.add(.unknown, .prerequisiteUnknown(prerequisite))
                } else {
                    sink.add(.blocking, .missingPrerequisite(prerequisite))
                }
            }
        }

        // Schedule: part-time only, or a course beside daytime work.
        if person.availability.partTimeOnly, !offer.schedules.containsAny(of: ScheduleNeed.partTime.metBy) {
            sink.add(.blocking, .scheduleConflict(needs: .partTime, offers: offer.schedules))
        }
        if offer.kind.isFollowedBesideWork, facts.worksDuringTheDay(on: start),
           !offer.schedules.containsAny(of: ScheduleNeed.outsideWorkingHours.metBy) {
            sink.add(.blocking, .scheduleConflict(needs: .outsideWorkingHours, offers: offer.schedules))
        }

        // Worth knowing before applying.
        if !offer.admission.requiredDocuments.isEmpty {
            sink.add(.informational, .documentsNeeded(offer.admission.requiredDocuments))
        }
        if offer.funding == .participant || offer.funding == .other {
            sink.add(.informational, .fundingToAgree(offer.funding))
        }
    }

    @inline(__always)
    static func checkEducation<Sink: FindingSink>(_ education: [EducationRecord], required: ISCEDLevel, recognised: Bool,
                                                  into sink: inout Sink) {
        guard var highest = education.first?.level else {
            sink.add(.unknown, .educationUnknown(required: required))
            return
        }
        for record in education where record.level > highest { highest = record.level }
        if highest < required {
            sink.add(.blocking, .educationTooLow(required: required, has: highest))
            return
        }
        guard recognised else { return }
        // The best qualifying record: recognised beats pending beats the rest; then the higher level.
        var best: EducationRecord? = nil
        func rank(_ recognition: DiplomaRecognition) -> Int {
            switch recognition {
            case .recognised: return 2
            case .pending: return 1
            case .notRequested, .refused, .noDiploma: return 0
            }
        }
        for record in education where record.level >= required {
            if let current = best,
               (rank(current.recognition), current.level) >= (rank(record.recognition), record.level) { continue }
            best = record
        }
        guard let best else { return }
        switch best.recognition {
        case .recognised: break
        case .pending: sink.add(.unknown, .diplomaRecognitionPending(level: best.level))
        case .notRequested, .refused, .noDiploma:
            sink.add(.blocking, .diplomaNotRecognised(level: best.level, recognition: best.recognition))
        }
    }
}

extension CEFRLevel {
    /// The level's place on the scale without `allCases.firstIndex` (which `rank`, and so `<`,
    /// does), for comparisons made 10 000 times per query.
    @inline(__always)
    var fastRank: Int {
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

// MARK: - The walk's sinks

protocol FindingSink {
    mutating func add(_ effect: FindingEffect, _ finding: @autoclosure () -> EligibilityFinding)
}

struct VerdictSink: FindingSink {
    var verdict = EligibilityVerdict.eligible

    @inline(__always)
    mutating func add(_ effect: FindingEffect, _ finding: @autoclosure () -> EligibilityFinding) {
        switch effect {
        case .blocking: verdict = .ineligible
        case .unknown: if verdict == .eligible { verdict = .unknown }
        case .informational: break
        }
    }
}

struct FindingList: FindingSink {
    var findings: [EligibilityFinding] = []

    mutating func add(_ effect: FindingEffect, _ finding: @autoclosure () -> EligibilityFinding) {
        let finding = finding()
        assert(finding.effect == effect, "\(finding.code) reported as \(effect)")
        findings.append(finding)
    }
}

// MARK: - What the rules read from a person, worked out once per person

/// The derived facts eligibility and fit read, computed once per person so that a scan over
/// 10 000 offers does not redo them (the Dutch level's date, the status, the right to work).
struct PersonFacts {
    let dutchLevel: CEFRLevel?
    /// The first assessment of the current level after any other level: "B1 since …".
    let dutchSince: CalendarDate
    let status: LegalStatus?
    let today: CalendarDate
    let todayNumber: Int
    /// The home municipality's NIS code as a number, parsed once for the distance classes.
    let homeNIS: Int?
    let circumstances: Eligibility.Circumstances
    private let statusHistory: [LegalStatusRecord]
    private let protectionRequestedOn: CalendarDate?
    /// On `today`; nil when no offer asked for it.
    private let rightToWorkToday: RightToWork?
    /// A status or a request recorded after today could change the answer on a later day.
    private let recordChangesAfterToday: Bool

    init(_ person: inout PersonProfile, today: CalendarDate, circumstances: Eligibility.Circumstances, rightToWork: Bool) {
        self.today = today
        todayNumber = today.dayNumber
        homeNIS = DistanceClass.fiveDigits(person.homeMunicipality)
        self.circumstances = circumstances
        // Dutch: the latest assessment on or before today, and since when that level stands.
        var latest: LanguageSkill? = nil
        for skill in person.languages where skill.language == "nl" && skill.assessedOn <= today {
            if let current = latest, current.assessedOn >= skill.assessedOn { continue }
            latest = skill
        }
        if let latest {
            var lastOtherLevel: CalendarDate? = nil
            for skill in person.languages where skill.language == "nl" && skill.level != latest.level && skill.assessedOn <= latest.assessedOn {
                if lastOtherLevel.map({ $0 < skill.assessedOn }) ?? true { lastOtherLevel = skill.assessedOn }
            }
            var since = latest.assessedOn
            for skill in person.languages where skill.language == "nl" && skill.level == latest.level && skill.assessedOn < since {
                if let lastOtherLevel, skill.assessedOn <= lastOtherLevel { continue }
                since = skill.assessedOn
            }
            dutchLevel = latest.level
            dutchSince = since
        } else {
            dutchLevel = nil
            dutchSince = today
        }
        // Status on record today.
        var status: LegalStatusRecord? = nil
        var changesAfterToday = person.protectionRequestedOn.map { $0 > today } ?? false
        for record in person.statusHistory {
            if record.since > today { changesAfterToday = true; continue }
            if let current = status, current.since >= record.since { continue }
            status = record
        }
        self.status = status?.status
        recordChangesAfterToday = changesAfterToday
        statusHistory = person.statusHistory
        protectionRequestedOn = person.protectionRequestedOn
        rightToWorkToday = rightToWork ? person.rightToWork(on: today) : nil
    }

    /// The right to work on `day` (today or later). Without anything recorded after today the
    /// answer on a later day follows from today's: "from D" means allowed from D on, and every
    /// other answer stands until the record changes. Otherwise the rule is asked again.
    func rightToWork(on day: CalendarDate) -> RightToWork {
        guard let rightToWorkToday, !recordChangesAfterToday, day >= today else {
            return RightToWork.evaluate(history: statusHistory, protectionRequestedOn: protectionRequestedOn, on: day)
        }
        if case let .from(date) = rightToWorkToday, date <= day {
            return RightToWork.evaluate(history: statusHistory, protectionRequestedOn: protectionRequestedOn, on: day)
        }
        return rightToWorkToday
    }

    func worksDuringTheDay(on day: CalendarDate) -> Bool { circumstances.worksDuringTheDay(on: day) }
}
