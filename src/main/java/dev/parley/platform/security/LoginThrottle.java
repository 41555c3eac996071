package dev.parley.platform.security;

import dev.parley.platform.security.jpa.JpaLoginFailureLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Cluster-wide throttling of failed sign-ins, kept in the database so that every node sees the same
 * count. Each call runs in its own transaction so a failure is recorded even when the request fails.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class LoginThrottle {

    private static final Logger LOG = Logger.getLogger(LoginThrottle.class.getName());

    @Inject
    JpaLoginFailureLog failures;

    ThrottlePolicy policy = ThrottlePolicy.DEFAULT;
    Clock clock = Clock.systemUTC();

    /** How long {@code username} from {@code remoteAddr} must wait before trying again, if blocked. */
    public Optional<Duration> blockedFor(String username, String remoteAddr) {
        Instant now = clock.instant();
        Instant since = policy.windowStart(now);
        long byUser = failures.countForUser(normalise(username), since);
        long byAddress = failures.countForAddress(remoteAddr, since);
        Instant oldest = byUser >= policy.maxPerUser() ? failures.oldestForUser(normalise(username), since) : now;
        return policy.blockedFor(byUser, byAddress, oldest, now);
    }

    /** Counts one failed sign-in. */
    public void recordFailure(String username, String remoteAddr) {
        Instant now = clock.instant();
        failures.record(normalise(username), remoteAddr, now);
        failures.purgeBefore(now.minus(Duration.ofDays(1)));
        LOG.warning(() -> "Failed sign-in for '" + normalise(username) + "' from " + remoteAddr);
    }

    /** Forgets the account's failures after a successful sign-in. */
    public void recordSuccess(String username) {
        failures.clearUser(normalise(username));
    }

    private static String normalise(String username) {
        String u = username == null ? "" : username.strip();
        return u.length() > 64 ? u.substring(0, 64) : u;
    }
}
