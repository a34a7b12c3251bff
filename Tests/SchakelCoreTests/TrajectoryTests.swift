import Foundation
import Testing
@testable import SchakelCore

/// A problem as a comparable value (the domain returns labelled tuples, which are not Equatable).
private struct Found: Hashable, CustomStringConvertible {
    let field: String
    let problem: TrajectoryStepProblem

    init(_ field: String, _ problem: TrajectoryStepProblem) {
        self.field = field
        self.problem = problem
    }

    var description: String { "\(field): \(problem.rawValue)" }
}

private func found(_ step: TrajectoryStep, today: CalendarDate) -> [Found] {
    step.problems(today: today).map { Found($0.field, $0.problem) }
}

private func step(_ kind: TrajectoryStepKind, _ status: TrajectoryStepStatus = .running, from start: CalendarDate,
                  to end: CalendarDate? = nil, outcome: TrajectoryStepOutcome? = nil, level: CEFRLevel? = nil,
                  id: UUID = UUID()) -> TrajectoryStep {
    TrajectoryStep(id: id, kind: kind, status: status, startsOn: start, endsOn: end, outcome: outcome, levelReached: level)
}

/// The recording rules written out independently, as a list of independent checks.
private enum Oracle {
    static func problems(_ s: TrajectoryStep, today: CalendarDate) -> Set<Found> {
        let closed = [TrajectoryStepStatus.completed, .stopped].contains(s.status)
        var result = Set<Found>()
        if let end = s.endsOn, end.dayNumber < s.startsOn.dayNumber { result.insert(Found("endsOn", .endsBeforeStart)) }
        if s.levelReached != nil && s.kind != .dutchLessons { result.insert(Found("levelReached", .levelOnlyForDutch)) }
        if !closed && s.outcome != nil { result.insert(Found("outcome", .outcomeOnlyWhenClosed)) }
        if s.status == .running && s.startsOn.dayNumber > today.dayNumber { result.insert(Found("startsOn", .runningStartsInFuture)) }
        if closed && s.endsOn == nil { result.insert(Found("endsOn", .closedNeedsEnd)) }
        if closed && s.outcome == nil { result.insert(Found("outcome", .closedNeedsOutcome)) }
        if closed, let end = s.endsOn, end.dayNumber > today.dayNumber { result.insert(Found("endsOn", .closedEndsInFuture)) }
        return result
    }

    /// Day numbers a step occupies: to its end, or (open) to today, never before its start.
    static func days(_ s: TrajectoryStep, today: CalendarDate) -> ClosedRange<Int> {
        let start = s.startsOn.dayNumber
        let end = s.endsOn?.dayNumber ?? today.dayNumber
        return start...max(start, end)
    }

    /// The largest number of steps that share one day.
    static func maxOverlap(_ steps: [TrajectoryStep], today: CalendarDate) -> Int {
        let spans = steps.map { days($0, today: today) }
        guard let low = spans.map(\.lowerBound).min(), let high = spans.map(\.upperBound).max() else { return 0 }
        return (low...high).map { day in spans.filter { $0.contains(day) }.count }.max() ?? 0
    }
}

private extension SeededGenerator {
    mutating func shuffle<T>(_ items: [T]) -> [T] {
        var items = items
        guard items.count > 1 else { return items }
        for i in stride(from: items.count - 1, to: 0, by: -1) { items.swapAt(i, below(i + 1)) }
        return items
    }
}

@Suite struct TrajectoryStepProblemTests {
    let today = CalendarDate(2026, 3, 16)

    @Test func aWellFormedStepOfEachStatusHasNoProblems() {
        let valid = [
            step(.training, .planned, from: today.adding(days: 30), to: today.adding(days: 90)),
            step(.training, .planned, from: today.adding(days: 30)),
            step(.dutchLessons, .running, from: today.adding(days: -60), level: .a2),
            step(.ibo, .running, from: today, to: today.adding(days: 120)),
            step(.dutchLessons, .completed, from: CalendarDate(2025, 9, 1), to: CalendarDate(2026, 1, 30), outcome: .certificate, level: .b1),
            step(.internship, .completed, from: today, to: today, outcome: .achieved),
            step(.temporaryWorkExperience, .stopped, from: CalendarDate(2025, 6, 1), to: today, outcome: .droppedOut),
        ]
        for s in valid {
            #expect(found(s, today: today).isEmpty, "\(s.kind) \(s.status)")
        }
    }

    @Test(arguments: [TrajectoryStepStatus.completed, .stopped])
    func aClosedStepWithoutAnEndDateIsRefusedNamingEndsOn(status: TrajectoryStepStatus) {
        let s = step(.training, status, from: CalendarDate(2025, 9, 1), outcome: .achieved)
        #expect(found(s, today: today) == [Found("endsOn", .closedNeedsEnd)])
    }

    @Test(arguments: [TrajectoryStepStatus.completed, .stopped])
    func aClosedStepWithoutAnOutcomeIsRefusedNamingOutcome(status: TrajectoryStepStatus) {
        let s = step(.training, status, from: CalendarDate(2025, 9, 1), to: CalendarDate(2025, 12, 19))
        #expect(found(s, today: today) == [Found("outcome", .closedNeedsOutcome)])
    }

    @Test(arguments: [TrajectoryStepStatus.completed, .stopped])
    func aClosedStepCannotEndAfterToday(status: TrajectoryStepStatus) {
        let endingToday = step(.training, status, from: CalendarDate(2025, 9, 1), to: today, outcome: .achieved)
        let endingTomorrow = step(.training, status, from: CalendarDate(2025, 9, 1), to: today.adding(days: 1), outcome: .achieved)
        #expect(found(endingToday, today: today).isEmpty)
        #expect(found(endingTomorrow, today: today) == [Found("endsOn", .closedEndsInFuture)])
    }

    @Test(arguments: [TrajectoryStepStatus.planned, .running], TrajectoryStepOutcome.allCases)
    func anOutcomeOnAStepStillOpenIsRefused(status: TrajectoryStepStatus, outcome: TrajectoryStepOutcome) {
        let s = step(.careerOrientation, status, from: today, outcome: outcome)
        #expect(found(s, today: today) == [Found("outcome", .outcomeOnlyWhenClosed)])
    }

    @Test func aRunningStepCannotStartInTheFutureButAPlannedOneCan() {
        #expect(found(step(.jobCoaching, .running, from: today), today: today).isEmpty)
        #expect(found(step(.jobCoaching, .running, from: today.adding(days: 1)), today: today) == [Found("startsOn", .runningStartsInFuture)])
        #expect(found(step(.jobCoaching, .planned, from: today.adding(days: 1)), today: today).isEmpty)
    }

    @Test(arguments: TrajectoryStepStatus.allCases)
    func anEndBeforeTheStartIsRefusedNamingEndsOn(status: TrajectoryStepStatus) {
        let start = CalendarDate(2025, 11, 10)
        let closedOutcome: TrajectoryStepOutcome? = status.isClosed ? .achieved : nil
        let backwards = step(.screening, status, from: start, to: start.adding(days: -1), outcome: closedOutcome)
        let sameDay = step(.screening, status, from: start, to: start, outcome: closedOutcome)
        #expect(found(backwards, today: today) == [Found("endsOn", .endsBeforeStart)])
        // A one-day step (a screening, a try-out day) is fine.
        #expect(found(sameDay, today: today).isEmpty)
    }

    @Test(arguments: TrajectoryStepKind.allCases)
    func aLanguageLevelIsOnlyRecordedOnDutchLessons(kind: TrajectoryStepKind) {
        let s = step(kind, .running, from: CalendarDate(2026, 1, 5), level: .a1)
        if kind == .dutchLessons {
            #expect(found(s, today: today).isEmpty)
        } else {
            #expect(found(s, today: today) == [Found("levelReached", .levelOnlyForDutch)])
        }
    }

    @Test func everyProblemOfAStepIsReportedAtOnce() {
        // A stopped training with a level, no end and no outcome: three things to fix, all named.
        let s = step(.training, .stopped, from: CalendarDate(2025, 9, 1), level: .b1)
        #expect(Set(found(s, today: today)) == [Found("levelReached", .levelOnlyForDutch), Found("endsOn", .closedNeedsEnd),
                                                Found("outcome", .closedNeedsOutcome)])
        let running = step(.ibo, .running, from: today.adding(days: 5), to: today.adding(days: 2), outcome: .movedToJob, level: .a2)
        #expect(Set(found(running, today: today)) == [Found("endsOn", .endsBeforeStart), Found("levelReached", .levelOnlyForDutch),
                                                      Found("startsOn", .runningStartsInFuture), Found("outcome", .outcomeOnlyWhenClosed)])
    }

    @Test(arguments: TrajectoryStepStatus.allCases)
    func onlyCompletedAndStoppedAreClosed(status: TrajectoryStepStatus) {
        #expect(status.isClosed == (status == .completed || status == .stopped))
    }

    @Test(arguments: 0..<4)
    func randomStepsGetExactlyTheProblemsTheRulesName(chunk: Int) {
        var random = SeededGenerator(seed: 0x57E9_0000 &+ UInt64(chunk))
        var clean = 0, withProblems = 0
        for _ in 0..<2000 {
            let start = today.adding(days: random.int(in: -40...40))
            let s = step(random.pick(TrajectoryStepKind.allCases), random.pick(TrajectoryStepStatus.allCases), from: start,
                         to: random.chance(0.6) ? start.adding(days: random.int(in: -5...60)) : nil,
                         outcome: random.chance(0.5) ? random.pick(TrajectoryStepOutcome.allCases) : nil,
                         level: random.chance(0.3) ? random.pick(CEFRLevel.allCases) : nil)
            let problems = found(s, today: today)
            #expect(Set(problems) == Oracle.problems(s, today: today), "\(s)")
            // Never the same problem twice.
            #expect(Set(problems).count == problems.count, "\(problems)")
            if problems.isEmpty { clean += 1 } else { withProblems += 1 }
        }
        #expect(clean > 100)
        #expect(withProblems > 100)
    }
}

@Suite struct TrajectorySpanTests {
    let today = CalendarDate(2026, 3, 16)

    @Test func aStepWithAnEndOccupiesStartToEnd() {
        let s = step(.training, .completed, from: CalendarDate(2025, 9, 1), to: CalendarDate(2025, 12, 19), outcome: .achieved)
        #expect(s.span(today: today) == CalendarDate(2025, 9, 1)...CalendarDate(2025, 12, 19))
        // An end in the future (a planned end of a running step) is drawn as it is.
        let ahead = step(.ibo, .running, from: CalendarDate(2026, 2, 2), to: CalendarDate(2026, 8, 2))
        #expect(ahead.span(today: today) == CalendarDate(2026, 2, 2)...CalendarDate(2026, 8, 2))
    }

    @Test func anOpenStepRunsToToday() {
        let s = step(.dutchLessons, .running, from: CalendarDate(2025, 10, 6))
        #expect(s.span(today: today) == CalendarDate(2025, 10, 6)...today)
        #expect(step(.dutchLessons, .running, from: today).span(today: today) == today...today)
    }

    @Test func anOpenStepStartingAfterTodayOccupiesOnlyItsStartDay() {
        let start = today.adding(days: 21)
        #expect(step(.training, .planned, from: start).span(today: today) == start...start)
    }

    @Test func anEndBeforeTheStartDoesNotTrapAndCollapsesToTheStartDay() {
        let start = CalendarDate(2026, 1, 12)
        #expect(step(.screening, .planned, from: start, to: start.adding(days: -3)).span(today: today) == start...start)
    }
}

@Suite struct TrajectoryLaneTests {
    let today = CalendarDate(2026, 3, 16)

    @Test func noStepsNoLanes() {
        #expect(Trajectory.lanes([], today: today).isEmpty)
    }

    @Test func dutchLessonsBesideWorkExperienceSitInTwoLanes() {
        // docs/domain.md#case-002: NT2 in the evening beside article-60 work experience.
        let dutch = step(.dutchLessons, .running, from: CalendarDate(2025, 9, 1), level: .a2)
        let work = step(.temporaryWorkExperience, .running, from: CalendarDate(2025, 11, 3), to: CalendarDate(2026, 11, 2))
        let lanes = Trajectory.lanes([work, dutch], today: today)
        #expect(lanes == [dutch.id: 0, work.id: 1])
    }

    @Test func stepsStartingTheSameDayAreOrderedByKind() {
        let start = CalendarDate(2025, 9, 1)
        let work = step(.temporaryWorkExperience, .running, from: start)
        let dutch = step(.dutchLessons, .running, from: start)
        let civic = step(.civicOrientation, .running, from: start)
        // "civic-orientation" < "dutch-nt2" < "temporary-work-experience", whatever order they come in.
        for input in [[work, dutch, civic], [civic, work, dutch], [dutch, civic, work]] {
            #expect(Trajectory.lanes(input, today: today) == [civic.id: 0, dutch.id: 1, work.id: 2])
        }
    }

    @Test func consecutiveStepsShareOneLane() {
        let screening = step(.screening, .completed, from: CalendarDate(2025, 6, 2), to: CalendarDate(2025, 6, 2), outcome: .achieved)
        let orientation = step(.careerOrientation, .completed, from: CalendarDate(2025, 6, 3), to: CalendarDate(2025, 8, 29),
                               outcome: .achieved)
        let training = step(.training, .running, from: CalendarDate(2025, 9, 1))
        let lanes = Trajectory.lanes([training, orientation, screening], today: today)
        #expect(lanes == [screening.id: 0, orientation.id: 0, training.id: 0])
    }

    @Test func aStepStartingOnTheDayAnotherEndsNeedsASecondLane() {
        // Both are on the timeline that day: they overlap.
        let first = step(.training, .completed, from: CalendarDate(2025, 9, 1), to: CalendarDate(2025, 12, 19), outcome: .achieved)
        let second = step(.internship, .completed, from: CalendarDate(2025, 12, 19), to: CalendarDate(2026, 2, 27), outcome: .achieved)
        #expect(Trajectory.lanes([first, second], today: today) == [first.id: 0, second.id: 1])
    }

    @Test func aLaneFreedByAnEndedStepIsReused() {
        let a = step(.dutchLessons, .completed, from: CalendarDate(2025, 1, 6), to: CalendarDate(2025, 3, 28), outcome: .certificate)
        let b = step(.intensiveGuidance, .running, from: CalendarDate(2025, 2, 3))
        let c = step(.ibo, .completed, from: CalendarDate(2025, 4, 1), to: CalendarDate(2025, 9, 30), outcome: .movedToJob)
        let d = step(.job, .running, from: CalendarDate(2025, 10, 1))
        // Guidance runs throughout; the IBO and then the job take the lane the Dutch course left.
        #expect(Trajectory.lanes([d, c, b, a], today: today) == [a.id: 0, b.id: 1, c.id: 0, d.id: 0])
    }

    @Test func anOpenStepKeepsItsLaneUntilToday() {
        let open = step(.jobCoaching, .running, from: CalendarDate(2025, 5, 5))
        let later = step(.training, .running, from: today)
        #expect(Trajectory.lanes([open, later], today: today) == [open.id: 0, later.id: 1])
        // Seen from a day before the later one starts, the open step ended "yesterday" and the lane is free.
        #expect(Trajectory.lanes([open, later], today: today.adding(days: -1)) == [open.id: 0, later.id: 0])
    }

    static func randomSteps(_ random: inout SeededGenerator, around today: CalendarDate) -> [TrajectoryStep] {
        (0..<random.int(in: 0...12)).map { _ in
            let start = today.adding(days: random.int(in: -90...20))
            return step(random.pick(TrajectoryStepKind.allCases), random.pick(TrajectoryStepStatus.allCases), from: start,
                        to: random.chance(0.7) ? start.adding(days: random.int(in: -2...50)) : nil, id: random.uuid())
        }
    }

    @Test(arguments: 0..<4)
    func lanesAreTightAndNeverHoldTwoStepsOnOneDay(chunk: Int) {
        var random = SeededGenerator(seed: 0x1A4E_5000 &+ UInt64(chunk))
        var sawParallel = 0
        for _ in 0..<500 {
            let steps = Self.randomSteps(&random, around: today)
            let lanes = Trajectory.lanes(steps, today: today)
            // Every step, and nothing else, has a lane.
            #expect(Set(lanes.keys) == Set(steps.map(\.id)))
            // No two steps sharing a lane share a day.
            for (i, a) in steps.enumerated() {
                for b in steps[(i + 1)...] where lanes[a.id] == lanes[b.id] {
                    #expect(!Oracle.days(a, today: today).overlaps(Oracle.days(b, today: today)),
                            "\(a.kind) \(a.startsOn)–\(String(describing: a.endsOn)) and \(b.kind) \(b.startsOn)–\(String(describing: b.endsOn))")
                }
            }
            // As many lanes as steps ever run side by side, numbered from 0 without gaps.
            let overlap = Oracle.maxOverlap(steps, today: today)
            #expect(Set(lanes.values) == Set(0..<overlap))
            // A step only goes to a higher lane when every lower lane is taken on its start day.
            for s in steps {
                guard let lane = lanes[s.id] else { continue }
                for lower in 0..<lane {
                    let taken = steps.contains { $0.id != s.id && lanes[$0.id] == lower && Oracle.days($0, today: today).contains(s.startsOn.dayNumber) }
                    #expect(taken, "lane \(lower) is free on \(s.startsOn), yet \(s.kind) went to lane \(lane)")
                }
            }
            if overlap >= 3 { sawParallel += 1 }
        }
        #expect(sawParallel > 50)
    }

    @Test(arguments: 0..<2)
    func theOrderStepsArriveInDoesNotMoveThem(chunk: Int) {
        var random = SeededGenerator(seed: 0x0DE4_0000 &+ UInt64(chunk))
        for _ in 0..<300 {
            var steps = Self.randomSteps(&random, around: today)
            // Same start and kind for some, so the tie-break by identifier is exercised.
            if steps.count > 2 {
                steps[1].startsOn = steps[0].startsOn
                steps[1].kind = steps[0].kind
            }
            let lanes = Trajectory.lanes(steps, today: today)
            #expect(Trajectory.lanes(random.shuffle(steps), today: today) == lanes)
            #expect(Trajectory.lanes(steps.reversed(), today: today) == lanes)
        }
    }
}

@Suite struct DutchLevelTests {
    @Test func noLevelRecordedMeansNoLevel() {
        #expect(Trajectory.dutchLevel([]) == nil)
        #expect(Trajectory.dutchLevel([step(.dutchLessons, .running, from: CalendarDate(2026, 1, 5)),
                                       step(.training, .planned, from: CalendarDate(2026, 4, 1))]) == nil)
    }

    @Test func theHighestLevelIsShownWithTheDayItsCourseEnded() throws {
        let a1 = step(.dutchLessons, .completed, from: CalendarDate(2024, 9, 2), to: CalendarDate(2025, 1, 31), outcome: .certificate, level: .a1)
        let b1 = step(.dutchLessons, .completed, from: CalendarDate(2025, 9, 1), to: CalendarDate(2026, 1, 30), outcome: .certificate, level: .b1)
        let a2 = step(.dutchLessons, .completed, from: CalendarDate(2025, 2, 3), to: CalendarDate(2025, 6, 27), outcome: .certificate, level: .a2)
        for input in [[a1, b1, a2], [b1, a2, a1], [a2, a1, b1]] {
            let result = try #require(Trajectory.dutchLevel(input))
            #expect(result.level == .b1)
            #expect(result.on == CalendarDate(2026, 1, 30))
        }
    }

    @Test func aLaterCourseAtALowerLevelDoesNotLowerIt() throws {
        let b1 = step(.dutchLessons, .completed, from: CalendarDate(2024, 9, 2), to: CalendarDate(2025, 1, 31), outcome: .certificate, level: .b1)
        let a2 = step(.dutchLessons, .stopped, from: CalendarDate(2025, 9, 1), to: CalendarDate(2025, 11, 14), outcome: .partlyAchieved, level: .a2)
        let result = try #require(Trajectory.dutchLevel([a2, b1]))
        #expect(result.level == .b1)
        #expect(result.on == CalendarDate(2025, 1, 31))
    }

    @Test func aCourseWithoutAnEndIsDatedByItsStart() throws {
        let running = step(.dutchLessons, .running, from: CalendarDate(2025, 9, 1), level: .a2)
        let earlier = step(.dutchLessons, .completed, from: CalendarDate(2025, 1, 6), to: CalendarDate(2025, 6, 27), outcome: .certificate, level: .a1)
        let result = try #require(Trajectory.dutchLevel([earlier, running]))
        #expect(result.level == .a2)
        #expect(result.on == CalendarDate(2025, 9, 1))
    }

    @Test func aRunningCourseWithAPlannedEndIsDatedByItsStartNotByTheFuture() throws {
        let running = step(.dutchLessons, .running, from: CalendarDate(2026, 1, 12), to: CalendarDate(2026, 6, 26), level: .a2)
        let result = try #require(Trajectory.dutchLevel([running]))
        #expect(result.on == CalendarDate(2026, 1, 12))
    }

    @Test func aLevelReachedTwiceCountsFromTheFirstTime() throws {
        let first = step(.dutchLessons, .completed, from: CalendarDate(2025, 1, 6), to: CalendarDate(2025, 3, 3), outcome: .certificate, level: .a2)
        let again = step(.dutchLessons, .completed, from: CalendarDate(2025, 9, 1), to: CalendarDate(2025, 12, 19), outcome: .certificate, level: .a2)
        #expect(try #require(Trajectory.dutchLevel([again, first])).on == CalendarDate(2025, 3, 3))
    }

    @Test func preA1IsStillALevel() throws {
        let result = try #require(Trajectory.dutchLevel([step(.dutchLessons, .running, from: CalendarDate(2026, 2, 2), level: .preA1)]))
        #expect(result.level == .preA1)
        #expect(result.on == CalendarDate(2026, 2, 2))
    }

    @Test(arguments: 0..<2)
    func theLevelIsTheHighestRecordedAndItsDayBelongsToAStepAtThatLevel(chunk: Int) {
        var random = SeededGenerator(seed: 0xD07C_0000 &+ UInt64(chunk))
        for _ in 0..<1000 {
            let steps = (0..<random.int(in: 0...8)).map { _ in
                let start = CalendarDate(2025, 1, 1).adding(days: random.int(in: 0...400))
                return step(.dutchLessons, random.pick(TrajectoryStepStatus.allCases), from: start,
                            to: random.chance(0.5) ? start.adding(days: random.int(in: 0...200)) : nil,
                            level: random.chance(0.7) ? random.pick(CEFRLevel.allCases) : nil)
            }
            let levels = steps.compactMap(\.levelReached)
            guard let result = Trajectory.dutchLevel(steps) else {
                #expect(levels.isEmpty)
                continue
            }
            #expect(result.level == levels.max())
            #expect(levels.allSatisfy { $0.rank <= result.level.rank })
            // A closed step vouches for its end, an open one only for its start; the first such day counts.
            let days = steps.filter { $0.levelReached == result.level }
                .map { [.completed, .stopped].contains($0.status) ? ($0.endsOn ?? $0.startsOn) : $0.startsOn }
            #expect(result.on == days.min(), "\(result.on) is not the first day a \(result.level.rawValue) stood on record")
        }
    }
}
