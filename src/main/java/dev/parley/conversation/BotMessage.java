package dev.parley.conversation;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.List;

/**
 * One reply message of CONTRACT.md: {@code text} or {@code quick_replies} so far (products, cart, order and
 * handoff messages come with their components).
 *
 * @param type the message type
 * @param text the text of a text message
 * @param options the options of a quick-replies message
 */
public record BotMessage(String type, String text, List<QuickReply> options) {

    /** A quick reply: what the button says and what it sends back. */
    public record QuickReply(String title, String payload) {
    }

    /** A text message. */
    public static BotMessage text(String text) {
        return new BotMessage("text", text, List.of());
    }

    /** A quick-replies message. */
    public static BotMessage quickReplies(List<QuickReply> options) {
        return new BotMessage("quick_replies", null, List.copyOf(options));
    }

    /** The message as the API and the transcript carry it. */
    public JsonObject toJson() {
        JsonObjectBuilder b = Json.createObjectBuilder().add("type", type);
        if (text != null) {
            b.add("text", text);
        }
        if (type.equals("quick_replies")) {
            JsonArrayBuilder a = Json.createArrayBuilder();
            options.forEach(o -> a.add(Json.createObjectBuilder().add("title", o.title()).add("payload", o.payload())));
            b.add("options", a);
        }
        return b.build();
    }
}
