package dev.parley.order;

import dev.parley.order.api.OrderDto;
import dev.parley.platform.DomainException;
import dev.parley.platform.DomainException.Kind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * What the shop's team (or its fulfilment system) does with orders: list and read them, and move them along
 * paid → packed → shipped (with carrier and tracking number) → delivered. Each move fires {@link OrderChanged}
 * in the same transaction, so the shopper's conversation is told.
 */
@ApplicationScoped
public class OrderAdmin {

    @Inject
    Orders orders;

    @Inject
    Event<OrderChanged> changed;

    /** Newest orders first, optionally of one status. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<OrderDto> list(String status, int limit) {
        OrderStatus s = status == null || status.isBlank() ? null : OrderStatus.parse(status).orElseThrow(() ->
                new DomainException(Kind.INVALID, "bad-status", "Unknown order status '" + status + "'."));
        return orders.list(s, Math.max(1, Math.min(limit, 500))).stream()
                .map(o -> OrderDto.of(o, orders.lines(o.id()))).toList();
    }

    /** One order. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public OrderDto get(String number) {
        Orders.StoredOrder o = find(number, false);
        return OrderDto.of(o, orders.lines(o.id()));
    }

    /**
     * Moves an order one step on in fulfilment. Shipping needs a tracking number; a move the lifecycle does not
     * allow (e.g. delivered → packed, or anything from an unpaid order) is refused with 409.
     */
    @Transactional
    public OrderDto move(String number, String status, String carrier, String trackingNumber) {
        OrderStatus to = OrderStatus.parse(status).orElseThrow(() -> new DomainException(Kind.INVALID, "bad-status",
                "'status' is one of packed, shipped, delivered."));
        Orders.StoredOrder o = find(number, true);
        if (!o.status().fulfilmentNext().contains(to)) {
            throw new DomainException(Kind.CONFLICT, "bad-transition", "Order " + number + " is " + o.status().wireName()
                    + " and cannot become " + to.wireName() + ".");
        }
        if (to == OrderStatus.SHIPPED && (trackingNumber == null || trackingNumber.isBlank())) {
            throw new DomainException(Kind.INVALID, "tracking-required", "Shipping an order needs 'trackingNumber'.");
        }
        if (trackingNumber != null && trackingNumber.length() > 64 || carrier != null && carrier.length() > 64) {
            throw new DomainException(Kind.INVALID, "too-long", "'carrier' and 'trackingNumber' are at most 64 characters.");
        }
        orders.move(o.id(), o.status(), to, blankToNull(carrier), blankToNull(trackingNumber));
        changed.fire(new OrderChanged(o.orderNumber(), o.conversationId(), to));
        return get(number);
    }

    private Orders.StoredOrder find(String number, boolean lock) {
        return orders.byNumber(number == null ? "" : number.strip().toUpperCase(java.util.Locale.ROOT), lock)
                .orElseThrow(() -> new DomainException(Kind.NOT_FOUND, "unknown-order", "There is no order " + number + "."));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
