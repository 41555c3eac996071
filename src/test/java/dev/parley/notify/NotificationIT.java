package dev.parley.notify;

import static dev.parley.testing.Http.admin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.parley.platform.MoneyFormat;
import dev.parley.testing.BlackBoxIT;
import dev.parley.testing.Chat;
import dev.parley.testing.Db;
import dev.parley.testing.Http;
import dev.parley.testing.ParleyServer;
import dev.parley.testing.Shop;
import jakarta.json.JsonObject;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Order mail on the real server, received by an SMTP server (GreenMail) on the port the build gave the server under
 * test ({@code PARLEY_SMTP_PORT}): a confirmation with the order's total once paid, a shipping mail with the tracking
 * number, refund mails for a cancellation and for a returned item, each once however often the event is repeated, a
 * Chinese mail for a Chinese purchase, and a mail the SMTP server could not take at first delivered by the timer.
 */
@BlackBoxIT
class NotificationIT {

    static GreenMail smtp;

    @ParleyServer.Base
    Http http;

    Chat chat;

    Shop shop;

    @BeforeAll
    static void startSmtp() {
        smtp = newSmtp();
        smtp.start();
    }

    @AfterAll
    static void stopSmtp() {
        smtp.stop();
    }

    @BeforeEach
    void client() {
        chat = new Chat(http);
        shop = new Shop(http);
    }

    @Test
    void aPaidOrderIsConfirmedOnceWithItsTotalThenItsShipmentWithTheTrackingNumber() throws Exception {
        String email = email();
        String sku = shop.product("NT", 5, 1500);
        String id = chat.start("en", "buyer-" + UUID.randomUUID());
        chat.act(id, "{\"type\": \"add_to_cart\", \"sku\": \"" + sku + "\", \"quantity\": 1}");
        String form = Chat.checkout("it-" + UUID.randomUUID(), Chat.GOOD_CARD, "standard").replace("shopper@example.com", email);
        String number = Chat.order(chat.act(id, form)).orElseThrow().getString("orderNumber");

        MimeMessage confirmation = awaitMails(email, 1).get(0);
        assertEquals("Order " + number + " confirmed", confirmation.getSubject());
        assertTrue(body(confirmation).contains("Total paid: " + total(number, "en")), body(confirmation));
        assertEquals(List.of(new InternetAddress("shop@parley.test")), Arrays.asList(confirmation.getFrom()));

        // The same checkout sent again (a retry with its idempotency key) is the same paid order: no second mail.
        assertEquals(number, Chat.order(chat.act(id, form)).orElseThrow().getString("orderNumber"));

        assertEquals(200, move(number, "{\"status\": \"packed\"}").statusCode());
        assertEquals(200, move(number, "{\"status\": \"shipped\", \"carrier\": \"Black Cat\", "
                + "\"trackingNumber\": \"BC-NOTIFY-1\"}").statusCode());
        assertEquals(409, move(number, "{\"status\": \"shipped\", \"trackingNumber\": \"BC-NOTIFY-2\"}").statusCode());
        List<MimeMessage> mails = awaitMails(email, 2);
        MimeMessage shipping = mails.get(1);
        assertEquals("Order " + number + " has shipped", shipping.getSubject());
        assertTrue(body(shipping).contains("Tracking number: BC-NOTIFY-1"), body(shipping));
        assertTrue(body(shipping).contains("Carrier: Black Cat"), body(shipping));

        assertEquals(200, move(number, "{\"status\": \"delivered\"}").statusCode());
        Thread.sleep(2_000);
        assertEquals(2, mails(email).size(), "packing and delivery send nothing; nothing is sent twice");
        assertEquals(List.of(List.of("order_confirmation", "sent", 1), List.of("shipping", "sent", 1)), Db.rows("select "
                + "kind, status, attempts from notification where order_number = ? order by id", number));
    }

    @Test
    void aCancelledOrderIsRefundedByMailWithTheAmountRefunded() throws Exception {
        String email = email();
        String sku = shop.product("NT", 5, 1200);
        String number = buy("en", sku, email)[1];
        awaitMails(email, 1);

        String id = chat.start("en", "visitor-" + UUID.randomUUID());
        chat.say(id, "where is my order " + number);
        chat.say(id, email);
        JsonObject cancelled = chat.say(id, "I want to cancel my order");
        assertEquals("cancelled", Chat.order(cancelled).orElseThrow(() -> new AssertionError(cancelled.toString()))
                .getString("status"));

        MimeMessage refund = awaitMails(email, 2).get(1);
        assertEquals("Refund for order " + number, refund.getSubject());
        assertTrue(body(refund).contains("Order " + number + " is cancelled, and " + total(number, "en")
                + " has been refunded"), body(refund));
        chat.say(id, "I want to cancel my order");
        Thread.sleep(2_000);
        assertEquals(2, mails(email).size(), "asking again refunds nothing and mails nothing");
    }

    @Test
    void aReturnedItemIsRefundedByMailWithItsNetAmountAndRma() throws Exception {
        String email = email();
        String sku = shop.product("NT", 5, 1300);
        String[] bought = buy("en", sku, email);
        String number = bought[1];
        assertEquals(200, move(number, "{\"status\": \"shipped\", \"trackingNumber\": \"BC-NOTIFY-R\"}").statusCode());
        assertEquals(200, move(number, "{\"status\": \"delivered\"}").statusCode());
        awaitMails(email, 2);

        String text = Chat.text(chat.say(bought[0], "I want to return my order"));
        String rma = text.replaceAll("(?s).*(RMA-[0-9]{10}).*", "$1");
        assertTrue(rma.startsWith("RMA-"), text);
        for (int i = 0; i < 2; i++) {
            HttpResponse<String> received = http.send(http.request("api/v1/admin/returns/" + rma + "/received")
                    .header("Authorization", admin()).POST(BodyPublishers.noBody()));
            assertEquals(200, received.statusCode(), received.body());
        }

        MimeMessage refund = awaitMails(email, 3).get(2);
        BigDecimal net = (BigDecimal) Db.rows("select l.net from shop_order_line l join shop_order o on o.id = l.order_id "
                + "where o.order_number = ?", number).get(0).get(0);
        assertTrue(body(refund).contains("return " + rma + " of order " + number + ", and "
                + MoneyFormat.format(net, Currency.getInstance("TWD"), "en") + " has been refunded"), body(refund));
        Thread.sleep(2_000);
        assertEquals(3, mails(email).size(), "the parcel reported twice is refunded and mailed once");
        assertEquals(List.of(List.of("refund", rma)), Db.rows("select kind, event_key from notification "
                + "where order_number = ? and kind = 'refund'", number));
    }

    @Test
    void aChinesePurchaseGetsAChineseConfirmation() throws Exception {
        String email = email();
        String sku = shop.product("NT", 5, 1800);
        String number = buy("zh-TW", sku, email)[1];
        MimeMessage m = awaitMails(email, 1).get(0);
        assertEquals("訂單 " + number + " 已確認", m.getSubject());
        assertTrue(body(m).contains("付款總額：" + total(number, "zh-TW")), body(m));
        assertTrue(body(m).contains("感謝您的訂購"), body(m));
    }

    @Test
    void aMailTheServerCouldNotTakeIsSentLaterByTheTimer() throws Exception {
        String email = email();
        String sku = shop.product("NT", 5, 1100);
        String number;
        smtp.stop();
        try {
            number = buy("en", sku, email)[1];
            waitFor(() -> Db.number("select count(*) from notification where order_number = ? and attempts = 1 "
                    + "and last_error is not null and status = 'pending'", number) == 1, Duration.ofSeconds(30));
        } finally {
            smtp = newSmtp();
            smtp.start();
        }
        assertEquals(0, mails(email).size());
        // Due now rather than after the first backoff (a minute); the next sweep (every 30 s) sends it.
        Db.update("update notification set next_attempt_at = '2000-01-01' where order_number = ?", number);
        MimeMessage m = awaitMails(email, 1, Duration.ofSeconds(75)).get(0);
        assertEquals("Order " + number + " confirmed", m.getSubject());
        assertEquals(List.of(List.of("sent", 2)), Db.rows("select status, attempts from notification where order_number = ?",
                number));
    }

    private String[] buy(String locale, String sku, String email) {
        String id = chat.start(locale, "buyer-" + UUID.randomUUID());
        chat.act(id, "{\"type\": \"add_to_cart\", \"sku\": \"" + sku + "\", \"quantity\": 1}");
        JsonObject paid = chat.act(id, Chat.checkout("it-" + UUID.randomUUID(), Chat.GOOD_CARD, "standard")
                .replace("shopper@example.com", email));
        return new String[] {id, Chat.order(paid).orElseThrow(() -> new AssertionError(paid.toString()))
                .getString("orderNumber")};
    }

    private HttpResponse<String> move(String number, String body) {
        return http.send(http.request("api/v1/admin/orders/" + number + "/status").header("Authorization", admin())
                .header("Content-Type", "application/json").POST(BodyPublishers.ofString(body)));
    }

    /** The order's total as stored, as a shopper reads it. */
    private static String total(String number, String locale) {
        List<Object> row = Db.rows("select total, currency from shop_order where order_number = ?", number).get(0);
        return MoneyFormat.format((BigDecimal) row.get(0), Currency.getInstance((String) row.get(1)), locale);
    }

    private static String email() {
        return "n-" + UUID.randomUUID().toString().substring(0, 12) + "@example.com";
    }

    private static GreenMail newSmtp() {
        int port = Integer.parseInt(System.getProperty("parley.it.smtp.port"));
        return new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    }

    private static String body(MimeMessage m) throws IOException, MessagingException {
        return (String) m.getContent();
    }

    /** The mails received for one address, in order of arrival. */
    private static List<MimeMessage> mails(String recipient) throws MessagingException {
        List<MimeMessage> out = new ArrayList<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            Address[] to = m.getAllRecipients();
            if (to != null && Arrays.stream(to).anyMatch(a -> ((InternetAddress) a).getAddress().equalsIgnoreCase(recipient))) {
                out.add(m);
            }
        }
        return out;
    }

    private static List<MimeMessage> awaitMails(String recipient, int count) throws Exception {
        return awaitMails(recipient, count, Duration.ofSeconds(20));
    }

    private static List<MimeMessage> awaitMails(String recipient, int count, Duration timeout) throws Exception {
        waitFor(() -> mails(recipient).size() >= count, timeout);
        List<MimeMessage> found = mails(recipient);
        assertEquals(count, found.size(), "mails to " + recipient);
        return found;
    }

    private interface Check {
        boolean ok() throws Exception;
    }

    private static void waitFor(Check check, Duration timeout) throws Exception {
        long end = System.nanoTime() + timeout.toNanos();
        while (!check.ok()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("not within " + timeout);
            }
            Thread.sleep(200);
        }
    }
}
