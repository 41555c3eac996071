package dev.parley.rules;

import static dev.parley.testing.Http.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.testing.BlackBoxIT;
import dev.parley.testing.Db;
import dev.parley.testing.Http;
import dev.parley.testing.ParleyServer;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URL;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Rules on the running server: quotes and offers come from the published rules; a published change takes
 * effect on the next request without restart and rollback restores it; a DRL that does not compile is
 * refused with its position and changes nothing; a rule that loops is cut off and the last good version
 * answers, with an alert. Each test leaves the live version and the draft as it found them.
 */
@BlackBoxIT
class RulesIT {

    private static final String RULES = "api/v1/admin/rules";
    private static final String TABLE = "promotions/catalog-promotions.csv";

    @ParleyServer.Base
    URL base;

    @ParleyServer.Base
    Http http;

    /** An active coat variant and its catalog price, from the database. */
    private record Sku(String sku, BigDecimal price) {
    }

    private static Sku sku(String type, String minPrice) {
        List<Object> row = Db.rows("select v.sku, v.price from variant v join product p on p.id = v.product_id "
                + "where p.product_type = ? and p.status = 'active' and v.price >= ? order by v.sku limit 1",
                type, new BigDecimal(minPrice)).get(0);
        return new Sku((String) row.get(0), (BigDecimal) row.get(1));
    }

    private HttpResponse<String> quote(String body) {
        return http.send(http.request("api/v1/quotes").header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString(body)));
    }

    private static String cart(Sku s, int quantity) {
        return "{\"items\": [{\"sku\": \"" + s.sku() + "\", \"quantity\": " + quantity + "}], \"locale\": \"en\"}";
    }

    private static BigDecimal money(JsonObject m) {
        return new BigDecimal(m.getString("amount"));
    }

    private static BigDecimal discount(JsonObject quote, String code) {
        return quote.getJsonArray("discounts").stream().map(JsonObject.class::cast)
                .filter(d -> d.getString("code").equals(code)).map(d -> money(d.getJsonObject("amount")))
                .reduce(BigDecimal::add).orElse(null);
    }

    private int liveVersion() {
        HttpResponse<String> r = http.asAdmin(http.request(RULES).GET());
        assertEquals(200, r.statusCode(), r.body());
        return json(r).getJsonObject("published").getInt("version");
    }

    private String draftFile(String name) {
        HttpResponse<String> r = http.asAdmin(http.request(RULES + "/" + name).GET());
        assertEquals(200, r.statusCode(), r.body());
        return json(r).getString("content");
    }

    private HttpResponse<String> put(String name, String content) {
        return http.asAdmin(http.request(RULES + "/" + name).header("Content-Type", "text/plain; charset=UTF-8")
                .PUT(BodyPublishers.ofString(content)));
    }

    private int publish(String note) {
        HttpResponse<String> r = http.asAdmin(http.request(RULES + "/publish").header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString("{\"note\": \"" + note + "\"}")));
        assertEquals(200, r.statusCode(), r.body());
        return json(r).getInt("version");
    }

    private void rollback(int version) {
        HttpResponse<String> r = http.asAdmin(http.request(RULES + "/rollback/" + version).POST(BodyPublishers.noBody()));
        assertEquals(200, r.statusCode(), r.body());
    }

    private JsonObject offers(String locale) {
        HttpResponse<String> r = http.get("api/v1/offers?locale=" + locale);
        assertEquals(200, r.statusCode(), r.body());
        return json(r);
    }

    private static String offerText(JsonObject offers, String code) {
        return offers.getJsonArray("promotions").stream().map(JsonObject.class::cast)
                .filter(o -> o.getString("code").equals(code)).map(o -> o.getString("description")).findFirst()
                .orElse(null);
    }

    @Test
    void aQuoteIsPricedFromTheCatalogAndThePublishedRules() {
        Sku coat = sku("coat", "2000");
        HttpResponse<String> r = quote("{\"items\": [{\"sku\": \"" + coat.sku() + "\", \"quantity\": 1}], "
                + "\"coupon\": \"nosuchcode\", \"shipping\": {\"country\": \"TW\", \"postalCode\": \"880\"}, \"locale\": \"zh-TW\"}");
        assertEquals(200, r.statusCode(), r.body());
        JsonObject q = json(r);
        assertEquals("TWD", q.getString("currency"));
        JsonObject item = q.getJsonArray("items").getJsonObject(0);
        assertEquals(coat.sku(), item.getString("sku"));
        assertEquals(0, coat.price().compareTo(money(item.getJsonObject("unitPrice"))), "the catalog price");
        BigDecimal expected = coat.price().multiply(new BigDecimal("0.15")).setScale(2, RoundingMode.HALF_UP);
        assertEquals(0, expected.compareTo(discount(q, "WINTER-COATS")), q.toString());
        assertEquals("冬季大衣 85 折", q.getJsonArray("discounts").stream().map(JsonObject.class::cast)
                .filter(d -> d.getString("code").equals("WINTER-COATS")).findFirst().orElseThrow().getString("description"));
        assertEquals("TW-ISLANDS", q.getJsonObject("shippingQuote").getString("region"));
        JsonObject coupon = q.getJsonArray("coupons").getJsonObject(0);
        assertFalse(coupon.getBoolean("accepted"));
        assertEquals("coupon.unknown", coupon.getString("clause"));
        BigDecimal subtotal = money(q.getJsonObject("subtotal"));
        BigDecimal discounts = q.getJsonArray("discounts").stream().map(JsonObject.class::cast)
                .map(d -> money(d.getJsonObject("amount"))).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertEquals(0, subtotal.subtract(discounts).add(money(q.getJsonObject("shipping")))
                .compareTo(money(q.getJsonObject("total"))), "total = subtotal - discounts + shipping");
        assertEquals(liveVersion(), q.getInt("rulesVersion"));
    }

    @Test
    void aPublishedPromotionChangeTakesEffectAtOnceAndRollbackRestoresIt() {
        int before = liveVersion();
        String original = draftFile(TABLE);
        Sku coat = sku("coat", "2000");
        BigDecimal fifteen = discount(json(quote(cart(coat, 1))), "WINTER-COATS");
        String oldText = offerText(offers("en"), "WINTER-COATS");
        assertEquals("Winter coats 15% off", oldText);

        String changed = original.replace("WINTER-COATS,15,", "WINTER-COATS,30,")
                .replace("Winter coats 15% off,冬季大衣 85 折,冬季大衣 85 折", "Winter coats 30% off,冬季大衣 7 折,冬季大衣 7 折");
        assertNotEquals(original, changed);
        HttpResponse<String> saved = put(TABLE, changed);
        assertEquals(200, saved.statusCode(), saved.body());
        assertTrue(json(saved).getBoolean("valid"));
        assertEquals(0, fifteen.compareTo(discount(json(quote(cart(coat, 1))), "WINTER-COATS")),
                "a saved draft changes nothing until it is published");

        long newest = Db.number("select coalesce(max(version), 0) from rule_version");
        int published = publish("Winter coats to 30%");
        try {
            assertEquals(newest + 1, published, "publishing makes the next version");
            JsonObject q = json(quote(cart(coat, 1)));
            assertEquals(published, q.getInt("rulesVersion"));
            assertEquals(0, coat.price().multiply(new BigDecimal("0.30")).setScale(2, RoundingMode.HALF_UP)
                    .compareTo(discount(q, "WINTER-COATS")), "the next quote uses the new rules");
            assertEquals("Winter coats 30% off", offerText(offers("en"), "WINTER-COATS"), "and so do the offers");
            assertEquals("冬季大衣 7 折", offerText(offers("zh-TW"), "WINTER-COATS"));
            JsonArray diff = jsonArray(http.asAdmin(http.request(RULES + "/diff?from=" + before + "&to=" + published).GET()));
            assertEquals(TABLE, diff.getJsonObject(0).getString("name"));
            String unified = diff.getJsonObject(0).getString("diff");
            assertTrue(unified.contains("\n-Winter coats 15% off,WINTER-COATS,15,")
                    && unified.contains("\n+Winter coats 15% off,WINTER-COATS,30,"), unified);
        } finally {
            rollback(before);
        }
        JsonObject back = json(quote(cart(coat, 1)));
        assertEquals(before, back.getInt("rulesVersion"));
        assertEquals(0, fifteen.compareTo(discount(back, "WINTER-COATS")), "rollback restores the old promotion");
        assertEquals("Winter coats 15% off", offerText(offers("en"), "WINTER-COATS"));
        assertEquals(200, put(TABLE, original).statusCode());
        assertTrue(Db.number("select count(*) from rule_audit where action = 'rollback' and version = ?", before) >= 1,
                "the rollback is audited");
        assertTrue(Db.number("select count(*) from rule_audit where action = 'publish' and version = ? and actor = 'admin'",
                published) == 1, "the publish is audited with who did it");
    }

    @Test
    void aDrlThatDoesNotCompileIsRefusedWithItsPositionAndNothingChanges() {
        int before = liveVersion();
        String name = "promotions/seasonal.drl";
        String original = draftFile(name);
        String bad = original + "\nrule \"Broken on purpose\"\nwhen\n    Cart( subtotal >>> 1 )\nthen\nend\n";
        int badLine = (int) original.lines().count() + 4;
        HttpResponse<String> r = put(name, bad);
        assertEquals(422, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        JsonObject problem = json(r);
        JsonObject error = problem.getJsonArray("errors").getJsonObject(0);
        assertEquals(name, error.getString("field"));
        assertEquals(badLine, error.getInt("line"), problem.toString());
        assertTrue(error.getInt("column") > 0);
        assertEquals(original, draftFile(name), "the draft is unchanged");
        assertEquals(before, liveVersion(), "nothing was published");
    }

    @Test
    void aRuleThatLoopsIsCutOffAndTheLastGoodVersionAnswers() {
        int before = liveVersion();
        Sku coat = sku("coat", "2000");
        BigDecimal good = discount(json(quote(cart(coat, 7))), "WINTER-COATS");
        String loop = "package promotions;\n\nimport dev.parley.rules.facts.*;\n\n"
                + "rule \"Seven of anything loops\"\nwhen\n    CartLine( quantity == 7 )\n    Today()\nthen\n"
                + "    insert(new Today(java.time.LocalDate.now()));\nend\n";
        assertEquals(200, put("promotions/loop.drl", loop).statusCode());
        int looping = publish("a rule that loops on seven units");
        try {
            HttpResponse<String> r = quote(cart(coat, 7));
            assertEquals(200, r.statusCode(), r.body());
            JsonObject q = json(r);
            assertTrue(q.getBoolean("fellBack"), q.toString());
            assertEquals(before, q.getInt("rulesVersion"), "the last good version answered");
            assertEquals(0, good.compareTo(discount(q, "WINTER-COATS")));
            JsonObject normal = json(quote(cart(coat, 1)));
            assertEquals(looping, normal.getInt("rulesVersion"), "other carts are still served by the live version");
            assertFalse(normal.getBoolean("fellBack"));
            JsonObject alert = jsonArray(http.asAdmin(http.request(RULES + "/alerts").GET())).getJsonObject(0);
            assertEquals(looping, alert.getInt("version"));
            // Either guard may stop it first: the fire limit on a quiet machine, the clock on a loaded one.
            assertTrue(java.util.Set.of("FIRE_LIMIT", "TIMEOUT").contains(alert.getString("failure")), alert.toString());
            assertEquals("Seven of anything loops", alert.getString("rule"));
            assertEquals(before, alert.getInt("fallback"));
        } finally {
            assertEquals(200, http.asAdmin(http.request(RULES + "/promotions/loop.drl").DELETE()).statusCode());
            rollback(before);
        }
    }

    @Test
    void aRuleThatLoopsOnEveryCartCannotBePublished() {
        int before = liveVersion();
        String loop = "package promotions;\n\nimport dev.parley.rules.facts.*;\n\n"
                + "rule \"Every cart loops\"\nwhen\n    Cart()\n    Today()\nthen\n"
                + "    insert(new Today(java.time.LocalDate.now()));\nend\n";
        assertEquals(200, put("promotions/always-loops.drl", loop).statusCode());
        try {
            HttpResponse<String> r = http.asAdmin(http.request(RULES + "/publish").POST(BodyPublishers.noBody()));
            assertEquals(422, r.statusCode(), r.body());
            assertTrue(json(r).getString("detail").contains("trial run"), r.body());
            assertEquals("Every cart loops", json(r).getJsonArray("errors").getJsonObject(0).getString("field"));
            assertEquals(before, liveVersion());
        } finally {
            assertEquals(200, http.asAdmin(http.request(RULES + "/promotions/always-loops.drl").DELETE()).statusCode());
        }
    }

    @Test
    void badRequestsGetProblemsAndChangeNothing() {
        int before = liveVersion();
        long audit = Db.number("select count(*) from rule_audit");
        Sku coat = sku("coat", "0");
        List<HttpResponse<String>> answers = List.of(
                put("promotions/Offers.DRL", "x"),
                put("promotions/notes.txt", "x"),
                http.asAdmin(http.request(RULES + "/promotions/empty.drl").header("Content-Type", "text/plain")
                        .PUT(BodyPublishers.noBody())),
                http.asAdmin(http.request(RULES + "/promotions/missing.drl").DELETE()),
                http.asAdmin(http.request(RULES + "/rollback/99999").POST(BodyPublishers.noBody())),
                http.asAdmin(http.request(RULES + "/diff?from=abc").GET()),
                quote("{\"items\": [{\"sku\": \"NO-SUCH-SKU\", \"quantity\": 1}]}"),
                quote("{\"items\": [{\"sku\": \"" + coat.sku() + "\", \"quantity\": 0}]}"),
                quote("{\"items\": [{\"sku\": \"" + coat.sku() + "\", \"quantity\": 1}], \"shopper\": {\"tier\": \"gold\"}}"),
                quote("{\"items\": ["),
                quote("{}"),
                http.get("api/v1/policies/no-such-topic"));
        List<Integer> statuses = answers.stream().map(HttpResponse::statusCode).toList();
        assertEquals(List.of(400, 400, 400, 404, 404, 400, 404, 400, 400, 400, 400, 404), statuses,
                answers.stream().map(HttpResponse::body).toList().toString());
        for (HttpResponse<String> a : answers) {
            assertTrue(a.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"), a.body());
        }
        assertEquals(before, liveVersion());
        assertEquals(audit, Db.number("select count(*) from rule_audit"), "nothing was saved");
        HttpResponse<String> anonymous = http.send(http.request(RULES).GET());
        assertEquals(401, anonymous.statusCode());
    }

    @Test
    void policiesAndShippingOptionsComeFromTheRules() {
        HttpResponse<String> returns = http.get("api/v1/policies/returns?locale=zh-CN");
        assertEquals(200, returns.statusCode(), returns.body());
        JsonObject window = jsonArray(returns).stream().map(JsonObject.class::cast)
                .filter(s -> s.getString("clause").equals("returns.window")).findFirst().orElseThrow();
        assertEquals("30", window.getString("value"));
        assertTrue(window.getString("text").contains("30 天"));
        assertEquals("Returns are accepted within 30 days of delivery", window.getString("rule"));
        HttpResponse<String> options = http.get("api/v1/shipping/options?country=TW&postalCode=106&locale=en");
        JsonArray methods = jsonArray(options);
        JsonObject standard = methods.stream().map(JsonObject.class::cast)
                .filter(o -> o.getString("method").equals("standard")).findFirst().orElseThrow();
        assertEquals(0, new BigDecimal("100").compareTo(standard.getJsonNumber("fee").bigDecimalValue()));
        assertEquals(0, new BigDecimal("1500").compareTo(standard.getJsonNumber("freeFrom").bigDecimalValue()));
        assertEquals(3, methods.size(), "standard, convenience store and express on the main island");
    }

    @Test
    void aMerchandiserMayEditRulesAndAnAgentMayNot() {
        String merch = "merch" + System.nanoTime() % 100000;
        String agent = "agent" + System.nanoTime() % 100000;
        for (String[] account : new String[][] {{merch, "merchandiser"}, {agent, "agent"}}) {
            HttpResponse<String> created = http.asAdmin(http.request("api/v1/admin/staff")
                    .header("Content-Type", "application/json").POST(BodyPublishers.ofString("{\"username\":\""
                            + account[0] + "\",\"password\":\"a-long-password\",\"roles\":[\"" + account[1] + "\"]}")));
            assertEquals(201, created.statusCode(), created.body());
        }
        HttpRequest.Builder asMerch = http.request(RULES + "/simulate").header("Content-Type", "application/json")
                .header("Authorization", Http.basic(merch, "a-long-password"))
                .POST(BodyPublishers.ofString("{\"items\": [{\"sku\": \"" + sku("coat", "0").sku()
                        + "\", \"quantity\": 1}], \"shopper\": {\"tier\": \"gold\"}}"));
        HttpResponse<String> simulated = http.send(asMerch);
        assertEquals(200, simulated.statusCode(), simulated.body());
        JsonObject s = json(simulated);
        assertTrue(s.getJsonObject("draft").getJsonArray("discounts").stream().map(JsonObject.class::cast)
                .anyMatch(d -> d.getString("code").equals("GOLD10")), "the simulated shopper's tier is used");
        assertEquals(liveVersion(), s.getJsonObject("published").getInt("rulesVersion"));
        HttpResponse<String> asAgent = http.send(http.request(RULES).header("Authorization",
                Http.basic(agent, "a-long-password")).GET());
        assertEquals(403, asAgent.statusCode());
    }

    private static JsonArray jsonArray(HttpResponse<String> r) {
        return Json.createReader(new StringReader(r.body())).readArray();
    }
}
