package dev.parley.order;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** An order's place in its lifecycle, as stored and as the API names it. */
public enum OrderStatus {
    /** Stock is reserved; the payment has not gone through yet. */
    PENDING_PAYMENT,
    PAID,
    PACKED,
    SHIPPED,
    DELIVERED,
    /** Never paid: the reservation ran out and was released. */
    EXPIRED,
    CANCELLED,
    RETURNED,
    REFUNDED;

    /** The stored and wire name, e.g. {@code pending_payment}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The status with this wire name. */
    public static Optional<OrderStatus> parse(String name) {
        if (name == null) {
            return Optional.empty();
        }
        for (OrderStatus s : values()) {
            if (s.wireName().equals(name.strip().toLowerCase(Locale.ROOT))) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /** The statuses fulfilment may move an order to from this one (cancel and refunds go through their own paths). */
    public Set<OrderStatus> fulfilmentNext() {
        return switch (this) {
            case PAID -> Set.of(PACKED, SHIPPED);
            case PACKED -> Set.of(SHIPPED);
            case SHIPPED -> Set.of(DELIVERED);
            default -> Set.of();
        };
    }
}
