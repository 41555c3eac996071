package dev.parley.conversation;

import dev.parley.catalog.search.SearchConstraints;
import dev.parley.nlu.EntityType;
import dev.parley.nlu.entities.Entity;
import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The catalog constraints a shopper stated in one message, from the NLU's entities: categories, brands,
 * colours, sizes, attributes and materials (both are product tags), gender and price bounds.
 */
public record Stated(Set<String> types, Set<String> brands, Set<String> colors, Set<String> sizes,
        Set<String> attributes, String gender, BigDecimal priceMin, BigDecimal priceMax) {

    /** What the turn's entities state. */
    public static Stated of(TurnContext turn) {
        Set<String> attributes = new LinkedHashSet<>(values(turn, EntityType.ATTRIBUTE));
        attributes.addAll(values(turn, EntityType.MATERIAL));
        String gender = null;
        for (String g : values(turn, EntityType.GENDER)) {
            switch (g) {
                case "women" -> gender = "female";
                case "men" -> gender = "male";
                case "kids" -> attributes.add("kids");
                default -> { }
            }
        }
        return new Stated(values(turn, EntityType.CATEGORY), values(turn, EntityType.BRAND),
                values(turn, EntityType.COLOR), values(turn, EntityType.SIZE), attributes, gender,
                amount(turn, EntityType.PRICE_MIN), amount(turn, EntityType.PRICE_MAX));
    }

    /** Nothing stated. */
    public boolean isEmpty() {
        return types.isEmpty() && brands.isEmpty() && colors.isEmpty() && sizes.isEmpty() && attributes.isEmpty()
                && gender == null && priceMin == null && priceMax == null;
    }

    /** Only what narrows a search already under way (no category of its own). */
    public boolean refinesOnly() {
        return !isEmpty() && types.isEmpty();
    }

    /** A new search for exactly these constraints (in stock only). */
    public SearchConstraints fresh(int limit) {
        return new SearchConstraints(null, types, attributes, brands, gender, colors, sizes, priceMin, priceMax, true,
                limit);
    }

    /**
     * The active search narrowed by these constraints: a stated colour, size, brand, gender or price replaces
     * the old one; attributes add up.
     */
    public SearchConstraints refine(SearchConstraints active) {
        SearchConstraints c = active;
        if (!types.isEmpty()) {
            c = c.withTypes(types);
        }
        if (!brands.isEmpty()) {
            c = c.withBrands(brands);
        }
        if (!colors.isEmpty()) {
            c = c.withColors(colors);
        }
        if (!sizes.isEmpty()) {
            c = c.withSizes(sizes);
        }
        if (!attributes.isEmpty()) {
            Set<String> all = new LinkedHashSet<>(c.attributes());
            all.addAll(attributes);
            c = c.withAttributes(all);
        }
        if (gender != null) {
            c = c.withGender(gender);
        }
        if (priceMin != null || priceMax != null) {
            c = c.withPrice(priceMin != null ? priceMin : c.priceMin(), priceMax != null ? priceMax : c.priceMax());
        }
        return c;
    }

    private static Set<String> values(TurnContext turn, EntityType type) {
        Set<String> out = new LinkedHashSet<>();
        turn.entities(type).stream().map(Entity::value).forEach(out::add);
        return out;
    }

    private static BigDecimal amount(TurnContext turn, EntityType type) {
        String v = turn.first(type);
        if (v == null) {
            return null;
        }
        try {
            return new BigDecimal(v);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
