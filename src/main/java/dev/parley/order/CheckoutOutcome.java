package dev.parley.order;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.util.List;

/**
 * What a checkout came to. Stored with the attempt (as JSON), so a retry with the same key gets the same
 * answer without doing anything again.
 *
 * @param kind what happened
 * @param orderNumber the order made or waiting for payment, null when none
 * @param detail the decline code, or null
 * @param items the fields to fix ({@link Kind#INVALID}) or the SKUs sold out ({@link Kind#SOLD_OUT})
 */
public record CheckoutOutcome(Kind kind, String orderNumber, String detail, List<String> items) {

    /** Kinds of outcome. */
    public enum Kind {
        /** Paid: the order is placed. */
        PAID,
        /** The card was declined; the order waits for another card, its stock held. */
        DECLINED,
        /** The card needs authentication, which this checkout cannot do; another card is needed. */
        ACTION_REQUIRED,
        /** The provider did not answer; the same key may be sent again and will not charge twice. */
        PAYMENT_PENDING,
        /** Another payment for this cart is being taken right now. */
        IN_PROGRESS,
        /** Some lines are no longer in stock (SKUs in {@code items}); nothing was reserved or charged. */
        SOLD_OUT,
        /** Fields to fix (names in {@code items}). */
        INVALID,
        /** The cart is empty. */
        EMPTY_CART,
        /** No shipping rate covers the address and method. */
        NO_SHIPPING,
        /** The cart was already ordered (order number given). */
        ALREADY_ORDERED
    }

    public CheckoutOutcome {
        items = items == null ? List.of() : List.copyOf(items);
    }

    static CheckoutOutcome of(Kind kind, String orderNumber) {
        return new CheckoutOutcome(kind, orderNumber, null, List.of());
    }

    /** As stored with the attempt. */
    public String toJson() {
        JsonObjectBuilder b = Json.createObjectBuilder().add("kind", kind.name());
        if (orderNumber != null) {
            b.add("orderNumber", orderNumber);
        }
        if (detail != null) {
            b.add("detail", detail);
        }
        JsonArrayBuilder a = Json.createArrayBuilder();
        items.forEach(a::add);
        return b.add("items", a).build().toString();
    }

    /** Reads a stored outcome. */
    public static CheckoutOutcome fromJson(String json) {
        try (var r = Json.createReader(new StringReader(json))) {
            JsonObject o = r.readObject();
            return new CheckoutOutcome(Kind.valueOf(o.getString("kind")), o.getString("orderNumber", null),
                    o.getString("detail", null), o.getJsonArray("items").getValuesAs(JsonString.class).stream()
                            .map(JsonString::getString).toList());
        }
    }
}
