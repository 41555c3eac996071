package dev.parley.order.api;

import dev.parley.order.StripeWebhooks;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code POST /api/v1/payments/stripe/webhook}: Stripe's signed events about PaymentIntents. */
@Path("v1/payments/stripe/webhook")
@RequestScoped
@Tag(name = "Payments")
public class StripeWebhookResource {

    @Inject
    StripeWebhooks webhooks;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Stripe webhook (Stripe-Signature checked with PARLEY_STRIPE_WEBHOOK_SECRET; 400 when it does "
            + "not match; an event seen before is acknowledged and changes nothing)")
    public JsonObject receive(String payload, @HeaderParam("Stripe-Signature") String signature) {
        StripeWebhooks.Outcome outcome = webhooks.receive(payload, signature);
        return Json.createObjectBuilder().add("received", true).add("outcome", outcome.name().toLowerCase()).build();
    }
}
