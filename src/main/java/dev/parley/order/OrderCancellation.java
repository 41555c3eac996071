package dev.parley.order;

import dev.parley.catalog.Inventory;
import dev.parley.rules.Pricing;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Set;

/**
 * Cancelling an order, where the published policy rules allow it (by default: until it ships). A cancelled
 * paid order puts its units back on hand and owes the refund of its charge ({@link Refunds}, paid through the
 * provider that took it once this transaction has committed). Fires {@link OrderChanged} (cancelled).
 */
@ApplicationScoped
public class OrderCancellation {

    @Inject
    Orders orders;

    @Inject
    OrderPolicy policy;

    @Inject
    Inventory inventory;

    @Inject
    Refunds refunds;

    @Inject
    Event<OrderChanged> changed;

    /**
     * What became of a request to cancel.
     *
     * @param cancelled whether the order is now cancelled
     * @param policy the policy clause's words in the shopper's language (why it may or may not be cancelled)
     * @param refunded whether money is going back (false when nothing had been charged)
     */
    public record Result(boolean cancelled, String policy, boolean refunded) {
    }

    /** Cancels an order if the rules allow it today. */
    @Transactional
    public Result cancel(String number, String locale) {
        Orders.StoredOrder o = orders.byNumber(number, true).orElseThrow();
        List<Orders.Line> lines = orders.lines(o.id());
        Pricing.Decision d = policy.decide(o, lines, "cancel", null, locale);
        if (!d.allowed() || !Set.of(OrderStatus.PAID, OrderStatus.PACKED, OrderStatus.PENDING_PAYMENT).contains(o.status())) {
            return new Result(false, d.reason(), false);
        }
        if (o.status() == OrderStatus.PENDING_PAYMENT) {
            orders.move(o.id(), o.status(), OrderStatus.CANCELLED, null, null);
            Orders.bySku(lines).forEach(l -> inventory.release(l.sku(), l.quantity()));
            changed.fire(new OrderChanged(o.orderNumber(), o.conversationId(), OrderStatus.CANCELLED));
            return new Result(true, d.reason(), false);
        }
        orders.move(o.id(), o.status(), OrderStatus.CANCELLED, null, null);
        Orders.bySku(lines).forEach(l -> inventory.restock(l.sku(), l.quantity()));
        changed.fire(new OrderChanged(o.orderNumber(), o.conversationId(), OrderStatus.CANCELLED));
        boolean refunded = refund(o);
        return new Result(true, d.reason(), refunded);
    }

    private boolean refund(Orders.StoredOrder o) {
        return refunds.owe(o, "cancel", o.total());
    }
}
