import Testing
@testable import SchakelCore

@Suite struct RightToWorkTests {
    let request = CalendarDate(2024, 3, 12)

    @Test func applicantMayWorkFourMonthsAfterTheRequest() {
        let history = [LegalStatusRecord(status: .applicant, since: request)]
        #expect(RightToWork.evaluate(history: history, protectionRequestedOn: request, on: CalendarDate(2024, 7, 11)) == .from(CalendarDate(2024, 7, 12)))
        #expect(RightToWork.evaluate(history: history, protectionRequestedOn: request, on: CalendarDate(2024, 7, 12))
            == .allowed(since: CalendarDate(2024, 7, 12), basis: .fourMonthsAfterProtectionRequest))
    }

    @Test(arguments: [
        (CalendarDate(2023, 10, 31), CalendarDate(2024, 2, 29)), // leap year
        (CalendarDate(2022, 10, 31), CalendarDate(2023, 2, 28)),
        (CalendarDate(2022, 10, 30), CalendarDate(2023, 2, 28)),
        (CalendarDate(2022, 10, 28), CalendarDate(2023, 2, 28)),
        (CalendarDate(2023, 8, 31), CalendarDate(2023, 12, 31)),
        (CalendarDate(2023, 11, 30), CalendarDate(2024, 3, 30)), // across the year end
        (CalendarDate(2024, 1, 31), CalendarDate(2024, 5, 31)),
    ])
    func fourMonthsIsTheSameDayClampedToTheMonthEnd(requested: CalendarDate, expected: CalendarDate) {
        #expect(RightToWork.applicantDate(protectionRequestedOn: requested) == expected)
    }

    @Test func recognitionBeforeFourMonthsGivesAccessFromTheDecision() {
        let decision = CalendarDate(2024, 5, 2)
        let history = [LegalStatusRecord(status: .applicant, since: request), .init(status: .recognisedRefugee, since: decision)]
        #expect(RightToWork.evaluate(history: history, protectionRequestedOn: request, on: CalendarDate(2024, 5, 3))
            == .allowed(since: decision, basis: .status(.recognisedRefugee)))
        // The day before the decision the applicant rule still applies.
        #expect(RightToWork.evaluate(history: history, protectionRequestedOn: request, on: CalendarDate(2024, 5, 1)) == .from(CalendarDate(2024, 7, 12)))
    }

    @Test func recognitionAfterFourMonthsKeepsTheEarlierStart() {
        let history = [LegalStatusRecord(status: .applicant, since: request), .init(status: .subsidiaryProtection, since: CalendarDate(2025, 1, 20))]
        #expect(RightToWork.evaluate(history: history, protectionRequestedOn: request, on: CalendarDate(2025, 2, 1))
            == .allowed(since: CalendarDate(2024, 7, 12), basis: .fourMonthsAfterProtectionRequest))
    }

    @Test func aFinalRefusalEndsTheRight() {
        let refused = CalendarDate(2025, 2, 3)
        let history = [LegalStatusRecord(status: .refusedApplicant, since: refused), .init(status: .applicant, since: request)]
        #expect(RightToWork.evaluate(history: history, protectionRequestedOn: request, on: CalendarDate(2025, 2, 3)) == .notAllowed(since: refused))
        #expect(RightToWork.evaluate(history: history, protectionRequestedOn: request, on: CalendarDate(2025, 2, 2)).mayWork)
    }

    @Test(arguments: [LegalStatus.temporaryProtection, .familyReunification, .resettledRefugee])
    func otherProtectionStatusesGiveAccessFromTheirStart(status: LegalStatus) {
        let since = CalendarDate(2023, 6, 1)
        let result = RightToWork.evaluate(history: [.init(status: status, since: since)], protectionRequestedOn: nil, on: CalendarDate(2023, 6, 1))
        #expect(result == .allowed(since: since, basis: .status(status)))
        #expect(result.date == since)
    }

    @Test func unknownsAreSaidNotGuessed() {
        #expect(RightToWork.evaluate(history: [], protectionRequestedOn: nil, on: request) == .unknown(.noStatusRecorded))
        #expect(RightToWork.evaluate(history: [.init(status: .applicant, since: request)], protectionRequestedOn: nil, on: request)
            == .unknown(.protectionRequestDateMissing))
        #expect(RightToWork.evaluate(history: [.init(status: .otherNewcomer, since: request)], protectionRequestedOn: nil, on: request)
            == .unknown(.statusDoesNotDetermineIt(.otherNewcomer)))
    }

    @Test func aKnownRequestWithoutStatusStillGivesTheDate() {
        #expect(RightToWork.evaluate(history: [], protectionRequestedOn: request, on: CalendarDate(2024, 4, 1)) == .from(CalendarDate(2024, 7, 12)))
    }

    @Test func statusesRecordedLaterDoNotCountBeforeTheirDate() {
        let history = [LegalStatusRecord(status: .recognisedRefugee, since: CalendarDate(2030, 1, 1))]
        #expect(RightToWork.evaluate(history: history, protectionRequestedOn: nil, on: CalendarDate(2029, 12, 31)) == .unknown(.noStatusRecorded))
    }
}
