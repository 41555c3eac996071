package dev.parley.nlu;

import static dev.parley.testing.Http.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.nlu.training.AnnotatedUtterance;
import dev.parley.nlu.training.TextKey;
import dev.parley.testing.BlackBoxIT;
import dev.parley.testing.Http;
import dev.parley.testing.ParleyServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.net.URL;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code POST /api/v1/nlu/parse} on the real server, with the model it trained on its first start; and the
 * training data that server seeded into the real database.
 */
@BlackBoxIT
class NluParseIT {

    private static final String PARSE = "api/v1/nlu/parse";
    private static final Set<String> INTENTS = java.util.Arrays.stream(Intent.values()).map(Intent::wireName)
            .collect(Collectors.toSet());

    @ParleyServer.Base
    URL base;

    @ParleyServer.Base
    Http http;

    private HttpResponse<String> parse(String body) {
        return http.send(http.request(PARSE).header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    private JsonObject parse(String text, String locale) {
        var b = Json.createObjectBuilder().add("text", text);
        if (locale != null) {
            b.add("locale", locale);
        }
        HttpResponse<String> r = parse(b.build().toString());
        assertEquals(200, r.statusCode(), r.body());
        return json(r);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "where is my order #10482? it still hasn't arrived|en|order_status|en",
        "我想退貨，衣服太小了|zh-TW|return_refund|zh-TW",
        "我要找人工客服|zh-CN|human_handoff|zh-CN",
        "哈囉～|zh-TW|greeting|zh-TW",
        "can I use a coupon code on this order?|en|apply_coupon|en",
        "運費怎麼算？寄到台中要幾天|zh-TW|shipping_info|zh-TW"})
    void answersTheContractShapeWithTheRightIntentAndLanguage(String text, String locale, String intent,
            String language) {
        JsonObject r = parse(text, locale);
        assertEquals(intent, r.getJsonObject("intent").getString("name"), r.toString());
        assertEquals(language, r.getString("language"));
        double confidence = r.getJsonObject("intent").getJsonNumber("confidence").doubleValue();
        assertTrue(confidence > 0 && confidence <= 1, r.toString());
        var ranking = r.getJsonArray("ranking").getValuesAs(JsonObject.class);
        assertEquals(5, ranking.size());
        assertEquals(intent, ranking.get(0).getString("name"));
        double previous = 2;
        for (JsonObject o : ranking) {
            assertTrue(INTENTS.contains(o.getString("name")), o.toString());
            double c = o.getJsonNumber("confidence").doubleValue();
            assertTrue(c <= previous, "ranking best first");
            previous = c;
        }
        assertFalse(r.getString("modelVersion").isBlank());
        assertEquals(confidence < r.getJsonNumber("threshold").doubleValue(), r.getBoolean("uncertain"));
    }

    @Test
    void entitiesCarryCanonicalValuesAndOffsetsIntoTheText() {
        String text = "waterproof black coat under NT$4,000 in size M from Plum Rain Co.";
        JsonObject r = parse(text, "en");
        List<JsonObject> entities = r.getJsonArray("entities").getValuesAs(JsonObject.class);
        for (JsonObject e : entities) {
            assertEquals(e.getString("text"), text.substring(e.getInt("start"), e.getInt("end")), e.toString());
        }
        assertEquals("waterproof", value(entities, "attribute"));
        assertEquals("black", value(entities, "color"));
        assertEquals("coat", value(entities, "category"));
        assertEquals("M", value(entities, "size"));
        assertEquals("plum rain co.", value(entities, "brand"), "a vendor of the demo catalog");
        JsonObject price = entities.stream().filter(e -> e.getString("type").equals("price_max")).findFirst()
                .orElseThrow();
        assertEquals(0, new BigDecimal("4000").compareTo(price.getJsonNumber("value").bigDecimalValue()),
                "price bounds are numbers");

        String zh = "這件coat有M號嗎？兩千以內";
        List<JsonObject> zhEntities = parse(zh, null).getJsonArray("entities").getValuesAs(JsonObject.class);
        assertEquals("coat", value(zhEntities, "category"));
        assertEquals("M", value(zhEntities, "size"));
        for (JsonObject e : zhEntities) {
            assertEquals(e.getString("text"), zh.substring(e.getInt("start"), e.getInt("end")));
        }
    }

    @Test
    void aProductTitleInTheMessageResolvesToItsCatalogId() {
        HttpResponse<String> search = http.get("api/v1/products?q=jacket&inStock=true");
        assertEquals(200, search.statusCode(), search.body());
        JsonObject card = json(search).getJsonArray("items").getJsonObject(0);
        String text = "Is the " + card.getString("title") + " waterproof?";
        List<JsonObject> entities = parse(text, "en").getJsonArray("entities").getValuesAs(JsonObject.class);
        JsonObject product = entities.stream().filter(e -> e.getString("type").equals("product")).findFirst()
                .orElseThrow(() -> new AssertionError("no product in " + entities));
        assertEquals(card.getString("productId"), product.getString("value"));
        assertEquals(card.getString("title"), product.getString("text"));
        assertEquals(card.getString("title"), text.substring(product.getInt("start"), product.getInt("end")));
    }

    @Test
    void aNewVendorInTheCatalogBecomesABrandWithinSeconds() throws InterruptedException {
        String csv = "Handle,Title,Vendor,Type,Tags,Option1 Name,Option1 Value,Variant SKU,Variant Inventory Qty,"
                + "Variant Price\nnlu-it-scarf,Heron Scarf,Heronwick Atelier,scarf,wool,Color,teal,NLU-IT-1,3,990\n";
        HttpResponse<String> imported = http.send(http.request("api/v1/admin/catalog/import")
                .header("Authorization", Http.admin()).header("Content-Type", "text/csv")
                .POST(BodyPublishers.ofString(csv, StandardCharsets.UTF_8)));
        assertEquals(200, imported.statusCode(), imported.body());
        String brand = null;
        for (int i = 0; i < 40 && brand == null; i++) {
            brand = valueOrNull(parse("anything from Heronwick Atelier?", "en").getJsonArray("entities")
                    .getValuesAs(JsonObject.class), "brand");
            if (brand == null) {
                Thread.sleep(250);
            }
        }
        assertEquals("heronwick atelier", brand);
    }

    @Test
    void badInputGetsA4xxProblemAndOddInputAnAnswerNeverA5xx() {
        for (String body : List.of("", "{", "[]", "{\"text\": {\"a\": 1}}", "{\"locale\": \"en\"}", "{\"text\": \"\"}",
                "{\"text\": \"   \\n\\t \"}", "{\"text\": \"hi\", \"locale\": \"fr\"}",
                "{\"text\": \"" + "a".repeat(2001) + "\"}")) {
            HttpResponse<String> r = parse(body);
            assertTrue(r.statusCode() >= 400 && r.statusCode() < 500, body + " → " + r.statusCode() + " " + r.body());
            assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                    body + " → " + r.headers().map());
        }
        HttpResponse<String> wrongType = http.send(http.request(PARSE).header("Content-Type", "text/plain")
                .POST(BodyPublishers.ofString("hello")));
        assertEquals(415, wrongType.statusCode());

        List<String> odd = new ArrayList<>(List.of("a".repeat(2000), "字".repeat(2000), "😀🔥👍", "🙂".repeat(2000),
                "這件coat有M號嗎 but in 黑色 please", "1234567890",
                "<script>alert(1)</script>", "SELECT * FROM product; --"));
        List<String> rawJson = List.of("{\"text\": 5}", "{\"text\": \"\\ud800 lone surrogate\"}",
                "{\"text\": \"\\u0000\\u0007 control\"}", "{\"text\": \"hi\", \"extra\": [1, 2]}");
        Random random = new Random(42);
        for (int i = 0; i < 5; i++) {
            StringBuilder s = new StringBuilder();
            for (int k = 0; k < 300; k++) {
                s.append((char) random.nextInt(0xFFFF));
            }
            odd.add(s.toString());
        }
        List<String> bodies = new ArrayList<>(rawJson);
        odd.forEach(text -> bodies.add(Json.createObjectBuilder().add("text", text).build().toString()));
        for (String json : bodies) {
            String text = json;
            HttpResponse<String> r = parse(json);
            assertTrue(r.statusCode() == 200 || r.statusCode() >= 400 && r.statusCode() < 500,
                    text.substring(0, Math.min(20, text.length())) + " → " + r.statusCode() + " " + r.body());
            if (r.statusCode() == 200) {
                assertTrue(INTENTS.contains(json(r).getJsonObject("intent").getString("name")));
            }
        }
        byte[] randomBytes = new byte[512];
        random.nextBytes(randomBytes);
        HttpResponse<String> bytes = http.send(http.request(PARSE).header("Content-Type", "application/json")
                .POST(BodyPublishers.ofByteArray(randomBytes)));
        assertTrue(bytes.statusCode() >= 400 && bytes.statusCode() < 500, bytes.statusCode() + " " + bytes.body());
    }

    private static String value(List<JsonObject> entities, String type) {
        String v = valueOrNull(entities, type);
        assertTrue(v != null, "no " + type + " in " + entities);
        return v;
    }

    private static String valueOrNull(List<JsonObject> entities, String type) {
        return entities.stream().filter(e -> e.getString("type").equals(type)).map(e -> e.getString("value"))
                .findFirst().orElse(null);
    }

    @Test
    void theBaseTrainingDataHasProvenanceAndTheHeldOutSplitNeverTouchesIt() throws Exception {
        Set<String> trainingKeys = new java.util.HashSet<>();
        java.util.Map<String, Integer> perLanguageIntent = new java.util.HashMap<>();
        try (java.sql.Connection db = java.sql.DriverManager.getConnection(System.getenv("PARLEY_DB_URL"),
                System.getenv("PARLEY_DB_USER"), System.getenv("PARLEY_DB_PASSWORD"));
                java.sql.ResultSet rs = db.createStatement().executeQuery(
                        "select language, intent, text, text_key, source, source_ref from nlu_example")) {
            while (rs.next()) {
                String language = rs.getString(1);
                trainingKeys.add(language + " " + rs.getString(4));
                assertEquals(TextKey.of(rs.getString(3)), rs.getString(4));
                if (rs.getString(5).equals("seed")) {
                    perLanguageIntent.merge(language + "/" + rs.getString(2), 1, Integer::sum);
                    assertTrue(rs.getString(6).startsWith("db/seed/nlu/train/" + language + "/" + rs.getString(2)
                            + ".txt:"), rs.getString(6));
                } else {
                    assertEquals("transcript", rs.getString(5), "a reviewed turn is the only other source");
                    assertTrue(rs.getString(6).startsWith("message:"), rs.getString(6));
                }
            }
        }
        for (String language : new String[] {"en", "zh-TW", "zh-CN"}) {
            for (Intent intent : Intent.values()) {
                int n = perLanguageIntent.getOrDefault(language + "/" + intent.wireName(), 0);
                assertTrue(n >= 60, language + "/" + intent.wireName() + " has " + n + " training examples");
            }
        }
        int heldOut = 0;
        for (String language : new String[] {"en", "zh-TW", "zh-CN"}) {
            for (Intent intent : Intent.values()) {
                java.nio.file.Path file = java.nio.file.Path.of("db", "seed", "nlu", "heldout", language,
                        intent.wireName() + ".txt");
                for (String line : java.nio.file.Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    if (line.isBlank() || line.startsWith("#")) {
                        continue;
                    }
                    String key = TextKey.of(AnnotatedUtterance.parse(line.strip()).text());
                    assertFalse(trainingKeys.contains(language + " " + key), "held-out line in training: " + line);
                    heldOut++;
                }
            }
        }
        assertTrue(heldOut > 1000, "the held-out split was read: " + heldOut);
    }
}
