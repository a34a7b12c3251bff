import Foundation
import Testing
@testable import SchakelCore

/// Four calendar months later, clamped to the month's end, worked out by hand (not via `CalendarDate.adding(months:)`).
private func fourMonthsAfter(_ date: CalendarDate) -> CalendarDate {
    var year = date.year, month = date.month + 4
    if month > 12 { month -= 12; year += 1 }
    let lengths = [31, (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
    return CalendarDate(year, month, min(date.day, lengths[month - 1]))
}

private func record(_ status: LegalStatus, _ since: CalendarDate) -> LegalStatusRecord {
    LegalStatusRecord(status: status, since: since)
}

private func jobStep(_ status: TrajectoryStepStatus, from start: CalendarDate, kind: TrajectoryStepKind = .job) -> TrajectoryStep {
    TrajectoryStep(id: UUID(), kind: kind, status: status, startsOn: start, endsOn: status.isClosed ? start.adding(days: 30) : nil,
                   outcome: status.isClosed ? .other : nil)
}

@Suite struct MilestoneTests {
    let today = CalendarDate(2026, 1, 15)

    func timeline(history: [LegalStatusRecord] = [], request: CalendarDate? = nil, referral: CalendarDate? = nil,
                  steps: [TrajectoryStep] = [], recorded: [Milestone] = [], today: CalendarDate? = nil) -> [Milestone] {
        Milestones.timeline(statusHistory: history, protectionRequestedOn: request, firstReferralSentOn: referral, steps: steps,
                            recorded: recorded, today: today ?? self.today)
    }

    func milestone(_ kind: MilestoneKind, in line: [Milestone]) -> Milestone? {
        let found = line.filter { $0.kind == kind }
        #expect(found.count <= 1, "\(kind) appears \(found.count) times")
        return found.first
    }

    // MARK: Right to work

    @Test(arguments: [
        (CalendarDate(2025, 12, 1), CalendarDate(2026, 4, 1)),
        (CalendarDate(2026, 1, 15), CalendarDate(2026, 5, 15)), // lodged today
        (CalendarDate(2025, 10, 31), CalendarDate(2026, 2, 28)), // clamped to February's end
        (CalendarDate(2025, 9, 15), CalendarDate(2026, 1, 15)), // the day itself is today
        (CalendarDate(2025, 3, 12), CalendarDate(2025, 7, 12)), // long past
    ])
    func anApplicantMayWorkFourMonthsAfterTheRequestEvenWhenThatIsStillAhead(requested: CalendarDate, expected: CalendarDate) throws {
        let history = [record(.applicant, requested)]
        let line = timeline(history: history, request: requested)
        let rightToWork = try #require(milestone(.rightToWork, in: line))
        #expect(rightToWork == Milestone(kind: .rightToWork, on: expected, source: .derived))
        #expect(milestone(.protectionRequest, in: line) == Milestone(kind: .protectionRequest, on: requested, source: .derived))
        #expect(Milestones.rightToWorkDate(statusHistory: history, protectionRequestedOn: requested, today: today) == expected)
        // No decision yet: no status-decision milestone.
        #expect(milestone(.statusDecision, in: line) == nil)
    }

    @Test func aKnownRequestWithoutAnyRecordedStatusStillGivesTheDate() {
        let requested = CalendarDate(2025, 12, 8)
        #expect(Milestones.rightToWorkDate(statusHistory: [], protectionRequestedOn: requested, today: today) == CalendarDate(2026, 4, 8))
        #expect(milestone(.rightToWork, in: timeline(request: requested))?.on == CalendarDate(2026, 4, 8))
    }

    @Test func anApplicantWithoutARequestDateGetsNoGuessedDate() {
        // The status date is not the request date: a counsellor must check, the timeline does not guess.
        let history = [record(.applicant, CalendarDate(2025, 11, 3))]
        let line = timeline(history: history)
        #expect(Milestones.rightToWorkDate(statusHistory: history, protectionRequestedOn: nil, today: today) == nil)
        #expect(line.isEmpty)
    }

    @Test func recognitionBeforeFourMonthsGivesTheRightFromTheDecision() {
        let requested = CalendarDate(2025, 9, 1), decided = CalendarDate(2025, 11, 20)
        let history = [record(.applicant, requested), record(.recognisedRefugee, decided)]
        #expect(timeline(history: history, request: requested) == [
            Milestone(kind: .protectionRequest, on: requested, source: .derived),
            // Same day: the right to work is listed before the decision that gave it, in the kinds' order.
            Milestone(kind: .rightToWork, on: decided, source: .derived),
            Milestone(kind: .statusDecision, on: decided, source: .derived),
        ])
    }

    @Test func recognitionAfterFourMonthsKeepsTheApplicantsEarlierDate() {
        let requested = CalendarDate(2025, 3, 12), decided = CalendarDate(2025, 12, 1)
        let history = [record(.subsidiaryProtection, decided), record(.applicant, requested)]
        #expect(timeline(history: history, request: requested) == [
            Milestone(kind: .protectionRequest, on: requested, source: .derived),
            Milestone(kind: .rightToWork, on: CalendarDate(2025, 7, 12), source: .derived),
            Milestone(kind: .statusDecision, on: decided, source: .derived),
        ])
    }

    @Test func aDecisionAlreadyRecordedForALaterDayIsTakenIntoAccount() {
        // "As far ahead as the recorded statuses reach": a decision dated next month, before the four months are up.
        let requested = CalendarDate(2026, 1, 5), decided = CalendarDate(2026, 2, 2)
        let history = [record(.applicant, requested), record(.recognisedRefugee, decided)]
        #expect(Milestones.rightToWorkDate(statusHistory: history, protectionRequestedOn: requested, today: today) == decided)
    }

    @Test func aFinalRefusalLeavesNoDateForWhoMayWork() {
        let requested = CalendarDate(2024, 6, 3), refused = CalendarDate(2025, 10, 1)
        let history = [record(.applicant, requested), record(.refusedApplicant, refused)]
        #expect(Milestones.rightToWorkDate(statusHistory: history, protectionRequestedOn: requested, today: today) == nil)
        // The refusal is the decision on the request.
        #expect(milestone(.statusDecision, in: timeline(history: history, request: requested)) ==
                Milestone(kind: .statusDecision, on: refused, source: .derived))
    }

    @Test(arguments: [LegalStatus.familyReunification, .temporaryProtection, .resettledRefugee])
    func aProtectionStatusWithoutARequestGivesTheRightFromItsStart(status: LegalStatus) {
        let since = CalendarDate(2025, 4, 14)
        let line = timeline(history: [record(status, since)])
        #expect(line == [Milestone(kind: .rightToWork, on: since, source: .derived),
                         Milestone(kind: .statusDecision, on: since, source: .derived)])
    }

    @Test func anOtherNewcomerHasNoDerivedRightToWork() {
        let history = [record(.otherNewcomer, CalendarDate(2025, 2, 1))]
        #expect(Milestones.rightToWorkDate(statusHistory: history, protectionRequestedOn: nil, today: today) == nil)
        #expect(milestone(.rightToWork, in: timeline(history: history)) == nil)
    }

    @Test(arguments: 0..<4)
    func anApplicantsStoredDateIsFourMonthsAfterTheRequestWhateverToday(chunk: Int) {
        var random = SeededGenerator(seed: 0x4D0_0000 &+ UInt64(chunk))
        for _ in 0..<1000 {
            let requested = CalendarDate(dayNumber: CalendarDate(2018, 9, 1).dayNumber + random.int(in: 0...3000))
            // Asked about any day: long before, within, or long after the four months.
            let asked = requested.adding(days: random.int(in: -60...800))
            let expected = fourMonthsAfter(requested)
            let history = random.chance(0.8) ? [record(.applicant, requested)] : []
            #expect(Milestones.rightToWorkDate(statusHistory: history, protectionRequestedOn: requested, today: asked) == expected,
                    "request \(requested), asked \(asked)")
            // A later recognition moves it earlier only when it comes first.
            let decided = requested.adding(days: random.int(in: 1...300))
            let recognised = history + [record(.recognisedRefugee, decided)]
            #expect(Milestones.rightToWorkDate(statusHistory: recognised, protectionRequestedOn: requested, today: asked)
                    == (history.isEmpty ? decided : min(decided, expected)), "request \(requested), decision \(decided)")
        }
    }

    // MARK: Recorded milestones

    @Test func aRecordedLeavingReceptionDateBeatsNothing() {
        #expect(milestone(.leavingReception, in: timeline(request: CalendarDate(2025, 5, 5))) == nil)
        let left = Milestone(kind: .leavingReception, on: CalendarDate(2025, 12, 22), source: .recorded)
        let line = timeline(request: CalendarDate(2025, 5, 5), recorded: [left])
        #expect(milestone(.leavingReception, in: line) == left)
        #expect(line.map(\.kind) == [.protectionRequest, .rightToWork, .leavingReception])
    }

    @Test(arguments: [CalendarDate(2025, 12, 1), CalendarDate(2026, 3, 2)])
    func aRecordedRightToWorkDateOverridesTheDerivedOne(recordedOn: CalendarDate) {
        let requested = CalendarDate(2025, 9, 1)
        let recorded = Milestone(kind: .rightToWork, on: recordedOn, source: .recorded)
        let line = timeline(history: [record(.applicant, requested)], request: requested, recorded: [recorded])
        // The derived 1 January is gone, whether the caseworker's date is earlier or later.
        #expect(line.filter { $0.kind == .rightToWork } == [recorded])
        #expect(!line.contains { $0.on == CalendarDate(2026, 1, 1) })
    }

    @Test(arguments: MilestoneKind.allCases)
    func aRecordedMilestoneTakesThePlaceOfTheDerivedOneOfItsKind(kind: MilestoneKind) {
        let requested = CalendarDate(2025, 3, 12)
        let history = [record(.applicant, requested), record(.recognisedRefugee, CalendarDate(2025, 11, 4))]
        let steps = [jobStep(.running, from: CalendarDate(2025, 12, 1))]
        let recorded = Milestone(kind: kind, on: CalendarDate(2024, 1, 2), source: .recorded)
        let line = timeline(history: history, request: requested, referral: CalendarDate(2025, 8, 18), steps: steps, recorded: [recorded])
        #expect(line.filter { $0.kind == kind } == [recorded])
        // It sorts first by its (early) date, and the others stay derived.
        #expect(line.first == recorded)
        #expect(line.dropFirst().allSatisfy { $0.source == .derived })
        #expect(Set(line.map(\.kind)) == Set(MilestoneKind.allCases.filter { $0 != .leavingReception || kind == .leavingReception }))
    }

    @Test(arguments: [[0, 1, 2], [2, 1, 0], [1, 2, 0], [2, 0, 1]])
    func ofSeveralRecordedOfOneKindTheEarliestCounts(order: [Int]) {
        let dates = [CalendarDate(2025, 11, 3), CalendarDate(2025, 10, 6), CalendarDate(2026, 1, 5)]
        let recorded = order.map { Milestone(kind: .leavingReception, on: dates[$0], source: .recorded) }
        #expect(timeline(recorded: recorded) == [Milestone(kind: .leavingReception, on: CalendarDate(2025, 10, 6), source: .recorded)])
    }

    @Test func aDerivedDateEarlierThanTheRecordedOneDoesNotWin() {
        let recorded = Milestone(kind: .firstReferral, on: CalendarDate(2025, 9, 15), source: .recorded)
        let line = timeline(referral: CalendarDate(2025, 6, 2), recorded: [recorded])
        #expect(line == [recorded])
    }

    // MARK: Referral and job

    @Test func theFirstReferralIsDerivedFromItsSendDate() {
        #expect(timeline(referral: CalendarDate(2025, 10, 20)) == [Milestone(kind: .firstReferral, on: CalendarDate(2025, 10, 20), source: .derived)])
        #expect(timeline().isEmpty)
    }

    @Test func theFirstJobIsTheEarliestJobStepThatActuallyStarted() {
        let steps = [
            jobStep(.planned, from: CalendarDate(2025, 3, 1)), // planned: not a job yet
            jobStep(.running, from: CalendarDate(2025, 11, 3)),
            jobStep(.stopped, from: CalendarDate(2025, 6, 2)), // a job that ended is still the first job
            jobStep(.completed, from: CalendarDate(2025, 1, 6), kind: .ibo), // training on the job is not a job
            jobStep(.running, from: CalendarDate(2024, 12, 2), kind: .temporaryWorkExperience),
        ]
        #expect(timeline(steps: steps) == [Milestone(kind: .firstJob, on: CalendarDate(2025, 6, 2), source: .derived)])
        #expect(timeline(steps: [jobStep(.planned, from: CalendarDate(2025, 3, 1))]).isEmpty)
    }

    // MARK: Order

    @Test func milestonesOnOneDayFollowTheKindsOrder() {
        let day = CalendarDate(2025, 9, 1)
        let line = timeline(history: [record(.familyReunification, day)], request: day, referral: day, steps: [jobStep(.running, from: day)],
                            recorded: [Milestone(kind: .leavingReception, on: day, source: .recorded)])
        #expect(line.map(\.kind) == MilestoneKind.allCases)
        #expect(line.allSatisfy { $0.on == day })
    }

    @Test func theOrderOfTheStatusHistoryDoesNotMatter() {
        let requested = CalendarDate(2024, 2, 29)
        let history = [record(.applicant, requested), record(.refusedApplicant, CalendarDate(2025, 1, 10)),
                       record(.subsidiaryProtection, CalendarDate(2025, 8, 4))]
        let expected = timeline(history: history, request: requested)
        #expect(timeline(history: history.reversed(), request: requested) == expected)
        #expect(timeline(history: [history[1], history[2], history[0]], request: requested) == expected)
        // The first decision (the refusal) is the status decision.
        #expect(milestone(.statusDecision, in: expected)?.on == CalendarDate(2025, 1, 10))
    }

    @Test func aStatusHeldBeforeApplyingIsNotTheDecisionOnTheApplication() {
        let requested = CalendarDate(2025, 3, 3)
        let history = [record(.otherNewcomer, CalendarDate(2024, 1, 10)), record(.applicant, requested),
                       record(.recognisedRefugee, CalendarDate(2025, 9, 1))]
        #expect(milestone(.statusDecision, in: timeline(history: history, request: requested))?.on == CalendarDate(2025, 9, 1))
        // Still an applicant: no decision yet, whatever came before.
        #expect(milestone(.statusDecision, in: timeline(history: Array(history.prefix(2)), request: requested)) == nil)
    }

    @Test(arguments: 0..<4)
    func randomDossiersGiveASortedTimelineWithOneMilestonePerKind(chunk: Int) {
        var random = SeededGenerator(seed: 0x7131_0000 &+ UInt64(chunk))
        let base = CalendarDate(2023, 1, 1)
        func day() -> CalendarDate { base.adding(days: random.int(in: 0...1200)) }
        var sawSameDay = 0
        for _ in 0..<1000 {
            let history = (0..<random.int(in: 0...3)).map { _ in record(random.pick(LegalStatus.allCases), day()) }
            let requested: CalendarDate? = random.chance(0.7) ? day() : nil
            let referral: CalendarDate? = random.chance(0.5) ? day() : nil
            let steps = (0..<random.int(in: 0...4)).map { _ in
                jobStep(random.pick(TrajectoryStepStatus.allCases), from: day(), kind: random.chance(0.6) ? .job : .training)
            }
            let recorded = (0..<random.int(in: 0...4)).map { _ in
                Milestone(kind: random.pick(MilestoneKind.allCases), on: random.chance(0.2) ? (requested ?? day()) : day(), source: .recorded)
            }
            let today = day()
            let line = timeline(history: history, request: requested, referral: referral, steps: steps, recorded: recorded, today: today)

            // Sorted by day, then by the kinds' order; one per kind.
            let order = MilestoneKind.allCases
            for (a, b) in zip(line, line.dropFirst()) {
                #expect(a.on < b.on || (a.on == b.on && order.firstIndex(of: a.kind)! < order.firstIndex(of: b.kind)!), "\(a) before \(b)")
                if a.on == b.on { sawSameDay += 1 }
            }
            #expect(Set(line.map(\.kind)).count == line.count)

            // A recorded kind shows its earliest recorded day; the others are what the dossier says.
            func derived(_ kind: MilestoneKind) -> CalendarDate? {
                switch kind {
                case .protectionRequest: return requested
                case .rightToWork: return Milestones.rightToWorkDate(statusHistory: history, protectionRequestedOn: requested, today: today)
                case .statusDecision:
                    // The first other status from the application on; without one, the first protection status.
                    let applied = ([requested] + history.filter { $0.status == .applicant }.map { Optional($0.since) }).compactMap { $0 }.min()
                    if let applied { return history.filter { $0.status != .applicant && $0.since >= applied }.map(\.since).min() }
                    return history.filter { ![.applicant, .otherNewcomer].contains($0.status) }.map(\.since).min()
                case .leavingReception: return nil
                case .firstReferral: return referral
                case .firstJob: return steps.filter { $0.kind == .job && $0.status != .planned }.map(\.startsOn).min()
                }
            }
            for kind in MilestoneKind.allCases {
                let shown = line.first { $0.kind == kind }
                if let earliest = recorded.filter({ $0.kind == kind }).map(\.on).min() {
                    #expect(shown == Milestone(kind: kind, on: earliest, source: .recorded))
                } else {
                    #expect(shown == derived(kind).map { Milestone(kind: kind, on: $0, source: .derived) }, "\(kind)")
                }
            }
        }
        #expect(sawSameDay > 10)
    }
}
