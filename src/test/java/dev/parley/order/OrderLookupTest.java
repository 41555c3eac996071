package dev.parley.order;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class OrderLookupTest {

    static Orders.StoredOrder order(String email, String phone) {
        BigDecimal z = BigDecimal.ZERO;
        return new Orders.StoredOrder(1, "PRL-1234567890", "cart", null, null, null, email, phone, "address", "standard",
                "en", "TWD", z, z, z, z, null, 1, OrderStatus.PAID, null, null, null, Instant.now(), null, null, null,
                null);
    }

    @Test
    void theEmailMatchesWhateverItsCase() {
        assertTrue(OrderLookup.matches(order("Mei@Example.com", null), "mei@example.COM"));
        assertFalse(OrderLookup.matches(order("mei@example.com", null), "mei@example.org"));
        assertFalse(OrderLookup.matches(order("mei@example.com", null), " "));
        assertFalse(OrderLookup.matches(order("mei@example.com", null), null));
    }

    @Test
    void aPhoneMatchesInAnyFormOfTheSameNationalNumber() {
        Orders.StoredOrder o = order("mei@example.com", "0912-345-678");
        assertTrue(OrderLookup.matches(o, "+886 912 345 678"));
        assertTrue(OrderLookup.matches(o, "0912345678"));
        assertFalse(OrderLookup.matches(o, "0912345679"));
        assertFalse(OrderLookup.matches(o, "345678"), "too short to say");
        assertFalse(OrderLookup.matches(order("mei@example.com", null), "0912345678"), "no phone on the order");
    }

    @Test
    void orderNumbersAreReadLeniently() {
        assertEquals("PRL-1234567890", OrderLookup.normalise(" prl_1234567890 "));
        assertEquals("PRL-1234567890", OrderLookup.normalise("PRL 1234567890"));
    }
}
