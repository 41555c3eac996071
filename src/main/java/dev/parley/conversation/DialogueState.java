package dev.parley.conversation;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

/**
 * What the assistant keeps between turns of one conversation, stored as JSON in {@code conversation.state}
 * so any node can continue it: the conversation's language, the intent of the last turn, and the last
 * clarifying question with the intents it offered.
 */
public final class DialogueState {

    private String language;
    private String lastIntent;
    private String pendingText;
    private final List<String> offeredIntents = new ArrayList<>();

    /** A fresh state in a language. */
    public static DialogueState start(String language) {
        DialogueState s = new DialogueState();
        s.language = language;
        return s;
    }

    /** A state back from its JSON. */
    public static DialogueState fromJson(String json) {
        DialogueState s = new DialogueState();
        if (json == null || json.isBlank()) {
            return s;
        }
        try (JsonReader r = Json.createReader(new StringReader(json))) {
            JsonObject o = r.readObject();
            s.language = o.getString("language", null);
            s.lastIntent = o.getString("lastIntent", null);
            s.pendingText = o.getString("pendingText", null);
            if (o.containsKey("offeredIntents")) {
                o.getJsonArray("offeredIntents").getValuesAs(jakarta.json.JsonString.class)
                        .forEach(v -> s.offeredIntents.add(v.getString()));
            }
        }
        return s;
    }

    /** The state as JSON. */
    public String toJson() {
        JsonObjectBuilder b = Json.createObjectBuilder();
        if (language != null) {
            b.add("language", language);
        }
        if (lastIntent != null) {
            b.add("lastIntent", lastIntent);
        }
        if (pendingText != null) {
            b.add("pendingText", pendingText);
        }
        JsonArrayBuilder offered = Json.createArrayBuilder();
        offeredIntents.forEach(offered::add);
        b.add("offeredIntents", offered);
        return b.build().toString();
    }

    public String language() {
        return language;
    }

    public void language(String language) {
        this.language = language;
    }

    public String lastIntent() {
        return lastIntent;
    }

    public void lastIntent(String intent) {
        this.lastIntent = intent;
    }

    /** The text a clarifying question was about, while one is open. */
    public String pendingText() {
        return pendingText;
    }

    /** The intents the open clarifying question offered. */
    public List<String> offeredIntents() {
        return List.copyOf(offeredIntents);
    }

    /** Opens a clarifying question about a text, offering intents. */
    public void ask(String text, List<String> intents) {
        this.pendingText = text;
        offeredIntents.clear();
        offeredIntents.addAll(intents);
    }

    /** Closes the clarifying question. */
    public void answered() {
        this.pendingText = null;
        offeredIntents.clear();
    }
}
