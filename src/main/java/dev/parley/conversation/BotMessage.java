package dev.parley.conversation;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Map;

/**
 * One reply message of CONTRACT.md: {@code text}, {@code quick_replies}, {@code products} or {@code cart}.
 *
 * @param type the message type
 * @param text the text of a text message (for other types, a plain-text summary kept in the transcript table)
 * @param options the options of a quick-replies message
 * @param body the other fields of the message ({@code relaxed}, {@code items}, {@code cart}, …)
 */
public record BotMessage(String type, String text, List<QuickReply> options, JsonObject body) {

    /** A quick reply: what the button says and what it sends back. */
    public record QuickReply(String title, String payload) {
    }

    /** A text message. */
    public static BotMessage text(String text) {
        return new BotMessage("text", text, List.of(), JsonValue.EMPTY_JSON_OBJECT);
    }

    /** A quick-replies message. */
    public static BotMessage quickReplies(List<QuickReply> options) {
        return new BotMessage("quick_replies", null, List.copyOf(options), JsonValue.EMPTY_JSON_OBJECT);
    }

    /**
     * A products message: every item satisfies every stated constraint, or, when {@code loosened} is not null,
     * the closest alternatives with that constraint loosened ({@code relaxed: true}).
     */
    public static BotMessage products(List<JsonObject> items, String loosened, String summary) {
        JsonArrayBuilder a = Json.createArrayBuilder();
        items.forEach(a::add);
        JsonObjectBuilder b = Json.createObjectBuilder().add("relaxed", loosened != null).add("items", a);
        if (loosened != null) {
            b.add("loosened", loosened);
        }
        return new BotMessage("products", summary, List.of(), b.build());
    }

    /** A cart message holding CONTRACT.md's Cart. */
    public static BotMessage cart(JsonObject cart, String summary) {
        return new BotMessage("cart", summary, List.of(), Json.createObjectBuilder().add("cart", cart).build());
    }

    /** An order message: CONTRACT.md's {@code {"type": "order", "order": {...}}}. */
    public static BotMessage order(JsonObject order, String summary) {
        return new BotMessage("order", summary, List.of(), Json.createObjectBuilder().add("order", order).build());
    }

    /** The message as the API and the transcript carry it. */
    public JsonObject toJson() {
        JsonObjectBuilder b = Json.createObjectBuilder().add("type", type);
        if (type.equals("text") && text != null) {
            b.add("text", text);
        }
        if (type.equals("quick_replies")) {
            JsonArrayBuilder a = Json.createArrayBuilder();
            options.forEach(o -> a.add(Json.createObjectBuilder().add("title", o.title()).add("payload", o.payload())));
            b.add("options", a);
        }
        for (Map.Entry<String, JsonValue> e : body.entrySet()) {
            b.add(e.getKey(), e.getValue());
        }
        return b.build();
    }
}
