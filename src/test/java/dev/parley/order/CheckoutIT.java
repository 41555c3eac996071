package dev.parley.order;

import static dev.parley.testing.Http.admin;
import static dev.parley.testing.Http.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.testing.BlackBoxIT;
import dev.parley.testing.Chat;
import dev.parley.testing.Db;
import dev.parley.testing.Http;
import dev.parley.testing.ParleyServer;
import dev.parley.testing.Shop;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Checkout in the chat (CONTRACT.md's {@code checkout} action) on the real server and database: a purchase from
 * search to paid order with a coupon in each language, a declined card then a good one, retries with the same
 * idempotency key, bad forms, 500 shoppers racing for 50 units, and fulfilment moving the order along.
 */
@BlackBoxIT
class CheckoutIT {

    static final String GOOD = Chat.GOOD_CARD;
    static final String DECLINED = Chat.DECLINED_CARD;

    @ParleyServer.Base
    Http http;

    @ParleyServer.Base
    Chat chat;

    @ParleyServer.Base
    Shop shop;

    @ParameterizedTest(name = "{0}")
    @CsvSource({"en,I'm looking for a waterproof coat,use coupon WELCOME100",
        "zh-TW,我想找外套,我有優惠碼 WELCOME100",
        "zh-CN,我想买运动鞋,我有优惠码 WELCOME100"})
    void aPurchaseFromSearchToPaidOrderWithACoupon(String locale, String search, String coupon) {
        String id = chat.start(locale, "buyer-" + UUID.randomUUID());
        List<JsonObject> found = Chat.messages(chat.say(id, search), "products");
        assertFalse(found.isEmpty(), "the search shows products");
        JsonObject first = found.get(0).getJsonArray("items").getJsonObject(0);
        String sku = first.getString("sku");
        long onHandBefore = onHand(sku);

        JsonObject added = chat.act(id, "{\"type\": \"add_to_cart\", \"sku\": \"" + sku + "\", \"quantity\": 1}");
        String cartId = added.getString("cartId");
        JsonObject withCoupon = chat.say(id, coupon);
        JsonObject cart = Chat.cart(withCoupon).orElseThrow(() -> new AssertionError(withCoupon.toString()));
        assertTrue(cart.getJsonArray("discounts").getValuesAs(JsonObject.class).stream()
                .anyMatch(d -> d.getString("code").equals("WELCOME100")), cart.toString());
        // What the cart API quotes now (domestic standard shipping) is what the order must cost.
        JsonObject quoted = json(http.get("api/v1/carts/" + cartId));

        JsonObject paid = chat.act(id, Chat.checkout(key(), GOOD, "standard"));
        JsonObject order = Chat.order(paid).orElseThrow(() -> new AssertionError(paid.toString()));
        assertEquals("paid", order.getString("status"));
        assertEquals(quoted.getJsonObject("total"), order.getJsonObject("total"));
        assertEquals(sku, order.getJsonArray("items").getJsonObject(0).getString("sku"));
        assertTrue(Chat.text(paid).contains(order.getString("orderNumber")), Chat.text(paid));

        assertEquals(onHandBefore - 1, onHand(sku), "the unit left the stock");
        assertEquals(List.of(List.of("paid", new BigDecimal(quoted.getJsonObject("total").getString("amount")),
                "WELCOME100")), Db.rows("select status, total, coupon_code from shop_order where order_number = ?",
                        order.getString("orderNumber")));
        assertEquals(1, Db.number("select count(*) from coupon_redemption where code = 'WELCOME100' and order_ref = ?",
                order.getString("orderNumber")));
        assertEquals("ordered", Db.rows("select status from cart where id = ?", cartId).get(0).get(0));
        JsonObject cartAfter = chat.say(id, locale.equals("en") ? "what's in my cart?" : "購物車");
        assertFalse(Chat.text(cartAfter).contains(order.getString("orderNumber")));
    }

    @Test
    void aDeclinedCardKeepsTheCartAndTheStockThenAGoodCardPays() {
        String sku = shop.product("CO", 5, 1500);
        String id = chat.start("en", "buyer-" + UUID.randomUUID());
        chat.act(id, "{\"type\": \"add_to_cart\", \"sku\": \"" + sku + "\", \"quantity\": 2}");

        JsonObject declined = chat.act(id, Chat.checkout(key(), DECLINED, "standard"));
        assertTrue(Chat.text(declined).contains("declined"), Chat.text(declined));
        assertTrue(Chat.order(declined).isEmpty());
        assertEquals(List.of(5L, 2L), Shop.stock(sku), "the two units are held for the shopper");
        assertEquals(1, Shop.orders(sku, "pending_payment"));

        JsonObject paid = chat.act(id, Chat.checkout(key(), GOOD, "standard"));
        JsonObject order = Chat.order(paid).orElseThrow(() -> new AssertionError(paid.toString()));
        assertEquals("paid", order.getString("status"));
        assertEquals(List.of(3L, 0L), Shop.stock(sku), "held units became the sale");
        assertEquals(1, Shop.orders(sku), "the second card paid the same order");
        assertEquals(List.of(List.of("DECLINED"), List.of("SUCCEEDED")), Db.rows("select p.status from payment p join "
                + "shop_order o on o.id = p.order_id where o.order_number = ? order by p.id", order.getString("orderNumber")));
    }

    @Test
    void theSameKeyRetriedSequentiallyOrAtOnceMakesOneOrderAndOneCharge() throws Exception {
        String sku = shop.product("CO", 10, 1500);
        String id = chat.start("zh-TW", "buyer-" + UUID.randomUUID());
        chat.act(id, "{\"type\": \"add_to_cart\", \"sku\": \"" + sku + "\", \"quantity\": 1}");
        String key = key();
        String form = Chat.checkout(key, GOOD, "standard");

        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<JsonObject>> clicks = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                clicks.add(pool.submit(() -> chat.act(id, form)));
            }
            Set<String> numbers = new java.util.HashSet<>();
            for (Future<JsonObject> f : clicks) {
                JsonObject r = f.get();
                Chat.order(r).ifPresent(o -> numbers.add(o.getString("orderNumber")));
            }
            JsonObject again = chat.act(id, form);
            numbers.add(Chat.order(again).orElseThrow().getString("orderNumber"));
            assertEquals(1, numbers.size(), "every answer names the same order: " + numbers);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, Shop.orders(sku));
        assertEquals(1, Db.number("select count(*) from sandbox_charge where idempotency_key = ?", key));
        assertEquals(1, Db.number("select count(*) from payment where idempotency_key = ?", key));
        assertEquals(List.of(9L, 0L), Shop.stock(sku));
    }

    @Test
    void aKeyReusedForADifferentCheckoutIsRefused() {
        String sku = shop.product("CO", 10, 1500);
        String id = chat.start("en", "buyer-" + UUID.randomUUID());
        chat.act(id, "{\"type\": \"add_to_cart\", \"sku\": \"" + sku + "\", \"quantity\": 1}");
        String key = key();
        chat.act(id, Chat.checkout(key, DECLINED, "standard"));
        HttpResponse<String> other = chat.send(id, Chat.checkout(key, GOOD, "express"));
        assertEquals(409, other.statusCode(), other.body());
        assertTrue(json(other).getString("type").endsWith(":idempotency-key-reused"), other.body());
        assertEquals(List.of(10L, 1L), Shop.stock(sku), "nothing more was reserved");
    }

    @Test
    void badFormsAreAnsweredWithWhatToFixAndChangeNothing() {
        String sku = shop.product("CO", 10, 1500);
        String id = chat.start("en", "buyer-" + UUID.randomUUID());
        chat.act(id, "{\"type\": \"add_to_cart\", \"sku\": \"" + sku + "\", \"quantity\": 1}");

        JsonObject badEmail = chat.act(id, Chat.checkout(key(), GOOD, "standard").replace("shopper@example.com", "nobody"));
        assertTrue(Chat.text(badEmail).contains("your e-mail"), Chat.text(badEmail));
        JsonObject badCard = chat.act(id, Chat.checkout(key(), "4242424242424241", "standard"));
        assertTrue(Chat.text(badCard).contains("the card number"), Chat.text(badCard));
        JsonObject noMethod = chat.act(id, Chat.checkout(key(), GOOD, "teleport"));
        assertTrue(Chat.text(noMethod).contains("teleport"), Chat.text(noMethod));
        for (String broken : List.of(
                "{\"type\": \"checkout\", \"email\": \"a@b.co\", \"payment\": {\"provider\": \"sandbox\", \"card\": \"" + GOOD + "\"}}",
                Chat.checkout("short", GOOD, "standard"),
                Chat.checkout(key(), GOOD, "standard").replaceAll("\"payment\": \\{[^}]*}", "\"payment\": \"cash\""),
                "{\"type\": \"checkout\", \"idempotencyKey\": \"" + key() + "\", \"shippingAddress\": \"Taipei\", "
                        + "\"payment\": {\"provider\": \"sandbox\", \"card\": \"" + GOOD + "\"}}")) {
            HttpResponse<String> r = chat.send(id, broken);
            assertTrue(r.statusCode() == 400, r.statusCode() + " " + r.body());
            assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        }
        assertEquals(List.of(10L, 0L), Shop.stock(sku));
        assertEquals(0, Shop.orders(sku));
    }

    @Test
    void theTranscriptKeepsTheFormWithoutTheCardNumber() {
        String sku = shop.product("CO", 10, 1500);
        String id = chat.start("en", "buyer-" + UUID.randomUUID());
        chat.act(id, "{\"type\": \"add_to_cart\", \"sku\": \"" + sku + "\", \"quantity\": 1}");
        chat.act(id, Chat.checkout(key(), GOOD, "standard"));
        String transcript = http.get("api/v1/conversations/" + id).body();
        assertTrue(transcript.contains("\"cardLast4\":\"4242\""), transcript);
        assertFalse(transcript.contains(GOOD), "the card number is not stored");
        assertEquals(0, Db.number("select count(*) from conversation_message where conversation_id = ? and payload like ?",
                id, "%" + GOOD + "%"));
    }

    @Test
    void fiveHundredShoppersRacingForFiftyUnitsMakeExactlyFiftyOrders() throws Exception {
        String sku = shop.product("CO", 50, 1500);
        int shoppers = 500;
        List<String> conversations = java.util.Collections.synchronizedList(new ArrayList<>());
        ExecutorService setup = Executors.newFixedThreadPool(16);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < shoppers; i++) {
                done.add(setup.submit(() -> {
                    String id = chat.start("en", "racer-" + UUID.randomUUID());
                    chat.act(id, "{\"type\": \"add_to_cart\", \"sku\": \"" + sku + "\", \"quantity\": 1}");
                    conversations.add(id);
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            setup.shutdownNow();
        }
        // HTTP/1.1: one connection per shopper, as 500 browsers would be (not 500 streams on one h2c connection).
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(30)).build();
        AtomicInteger orders = new AtomicInteger();
        AtomicInteger soldOut = new AtomicInteger();
        List<String> other = java.util.Collections.synchronizedList(new ArrayList<>());
        List<CompletableFuture<Void>> all = new ArrayList<>();
        for (String id : conversations) {
            HttpRequest request = http.request("api/v1/conversations/" + id + "/messages").timeout(Duration.ofSeconds(120))
                    .header("Content-Type", "application/json")
                    .POST(BodyPublishers.ofString("{\"action\": " + Chat.checkout(key(), GOOD, "standard") + "}")).build();
            all.add(client.sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).thenAccept(r -> {
                if (r.statusCode() != 200) {
                    other.add(r.statusCode() + " " + r.body());
                    return;
                }
                JsonObject turn = json(r);
                if (Chat.order(turn).isPresent()) {
                    orders.incrementAndGet();
                } else if (Chat.text(turn).contains("sold out")) {
                    soldOut.incrementAndGet();
                } else {
                    other.add(turn.toString());
                }
            }));
        }
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get();
        assertEquals(List.of(), other, "every shopper got an order or a sold-out answer");
        assertEquals(50, orders.get());
        assertEquals(shoppers - 50, soldOut.get());
        assertEquals(List.of(0L, 0L), Shop.stock(sku), "all 50 sold, none left reserved, never below zero");
        assertEquals(50, Shop.orders(sku, "paid"));
        assertEquals(50, Shop.orders(sku));
    }

    @Test
    void fulfilmentMovesAPaidOrderAlongAndRefusesWhatTheLifecycleDoesNotAllow() {
        String sku = shop.product("CO", 3, 1500);
        String id = chat.start("en", "buyer-" + UUID.randomUUID());
        chat.act(id, "{\"type\": \"add_to_cart\", \"sku\": \"" + sku + "\", \"quantity\": 1}");
        String number = Chat.order(chat.act(id, Chat.checkout(key(), GOOD, "express"))).orElseThrow().getString("orderNumber");

        assertEquals(409, move(number, "{\"status\": \"delivered\"}").statusCode(), "paid cannot jump to delivered");
        assertEquals(400, move(number, "{\"status\": \"shipped\"}").statusCode(), "shipping needs a tracking number");
        assertEquals(400, move(number, "{\"status\": \"lost\"}").statusCode());
        assertEquals(404, move("PRL-0000000000", "{\"status\": \"packed\"}").statusCode());
        assertEquals("packed", json(move(number, "{\"status\": \"packed\"}")).getString("status"));
        JsonObject shipped = json(move(number, "{\"status\": \"shipped\", \"carrier\": \"Black Cat\", "
                + "\"trackingNumber\": \"BC123456789TW\"}"));
        assertEquals("shipped", shipped.getString("status"));
        assertEquals("BC123456789TW", shipped.getJsonObject("tracking").getString("number"));
        assertEquals("delivered", json(move(number, "{\"status\": \"delivered\"}")).getString("status"));
        assertEquals(409, move(number, "{\"status\": \"packed\"}").statusCode());
        JsonObject read = json(http.asAdmin(http.request("api/v1/admin/orders/" + number).GET()));
        assertEquals("delivered", read.getString("status"));
        assertEquals(401, http.send(http.request("api/v1/admin/orders/" + number).GET()).statusCode());
    }

    private HttpResponse<String> move(String number, String body) {
        return http.send(http.request("api/v1/admin/orders/" + number + "/status").header("Authorization", admin())
                .header("Content-Type", "application/json").POST(BodyPublishers.ofString(body)));
    }


    private static String key() {
        return "it-" + UUID.randomUUID();
    }


    private static long onHand(String sku) {
        return Shop.stock(sku).get(0);
    }
}
