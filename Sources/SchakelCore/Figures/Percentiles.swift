/// Exact statistics from a histogram, as a SQL `GROUP BY value` returns it (days → number of
/// referrals), so the figures never load one row per person. Every function returns nil below
/// `Disclosure.percentileBase` persons.
public enum Percentiles {
    public typealias Histogram = [(value: Int, count: Int)]

    /// The nearest-rank percentile: the smallest value with at least `percent` % of the persons at or
    /// below it, i.e. the value of the ⌈percent/100 × n⌉-th person in order. No interpolation, so the
    /// figure is always a value someone actually had (whole days, not 12.5) and stays reproducible
    /// from the histogram alone.
    public static func nearestRank(_ percent: Int, of histogram: Histogram) -> Int? {
        precondition((1...100).contains(percent), "a percentile is 1–100")
        let total = histogram.reduce(0) { $0 + $1.count }
        guard total >= Disclosure.percentileBase else { return nil }
        let rank = (percent * total + 99) / 100
        var seen = 0
        for bucket in histogram.sorted(by: { $0.value < $1.value }) {
            seen += bucket.count
            if seen >= rank { return bucket.value }
        }
        return nil
    }

    /// With an even number of persons this is the lower of the two middle values.
    public static func median(of histogram: Histogram) -> Int? { nearestRank(50, of: histogram) }

    public static func p90(of histogram: Histogram) -> Int? { nearestRank(90, of: histogram) }

    /// Held to the same base as the percentiles: a mean over a handful of persons is nearly their values.
    public static func mean(of histogram: Histogram) -> Double? {
        let total = histogram.reduce(0) { $0 + $1.count }
        guard total >= Disclosure.percentileBase else { return nil }
        return Double(histogram.reduce(0) { $0 + $1.value * $1.count }) / Double(total)
    }
}
