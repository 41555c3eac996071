package dev.parley.platform;

import static dev.parley.testing.Http.admin;
import static dev.parley.testing.Http.basic;
import static dev.parley.testing.Http.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.testing.BlackBoxIT;
import dev.parley.testing.Http;
import dev.parley.testing.ParleyServer;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Flow;
import org.junit.jupiter.api.Test;

/**
 * The HTTP edge of the real server, from outside: health, metrics, OpenAPI, admin authentication and
 * throttling, and RFC 9457 problem responses for bad input that change nothing.
 */
@BlackBoxIT
class ApiEdgeIT {

    private static final String STAFF = "api/v1/admin/staff";

    @ParleyServer.Base
    URL base;

    @ParleyServer.Base
    Http http;

    @Test
    void readyAndLiveAnswerUp() {
        HttpResponse<String> ready = http.awaitReady(Duration.ofMinutes(4));
        assertEquals(200, ready.statusCode(), ready.body());
        JsonObject body = json(ready);
        assertEquals("UP", body.getString("status"));
        for (String check : List.of("database", "intent-model")) {
            assertTrue(body.getJsonArray("checks").stream().map(JsonObject.class::cast)
                    .anyMatch(c -> c.getString("name").equals(check) && c.getString("status").equals("UP")), check);
        }
        assertEquals(200, http.get("health/live").statusCode());
    }

    @Test
    void openApiDescribesTheAdminApi() {
        HttpResponse<String> openapi = http.get("openapi");
        assertEquals(200, openapi.statusCode(), openapi.body());
        assertTrue(openapi.body().contains("/api/v1/admin/staff"), openapi.body());
    }

    @Test
    void metricsCountProblemResponses() {
        http.send(http.request(STAFF + "/nobody-here").header("Authorization", admin()).GET());
        HttpResponse<String> metrics = http.get("metrics");
        assertEquals(200, metrics.statusCode());
        assertTrue(metrics.body().contains("parley_http_problems_total"), "problem counter is published");
    }

    @Test
    void malformedJsonIs400ProblemAndCreatesNothing() {
        int before = staffCount();
        HttpResponse<String> r = post(STAFF, "application/json", "{\"username\": \"half");
        assertProblem(r, 400, "urn:parley:problem:malformed-json");
        assertEquals(before, staffCount());
    }

    @Test
    void wrongContentTypeIs415Problem() {
        int before = staffCount();
        HttpResponse<String> r = post(STAFF, "text/plain", "username=eve");
        assertProblem(r, 415, "urn:parley:problem:unsupported-media-type");
        assertEquals(before, staffCount());
    }

    @Test
    void oversizeBodyIs413ProblemWithOrWithoutContentLength() {
        int before = staffCount();
        String huge = "{\"username\":\"" + "x".repeat(300_000) + "\"}";
        assertProblem(post(STAFF, "application/json", huge), 413, "urn:parley:problem:body-too-large");

        // Chunked: no Content-Length, so the limit is enforced while reading.
        HttpRequest.Builder chunked = http.request(STAFF).header("Authorization", admin())
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.fromPublisher(chunks(huge)));
        assertProblem(http.send(chunked), 413, "urn:parley:problem:body-too-large");
        assertEquals(before, staffCount());
    }

    @Test
    void missingFieldsAre400ProblemNamingEachField() {
        HttpResponse<String> r = post(STAFF, "application/json", "{\"username\":\"someone\"}");
        assertProblem(r, 400, "urn:parley:problem:invalid-request");
        List<String> fields = json(r).getJsonArray("errors").stream().map(JsonObject.class::cast)
                .map(e -> e.getString("field")).toList();
        assertTrue(fields.containsAll(List.of("password", "roles")), fields.toString());
    }

    @Test
    void unknownIdsAndPathsAre404Problems() {
        assertProblem(http.send(http.request(STAFF + "/nobody-here").header("Authorization", admin()).GET()),
                404, "urn:parley:problem:staff-not-found");
        HttpResponse<String> r = http.send(http.request("api/v1/no-such-thing").GET());
        assertEquals(404, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
    }

    @Test
    void staffAccountsAreCreatedOnceAndDuplicatesConflict() {
        String name = "clerk-" + UUID.randomUUID().toString().substring(0, 6);
        String body = "{\"username\":\"" + name + "\",\"password\":\"long-enough-1\",\"roles\":[\"merchandiser\"]}";
        HttpResponse<String> created = post(STAFF, "application/json", body);
        assertEquals(201, created.statusCode(), created.body());
        assertEquals(List.of("merchandiser"), json(created).getJsonArray("roles").getValuesAs(
                jakarta.json.JsonString::getString));
        assertProblem(post(STAFF, "application/json", body), 409, "urn:parley:problem:username-taken");

        // The new account may use the admin pages but not the admin API (role admin only).
        HttpResponse<String> forbidden = http.send(http.request(STAFF)
                .header("Authorization", basic(name, "long-enough-1")).GET());
        assertProblem(forbidden, 403, "about:blank");
    }

    @Test
    void adminApiNeedsValidBasicCredentials() {
        HttpResponse<String> none = http.get(STAFF);
        assertProblem(none, 401, "urn:parley:problem:authentication-required");
        assertTrue(none.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"));
        HttpResponse<String> wrong = http.send(http.request(STAFF)
                .header("Authorization", basic("admin", "not-the-password")).GET());
        assertProblem(wrong, 401, "urn:parley:problem:invalid-credentials");
        HttpResponse<String> garbage = http.send(http.request(STAFF).header("Authorization", "Basic !!!").GET());
        assertProblem(garbage, 401, "urn:parley:problem:malformed-credentials");
        assertEquals(200, http.send(http.request(STAFF).header("Authorization", admin()).GET()).statusCode());
    }

    @Test
    void repeatedFailedSignInsAreThrottledEvenWithTheRightPassword() {
        String name = "target-" + UUID.randomUUID().toString().substring(0, 6);
        assertEquals(201, post(STAFF, "application/json", "{\"username\":\"" + name
                + "\",\"password\":\"right-password-1\",\"roles\":[\"admin\"]}").statusCode());
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> r = http.send(http.request(STAFF)
                    .header("Authorization", basic(name, "wrong-password-" + i)).GET());
            assertEquals(401, r.statusCode());
        }
        HttpResponse<String> blocked = http.send(http.request(STAFF)
                .header("Authorization", basic(name, "right-password-1")).GET());
        assertProblem(blocked, 429, "urn:parley:problem:too-many-sign-in-attempts");
        assertTrue(blocked.headers().firstValue("Retry-After").isPresent());
        // Other accounts are unaffected.
        assertEquals(200, http.send(http.request(STAFF).header("Authorization", admin()).GET()).statusCode());
    }

    @Test
    void theAdminSessionCookieIsHttpOnlyAndSameSiteLax() {
        HttpResponse<String> login = http.get("admin/login.xhtml");
        assertEquals(200, login.statusCode());
        String cookie = login.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .findFirst().orElseThrow();
        assertTrue(cookie.contains("HttpOnly"), cookie);
        assertTrue(cookie.contains("SameSite=Lax"), cookie);
    }

    @Test
    void everyResponseCarriesARequestIdAndEchoesASafeOne() {
        HttpResponse<String> r = http.send(http.request("health/live").header("X-Request-Id", "trace-abc.123").GET());
        assertEquals("trace-abc.123", r.headers().firstValue("X-Request-Id").orElse(""));
        HttpResponse<String> unsafe = http.send(http.request(STAFF).header("X-Request-Id", "bad id <script>").GET());
        String id = unsafe.headers().firstValue("X-Request-Id").orElse("");
        assertFalse(id.contains("<"), id);
        assertEquals(id, json(unsafe).getString("requestId"));
    }

    private HttpResponse<String> post(String path, String contentType, String body) {
        return http.send(http.request(path).header("Authorization", admin()).header("Content-Type", contentType)
                .POST(BodyPublishers.ofString(body)));
    }

    private int staffCount() {
        HttpResponse<String> r = http.send(http.request(STAFF).header("Authorization", admin()).GET());
        assertEquals(200, r.statusCode(), r.body());
        return ((JsonArray) Http.jsonAny(r)).size();
    }

    private static void assertProblem(HttpResponse<String> r, int status, String type) {
        assertEquals(status, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                r.headers().toString());
        JsonObject problem = json(r);
        assertEquals(status, problem.getInt("status"));
        assertEquals(type, problem.getString("type"));
        assertFalse(problem.getString("title").isBlank());
        assertTrue(problem.containsKey("detail"));
        assertFalse(r.body().contains("Exception"), "no stack trace or exception names leak: " + r.body());
    }

    /** A body publisher without a known length, so the client sends it chunked. */
    private static Flow.Publisher<ByteBuffer> chunks(String body) {
        HttpRequest.BodyPublisher sized = BodyPublishers.ofString(body);
        return subscriber -> sized.subscribe(subscriber);
    }


    @Test
    void theShopperApiAnswersOtherOriginsForTheWidgetButStaffApisDoNot() {
        HttpResponse<String> preflight = http.send(http.request("api/v1/conversations")
                .header("Origin", "https://shop.example").header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type")
                .method("OPTIONS", BodyPublishers.noBody()));
        assertEquals(204, preflight.statusCode(), preflight.body());
        assertEquals("*", preflight.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
        assertTrue(preflight.headers().firstValue("Access-Control-Allow-Methods").orElse("").contains("POST"));

        HttpResponse<String> started = http.send(http.request("api/v1/conversations").header("Origin", "https://shop.example")
                .header("Content-Type", "application/json").POST(BodyPublishers.ofString("{}")));
        assertEquals(201, started.statusCode());
        assertEquals("*", started.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
        assertTrue(started.headers().firstValue("Access-Control-Expose-Headers").orElse("").contains("Location"));

        HttpResponse<String> staff = http.send(http.request("api/v1/admin/rules").header("Origin", "https://shop.example")
                .header("Authorization", admin()).GET());
        assertEquals(200, staff.statusCode());
        assertTrue(staff.headers().firstValue("Access-Control-Allow-Origin").isEmpty());
        HttpResponse<String> staffPreflight = http.send(http.request("api/v1/admin/rules")
                .header("Origin", "https://shop.example").header("Access-Control-Request-Method", "PUT")
                .method("OPTIONS", BodyPublishers.noBody()));
        assertTrue(staffPreflight.headers().firstValue("Access-Control-Allow-Origin").isEmpty());
    }
}
