package dev.parley.platform.security;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.platform.DomainException;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class StaffAccountRulesTest {

    @Test
    void usernamesAreLowerCaseTokens() {
        assertDoesNotThrow(() -> StaffAccounts.checkUsername("mei.lin_2"));
        for (String bad : new String[] {null, "", "a", "Admin", "has space", "x".repeat(65), "-dash"}) {
            DomainException e = assertThrows(DomainException.class, () -> StaffAccounts.checkUsername(bad));
            assertEquals(DomainException.Kind.INVALID, e.kind());
        }
    }

    @Test
    void passwordsHaveBoundedLength() {
        assertDoesNotThrow(() -> StaffAccounts.checkPassword("12345678"));
        assertThrows(DomainException.class, () -> StaffAccounts.checkPassword("1234567"));
        assertThrows(DomainException.class, () -> StaffAccounts.checkPassword("x".repeat(129)));
        assertThrows(DomainException.class, () -> StaffAccounts.checkPassword(null));
    }

    @Test
    void roleNamesRoundTrip() {
        for (StaffRole role : StaffRole.values()) {
            assertEquals(role, StaffRole.parse(role.roleName()).orElseThrow());
        }
        assertTrue(StaffRole.parse("ADMIN").isEmpty());
    }

    @Test
    void basicCredentialsAreDecodedAtTheFirstColon() {
        String encoded = Base64.getEncoder().encodeToString("mei:pa:ss".getBytes(StandardCharsets.UTF_8));
        UsernamePasswordCredential c = ParleyAuthenticationMechanism.decodeBasic(encoded).orElseThrow();
        assertEquals("mei", c.getCaller());
        assertEquals("pa:ss", c.getPasswordAsString());
    }

    @Test
    void malformedBasicCredentialsAreRejected() {
        assertTrue(ParleyAuthenticationMechanism.decodeBasic("!!!").isEmpty());
        String noColon = Base64.getEncoder().encodeToString("mei".getBytes(StandardCharsets.UTF_8));
        assertTrue(ParleyAuthenticationMechanism.decodeBasic(noColon).isEmpty());
    }

    @Test
    void generatedBootstrapPasswordsAreLongAndDistinct() {
        String a = BootstrapAdmin.randomPassword();
        assertTrue(a.length() >= 20, a);
        assertTrue(!a.equals(BootstrapAdmin.randomPassword()));
    }
}
