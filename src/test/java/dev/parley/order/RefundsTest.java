package dev.parley.order;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RefundsTest {

    @Test
    void retriesWaitLongerEachTimeThenTwiceADayForever() {
        assertEquals(Duration.ofMinutes(1), Refunds.backoff(1));
        assertEquals(Duration.ofMinutes(5), Refunds.backoff(2));
        assertEquals(Duration.ofMinutes(15), Refunds.backoff(3));
        assertEquals(Duration.ofHours(1), Refunds.backoff(4));
        assertEquals(Duration.ofHours(12), Refunds.backoff(7));
        assertEquals(Duration.ofHours(12), Refunds.backoff(50), "a refund owed is never given up");
        assertEquals(Duration.ofMinutes(1), Refunds.backoff(0));
    }
}
