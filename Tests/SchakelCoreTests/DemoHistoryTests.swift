import Foundation
import Testing
@testable import SchakelCore
@testable import SchakelDemo

/// A demo world's persons with their made-up past, built once for the suite.
private enum Sample {
    static let asOf = CalendarDate(2026, 9, 21)
    static let world = DemoWorld(seed: 7)
    static let generator = DemoHistoryGenerator(world: world, asOf: asOf)
    static let organisations = Dictionary(uniqueKeysWithValues: world.organisations.map { ($0.id, $0) })
    static let persons: [(profile: PersonProfile, history: DemoHistory)] = {
        let people = DemoPersonGenerator(world: world, asOf: asOf)
        return (0..<20_000).map { index in
            let profile = people.profile(at: index)
            return (profile, generator.history(for: profile))
        }
    }()
    static var referrals: [DemoHistory.Referral] { persons.flatMap(\.history.referrals) }

    static func rightToWork(_ profile: PersonProfile) -> CalendarDate? {
        Milestones.rightToWorkDate(statusHistory: profile.statusHistory, protectionRequestedOn: profile.protectionRequestedOn,
                                   today: asOf)
    }

    /// The later of arrival and protection request: nothing in the past comes before it.
    static func floor(_ profile: PersonProfile) -> CalendarDate {
        [profile.arrivedOn, profile.protectionRequestedOn].compactMap { $0 }.max()!
    }

    static func kind(_ id: UUID) -> OrganisationKind? { organisations[id]?.kind }

    static func share(_ part: Int, of whole: Int) -> Double { Double(part) / Double(max(whole, 1)) }
}

@Suite struct DemoHistoryTests {
    let asOf = Sample.asOf

    // MARK: Determinism

    @Test func theSamePersonGetsTheSamePastFromAnyGenerator() {
        let again = DemoHistoryGenerator(world: DemoWorld(seed: 7), asOf: asOf)
        for (profile, history) in Sample.persons.prefix(2000) {
            #expect(again.history(for: profile) == history)
        }
        // Backwards too: no state carries over from one person to the next.
        for (profile, history) in Sample.persons.prefix(300).reversed() {
            #expect(Sample.generator.history(for: profile) == history)
        }
        let pasts = Sample.persons.prefix(500).map(\.history).filter { !$0.steps.isEmpty }
        #expect(Set(pasts).count == pasts.count)
    }

    @Test func idsAreUniqueAndComeFromTheSeededStream() {
        var ids = Set<UUID>()
        var count = 0
        for (_, history) in Sample.persons {
            for referral in history.referrals { ids.insert(referral.id); count += 1 }
            for step in history.steps { ids.insert(step.step.id); count += 1 }
        }
        #expect(ids.count == count)
        // The allocation-free UUID is bit for bit the one SeededGenerator makes.
        var run = DemoHistoryGenerator.Run(generator: Sample.generator, profile: Sample.persons[0].profile)
        var reference = run.random
        for _ in 0..<100 { #expect(run.uuid() == reference.uuid()) }
        let id = UUID(uuidString: "00112233-4455-6677-8899-AABBCCDDEEFF")!
        #expect(DemoHistoryGenerator.halves(id) == (0x0011_2233_4455_6677, 0x8899_AABB_CCDD_EEFF))
    }

    // MARK: Referrals

    @Test func everyReferralWalksTheStateMachine() throws {
        for referral in Sample.referrals {
            #expect(referral.events.first?.action == .send)
            #expect(referral.events.first?.on == referral.sentOn)
            #expect(referral.dueOn == ResponseDeadline(sentOn: referral.sentOn, workingDays: referral.responseDays).due)
            var state = ReferralState.draft
            var day = referral.sentOn
            for event in referral.events {
                #expect(event.from == state)
                #expect(event.party == ReferralStateMachine.party(for: event.action))
                #expect(event.on >= day)
                let details = ReferralStepDetails(reason: event.reason, text: event.text, outcome: event.outcome)
                state = try ReferralStateMachine.apply(event.action, to: state, by: event.party, details: details)
                #expect(event.to == state)
                day = event.on
            }
            #expect(referral.state == state)
            #expect((referral.outcome != nil) == (state == .completed))
        }
    }

    @Test func referralsFollowTheOwnersAgreementRoutesFromTheRightToWork() {
        let slugs = Dictionary(uniqueKeysWithValues: Sample.world.organisations.map { ($0.id, $0.slug) })
        for (profile, history) in Sample.persons {
            guard !history.referrals.isEmpty else { continue }
            let rightToWork = Sample.rightToWork(profile)
            #expect(rightToWork != nil && rightToWork! <= asOf)
            let involved = Set([profile.ownerOrganisationID] + history.referrals.map(\.toOrganisationID))
            for referral in history.referrals {
                #expect(referral.sentOn >= rightToWork!)
                // Sent by the owner or by an organisation it referred to (the second step onward).
                #expect(involved.contains(referral.fromOrganisationID))
                let valid = Sample.world.agreements.contains { agreement in
                    agreement.validity.contains(referral.sentOn) && agreement.routes.contains {
                        $0.from == slugs[referral.fromOrganisationID] && $0.to == slugs[referral.toOrganisationID]
                    }
                }
                #expect(valid, "\(slugs[referral.fromOrganisationID]!) → \(slugs[referral.toOrganisationID]!) on \(referral.sentOn)")
            }
        }
    }

    @Test func nothingHappensAfterTheDayOrBeforeArrival() {
        for (profile, history) in Sample.persons {
            let floor = Sample.floor(profile)
            for event in history.referrals.flatMap(\.events) {
                #expect(event.on <= asOf && event.on >= floor)
            }
            for step in history.steps.map(\.step) {
                #expect(step.startsOn >= floor)
                #expect(step.endsOn.map { $0 <= asOf } ?? true)
                // Only a planned step starts later, and then within weeks.
                #expect((step.status == .planned) == (step.startsOn > asOf))
                #expect(step.startsOn <= asOf.adding(days: DemoHistoryGenerator.plannedHorizon))
            }
        }
    }

    @Test func noRightToWorkYetMeansNoReferralAndNoWork() {
        var checked = 0
        for (profile, history) in Sample.persons {
            if let date = Sample.rightToWork(profile), date <= asOf { continue }
            checked += 1
            #expect(history.referrals.isEmpty)
            for step in history.steps {
                #expect([.civicOrientation, .dutchLessons, .screening].contains(step.step.kind))
                // The only screening is the reception centre's own (docs/domain.md#case-004).
                if step.step.kind == .screening {
                    #expect(step.organisationID == profile.ownerOrganisationID && Sample.kind(step.organisationID) == .reception)
                }
            }
        }
        #expect(checked > 1000)
    }

    // MARK: Steps

    @Test func everyStepCanBeRecorded() {
        for (_, history) in Sample.persons {
            for step in history.steps {
                let problems = step.step.problems(today: asOf)
                #expect(problems.isEmpty, "\(step.step.kind.rawValue): \(problems.map(\.problem.rawValue))")
                #expect(Sample.organisations[step.organisationID] != nil)
            }
        }
    }

    @Test func dutchLessonsFollowTheLevelsInTheDossier() {
        for (profile, history) in Sample.persons.prefix(5000) {
            let dutch = profile.languages.filter { $0.language == "nl" }
            let lessons = history.steps.map(\.step).filter { $0.kind == .dutchLessons }.sorted { $0.startsOn < $1.startsOn }
            #expect(lessons.count <= dutch.count)
            for lesson in lessons {
                switch lesson.status {
                case .completed:
                    // A module closes on an assessment, with the level assessed; a certificate when it rose.
                    let assessed = dutch.first { $0.assessedOn == lesson.endsOn }
                    #expect(assessed?.level == lesson.levelReached)
                    let before = dutch.filter { $0.assessedOn < lesson.startsOn }.max { $0.assessedOn < $1.assessedOn }
                    #expect((lesson.outcome == .certificate) == (before!.level < lesson.levelReached!))
                case .running:
                    let latest = dutch.filter { $0.assessedOn <= lesson.startsOn }.max { $0.assessedOn < $1.assessedOn }
                    #expect(lesson.levelReached == latest?.level)
                case .planned:
                    #expect(lesson.levelReached == nil)
                case .stopped:
                    Issue.record("Dutch modules are not stopped")
                }
            }
            // Modules stop once B2 is reached; later assessments are only that.
            #expect(lessons.dropLast().allSatisfy { $0.levelReached! <= .b2 })
            #expect(zip(lessons, lessons.dropFirst()).allSatisfy { ($0.levelReached ?? .preA1) <= ($1.levelReached ?? .c2) })
        }
    }

    @Test func theReceiverRecordsWhatTheReferralSays() {
        for (_, history) in Sample.persons {
            for referral in history.referrals {
                guard let start = referral.events.first(where: { $0.action == .start })?.on else { continue }
                // The receiver's part begins the day the referral starts.
                #expect(history.steps.contains { $0.organisationID == referral.toOrganisationID && $0.step.startsOn == start })
                guard let end = referral.events.last, end.action == .complete else { continue }
                let kinds: [TrajectoryStepKind]
                switch referral.outcome! {
                case .job: kinds = [.job]
                case .ibo: kinds = [.ibo]
                case .workExperience: kinds = [.temporaryWorkExperience, .internship]
                case .trainingStarted: kinds = [.training]
                case .droppedOut, .backToSender, .other: continue
                }
                let day = referral.outcome == .trainingStarted ? start : end.on
                let match = history.steps.contains { kinds.contains($0.step.kind) && $0.step.startsOn <= end.on && $0.step.startsOn >= day }
                #expect(match, "\(referral.outcome!.rawValue) on \(end.on)")
            }
        }
    }

    // MARK: The figures the monitoring shows

    /// docs/domain.md#case-001: integration services refer those who may work to the employment service; about 7 in 10 here.
    @Test func aboutSevenInTenAreReferredOnceTheyMayWork() {
        var eligible = 0, referred = 0
        for (profile, history) in Sample.persons {
            guard let date = Sample.rightToWork(profile), date.adding(days: 180) <= asOf,
                  [.reception, .integration].contains(Sample.kind(profile.ownerOrganisationID)) else { continue }
            eligible += 1
            if history.referrals.contains(where: { $0.fromOrganisationID == profile.ownerOrganisationID }) { referred += 1 }
        }
        #expect(eligible > 5000)
        #expect((0.62...0.78).contains(Sample.share(referred, of: eligible)), "\(referred) of \(eligible)")
    }

    /// docs/domain.md#case-001: an earlier project in Ghent helped about 6 in 10 participants to a job.
    @Test func aboutSixInTenHaveAJobWithinTwoYears() {
        var cohort = 0, within6 = 0, within12 = 0, within24 = 0
        for (profile, history) in Sample.persons {
            guard let date = Sample.rightToWork(profile), date.adding(months: 24) <= asOf else { continue }
            cohort += 1
            let first = history.steps.map(\.step).filter { $0.kind == .job && $0.status != .planned }.map(\.startsOn).min()
            guard let first else { continue }
            if first <= date.adding(months: 6) { within6 += 1 }
            if first <= date.adding(months: 12) { within12 += 1 }
            if first <= date.adding(months: 24) { within24 += 1 }
        }
        #expect(cohort > 5000)
        #expect((0.53...0.66).contains(Sample.share(within24, of: cohort)), "\(within24) of \(cohort)")
        // And it takes time. The source cases give no figure for this: these bands hold the demo's own
        // calibration (about 4 in 10 after a year, 1 in 7 after six months) in place.
        #expect((0.30...0.46).contains(Sample.share(within12, of: cohort)), "\(within12) of \(cohort)")
        #expect((0.08...0.20).contains(Sample.share(within6, of: cohort)), "\(within6) of \(cohort)")
    }

    @Test func mostAreAcceptedTrainingRequestsOftenRefused() {
        let decided = Sample.referrals.filter { $0.events.count > 2 && [.accept, .refuse].contains($0.events[2].action) }
        let refused = decided.filter { $0.events[2].action == .refuse }
        #expect((0.10...0.30).contains(Sample.share(refused.count, of: decided.count)), "\(refused.count) of \(decided.count)")
        let training = decided.filter { $0.purpose == .training }
        let trainingRefused = training.filter { $0.events[2].action == .refuse }
        #expect(training.count > 100)
        #expect((0.4...0.8).contains(Sample.share(trainingRefused.count, of: training.count)))
        // docs/domain.md#case-002: the reasons the Mechelen requests met, and only those.
        let case002Reasons: Set<RefusalReason> = [.motivation, .funding, .technicalAdministrative, .dutchLevelTooLow, .dutchLevelTooHigh,
                                           .admissionRequirements]
        let reasons = Set(trainingRefused.flatMap(\.events).compactMap(\.reason))
        #expect(reasons == case002Reasons)
        // docs/domain.md#case-002: 2 of the 9 refused were reconsidered and started; about 1 in 4 here.
        let reconsidered = trainingRefused.filter { $0.events.contains { $0.action == .reconsider } }
        #expect((0.1...0.4).contains(Sample.share(reconsidered.count, of: trainingRefused.count)))
        #expect(reconsidered.contains { $0.events.contains { $0.action == .start } })
        // Other refusals give other reasons.
        let otherReasons = Set(refused.filter { $0.purpose != .training }.flatMap(\.events).compactMap(\.reason))
        #expect(otherReasons.isDisjoint(with: case002Reasons) && otherReasons.contains(.noCapacity) && otherReasons.contains(.personDeclined))
    }

    @Test func someAnswersComeLateAndSomeReferralsAreStillOpen() {
        let referrals = Sample.referrals
        let lateContact = referrals.filter { referral in referral.events.contains { $0.action == .receive && $0.on > referral.dueOn } }
        let lateDecision = referrals.filter { referral in
            referral.events.contains { [.accept, .refuse].contains($0.action) && $0.on > referral.dueOn }
        }
        #expect((0.05...0.3).contains(Sample.share(lateContact.count, of: referrals.count)))
        #expect(lateDecision.count > lateContact.count)
        #expect(referrals.contains { $0.state == .sent && $0.dueOn < asOf })
        let states = Set(referrals.map(\.state))
        #expect(states.isSuperset(of: [.sent, .received, .accepted, .refused, .inProgress, .completed, .cancelled]))
        let outcomes = Set(referrals.compactMap(\.outcome))
        #expect(outcomes.isSuperset(of: [.job, .trainingStarted, .ibo, .workExperience, .droppedOut, .backToSender]))
        // A minority go one step further: VDAB to the Jobteam (docs/domain.md#case-001), OCMW training requests
        // (docs/domain.md#case-002).
        let onward = Sample.persons.filter { $0.history.referrals.count > 1 }.count
        #expect(onward > 100 && onward < Sample.persons.count / 10)
        #expect(referrals.contains { $0.purpose == .intensiveGuidance && Sample.kind($0.toOrganisationID) == .intensiveGuidance })
    }

    /// The demo's modelling choice (not a finding): those who learn Dutch faster work more often, so
    /// "Dutch progress with and without work" has a difference to show.
    @Test func thoseWhoWorkProgressedFasterInDutch() {
        var working: [Double] = [], other: [Double] = []
        let work: Set<TrajectoryStepKind> = [.job, .temporaryWorkExperience, .ibo, .internship]
        for (profile, history) in Sample.persons {
            let dutch = profile.languages.filter { $0.language == "nl" }.sorted { $0.assessedOn < $1.assessedOn }
            guard let first = dutch.first, let last = dutch.last, first.assessedOn.days(until: last.assessedOn) >= 365 else { continue }
            let pace = Double(last.level.rank - first.level.rank) * 365 / Double(first.assessedOn.days(until: last.assessedOn))
            if history.steps.contains(where: { work.contains($0.step.kind) && $0.step.status != .planned }) {
                working.append(pace)
            } else {
                other.append(pace)
            }
        }
        let mean = { (values: [Double]) in values.reduce(0, +) / Double(values.count) }
        #expect(working.count > 1000 && other.count > 1000)
        #expect(mean(working) > mean(other) + 0.04, "\(mean(working)) vs \(mean(other))")
    }

    // MARK: One person by hand

    /// An applicant at IN-Gent: request on 3 March 2023, so the right to work on 3 July 2023 (four
    /// months); recognised in November; Dutch A1 → A2 → B1.
    @Test func aGhentNewcomersPastReadsAsExpected() {
        let inGent = Sample.world.organisation(slug: "in-gent")!, vdabGent = Sample.world.organisation(slug: "vdab-gent")!
        let profile = PersonProfile(
            id: UUID(uuidString: "5C4A4E4B-454C-4000-8000-000000000001")!, reference: "SCH-TEST001", ownerOrganisationID: inGent.id,
            birthYear: 1990, countryOfOrigin: "SY", homeMunicipality: "44021", arrivedOn: CalendarDate(2023, 3, 1),
            protectionRequestedOn: CalendarDate(2023, 3, 3),
            statusHistory: [LegalStatusRecord(status: .applicant, since: CalendarDate(2023, 3, 3)),
                            LegalStatusRecord(status: .recognisedRefugee, since: CalendarDate(2023, 11, 20))],
            languages: [LanguageSkill(language: "ar", level: .c2, assessedOn: CalendarDate(2023, 3, 1), isMotherTongue: true),
                        LanguageSkill(language: "nl", level: .a1, assessedOn: CalendarDate(2023, 5, 1)),
                        LanguageSkill(language: "nl", level: .a2, assessedOn: CalendarDate(2023, 12, 1)),
                        LanguageSkill(language: "nl", level: .b1, assessedOn: CalendarDate(2024, 9, 2))])
        let history = Sample.generator.history(for: profile)
        #expect(history == Sample.generator.history(for: profile))
        let lessons = history.steps.filter { $0.step.kind == .dutchLessons }.map(\.step).sorted { $0.startsOn < $1.startsOn }
        #expect(lessons.map(\.levelReached) == [.a2, .b1, .b1])
        #expect(lessons.map(\.endsOn) == [CalendarDate(2023, 12, 1), CalendarDate(2024, 9, 2), nil])
        #expect(lessons.map(\.status) == [.completed, .completed, .running])
        #expect(lessons.map(\.outcome) == [.certificate, .certificate, nil])
        #expect(lessons[0].startsOn >= CalendarDate(2023, 5, 8) && lessons[0].startsOn <= CalendarDate(2023, 5, 22))
        // IN-Gent's one route onward is to VDAB Gent (docs/domain.md#case-001), within 120 days of the right to work.
        for referral in history.referrals where referral.fromOrganisationID == inGent.id {
            #expect(referral.toOrganisationID == vdabGent.id)
            #expect(referral.sentOn >= CalendarDate(2023, 7, 3) && referral.sentOn <= CalendarDate(2023, 7, 3).adding(days: 120))
        }
        // Civic orientation, if followed, comes after the recognition.
        for step in history.steps where step.step.kind == .civicOrientation {
            #expect(step.step.startsOn > CalendarDate(2023, 11, 20))
        }
    }
}
