import Foundation

/// An offer for a person: why they may (or may not yet be known to) take it up, and how well it fits.
public struct Recommendation: Equatable, Sendable {
    public let offer: Offer
    public let eligibility: EligibilityResult
    public let fit: FitScore

    public init(offer: Offer, eligibility: EligibilityResult, fit: FitScore) {
        self.offer = offer
        self.eligibility = eligibility
        self.fit = fit
    }
}

/// A person for an offer, the other way round.
public struct Candidate: Equatable, Sendable {
    public let person: PersonProfile
    public let eligibility: EligibilityResult
    public let fit: FitScore

    public init(person: PersonProfile, eligibility: EligibilityResult, fit: FitScore) {
        self.person = person
        self.eligibility = eligibility
        self.fit = fit
    }
}

/// Offers for a person and people for an offer, ranked by fit, with the reasons.
///
/// Both take what the caller may see: the app filters the offers and the people through the
/// access rule (agreement, consent, role) before calling, and passes profiles with only the
/// categories the viewer may read. A category left out reads as "not recorded", so the person
/// shows as unknown for it, never as ineligible. Core knows no viewer.
///
/// Order: eligible before unknown, then the higher fit total, then (offers) the earlier start,
/// then the identifier's bytes, so the result does not depend on the order of the input.
public enum Recommendations {
    /// The offers `person` is eligible for (and, with `includeUnknown`, those where data is
    /// missing), best first, at most `limit`.
    public static func offers(for person: PersonProfile, among offers: [Offer], today: CalendarDate, limit: Int = 20,
                              includeUnknown: Bool = false,
                              circumstances: Eligibility.Circumstances = .none) -> [Recommendation] {
        guard limit > 0 else { return [] }
        var person = person
        let facts = PersonFacts(&person, today: today, circumstances: circumstances, rightToWork: true)
        var best = TopK<OfferRank>(limit: limit)
        var none: [FitReason]? = nil
        // Scan without writing findings or reasons; only the returned offers get them. The
        // offers are read in place (see the note above the internal `Eligibility.evaluate`): the
        // mutable view is never written.
        offers.withUnsafeBufferPointer { buffer in
            let offers = UnsafeMutableBufferPointer(mutating: buffer)
            for index in offers.indices {
                let verdict = Eligibility.verdict(&person, facts, &offers[index], today: today)
                guard verdict == .eligible || (includeUnknown && verdict == .unknown) else { continue }
                let total = FitScoring.score(&person, facts, &offers[index], today: today, reasons: &none).total
                best.consider(OfferRank(verdict: verdict, total: total, start: offers[index].effectiveStart(today: today),
                                        id: offers[index].id),
                              index: index)
            }
        }
        return best.indices.map { index in
            var offer = offers[index]
            return Recommendation(offer: offer, eligibility: Eligibility.evaluate(&person, facts, &offer, today: today),
                                  fit: FitScoring.scoreWithReasons(&person, facts, &offer, today: today))
        }
    }

    /// The people eligible for `offer` (and, with `includeUnknown`, those where data is missing),
    /// best fit first, at most `limit`. `circumstances` holds what the trajectories say about
    /// people who work during the day, by person id; anyone absent does not.
    public static func candidates(for offer: Offer, among persons: [PersonProfile], today: CalendarDate, limit: Int = 20,
                                  includeUnknown: Bool = false,
                                  circumstances: [UUID: Eligibility.Circumstances] = [:]) -> [Candidate] {
        guard limit > 0 else { return [] }
        var offer = offer
        let needsRightToWork = offer.admission.requiresRightToWork
        func facts(_ person: inout PersonProfile) -> PersonFacts {
            let situation = circumstances.isEmpty ? .none : circumstances[person.id] ?? .none
            return PersonFacts(&person, today: today, circumstances: situation, rightToWork: needsRightToWork)
        }
        var best = TopK<CandidateRank>(limit: limit)
        var none: [FitReason]? = nil
        persons.withUnsafeBufferPointer { buffer in
            let persons = UnsafeMutableBufferPointer(mutating: buffer)
            for index in persons.indices {
                let personFacts = facts(&persons[index])
                let verdict = Eligibility.verdict(&persons[index], personFacts, &offer, today: today)
                guard verdict == .eligible || (includeUnknown && verdict == .unknown) else { continue }
                let total = FitScoring.score(&persons[index], personFacts, &offer, today: today, reasons: &none).total
                best.consider(CandidateRank(verdict: verdict, total: total, id: persons[index].id), index: index)
            }
        }
        return best.indices.map { index in
            var person = persons[index]
            let personFacts = facts(&person)
            return Candidate(person: person, eligibility: Eligibility.evaluate(&person, personFacts, &offer, today: today),
                             fit: FitScoring.scoreWithReasons(&person, personFacts, &offer, today: today))
        }
    }

    /// The fit of one offer for one person, with its reasons (for a dossier page that shows one offer).
    public static func fit(person: PersonProfile, offer: Offer, today: CalendarDate,
                           circumstances: Eligibility.Circumstances = .none) -> FitScore {
        var person = person, offer = offer
        let facts = PersonFacts(&person, today: today, circumstances: circumstances, rightToWork: false)
        return FitScoring.scoreWithReasons(&person, facts, &offer, today: today)
    }
}

// MARK: - Ranking

/// Smaller is better.
struct OfferRank: Comparable {
    let verdict: EligibilityVerdict
    let total: Int
    let start: CalendarDate
    let id: UUID

    static func < (a: OfferRank, b: OfferRank) -> Bool {
        if a.verdict != b.verdict { return a.verdict == .eligible }
        if a.total != b.total { return a.total > b.total }
        if a.start != b.start { return a.start < b.start }
        return uuidPrecedes(a.id, b.id)
    }
}

struct CandidateRank: Comparable {
    let verdict: EligibilityVerdict
    let total: Int
    let id: UUID

    static func < (a: CandidateRank, b: CandidateRank) -> Bool {
        if a.verdict != b.verdict { return a.verdict == .eligible }
        if a.total != b.total { return a.total > b.total }
        return uuidPrecedes(a.id, b.id)
    }
}

/// Byte order of two UUIDs: a tie-break that is the same on every machine.
func uuidPrecedes(_ a: UUID, _ b: UUID) -> Bool {
    withUnsafeBytes(of: a.uuid) { x in
        withUnsafeBytes(of: b.uuid) { y in x.lexicographicallyPrecedes(y) }
    }
}

/// The `limit` best keys seen. With a small limit they are kept sorted as they come: most
/// elements of a scan lose to the worst kept one at the first comparison, so this costs little
/// more than the scan. A large limit collects everything and sorts once at the end.
struct TopK<Key: Comparable> {
    let limit: Int
    private var entries: [(key: Key, index: Int)] = []
    private let keepsSorted: Bool

    init(limit: Int) {
        self.limit = limit
        keepsSorted = limit <= 256
        if keepsSorted { entries.reserveCapacity(limit + 1) }
    }

    mutating func consider(_ key: Key, index: Int) {
        guard keepsSorted else {
            entries.append((key, index))
            return
        }
        if entries.count == limit {
            guard key < entries[limit - 1].key else { return }
            entries.removeLast()
        }
        var low = 0, high = entries.count
        while low < high {
            let middle = (low + high) / 2
            // After equal keys: equals keep the order of the input.
            if key < entries[middle].key { high = middle } else { low = middle + 1 }
        }
        entries.insert((key, index), at: low)
    }

    /// The indexes of the kept elements, best first.
    var indices: [Int] {
        if keepsSorted { return entries.map(\.index) }
        return entries.sorted { $0.key < $1.key || (!($1.key < $0.key) && $0.index < $1.index) }
            .prefix(limit).map(\.index)
    }
}
