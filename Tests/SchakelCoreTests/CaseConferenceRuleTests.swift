import Foundation
import Testing
@testable import SchakelCore

private func decision(allowing allowed: Set<DataCategory>) -> AccessRule.Decision {
    AccessRule.Decision(personVisible: !allowed.isEmpty, allowed: allowed,
                        denied: Dictionary(uniqueKeysWithValues: Set(DataCategory.allCases).subtracting(allowed).map { ($0, .noConsent) }),
                        isOwner: false)
}

private let everything = Set(DataCategory.allCases)
private let allButTrajectory = everything.subtracting([.trajectoryAndReferrals])

@Suite struct CaseConferenceConsentTests {
    let owner = UUID(), ocmw = UUID(), vdab = UUID(), school = UUID()

    @Test func everyoneWithTheTrajectoryMayDiscussThePerson() {
        let missing = CaseConferenceRule.missingConsent(personOwner: owner, participants: [owner, ocmw, vdab]) { _ in
            decision(allowing: [.trajectoryAndReferrals])
        }
        #expect(missing.isEmpty)
    }

    @Test func aParticipantWithEverythingButTheTrajectoryBlocksTheDiscussion() {
        let missing = CaseConferenceRule.missingConsent(personOwner: owner, participants: [owner, ocmw, vdab]) { organisation in
            decision(allowing: organisation == vdab ? allButTrajectory : everything)
        }
        #expect(missing == [vdab])
    }

    @Test func theOwnerIsNeverAskedNorListed() {
        var asked: [UUID] = []
        let missing = CaseConferenceRule.missingConsent(personOwner: owner, participants: [owner, ocmw]) { organisation in
            asked.append(organisation)
            return decision(allowing: [])
        }
        #expect(missing == [ocmw])
        #expect(!asked.contains(owner))
        // The owner alone, or nobody: nothing is missing.
        #expect(CaseConferenceRule.missingConsent(personOwner: owner, participants: [owner]) { _ in decision(allowing: []) }.isEmpty)
        #expect(CaseConferenceRule.missingConsent(personOwner: owner, participants: []) { _ in decision(allowing: []) }.isEmpty)
    }

    @Test func theOwnerNeedNotTakePart() {
        let missing = CaseConferenceRule.missingConsent(personOwner: owner, participants: [ocmw, vdab]) { organisation in
            decision(allowing: organisation == ocmw ? everything : [])
        }
        #expect(missing == [vdab])
    }

    @Test func everyoneMissingIsListedOnceInAStableOrder() {
        let participants: Set<UUID> = [owner, ocmw, vdab, school]
        let missing = CaseConferenceRule.missingConsent(personOwner: owner, participants: participants) { _ in decision(allowing: allButTrajectory) }
        #expect(missing == [ocmw, vdab, school].sorted { $0.uuidString < $1.uuidString })
    }

    /// The rule as the app applies it: the access rule for the purpose "case conference", per organisation.
    @Test func withTheAccessRuleOnlyACaseConferenceConsentAlongARouteCounts() {
        let moment = Date(timeIntervalSince1970: 1_790_000_000)
        let today = CalendarDate(2026, 9, 21)
        let since = Validity(from: CalendarDate(2025, 1, 1))
        let routes = [AccessRule.Route(from: owner, to: ocmw, categories: everything, validity: since),
                      AccessRule.Route(from: owner, to: vdab, categories: everything, validity: since),
                      AccessRule.Route(from: owner, to: school, categories: allButTrajectory, validity: since)]
        func consent(to organisation: UUID, _ purpose: Purpose, withdrawnAt: Date? = nil) -> Consent {
            Consent(personID: UUID(), recipientOrganisationID: organisation, purpose: purpose, categories: everything,
                    givenAt: moment.addingTimeInterval(-86_400), withdrawnAt: withdrawnAt)
        }
        func missing(_ consents: [Consent]) -> [UUID] {
            CaseConferenceRule.missingConsent(personOwner: owner, participants: [owner, ocmw, vdab, school]) { organisation in
                AccessRule.decide(viewer: AccessRule.Viewer(userID: UUID(), organisationID: organisation, role: .trajectoryCounsellor),
                                  personOwner: owner, purpose: .caseConference, routes: routes, consents: consents, at: moment, today: today)
            }
        }
        let all = [ocmw, vdab, school].sorted { $0.uuidString < $1.uuidString }
        #expect(missing([]) == all)
        // Consent for guidance is not consent for a case conference.
        #expect(missing([ocmw, vdab, school].map { consent(to: $0, .guidanceToWork) }) == all)
        // The school has consent but no route for the trajectory.
        #expect(missing([ocmw, vdab, school].map { consent(to: $0, .caseConference) }) == [school])
        // A withdrawn consent no longer counts.
        #expect(missing([consent(to: ocmw, .caseConference), consent(to: vdab, .caseConference, withdrawnAt: moment.addingTimeInterval(-60))])
                == [vdab, school].sorted { $0.uuidString < $1.uuidString })
    }

    @Test(arguments: 0..<2)
    func randomConferencesListExactlyTheOthersWithoutTheTrajectory(chunk: Int) {
        var random = SeededGenerator(seed: 0xC0F_0000 &+ UInt64(chunk))
        for _ in 0..<500 {
            let organisations = (0..<random.int(in: 1...8)).map { _ in random.uuid() }
            let owner = random.pick(organisations)
            var allowed: [UUID: Set<DataCategory>] = [:]
            for organisation in organisations {
                allowed[organisation] = Set(DataCategory.allCases.filter { _ in random.chance(0.6) })
            }
            let participants = Set(organisations.filter { $0 == owner ? random.chance(0.5) : random.chance(0.8) })
            let missing = CaseConferenceRule.missingConsent(personOwner: owner, participants: participants) { decision(allowing: allowed[$0]!) }
            let expected = participants.filter { $0 != owner && !(allowed[$0]!.contains(.trajectoryAndReferrals)) }
            #expect(Set(missing) == expected)
            #expect(missing.count == expected.count)
            #expect(missing == missing.sorted { $0.uuidString < $1.uuidString })
        }
    }
}

private struct Action: Equatable, CustomStringConvertible {
    var title: String
    var status: ConferenceActionStatus
    var dueOn: CalendarDate?

    var description: String { "\(title) (\(status.rawValue), \(dueOn?.iso ?? "no date"))" }
}

@Suite struct CarriedOverActionTests {
    private func carriedOver(_ actions: [Action]) -> [Action] {
        CaseConferenceRule.carriedOver(actions, status: \.status, dueOn: \.dueOn)
    }

    @Test func onlyOpenActionsAreCarriedOverOldestDueFirstUndatedLast() {
        let actions = [
            Action(title: "Attest opvragen", status: .open, dueOn: CalendarDate(2026, 3, 20)),
            Action(title: "Huisvesting bekijken", status: .open, dueOn: nil),
            Action(title: "NT2 inschrijven", status: .done, dueOn: CalendarDate(2026, 2, 1)),
            Action(title: "Werkgever bellen", status: .open, dueOn: CalendarDate(2026, 2, 27)),
            Action(title: "Stage zoeken", status: .dropped, dueOn: CalendarDate(2026, 1, 5)),
            Action(title: "Diploma laten erkennen", status: .open, dueOn: CalendarDate(2026, 3, 2)),
        ]
        #expect(carriedOver(actions).map(\.title) == ["Werkgever bellen", "Diploma laten erkennen", "Attest opvragen", "Huisvesting bekijken"])
    }

    @Test(arguments: [ConferenceActionStatus.done, .dropped])
    func closedActionsAreNotCarriedOver(status: ConferenceActionStatus) {
        #expect(carriedOver([Action(title: "Afgehandeld", status: status, dueOn: CalendarDate(2026, 1, 5))]).isEmpty)
        #expect(carriedOver([]).isEmpty)
    }

    @Test func anOverdueActionComesBeforeOneDueLater() {
        let overdue = Action(title: "Te laat", status: .open, dueOn: CalendarDate(2025, 12, 1))
        let soon = Action(title: "Binnenkort", status: .open, dueOn: CalendarDate(2026, 4, 1))
        #expect(carriedOver([soon, overdue]) == [overdue, soon])
        #expect(carriedOver([overdue, soon]) == [overdue, soon])
    }

    @Test(arguments: 0..<2)
    func randomAgendasCarryEveryOpenActionOnceInDueOrder(chunk: Int) {
        var random = SeededGenerator(seed: 0xAC7_0000 &+ UInt64(chunk))
        for _ in 0..<1000 {
            let actions = (0..<random.int(in: 0...10)).map { index in
                Action(title: "actie \(index)", status: random.pick(ConferenceActionStatus.allCases),
                       dueOn: random.chance(0.75) ? CalendarDate(2026, 1, 1).adding(days: random.int(in: 0...90)) : nil)
            }
            let result = carriedOver(actions)
            #expect(result.allSatisfy { $0.status == .open })
            #expect(result.map(\.title).sorted() == actions.filter { $0.status == .open }.map(\.title).sorted())
            for (a, b) in zip(result, result.dropFirst()) {
                switch (a.dueOn, b.dueOn) {
                case let (x?, y?): #expect(x <= y, "\(a) before \(b)")
                case (nil, _?): Issue.record("undated \(a) before dated \(b)")
                default: break
                }
            }
        }
    }
}

@Suite struct EmployerRequestStateTests {
    /// Written out by hand: assign (again) until answered; answer once assigned; close after answering.
    static let table: [EmployerRequestState: Set<EmployerRequestState>] = [
        .new: [.assigned],
        .assigned: [.assigned, .answered],
        .answered: [.closed],
        .closed: [],
    ]

    @Test(arguments: EmployerRequestState.allCases)
    func eachStateMovesOnlyAsTheTableSays(state: EmployerRequestState) {
        #expect(Set(state.next) == Self.table[state])
        #expect(state.next.count == Self.table[state]?.count, "no state listed twice")
    }

    @Test func aNewRequestMustBeAssignedBeforeItIsAnsweredOrClosed() {
        #expect(!EmployerRequestState.new.next.contains(.answered))
        #expect(!EmployerRequestState.new.next.contains(.closed))
    }

    @Test func anAssignedRequestCanBeHandedToSomeoneElseButNotClosedUnanswered() {
        #expect(EmployerRequestState.assigned.next.contains(.assigned))
        #expect(!EmployerRequestState.assigned.next.contains(.closed))
    }

    @Test func anAnsweredRequestIsNotReassignedAndAClosedOneIsFinal() {
        #expect(EmployerRequestState.answered.next == [.closed])
        #expect(EmployerRequestState.closed.next.isEmpty)
        #expect(EmployerRequestState.allCases.filter { $0.next.isEmpty } == [.closed])
    }

    @Test func nothingGoesBackToNewAndEveryRequestCanBeClosed() {
        #expect(!EmployerRequestState.allCases.contains { $0.next.contains(.new) })
        // From every state, following the moves reaches closed; from new, every state is reachable.
        func reachable(from start: EmployerRequestState) -> Set<EmployerRequestState> {
            var seen: Set<EmployerRequestState> = [start], queue = [start]
            while let state = queue.popLast() {
                for next in state.next where seen.insert(next).inserted { queue.append(next) }
            }
            return seen
        }
        for state in EmployerRequestState.allCases {
            #expect(reachable(from: state).contains(.closed), "\(state)")
        }
        #expect(reachable(from: .new) == Set(EmployerRequestState.allCases))
    }
}
