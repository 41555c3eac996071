package dev.parley.nlu;

import static dev.parley.testing.Http.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.testing.BlackBoxIT;
import dev.parley.testing.Http;
import dev.parley.testing.ParleyServer;
import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Intent model versions on the real server: training in the background while shoppers' messages are parsed,
 * automatic promotion, the atomic switch to the new version, the admin override, and the version report.
 */
@BlackBoxIT
class NluModelIT {

    private static final String MODELS = "api/v1/admin/nlu/models";
    private static final List<String> TEXTS = List.of("do you have this in black?", "我要退貨", "where's my parcel",
            "有沒有便宜一點的外套", "thanks a lot!", "我想找运动鞋 500元以内");

    @ParleyServer.Base
    URL base;

    @ParleyServer.Base
    Http http;

    /** One parse seen by a client thread: when it was sent and answered, and which version answered. */
    record Seen(long sentNanos, long answeredNanos, int status, int version) {
    }

    @Test
    void retrainingWhileParsingFailsNoRequestAndSwitchesVersionsAtomically() throws Exception {
        int before = liveVersion();
        // A reviewed customer turn is training data for the next run.
        JsonObject turn = awaitReviewQueue();
        HttpResponse<String> reviewed = admin(http.request("api/v1/admin/nlu/review/" + turn.getJsonNumber("messageId"))
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString("{\"intent\": \"" + turn.getString("intent") + "\"}")));
        assertEquals(200, reviewed.statusCode(), reviewed.body());
        int examples = count("select count(*) from nlu_example");
        assertEquals(1, count("select count(*) from nlu_example where source = 'transcript' and source_ref = 'message:"
                + turn.getJsonNumber("messageId") + "'"));

        // Two admins start a run at the same moment: one run starts (202), the other is told one is running (409).
        var first = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> admin(http.request(MODELS).POST(BodyPublishers.noBody())));
        var second = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> admin(http.request(MODELS).POST(BodyPublishers.noBody())));
        List<HttpResponse<String>> answers = List.of(first.get(), second.get());
        assertEquals(List.of(202, 409), answers.stream().map(HttpResponse::statusCode).sorted().toList(),
                answers.stream().map(HttpResponse::body).toList().toString());
        HttpResponse<String> started = answers.stream().filter(r -> r.statusCode() == 202).findFirst().orElseThrow();
        int version = json(started).getInt("version");
        assertTrue(version > before);
        String location = started.headers().firstValue("Location").orElseThrow();
        assertTrue(location.endsWith("/" + MODELS + "/" + version), location);
        HttpResponse<String> again = admin(http.request(MODELS).POST(BodyPublishers.noBody()));
        assertEquals(409, again.statusCode(), "one run at a time: " + again.body());
        assertTrue(again.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));

        AtomicBoolean done = new AtomicBoolean();
        java.util.Queue<Seen> seen = new java.util.concurrent.ConcurrentLinkedQueue<>();
        ExecutorService clients = Executors.newFixedThreadPool(4);
        List<Future<?>> running = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int offset = t;
            running.add(clients.submit(() -> {
                for (int i = offset; !done.get(); i++) {
                    String body = "{\"text\": \"" + TEXTS.get(i % TEXTS.size()) + "\"}";
                    long sent = System.nanoTime();
                    HttpResponse<String> r = http.send(http.request("api/v1/nlu/parse")
                            .header("Content-Type", "application/json")
                            .POST(BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
                    int v = r.statusCode() == 200 ? Integer.parseInt(json(r).getString("modelVersion")) : -1;
                    seen.add(new Seen(sent, System.nanoTime(), r.statusCode(), v));
                }
            }));
        }
        JsonObject finished = awaitFinished(version, Duration.ofMinutes(5));
        JsonObject summary = finished.getJsonObject("version");
        assertEquals(examples, summary.getInt("examples"), "the run trained on every stored example, the turn too");
        assertEquals(100, summary.getInt("progress"));
        JsonObject report = finished.getJsonObject("report");
        double newF1 = report.getJsonObject("validation").getJsonNumber("macroF1").doubleValue();
        double oldF1 = report.getJsonObject("baseline").getJsonNumber("macroF1").doubleValue();
        if (summary.getString("status").equals("rejected")) {
            // Worse on the same validation examples: kept back; the admin override puts it live anyway.
            assertTrue(newF1 < oldF1 || report.getJsonObject("validation").getJsonNumber("accuracy").doubleValue()
                    < report.getJsonObject("baseline").getJsonNumber("accuracy").doubleValue(), report.toString());
            assertTrue(summary.getString("decision").startsWith("Kept back"), summary.getString("decision"));
            assertEquals(200, admin(http.request(MODELS + "/" + version + "/promote").POST(BodyPublishers.noBody()))
                    .statusCode());
        } else {
            assertEquals("live", summary.getString("status"), finished.toString());
            assertTrue(newF1 >= oldF1, report.toString());
            assertTrue(summary.getString("decision").startsWith("Promoted"), summary.getString("decision"));
        }
        long promotedSeenBy = System.nanoTime() + TimeUnit.SECONDS.toNanos(4); // within two polls at most
        while (System.nanoTime() < promotedSeenBy && seen.stream().noneMatch(s -> s.version() == version)) {
            Thread.sleep(100);
        }
        Thread.sleep(1000);
        done.set(true);
        for (Future<?> f : running) {
            f.get(1, TimeUnit.MINUTES);
        }
        clients.shutdown();

        List<Seen> all = List.copyOf(seen);
        assertTrue(all.size() > 20, all.size() + " parses");
        assertTrue(all.stream().allMatch(s -> s.status() == 200), "no failed request while training and swapping");
        assertTrue(all.stream().allMatch(s -> s.version() == before || s.version() == version));
        long firstNewAnswer = all.stream().filter(s -> s.version() == version).mapToLong(Seen::answeredNanos).min()
                .orElseThrow(() -> new AssertionError("the new version never answered"));
        assertTrue(all.stream().noneMatch(s -> s.version() == before && s.sentNanos() > firstNewAnswer),
                "once the new version answered, no later request was answered by the old one");

        // The report: validation metrics overall, per language and per intent, and the confusion matrix.
        assertEquals(Intent.values().length, report.getJsonObject("validation").getJsonArray("perClass").size());
        assertEquals(Intent.values().length, report.getJsonObject("validation").getJsonArray("confusion").size());
        assertEquals(List.of("en", "zh-CN", "zh-TW"), List.copyOf(report.getJsonObject("byLanguage").keySet()));
        assertEquals(before, report.getInt("baselineVersion"));
        assertTrue(report.getJsonObject("validation").getJsonNumber("accuracy").doubleValue() > 0.75, report.toString());

        // An admin puts the earlier version back (override / rollback), then the new one again.
        HttpResponse<String> rollback = admin(http.request(MODELS + "/" + before + "/promote")
                .POST(BodyPublishers.noBody()));
        assertEquals(200, rollback.statusCode(), rollback.body());
        assertEquals("live", json(rollback).getString("status"));
        assertEquals(before, awaitServed(before));
        assertEquals("retired", json(admin(http.request(MODELS + "/" + version).GET())).getJsonObject("version")
                .getString("status"));
        assertEquals(200, admin(http.request(MODELS + "/" + version + "/promote").POST(BodyPublishers.noBody()))
                .statusCode());
        assertEquals(version, awaitServed(version));
    }

    @Test
    void unknownVersionsAndStrangersAreRefused() {
        assertEquals(404, admin(http.request(MODELS + "/99999").GET()).statusCode());
        assertEquals(404, admin(http.request(MODELS + "/99999/promote").POST(BodyPublishers.noBody())).statusCode());
        assertEquals(404, admin(http.request(MODELS + "/abc").GET()).statusCode());
        assertEquals(401, http.send(http.request(MODELS).POST(BodyPublishers.noBody())).statusCode());
    }

    private JsonObject awaitReviewQueue() throws InterruptedException {
        for (int i = 0; i < 60; i++) {
            var queue = jsonArray(admin(http.request("api/v1/admin/nlu/review?limit=5").GET()));
            if (!queue.isEmpty()) {
                return queue.getJsonObject(0);
            }
            Thread.sleep(500);
        }
        throw new AssertionError("no customer turn to review");
    }

    private static int count(String sql) throws java.sql.SQLException {
        try (java.sql.Connection db = java.sql.DriverManager.getConnection(System.getenv("PARLEY_DB_URL"),
                System.getenv("PARLEY_DB_USER"), System.getenv("PARLEY_DB_PASSWORD"));
                java.sql.ResultSet rs = db.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private HttpResponse<String> admin(java.net.http.HttpRequest.Builder request) {
        return http.send(request.header("Authorization", Http.admin()));
    }

    private int liveVersion() {
        HttpResponse<String> r = admin(http.request(MODELS).GET());
        assertEquals(200, r.statusCode(), r.body());
        return jsonArray(r).stream()
                .map(JsonObject.class::cast).filter(v -> v.getString("status").equals("live"))
                .mapToInt(v -> v.getInt("version")).findFirst().orElseThrow();
    }

    private static jakarta.json.JsonArray jsonArray(HttpResponse<String> r) {
        return Http.jsonAny(r).asJsonArray();
    }

    private JsonObject awaitFinished(int version, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (true) {
            JsonObject detail = json(admin(http.request(MODELS + "/" + version).GET()));
            if (!detail.getJsonObject("version").getString("status").equals("training")
                    || System.nanoTime() > end) {
                return detail;
            }
            Thread.sleep(500);
        }
    }

    /** The version parse answers with once it is {@code expected} (or after 10 s). */
    private int awaitServed(int expected) throws InterruptedException {
        int v = -1;
        for (int i = 0; i < 40 && v != expected; i++) {
            HttpResponse<String> r = http.send(http.request("api/v1/nlu/parse").header("Content-Type", "application/json")
                    .POST(BodyPublishers.ofString("{\"text\": \"hello\"}")));
            v = Integer.parseInt(json(r).getString("modelVersion"));
            if (v != expected) {
                Thread.sleep(250);
            }
        }
        return v;
    }
}
