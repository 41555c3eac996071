package dev.parley.notify;

import dev.parley.order.OrderChanged;
import dev.parley.order.OrderLookup;
import dev.parley.order.OrderRefunded;
import dev.parley.order.OrderStatus;
import dev.parley.order.Orders;
import dev.parley.platform.store.StoreProfiles;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Logger;

/**
 * Decides which order changes the shopper hears of by e-mail (paid → order confirmation, shipped → shipping with the
 * tracking number, a confirmed refund → refund with its amount), composes the mail in the order's language and queues
 * it in the outbox inside the transaction that changed the order; after that transaction commits, sends it at once on
 * the managed executor. Whatever is not sent then, the {@link NotificationTimer} sends.
 */
@ApplicationScoped
public class OrderNotifications {

    private static final Logger LOG = Logger.getLogger(OrderNotifications.class.getName());

    @Inject
    OrderLookup lookup;

    @Inject
    StoreProfiles profiles;

    @Inject
    Outbox outbox;

    @Inject
    NotificationSender sender;

    @Inject
    Event<NotificationQueued> queued;

    @Resource
    ManagedExecutorService executor;

    /** The mail an order's move to {@code status} calls for, if any (refunds come as {@link OrderRefunded}). */
    public static Optional<NotificationKind> kindFor(OrderStatus status) {
        return switch (status) {
            case PAID -> Optional.of(NotificationKind.ORDER_CONFIRMATION);
            case SHIPPED -> Optional.of(NotificationKind.SHIPPING);
            default -> Optional.empty();
        };
    }

    void onChange(@Observes OrderChanged change) {
        Optional<NotificationKind> kind = kindFor(change.status());
        if (kind.isEmpty()) {
            return;
        }
        Orders.StoredOrder o = lookup.proven(change.orderNumber()).orElseThrow();
        OrderMails mails = mails(o);
        Mail mail = kind.get() == NotificationKind.ORDER_CONFIRMATION ? mails.confirmation(o, lookup.lines(o.id()))
                : mails.shipping(o);
        queue(kind.get(), o, "", mail);
    }

    void onRefund(@Observes OrderRefunded refund) {
        Orders.StoredOrder o = lookup.proven(refund.orderNumber()).orElseThrow();
        queue(NotificationKind.REFUND, o, refund.reference(), mails(o).refund(o, refund.reference(), refund.amount()));
    }

    /** After the order's transaction committed: send now, off the request thread. */
    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) NotificationQueued q) {
        try {
            executor.execute(() -> sender.deliver(q.id()));
        } catch (RejectedExecutionException e) {
            LOG.fine(() -> "Notification " + q.id() + " left to the timer: " + e.getMessage());
        }
    }

    private OrderMails mails(Orders.StoredOrder o) {
        return OrderMails.of(o.locale(), profiles.current().name());
    }

    private void queue(NotificationKind kind, Orders.StoredOrder o, String eventKey, Mail mail) {
        OptionalLong id = outbox.enqueue(kind, o.orderNumber(), eventKey, o.locale(), mail);
        id.ifPresent(i -> queued.fire(new NotificationQueued(i)));
    }
}
