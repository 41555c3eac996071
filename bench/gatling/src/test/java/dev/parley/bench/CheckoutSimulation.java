package dev.parley.bench;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.core.CoreDsl.jmesPath;
import static io.gatling.javaapi.core.CoreDsl.rampConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Iterator;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Checkout under load: each virtual user is one shopper who starts a conversation, puts one unit of a variant in
 * the cart, checks out through the chat's {@code checkout} action (sandbox card that pays, a fresh idempotency
 * key), then asks for that order's status with its number and e-mail. Closed model: {@code parley.users}
 * shoppers in flight, each replaced by a new one when done.
 *
 * <p>Before the run it imports {@code parley.skuCount} variants of its own with a million units each (so stock
 * never runs out). {@code parley.mode=contention} sends every shopper to the first {@code parley.hotSkus} of
 * them (many buyers, few SKUs: their stock rows are the hot spot); {@code parley.mode=spread} to any of them.
 *
 * <p>Request names: {@code start}, {@code add}, {@code checkout}, {@code order_status}. Properties (defaults):
 * {@code parley.url} [http://localhost:8080], {@code parley.adminPassword} [dev-admin-pw], {@code parley.users}
 * [50], {@code parley.rampSeconds} [10], {@code parley.durationSeconds} [60], {@code parley.mode} [contention],
 * {@code parley.hotSkus} [3], {@code parley.skuCount} [200].
 */
public class CheckoutSimulation extends Simulation {

    static final String BASE_URL = System.getProperty("parley.url", "http://localhost:8080");
    static final String ADMIN_PASSWORD = System.getProperty("parley.adminPassword", "dev-admin-pw");
    static final int USERS = Integer.getInteger("parley.users", 50);
    static final int RAMP_S = Integer.getInteger("parley.rampSeconds", 10);
    static final int DURATION_S = Integer.getInteger("parley.durationSeconds", 60);
    static final String MODE = System.getProperty("parley.mode", "contention");
    static final int HOT = Integer.getInteger("parley.hotSkus", 3);
    static final int SKUS = Integer.getInteger("parley.skuCount", 200);
    static final String RUN = UUID.randomUUID().toString().substring(0, 6).toUpperCase();

    static String sku(int i) {
        return "BENCH-" + RUN + "-" + i;
    }

    /** Imports the run's own variants through the admin catalog import. */
    static void importSkus() {
        StringBuilder csv = new StringBuilder(
                "Handle,Title,Type,Option1 Name,Option1 Value,Variant SKU,Variant Price,Variant Inventory Qty\n");
        for (int i = 0; i < SKUS; i++) {
            csv.append("bench-").append(RUN.toLowerCase()).append('-').append(i).append(",Bench Tee ").append(i)
                    .append(",t-shirt,Size,M,").append(sku(i)).append(",990,1000000\n");
        }
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(BASE_URL + "/api/v1/admin/catalog/import")).header("Content-Type", "text/csv")
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("admin:" + ADMIN_PASSWORD)
                            .getBytes(StandardCharsets.UTF_8)))
                    .POST(HttpRequest.BodyPublishers.ofString(csv.toString())).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("bench catalog import failed: " + r.statusCode() + " " + r.body());
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static Iterator<Map<String, Object>> shoppers() {
        AtomicLong next = new AtomicLong();
        return Stream.generate(() -> {
            long n = next.getAndIncrement();
            int i = ThreadLocalRandom.current().nextInt(MODE.equals("spread") ? SKUS : Math.min(HOT, SKUS));
            return Map.<String, Object>of("anonymousId", "bench-buyer-" + RUN + "-" + n, "sku", sku(i),
                    "key", "bench-" + UUID.randomUUID());
        }).iterator();
    }

    static final String CHECKOUT = "{\"action\":{\"type\":\"checkout\",\"idempotencyKey\":\"#{key}\","
            + "\"email\":\"bench@example.com\",\"shippingAddress\":{\"name\":\"Bench Buyer\",\"line1\":\"No. 1, Bench Rd.\","
            + "\"city\":\"Taipei\",\"postalCode\":\"100\",\"country\":\"TW\"},\"shippingMethod\":\"standard\","
            + "\"payment\":{\"provider\":\"sandbox\",\"card\":\"4242424242424242\"}}}";

    HttpProtocolBuilder protocol = http.baseUrl(BASE_URL)
            .acceptHeader("application/json")
            .contentTypeHeader("application/json; charset=UTF-8")
            .userAgentHeader("parley-bench-gatling");

    ChainBuilder purchase = feed(shoppers())
            .exec(http("start").post("/api/v1/conversations")
                    .body(StringBody("{\"channel\":\"web\",\"locale\":\"en\",\"anonymousId\":\"#{anonymousId}\"}"))
                    .check(status().is(201)).check(jmesPath("conversationId").saveAs("conversationId")))
            .exitHereIfFailed()
            .exec(http("add").post("/api/v1/conversations/#{conversationId}/messages")
                    .body(StringBody("{\"action\":{\"type\":\"add_to_cart\",\"sku\":\"#{sku}\",\"quantity\":1}}"))
                    .check(status().is(200)))
            .exec(http("checkout").post("/api/v1/conversations/#{conversationId}/messages")
                    .body(StringBody(CHECKOUT))
                    .check(status().is(200))
                    .check(jmesPath("messages[?type=='order'] | [0].order.orderNumber").saveAs("orderNumber")))
            .exitHereIfFailed()
            .exec(http("order_status").post("/api/v1/conversations/#{conversationId}/messages")
                    .body(StringBody("{\"text\":\"where is my order #{orderNumber}? my email is bench@example.com\"}"))
                    .check(status().is(200))
                    .check(jmesPath("messages[?type=='order'] | [0].order.orderNumber").isEL("#{orderNumber}")));

    ScenarioBuilder shoppers = scenario("shoppers").exec(purchase);

    @Override
    public void before() {
        importSkus();
    }

    {
        System.out.printf("Parley checkout load: %s, %d shoppers, mode %s (%d hot of %d SKUs), ramp %ds, hold %ds%n",
                BASE_URL, USERS, MODE, HOT, SKUS, RAMP_S, DURATION_S);
        setUp(shoppers.injectClosed(rampConcurrentUsers(0).to(USERS).during(RAMP_S),
                constantConcurrentUsers(USERS).during(DURATION_S)))
                .protocols(protocol)
                .maxDuration(Duration.ofSeconds(RAMP_S + DURATION_S + 60L));
    }
}
