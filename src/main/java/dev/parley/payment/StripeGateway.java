package dev.parley.payment;

import com.stripe.StripeClient;
import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.CardException;
import com.stripe.exception.StripeException;
import com.stripe.model.PaymentIntent;
import com.stripe.model.Refund;
import com.stripe.model.StripeSearchResult;
import com.stripe.net.RequestOptions;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.PaymentIntentSearchParams;
import com.stripe.param.RefundCreateParams;
import dev.parley.platform.ParleySettings;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Stripe through its official client ({@code stripe-java}): a charge is a PaymentIntent created and confirmed in
 * one request with the checkout's idempotency key (Stripe answers a repeated key with the first answer), the
 * amount in minor units, and the PaymentMethod the storefront's Stripe.js made from the card ({@code pm_…}; card
 * numbers never reach this server). Offered when {@code PARLEY_STRIPE_SECRET_KEY} is set;
 * {@code PARLEY_STRIPE_API_BASE} points it elsewhere (a local stub in tests).
 */
@ApplicationScoped
public class StripeGateway implements PaymentGateway {

    private static final Logger LOG = Logger.getLogger(StripeGateway.class.getName());

    @Inject
    ParleySettings settings;

    private StripeClient client;

    @PostConstruct
    void connect() {
        settings.stripeSecretKey().ifPresent(key -> {
            StripeClient.StripeClientBuilder b = StripeClient.builder().setApiKey(key).setConnectTimeout(10_000)
                    .setReadTimeout(30_000).setMaxNetworkRetries(2);
            settings.stripeApiBase().ifPresent(b::setApiBase);
            client = b.build();
        });
    }

    @Override
    public String provider() {
        return "stripe";
    }

    @Override
    public boolean enabled() {
        return client != null;
    }

    @Override
    public ChargeResult charge(ChargeRequest request) {
        PaymentIntentCreateParams params = PaymentIntentCreateParams.builder()
                .setAmount(request.amountMinor())
                .setCurrency(request.currency().toLowerCase(Locale.ROOT))
                .setPaymentMethod(request.card())
                .addPaymentMethodType("card")
                .setConfirm(true)
                .setDescription(request.description())
                .putMetadata("checkout_key", request.idempotencyKey())
                .putMetadata("order", request.description())
                .build();
        try {
            PaymentIntent intent = client.paymentIntents().create(params, key(request.idempotencyKey()));
            return result(intent);
        } catch (CardException e) {
            return new ChargeResult(ChargeResult.Status.DECLINED, null,
                    e.getDeclineCode() != null ? e.getDeclineCode() : e.getCode());
        } catch (ApiConnectionException e) {
            LOG.log(Level.WARNING, "Stripe not reached for {0}: {1}", new Object[] {request.description(), e.getMessage()});
            return new ChargeResult(ChargeResult.Status.UNKNOWN, null, null);
        } catch (StripeException e) {
            LOG.log(Level.WARNING, "Stripe refused the charge for {0}: {1}", new Object[] {request.description(),
                e.getMessage()});
            return e.getStatusCode() != null && e.getStatusCode() >= 500
                    ? new ChargeResult(ChargeResult.Status.UNKNOWN, null, null)
                    : new ChargeResult(ChargeResult.Status.DECLINED, null, e.getCode());
        }
    }

    @Override
    public ChargeResult refund(String chargeRef, long amountMinor, String currency, String idempotencyKey) {
        try {
            Refund refund = client.refunds().create(RefundCreateParams.builder().setPaymentIntent(chargeRef)
                    .setAmount(amountMinor).build(), key(idempotencyKey));
            boolean ok = "succeeded".equals(refund.getStatus()) || "pending".equals(refund.getStatus());
            return new ChargeResult(ok ? ChargeResult.Status.SUCCEEDED : ChargeResult.Status.DECLINED, refund.getId(),
                    ok ? null : refund.getFailureReason());
        } catch (ApiConnectionException e) {
            return new ChargeResult(ChargeResult.Status.UNKNOWN, null, null);
        } catch (StripeException e) {
            // Stripe's own trouble (5xx) or rate limiting is worth retrying with the same key; anything else is
            // a refusal of this refund.
            Integer status = e.getStatusCode();
            boolean transient_ = status == null || status >= 500 || status == 429;
            return new ChargeResult(transient_ ? ChargeResult.Status.UNKNOWN : ChargeResult.Status.DECLINED, null,
                    e.getCode());
        }
    }

    /**
     * The PaymentIntent a checkout key made, found by its metadata (Stripe's search; it can lag by a minute, which
     * the janitor's two-minute wait covers). Unknown, not absent, when Stripe cannot be asked.
     */
    @Override
    public Optional<ChargeResult> find(String idempotencyKey) {
        try {
            StripeSearchResult<PaymentIntent> found = client.paymentIntents().search(PaymentIntentSearchParams.builder()
                    .setQuery("metadata['checkout_key']:'" + idempotencyKey.replace("'", "") + "'").build());
            return found.getData().stream().findFirst().map(StripeGateway::result);
        } catch (StripeException e) {
            return Optional.of(new ChargeResult(ChargeResult.Status.UNKNOWN, null, null));
        }
    }

    private static ChargeResult result(PaymentIntent intent) {
        return switch (intent.getStatus()) {
            case "succeeded" -> new ChargeResult(ChargeResult.Status.SUCCEEDED, intent.getId(), null);
            case "requires_action" -> new ChargeResult(ChargeResult.Status.REQUIRES_ACTION, intent.getId(), null);
            case "requires_payment_method", "canceled" -> new ChargeResult(ChargeResult.Status.DECLINED, intent.getId(),
                    intent.getLastPaymentError() == null ? "card_declined"
                            : Optional.ofNullable(intent.getLastPaymentError().getDeclineCode())
                                    .orElse(intent.getLastPaymentError().getCode()));
            default -> new ChargeResult(ChargeResult.Status.UNKNOWN, intent.getId(), null);
        };
    }

    private static RequestOptions key(String idempotencyKey) {
        return RequestOptions.builder().setIdempotencyKey(idempotencyKey).build();
    }
}
