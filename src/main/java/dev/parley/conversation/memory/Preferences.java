package dev.parley.conversation.memory;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A shopper's preferences as learnt from what they said: their size in each sizing system (clothing
 * letters, shoe sizes, waist, kids' heights, kids' shoes), a budget ceiling, favourite colours and brands
 * (most recent first, a few of each), and products they turned down.
 *
 * @param sizes size by sizing system ({@link #system(String)})
 * @param budgetMax the highest price they asked for, or null
 * @param colors colours they asked for, most recent first
 * @param brands brands they asked for, most recent first
 * @param rejected products they said no to, most recent first
 */
public record Preferences(Map<String, String> sizes, BigDecimal budgetMax, List<String> colors, List<String> brands,
        List<Long> rejected) {

    static final int KEPT = 3;
    static final int KEPT_REJECTED = 20;

    private static final Pattern LETTER = Pattern.compile("(?:X{0,3}S|M|X{0,3}L)");
    private static final Pattern KIDS_SHOE = Pattern.compile("\\d{1,2}(?:\\.5)?[CY]");
    private static final Pattern NUMBER = Pattern.compile("\\d{1,3}(?:\\.5)?");

    public Preferences {
        sizes = Map.copyOf(sizes);
        colors = List.copyOf(colors);
        brands = List.copyOf(brands);
        rejected = List.copyOf(rejected);
    }

    /** Nothing known. */
    public static Preferences none() {
        return new Preferences(Map.of(), null, List.of(), List.of(), List.of());
    }

    public boolean isEmpty() {
        return sizes.isEmpty() && budgetMax == null && colors.isEmpty() && brands.isEmpty() && rejected.isEmpty();
    }

    /**
     * The sizing system of a normalised size: {@code clothing} (XS…XXL), {@code kids-shoes} (11C, 2Y),
     * {@code shoes} (4–15, halves), {@code waist} (22–44), {@code kids} (90–170), else {@code other}.
     */
    public static String system(String size) {
        String s = size == null ? "" : size.strip().toUpperCase(java.util.Locale.ROOT);
        if (LETTER.matcher(s).matches()) {
            return "clothing";
        }
        if (KIDS_SHOE.matcher(s).matches()) {
            return "kids-shoes";
        }
        if (NUMBER.matcher(s).matches()) {
            double v = Double.parseDouble(s);
            if (v >= 4 && v <= 15) {
                return "shoes";
            }
            if (v >= 22 && v <= 44 && v == Math.floor(v)) {
                return "waist";
            }
            if (v >= 90 && v <= 170) {
                return "kids";
            }
        }
        return "other";
    }

    /** With a size remembered for its system. */
    public Preferences withSize(String size) {
        Map<String, String> s = new LinkedHashMap<>(sizes);
        s.put(system(size), size);
        return new Preferences(s, budgetMax, colors, brands, rejected);
    }

    public Preferences withBudget(BigDecimal max) {
        return new Preferences(sizes, max, colors, brands, rejected);
    }

    public Preferences withColor(String color) {
        return new Preferences(sizes, budgetMax, front(colors, color, KEPT), brands, rejected);
    }

    public Preferences withBrand(String brand) {
        return new Preferences(sizes, budgetMax, colors, front(brands, brand, KEPT), rejected);
    }

    public Preferences withRejected(long productId) {
        return new Preferences(sizes, budgetMax, colors, brands, front(rejected, productId, KEPT_REJECTED));
    }

    private static <T> List<T> front(List<T> list, T value, int max) {
        List<T> out = new ArrayList<>();
        out.add(value);
        list.stream().filter(v -> !v.equals(value)).limit(max - 1L).forEach(out::add);
        return out;
    }

    /** As stored in {@code shopper_memory.facts}. */
    public String toJson() {
        JsonObjectBuilder s = Json.createObjectBuilder();
        sizes.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> s.add(e.getKey(), e.getValue()));
        JsonObjectBuilder b = Json.createObjectBuilder().add("sizes", s);
        if (budgetMax != null) {
            b.add("budgetMax", budgetMax);
        }
        JsonArrayBuilder c = Json.createArrayBuilder();
        colors.forEach(c::add);
        JsonArrayBuilder br = Json.createArrayBuilder();
        brands.forEach(br::add);
        JsonArrayBuilder r = Json.createArrayBuilder();
        rejected.forEach(r::add);
        return b.add("colors", c).add("brands", br).add("rejected", r).build().toString();
    }

    /** Back from {@link #toJson()}; unreadable parts are left out. */
    public static Preferences fromJson(String json) {
        if (json == null || json.isBlank()) {
            return none();
        }
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            JsonObject o = reader.readObject();
            Map<String, String> sizes = new LinkedHashMap<>();
            if (o.get("sizes") instanceof JsonObject s) {
                s.forEach((k, v) -> {
                    if (v instanceof JsonString str) {
                        sizes.put(k, str.getString());
                    }
                });
            }
            BigDecimal budget = o.get("budgetMax") instanceof JsonNumber n ? n.bigDecimalValue() : null;
            List<String> colors = new ArrayList<>();
            List<String> brands = new ArrayList<>();
            List<Long> rejected = new ArrayList<>();
            strings(o.get("colors"), colors);
            strings(o.get("brands"), brands);
            if (o.get("rejected") instanceof jakarta.json.JsonArray a) {
                for (JsonValue v : a) {
                    if (v instanceof JsonNumber n) {
                        rejected.add(n.longValue());
                    }
                }
            }
            return new Preferences(sizes, budget, colors, brands, rejected);
        }
    }

    private static void strings(JsonValue v, List<String> out) {
        if (v instanceof jakarta.json.JsonArray a) {
            for (JsonValue x : a) {
                if (x instanceof JsonString s) {
                    out.add(s.getString());
                }
            }
        }
    }
}
