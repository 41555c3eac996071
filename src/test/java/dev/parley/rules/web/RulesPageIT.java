package dev.parley.rules.web;

import static dev.parley.testing.Http.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.testing.AdminLoginPage;
import dev.parley.testing.BlackBoxIT;
import dev.parley.testing.Browser;
import dev.parley.testing.Db;
import dev.parley.testing.Http;
import dev.parley.testing.ParleyServer;
import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The rules page in real headless Chromium, as a merchandiser: the editor highlights DRL, a broken save shows
 * the compiler's message on its line and changes nothing, a fixed change is simulated against the live rules,
 * published (the API's quote changes) and rolled back from the version list; the audit log names who did it.
 */
@BlackBoxIT
class RulesPageIT {

    private static final String FILE = "promotions/seasonal.drl";

    @ParleyServer.Base
    URL base;

    ChromeDriver browser;
    @ParleyServer.Base
    Http http;

    @AfterEach
    void close(TestInfo test) {
        if (browser != null) {
            Browser.screenshot(browser, "rules-" + test.getTestMethod().map(java.lang.reflect.Method::getName).orElse("page"));
            browser.quit();
        }
    }

    private int liveVersion() {
        return json(http.asAdmin(http.request("api/v1/admin/rules").GET())).getJsonObject("published").getInt("version");
    }

    private String draft(String name) {
        return json(http.asAdmin(http.request("api/v1/admin/rules/" + name).GET())).getString("content");
    }

    private static String spend2000(JsonObject quote) {
        return quote.getJsonArray("discounts").stream().map(JsonObject.class::cast)
                .filter(d -> d.getString("code").equals("SPEND2000")).map(d -> d.getJsonObject("amount").getString("amount"))
                .findFirst().orElse(null);
    }

    @Test
    void aMerchandiserEditsSimulatesPublishesAndRollsBack() {
        String merch = "merch" + System.nanoTime() % 100000;
        HttpResponse<String> created = http.asAdmin(http.request("api/v1/admin/staff").header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString("{\"username\":\"" + merch
                        + "\",\"password\":\"a-long-password\",\"roles\":[\"merchandiser\"]}")));
        assertEquals(201, created.statusCode(), created.body());
        int before = liveVersion();
        String original = draft(FILE);
        String tee = (String) Db.rows("select v.sku from variant v join product p on p.id = v.product_id "
                + "where p.product_type = 't-shirt' and p.status = 'active' and v.price between 700 and 1900 "
                + "order by v.sku limit 1").get(0).get(0);
        String cart = "{\"items\": [{\"sku\": \"" + tee + "\", \"quantity\": 3}], \"locale\": \"en\"}";

        browser = Browser.start();
        browser.get(base + "admin/rules/index.xhtml");
        new AdminLoginPage(browser).signIn(merch, "a-long-password");
        RulesPage page = new RulesPage(browser);
        assertEquals(String.valueOf(before), page.liveVersion());

        page.open(FILE);
        assertEquals(original, page.source(), "the editor shows the draft file");
        assertTrue(page.keywords().containsAll(java.util.List.of("rule", "when", "then", "end", "insert")),
                "DRL keywords are highlighted: " + page.keywords());

        // A syntax error: refused with the compiler's message on its line; the draft is unchanged.
        String withError = original + "\nrule \"Broken\"\nwhen\n    Cart( subtotal >>> 1 )\nthen\nend\n";
        int errorLine = (int) original.lines().count() + 4;
        page.type(withError);
        page.save();
        assertTrue(page.message().contains("do not compile"), page.message());
        assertTrue(page.problems().get(0).contains(FILE + ", line " + errorLine), page.problems().toString());
        assertTrue(page.markedLines().contains(errorLine), "line " + errorLine + " is marked: " + page.markedLines());
        assertEquals(original, draft(FILE), "nothing was saved");

        // A real change: the first threshold saves NT$250 instead of NT$200.
        String changed = original.replace("Promotion.spendThreshold(\"SPEND2000\", 2000, 200)",
                "Promotion.spendThreshold(\"SPEND2000\", 2000, 250)");
        page.type(changed);
        page.save();
        assertTrue(page.message().contains("Saved " + FILE), page.message());
        assertEquals(changed, draft(FILE));

        page.simulate(tee + " x 3");
        String[] row = page.comparison("− SPEND2000");
        assertEquals("250.00", row[1], "the draft gives 250");
        assertEquals("200.00", row[2], "the live rules still give 200");
        assertTrue(row[3].contains("changed"));
        assertEquals("200.00", spend2000(json(http.send(http.request("api/v1/quotes")
                .header("Content-Type", "application/json").POST(BodyPublishers.ofString(cart))))));

        assertTrue(page.pendingDiff().contains("\n+    insert(Promotion.spendThreshold(\"SPEND2000\", 2000, 250)"),
                page.pendingDiff());
        long next = Db.number("select coalesce(max(version), 0) + 1 from rule_version");
        String published = page.publish("NT$250 off from NT$2,000");
        assertTrue(published.startsWith("Published version " + next), published);
        assertEquals(next, liveVersion());
        assertEquals("250.00", spend2000(json(http.send(http.request("api/v1/quotes")
                .header("Content-Type", "application/json").POST(BodyPublishers.ofString(cart))))),
                "the next quote uses the published rules");

        page.makeLive(before);
        assertTrue(page.message().contains("Version " + before + " is live again"), page.message());
        assertEquals(before, liveVersion());
        assertEquals("200.00", spend2000(json(http.send(http.request("api/v1/quotes")
                .header("Content-Type", "application/json").POST(BodyPublishers.ofString(cart))))));
        String audit = String.join("\n", page.auditActions());
        assertTrue(audit.contains(merch) && audit.contains("rollback") && audit.contains("publish") && audit.contains("save"),
                audit);

        HttpResponse<String> restored = http.asAdmin(http.request("api/v1/admin/rules/" + FILE)
                .header("Content-Type", "text/plain; charset=UTF-8").PUT(BodyPublishers.ofString(original)));
        assertEquals(200, restored.statusCode(), restored.body());
    }
}
