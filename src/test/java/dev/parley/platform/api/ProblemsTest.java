package dev.parley.platform.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.platform.DomainException;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.ProcessingException;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProblemsTest {

    @Test
    void domainKindsMapToTheirStatuses() {
        assertEquals(400, status(new DomainException(DomainException.Kind.INVALID, "x", "bad")));
        assertEquals(404, status(new DomainException(DomainException.Kind.NOT_FOUND, "x", "gone")));
        assertEquals(409, status(new DomainException(DomainException.Kind.CONFLICT, "x", "clash")));
        assertEquals(403, status(new DomainException(DomainException.Kind.FORBIDDEN, "x", "no")));
        assertEquals(429, status(new DomainException(DomainException.Kind.RATE_LIMITED, "x", "slow")));
        assertEquals(503, status(new DomainException(DomainException.Kind.UNAVAILABLE, "x", "later")));
    }

    @Test
    void domainProblemsCarryTheirSlugAndMessage() {
        Problem p = Problems.from(new DomainException(DomainException.Kind.CONFLICT, "username-taken", "taken"),
                "/api/x", "rid");
        assertEquals("urn:parley:problem:username-taken", p.type());
        assertEquals("taken", p.detail());
        assertEquals("/api/x", p.instance());
        assertEquals("rid", p.requestId());
    }

    @Test
    void malformedJsonInsideAProcessingExceptionIs400() {
        Problem p = Problems.from(new ProcessingException(new JsonbException("Unexpected char 97")), "/api/x", "r");
        assertEquals(400, p.status());
        assertEquals("urn:parley:problem:malformed-json", p.type());
        assertTrue(p.detail().contains("Unexpected char 97"));
    }

    @Test
    void anOversizeBodyAnywhereInTheCauseChainIs413() {
        Problem p = Problems.from(new ProcessingException(new RuntimeException(new BodyTooLargeException(10))),
                "/api/x", "r");
        assertEquals(413, p.status());
        assertTrue(p.detail().contains("10 bytes"));
    }

    @Test
    void unknownFailuresAreA500ThatRevealsNothing() {
        Problem p = Problems.from(new IllegalStateException("secret table name"), "/api/x", "r");
        assertEquals(500, p.status());
        assertFalse(p.toJson().contains("secret"));
        assertFalse(p.toJson().contains("IllegalStateException"));
    }

    @Test
    void jsonHasTheRfc9457MembersAndErrors() {
        Problem p = new Problem("urn:parley:problem:invalid-request", "Invalid request", 400, "fields",
                "/api/x", "rid", List.of(new Problem.FieldError("password", "must not be blank")));
        JsonObject json = Json.createReader(new StringReader(p.toJson())).readObject();
        assertEquals("urn:parley:problem:invalid-request", json.getString("type"));
        assertEquals("Invalid request", json.getString("title"));
        assertEquals(400, json.getInt("status"));
        assertEquals("fields", json.getString("detail"));
        assertEquals("rid", json.getString("requestId"));
        assertEquals("password", json.getJsonArray("errors").getJsonObject(0).getString("field"));
    }

    private static int status(Throwable t) {
        return Problems.from(t, "/api/x", "r").status();
    }
}
