package dev.parley.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.order.OrderStatus;
import dev.parley.order.Orders;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OrderMailsTest {

    static Orders.StoredOrder order(String locale, String carrier, String tracking) {
        return new Orders.StoredOrder(1, "PRL-1234567890", "cart", null, null, "anon", "mei@example.com", null,
                "Taipei", "standard", locale, "TWD", new BigDecimal("2990.00"), new BigDecimal("100.00"),
                new BigDecimal("80.00"), new BigDecimal("2970.00"), "WELCOME100", 1, OrderStatus.PAID, carrier, tracking,
                null, Instant.now(), Instant.now(), null, null, null);
    }

    static final List<Orders.Line> LINES = List.of(
            new Orders.Line(1, "COAT-M", 7, "Rain Coat", "M", 1, new BigDecimal("1990.00"), new BigDecimal("1990.00"),
                    new BigDecimal("100.00"), new BigDecimal("1890.00")),
            new Orders.Line(2, "TEE-L", 8, "Plain Tee", "", 2, new BigDecimal("500.00"), new BigDecimal("1000.00"),
                    BigDecimal.ZERO, new BigDecimal("1000.00")));

    @Test
    void theConfirmationListsWhatWasSoldAndTheAmountsTheOrderRecorded() {
        Mail m = OrderMails.of("en", "Demo Shop").confirmation(order("en", null, null), LINES);
        assertEquals("mei@example.com", m.recipient());
        assertEquals("Order PRL-1234567890 confirmed", m.subject());
        assertTrue(m.body().contains("Rain Coat (M) × 1: NT$1,890"), m.body());
        assertTrue(m.body().contains("Plain Tee × 2: NT$1,000"), m.body());
        assertTrue(m.body().contains("Subtotal: NT$2,990"), m.body());
        assertTrue(m.body().contains("Discounts: -NT$100"), m.body());
        assertTrue(m.body().contains("Shipping: NT$80"), m.body());
        assertTrue(m.body().contains("Total paid: NT$2,970"), m.body());
        assertTrue(m.body().contains("Demo Shop"), m.body());
    }

    @Test
    void noDiscountLineWhenNothingWasTakenOff() {
        Orders.StoredOrder o = order("en", null, null);
        Orders.StoredOrder plain = new Orders.StoredOrder(o.id(), o.orderNumber(), o.cartId(), null, null, "anon",
                o.email(), null, "Taipei", "standard", "en", "USD", new BigDecimal("12.50"), BigDecimal.ZERO.setScale(2),
                new BigDecimal("5.00"), new BigDecimal("17.50"), null, 1, OrderStatus.PAID, null, null, null, o.placedAt(),
                o.paidAt(), null, null, null);
        Mail m = OrderMails.of("en", "Demo Shop").confirmation(plain, List.of(LINES.get(1)));
        assertFalse(m.body().contains("Discounts"), m.body());
        assertTrue(m.body().contains("Total paid: $17.50"), m.body());
    }

    @Test
    void theShippingMailGivesCarrierAndTrackingNumber() {
        Mail m = OrderMails.of("zh-TW", "示範商店").shipping(order("zh-TW", "黑貓宅急便", "BC123456789TW"));
        assertEquals("訂單 PRL-1234567890 已出貨", m.subject());
        assertTrue(m.body().contains("物流：黑貓宅急便"), m.body());
        assertTrue(m.body().contains("追蹤編號：BC123456789TW"), m.body());
        Mail noCarrier = OrderMails.of("en", "Demo Shop").shipping(order("en", null, "T-1"));
        assertFalse(noCarrier.body().contains("Carrier"), noCarrier.body());
        assertTrue(noCarrier.body().contains("Tracking number: T-1"), noCarrier.body());
    }

    @Test
    void theRefundMailNamesTheAmountRefundedAndWhy() {
        Mail cancelled = OrderMails.of("zh-CN", "Demo").refund(order("zh-CN", null, null), "cancel", new BigDecimal("2970.00"));
        assertEquals("订单 PRL-1234567890 退款通知", cancelled.subject());
        assertTrue(cancelled.body().contains("已取消，NT$2,970 已退回"), cancelled.body());
        Mail returned = OrderMails.of("en", "Demo").refund(order("en", null, null), "RMA-1234567890", new BigDecimal("1890.00"));
        assertTrue(returned.body().contains("return RMA-1234567890 of order PRL-1234567890, and NT$1,890 has been refunded"),
                returned.body());
    }

    @Test
    void anUnknownLanguageReadsEnglish() {
        assertEquals("Order PRL-1234567890 confirmed",
                OrderMails.of("fr", "Demo").confirmation(order("fr", null, null), LINES).subject());
    }

    @ParameterizedTest
    @ValueSource(strings = {"notifications_zh_TW.properties", "notifications_zh_CN.properties"})
    void everyLanguageHasTheSameKeys(String file) throws IOException {
        assertEquals(keys("notifications.properties"), keys(file));
    }

    private static java.util.Set<String> keys(String file) throws IOException {
        Properties p = new Properties();
        try (InputStream in = OrderMails.class.getResourceAsStream(file)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p.stringPropertyNames();
    }
}
