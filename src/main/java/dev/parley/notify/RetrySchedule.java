package dev.parley.notify;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * When a mail that could not be sent is tried again: 1, 5, 15 and 60 minutes, then 3, 6 and 12 hours after the
 * attempts so far; after {@link #MAX_ATTEMPTS} it is given up as failed (about a day of trying).
 */
public final class RetrySchedule {

    /** Attempts before a mail counts as failed. */
    public static final int MAX_ATTEMPTS = 8;

    private static final List<Duration> WAITS = List.of(Duration.ofMinutes(1), Duration.ofMinutes(5),
            Duration.ofMinutes(15), Duration.ofMinutes(60), Duration.ofHours(3), Duration.ofHours(6), Duration.ofHours(12));

    private RetrySchedule() {
    }

    /** How long to wait after {@code attempts} failed attempts; empty when it is time to give up. */
    public static Optional<Duration> retryAfter(int attempts) {
        if (attempts >= MAX_ATTEMPTS) {
            return Optional.empty();
        }
        return Optional.of(WAITS.get(Math.max(0, Math.min(attempts, WAITS.size()) - 1)));
    }
}
