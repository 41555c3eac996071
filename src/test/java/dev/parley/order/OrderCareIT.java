package dev.parley.order;

import static dev.parley.testing.Http.admin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.customer.CustomerIdentity;
import dev.parley.customer.CustomerTokenVerifier;
import dev.parley.testing.BlackBoxIT;
import dev.parley.testing.Chat;
import dev.parley.testing.Db;
import dev.parley.testing.Eventually;
import dev.parley.testing.Http;
import dev.parley.testing.ParleyServer;
import dev.parley.testing.Shop;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * After the purchase, in the chat: order status for its owner (signed in, or proving it with number and e-mail),
 * refused for anyone else and rate-limited, and cancellation before and after shipment, in each language.
 */
@BlackBoxIT
class OrderCareIT {

    /** The secret the test server signs customer tokens with (failsafe's environment in the pom). */
    static final String TOKEN_SECRET = Chat.TOKEN_SECRET;

    @ParleyServer.Base
    Http http;

    @ParleyServer.Base
    Chat chat;

    @ParleyServer.Base
    Shop shop;

    @ParameterizedTest(name = "{0}")
    @CsvSource({"en,where is my order %s,I want to cancel my order,cancelled",
        "zh-TW,我的訂單 %s 到哪了,我要取消訂單,已取消",
        "zh-CN,我的订单 %s 到哪了,我要取消订单,已取消"})
    void aShopperProvesTheirOrderThenCancelsItBeforeItShips(String locale, String where, String cancel, String word) {
        String sku = shop.product("OC", 4, 1200);
        String number = buy(locale, sku, null);
        assertEquals(List.of(3L, 0L), Shop.stock(sku));

        String id = chat.start(locale, "visitor-" + UUID.randomUUID());
        JsonObject asked = chat.say(id, where.formatted(number));
        assertTrue(Chat.order(asked).isEmpty(), "nothing is shown before the shopper proves the order");
        JsonObject wrong = chat.say(id, "someone.else@example.com");
        assertTrue(Chat.order(wrong).isEmpty(), Chat.text(wrong));
        JsonObject shown = chat.say(id, "buyer@example.com");
        JsonObject order = Chat.order(shown).orElseThrow(() -> new AssertionError(shown.toString()));
        assertEquals(number, order.getString("orderNumber"));
        assertEquals("paid", order.getString("status"));

        JsonObject cancelled = chat.say(id, cancel);
        assertEquals("cancelled", Chat.order(cancelled).orElseThrow(() -> new AssertionError(cancelled.toString()))
                .getString("status"));
        assertTrue(Chat.text(cancelled).contains(word), Chat.text(cancelled));
        assertEquals(List.of(4L, 0L), Shop.stock(sku), "the unit is back on hand");
        // The refund is owed with the cancellation and paid right after it commits, outside the transaction.
        List<List<Object>> payments = Eventually.await(Duration.ofSeconds(20), () -> Db.rows("select p.kind, p.status "
                + "from payment p join shop_order o on o.id = p.order_id where o.order_number = ? order by p.id", number),
                rows -> rows.size() == 2 && "SUCCEEDED".equals(rows.get(1).get(1)));
        assertEquals(List.of(List.of("charge", "SUCCEEDED"), List.of("refund", "SUCCEEDED")), payments);
        assertEquals(1, Db.number("select count(*) from sandbox_charge where amount_minor < 0 and idempotency_key = ?",
                "refund:" + number), "one refund at the provider");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"en,cancel my order", "zh-TW,我要取消訂單", "zh-CN,我要取消订单"})
    void aSignedInShopperSeesTheirOrdersButCannotCancelOneThatShipped(String locale, String cancel) {
        String sku = shop.product("OC", 4, 1200);
        String customer = "cust-" + UUID.randomUUID();
        String number = buy(locale, sku, customer);
        move(number, "{\"status\": \"shipped\", \"carrier\": \"Black Cat\", \"trackingNumber\": \"BC-" + number + "\"}");

        String id = start(locale, customer);
        JsonObject status = chat.say(id, locale.equals("en") ? "where is my order?" : "我的訂單呢");
        JsonObject order = Chat.order(status).orElseThrow(() -> new AssertionError(status.toString()));
        assertEquals(number, order.getString("orderNumber"));
        assertEquals("shipped", order.getString("status"));
        assertEquals("BC-" + number, order.getJsonObject("tracking").getString("number"));
        assertTrue(Chat.text(status).contains("BC-" + number), "the tracking number is said: " + Chat.text(status));

        JsonObject refused = chat.say(id, cancel);
        assertEquals("shipped", Chat.order(refused).orElseThrow(() -> new AssertionError(refused.toString()))
                .getString("status"));
        String policy = policyText(locale);
        assertTrue(Chat.text(refused).contains(policy), "the published policy is quoted: " + Chat.text(refused));
        assertEquals("shipped", Db.rows("select status from shop_order where order_number = ?", number).get(0).get(0));
        assertEquals(List.of(3L, 0L), Shop.stock(sku));

        // Another signed-in customer naming this order sees nothing of it.
        String other = start(locale, "cust-" + UUID.randomUUID());
        JsonObject notYours = chat.say(other, "where is my order " + number);
        assertTrue(Chat.order(notYours).isEmpty(), notYours.toString());
    }

    @Test
    void theConversationAnOrderWasPlacedInIsToldWhenItShipsOnThePushChannel() throws Exception {
        String sku = shop.product("OC", 2, 1200);
        String[] bought = purchase("zh-TW", sku, null);
        String id = bought[0];
        String number = bought[1];
        int lastSeq = Http.json(http.get("api/v1/conversations/" + id)).getJsonArray("messages").size();

        java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder()
                .version(java.net.http.HttpClient.Version.HTTP_1_1).build();
        java.util.concurrent.CompletableFuture<String> pushed = client.sendAsync(http.request("api/v1/conversations/"
                + id + "/events?after=" + lastSeq).header("Accept", "text/event-stream").GET().build(),
                java.net.http.HttpResponse.BodyHandlers.ofLines()).thenApply(r -> {
                    try (java.util.stream.Stream<String> lines = r.body()) {
                        return lines.filter(line -> line.startsWith("data:") && line.contains("\"order\"")).findFirst()
                                .orElse("");
                    }
                });
        move(number, "{\"status\": \"shipped\", \"carrier\": \"Black Cat\", \"trackingNumber\": \"BC-77\"}");

        String data = pushed.get(30, java.util.concurrent.TimeUnit.SECONDS);
        assertTrue(data.startsWith("data:"), "an order event arrived: " + data);
        JsonObject event = jakarta.json.Json.createReader(new java.io.StringReader(data.substring("data:".length())))
                .readObject();
        assertEquals("bot", event.getString("role"));
        assertEquals("shipped", event.getJsonObject("order").getString("status"));
        assertEquals("BC-77", event.getJsonObject("order").getJsonObject("tracking").getString("number"));
        String transcript = http.get("api/v1/conversations/" + id).body();
        assertTrue(transcript.contains("已出貨"), "told in the conversation's language: " + transcript);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"en,I want to return my order", "zh-TW,我要退貨", "zh-CN,我要退货"})
    void aReturnInsideTheWindowGetsAnRmaAndALabelAndIsRefundedOnArrival(String locale, String ask) {
        String sku = shop.product("OC", 3, 1200);
        String[] bought = purchase(locale, sku, null);
        String id = bought[0];
        String number = bought[1];
        move(number, "{\"status\": \"shipped\", \"trackingNumber\": \"BC-R1\"}");
        move(number, "{\"status\": \"delivered\"}");

        JsonObject turn = chat.say(id, ask);
        String text = Chat.text(turn);
        assertTrue(text.matches("(?s).*RMA-[0-9]{10}.*"), text);
        String rma = text.replaceAll("(?s).*(RMA-[0-9]{10}).*", "$1");
        String label = text.replaceAll("(?s).*(/api/v1/returns/\\S+?label\\?token=[0-9a-f]{32}).*", "$1");
        HttpResponse<byte[]> pdf = http.send(http.request(label).GET(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, pdf.statusCode());
        assertEquals("application/pdf", pdf.headers().firstValue("Content-Type").orElse(""));
        assertEquals("%PDF", new String(pdf.body(), 0, 4, StandardCharsets.US_ASCII));
        assertEquals(404, http.get("api/v1/returns/" + rma + "/label?token=" + "0".repeat(32)).statusCode(),
                "no label without the link's token");
        assertEquals(List.of(2L, 0L), Shop.stock(sku));

        HttpResponse<String> received = http.send(http.request("api/v1/admin/returns/" + rma + "/received")
                .header("Authorization", admin()).POST(BodyPublishers.noBody()));
        assertEquals(200, received.statusCode(), received.body());
        assertEquals(List.of(3L, 0L), Shop.stock(sku), "the unit is back on hand");
        long net = Db.number("select l.net * 100 from shop_order_line l join shop_order o on o.id = l.order_id "
                + "where o.order_number = ?", number);
        List<List<Object>> refund = Eventually.await(Duration.ofSeconds(20), () -> Db.rows("select status, amount_minor "
                + "from payment where idempotency_key = ?", "refund:" + rma).stream()
                .map(r -> List.<Object>of(r.get(0), ((Number) r.get(1)).longValue())).toList(),
                rows -> !rows.isEmpty() && "SUCCEEDED".equals(rows.get(0).get(0)));
        assertEquals(List.of(List.of("SUCCEEDED", net)), refund, "the line's net amount (after discounts) is refunded");
        assertEquals("returned", Db.rows("select status from shop_order where order_number = ?", number).get(0).get(0));
        http.send(http.request("api/v1/admin/returns/" + rma + "/received").header("Authorization", admin())
                .POST(BodyPublishers.noBody()));
        assertEquals(1, Db.number("select count(*) from payment where idempotency_key = ?", "refund:" + rma),
                "receiving twice refunds once");
    }

    @Test
    void anExchangeReservesTheVariantWantedAndSellsItWhenTheParcelArrives() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String m = "EX-" + tag + "-M";
        String l = "EX-" + tag + "-L";
        String csv = "Handle,Title,Type,Option1 Name,Option1 Value,Variant SKU,Variant Price,Variant Inventory Qty\n"
                + "exchange-" + tag + ",Exchange Tee " + tag + ",t-shirt,Size,M," + m + ",900,2\n"
                + "exchange-" + tag + ",,,,L," + l + ",900,2\n";
        assertEquals(200, http.send(http.request("api/v1/admin/catalog/import").header("Authorization", admin())
                .header("Content-Type", "text/csv").POST(BodyPublishers.ofString(csv, StandardCharsets.UTF_8))).statusCode());
        String[] bought = purchase("en", m, null);
        move(bought[1], "{\"status\": \"shipped\", \"trackingNumber\": \"BC-X1\"}");
        move(bought[1], "{\"status\": \"delivered\"}");

        JsonObject offer = chat.say(bought[0], "I'd like to exchange it for another size");
        String payload = "rma:exchange:" + bought[1] + ":" + m + ":" + l;
        assertTrue(offer.toString().contains(payload), "the L is offered: " + offer);
        JsonObject done = chat.act(bought[0], "{\"type\": \"quick_reply\", \"payload\": \"" + payload + "\"}");
        String rma = Chat.text(done).replaceAll("(?s).*(RMA-[0-9]{10}).*", "$1");
        assertTrue(rma.startsWith("RMA-"), Chat.text(done));
        assertEquals(List.of(2L, 1L), Shop.stock(l), "the L is set aside");

        assertEquals(200, http.send(http.request("api/v1/admin/returns/" + rma + "/received")
                .header("Authorization", admin()).POST(BodyPublishers.noBody())).statusCode());
        assertEquals(List.of(2L, 0L), Shop.stock(m), "the M is back on hand");
        assertEquals(List.of(1L, 0L), Shop.stock(l), "the L is sold");
        assertEquals(0, Db.number("select count(*) from payment where idempotency_key = ?", "refund:" + rma),
                "an exchange refunds nothing");
    }

    @Test
    void aReturnAfterTheWindowIsRefusedWithThePolicy() {
        String sku = shop.product("OC", 3, 1200);
        String[] bought = purchase("en", sku, null);
        move(bought[1], "{\"status\": \"shipped\", \"trackingNumber\": \"BC-R2\"}");
        move(bought[1], "{\"status\": \"delivered\"}");
        Db.update("update shop_order set delivered_at = date_sub(delivered_at, interval 40 day) where order_number = ?",
                bought[1]);
        JsonObject turn = chat.say(bought[0], "I want to return my order");
        assertTrue(Chat.text(turn).contains("cannot be returned") && Chat.text(turn).contains("30 days"),
                Chat.text(turn));
        assertEquals(0, Db.number("select count(*) from order_return r join shop_order o on o.id = r.order_id "
                + "where o.order_number = ?", bought[1]));
    }

    @Test
    void wrongGuessesAreRateLimitedSoOrdersCannotBeEnumerated() {
        String sku = shop.product("OC", 2, 1200);
        String number = buy("en", sku, null);
        String id = chat.start("en", "guesser-" + UUID.randomUUID());
        for (int i = 0; i < OrderLookup.MAX_FAILURES; i++) {
            JsonObject r = chat.say(id, "where is my order " + number + " my email is guess" + i + "@example.com");
            assertTrue(Chat.order(r).isEmpty(), r.toString());
        }
        JsonObject right = chat.say(id, "where is my order " + number + " my email is buyer@example.com");
        assertTrue(Chat.order(right).isEmpty(), "even the right e-mail is not checked once throttled: " + right);
        assertTrue(Chat.text(right).contains("too many attempts"), Chat.text(right));
        // The limit holds per order number too: a new conversation cannot keep guessing at this order.
        String fresh = chat.start("en", "guesser-" + UUID.randomUUID());
        JsonObject again = chat.say(fresh, "where is my order " + number + " my email is buyer@example.com");
        assertTrue(Chat.order(again).isEmpty(), again.toString());
    }

    private String policyText(String locale) {
        JsonObject[] clauses = Http.jsonAny(http.get("api/v1/policies/cancellation?locale=" + locale)).asJsonArray()
                .getValuesAs(JsonObject.class).toArray(JsonObject[]::new);
        for (JsonObject c : clauses) {
            if (c.getString("clause").equals("cancel.after-shipment")) {
                return c.getString("text");
            }
        }
        throw new AssertionError("no cancel.after-shipment clause");
    }

    private String start(String locale, String customerId) {
        String token = new CustomerTokenVerifier(TOKEN_SECRET, java.time.Clock.systemUTC()).issue(new CustomerIdentity(customerId,
                "buyer@example.com", "Mei"), Duration.ofMinutes(10));
        HttpResponse<String> r = chat.post("api/v1/conversations", "{\"locale\": \"" + locale + "\", \"customerToken\": \""
                + token + "\"}");
        assertEquals(201, r.statusCode(), r.body());
        return Http.json(r).getString("conversationId");
    }

    /** Places a paid order of one unit and returns its number. */
    private String buy(String locale, String sku, String customerId) {
        return purchase(locale, sku, customerId)[1];
    }

    /** Places a paid order of one unit; returns the conversation it was placed in and the order number. */
    private String[] purchase(String locale, String sku, String customerId) {
        String id = customerId == null ? chat.start(locale, "buyer-" + UUID.randomUUID()) : start(locale, customerId);
        chat.act(id, "{\"type\": \"add_to_cart\", \"sku\": \"" + sku + "\", \"quantity\": 1}");
        JsonObject paid = chat.act(id, Chat.checkout("it-" + UUID.randomUUID(), Chat.GOOD_CARD, "standard")
                .replace("shopper@example.com", "buyer@example.com"));
        return new String[] {id, Chat.order(paid).orElseThrow(() -> new AssertionError(paid.toString()))
                .getString("orderNumber")};
    }

    private void move(String number, String body) {
        HttpResponse<String> r = http.send(http.request("api/v1/admin/orders/" + number + "/status")
                .header("Authorization", admin()).header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString(body)));
        assertEquals(200, r.statusCode(), r.body());
    }


}
