package dev.parley.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Runtime settings of this node, read through MicroProfile Config. Every {@code PARLEY_*} environment
 * variable of the contract maps to a {@code parley.*} property (MicroProfile's environment mapping), so
 * {@code PARLEY_DEMO} is {@code parley.demo}.
 */
@ApplicationScoped
public class ParleySettings {

    /** Largest request body an ordinary API endpoint reads. */
    public static final long DEFAULT_MAX_BODY_BYTES = 256 * 1024;
    /** Largest rule file (DRL or decision table) the rules API accepts. */
    public static final long RULE_FILE_MAX_BYTES = 2 * 1024 * 1024 + 1024;

    @Inject
    @ConfigProperty(name = "parley.demo", defaultValue = "false")
    boolean demo;

    @Inject
    @ConfigProperty(name = "parley.admin.password")
    Optional<String> adminPassword;

    @Inject
    @ConfigProperty(name = "parley.customer.token.secret")
    Optional<String> customerTokenSecret;

    @Inject
    @ConfigProperty(name = "parley.http.max-body-bytes", defaultValue = "262144")
    long maxBodyBytes;

    @Inject
    @ConfigProperty(name = "parley.catalog.import.max-bytes", defaultValue = "536870912")
    long importMaxBytes;

    @Inject
    @ConfigProperty(name = "parley.nlu.confidence.threshold", defaultValue = "0.5")
    double nluConfidenceThreshold;

    @Inject
    @ConfigProperty(name = "parley.rules.max-firings", defaultValue = "10000")
    int rulesMaxFirings;

    @Inject
    @ConfigProperty(name = "parley.rules.timeout-ms", defaultValue = "500")
    long rulesTimeoutMillis;

    @Inject
    @ConfigProperty(name = "parley.db.url")
    Optional<String> databaseUrl;

    @Inject
    @ConfigProperty(name = "parley.widget.origins", defaultValue = "*")
    String widgetOrigins;

    @Inject
    @ConfigProperty(name = "parley.stripe.secret.key")
    Optional<String> stripeSecretKey;

    @Inject
    @ConfigProperty(name = "parley.stripe.api.base")
    Optional<String> stripeApiBase;

    @Inject
    @ConfigProperty(name = "parley.stripe.webhook.secret")
    Optional<String> stripeWebhookSecret;

    @Inject
    @ConfigProperty(name = "parley.smtp.host")
    Optional<String> smtpHost;

    @Inject
    @ConfigProperty(name = "parley.smtp.port", defaultValue = "587")
    int smtpPort;

    @Inject
    @ConfigProperty(name = "parley.smtp.user")
    Optional<String> smtpUser;

    @Inject
    @ConfigProperty(name = "parley.smtp.password")
    Optional<String> smtpPassword;

    @Inject
    @ConfigProperty(name = "parley.smtp.from", defaultValue = "shop@localhost")
    String smtpFrom;

    @Inject
    @ConfigProperty(name = "parley.smtp.starttls")
    Optional<Boolean> smtpStartTls;

    /** The SMTP server shopper e-mail goes through ({@code PARLEY_SMTP_HOST}); unset: e-mail is only logged. */
    public Optional<String> smtpHost() {
        return smtpHost.filter(h -> !h.isBlank()).map(String::strip);
    }

    /** The SMTP server's port ({@code PARLEY_SMTP_PORT}, default 587, the submission port). */
    public int smtpPort() {
        return smtpPort > 0 && smtpPort < 65536 ? smtpPort : 587;
    }

    /** The account to sign in to the SMTP server with ({@code PARLEY_SMTP_USER}); unset: no sign-in. */
    public Optional<String> smtpUser() {
        return smtpUser.filter(u -> !u.isBlank());
    }

    /** The SMTP account's password ({@code PARLEY_SMTP_PASSWORD}). */
    public Optional<String> smtpPassword() {
        return smtpPassword.filter(p -> !p.isEmpty());
    }

    /** The sender address of shopper e-mail ({@code PARLEY_SMTP_FROM}, default {@code shop@localhost}). */
    public String smtpFrom() {
        return smtpFrom == null || smtpFrom.isBlank() ? "shop@localhost" : smtpFrom.strip();
    }

    /**
     * Whether the SMTP connection must be upgraded with STARTTLS ({@code PARLEY_SMTP_STARTTLS}; by default yes when a
     * user is set, so a password never crosses the network in the clear).
     */
    public boolean smtpStartTls() {
        return smtpStartTls.orElse(smtpUser().isPresent());
    }

    /** The signing secret of Stripe's webhook endpoint ({@code PARLEY_STRIPE_WEBHOOK_SECRET}); unset: no webhook. */
    public Optional<String> stripeWebhookSecret() {
        return stripeWebhookSecret.filter(k -> !k.isBlank());
    }

    /** The Stripe secret key ({@code PARLEY_STRIPE_SECRET_KEY}); unset: Stripe is not offered at checkout. */
    public Optional<String> stripeSecretKey() {
        return stripeSecretKey.filter(k -> !k.isBlank());
    }

    /** Where Stripe's API is ({@code PARLEY_STRIPE_API_BASE}; unset: Stripe's own, https://api.stripe.com). */
    public Optional<String> stripeApiBase() {
        return stripeApiBase.filter(k -> !k.isBlank());
    }

    /**
     * The web origins whose pages may embed the chat widget and call the shopper API from the browser
     * ({@code PARLEY_WIDGET_ORIGINS}: comma-separated, e.g. {@code https://shop.example}; {@code *}, the default,
     * allows any, which is safe because the shopper API uses no cookies).
     */
    public java.util.Set<String> widgetOrigins() {
        return java.util.Arrays.stream(widgetOrigins.split(",")).map(String::strip).filter(o -> !o.isEmpty())
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    /** Whether the demo store is seeded on an empty database. */
    public boolean demo() {
        return demo;
    }

    /** Password of the bootstrap {@code admin} account, when the operator set one. */
    public Optional<String> adminPassword() {
        return adminPassword.filter(p -> !p.isBlank());
    }

    /** HMAC secret the shop signs customer tokens with ({@code PARLEY_CUSTOMER_TOKEN_SECRET}), if set. */
    public Optional<String> customerTokenSecret() {
        return customerTokenSecret.filter(s -> !s.isBlank());
    }

    /** Body size limit for API requests, in bytes. */
    public long maxBodyBytes() {
        return maxBodyBytes > 0 ? maxBodyBytes : DEFAULT_MAX_BODY_BYTES;
    }

    /**
     * Body size limit for a request path: catalog imports (bulk files, read as a stream) may be large;
     * every other API body is small.
     */
    public long maxBodyBytes(String path) {
        if (path.startsWith("/api/v1/admin/catalog/import")) {
            return importMaxBytes;
        }
        if (path.startsWith("/api/v1/admin/rules/")) {
            return Math.max(maxBodyBytes(), RULE_FILE_MAX_BYTES);
        }
        return maxBodyBytes();
    }

    /** Most firings one rule evaluation may make before it counts as a loop ({@code PARLEY_RULES_MAX_FIRINGS}). */
    public int rulesMaxFirings() {
        return rulesMaxFirings > 0 ? rulesMaxFirings : 10_000;
    }

    /** Longest one rule evaluation may run, in milliseconds ({@code PARLEY_RULES_TIMEOUT_MS}). */
    public long rulesTimeoutMillis() {
        return rulesTimeoutMillis > 0 ? rulesTimeoutMillis : 500;
    }

    /**
     * Intent confidence below which the NLU reports itself uncertain ({@code PARLEY_NLU_CONFIDENCE_THRESHOLD},
     * 0–1) and the conversation asks the shopper what they meant.
     */
    public double nluConfidenceThreshold() {
        return nluConfidenceThreshold >= 0 && nluConfidenceThreshold <= 1 ? nluConfidenceThreshold : 0.5;
    }

    /** The configured JDBC URL (for display; the pool reads it itself). */
    public Optional<String> databaseUrl() {
        return databaseUrl;
    }
}
