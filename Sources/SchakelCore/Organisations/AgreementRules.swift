import Foundation

/// What an administrator may write into the registry of agreements, and what may not.
///
/// The principle: an agreement binds its parties, and a route opens the data of the organisation it
/// starts from. So an administrator records agreements their own organisation is party to, and opens
/// only their own organisation's data: every route they add starts at their organisation. The other
/// party's routes are added by that party's administrator. Ending an agreement closes data flows, so
/// any party may end it, with immediate effect.
public enum AgreementRules {
    /// Why a proposal cannot be recorded; `field` names the input it is about.
    public struct Problem: Hashable, Sendable {
        public let field: String
        public let reason: Reason

        public init(_ field: String, _ reason: Reason) {
            self.field = field
            self.reason = reason
        }
    }

    public enum Reason: String, Sendable, CaseIterable {
        case titleLength = "title-length"
        case periodBackwards = "period-backwards"
        case tooFewParties = "too-few-parties"
        case proposerNotParty = "proposer-not-party"
        case routeOutsideParties = "route-outside-parties"
        case routeToItself = "route-to-itself"
        case routeNotFromProposer = "route-not-from-proposer"
        case noCategories = "no-categories"
        case responseDays = "response-days"
        case duplicateRoute = "duplicate-route"
        case agreementEnded = "agreement-ended"
    }

    public static let titleLength = 3...200
    /// First contact within this many working days: from the next day to six weeks.
    public static let responseDays = 1...30

    public struct Route: Hashable, Sendable {
        public var from: UUID
        public var to: UUID
        public var categories: Set<DataCategory>
        public var responseDays: Int

        public init(from: UUID, to: UUID, categories: Set<DataCategory>, responseDays: Int) {
            self.from = from
            self.to = to
            self.categories = categories
            self.responseDays = responseDays
        }
    }

    public struct Proposal: Sendable {
        public var title: String
        public var validity: Validity
        /// The organisations bound by the agreement, the proposer's among them.
        public var parties: Set<UUID>
        public var routes: [Route]

        public init(title: String, validity: Validity, parties: Set<UUID>, routes: [Route]) {
            self.title = title
            self.validity = validity
            self.parties = parties
            self.routes = routes
        }
    }

    /// Every problem of a new agreement at once, in the order of the form.
    public static func check(_ proposal: Proposal, proposer: UUID) -> [Problem] {
        var problems: [Problem] = []
        if !titleLength.contains(proposal.title.trimmingCharacters(in: .whitespacesAndNewlines).count) {
            problems.append(Problem("title", .titleLength))
        }
        if !proposal.validity.isWellFormed { problems.append(Problem("validUntil", .periodBackwards)) }
        if proposal.parties.count < 2 {
            problems.append(Problem("parties", .tooFewParties))
        } else if !proposal.parties.contains(proposer) {
            problems.append(Problem("parties", .proposerNotParty))
        }
        var seen: [Route] = []
        for route in proposal.routes {
            problems += check(route, parties: proposal.parties, existing: seen, proposer: proposer)
            seen.append(route)
        }
        return problems.reduce(into: []) { kept, problem in if !kept.contains(problem) { kept.append(problem) } }
    }

    /// A route added to an agreement: between two of its parties, from the proposer's organisation, with at
    /// least one category, once per direction.
    public static func check(_ route: Route, parties: Set<UUID>, existing: [Route], proposer: UUID) -> [Problem] {
        var problems: [Problem] = []
        if route.from == route.to {
            problems.append(Problem("routes", .routeToItself))
        } else if !parties.contains(route.from) || !parties.contains(route.to) {
            problems.append(Problem("routes", .routeOutsideParties))
        } else if route.from != proposer {
            problems.append(Problem("routes", .routeNotFromProposer))
        } else if existing.contains(where: { $0.from == route.from && $0.to == route.to }) {
            problems.append(Problem("routes", .duplicateRoute))
        }
        if route.categories.isEmpty { problems.append(Problem("categories", .noCategories)) }
        if !responseDays.contains(route.responseDays) { problems.append(Problem("responseDays", .responseDays)) }
        return problems
    }

    /// A route may still be added while the agreement has not ended.
    public static func mayAddRoute(to validity: Validity, today: CalendarDate) -> Bool {
        validity.until.map { today <= $0 } ?? true
    }

    /// The validity after a party ends the agreement today: it was last in force yesterday, so nothing
    /// travels on it from now on. Nil when it has ended already.
    public static func ended(_ validity: Validity, today: CalendarDate) -> Validity? {
        let yesterday = today.adding(days: -1)
        if let until = validity.until, until <= yesterday { return nil }
        return Validity(from: validity.from, until: yesterday)
    }
}
