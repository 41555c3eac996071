package dev.parley.payment;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.parley.platform.ParleySettings;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Stripe adapter's real client against a local stand-in for Stripe's API: what goes on the wire, and what comes back. */
class StripeGatewayTest {

    WireMockServer stripe;
    StripeGateway gateway;

    @BeforeEach
    void start() {
        stripe = new WireMockServer(options().dynamicPort());
        stripe.start();
        gateway = gateway("http://localhost:" + stripe.port());
    }

    @AfterEach
    void stop() {
        stripe.stop();
    }

    static StripeGateway gateway(String base) {
        StripeGateway g = new StripeGateway();
        g.settings = new ParleySettings() {
            @Override
            public Optional<String> stripeSecretKey() {
                return Optional.of("sk_test_unit");
            }

            @Override
            public Optional<String> stripeApiBase() {
                return Optional.of(base);
            }
        };
        g.connect();
        return g;
    }

    static String intent(String status) {
        return "{\"id\": \"pi_123\", \"object\": \"payment_intent\", \"amount\": 129000, \"currency\": \"twd\", "
                + "\"status\": \"" + status + "\"}";
    }

    @Test
    void aChargeIsOneConfirmedPaymentIntentWithTheKeyAndTheAmountInMinorUnits() {
        stripe.stubFor(post(urlEqualTo("/v1/payment_intents")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(intent("succeeded"))));
        ChargeResult r = gateway.charge(new ChargeRequest("checkout-key-1", 129000, "TWD", "pm_card_visa", "PRL-1"));
        assertEquals(new ChargeResult(ChargeResult.Status.SUCCEEDED, "pi_123", null), r);
        stripe.verify(1, postRequestedFor(urlEqualTo("/v1/payment_intents"))
                .withHeader("Idempotency-Key", equalTo("checkout-key-1"))
                .withHeader("Authorization", equalTo("Bearer sk_test_unit"))
                .withRequestBody(containing("amount=129000"))
                .withRequestBody(containing("currency=twd"))
                .withRequestBody(containing("confirm=true"))
                .withRequestBody(containing("payment_method=pm_card_visa")));
    }

    @Test
    void aCardErrorIsADeclineWithStripesReason() {
        stripe.stubFor(post(urlEqualTo("/v1/payment_intents")).willReturn(aResponse().withStatus(402)
                .withHeader("Content-Type", "application/json").withBody("{\"error\": {\"type\": \"card_error\", "
                        + "\"code\": \"card_declined\", \"decline_code\": \"insufficient_funds\", "
                        + "\"message\": \"Your card has insufficient funds.\"}}")));
        ChargeResult r = gateway.charge(new ChargeRequest("checkout-key-2", 500, "TWD", "pm_card_chargeDeclined", "PRL-2"));
        assertEquals(ChargeResult.Status.DECLINED, r.status());
        assertEquals("insufficient_funds", r.declineCode());
    }

    @Test
    void authenticationRequiredAndAnUnreachableStripeAreToldApart() {
        stripe.stubFor(post(urlEqualTo("/v1/payment_intents")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(intent("requires_action"))));
        assertEquals(ChargeResult.Status.REQUIRES_ACTION, gateway.charge(new ChargeRequest("k-3", 100, "TWD",
                "pm_card_threeDSecure2Required", "PRL-3")).status());
        int port = stripe.port();
        stripe.stop();
        assertEquals(ChargeResult.Status.UNKNOWN, gateway("http://localhost:" + port)
                .charge(new ChargeRequest("k-4", 100, "TWD", "pm_card_visa", "PRL-4")).status(),
                "not reached: unknown, so the same key is tried again rather than the order failed");
    }

    @Test
    void aRefundNamesThePaymentIntentAndCarriesItsOwnKey() {
        stripe.stubFor(post(urlEqualTo("/v1/refunds")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"id\": \"re_1\", \"object\": \"refund\", "
                        + "\"amount\": 129000, \"status\": \"succeeded\"}")));
        ChargeResult r = gateway.refund("pi_123", 129000, "TWD", "refund:PRL-1");
        assertEquals(new ChargeResult(ChargeResult.Status.SUCCEEDED, "re_1", null), r);
        stripe.verify(1, postRequestedFor(urlEqualTo("/v1/refunds")).withHeader("Idempotency-Key", equalTo("refund:PRL-1"))
                .withRequestBody(containing("payment_intent=pi_123")).withRequestBody(containing("amount=129000")));
    }
}
