package dev.parley.conversation;

import static dev.parley.testing.Http.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
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
import java.net.URL;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The chat API on the real server: conversations in three languages whose answers about deals, shipping and
 * returns are the published rules' own (checked against the pricing and policy API); a published promotion
 * change changes what the assistant says about deals, and rollback restores it; shopper text is stored and
 * returned as text with what the NLU read; bad input changes nothing.
 */
@BlackBoxIT
class ConversationIT {

    @ParleyServer.Base
    URL base;

    @ParleyServer.Base
    Http http;

    private HttpResponse<String> post(String path, String body) {
        return http.send(http.request(path).header("Content-Type", "application/json").POST(BodyPublishers.ofString(body)));
    }

    private String start(String locale) {
        HttpResponse<String> r = post("api/v1/conversations", "{\"channel\": \"web\", \"locale\": \"" + locale
                + "\", \"anonymousId\": \"it-" + System.nanoTime() + "\"}");
        assertEquals(201, r.statusCode(), r.body());
        JsonObject o = json(r);
        assertTrue(r.headers().firstValue("Location").orElseThrow().endsWith("/api/v1/conversations/"
                + o.getString("conversationId")));
        assertEquals("text", o.getJsonArray("messages").getJsonObject(0).getString("type"));
        return o.getString("conversationId");
    }

    private JsonObject say(String id, String text) {
        HttpResponse<String> r = post("api/v1/conversations/" + id + "/messages",
                Json.createObjectBuilder().add("text", text).build().toString());
        assertEquals(200, r.statusCode(), r.body());
        return json(r);
    }

    private static String replyText(JsonObject turn) {
        StringBuilder s = new StringBuilder();
        for (JsonObject m : turn.getJsonArray("messages").getValuesAs(JsonObject.class)) {
            if (m.getString("type").equals("text")) {
                s.append(m.getString("text")).append('\n');
            }
        }
        return s.toString();
    }

    private List<String> offerTexts(String locale) {
        JsonObject offers = json(http.get("api/v1/offers?locale=" + locale));
        return offers.getJsonArray("promotions").getValuesAs(JsonObject.class).stream()
                .map(o -> o.getString("description")).toList();
    }

    private static boolean han(String s) {
        return s.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN);
    }

    @Test
    void dealsShippingAndReturnsAreAnsweredFromThePublishedRulesInEachLanguage() {
        String[][] scripts = {
            {"en", "hello", "do you have any discounts right now", "how much is shipping", "how do I return an item"},
            {"zh-TW", "你好", "最近有什麼優惠活動嗎？", "運費多少", "怎麼申請退貨"},
            {"zh-CN", "你好", "现在有打折吗", "运费多少", "怎么申请退款"}};
        for (String[] s : scripts) {
            String locale = s[0];
            String id = start(locale);
            JsonObject hello = say(id, s[1]);
            assertEquals("greeting", hello.getJsonObject("nlu").getJsonObject("intent").getString("name"));
            assertEquals(!locale.equals("en"), han(replyText(hello)), locale + ": " + replyText(hello));

            JsonObject deals = say(id, s[2]);
            assertEquals("promotions", deals.getJsonObject("nlu").getJsonObject("intent").getString("name"), locale);
            String said = replyText(deals);
            List<String> offers = offerTexts(locale);
            assertFalse(offers.isEmpty());
            for (String offer : offers.subList(0, Math.min(8, offers.size()))) {
                assertTrue(said.contains(offer), locale + ": the reply names '" + offer + "': " + said);
            }

            JsonObject shipping = say(id, s[3]);
            assertEquals("shipping_info", shipping.getJsonObject("nlu").getJsonObject("intent").getString("name"), locale);
            JsonArray options = jsonArray(http.get("api/v1/shipping/options?locale=" + locale));
            for (JsonObject o : options.getValuesAs(JsonObject.class)) {
                BigDecimal fee = o.getJsonNumber("fee").bigDecimalValue();
                assertTrue(replyText(shipping).contains(o.getString("name"))
                        && replyText(shipping).contains("NT$" + fee.stripTrailingZeros().toPlainString()),
                        locale + ": " + o + " in " + replyText(shipping));
            }

            JsonObject returns = say(id, s[4]);
            assertEquals("return_refund", returns.getJsonObject("nlu").getJsonObject("intent").getString("name"), locale);
            String window = jsonArray(http.get("api/v1/policies/returns?locale=" + locale)).getValuesAs(JsonObject.class)
                    .stream().filter(p -> p.getString("clause").equals("returns.window")).findFirst().orElseThrow()
                    .getString("text");
            assertTrue(replyText(returns).contains(window), locale + ": " + replyText(returns));
        }
    }

    @Test
    void aPublishedPromotionChangeChangesWhatTheAssistantSaysAboutDeals() {
        String table = "promotions/catalog-promotions.csv";
        String original = json(http.asAdmin(http.request("api/v1/admin/rules/" + table).GET())).getString("content");
        int before = json(http.asAdmin(http.request("api/v1/admin/rules").GET())).getJsonObject("published").getInt("version");
        String id = start("en");
        assertTrue(replyText(say(id, "any sales going on?")).contains("Winter coats 15% off"));

        String changed = original.replace("Winter coats 15% off,冬季大衣 85 折", "Winter coats 30% off,冬季大衣 7 折")
                .replace("WINTER-COATS,15,", "WINTER-COATS,30,");
        HttpResponse<String> saved = http.asAdmin(http.request("api/v1/admin/rules/" + table)
                .header("Content-Type", "text/plain; charset=UTF-8").PUT(BodyPublishers.ofString(changed)));
        assertEquals(200, saved.statusCode(), saved.body());
        HttpResponse<String> published = http.asAdmin(http.request("api/v1/admin/rules/publish").POST(BodyPublishers.noBody()));
        assertEquals(200, published.statusCode(), published.body());
        try {
            String now = replyText(say(id, "any sales going on?"));
            assertTrue(now.contains("Winter coats 30% off") && !now.contains("Winter coats 15% off"), now);
        } finally {
            assertEquals(200, http.asAdmin(http.request("api/v1/admin/rules/rollback/" + before)
                    .POST(BodyPublishers.noBody())).statusCode());
            assertEquals(200, http.asAdmin(http.request("api/v1/admin/rules/" + table)
                    .header("Content-Type", "text/plain; charset=UTF-8").PUT(BodyPublishers.ofString(original))).statusCode());
        }
        assertTrue(replyText(say(id, "any sales going on?")).contains("Winter coats 15% off"), "rollback restores it");
    }

    @Test
    void shopperTextIsKeptAsTextWithWhatTheNluRead() {
        String id = start("en");
        String hostile = "<script>alert(1)</script> <img src=x onerror=alert(2)> any discounts?";
        JsonObject turn = say(id, hostile);
        assertEquals(1, turn.getInt("turn"));
        assertFalse(replyText(turn).contains("<script>"), "the reply does not echo markup");
        JsonObject transcript = json(http.get("api/v1/conversations/" + id));
        assertEquals("web", transcript.getString("channel"));
        JsonObject customer = transcript.getJsonArray("messages").getValuesAs(JsonObject.class).stream()
                .filter(m -> m.getString("role").equals("customer")).findFirst().orElseThrow();
        assertEquals(hostile, customer.getString("text"), "stored and returned exactly as typed, as a JSON string");
        assertNotNull(customer.getString("at"));
        List<Object> row = Db.rows("select intent, model_version, nlu, latency_ms, text from conversation_message "
                + "where conversation_id = ? and role = 'customer'", id).get(0);
        assertEquals(turn.getJsonObject("nlu").getJsonObject("intent").getString("name"), row.get(0));
        assertEquals(Integer.parseInt(turn.getJsonObject("nlu").getString("modelVersion")), ((Number) row.get(1)).intValue());
        assertTrue(((String) row.get(2)).contains("\"ranking\""), "the whole parse is stored");
        assertNotNull(row.get(3), "the turn's latency is stored");
        assertEquals(hostile, row.get(4));
    }

    @Test
    void quickRepliesAnswerThePolicyOrMeaningChosen() {
        String id = start("zh-TW");
        HttpResponse<String> r = post("api/v1/conversations/" + id + "/messages",
                "{\"action\": {\"type\": \"quick_reply\", \"payload\": \"policy:warranty\"}}");
        assertEquals(200, r.statusCode(), r.body());
        String warranty = jsonArray(http.get("api/v1/policies/warranty?locale=zh-TW")).getJsonObject(0).getString("text");
        assertTrue(replyText(json(r)).contains(warranty), r.body());
        assertTrue(json(r).isNull("nlu"));
        assertTrue(json(r).containsKey("cartId") && json(r).isNull("cartId"));
        HttpResponse<String> meant = post("api/v1/conversations/" + id + "/messages",
                "{\"action\": {\"type\": \"quick_reply\", \"payload\": \"intent:shipping_info\"}}");
        assertEquals(200, meant.statusCode(), meant.body());
        assertTrue(replyText(json(meant)).contains("宅配到府"), meant.body());
        assertEquals(2, json(meant).getInt("turn"));
    }

    @Test
    void badInputGetsAProblemAndStoresNothing() {
        String id = start("en");
        long before = Db.number("select count(*) from conversation_message where conversation_id = ?", id);
        String tooLong = "a".repeat(2001);
        List<HttpResponse<String>> answers = List.of(
                post("api/v1/conversations/" + id + "/messages", "{\"text\": \"" + tooLong + "\"}"),
                post("api/v1/conversations/" + id + "/messages", "{\"text\": \"   \"}"),
                post("api/v1/conversations/" + id + "/messages", "{\"text\": \"hi\", \"action\": {\"type\": \"quick_reply\"}}"),
                post("api/v1/conversations/" + id + "/messages", "{\"text\": "),
                post("api/v1/conversations/" + id + "/messages", "{\"action\": {\"type\": \"quick_reply\", \"payload\": \"policy:nothing\"}}"),
                post("api/v1/conversations/" + id + "/messages", "{\"text\": 42}"),
                post("api/v1/conversations/00000000-0000-0000-0000-000000000000/messages", "{\"text\": \"hi\"}"),
                post("api/v1/conversations/not-an-id/messages", "{\"text\": \"hi\"}"),
                post("api/v1/conversations", "{\"locale\": \"fr\"}"),
                post("api/v1/conversations", "{\"channel\": \"fax\"}"),
                post("api/v1/conversations", "{\"customerToken\": \"forged.token.value\"}"));
        assertEquals(List.of(400, 400, 400, 400, 400, 400, 404, 404, 400, 400, 401),
                answers.stream().map(HttpResponse::statusCode).toList(),
                answers.stream().map(HttpResponse::body).toList().toString());
        for (HttpResponse<String> a : answers) {
            assertTrue(a.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"), a.body());
        }
        assertEquals(before, Db.number("select count(*) from conversation_message where conversation_id = ?", id));
        assertEquals(404, http.get("api/v1/conversations/00000000-0000-0000-0000-000000000000").statusCode());
    }

    private static JsonArray jsonArray(HttpResponse<String> r) {
        return Json.createReader(new StringReader(r.body())).readArray();
    }
}
