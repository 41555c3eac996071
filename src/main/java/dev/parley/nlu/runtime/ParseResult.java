package dev.parley.nlu.runtime;

import dev.parley.nlu.EntityType;
import dev.parley.nlu.entities.Entity;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

/**
 * What the NLU read in one message.
 *
 * @param intent the most likely intent
 * @param ranking the most likely intents, best first (the first is {@code intent})
 * @param entities the entities, in text order, offsets into the original text
 * @param language {@code en}, {@code zh-TW} or {@code zh-CN}
 * @param modelVersion the intent model version that answered
 * @param uncertain whether the intent's confidence is below the configured threshold: the conversation
 *     should ask rather than act
 * @param threshold that threshold
 */
public record ParseResult(Scored intent, List<Scored> ranking, List<Entity> entities, String language,
        int modelVersion, boolean uncertain, double threshold) {

    /** An intent name and the model's probability for it. */
    public record Scored(String name, double confidence) {
    }

    /** Whether the assistant should not act on it: uncertain, or out of scope. */
    public boolean fallback() {
        return uncertain || "out_of_scope".equals(intent.name());
    }

    /** The result as stored with a conversation turn (JSON). */
    public String toJson() {
        JsonArrayBuilder ranked = Json.createArrayBuilder();
        ranking.forEach(r -> ranked.add(Json.createObjectBuilder().add("name", r.name()).add("confidence", r.confidence())));
        JsonArrayBuilder found = Json.createArrayBuilder();
        entities.forEach(e -> found.add(Json.createObjectBuilder().add("type", e.type().wireName()).add("value", e.value())
                .add("text", e.text()).add("start", e.start()).add("end", e.end())));
        return Json.createObjectBuilder()
                .add("intent", Json.createObjectBuilder().add("name", intent.name()).add("confidence", intent.confidence()))
                .add("ranking", ranked).add("entities", found).add("language", language)
                .add("modelVersion", modelVersion).add("uncertain", uncertain).add("threshold", threshold)
                .build().toString();
    }

    /** A result back from {@link #toJson()}. */
    public static ParseResult fromJson(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            JsonObject o = reader.readObject();
            List<Scored> ranking = o.getJsonArray("ranking").getValuesAs(JsonObject.class).stream()
                    .map(r -> new Scored(r.getString("name"), r.getJsonNumber("confidence").doubleValue())).toList();
            List<Entity> entities = new ArrayList<>();
            for (JsonObject e : o.getJsonArray("entities").getValuesAs(JsonObject.class)) {
                EntityType.parse(e.getString("type")).ifPresent(t -> entities.add(new Entity(t, e.getString("value"),
                        e.getString("text"), e.getInt("start"), e.getInt("end"))));
            }
            JsonObject intent = o.getJsonObject("intent");
            return new ParseResult(new Scored(intent.getString("name"), intent.getJsonNumber("confidence").doubleValue()),
                    ranking, entities, o.getString("language"), o.getInt("modelVersion"), o.getBoolean("uncertain"),
                    o.getJsonNumber("threshold").doubleValue());
        }
    }
}
