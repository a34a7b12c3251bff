import Foundation
import Testing
@testable import SchakelCore

@Suite struct EligibilityFindingTests {
    typealias F = OfferFixtures
    let today = OfferFixtures.today

    @Test func anOfferWithoutRulesAdmitsAnyone() {
        let result = Eligibility.evaluate(person: F.person(), offer: F.offer(), today: today)
        #expect(result.verdict == .eligible)
        #expect(result.findings.isEmpty)
    }

    @Test func dutchTooLowSaysWhatIsNeededAndSinceWhenTheLevelStands() {
        // A1, then A2 on 3 March, confirmed A2 in June: A2 stands since 3 March.
        let person = F.person(dutch: [(.a1, CalendarDate(2025, 10, 1)), (.a2, CalendarDate(2026, 3, 3)), (.a2, CalendarDate(2026, 6, 20))])
        let findings = F.findings(person, F.offer(admission: AdmissionRequirements(minDutch: .b1)))
        #expect(findings == [.dutchTooLow(required: .b1, has: .a2, since: CalendarDate(2026, 3, 3))])
        #expect(findings[0].summary == "needs Dutch B1, has A2 since 2026-03-03")
        #expect(findings[0].effect == .blocking)
        #expect(F.verdict(person, F.offer(admission: AdmissionRequirements(minDutch: .a2))) == .eligible)
        // Reassessed lower and back: the level stands since it came back, not since it was first reached.
        let upAndDown = F.person(dutch: [(.a2, CalendarDate(2025, 1, 6)), (.b1, CalendarDate(2025, 6, 2)), (.a2, CalendarDate(2026, 1, 12))])
        #expect(F.findings(upAndDown, F.offer(admission: AdmissionRequirements(minDutch: .b1)))
            == [.dutchTooLow(required: .b1, has: .a2, since: CalendarDate(2026, 1, 12))])
    }

    @Test func dutchTooHighIsARefusalReasonToo() {
        let person = F.person(dutch: [(.b2, CalendarDate(2026, 5, 4))])
        let findings = F.findings(person, F.offer(admission: AdmissionRequirements(maxDutch: .a2)))
        #expect(findings == [.dutchTooHigh(maximum: .a2, has: .b2, since: CalendarDate(2026, 5, 4))])
        #expect(findings[0].summary == "Dutch too good: at most A2, has B2 since 2026-05-04")
        #expect(F.verdict(person, F.offer(admission: AdmissionRequirements(minDutch: .a2, maxDutch: .b2))) == .eligible)
    }

    @Test func aLevelAssessedAfterTodayDoesNotCountYet() {
        let person = F.person(dutch: [(.a2, CalendarDate(2026, 3, 3)), (.b1, today.adding(days: 1))])
        #expect(F.findings(person, F.offer(admission: AdmissionRequirements(minDutch: .b1)))
            == [.dutchTooLow(required: .b1, has: .a2, since: CalendarDate(2026, 3, 3))])
    }

    @Test func noDutchOnRecordIsUnknownNotIneligible() {
        let person = F.person(dutch: [])
        let result = Eligibility.evaluate(person: person, offer: F.offer(admission: AdmissionRequirements(minDutch: .a2, maxDutch: .b1)), today: today)
        #expect(result.verdict == .unknown)
        #expect(result.findings == [.dutchUnknown(minimum: .a2, maximum: .b1)])
        #expect(result.findings[0].summary == "Dutch level not recorded; needs A2 to B1")
        // No Dutch rule, no question about Dutch.
        #expect(F.verdict(person, F.offer()) == .eligible)
    }

    @Test func educationBelowTheMinimumBlocksAndMissingEducationIsUnknown() {
        let primary = EducationRecord(level: .primary, field: "general", country: "AF", recognition: .noDiploma)
        let lower = EducationRecord(level: .lowerSecondary, field: "general", country: "AF", recognition: .notRequested)
        let rule = AdmissionRequirements(minEducation: .upperSecondary)
        #expect(F.findings(F.person(education: [primary, lower]), F.offer(admission: rule))
            == [.educationTooLow(required: .upperSecondary, has: .lowerSecondary)])
        #expect(F.findings(F.person(education: []), F.offer(admission: rule)) == [.educationUnknown(required: .upperSecondary)])
        #expect(F.verdict(F.person(education: []), F.offer(admission: rule)) == .unknown)
        #expect(EligibilityFinding.educationTooLow(required: .upperSecondary, has: .lowerSecondary).summary
            == "needs education ISCED 3 (upper secondary), has ISCED 2 (lower secondary)")
    }

    @Test func aRecognisedDiplomaRuleLooksAtRecognition() {
        func record(_ level: ISCEDLevel, _ recognition: DiplomaRecognition) -> EducationRecord {
            EducationRecord(level: level, field: "health", country: "SY", recognition: recognition)
        }
        let rule = AdmissionRequirements(minEducation: .upperSecondary, requiresRecognisedDiploma: true)
        #expect(F.findings(F.person(education: [record(.bachelor, .notRequested)]), F.offer(admission: rule))
            == [.diplomaNotRecognised(level: .bachelor, recognition: .notRequested)])
        #expect(F.findings(F.person(education: [record(.bachelor, .pending)]), F.offer(admission: rule))
            == [.diplomaRecognitionPending(level: .bachelor)])
        #expect(F.verdict(F.person(education: [record(.bachelor, .pending)]), F.offer(admission: rule)) == .unknown)
        // A recognised diploma at the level is enough, whatever else is pending.
        #expect(F.findings(F.person(education: [record(.bachelor, .pending), record(.upperSecondary, .recognised)]),
                           F.offer(admission: rule)).isEmpty)
        // Without the rule, recognition does not matter.
        #expect(F.findings(F.person(education: [record(.bachelor, .refused)]),
                           F.offer(admission: AdmissionRequirements(minEducation: .upperSecondary))).isEmpty)
    }

    @Test func theRightToWorkIsAskedForTheFirstDay() {
        let request = CalendarDate(2026, 7, 1) // may work from 1 November 2026
        let applicant = F.person(status: [LegalStatusRecord(status: .applicant, since: request)], request: request)
        let rule = AdmissionRequirements(requiresRightToWork: true)
        let early = F.offer(startsIn: 10, admission: rule)
        #expect(F.findings(applicant, early)
            == [.startsBeforeRightToWork(start: today.adding(days: 10), rightToWorkOn: CalendarDate(2026, 11, 1))])
        #expect(F.findings(applicant, early)[0].summary == "starts 2026-10-01, may work only from 2026-11-01")
        // An offer that starts on the day itself is fine.
        #expect(F.verdict(applicant, F.offer(startsIn: today.days(until: CalendarDate(2026, 11, 1)), admission: rule)) == .eligible)
        // Without the rule the date does not matter.
        #expect(F.verdict(applicant, F.offer(startsIn: 10)) == .eligible)
    }

    @Test func aRefusalEndsTheRightAndMissingDataLeavesItUnknown() {
        let rule = AdmissionRequirements(requiresRightToWork: true)
        let refused = F.person(status: [LegalStatusRecord(status: .applicant, since: CalendarDate(2024, 2, 1)),
                                        LegalStatusRecord(status: .refusedApplicant, since: CalendarDate(2025, 6, 2))],
                               request: CalendarDate(2024, 2, 1))
        #expect(F.findings(refused, F.offer(admission: rule)) == [.noRightToWork(since: CalendarDate(2025, 6, 2))])
        let nothing = F.person(status: [])
        #expect(F.findings(nothing, F.offer(admission: rule)) == [.rightToWorkUnknown(.noStatusRecorded)])
        #expect(F.verdict(nothing, F.offer(admission: rule)) == .unknown)
        let noRequestDate = F.person(status: [LegalStatusRecord(status: .applicant, since: CalendarDate(2026, 1, 5))])
        #expect(F.findings(noRequestDate, F.offer(admission: rule)) == [.rightToWorkUnknown(.protectionRequestDateMissing)])
    }

    @Test func aStatusRecordedForLaterIsTakenIntoAccountOnTheStartDay() {
        // Recognised from 1 October (recorded ahead); the offer starts 5 October, so the right is there by then.
        let person = F.person(status: [LegalStatusRecord(status: .recognisedRefugee, since: CalendarDate(2026, 10, 1))])
        let rule = AdmissionRequirements(requiresRightToWork: true)
        #expect(F.verdict(person, F.offer(startsIn: 14, admission: rule)) == .eligible)
        #expect(F.verdict(person, F.offer(startsIn: 5, admission: rule)) == .unknown)
    }

    @Test func onlyTheAdmittedStatusesGetIn() {
        let rule = AdmissionRequirements(allowedStatuses: [.recognisedRefugee, .subsidiaryProtection])
        let applicant = F.person(status: [LegalStatusRecord(status: .applicant, since: CalendarDate(2026, 1, 5))])
        #expect(F.findings(applicant, F.offer(admission: rule)) == [.statusNotAdmitted(.applicant)])
        #expect(F.findings(F.person(), F.offer(admission: rule)).isEmpty)
        #expect(F.findings(F.person(status: []), F.offer(admission: rule)) == [.statusUnknown])
        // The status on record today, not the first one.
        let decided = F.person(status: [LegalStatusRecord(status: .applicant, since: CalendarDate(2025, 1, 5)),
                                        LegalStatusRecord(status: .subsidiaryProtection, since: CalendarDate(2026, 2, 1))])
        #expect(F.findings(decided, F.offer(admission: rule)).isEmpty)
    }

    @Test func prerequisitesMissingBlockAndAnEmptyDossierIsUnknown() {
        let rule = AdmissionRequirements(prerequisites: Prerequisites(competences: [.welding, .cooking]))
        #expect(F.findings(F.person(competences: [.cooking]), F.offer(admission: rule)) == [.missingPrerequisite(.competence(.welding))])
        #expect(F.findings(F.person(competences: []), F.offer(admission: rule))
            == [.prerequisiteUnknown(.competence(.welding)), .prerequisiteUnknown(.competence(.cooking))])

        let experience = AdmissionRequirements(prerequisites: Prerequisites(experienceInAnyOf: ["7212", "7126"], minimumYears: 2))
        let needed = Prerequisite.experience(anyOf: ["7212", "7126"], minimumYears: 2)
        let oneYearWelding = [WorkExperienceRecord(occupation: "7212", years: 1, country: "SY")]
        #expect(F.findings(F.person(experience: oneYearWelding), F.offer(admission: experience)) == [.missingPrerequisite(needed)])
        #expect(F.findings(F.person(experience: [WorkExperienceRecord(occupation: "7126", years: 4, country: "SY")]),
                           F.offer(admission: experience)).isEmpty)
        #expect(F.findings(F.person(experience: []), F.offer(admission: experience)) == [.prerequisiteUnknown(needed)])
        #expect(EligibilityFinding.missingPrerequisite(needed).summary
            == "needs at least 2 years' experience as 7212 Welder or 7126 Plumber")
    }

    @Test func seatsAndDatesOfTheOfferItself() {
        #expect(F.findings(F.person(), F.offer(seats: 10, taken: 10)) == [.noSeatsLeft])
        #expect(F.findings(F.person(), F.offer(seats: 10, taken: 9)).isEmpty)
        let ended = F.offer(startsIn: -90, endsOn: today.adding(days: -1))
        #expect(F.findings(F.person(), ended) == [.ended(on: today.adding(days: -1))])
        // A group course that has started takes nobody new; a self-paced one or a vacancy still can.
        #expect(F.findings(F.person(), F.offer(startsIn: -3)) == [.alreadyStarted(on: today.adding(days: -3))])
        #expect(F.findings(F.person(), F.offer(schedules: [.selfPaced], startsIn: -3)).isEmpty)
        #expect(F.findings(F.person(), F.offer(kind: .vacancy, startsIn: -3)).isEmpty)
        #expect(F.findings(F.person(), F.offer(startsIn: 0)).isEmpty)
    }

    @Test func documentsAndFundingAreNotesNotRefusals() {
        let offer = F.offer(funding: .participant, admission: AdmissionRequirements(requiredDocuments: ["identiteitskaart", "diploma"]))
        let result = Eligibility.evaluate(person: F.person(), offer: offer, today: today)
        #expect(result.verdict == .eligible)
        #expect(result.findings == [.documentsNeeded(["identiteitskaart", "diploma"]), .fundingToAgree(.participant)])
        #expect(result.notes == result.findings)
        #expect(result.findings[0].summary == "documents needed: identiteitskaart, diploma")
        #expect(F.findings(F.person(), F.offer(funding: .other)) == [.fundingToAgree(.other)])
        for funding in [OfferFunding.free, .vdab, .ocmw, .employer, .esf] {
            #expect(F.findings(F.person(), F.offer(funding: funding)).isEmpty, "\(funding)")
        }
    }

    @Test func partTimeOnlyNeedsAnOfferThatIsNotFullDays() {
        let partTime = F.person(availability: Availability(partTimeOnly: true))
        #expect(F.findings(partTime, F.offer(schedules: [.day])) == [.scheduleConflict(needs: .partTime, offers: [.day])])
        for schedules: OfferSchedules in [[.day, .partTime], [.evening], [.weekend], [.selfPaced]] {
            #expect(F.findings(partTime, F.offer(schedules: schedules)).isEmpty, "\(schedules)")
        }
        // The conflict holds for a vacancy too: it is about the hours, not about combining.
        #expect(F.verdict(partTime, F.offer(kind: .vacancy, schedules: [.day])) == .ineligible)
    }

    @Test func someoneWhoWorksDaysNeedsEveningsWeekendsOrOwnPace() {
        let working = F.daytimeWork(until: nil)
        let person = F.person()
        let dayCourse = F.offer(schedules: [.day, .partTime])
        let findings = F.findings(person, dayCourse, circumstances: working)
        #expect(findings == [.scheduleConflict(needs: .outsideWorkingHours, offers: [.day, .partTime])])
        #expect(findings[0].summary == "works during the day; the offer is day, part-time")
        for schedules: OfferSchedules in [[.evening], [.day, .weekend], [.selfPaced]] {
            #expect(F.findings(person, F.offer(schedules: schedules), circumstances: working).isEmpty, "\(schedules)")
        }
        // A vacancy or a place replaces the day's work; no conflict there.
        #expect(F.findings(person, F.offer(kind: .iboPlace, schedules: [.day]), circumstances: working).isEmpty)
        // Work that ends before the course starts is no conflict either.
        #expect(F.findings(person, F.offer(schedules: [.day], startsIn: 30), circumstances: F.daytimeWork(until: today.adding(days: 29))).isEmpty)
        #expect(F.verdict(person, F.offer(schedules: [.day], startsIn: 30), circumstances: F.daytimeWork(until: today.adding(days: 30))) == .ineligible)
    }

    @Test func circumstancesComeFromRunningWorkSteps() {
        func step(_ kind: TrajectoryStepKind, _ status: TrajectoryStepStatus, ends: CalendarDate?) -> TrajectoryStep {
            TrajectoryStep(id: UUID(), kind: kind, status: status, startsOn: CalendarDate(2026, 1, 5), endsOn: ends)
        }
        let end = CalendarDate(2026, 12, 31)
        #expect(Eligibility.Circumstances(steps: [step(.temporaryWorkExperience, .running, ends: end)], today: today).daytimeWork == .until(end))
        #expect(Eligibility.Circumstances(steps: [step(.job, .running, ends: nil), step(.ibo, .running, ends: end)], today: today).daytimeWork == .openEnded)
        #expect(Eligibility.Circumstances(steps: [step(.ibo, .running, ends: end)], today: today).daytimeWork == .until(end))
        #expect(Eligibility.Circumstances(steps: [step(.internship, .running, ends: end)], today: today).daytimeWork == .until(end))
        #expect(Eligibility.Circumstances(steps: [step(.ibo, .running, ends: end), step(.internship, .running, ends: CalendarDate(2027, 2, 1))],
                                          today: today).daytimeWork == .until(CalendarDate(2027, 2, 1)))
        // Lessons are not work, and finished or planned work does not fill today's days.
        #expect(Eligibility.Circumstances(steps: [step(.dutchLessons, .running, ends: nil), step(.job, .planned, ends: nil),
                                                  step(.temporaryWorkExperience, .completed, ends: CalendarDate(2026, 6, 1))],
                                          today: today).daytimeWork == .none)
    }

    @Test func anyBlockingFindingMakesIneligibleEvenBesideUnknowns() {
        let offer = F.offer(seats: 5, taken: 5, admission: AdmissionRequirements(minDutch: .b1))
        let result = Eligibility.evaluate(person: F.person(dutch: []), offer: offer, today: today)
        #expect(result.verdict == .ineligible)
        #expect(result.blocking == [.noSeatsLeft])
        #expect(result.unknowns == [.dutchUnknown(minimum: .b1, maximum: nil)])
        #expect(EligibilityResult.verdict(of: [.documentsNeeded(["x"]), .statusUnknown]) == .unknown)
        #expect(EligibilityResult.verdict(of: [.documentsNeeded(["x"])]) == .eligible)
        #expect(EligibilityResult.verdict(of: [.statusUnknown, .noSeatsLeft]) == .ineligible)
    }

    /// One sample of every case: codes are distinct, effects as documented, and every summary says something of its own.
    @Test func everyFindingHasACodeAnEffectAndAnEnglishSummary() {
        let samples: [(EligibilityFinding, FindingEffect)] = [
            (.ended(on: today), .blocking), (.alreadyStarted(on: today), .blocking), (.noSeatsLeft, .blocking),
            (.startsBeforeRightToWork(start: today, rightToWorkOn: today.adding(days: 3)), .blocking),
            (.noRightToWork(since: today), .blocking), (.rightToWorkUnknown(.noStatusRecorded), .unknown),
            (.statusNotAdmitted(.applicant), .blocking), (.statusUnknown, .unknown),
            (.dutchTooLow(required: .b1, has: .a2, since: today), .blocking),
            (.dutchTooHigh(maximum: .a2, has: .b1, since: today), .blocking),
            (.dutchUnknown(minimum: .a2, maximum: nil), .unknown),
            (.educationTooLow(required: .upperSecondary, has: .primary), .blocking),
            (.educationUnknown(required: .upperSecondary), .unknown),
            (.diplomaNotRecognised(level: .bachelor, recognition: .refused), .blocking),
            (.diplomaRecognitionPending(level: .bachelor), .unknown),
            (.scheduleConflict(needs: .partTime, offers: [.day]), .blocking),
            (.missingPrerequisite(.competence(.welding)), .blocking),
            (.prerequisiteUnknown(.competence(.welding)), .unknown),
            (.documentsNeeded(["diploma"]), .informational), (.fundingToAgree(.participant), .informational),
        ]
        #expect(Set(samples.map(\.0.code)).count == samples.count)
        #expect(Set(samples.map(\.0.summary)).count == samples.count)
        for (finding, effect) in samples {
            #expect(finding.effect == effect, "\(finding.code)")
            #expect(finding.code.allSatisfy { $0.isLowercase || $0 == "-" }, "\(finding.code)")
            #expect(!finding.summary.isEmpty)
        }
        #expect(EligibilityFinding.rightToWorkUnknown(.statusDoesNotDetermineIt(.otherNewcomer)).summary
            == "right to work unknown: status other-newcomer does not settle it; check the residence permit")
    }

    @Test func findingsComeInAFixedOrder() {
        let offer = F.offer(schedules: [.day], seats: 3, taken: 3, funding: .participant,
                            admission: AdmissionRequirements(minDutch: .b2, minEducation: .bachelor, requiresRightToWork: true,
                                                             allowedStatuses: [.recognisedRefugee],
                                                             prerequisites: Prerequisites(competences: [.welding]),
                                                             requiredDocuments: ["diploma"]))
        let person = F.person(status: [LegalStatusRecord(status: .refusedApplicant, since: CalendarDate(2025, 6, 2))],
                              availability: Availability(partTimeOnly: true))
        #expect(F.findings(person, offer, circumstances: F.daytimeWork(until: nil)).map(\.code) == [
            "no-seats-left", "no-right-to-work", "status-not-admitted", "dutch-too-low", "education-too-low",
            "missing-prerequisite", "schedule-conflict", "schedule-conflict", "documents-needed", "funding-to-agree",
        ])
    }
}

/// docs/domain.md#case-002: ten training requests for people leaving article-60 work in Mechelen, seven refused
/// for reasons nobody saw coming. The same kind of person and offers, with the reasons shown up front.
@Suite struct MechelenTrainingRequestTests {
    typealias F = OfferFixtures
    let today = OfferFixtures.today

    /// Still on an article-60 contract until the end of the year; Dutch B1 since spring.
    var applicant: PersonProfile {
        F.person(dutch: [(.a2, CalendarDate(2025, 9, 1)), (.b1, CalendarDate(2026, 4, 14))],
                 education: [EducationRecord(level: .lowerSecondary, field: "general", country: "SY", recognition: .notRequested)],
                 competences: [.plumbing], experience: [WorkExperienceRecord(occupation: "7126", years: 4, country: "SY")],
                 wishes: ["7126"])
    }
    var article60: Eligibility.Circumstances { F.daytimeWork(until: CalendarDate(2026, 12, 31)) }

    func evaluate(_ offer: Offer) -> EligibilityResult {
        Eligibility.evaluate(person: applicant, offer: offer, today: today, circumstances: article60)
    }

    @Test func dutchTooGoodForTheSwitchTraining() {
        let result = evaluate(F.offer(occupation: "7126", schedules: [.evening], admission: AdmissionRequirements(maxDutch: .a2)))
        #expect(result.verdict == .ineligible)
        #expect(result.findings == [.dutchTooHigh(maximum: .a2, has: .b1, since: CalendarDate(2026, 4, 14))])
    }

    @Test func dutchTooPoorForTheCareTraining() {
        let result = evaluate(F.offer(occupation: "5321", schedules: [.evening], admission: AdmissionRequirements(minDutch: .b2)))
        #expect(result.findings.map(\.summary) == ["needs Dutch B2, has B1 since 2026-04-14"])
    }

    @Test func whoPaysIsOnTheTableBeforeApplying() {
        let result = evaluate(F.offer(occupation: "7126", schedules: [.evening], funding: .other))
        #expect(result.verdict == .eligible)
        #expect(result.findings == [.fundingToAgree(.other)])
    }

    @Test func admissionRulesAndTheDayScheduleAreSeenUpFront() {
        let result = evaluate(F.offer(occupation: "7126", schedules: [.day],
                                      admission: AdmissionRequirements(minEducation: .upperSecondary, requiresRightToWork: true)))
        #expect(result.verdict == .ineligible)
        #expect(result.blocking == [.educationTooLow(required: .upperSecondary, has: .lowerSecondary),
                                    .scheduleConflict(needs: .outsideWorkingHours, offers: [.day])])
    }

    @Test func theEveningPlumbingCourseFitsBesideTheContract() {
        let evening = F.offer(occupation: "7126", competences: [.plumbing], schedules: [.evening],
                              admission: AdmissionRequirements(minDutch: .a2, requiresRightToWork: true))
        #expect(evaluate(evening).verdict == .eligible)
        let ranked = Recommendations.offers(for: applicant, among: [
            F.offer(occupation: "7126", schedules: [.day]), evening,
            F.offer(occupation: "7126", schedules: [.evening], admission: AdmissionRequirements(maxDutch: .a2)),
        ], today: today, circumstances: article60)
        #expect(ranked.map(\.offer.id) == [evening.id])
        #expect(ranked[0].fit.reasons.contains(.besideDaytimeWork([.evening])))
        #expect(ranked[0].fit.reasons.contains(.wishedOccupation("7126")))
    }
}
