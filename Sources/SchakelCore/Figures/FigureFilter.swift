import Foundation

/// What a coordinator narrows the figures to. The period is whole quarters: a period that could start
/// on any day (or month) would let two overlapping queries isolate that day's (or month's) few
/// persons, and the shorter periods a cell is checked against are then quarters, not thin months.
public struct FigureFilter: Hashable, Sendable {
    public enum CohortKind: String, CaseIterable, Sendable {
        /// The month of the right-to-work date.
        case rightToWork = "right-to-work"
        case firstReferral = "first-referral"
    }

    public struct Route: Hashable, Sendable {
        public var fromID: UUID
        public var toID: UUID

        public init(fromID: UUID, toID: UUID) {
            self.fromID = fromID
            self.toID = toID
        }
    }

    /// First and last month (yyyymm), both included.
    public var fromMonth: Int
    public var toMonth: Int
    public var region: String?
    public var organisationID: UUID?
    /// A chain: the organisations party to one agreement (a chain is what docs/domain.md#evaluation evaluates). Persons
    /// owned by one of them; referrals between two of them.
    public var chain: Chain?
    public var route: Route?
    public var legalStatus: LegalStatus?
    public var cohort: Cohort?

    public struct Chain: Hashable, Sendable {
        public var agreementID: UUID
        public var organisations: Set<UUID>

        public init(agreementID: UUID, organisations: Set<UUID>) {
            self.agreementID = agreementID
            self.organisations = organisations
        }
    }

    public struct Cohort: Hashable, Sendable {
        public var kind: CohortKind
        /// yyyymm
        public var month: Int

        public init(kind: CohortKind, month: Int) {
            self.kind = kind
            self.month = month
        }
    }

    /// The filters besides the period, by name: each one dropped in turn gives a parent query that a
    /// cell is compared with, so no two answers differ by a few persons.
    public enum Dimension: String, CaseIterable, Sendable {
        case chain, region, organisation, route, legalStatus, cohort
    }

    public init(fromMonth: Int, toMonth: Int, region: String? = nil, organisationID: UUID? = nil, route: Route? = nil,
                legalStatus: LegalStatus? = nil, cohort: Cohort? = nil) {
        self.fromMonth = fromMonth
        self.toMonth = toMonth
        self.region = region
        self.organisationID = organisationID
        self.route = route
        self.legalStatus = legalStatus
        self.cohort = cohort
    }

    /// The current quarter and the three before it.
    public static func lastYear(today: CalendarDate) -> FigureFilter {
        let quarterStart = CalendarDate(today.year, (today.month - 1) / 3 * 3 + 1, 1)
        return FigureFilter(fromMonth: quarterStart.adding(months: -9).monthKey, toMonth: quarterStart.adding(months: 2).monthKey)
    }

    /// Whether the period runs from the first month of a quarter to the last month of one.
    public var isWholeQuarters: Bool { (fromMonth % 100 - 1) % 3 == 0 && toMonth % 100 % 3 == 0 }

    /// The period's months by quarter, in order: what a cell is checked against (shorter periods).
    public var quarters: [[Int]] { stride(from: 0, to: months.count, by: 3).map { Array(months[$0..<min(months.count, $0 + 3)]) } }

    public var active: [Dimension] {
        Dimension.allCases.filter { dimension in
            switch dimension {
            case .region: region != nil
            case .chain: chain != nil
            case .organisation: organisationID != nil
            case .route: route != nil
            case .legalStatus: legalStatus != nil
            case .cohort: cohort != nil
            }
        }
    }

    public func dropping(_ dimension: Dimension) -> FigureFilter {
        var copy = self
        switch dimension {
        case .region: copy.region = nil
        case .chain: copy.chain = nil
        case .organisation: copy.organisationID = nil
        case .route: copy.route = nil
        case .legalStatus: copy.legalStatus = nil
        case .cohort: copy.cohort = nil
        }
        return copy
    }

    /// The months of the period in order (yyyymm).
    public var months: [Int] { FigureFilter.months(from: fromMonth, to: toMonth) }

    public static func months(from: Int, to: Int) -> [Int] {
        guard from <= to else { return [] }
        var result: [Int] = []
        var (year, month) = (from / 100, from % 100)
        while year * 100 + month <= to {
            result.append(year * 100 + month)
            month += 1
            if month > 12 { month = 1; year += 1 }
        }
        return result
    }
}
