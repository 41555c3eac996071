package dev.parley.bench;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.core.CoreDsl.foreach;
import static io.gatling.javaapi.core.CoreDsl.jmesPath;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.rampConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Load on the chat API: concurrent shopping conversations (closed model: a fixed number of conversations in
 * flight, each virtual user is one conversation and is replaced by a new one when it ends), and in the same
 * run a constant rate of {@code GET /health/live} so the trivial endpoint's latency is measured under the
 * same load.
 *
 * <p>Request names in the report: {@code start} (POST /api/v1/conversations), {@code turn} (every text
 * message POST), {@code button} (the one add_to_cart action POST per conversation), {@code health}.
 *
 * <p>System properties (defaults in brackets): {@code parley.url} [http://localhost:8091],
 * {@code parley.users} concurrent conversations [100], {@code parley.rampSeconds} [15],
 * {@code parley.durationSeconds} at full concurrency after the ramp [60], {@code parley.thinkMaxMs} uniform
 * random think time 0..N ms before each message [200], {@code parley.healthRps} [50].
 */
public class ChatLoadSimulation extends Simulation {

    static final String BASE_URL = System.getProperty("parley.url", "http://localhost:8091");
    static final int USERS = Integer.getInteger("parley.users", 100);
    static final int RAMP_S = Integer.getInteger("parley.rampSeconds", 15);
    static final int DURATION_S = Integer.getInteger("parley.durationSeconds", 60);
    static final int THINK_MAX_MS = Integer.getInteger("parley.thinkMaxMs", 200);
    static final double HEALTH_RPS = Double.parseDouble(System.getProperty("parley.healthRps", "50"));

    /** One shopping script per language, each one conversation, all verified against the demo catalog. */
    static final List<Map<String, Object>> SCRIPTS = List.of(
            Map.of("locale", "en", "lines", List.of("hi", "I'm looking for a waterproof coat", "cheaper",
                    "black ones", "the second one", "do you have it in size M?", "add it to my cart",
                    "what's in my cart?", "any discounts?")),
            Map.of("locale", "zh-TW", "lines", List.of("你好", "我想找外套", "便宜一點的", "黑色的", "第二個",
                    "這件有M號嗎", "加入購物車", "看一下購物車", "運費多少")),
            Map.of("locale", "zh-CN", "lines", List.of("你好", "我想买运动鞋", "便宜一点的", "黑色的", "第二个",
                    "这双有9号吗", "加入购物车", "看看购物车", "退货政策是什么")));

    /** Round-robin over the scripts, with a fresh anonymous shopper for every conversation. */
    static Iterator<Map<String, Object>> scripts() {
        AtomicLong next = new AtomicLong();
        return Stream.generate(() -> {
            long n = next.getAndIncrement();
            Map<String, Object> script = SCRIPTS.get((int) (n % SCRIPTS.size()));
            return Map.<String, Object>of("locale", script.get("locale"), "lines", script.get("lines"),
                    "anonymousId", "bench-" + n + "-" + UUID.randomUUID());
        }).iterator();
    }

    static String json(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    /** The sku of the first item of the last products message of a reply, when the reply shows products. */
    static final String SKU_SHOWN = "messages[?type=='products'] | [-1].items[0].sku";

    HttpProtocolBuilder protocol = http.baseUrl(BASE_URL)
            .acceptHeader("application/json")
            .contentTypeHeader("application/json; charset=UTF-8")
            .userAgentHeader("parley-bench-gatling");

    Duration think = Duration.ofMillis(0);
    Duration thinkMax = Duration.ofMillis(THINK_MAX_MS);

    ChainBuilder conversation = feed(scripts())
            .exec(http("start").post("/api/v1/conversations")
                    .body(StringBody(s -> "{\"channel\":\"web\",\"locale\":" + json(s.getString("locale"))
                            + ",\"anonymousId\":" + json(s.getString("anonymousId")) + "}"))
                    .check(status().is(201))
                    .check(jmesPath("conversationId").saveAs("conversationId")))
            // a conversation that could not start ends here (its turns would have no conversation to go to)
            .exitHereIfFailed()
            .exec(foreach(s -> s.getList("lines"), "line").on(
                    pause(think, thinkMax)
                            .exec(http("turn").post("/api/v1/conversations/#{conversationId}/messages")
                                    .body(StringBody(s -> "{\"text\":" + json(s.getString("line")) + "}"))
                                    .check(status().is(200))
                                    .check(jmesPath(SKU_SHOWN).optional().saveAs("sku")))))
            // One add_to_cart button press per conversation, on a product the conversation showed. A
            // conversation that showed none fails here (the sku is missing), so it is counted as an error.
            .pause(think, thinkMax)
            .exec(http("button").post("/api/v1/conversations/#{conversationId}/messages")
                    .body(StringBody("{\"action\":{\"type\":\"add_to_cart\",\"sku\":\"#{sku}\",\"quantity\":1}}"))
                    .check(status().is(200)));

    ScenarioBuilder conversations = scenario("conversations").exec(conversation);

    ScenarioBuilder health = scenario("health")
            .exec(http("health").get("/health/live").check(status().is(200)));

    {
        System.out.printf("Parley chat load: %s, %d conversations, ramp %ds, hold %ds, think 0-%dms, health %.0f/s%n",
                BASE_URL, USERS, RAMP_S, DURATION_S, THINK_MAX_MS, HEALTH_RPS);
        setUp(
                conversations.injectClosed(
                        rampConcurrentUsers(0).to(USERS).during(RAMP_S),
                        constantConcurrentUsers(USERS).during(DURATION_S)),
                health.injectOpen(constantUsersPerSec(HEALTH_RPS).during(RAMP_S + DURATION_S)))
                .protocols(protocol)
                // bounded: conversations still running when the load ends get at most 60 s to finish
                .maxDuration(Duration.ofSeconds(RAMP_S + DURATION_S + 60L));
    }
}
