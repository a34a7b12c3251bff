import Foundation

/// A small, fast, deterministic random source (SplitMix64).
///
/// The demo world must be the same for the same seed on every machine and Swift version,
/// so it cannot use `SystemRandomNumberGenerator`, and it must not use the standard library's
/// `randomElement()`/`shuffled()` either: their algorithms are not promised to stay the same.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in `0..<upperBound` (Lemire's multiply-shift on 32 bits; the tiny bias is irrelevant here).
    /// Mind the parentheses: `>>` binds tighter than `&*` in Swift.
    public mutating func below(_ upperBound: Int) -> Int {
        precondition(upperBound > 0 && upperBound <= Int(UInt32.max))
        return Int(((next() >> 32) &* UInt64(upperBound)) >> 32)
    }

    public mutating func int(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + below(range.count)
    }

    /// True with the given probability (0...1).
    public mutating func chance(_ probability: Double) -> Bool {
        Double(next() >> 11) / Double(1 << 53) < probability
    }

    public mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }

    /// Picks by integer weights.
    public mutating func pick<T>(weighted items: [(T, Int)]) -> T {
        let total = items.reduce(0) { $0 + $1.1 }
        var roll = below(total)
        for (item, weight) in items {
            if roll < weight { return item }
            roll -= weight
        }
        return items[items.count - 1].0
    }

    /// An RFC 4122 version-4 UUID drawn from this generator, so identifiers repeat with the seed.
    public mutating func uuid() -> UUID {
        let a = next(), b = next()
        var bytes = [UInt8](repeating: 0, count: 16)
        for i in 0..<8 { bytes[i] = UInt8((a >> (UInt64(i) * 8)) & 0xFF) }
        for i in 0..<8 { bytes[8 + i] = UInt8((b >> (UInt64(i) * 8)) & 0xFF) }
        bytes[6] = (bytes[6] & 0x0F) | 0x40
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        return UUID(uuid: (bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
                           bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]))
    }
}
