/// How repeated failed sign-ins are slowed and then locked.
///
/// Counted per e-mail address (also for addresses that have no account, so the answer does not
/// reveal which addresses exist). After `freeFailures` failures each further attempt must wait
/// twice as long as the one before; after `lockAfter` failures the address is locked for
/// `lockDuration`. A successful sign-in resets the count.
public struct SignInThrottle: Sendable, Equatable {
    public var freeFailures: Int
    public var baseDelaySeconds: Double
    public var lockAfter: Int
    public var lockDurationSeconds: Double

    public init(freeFailures: Int = 3, baseDelaySeconds: Double = 1, lockAfter: Int = 10,
                lockDurationSeconds: Double = 15 * 60) {
        self.freeFailures = freeFailures
        self.baseDelaySeconds = baseDelaySeconds
        self.lockAfter = lockAfter
        self.lockDurationSeconds = lockDurationSeconds
    }

    /// The record kept for one address; times are seconds since an epoch the caller chooses.
    public struct State: Sendable, Equatable {
        public var failures: Int
        public var lastFailureAt: Double?
        public var lockedUntil: Double?

        public init(failures: Int = 0, lastFailureAt: Double? = nil, lockedUntil: Double? = nil) {
            self.failures = failures
            self.lastFailureAt = lastFailureAt
            self.lockedUntil = lockedUntil
        }
    }

    public enum Decision: Sendable, Equatable {
        case proceed
        /// Too soon after the last failure: try again after `retryAfter` seconds.
        case slowDown(retryAfter: Double)
        case locked(retryAfter: Double)
    }

    /// Whether an attempt at `now` may be checked at all.
    public func decide(_ state: State, now: Double) -> Decision {
        if let lockedUntil = state.lockedUntil, now < lockedUntil {
            return .locked(retryAfter: lockedUntil - now)
        }
        let wait = requiredWait(afterFailures: state.failures)
        if wait > 0, let last = state.lastFailureAt, now < last + wait {
            return .slowDown(retryAfter: last + wait - now)
        }
        return .proceed
    }

    /// The state after a failed attempt at `now`.
    public func recordingFailure(_ state: State, now: Double) -> State {
        // A lock that has run out starts a fresh count, so one more mistake does not lock again at once.
        let expired = state.lockedUntil.map { now >= $0 } ?? false
        let failures = (expired ? 0 : state.failures) + 1
        let lockedUntil = failures >= lockAfter ? now + lockDurationSeconds : (expired ? nil : state.lockedUntil)
        return State(failures: failures, lastFailureAt: now, lockedUntil: lockedUntil)
    }

    /// Seconds that must pass after the last failure before the next attempt is checked.
    public func requiredWait(afterFailures failures: Int) -> Double {
        guard failures >= freeFailures else { return 0 }
        let exponent = min(failures - freeFailures, 10)
        return baseDelaySeconds * Double(1 << exponent)
    }
}
