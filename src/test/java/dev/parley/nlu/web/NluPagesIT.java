package dev.parley.nlu.web;

import static dev.parley.testing.Http.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.testing.AdminLoginPage;
import dev.parley.testing.BlackBoxIT;
import dev.parley.testing.Browser;
import dev.parley.testing.Http;
import dev.parley.testing.ParleyServer;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The NLU admin pages in real headless Chromium, checked against the admin API and the database: the intent
 * model page (versions, report, "try it", training with progress) and the learning loop (the seeded demo
 * transcripts' customer turns, read by the live model, reviewed least sure first; every verdict lands in the
 * training data with its provenance).
 */
@BlackBoxIT
class NluPagesIT {

    private static final String QUEUE = "api/v1/admin/nlu/review";

    @ParleyServer.Base
    URL base;

    ChromeDriver browser;
    @ParleyServer.Base
    Http http;

    @AfterEach
    void close(TestInfo test) {
        if (browser != null) {
            Browser.screenshot(browser, "nlu-" + test.getTestMethod().map(java.lang.reflect.Method::getName).orElse("page"));
            browser.quit();
        }
    }

    @Test
    void theModelPageShowsVersionsAndTheirReportParsesATriedMessageAndTrains() {
        browser = Browser.start();
        browser.get(base + "admin/nlu/models.xhtml");
        new AdminLoginPage(browser).signIn("admin", "it-admin-secret");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("models:versions")));

        JsonObject live = Http.jsonAny(http.send(http.request("api/v1/admin/nlu/models").header("Authorization",
                Http.admin()).GET())).asJsonArray().getValuesAs(JsonObject.class).stream()
                .filter(v -> v.getString("status").equals("live")).findFirst().orElseThrow();
        WebElement liveRow = browser.findElement(By.cssSelector("#models\\:versions tr.version-live"));
        assertEquals(String.valueOf(live.getInt("version")), liveRow.findElement(By.className("version")).getText());
        assertEquals(String.format(java.util.Locale.ROOT, "%.1f%%", live.getJsonNumber("accuracy").doubleValue() * 100),
                liveRow.findElement(By.className("accuracy")).getText());

        // The live version's report: one confusion row and one per-intent row for each of the 28 intents.
        assertEquals(String.valueOf(live.getInt("version")), browser.findElement(By.id("report-version")).getText());
        assertEquals(28, browser.findElements(By.cssSelector("#confusion tbody tr")).size());
        assertEquals(28, browser.findElements(By.cssSelector("#models\\:intents_data tr")).size());
        JsonObject report = json(http.send(http.request("api/v1/admin/nlu/models/" + live.getInt("version"))
                .header("Authorization", Http.admin()).GET())).getJsonObject("report");
        int diagonal = 0;
        var confusion = report.getJsonObject("validation").getJsonArray("confusion");
        for (int i = 0; i < confusion.size(); i++) {
            diagonal += confusion.getJsonArray(i).getInt(i);
        }
        int shownDiagonal = browser.findElements(By.cssSelector("#confusion td.diagonal")).stream()
                .map(WebElement::getText).filter(t -> !t.isEmpty()).mapToInt(Integer::parseInt).sum();
        assertEquals(diagonal, shownDiagonal, "the matrix shows the stored counts");

        // Try it: the answer is the parse API's answer for the same text.
        String text = "我要退貨，尺寸不合";
        browser.findElement(By.id("models:text")).sendKeys(text);
        browser.findElement(By.id("models:parse")).click();
        WebElement intent = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("parsed-intent")));
        JsonObject api = json(http.send(http.request("api/v1/nlu/parse").header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"text\": \"" + text + "\"}"))));
        assertEquals(api.getJsonObject("intent").getString("name"), intent.getText());
        assertEquals(api.getString("language"), browser.findElement(By.id("parsed-language")).getText());
        List<String> shownEntities = browser.findElements(By.className("entity-type")).stream().map(WebElement::getText)
                .toList();
        List<String> apiEntities = api.getJsonArray("entities").getValuesAs(JsonObject.class).stream()
                .map(e -> e.getString("type")).toList();
        assertEquals(apiEntities, shownEntities);

        // Train from the page: a training row with a progress bar, then the finished version, without a reload.
        int rowsBefore = browser.findElements(By.cssSelector("#models\\:versions_data tr")).size();
        browser.findElement(By.id("models:train")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("tr.version-training .training-progress")));
        assertEquals(rowsBefore + 1, browser.findElements(By.cssSelector("#models\\:versions_data tr")).size());
        // The page polls every 2 s; wait for the newest row to leave "training" (re-read each time: the poll
        // replaces the table).
        String status = new WebDriverWait(browser, Duration.ofMinutes(4))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> {
                    String s = d.findElement(By.cssSelector("#models\\:versions_data tr:first-child .status")).getText();
                    return s.equals("training") ? null : s;
                });
        assertTrue(List.of("live", "rejected").contains(status), status);
    }

    @Test
    void theQueueLeadsWithFallbackThenLeastConfidentTurns() throws InterruptedException {
        JsonArray queue = awaitQueue();
        boolean seenConfident = false;
        double previous = -1;
        for (JsonObject item : queue.getValuesAs(JsonObject.class)) {
            boolean fallback = item.getBoolean("fallback");
            assertTrue(!(fallback && seenConfident), "fallback turns come first");
            if (!fallback) {
                if (!seenConfident) {
                    previous = -1;
                }
                seenConfident = true;
            }
            double confidence = item.getJsonNumber("confidence").doubleValue();
            assertTrue(confidence >= previous, "then by rising confidence: " + queue);
            previous = confidence;
            String text = item.getString("text");
            for (JsonObject e : item.getJsonArray("entities").getValuesAs(JsonObject.class)) {
                assertEquals(e.getString("text"), text.substring(e.getInt("start"), e.getInt("end")));
            }
        }
    }

    @Test
    void oneClickConfirmsOrCorrectsAndTheTurnBecomesTrainingData() throws Exception {
        awaitQueue();
        browser = Browser.start();
        browser.get(base + "admin/nlu/review.xhtml");
        new AdminLoginPage(browser).signIn("admin", "it-admin-secret");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("review:turns")));
        int pending = Integer.parseInt(browser.findElement(By.id("pending")).getText());

        // Confirm the first (least sure) turn.
        WebElement first = rows().get(0);
        long confirmedId = Long.parseLong(first.findElement(By.className("turn-text")).getAttribute("data-message"));
        String readAs = first.findElement(By.className("turn-intent")).getText();
        first.findElement(By.cssSelector("button.confirm")).click();
        wait.until(ExpectedConditions.textToBe(By.id("pending"), String.valueOf(pending - 1)));
        assertEquals(List.of("confirmed", readAs, "admin"), review(confirmedId));
        assertEquals(List.of(readAs, "transcript", "admin"), example(confirmedId));

        // Correct the next one with its second reading, one click.
        WebElement next = rows().get(0);
        long correctedId = Long.parseLong(next.findElement(By.className("turn-text")).getAttribute("data-message"));
        assertTrue(correctedId != confirmedId, "a reviewed turn leaves the queue");
        WebElement alternative = next.findElement(By.cssSelector("button.alternative"));
        String chosen = alternative.getText();
        alternative.click();
        wait.until(ExpectedConditions.textToBe(By.id("pending"), String.valueOf(pending - 2)));
        assertEquals(List.of("corrected", chosen, "admin"), review(correctedId));
        assertEquals(List.of(chosen, "transcript", "admin"), example(correctedId));
    }

    @Test
    void anAnalystReadsBothPagesButCannotTrainAndAnAgentCannotOpenThem() throws InterruptedException {
        awaitQueue();
        String analyst = "analyst" + System.nanoTime() % 100000;
        String agent = "agent" + System.nanoTime() % 100000;
        for (String[] account : new String[][] {{analyst, "analyst"}, {agent, "agent"}}) {
            HttpResponse<String> created = http.send(http.request("api/v1/admin/staff").header("Authorization",
                    Http.admin()).header("Content-Type", "application/json").POST(BodyPublishers.ofString(
                            "{\"username\":\"" + account[0] + "\",\"password\":\"a-long-password\",\"roles\":[\""
                                    + account[1] + "\"]}")));
            assertEquals(201, created.statusCode(), created.body());
        }
        browser = Browser.start();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        browser.get(base + "admin/nlu/review.xhtml");
        new AdminLoginPage(browser).signIn(analyst, "a-long-password");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("review:turns")));
        assertTrue(!rows().isEmpty(), "an analyst reviews turns");

        browser.get(base + "admin/nlu/models.xhtml");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("models:versions")));
        assertTrue(browser.findElements(By.id("models:train")).isEmpty(), "only admins train");
        assertTrue(browser.findElements(By.cssSelector("button.make-live")).isEmpty(), "only admins promote");
        assertTrue(browser.findElements(By.id("models:text")).size() == 1, "an analyst may try the model");

        browser.manage().deleteAllCookies();
        browser.get(base + "admin/nlu/models.xhtml");
        new AdminLoginPage(browser).signIn(agent, "a-long-password");
        wait.until(d -> !d.getCurrentUrl().contains("login.xhtml"));
        assertTrue(browser.findElements(By.id("models:versions")).isEmpty(), "not shown to an agent");
        assertTrue(browser.getPageSource().contains("403"), browser.getPageSource());
    }

    @Test
    void badVerdictsAreRefusedAndChangeNothing() throws Exception {
        List<JsonObject> queue = awaitQueue().getValuesAs(JsonObject.class);
        JsonObject item = queue.stream().filter(i -> i.get("markup") != null && !i.isNull("markup")
                && !i.getJsonArray("entities").isEmpty()).findFirst().orElseThrow(
                        () -> new AssertionError("no turn with entities in " + queue));
        long id = item.getJsonNumber("messageId").longValue();
        int examples = count("select count(*) from nlu_example");
        assertEquals(400, verdict(id, "{\"intent\": \"buy_a_boat\"}").statusCode());
        assertEquals(400, verdict(id, "{\"intent\": \"greeting\", \"markup\": \"[broken\"}").statusCode());
        assertEquals(400, verdict(id, "{\"intent\": \"greeting\", \"markup\": \"another text\"}").statusCode());
        assertEquals(400, verdict(id, "{").statusCode());
        assertEquals(404, verdict(987654321L, "{\"intent\": \"greeting\"}").statusCode());
        assertEquals(examples, count("select count(*) from nlu_example"), "nothing stored");

        // Entities corrected through markup (here: every span removed): the stored example has none.
        String plain = item.getString("text").strip();
        HttpResponse<String> ok = verdict(id, "{\"intent\": \"" + item.getString("intent") + "\", \"markup\": "
                + jakarta.json.Json.createValue(plain) + "}");
        assertEquals(200, ok.statusCode(), ok.body());
        assertEquals("corrected", Http.json(ok).getString("verdict"));
        assertEquals(1, count("select count(*) from nlu_example where source_ref = 'message:" + id
                + "' and entities is null"));
        assertEquals(409, verdict(id, "{\"intent\": \"greeting\"}").statusCode(), "reviewed once");
    }

    private HttpResponse<String> verdict(long id, String body) {
        return http.send(http.request(QUEUE + "/" + id).header("Authorization", Http.admin())
                .header("Content-Type", "application/json").POST(BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    private List<WebElement> rows() {
        return browser.findElements(By.cssSelector("#review\\:turns_data tr.turn"));
    }

    private JsonArray awaitQueue() throws InterruptedException {
        for (int i = 0; i < 60; i++) {
            HttpResponse<String> r = http.send(http.request(QUEUE + "?limit=50").header("Authorization", Http.admin()).GET());
            assertEquals(200, r.statusCode(), r.body());
            JsonArray queue = Http.jsonAny(r).asJsonArray();
            if (queue.size() >= 10) {
                assertTrue(Integer.parseInt(r.headers().firstValue("X-Total-Count").orElseThrow()) >= queue.size());
                return queue;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the seeded transcripts were not read by the model");
    }

    private static List<String> review(long messageId) throws SQLException {
        return row("select verdict, intent, reviewed_by from turn_review where message_id = ?", messageId);
    }

    private static List<String> example(long messageId) throws SQLException {
        return row("select intent, source, confirmed_by from nlu_example where source_ref = ?", "message:" + messageId);
    }

    private static List<String> row(String sql, Object key) throws SQLException {
        try (Connection db = connect(); PreparedStatement ps = db.prepareStatement(sql)) {
            ps.setObject(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                List<String> out = new ArrayList<>();
                if (rs.next()) {
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        out.add(rs.getString(i));
                    }
                }
                return out;
            }
        }
    }

    private static int count(String sql) throws SQLException {
        try (Connection db = connect(); ResultSet rs = db.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(System.getenv("PARLEY_DB_URL"), System.getenv("PARLEY_DB_USER"),
                System.getenv("PARLEY_DB_PASSWORD"));
    }
}
