package dev.parley.order;

import dev.parley.payment.ChargeResult;
import dev.parley.payment.PaymentGateway;
import dev.parley.payment.PaymentGateways;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Checkout: reserve and write the order ({@link CheckoutSteps#begin}), charge the provider with the client's
 * idempotency key outside any transaction, then record the answer ({@link CheckoutSteps#settle}). A retry with
 * the same key replays a settled outcome, or resumes an unsettled charge (the provider answers a repeated key
 * with its first answer), so no retry, double click or crash makes a second order or charge.
 */
@ApplicationScoped
public class CheckoutService {

    private static final Logger LOG = Logger.getLogger(CheckoutService.class.getName());

    @Inject
    CheckoutSteps steps;

    @Inject
    PaymentGateways gateways;

    @Inject
    CustomerAddresses addresses;

    /** Checks a cart out. Must not be called inside a transaction (the charge would run under its locks). */
    public CheckoutOutcome checkout(Buyer buyer, CheckoutRequest request) {
        CheckoutSteps.Step step = steps.begin(buyer, request);
        if (step instanceof CheckoutSteps.Done done) {
            return done.outcome();
        }
        CheckoutSteps.Charge charge = (CheckoutSteps.Charge) step;
        PaymentGateway gateway = gateways.named(request.provider()).orElseThrow();
        ChargeResult result;
        try {
            result = gateway.charge(charge.request());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Payment provider {0} failed for order {1}: {2}",
                    new Object[] {gateway.provider(), charge.orderNumber(), e.getMessage()});
            result = new ChargeResult(ChargeResult.Status.UNKNOWN, null, null);
        }
        CheckoutOutcome outcome = steps.settle(request.idempotencyKey(), gateway.provider(), charge.request(), result);
        if (outcome.kind() == CheckoutOutcome.Kind.PAID && buyer.customerId() != null) {
            try {
                addresses.remember(buyer.customerId(), request.email(), request.address());
            } catch (RuntimeException e) {
                // The order stands; the address is merely not offered next time.
                LOG.log(Level.WARNING, "Could not keep the address of order {0}: {1}",
                        new Object[] {outcome.orderNumber(), e.getMessage()});
            }
        }
        return outcome;
    }
}
