package dev.parley.cart;

import dev.parley.platform.DomainException;
import dev.parley.platform.DomainException.Kind;
import dev.parley.platform.secret.AppSecrets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signed deep links to a cart ({@code /cart/{token}}) that restore it on any device, for a shopper who wants to
 * carry the cart over and for cart-recovery messages. The token is the cart id, an expiry and an HMAC-SHA256
 * over both with a secret generated once per store (shared by all nodes through the database); it is a bearer
 * link, as a shop's cart permalink is, and lives {@link #TTL}.
 */
@ApplicationScoped
public class CartLinks {

    /** How long a link restores its cart. */
    public static final Duration TTL = Duration.ofDays(30);

    static final String SECRET = "cart-link";
    private static final Pattern TOKEN = Pattern.compile("([0-9a-f]{32})\\.([0-9a-z]{1,13})\\.([A-Za-z0-9_-]{22})");

    @Inject
    AppSecrets secrets;

    private Clock clock = Clock.systemUTC();
    private volatile byte[] key;

    CartLinks() {
    }

    /** A signer with a given secret and clock (tests). */
    CartLinks(String secret, Clock clock) {
        this.key = secret.getBytes(StandardCharsets.UTF_8);
        this.clock = clock;
    }

    /**
     * A link.
     *
     * @param token the signed token
     * @param path the storefront path that restores the cart, {@code /cart/<token>}
     * @param expiresAt when it stops working
     */
    public record Link(String token, String path, Instant expiresAt) {
    }

    /**
     * What a token names.
     *
     * @param cartId the cart
     * @param expired whether the link is past its expiry (genuine, but no longer honoured)
     */
    public record Opened(String cartId, boolean expired) {
    }

    /** A link to a cart, valid for {@link #TTL}. */
    public Link issue(String cartId) {
        if (cartId == null || !cartId.matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")) {
            throw Carts.notFound(cartId);
        }
        Instant expires = clock.instant().plus(TTL).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        String body = cartId.replace("-", "") + "." + Long.toString(expires.getEpochSecond(), 36);
        String token = body + "." + mac(body);
        return new Link(token, "/cart/" + token, expires);
    }

    /** Reads a token: 400 for anything not signed by this store. */
    public Opened open(String token) {
        Matcher m = token == null ? null : TOKEN.matcher(token);
        if (m == null || !m.matches()) {
            throw forged();
        }
        String body = m.group(1) + "." + m.group(2);
        if (!MessageDigest.isEqual(mac(body).getBytes(StandardCharsets.US_ASCII),
                m.group(3).getBytes(StandardCharsets.US_ASCII))) {
            throw forged();
        }
        String hex = m.group(1);
        String cartId = hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-"
                + hex.substring(16, 20) + "-" + hex.substring(20);
        long expires = Long.parseLong(m.group(2), 36);
        return new Opened(cartId, clock.instant().getEpochSecond() >= expires);
    }

    private String mac(String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(), "HmacSHA256"));
            byte[] full = mac.doFinal(body.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(full, 16));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }

    private byte[] key() {
        byte[] k = key;
        if (k == null) {
            k = secrets.getOrCreate(SECRET).getBytes(StandardCharsets.UTF_8);
            key = k;
        }
        return k;
    }

    private static DomainException forged() {
        return new DomainException(Kind.INVALID, "bad-cart-link", "This cart link is not one this shop issued.");
    }
}
