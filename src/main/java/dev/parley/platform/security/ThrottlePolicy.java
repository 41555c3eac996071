package dev.parley.platform.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When failed sign-ins block further attempts: more than {@code maxPerUser} failures for one account,
 * or {@code maxPerAddress} from one address, within {@code window}. An account is blocked until its
 * oldest counted failure leaves the window.
 *
 * @param maxPerUser failures per account tolerated in the window
 * @param maxPerAddress failures per client address tolerated in the window
 * @param window how far back failures count
 */
public record ThrottlePolicy(int maxPerUser, int maxPerAddress, Duration window) {

    /** Five tries per account and twenty per address in fifteen minutes. */
    public static final ThrottlePolicy DEFAULT = new ThrottlePolicy(5, 20, Duration.ofMinutes(15));

    /** The start of the window that ends at {@code now}. */
    public Instant windowStart(Instant now) {
        return now.minus(window);
    }

    /**
     * How long the caller must wait, given the failures counted in the window, or empty if it may try.
     *
     * @param userFailures failures of the account in the window
     * @param addressFailures failures from the address in the window
     * @param oldestUserFailure the oldest counted failure of the account
     * @param now the current time
     */
    public Optional<Duration> blockedFor(long userFailures, long addressFailures, Instant oldestUserFailure,
            Instant now) {
        if (userFailures >= maxPerUser) {
            Duration wait = Duration.between(now, oldestUserFailure.plus(window));
            return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
        }
        if (addressFailures >= maxPerAddress) {
            return Optional.of(window);
        }
        return Optional.empty();
    }
}
