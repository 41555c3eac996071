package dev.parley.testing;

import static dev.parley.testing.Http.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;

/** A shopper's side of the chat API (CONTRACT.md) for black-box tests: start, type, press buttons, read replies. */
public final class Chat {

    /** The sandbox card that pays (Stripe's test number). */
    public static final String GOOD_CARD = "4242424242424242";
    /** The sandbox card that is declined. */
    public static final String DECLINED_CARD = "4000000000000002";

    private final Http http;

    public Chat(Http http) {
        this.http = http;
    }

    /** Starts a web conversation and returns its id. */
    public String start(String locale, String anonymousId) {
        HttpResponse<String> r = post("api/v1/conversations", "{\"channel\": \"web\", \"locale\": \"" + locale
                + "\", \"anonymousId\": \"" + anonymousId + "\"}");
        assertEquals(201, r.statusCode(), r.body());
        return json(r).getString("conversationId");
    }

    /** The secret the test server signs customer tokens with (failsafe's environment in the pom). */
    public static final String TOKEN_SECRET = "it-customer-token-secret-0123456789abcdef";

    /** A {@code customerToken} the shop would sign for a signed-in customer, valid 10 minutes. */
    public static String token(String customerId, String email, String name) {
        return new dev.parley.customer.CustomerTokenVerifier(TOKEN_SECRET, java.time.Clock.systemUTC())
                .issue(new dev.parley.customer.CustomerIdentity(customerId, email, name), java.time.Duration.ofMinutes(10));
    }

    /** Starts a web conversation for a signed-in customer (and the browser's anonymous id, may be null). */
    public String startSignedIn(String locale, String anonymousId, String customerToken) {
        HttpResponse<String> r = post("api/v1/conversations", Json.createObjectBuilder().add("locale", locale)
                .add("anonymousId", anonymousId == null ? JsonValue.NULL : Json.createValue(anonymousId))
                .add("customerToken", customerToken).build().toString());
        assertEquals(201, r.statusCode(), r.body());
        return json(r).getString("conversationId");
    }

    /** Sends typed text; expects 200. */
    public JsonObject say(String id, String text) {
        HttpResponse<String> r = post("api/v1/conversations/" + id + "/messages",
                Json.createObjectBuilder().add("text", text).build().toString());
        assertEquals(200, r.statusCode(), r.body());
        return json(r);
    }

    /** Sends an action (its JSON object); expects 200. */
    public JsonObject act(String id, String action) {
        HttpResponse<String> r = send(id, action);
        assertEquals(200, r.statusCode(), r.body());
        return json(r);
    }

    /** Sends an action and returns the raw response, whatever its status. */
    public HttpResponse<String> send(String id, String action) {
        return post("api/v1/conversations/" + id + "/messages", "{\"action\": " + action + "}");
    }

    /** POSTs JSON. */
    public HttpResponse<String> post(String path, String body) {
        return http.send(http.request(path).header("Content-Type", "application/json").POST(BodyPublishers.ofString(body)));
    }

    /**
     * CONTRACT.md's {@code checkout} action for a shopper in Taipei paying with the sandbox provider (e-mail
     * {@code shopper@example.com}).
     */
    public static String checkout(String key, String card, String method) {
        return "{\"type\": \"checkout\", \"idempotencyKey\": \"" + key + "\", \"email\": \"shopper@example.com\", "
                + "\"shippingAddress\": {\"name\": \"Lin Mei\", \"line1\": \"No. 7, Sec. 1, Zhongxiao E. Rd.\", "
                + "\"city\": \"Taipei\", \"postalCode\": \"100\", \"country\": \"TW\", \"phone\": \"0912345678\"}, "
                + "\"shippingMethod\": \"" + method + "\", \"payment\": {\"provider\": \"sandbox\", \"card\": \"" + card + "\"}}";
    }

    /** The reply's messages of one type. */
    public static List<JsonObject> messages(JsonObject turn, String type) {
        return turn.getJsonArray("messages").getValuesAs(JsonObject.class).stream()
                .filter(m -> m.getString("type").equals(type)).toList();
    }

    /** The reply's cart, if it shows one. */
    public static Optional<JsonObject> cart(JsonObject turn) {
        return messages(turn, "cart").stream().findFirst().map(m -> m.getJsonObject("cart"));
    }

    /** The reply's order, if it shows one. */
    public static Optional<JsonObject> order(JsonObject turn) {
        return messages(turn, "order").stream().findFirst().map(m -> m.getJsonObject("order"));
    }

    /** The reply's text messages, one per line. */
    public static String text(JsonObject turn) {
        StringBuilder s = new StringBuilder();
        for (JsonValue v : turn.getJsonArray("messages")) {
            JsonObject m = v.asJsonObject();
            if (m.getString("type").equals("text")) {
                s.append(m.getString("text")).append('\n');
            }
        }
        return s.toString();
    }
}
