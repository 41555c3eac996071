package dev.parley.conversation;

import dev.parley.order.OrderChanged;
import dev.parley.order.OrderLookup;
import dev.parley.order.OrderStatus;
import dev.parley.order.Orders;
import dev.parley.order.api.OrderDto;
import dev.parley.platform.MoneyFormat;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Currency;
import java.util.List;
import java.util.Set;

/**
 * Tells the conversation an order was placed in that the order moved on (packed, shipped with its tracking
 * number, delivered, returned): a text and the order, pushed to an open widget. Written in the same transaction as
 * the move. Paid and cancelled are not pushed: the chat answers those in the turn that caused them.
 */
@ApplicationScoped
public class OrderNotices {

    /** The moves pushed to the conversation: those made outside it (fulfilment, a return's arrival). */
    private static final Set<OrderStatus> PUSHED = Set.of(OrderStatus.PACKED, OrderStatus.SHIPPED,
            OrderStatus.DELIVERED, OrderStatus.RETURNED);

    @Inject
    ConversationService conversations;

    @Inject
    OrderLookup lookup;

    void onChange(@Observes OrderChanged change) {
        if (change.conversationId() == null || !PUSHED.contains(change.status())) {
            return;
        }
        Orders.StoredOrder o = lookup.proven(change.orderNumber()).orElseThrow();
        List<Orders.Line> lines = lookup.lines(o.id());
        conversations.notice(change.conversationId(), replies -> {
            String total = MoneyFormat.format(o.total(), Currency.getInstance(o.currency()), replies.language());
            String text = replies.text("order.status." + o.status().wireName(), o.orderNumber(), total);
            if (o.trackingNumber() != null) {
                text = text + " " + replies.text("order.tracking", o.carrier() == null ? "" : o.carrier(),
                        o.trackingNumber());
            }
            return List.of(BotMessage.text(text), BotMessage.order(OrderDto.of(o, lines).toJson(), text));
        });
    }
}
