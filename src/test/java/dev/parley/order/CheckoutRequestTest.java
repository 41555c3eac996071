package dev.parley.order;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class CheckoutRequestTest {

    static final CheckoutRequest.Address TAIPEI = new CheckoutRequest.Address("Lin Mei", "No. 7, Sec. 1, Zhongxiao E. Rd.",
            null, "Taipei", "100", "tw", "+886 912 345 678");

    static CheckoutRequest request(String email, CheckoutRequest.Address address, String card) {
        return new CheckoutRequest("key-00000001", email, address, "standard", "sandbox", card);
    }

    @Test
    void aCompleteFormHasNoProblemsAndTheCountryIsUpperCased() {
        CheckoutRequest r = request("mei@example.com", TAIPEI, "4242 4242 4242 4242");
        assertEquals(List.of(), r.problems());
        assertEquals("TW", r.country());
        assertEquals("4242424242424242", r.cardDigits());
    }

    @Test
    void eachBadFieldIsNamed() {
        CheckoutRequest.Address bad = new CheckoutRequest.Address(" ", "", null, "Taipei", "!", "Taiwan", "call me");
        assertEquals(List.of("email", "shippingAddress.name", "shippingAddress.line1", "shippingAddress.postalCode",
                "shippingAddress.country", "shippingAddress.phone", "payment.card"),
                request("not-an-email", bad, "4242424242424241").problems());
        assertEquals(List.of("shippingAddress"), request("mei@example.com", null, "4242424242424242").problems());
    }

    @Test
    void cardNumbersMustPassTheLuhnCheck() {
        assertTrue(CheckoutRequest.luhn("4242424242424242"));
        assertTrue(CheckoutRequest.luhn("4000000000000002"));
        assertTrue(CheckoutRequest.luhn("4000002500003155"));
        assertFalse(CheckoutRequest.luhn("4242424242424243"));
        assertEquals(List.of("payment.card"), request("mei@example.com", TAIPEI, "1234").problems());
    }

    @Test
    void theFingerprintCoversCartAddressAndMethodButNotTheCard() {
        CheckoutRequest a = request("mei@example.com", TAIPEI, "4242424242424242");
        CheckoutRequest otherCard = request("Mei@Example.com", TAIPEI, "4000000000000002");
        CheckoutRequest otherAddress = request("mei@example.com", new CheckoutRequest.Address("Lin Mei", "Elsewhere 1",
                null, "Taipei", "100", "TW", null), "4242424242424242");
        assertEquals(a.fingerprint("cart-1"), otherCard.fingerprint("cart-1"));
        assertNotEquals(a.fingerprint("cart-1"), a.fingerprint("cart-2"));
        assertNotEquals(a.fingerprint("cart-1"), otherAddress.fingerprint("cart-1"));
    }

    @Test
    void theCardNumberNeverAppearsInTheRequestsText() {
        assertFalse(request("mei@example.com", TAIPEI, "4242424242424242").toString().contains("4242"));
    }

    @Test
    void keysAreEightTo128SafeCharacters() {
        assertTrue(CheckoutRequest.KEY.matcher("0b9d7a3e-1c2f-4e5a-9b8c-7d6e5f4a3b2c").matches());
        assertFalse(CheckoutRequest.KEY.matcher("short").matches());
        assertFalse(CheckoutRequest.KEY.matcher("has space in it").matches());
        assertFalse(CheckoutRequest.KEY.matcher("x".repeat(129)).matches());
    }
}
