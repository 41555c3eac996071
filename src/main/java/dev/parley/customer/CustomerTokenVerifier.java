package dev.parley.customer;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.parley.platform.DomainException;
import dev.parley.platform.DomainException.Kind;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

/**
 * Checks (and, for the demo storefront, issues) {@code customerToken}s: HS256 JWTs signed with the shop's
 * secret, carrying {@code sub}, {@code email}, optional {@code name} and a required {@code exp}
 * (CONTRACT.md). Anything else — another algorithm, a forged signature, a missing claim, an expired or
 * malformed token — is refused with an {@link Kind#UNAUTHENTICATED} error.
 */
public final class CustomerTokenVerifier {

    /** HS256 needs a key of at least 256 bits. */
    public static final int MIN_SECRET_BYTES = 32;
    static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

    private final byte[] secret;
    private final Clock clock;

    /** A verifier for tokens signed with {@code secret}, which must be at least 32 bytes of UTF-8. */
    public CustomerTokenVerifier(String secret, Clock clock) {
        byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
        if (bytes.length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("A customer-token secret needs at least " + MIN_SECRET_BYTES
                    + " bytes (HS256)");
        }
        this.secret = bytes;
        this.clock = clock;
    }

    /** The shopper the token names, if the token is genuine and current. */
    public CustomerIdentity verify(String token) {
        SignedJWT jwt;
        try {
            jwt = SignedJWT.parse(token.strip());
        } catch (ParseException e) {
            throw invalid("The customer token is not a signed JWT.");
        }
        if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm())) {
            throw invalid("The customer token must be signed with HS256.");
        }
        try {
            if (!jwt.verify(new MACVerifier(secret))) {
                throw invalid("The customer token's signature does not match.");
            }
        } catch (JOSEException e) {
            throw invalid("The customer token's signature cannot be checked.");
        }
        JWTClaimsSet claims;
        try {
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw invalid("The customer token's claims are malformed.");
        }
        Date exp = claims.getExpirationTime();
        if (exp == null) {
            throw invalid("The customer token has no expiry (exp).");
        }
        if (exp.toInstant().plus(CLOCK_SKEW).isBefore(clock.instant())) {
            throw invalid("The customer token has expired.");
        }
        String sub = claims.getSubject();
        String email = stringClaim(claims, "email");
        if (sub == null || sub.isBlank() || email == null || email.isBlank()) {
            throw invalid("The customer token needs sub and email.");
        }
        return new CustomerIdentity(sub, email, stringClaim(claims, "name"));
    }

    /** A token for {@code identity}, valid for {@code ttl}. Used by the demo storefront's sign-in. */
    public String issue(CustomerIdentity identity, Duration ttl) {
        Instant now = clock.instant();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .subject(identity.customerId())
                .claim("email", identity.email())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(ttl)));
        if (identity.name() != null) {
            claims.claim("name", identity.name());
        }
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims.build());
        try {
            jwt.sign(new MACSigner(secret));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    private static String stringClaim(JWTClaimsSet claims, String name) {
        try {
            return claims.getStringClaim(name);
        } catch (ParseException e) {
            throw invalid("The customer token's " + name + " claim is not text.");
        }
    }

    private static DomainException invalid(String message) {
        return new DomainException(Kind.UNAUTHENTICATED, "invalid-customer-token", message);
    }
}
