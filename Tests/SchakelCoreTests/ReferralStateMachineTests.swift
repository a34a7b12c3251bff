import Foundation
import Testing
@testable import SchakelCore

/// The referral rules written out by hand, independently of `ReferralStateMachine`'s own switch,
/// so that a change to one without the other makes these tests fail.
private enum Expected {
    /// Every legal transition; any (state, action) pair not listed here must be refused.
    static let transitions: [ReferralState: [ReferralAction: ReferralState]] = [
        .draft: [.send: .sent, .cancel: .cancelled],
        .sent: [.receive: .received, .cancel: .cancelled],
        .received: [.accept: .accepted, .refuse: .refused, .cancel: .cancelled],
        .refused: [.reconsider: .received],
        .accepted: [.start: .inProgress, .cancel: .cancelled],
        .inProgress: [.complete: .completed, .cancel: .cancelled],
        .completed: [:],
        .cancelled: [:],
    ]

    static func target(_ action: ReferralAction, from state: ReferralState) -> ReferralState? {
        transitions[state]?[action]
    }

    /// In the order of `ReferralAction.allCases`, as the error and the UI list them.
    static func allowed(from state: ReferralState) -> [ReferralAction] {
        ReferralAction.allCases.filter { target($0, from: state) != nil }
    }

    /// The sender sends and calls off; everything else is the receiver's.
    static func party(_ action: ReferralAction) -> ReferralParty {
        action == .send || action == .cancel ? .sender : .receiver
    }

    static func other(_ party: ReferralParty) -> ReferralParty { party == .sender ? .receiver : .sender }

    /// Details that satisfy every action.
    static let full = ReferralStepDetails(reason: .noSeats, text: "Besproken met de trajectbegeleider.", outcome: .trainingStarted)
}

@Suite struct ReferralStateMachineTests {
    // MARK: The table

    @Test func theHandWrittenTableCoversEveryState() {
        #expect(Set(Expected.transitions.keys) == Set(ReferralState.allCases))
    }

    @Test(arguments: ReferralState.allCases, ReferralAction.allCases)
    func everyStateAndActionFollowsTheTable(state: ReferralState, action: ReferralAction) throws {
        let expected = Expected.target(action, from: state)
        let allowed = Expected.allowed(from: state)
        #expect(ReferralStateMachine.target(of: action, from: state) == expected)
        #expect(ReferralStateMachine.allowedActions(from: state) == allowed)
        #expect(ReferralStateMachine.allowedActions(from: state).contains(action) == (expected != nil))
        if let expected {
            #expect(try ReferralStateMachine.apply(action, to: state, by: Expected.party(action), details: Expected.full) == expected)
        } else {
            // Refused in that state, whoever tries, and the error names exactly what can be done instead.
            for party in ReferralParty.allCases {
                #expect(throws: ReferralStepError.notAllowed(action: action, state: state, allowed: allowed)) {
                    try ReferralStateMachine.apply(action, to: state, by: party, details: Expected.full)
                }
            }
        }
    }

    @Test(arguments: ReferralState.allCases)
    func onlyCompletedAndCancelledAreTerminal(state: ReferralState) {
        let expectedTerminal = state == .completed || state == .cancelled
        #expect(state.isTerminal == expectedTerminal)
        #expect(ReferralStateMachine.allowedActions(from: state).isEmpty == expectedTerminal)
    }

    @Test func aRefusedReferralCanOnlyBeReconsideredNotCancelled() {
        #expect(ReferralStateMachine.allowedActions(from: .refused) == [.reconsider])
        #expect(throws: ReferralStepError.notAllowed(action: .cancel, state: .refused, allowed: [.reconsider])) {
            try ReferralStateMachine.apply(.cancel, to: .refused, by: .sender, details: Expected.full)
        }
    }

    // MARK: Parties

    @Test(arguments: ReferralAction.allCases)
    func eachActionBelongsToOneSide(action: ReferralAction) {
        #expect(ReferralStateMachine.party(for: action) == Expected.party(action))
    }

    @Test(arguments: ReferralState.allCases, ReferralAction.allCases)
    func theWrongSideIsToldWhoMayTakeTheStep(state: ReferralState, action: ReferralAction) {
        guard Expected.target(action, from: state) != nil else { return }
        let right = Expected.party(action)
        #expect(throws: ReferralStepError.wrongParty(action: action, needs: right)) {
            try ReferralStateMachine.apply(action, to: state, by: Expected.other(right), details: Expected.full)
        }
    }

    @Test func theReceiverCannotCancelAndTheSenderCannotAnswer() {
        #expect(throws: ReferralStepError.wrongParty(action: .cancel, needs: .sender)) {
            try ReferralStateMachine.apply(.cancel, to: .received, by: .receiver, details: Expected.full)
        }
        for (action, state) in [(ReferralAction.receive, ReferralState.sent), (.accept, .received), (.refuse, .received),
                                (.reconsider, .refused), (.start, .accepted), (.complete, .inProgress)] {
            #expect(throws: ReferralStepError.wrongParty(action: action, needs: .receiver)) {
                try ReferralStateMachine.apply(action, to: state, by: .sender, details: Expected.full)
            }
        }
    }

    // MARK: Required details

    static let blanks: [String?] = [nil, "", " ", "   \n\t  ", "\n"]

    @Test(arguments: blanks)
    func refusingNeedsAReasonAndAnExplanation(blank: String?) throws {
        func refuse(_ details: ReferralStepDetails) throws(ReferralStepError) -> ReferralState {
            try ReferralStateMachine.apply(.refuse, to: .received, by: .receiver, details: details)
        }
        #expect(throws: ReferralStepError.missing(field: "reason")) { try refuse(ReferralStepDetails(text: "Geen plaats meer.")) }
        #expect(throws: ReferralStepError.missing(field: "text")) { try refuse(ReferralStepDetails(reason: .noSeats, text: blank)) }
        // Both missing: still refused, for one of the two.
        #expect {
            try refuse(ReferralStepDetails(text: blank))
        } throws: { error in
            [ReferralStepError.missing(field: "reason"), .missing(field: "text")].contains(error as? ReferralStepError)
        }
        #expect(try refuse(ReferralStepDetails(reason: .noSeats, text: "  Geen plaats meer. ")) == .refused)
    }

    @Test(arguments: [(ReferralAction.reconsider, ReferralState.refused, ReferralParty.receiver),
                      (.cancel, .draft, .sender), (.cancel, .sent, .sender), (.cancel, .received, .sender),
                      (.cancel, .accepted, .sender), (.cancel, .inProgress, .sender)],
          blanks)
    func reconsideringAndCancellingNeedAnExplanation(step: (ReferralAction, ReferralState, ReferralParty), blank: String?) throws {
        let (action, state, party) = step
        // A reason or outcome does not stand in for the text the other side reads.
        #expect(throws: ReferralStepError.missing(field: "text")) {
            try ReferralStateMachine.apply(action, to: state, by: party,
                                           details: ReferralStepDetails(reason: .other, text: blank, outcome: .other))
        }
        #expect(try ReferralStateMachine.apply(action, to: state, by: party, details: ReferralStepDetails(text: "Na overleg.")) ==
                Expected.target(action, from: state))
    }

    @Test func completingNeedsAnOutcome() throws {
        #expect(throws: ReferralStepError.missing(field: "outcome")) {
            try ReferralStateMachine.apply(.complete, to: .inProgress, by: .receiver,
                                           details: ReferralStepDetails(reason: .other, text: "Afgerond."))
        }
        for outcome in ReferralOutcome.allCases {
            #expect(try ReferralStateMachine.apply(.complete, to: .inProgress, by: .receiver,
                                                   details: ReferralStepDetails(outcome: outcome)) == .completed)
        }
    }

    @Test(arguments: [(ReferralAction.send, ReferralState.draft), (.receive, .sent), (.accept, .received), (.start, .accepted)])
    func plainStepsNeedNoDetails(action: ReferralAction, state: ReferralState) throws {
        #expect(try ReferralStateMachine.apply(action, to: state, by: Expected.party(action)) == Expected.target(action, from: state))
    }

    @Test(arguments: [(ReferralAction.refuse, ReferralState.received), (.reconsider, .refused), (.cancel, .sent)])
    func textsLongerThanTheLimitAreRefused(action: ReferralAction, state: ReferralState) throws {
        let limit = ReferralStateMachine.maxTextLength
        func apply(_ text: String) throws(ReferralStepError) -> ReferralState {
            try ReferralStateMachine.apply(action, to: state, by: Expected.party(action),
                                           details: ReferralStepDetails(reason: .motivation, text: text, outcome: .other))
        }
        #expect(throws: ReferralStepError.textTooLong(field: "text")) { try apply(String(repeating: "a", count: limit + 1)) }
        #expect(throws: ReferralStepError.textTooLong(field: "text")) { try apply(String(repeating: "woord ", count: limit)) }
        #expect(try apply(String(repeating: "a", count: limit)) == Expected.target(action, from: state))
        // Surrounding blanks (a trailing newline from a text area) do not count towards the limit.
        #expect(try apply("\n  " + String(repeating: "a", count: limit) + "  \n") == Expected.target(action, from: state))
    }

    // MARK: Random walks

    static func randomDetails(_ random: inout SeededGenerator) -> ReferralStepDetails {
        let words = ["geen", "plaats", "overleg", "taal", "motivatie", "opnieuw", "bekeken", "na", "gesprek"]
        let text = (0..<random.int(in: 1...12)).map { _ in random.pick(words) }.joined(separator: " ")
        let padding = ["", " ", "\n", "  \t"]
        return ReferralStepDetails(reason: random.pick(RefusalReason.allCases), text: random.pick(padding) + text + random.pick(padding),
                                   outcome: random.pick(ReferralOutcome.allCases))
    }

    /// Whether `needles` occur in `haystack` in this order (not necessarily adjacent).
    static func occursInOrder(_ needles: [ReferralState], in haystack: [ReferralState]) -> Bool {
        var rest = needles[...]
        for state in haystack where state == rest.first { rest = rest.dropFirst() }
        return rest.isEmpty
    }

    @Test(arguments: 0..<4)
    func randomWalksFromDraftStayInTheTable(chunk: Int) {
        var random = SeededGenerator(seed: 0x0DE1_5E77 &+ UInt64(chunk))
        var completed = 0, cancelled = 0, reconsideredThenAccepted = 0
        for _ in 0..<1000 {
            var state = ReferralState.draft
            var states = [state]
            for _ in 0..<40 {
                let allowed = Expected.allowed(from: state)
                if allowed.isEmpty {
                    // Completed and cancelled take nothing more, from either side.
                    for action in ReferralAction.allCases {
                        for party in ReferralParty.allCases {
                            let details = Self.randomDetails(&random)
                            #expect(throws: ReferralStepError.notAllowed(action: action, state: state, allowed: [])) {
                                try ReferralStateMachine.apply(action, to: state, by: party, details: details)
                            }
                        }
                    }
                    break
                }
                // Mostly a legal step (cancel less often, so that walks get far), sometimes any action at all.
                let action = random.chance(0.75)
                    ? random.pick(weighted: allowed.map { ($0, $0 == .cancel ? 1 : 4) })
                    : random.pick(ReferralAction.allCases)
                let party = Expected.party(action)
                let details = Self.randomDetails(&random)
                if let expected = Expected.target(action, from: state) {
                    #expect(throws: ReferralStepError.wrongParty(action: action, needs: party)) {
                        try ReferralStateMachine.apply(action, to: state, by: Expected.other(party), details: details)
                    }
                    do {
                        let next = try ReferralStateMachine.apply(action, to: state, by: party, details: details)
                        #expect(next == expected, "\(action) from \(state)")
                        state = next
                        states.append(state)
                    } catch {
                        Issue.record("\(action) by \(party) from \(state) with \(details) failed: \(error)")
                        break
                    }
                } else {
                    #expect(throws: ReferralStepError.notAllowed(action: action, state: state, allowed: allowed)) {
                        try ReferralStateMachine.apply(action, to: state, by: party, details: details)
                    }
                }
            }
            // Every recorded step is a row of the table.
            for (from, to) in zip(states, states.dropFirst()) {
                #expect(Expected.transitions[from]?.values.contains(to) == true, "\(from) → \(to) is not in the table")
            }
            // Only the last state can be terminal.
            let terminalBeforeTheEnd = states.dropLast().contains { $0.isTerminal }
            #expect(!terminalBeforeTheEnd, "\(states)")
            if state == .cancelled { cancelled += 1 }
            if state == .completed {
                completed += 1
                #expect(Self.occursInOrder([.draft, .sent, .received, .accepted, .inProgress, .completed], in: states), "\(states)")
                #expect(states.suffix(2) == [.inProgress, .completed])
            }
            // A refusal that is reconsidered goes back to received; a later acceptance keeps the refusal in the history.
            for index in states.indices where states[index] == .refused && index + 1 < states.count {
                #expect(states[index + 1] == .received)
            }
            if let refusal = states.firstIndex(of: .refused), let acceptance = states.lastIndex(of: .accepted), refusal < acceptance {
                reconsideredThenAccepted += 1
                #expect(Self.occursInOrder([.received, .refused, .received, .accepted], in: states))
                #expect(states[states.index(before: acceptance)] == .received)
            }
        }
        // The walks actually reach the interesting ends, so the properties above are not vacuous.
        #expect(completed > 20)
        #expect(cancelled > 20)
        #expect(reconsideredThenAccepted > 20)
    }

    @Test func case002RefusedThenReconsideredThenStarted() throws {
        // Refused at first, then started (docs/domain.md#referrals): the full path, with both decisions in the history.
        let steps: [(ReferralAction, ReferralParty, ReferralStepDetails)] = [
            (.send, .sender, .init()), (.receive, .receiver, .init()),
            (.refuse, .receiver, .init(reason: .dutchLevelTooLow, text: "Niveau Nederlands te laag.")),
            (.reconsider, .receiver, .init(text: "Na overleg toch ingeschreven in de voortraject-module.")),
            (.accept, .receiver, .init()), (.start, .receiver, .init()), (.complete, .receiver, .init(outcome: .ibo)),
        ]
        var state = ReferralState.draft
        var history = [state]
        for (action, party, details) in steps {
            state = try ReferralStateMachine.apply(action, to: state, by: party, details: details)
            history.append(state)
        }
        #expect(history == [.draft, .sent, .received, .refused, .received, .accepted, .inProgress, .completed])
    }
}

/// What travels with a referral: `AccessRule.shareable`.
@Suite struct ReferralShareableTests {
    let owner = UUID(), partner = UUID(), other = UUID()
    let moment = Date(timeIntervalSince1970: 1_790_000_000)
    let today = CalendarDate(2026, 9, 21)
    static let caseworkers: [UserRole] = [.socialWorker, .trajectoryCounsellor, .jobCounsellor, .consultant]

    func shareable(to organisation: UUID, purpose: Purpose, routes: [AccessRule.Route], consents: [Consent]) -> AccessRule.Decision {
        AccessRule.shareable(to: organisation, personOwner: owner, purpose: purpose, routes: routes, consents: consents,
                             at: moment, today: today)
    }

    @Test func onlyWhatRouteAndConsentBothCoverTravels() {
        let route = AccessRule.Route(from: owner, to: partner, categories: [.identity, .contact, .languages, .education],
                                     validity: Validity(from: CalendarDate(2020, 1, 1)))
        let consent = Consent(personID: UUID(), recipientOrganisationID: partner, purpose: .training,
                              categories: [.identity, .languages, .workExperience], givenAt: moment.addingTimeInterval(-86_400))
        let decision = shareable(to: partner, purpose: .training, routes: [route], consents: [consent])
        #expect(decision.personVisible && !decision.isOwner)
        #expect(decision.allowed == [.identity, .languages])
        #expect(decision.denied[.workExperience] == .noAgreementRoute)
        #expect(decision.denied[.contact] == .noConsent)
        // Consent for another purpose, to another organisation, or withdrawn, sends nothing.
        #expect(shareable(to: partner, purpose: .guidanceToWork, routes: [route], consents: [consent]).allowed.isEmpty)
        #expect(shareable(to: other, purpose: .training, routes: [route], consents: [consent]).allowed.isEmpty)
        var withdrawn = consent
        withdrawn.withdrawnAt = moment
        #expect(shareable(to: partner, purpose: .training, routes: [route], consents: [withdrawn]).allowed.isEmpty)
        // Not cut down by a role: an employer contact there would not see the assessment, but the snapshot may carry it.
        let wide = AccessRule.Route(from: owner, to: partner, categories: Set(DataCategory.allCases),
                                    validity: Validity(from: CalendarDate(2020, 1, 1)))
        var everything = consent
        everything.categories = Set(DataCategory.allCases)
        #expect(shareable(to: partner, purpose: .training, routes: [wide], consents: [everything]).allowed == Set(DataCategory.allCases))
    }

    @Test(arguments: 0..<4)
    func shareableIsWhatACaseworkerThereMaySeeAndNoMore(chunk: Int) {
        var random = SeededGenerator(seed: 0x5AA2E &+ UInt64(chunk))
        let organisations = [partner, other, UUID()]
        for _ in 0..<500 {
            let world = AccessRuleTests.randomWorld(&random, owner: owner, organisations: organisations, moment: moment)
            let destination = world.viewer.organisationID
            let decision = shareable(to: destination, purpose: world.purpose, routes: world.routes, consents: world.consents)
            // Exactly what a caseworker of that organisation is allowed, whichever caseworker role.
            for role in Self.caseworkers {
                let caseworker = AccessRule.Viewer(userID: UUID(), organisationID: destination, role: role)
                let decided = AccessRule.decide(viewer: caseworker, personOwner: owner, purpose: world.purpose, routes: world.routes,
                                                consents: world.consents, at: moment, today: today)
                #expect(decision == decided, "\(role)")
            }
            // Every other reader there sees at most the snapshot.
            for role in UserRole.allCases {
                let reader = AccessRule.Viewer(userID: UUID(), organisationID: destination, role: role)
                let seen = AccessRule.decide(viewer: reader, personOwner: owner, purpose: world.purpose, routes: world.routes,
                                             consents: world.consents, at: moment, today: today)
                #expect(seen.allowed.isSubset(of: decision.allowed), "\(role)")
            }
            if destination == owner {
                #expect(decision.isOwner && decision.allowed == Set(DataCategory.allCases))
                continue
            }
            // Never wider than the routes in force from the owner to there, intersected with the active consents
            // to there for this purpose; and, since caseworkers need every category, exactly that.
            let routed = world.routes.filter { $0.from == owner && $0.to == destination && $0.validity.contains(today) }
                .reduce(into: Set<DataCategory>()) { $0.formUnion($1.categories) }
            let consented = world.consents
                .filter { $0.recipientOrganisationID == destination && $0.purpose == world.purpose && $0.isActive(at: moment) }
                .reduce(into: Set<DataCategory>()) { $0.formUnion($1.categories) }
            #expect(decision.allowed.isSubset(of: routed.intersection(consented)))
            #expect(decision.allowed == routed.intersection(consented))
            #expect(!decision.isOwner)
        }
    }
}

extension ReferralStateMachineTests {
    /// Only the receiver's steps towards taking the person on need the route in force; a referral on an ended
    /// agreement can still be refused, completed or cancelled, so no loop is left open.
    @Test func onlyTakingThePersonOnNeedsTheRouteInForce() {
        #expect(ReferralAction.allCases.filter(\.takesPersonOn) == [.receive, .accept, .reconsider, .start])
    }
}

extension ReferralStateMachineTests {
    /// The effects written out by hand per action: a hand-over moves the dossier on acceptance only, a training
    /// application takes its seat on the start only, and the sender hears of every decision and the outcome.
    @Test(arguments: ReferralAction.allCases)
    func effectsOfEachStep(action: ReferralAction) {
        let expected: [ReferralAction: Set<ReferralEffect>] = [
            .send: [.sealSnapshot, .notifyReceiver],
            .receive: [],
            .accept: [.notifySender],
            .refuse: [.notifySender],
            .reconsider: [.notifySender],
            .start: [],
            .complete: [.notifySender, .recordOutcome],
            .cancel: [],
        ]
        #expect(ReferralStateMachine.effects(of: action, transfersOwnership: false, appliesForOffer: false) == expected[action])
        let handOver = ReferralStateMachine.effects(of: action, transfersOwnership: true, appliesForOffer: false)
        #expect(handOver == (action == .accept ? expected[action]!.union([.transferOwnership]) : expected[action]))
        let application = ReferralStateMachine.effects(of: action, transfersOwnership: false, appliesForOffer: true)
        #expect(application == (action == .start ? expected[action]!.union([.claimSeat]) : expected[action]))
    }
}
