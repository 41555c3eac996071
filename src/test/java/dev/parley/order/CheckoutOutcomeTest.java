package dev.parley.order;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class CheckoutOutcomeTest {

    @Test
    void anOutcomeSurvivesStorage() {
        for (CheckoutOutcome o : List.of(CheckoutOutcome.of(CheckoutOutcome.Kind.PAID, "PRL-1234567890"),
                new CheckoutOutcome(CheckoutOutcome.Kind.DECLINED, "PRL-9876543210", "card_declined", List.of()),
                new CheckoutOutcome(CheckoutOutcome.Kind.SOLD_OUT, null, null, List.of("SKU-1", "SKU-2")))) {
            assertEquals(o, CheckoutOutcome.fromJson(o.toJson()));
        }
    }

    @Test
    void amountsGoToProvidersInMinorUnits() {
        assertEquals(129000, CheckoutSteps.minor(new BigDecimal("1290.00"), "TWD"));
        assertEquals(1999, CheckoutSteps.minor(new BigDecimal("19.99"), "USD"));
        assertEquals(1500, CheckoutSteps.minor(new BigDecimal("1500"), "JPY"));
    }

    @Test
    void orderNumbersAreRandomTenDigitNumbersInTheFormTheNluReads() {
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String n = Orders.newNumber();
            assertTrue(n.matches("PRL-[1-9][0-9]{9}"), n);
            seen.add(n);
        }
        assertEquals(1000, seen.size());
    }

    @Test
    void fulfilmentMovesOnlyForwards() {
        assertEquals(java.util.Set.of(OrderStatus.PACKED, OrderStatus.SHIPPED), OrderStatus.PAID.fulfilmentNext());
        assertEquals(java.util.Set.of(OrderStatus.DELIVERED), OrderStatus.SHIPPED.fulfilmentNext());
        assertTrue(OrderStatus.PENDING_PAYMENT.fulfilmentNext().isEmpty());
        assertTrue(OrderStatus.DELIVERED.fulfilmentNext().isEmpty());
        assertEquals(OrderStatus.PENDING_PAYMENT, OrderStatus.parse("pending_payment").orElseThrow());
    }
}
