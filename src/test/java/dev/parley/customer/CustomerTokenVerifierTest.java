package dev.parley.customer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import dev.parley.platform.DomainException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import org.junit.jupiter.api.Test;

class CustomerTokenVerifierTest {

    private static final String SECRET = "a-shop-secret-of-at-least-32-bytes!!";
    private final Instant now = Instant.parse("2026-11-23T12:00:00Z");
    private final CustomerTokenVerifier verifier = new CustomerTokenVerifier(SECRET, Clock.fixed(now, ZoneOffset.UTC));

    @Test
    void aGenuineTokenNamesTheShopper() throws Exception {
        CustomerIdentity who = verifier.verify(token(SECRET, claims().claim("name", "Mei").build()));
        assertEquals(new CustomerIdentity("cust-42", "mei@example.com", "Mei"), who);
    }

    @Test
    void issuedTokensVerify() {
        String token = verifier.issue(new CustomerIdentity("c1", "a@b.tw", null), Duration.ofHours(1));
        CustomerIdentity who = verifier.verify(token);
        assertEquals("c1", who.customerId());
        assertNull(who.name());
    }

    @Test
    void aForgedSignatureIsRefused() throws Exception {
        assertRefused(token("another-secret-that-is-32-bytes-long!", claims().build()));
    }

    @Test
    void anExpiredTokenIsRefused() throws Exception {
        assertRefused(token(SECRET, claims().expirationTime(Date.from(now.minus(Duration.ofMinutes(5)))).build()));
    }

    @Test
    void aTokenWithoutExpiryOrSubjectOrEmailIsRefused() throws Exception {
        assertRefused(token(SECRET, new JWTClaimsSet.Builder().subject("x").claim("email", "e@x.tw").build()));
        assertRefused(token(SECRET, claims().subject(null).build()));
        assertRefused(token(SECRET, claims().claim("email", null).build()));
    }

    @Test
    void unsignedOrMalformedTokensAreRefused() {
        assertRefused(new PlainJWT(claims().build()).serialize());
        assertRefused("not.a.jwt");
        assertRefused("garbage");
    }

    @Test
    void aShortSecretIsRejectedUpFront() {
        assertThrows(IllegalArgumentException.class, () -> new CustomerTokenVerifier("short", Clock.systemUTC()));
    }

    private JWTClaimsSet.Builder claims() {
        return new JWTClaimsSet.Builder().subject("cust-42").claim("email", "mei@example.com")
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(30))));
    }

    private static String token(String secret, JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        jwt.sign(new MACSigner(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        return jwt.serialize();
    }

    private void assertRefused(String token) {
        DomainException e = assertThrows(DomainException.class, () -> verifier.verify(token));
        assertEquals(DomainException.Kind.UNAUTHENTICATED, e.kind());
        assertEquals("invalid-customer-token", e.code());
    }
}
