import Foundation
import Testing
@testable import SchakelCore

@Suite("Person and referral figures: what the indicators count, derived from the dossier")
struct PersonFiguresTests {
    let person = UUID()
    let owner = UUID()
    let vdab = UUID()
    let today = CalendarDate(2026, 9, 21)

    func step(_ kind: TrajectoryStepKind, _ status: TrajectoryStepStatus, _ start: CalendarDate, _ end: CalendarDate? = nil,
              level: CEFRLevel? = nil) -> TrajectoryStep {
        TrajectoryStep(id: UUID(), kind: kind, status: status, startsOn: start, endsOn: end,
                       outcome: status.isClosed ? .achieved : nil, levelReached: level)
    }

    func derive(statuses: [LegalStatusRecord] = [LegalStatusRecord(status: .applicant, since: CalendarDate(2024, 1, 10))],
                languages: [LanguageSkill] = [], steps: [TrajectoryStep] = [],
                referrals: [PersonFigures.SentReferral] = [], recorded: [Milestone] = []) -> PersonFigures {
        PersonFigures.derive(personID: person, ownerID: owner, region: "30000", statusHistory: statuses,
                             protectionRequestedOn: CalendarDate(2024, 1, 10), languages: languages, steps: steps,
                             referrals: referrals, recorded: recorded, today: today)
    }

    @Test func theRightToWorkDateIsFourMonthsAfterTheRequestAndTheHorizonsFollowTheSteps() {
        // Protection requested 10 January 2024: the right to work from 10 May 2024 (4 months,
        // docs/domain.md#legal-status-and-the-right-to-work).
        // A job from 1 September 2024 to 28 February 2025, then training from 1 April 2025 on.
        let figures = derive(steps: [step(.job, .completed, CalendarDate(2024, 9, 1), CalendarDate(2025, 2, 28)),
                                     step(.training, .running, CalendarDate(2025, 4, 1)),
                                     step(.job, .planned, CalendarDate(2026, 12, 1))])
        #expect(figures.rightToWorkOn == CalendarDate(2024, 5, 10))
        // +6 months = 10 Nov 2024: in the job. +12 = 10 May 2025: in training. +24 = 10 May 2026: training runs on.
        #expect(figures.inJobOrTrainingAt == [6: true, 12: true, 24: true])
        #expect(figures.firstJobOn == CalendarDate(2024, 9, 1))
        #expect(figures.firstJobOrTrainingOn == CalendarDate(2024, 9, 1))
        #expect(figures.legalStatus == .applicant)
    }

    @Test func aGapBetweenStepsIsNotInWorkAndAPlannedStepDoesNotCount() {
        // The job ends on 1 November 2024, nine days before the six-month mark; a training is only planned.
        let figures = derive(steps: [step(.job, .stopped, CalendarDate(2024, 6, 1), CalendarDate(2024, 11, 1)),
                                     step(.training, .planned, CalendarDate(2024, 10, 1))])
        #expect(figures.inJobOrTrainingAt[6] == false)
        #expect(figures.firstJobOrTrainingOn == CalendarDate(2024, 6, 1))
    }

    @Test func theFirstReferralIsTheEarliestSentWithItsRoute() {
        let jobteam = UUID()
        let figures = derive(referrals: [.init(sentOn: CalendarDate(2024, 8, 1), fromID: vdab, toID: jobteam),
                                         .init(sentOn: CalendarDate(2024, 5, 20), fromID: owner, toID: vdab)])
        #expect(figures.firstReferral == .init(on: CalendarDate(2024, 5, 20), fromID: owner, toID: vdab))
    }

    @Test func aRecordedFirstJobCountsAsTheTimelineShowsIt() {
        let figures = derive(steps: [step(.job, .running, CalendarDate(2025, 3, 1))],
                             recorded: [Milestone(kind: .firstJob, on: CalendarDate(2025, 1, 15), source: .recorded)])
        #expect(figures.firstJobOn == CalendarDate(2025, 1, 15))
    }

    @Test func dutchProgressUsesAssessmentsAndClosedCoursesAndSeesWorkInBetween() {
        let languages = [LanguageSkill(language: "nl", level: .a1, assessedOn: CalendarDate(2024, 2, 1)),
                         LanguageSkill(language: "ar", level: .c2, assessedOn: CalendarDate(2024, 2, 1), isMotherTongue: true)]
        let steps = [step(.dutchLessons, .completed, CalendarDate(2024, 3, 1), CalendarDate(2025, 3, 1), level: .b1),
                     step(.temporaryWorkExperience, .completed, CalendarDate(2024, 9, 1), CalendarDate(2025, 2, 1))]
        let figures = derive(languages: languages, steps: steps)
        #expect(figures.dutch == .init(first: .a1, firstOn: CalendarDate(2024, 2, 1), last: .b1, lastOn: CalendarDate(2025, 3, 1),
                                       worked: true))
        #expect(figures.dutch?.levelsGained == 2)
        // Work that ended before the first observation does not count as working in between.
        let before = derive(languages: languages,
                            steps: [steps[0], step(.job, .completed, CalendarDate(2023, 1, 1), CalendarDate(2024, 1, 1))])
        #expect(before.dutch?.worked == false)
        // One observation is no progress.
        #expect(derive(languages: Array(languages.prefix(1))).dutch == nil)
    }

    @Test func aReferralRefusedThenReconsideredCountsAsRefusedAndReconsideredAndEntersOnTheAcceptance() {
        let sent = CalendarDate(2022, 9, 5)
        let figures = ReferralFigures.derive(
            referralID: UUID(), personID: person, fromID: owner, toID: vdab, purpose: "training", state: .completed,
            sentOn: sent, dueOn: sent.adding(days: 7), offerID: nil,
            events: [.init(action: .send, on: sent), .init(action: .receive, on: sent.adding(days: 2)),
                     .init(action: .refuse, on: sent.adding(days: 6), reason: .funding),
                     .init(action: .reconsider, on: sent.adding(days: 20)), .init(action: .accept, on: sent.adding(days: 21)),
                     .init(action: .start, on: sent.adding(days: 30)),
                     .init(action: .complete, on: sent.adding(days: 120), outcome: .trainingStarted)])
        #expect(figures.contactOn == sent.adding(days: 2))
        #expect(figures.decidedOn == sent.adding(days: 6))
        #expect(figures.firstDecision == .refused)
        #expect(figures.refusalReason == .funding)
        #expect(figures.reconsidered)
        #expect(figures.acceptedOn == sent.adding(days: 21))
        #expect(figures.completedOn == sent.adding(days: 120))
        #expect(figures.outcome == .trainingStarted)
    }

    @Test func aDecisionWithoutAReceiptIsTheFirstContact() {
        let sent = CalendarDate(2026, 3, 2)
        let figures = ReferralFigures.derive(referralID: UUID(), personID: person, fromID: owner, toID: vdab, purpose: "guidance-to-work",
                                             state: .accepted, sentOn: sent, dueOn: nil, offerID: nil,
                                             events: [.init(action: .send, on: sent), .init(action: .accept, on: sent.adding(days: 4))])
        #expect(figures.contactOn == sent.adding(days: 4))
        #expect(figures.firstDecision == .accepted)
        #expect(!figures.reconsidered)
    }

    @Test func periodsRunInWholeQuartersAndTheDefaultIsTheLastFour() {
        let filter = FigureFilter.lastYear(today: CalendarDate(2026, 11, 23))
        #expect(filter.fromMonth == 202601 && filter.toMonth == 202612)
        #expect(filter.isWholeQuarters)
        #expect(filter.quarters == [[202601, 202602, 202603], [202604, 202605, 202606], [202607, 202608, 202609], [202610, 202611, 202612]])
        #expect(!FigureFilter(fromMonth: 202602, toMonth: 202606).isWholeQuarters)
        #expect(FigureFilter.months(from: 202511, to: 202602) == [202511, 202512, 202601, 202602])
        var narrowed = filter
        narrowed.region = "30000"
        narrowed.legalStatus = .recognisedRefugee
        #expect(narrowed.active == [.region, .legalStatus])
        #expect(narrowed.dropping(.region).active == [.legalStatus])
    }
}
