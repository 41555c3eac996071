package dev.parley.order;

import dev.parley.catalog.Inventory;
import dev.parley.payment.ChargeResult;
import dev.parley.payment.PaymentGateway;
import dev.parley.payment.PaymentGateways;
import dev.parley.rules.Pricing;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Cancelling an order, where the published policy rules allow it (by default: until it ships). A cancelled
 * paid order puts its units back on hand and refunds the charge through the provider that took it. Fires
 * {@link OrderChanged} (cancelled) and, once the provider confirms the refund, {@link OrderRefunded}, both in the
 * cancelling transaction.
 */
@ApplicationScoped
public class OrderCancellation {

    private static final Logger LOG = Logger.getLogger(OrderCancellation.class.getName());

    @Inject
    Orders orders;

    @Inject
    OrderPolicy policy;

    @Inject
    Inventory inventory;

    @Inject
    PaymentGateways gateways;

    @Inject
    Event<OrderChanged> changed;

    @Inject
    Event<OrderRefunded> refunded;

    /**
     * What became of a request to cancel.
     *
     * @param cancelled whether the order is now cancelled
     * @param policy the policy clause's words in the shopper's language (why it may or may not be cancelled)
     * @param refunded whether money went back (false when nothing had been charged)
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
        Optional<String[]> charge = orders.paidCharge(o.id());
        if (charge.isEmpty()) {
            return false;
        }
        String provider = charge.get()[0];
        String ref = charge.get()[1];
        long amount = Long.parseLong(charge.get()[2]);
        String key = "refund:" + o.orderNumber();
        PaymentGateway g = gateways.named(provider).orElseThrow();
        ChargeResult r = g.refund(ref, amount, o.currency(), key);
        orders.recordPayment(o.id(), provider, "refund", key, r.providerRef(), amount, o.currency(), r.status().name(),
                r.declineCode(), null);
        if (r.status() != ChargeResult.Status.SUCCEEDED) {
            LOG.warning(() -> "Refund of order " + o.orderNumber() + " was not confirmed (" + r.status() + "); the "
                    + "payment table shows it for follow-up");
            return false;
        }
        refunded.fire(new OrderRefunded(o.orderNumber(), "cancel", o.total()));
        return true;
    }
}
