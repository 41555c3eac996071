package dev.parley.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ThrottlePolicyTest {

    private final ThrottlePolicy policy = new ThrottlePolicy(5, 20, Duration.ofMinutes(15));
    private final Instant now = Instant.parse("2026-11-23T12:00:00Z");

    @Test
    void fewerFailuresThanTheLimitMayTryAgain() {
        assertTrue(policy.blockedFor(4, 19, now, now).isEmpty());
    }

    @Test
    void anAccountIsBlockedUntilItsOldestFailureLeavesTheWindow() {
        Instant oldest = now.minus(Duration.ofMinutes(10));
        assertEquals(Duration.ofMinutes(5), policy.blockedFor(5, 5, oldest, now).orElseThrow());
    }

    @Test
    void anAddressWithTooManyFailuresIsBlockedForAWindow() {
        assertEquals(Duration.ofMinutes(15), policy.blockedFor(0, 20, now, now).orElseThrow());
    }

    @Test
    void theWindowStartsFifteenMinutesBack() {
        assertEquals(now.minus(Duration.ofMinutes(15)), policy.windowStart(now));
    }
}
