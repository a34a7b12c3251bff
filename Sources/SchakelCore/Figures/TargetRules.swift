import Foundation

/// Who a coordinator or analyst may set a target for (docs/domain.md#case-001: the Jobteam brings 900 persons
/// to a job or training in two years). A target steers a chain the analyst's organisation works in, so it
/// is set for the analyst's own chain only: their own organisation, and every organisation that is party,
/// together with it, to an agreement in force on the day the target is set. Not the chain of the chain:
/// a partner's other partners are not in it.
public enum TargetRules {
    public struct Agreement: Sendable {
        public var parties: Set<UUID>
        public var validity: Validity

        public init(parties: Set<UUID>, validity: Validity) {
            self.parties = parties
            self.validity = validity
        }
    }

    /// The organisations `organisation`'s analysts may set targets for on `day`.
    public static func chain(of organisation: UUID, agreements: [Agreement], on day: CalendarDate) -> Set<UUID> {
        agreements.filter { $0.validity.contains(day) && $0.parties.contains(organisation) }
            .reduce(into: [organisation]) { $0.formUnion($1.parties) }
    }
}
