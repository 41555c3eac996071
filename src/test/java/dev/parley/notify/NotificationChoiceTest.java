package dev.parley.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.parley.order.OrderStatus;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NotificationChoiceTest {

    @Test
    void onlyPaymentAndShipmentCallForAMailOfTheirOwn() {
        for (OrderStatus s : OrderStatus.values()) {
            Optional<NotificationKind> expected = switch (s) {
                case PAID -> Optional.of(NotificationKind.ORDER_CONFIRMATION);
                case SHIPPED -> Optional.of(NotificationKind.SHIPPING);
                default -> Optional.empty();
            };
            assertEquals(expected, OrderNotifications.kindFor(s), s.wireName());
        }
    }

    @Test
    void failedAttemptsBackOffThenGiveUpAfterEight() {
        assertEquals(Optional.of(Duration.ofMinutes(1)), RetrySchedule.retryAfter(1));
        assertEquals(Optional.of(Duration.ofMinutes(5)), RetrySchedule.retryAfter(2));
        assertEquals(Optional.of(Duration.ofMinutes(15)), RetrySchedule.retryAfter(3));
        assertEquals(Optional.of(Duration.ofMinutes(60)), RetrySchedule.retryAfter(4));
        assertEquals(Optional.of(Duration.ofHours(12)), RetrySchedule.retryAfter(7));
        assertEquals(Optional.empty(), RetrySchedule.retryAfter(8));
        assertEquals(Optional.empty(), RetrySchedule.retryAfter(9));
    }

    @Test
    void kindsAreStoredByTheirWireNames() {
        assertEquals("order_confirmation", NotificationKind.ORDER_CONFIRMATION.wireName());
        assertEquals("shipping", NotificationKind.SHIPPING.wireName());
        assertEquals("refund", NotificationKind.REFUND.wireName());
    }
}
