import Testing
@testable import SchakelCore

@Suite struct SignInThrottleTests {
    let throttle = SignInThrottle(freeFailures: 3, baseDelaySeconds: 1, lockAfter: 10, lockDurationSeconds: 900)

    @Test func theFirstFailuresCostNothing() {
        var state = SignInThrottle.State()
        for second in 0..<3 {
            #expect(throttle.decide(state, now: Double(second)) == .proceed)
            state = throttle.recordingFailure(state, now: Double(second))
        }
        #expect(state.failures == 3)
        #expect(throttle.decide(state, now: 2.5) == .slowDown(retryAfter: 0.5))
        #expect(throttle.decide(state, now: 3) == .proceed)
    }

    @Test func waitsDoubleAndTheTenthFailureLocks() {
        var state = SignInThrottle.State()
        var now = 0.0
        var waits: [Double] = []
        for _ in 0..<10 {
            let wait = throttle.requiredWait(afterFailures: state.failures)
            waits.append(wait)
            now += wait
            #expect(throttle.decide(state, now: now) == .proceed)
            state = throttle.recordingFailure(state, now: now)
        }
        #expect(waits == [0, 0, 0, 1, 2, 4, 8, 16, 32, 64])
        #expect(throttle.decide(state, now: now + 1) == .locked(retryAfter: 899))
        #expect(throttle.decide(state, now: now + 900) == .proceed)
        // After the lock, one more mistake starts a fresh count instead of locking again.
        let after = throttle.recordingFailure(state, now: now + 900)
        #expect(after.failures == 1)
        #expect(after.lockedUntil == nil)
    }

    @Test(arguments: 0..<40)
    func waitsNeverShrinkAndStayBounded(failures: Int) {
        #expect(throttle.requiredWait(afterFailures: failures + 1) >= throttle.requiredWait(afterFailures: failures))
        #expect(throttle.requiredWait(afterFailures: failures) <= 1024)
    }
}
