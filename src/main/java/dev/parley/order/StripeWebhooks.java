package dev.parley.order;

import com.google.gson.JsonParseException;
import com.stripe.exception.EventDataObjectDeserializationException;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.model.Event;
import com.stripe.model.PaymentIntent;
import com.stripe.net.Webhook;
import dev.parley.payment.ChargeRequest;
import dev.parley.payment.ChargeResult;
import dev.parley.platform.DomainException;
import dev.parley.platform.DomainException.Kind;
import dev.parley.platform.ParleySettings;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Stripe's webhook: a PaymentIntent that succeeded or failed after the checkout answered (the bank's
 * authentication finished in the shopper's browser, or a late result) settles its checkout attempt as a direct
 * answer would. The signature is checked with the endpoint's secret (and Stripe's five-minute tolerance); an event
 * already handled is acknowledged and changes nothing.
 */
@ApplicationScoped
public class StripeWebhooks {

    private static final Logger LOG = Logger.getLogger(StripeWebhooks.class.getName());

    @Inject
    ParleySettings settings;

    @Inject
    CheckoutSteps steps;

    @Inject
    Orders orders;

    @Resource(lookup = "jdbc/parley")
    DataSource db;

    /** What became of an event. */
    public enum Outcome {
        /** A checkout attempt was settled by it. */
        SETTLED,
        /** Seen before: nothing done. */
        DUPLICATE,
        /** Not about a checkout of this store (another type, or an unknown key): acknowledged. */
        IGNORED
    }

    /** Verifies and handles one delivery. A bad signature or body is refused (400) and changes nothing. */
    public Outcome receive(String payload, String signature) {
        String secret = settings.stripeWebhookSecret().orElseThrow(() -> new DomainException(Kind.NOT_FOUND,
                "no-stripe-webhook", "This store has no Stripe webhook (PARLEY_STRIPE_WEBHOOK_SECRET is not set)."));
        Event event;
        try {
            event = Webhook.constructEvent(payload == null ? "" : payload, signature == null ? "" : signature, secret);
        } catch (SignatureVerificationException e) {
            throw new DomainException(Kind.INVALID, "bad-webhook-signature",
                    "The Stripe-Signature header does not match this payload, or it is too old.");
        } catch (JsonParseException e) {
            throw new DomainException(Kind.INVALID, "bad-webhook-payload", "The webhook body is not a Stripe event.");
        }
        if (seen(event.getId())) {
            return Outcome.DUPLICATE;
        }
        Outcome outcome = handle(event);
        remember(event.getId(), event.getType());
        return outcome;
    }

    private Outcome handle(Event event) {
        ChargeResult.Status status = switch (event.getType()) {
            case "payment_intent.succeeded" -> ChargeResult.Status.SUCCEEDED;
            case "payment_intent.payment_failed" -> ChargeResult.Status.DECLINED;
            default -> null;
        };
        if (status == null) {
            return Outcome.IGNORED;
        }
        PaymentIntent intent;
        try {
            intent = (PaymentIntent) event.getDataObjectDeserializer().deserializeUnsafe();
        } catch (EventDataObjectDeserializationException | ClassCastException e) {
            throw new DomainException(Kind.INVALID, "bad-webhook-payload", "The event does not hold a PaymentIntent.");
        }
        String key = intent.getMetadata() == null ? null : intent.getMetadata().get("checkout_key");
        Optional<Orders.Attempt> attempt = key == null ? Optional.empty() : orders.attempt(key, false);
        if (attempt.isEmpty() || attempt.get().orderId() == null) {
            return Outcome.IGNORED;
        }
        Orders.StoredOrder order = orders.find(attempt.get().orderId(), false).orElseThrow();
        long minor = CheckoutSteps.minor(order.total(), order.currency());
        if (intent.getAmount() == null || intent.getAmount() != minor) {
            LOG.severe(() -> "Stripe event " + event.getId() + " for order " + order.orderNumber() + " is for "
                    + intent.getAmount() + " minor units, not the order's " + minor + "; not applied");
            return Outcome.IGNORED;
        }
        String decline = intent.getLastPaymentError() == null ? null
                : Optional.ofNullable(intent.getLastPaymentError().getDeclineCode())
                        .orElse(intent.getLastPaymentError().getCode());
        steps.settle(key, "stripe", new ChargeRequest(key, minor, order.currency(), null, order.orderNumber()),
                new ChargeResult(status, intent.getId(), status == ChargeResult.Status.DECLINED ? decline : null));
        return Outcome.SETTLED;
    }

    private boolean seen(String eventId) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(
                "select 1 from payment_webhook_event where provider = 'stripe' and event_id = ?")) {
            s.setString(1, eventId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw unavailable();
        }
    }

    private void remember(String eventId, String type) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement("insert ignore into "
                + "payment_webhook_event (provider, event_id, event_type, received_at) values ('stripe', ?, ?, ?)")) {
            s.setString(1, eventId);
            s.setString(2, type.length() > 64 ? type.substring(0, 64) : type);
            s.setTimestamp(3, Timestamp.valueOf(LocalDateTime.now(ZoneOffset.UTC)));
            s.executeUpdate();
        } catch (SQLException e) {
            throw unavailable();
        }
    }

    private static DomainException unavailable() {
        return new DomainException(Kind.UNAVAILABLE, "database-unavailable", "The webhook cannot be recorded now.");
    }
}
