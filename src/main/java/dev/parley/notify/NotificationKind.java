package dev.parley.notify;

import java.util.Locale;

/** What a notification tells the shopper. */
public enum NotificationKind {
    /** The order is paid: what was bought and what it cost. */
    ORDER_CONFIRMATION,
    /** The order has shipped: carrier and tracking number. */
    SHIPPING,
    /** Money went back: the amount, for a cancellation or a returned item. */
    REFUND;

    /** The stored name, e.g. {@code order_confirmation}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
