package dev.parley.customer;

import dev.parley.platform.DomainException;
import dev.parley.platform.DomainException.Kind;
import dev.parley.platform.ParleySettings;
import dev.parley.platform.secret.AppSecrets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Who a shopper is. With {@code PARLEY_CUSTOMER_TOKEN_SECRET} set, {@code customerToken}s signed with it are
 * accepted; without it, signed-in shoppers are refused, except in demo mode, where a secret is generated
 * once (shared by all nodes through the database) so that the demo storefront can sign shoppers in.
 */
@ApplicationScoped
public class CustomerTokens {

    /** Name of the generated demo secret in {@code app_secret}. */
    static final String DEMO_SECRET = "demo-customer-token";

    private static final Logger LOG = Logger.getLogger(CustomerTokens.class.getName());

    @Inject
    ParleySettings settings;

    @Inject
    AppSecrets secrets;

    private volatile CustomerTokenVerifier verifier;

    /** How customer sign-in is configured, for the dashboard. */
    public String mode() {
        if (settings.customerTokenSecret().isPresent()) {
            return settings.customerTokenSecret().get().getBytes(java.nio.charset.StandardCharsets.UTF_8).length
                    >= CustomerTokenVerifier.MIN_SECRET_BYTES ? "on (shop's secret)" : "off (secret too short)";
        }
        return settings.demo() ? "on (generated demo secret)" : "off (no PARLEY_CUSTOMER_TOKEN_SECRET)";
    }

    /**
     * The shopper a request names: empty for no token (an anonymous shopper), the identity for a genuine
     * token, a 401 error for anything else or when customer sign-in is off.
     */
    public Optional<CustomerIdentity> identify(String customerToken) {
        if (customerToken == null || customerToken.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(verifier().verify(customerToken));
    }

    /** A token for the demo storefront's sign-in; only in demo mode. */
    public String issueDemoToken(CustomerIdentity identity, Duration ttl) {
        if (!settings.demo()) {
            throw new DomainException(Kind.FORBIDDEN, "demo-only", "Demo sign-in exists only in demo mode.");
        }
        return verifier().issue(identity, ttl);
    }

    private CustomerTokenVerifier verifier() {
        CustomerTokenVerifier v = verifier;
        if (v == null) {
            v = create();
            verifier = v;
        }
        return v;
    }

    private CustomerTokenVerifier create() {
        Optional<String> configured = settings.customerTokenSecret();
        String secret;
        if (configured.isPresent()) {
            secret = configured.get();
        } else if (settings.demo()) {
            secret = secrets.getOrCreate(DEMO_SECRET);
        } else {
            throw new DomainException(Kind.UNAUTHENTICATED, "customer-sign-in-disabled",
                    "This store does not accept signed-in shoppers (no PARLEY_CUSTOMER_TOKEN_SECRET).");
        }
        try {
            return new CustomerTokenVerifier(secret, Clock.systemUTC());
        } catch (IllegalArgumentException e) {
            LOG.severe("PARLEY_CUSTOMER_TOKEN_SECRET is too short: " + e.getMessage());
            throw new DomainException(Kind.UNAUTHENTICATED, "customer-sign-in-disabled",
                    "This store's customer sign-in is misconfigured.");
        }
    }
}
