package dev.parley.payment;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static dev.parley.testing.Http.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.parley.testing.BlackBoxIT;
import dev.parley.testing.Chat;
import dev.parley.testing.Db;
import dev.parley.testing.Eventually;
import dev.parley.testing.Http;
import dev.parley.testing.ParleyServer;
import dev.parley.testing.Shop;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A checkout paid with Stripe on the real server: the server's Stripe client talks to a local stand-in for Stripe's
 * API (the build gives the server its address), which checks the wire: one PaymentIntent, carrying the checkout's
 * idempotency key and the rules' total in minor units; a retry sends nothing more.
 */
@BlackBoxIT
class CheckoutStripeIT {

    @ParleyServer.Base
    Http http;

    @ParleyServer.Base
    Chat chat;

    @ParleyServer.Base
    Shop shop;

    WireMockServer stripe;

    @BeforeEach
    void start() {
        stripe = new WireMockServer(options().port(Integer.getInteger("parley.it.stripe.port")));
        stripe.start();
    }

    @AfterEach
    void stop() {
        stripe.stop();
    }

    @Test
    void stripeGetsTheKeyAndTheRulesTotalInMinorUnitsOnce() {
        String sku = shop.product("ST", 5, 1490);
        String id = chat.start("en", "stripe-" + UUID.randomUUID());
        JsonObject added = chat.act(id, "{\"type\": \"add_to_cart\", \"sku\": \"" + sku + "\", \"quantity\": 2}");
        BigDecimal total = new BigDecimal(json(http.get("api/v1/carts/" + added.getString("cartId")))
                .getJsonObject("total").getString("amount"));
        long minor = total.movePointRight(2).longValueExact();
        stubPaymentIntent("pi_it_1", minor, "succeeded");

        String key = "stripe-" + UUID.randomUUID();
        String form = stripeForm(key, "pm_card_visa");
        JsonObject paid = chat.act(id, form);
        JsonObject order = Chat.order(paid).orElseThrow(() -> new AssertionError(paid.toString()));
        assertEquals(total.setScale(2).toPlainString(), order.getJsonObject("total").getString("amount"));

        stripe.verify(1, postRequestedFor(urlEqualTo("/v1/payment_intents"))
                .withHeader("Idempotency-Key", equalTo(key))
                .withRequestBody(containing("amount=" + minor))
                .withRequestBody(containing("currency=twd"))
                .withRequestBody(containing("payment_method=pm_card_visa")));
        assertEquals(List.of(List.of("stripe", "pi_it_1", minor)), Db.rows("select p.provider, p.provider_ref, "
                + "p.amount_minor from payment p join shop_order o on o.id = p.order_id where o.order_number = ?",
                order.getString("orderNumber")).stream().map(r -> List.<Object>of(r.get(0), r.get(1),
                        ((Number) r.get(2)).longValue())).toList());

        chat.act(id, form);
        stripe.verify(1, postRequestedFor(urlEqualTo("/v1/payment_intents")));
    }

    @Test
    void aPaymentAuthenticatedLaterIsSettledBySignedWebhookOnceAndForgedOnesChangeNothing() throws Exception {
        String sku = shop.product("ST", 5, 990);
        String id = chat.start("en", "stripe-" + UUID.randomUUID());
        JsonObject added = chat.act(id, "{\"type\": \"add_to_cart\", \"sku\": \"" + sku + "\", \"quantity\": 1}");
        long minor = new BigDecimal(json(http.get("api/v1/carts/" + added.getString("cartId"))).getJsonObject("total")
                .getString("amount")).movePointRight(2).longValueExact();
        stubPaymentIntent("pi_it_3ds", minor, "requires_action");
        String key = "stripe-" + UUID.randomUUID();
        JsonObject waiting = chat.act(id, stripeForm(key, "pm_card_3ds"));
        assertEquals(true, Chat.order(waiting).isEmpty(), waiting.toString());
        assertEquals(List.of(5L, 1L), Shop.stock(sku), "held while the bank asks the shopper");

        String event = "{\"id\": \"evt_" + UUID.randomUUID().toString().replace("-", "") + "\", \"object\": \"event\", "
                + "\"type\": \"payment_intent.succeeded\", \"data\": {\"object\": {\"id\": \"pi_it_3ds\", \"object\": "
                + "\"payment_intent\", \"amount\": " + minor + ", \"currency\": \"twd\", \"status\": \"succeeded\", "
                + "\"metadata\": {\"checkout_key\": \"" + key + "\"}}}}";
        assertEquals(400, webhook(event, signature(event, "whsec_forged")).statusCode(), "a forged signature");
        assertEquals(List.of(5L, 1L), Shop.stock(sku), "...changes nothing");

        java.net.http.HttpResponse<String> first = webhook(event, signature(event, "whsec_parley_it"));
        assertEquals(200, first.statusCode(), first.body());
        assertEquals("settled", json(first).getString("outcome"));
        assertEquals(List.of(4L, 0L), Shop.stock(sku), "paid: the held unit is sold");
        assertEquals("paid", Db.rows("select o.status from shop_order o join checkout_attempt a on a.order_id = o.id "
                + "where a.idempotency_key = ?", key).get(0).get(0));
        assertEquals("SUCCEEDED", Db.rows("select status from payment where idempotency_key = ?", key).get(0).get(0));

        java.net.http.HttpResponse<String> replay = webhook(event, signature(event, "whsec_parley_it"));
        assertEquals("duplicate", json(replay).getString("outcome"));
        assertEquals(List.of(4L, 0L), Shop.stock(sku));
    }

    private java.net.http.HttpResponse<String> webhook(String body, String signature) {
        return http.send(http.request("api/v1/payments/stripe/webhook").header("Content-Type", "application/json")
                .header("Stripe-Signature", signature).POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)));
    }

    @Test
    void aRefundStripeCannotTakeNowIsOwedAndRetriedWithTheSameKeyUntilPaid() {
        String sku = shop.product("SR", 5, 990);
        String id = chat.start("en", "stripe-refund-" + UUID.randomUUID());
        JsonObject added = chat.act(id, "{\"type\": \"add_to_cart\", \"sku\": \"" + sku + "\", \"quantity\": 1}");
        long minor = new BigDecimal(json(http.get("api/v1/carts/" + added.getString("cartId"))).getJsonObject("total")
                .getString("amount")).movePointRight(2).longValueExact();
        stubPaymentIntent("pi_it_refund", minor, "succeeded");
        // Stripe is having trouble: the first refund request fails with a 500 (and no retry by the client).
        stripe.stubFor(post(urlEqualTo("/v1/refunds")).inScenario("refund").whenScenarioStateIs(
                com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED).willSetStateTo("recovered")
                .willReturn(aResponse().withStatus(500).withHeader("Stripe-Should-Retry", "false")
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\": {\"type\": \"api_error\", \"message\": \"try later\"}}")));
        stripe.stubFor(post(urlEqualTo("/v1/refunds")).inScenario("refund").whenScenarioStateIs("recovered")
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"id\": \"re_it_1\", \"object\": \"refund\", \"amount\": " + minor
                                + ", \"currency\": \"twd\", \"status\": \"succeeded\"}")));

        String form = stripeForm("stripe-" + UUID.randomUUID(), "pm_card_visa");
        String number = Chat.order(chat.act(id, form)).orElseThrow().getString("orderNumber");
        JsonObject cancelled = chat.say(id, "I want to cancel my order");
        assertEquals("cancelled", Chat.order(cancelled).orElseThrow(() -> new AssertionError(cancelled.toString()))
                .getString("status"));

        // The first try failed: the refund stays owed, due again later.
        String key = "refund:" + number;
        List<List<Object>> owed = Eventually.await(Duration.ofSeconds(20), () -> Db.rows("select status, attempts "
                + "from payment where idempotency_key = ?", key), rows -> !rows.isEmpty() && "PENDING".equals(rows.get(0).get(0)));
        assertEquals(List.of(List.of("PENDING", 1)), owed.stream().map(r -> List.<Object>of(r.get(0),
                ((Number) r.get(1)).intValue())).toList());
        // Bring the retry forward instead of waiting a minute: the janitor (every 30 s) sends it.
        Db.update("update payment set next_attempt_at = utc_timestamp(6) where idempotency_key = ?", key);
        List<List<Object>> paid = Eventually.await(Duration.ofSeconds(45), () -> Db.rows("select status, provider_ref, "
                + "attempts from payment where idempotency_key = ?", key), rows -> "SUCCEEDED".equals(rows.get(0).get(0)));
        assertEquals(List.of(List.of("SUCCEEDED", "re_it_1", 2)), paid.stream().map(r -> List.<Object>of(r.get(0),
                r.get(1), ((Number) r.get(2)).intValue())).toList());
        stripe.verify(2, postRequestedFor(urlEqualTo("/v1/refunds")).withHeader("Idempotency-Key", equalTo(key))
                .withRequestBody(containing("payment_intent=pi_it_refund")).withRequestBody(containing("amount=" + minor)));
    }

    /** Stripe's stand-in answers every PaymentIntent with this one, in {@code status}. */
    private void stubPaymentIntent(String id, long minor, String status) {
        stripe.stubFor(post(urlEqualTo("/v1/payment_intents")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"id\": \"" + id + "\", \"object\": "
                        + "\"payment_intent\", \"amount\": " + minor + ", \"currency\": \"twd\", \"status\": \""
                        + status + "\"}")));
    }

    /** The checkout action paying with a PaymentMethod from Stripe.js ({@code pm_…}). */
    private static String stripeForm(String key, String paymentMethod) {
        return Chat.checkout(key, "unused", "standard").replace("\"provider\": \"sandbox\", \"card\": \"unused\"",
                "\"provider\": \"stripe\", \"paymentMethod\": \"" + paymentMethod + "\"");
    }

    /** Stripe's signature scheme: v1 = HMAC-SHA256 of "timestamp.payload" with the endpoint secret. */
    private static String signature(String payload, String secret) throws Exception {
        long t = System.currentTimeMillis() / 1000;
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8), "HmacSHA256"));
        byte[] sig = mac.doFinal((t + "." + payload).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return "t=" + t + ",v1=" + java.util.HexFormat.of().formatHex(sig);
    }
}
