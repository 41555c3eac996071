package dev.parley.nlu.model;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Plain Java values (maps, lists, strings, numbers, booleans) to and from JSON text. */
final class JsonValues {

    private JsonValues() {
    }

    /** A JSON object's text as a map of plain values. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> parseObject(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            return (Map<String, Object>) toJava(reader.readObject());
        } catch (jakarta.json.JsonException | ClassCastException e) {
            throw new IllegalArgumentException("Not a JSON object: " + e.getMessage(), e);
        }
    }

    /** A JSON array's text as a list of plain values. */
    @SuppressWarnings("unchecked")
    static List<Object> parseArray(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            return (List<Object>) toJava(reader.readArray());
        } catch (jakarta.json.JsonException e) {
            throw new IllegalArgumentException("Not a JSON array: " + e.getMessage(), e);
        }
    }

    /** JSON text of a map of plain values (nested maps and collections allowed). */
    static String write(Map<String, ?> map) {
        return Json.createObjectBuilder(map).build().toString();
    }

    /** JSON text of a list of plain values. */
    static String write(List<?> list) {
        return Json.createArrayBuilder(list).build().toString();
    }

    static Object toJava(JsonValue v) {
        return switch (v.getValueType()) {
            case OBJECT -> {
                Map<String, Object> m = new LinkedHashMap<>();
                ((JsonObject) v).forEach((k, x) -> m.put(k, toJava(x)));
                yield m;
            }
            case ARRAY -> {
                List<Object> l = new ArrayList<>();
                ((JsonArray) v).forEach(x -> l.add(toJava(x)));
                yield l;
            }
            case STRING -> ((JsonString) v).getString();
            case NUMBER -> {
                JsonNumber n = (JsonNumber) v;
                yield n.isIntegral() ? (Object) n.longValue() : (Object) n.doubleValue();
            }
            case TRUE -> Boolean.TRUE;
            case FALSE -> Boolean.FALSE;
            case NULL -> null;
        };
    }

    static double number(Map<String, ?> m, String key) {
        if (m.get(key) instanceof Number n) {
            return n.doubleValue();
        }
        throw new IllegalArgumentException("Missing number '" + key + "'");
    }

    static String string(Map<String, ?> m, String key) {
        if (m.get(key) instanceof String s) {
            return s;
        }
        throw new IllegalArgumentException("Missing string '" + key + "'");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> object(Map<String, ?> m, String key) {
        if (m.get(key) instanceof Map<?, ?> o) {
            return (Map<String, Object>) o;
        }
        throw new IllegalArgumentException("Missing object '" + key + "'");
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Map<String, ?> m, String key) {
        if (m.get(key) instanceof List<?> l) {
            return (List<Object>) l;
        }
        throw new IllegalArgumentException("Missing list '" + key + "'");
    }
}
