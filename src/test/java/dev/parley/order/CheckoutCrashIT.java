package dev.parley.order;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.testing.BlackBoxIT;
import dev.parley.testing.Chat;
import dev.parley.testing.Db;
import dev.parley.testing.Http;
import dev.parley.testing.ParleyServer;
import dev.parley.testing.Shop;
import jakarta.json.JsonObject;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The server is killed (SIGKILL) while shoppers are checking out, then started again; each shopper sends their
 * checkout again with the same idempotency key, as the widget does after a failed request. Afterwards every
 * shopper has exactly one paid order and one charge, and the stock equals what the orders took.
 */
@BlackBoxIT
class CheckoutCrashIT {

    @ParleyServer.Base
    Http http;

    @Test
    void killingTheServerMidCheckoutLosesNoOrderAndMakesNoDuplicate() throws Exception {
        Chat chat = new Chat(http);
        int units = 40;
        int shoppers = 30;
        String sku = new Shop(http).product("CRASH", units, 800);
        List<String[]> checkouts = new ArrayList<>();
        for (int i = 0; i < shoppers; i++) {
            String id = chat.start("en", "crash-" + UUID.randomUUID());
            chat.act(id, "{\"type\": \"add_to_cart\", \"sku\": \"" + sku + "\", \"quantity\": 1}");
            String key = "crash-" + UUID.randomUUID();
            checkouts.add(new String[] {id, Chat.checkout(key, Chat.GOOD_CARD, "standard"), key});
        }

        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        AtomicInteger answered = new AtomicInteger();
        List<CompletableFuture<?>> inFlight = new ArrayList<>();
        for (String[] c : checkouts) {
            HttpRequest request = http.request("api/v1/conversations/" + c[0] + "/messages").timeout(Duration.ofSeconds(60))
                    .header("Content-Type", "application/json").POST(BodyPublishers.ofString("{\"action\": " + c[1] + "}"))
                    .build();
            inFlight.add(client.sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
                    .thenAccept(r -> answered.incrementAndGet()));
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (answered.get() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        ParleyServer.crashAndRestart();
        int beforeCrash = answered.get();
        assertTrue(beforeCrash < shoppers, "the kill came while checkouts were still running (" + beforeCrash + " done)");
        CompletableFuture.allOf(inFlight.stream().map(f -> f.exceptionally(e -> null)).toArray(CompletableFuture[]::new))
                .get(90, TimeUnit.SECONDS);

        List<String> numbers = new ArrayList<>();
        for (String[] c : checkouts) {
            JsonObject again = chat.act(c[0], c[1]);
            numbers.add(Chat.order(again).orElseThrow(() -> new AssertionError("no order after the resend: " + again))
                    .getString("orderNumber"));
        }
        assertEquals(shoppers, numbers.stream().distinct().count(), "one order per shopper");
        assertEquals(shoppers, Shop.orders(sku, "paid"), "every shopper's order is paid");
        assertEquals(shoppers, Shop.orders(sku), "no duplicate or stray order");
        for (String[] c : checkouts) {
            assertEquals(1, Db.number("select count(*) from sandbox_charge where idempotency_key = ?", c[2]),
                    "one charge at the provider per checkout");
            assertEquals(1, Db.number("select count(*) from payment where idempotency_key = ? and status = 'SUCCEEDED'",
                    c[2]), "one recorded payment per checkout");
        }
        assertEquals(List.of((long) units - shoppers, 0L), Shop.stock(sku), "stock equals what the orders took");
    }
}
