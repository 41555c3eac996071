package dev.parley.conversation;

import static dev.parley.testing.Http.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.testing.BlackBoxIT;
import dev.parley.testing.Chat;
import dev.parley.testing.Db;
import dev.parley.testing.Http;
import dev.parley.testing.ParleyServer;
import dev.parley.testing.Shop;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Checkout by conversation on the real server, in each language: the assistant asks for the e-mail and the
 * address one question at a time, offers the shipping methods with the fee for this cart from the rules, shows
 * a summary, takes the card (never stored), survives a declined card, and places exactly one paid order; a
 * returning customer is offered their saved address; the shopper may ask something else, give a bad answer or
 * cancel along the way.
 */
@BlackBoxIT
class ChatCheckoutIT {

    @ParleyServer.Base
    Http http;

    @ParleyServer.Base
    Chat chat;

    @ParleyServer.Base
    Shop shop;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "en|I'm looking for a waterproof coat|use coupon WELCOME100|I want to check out|Taiwan|yes|declined|Thank you,All done",
        "zh-TW|我想找外套|我有優惠碼 WELCOME100|我要結帳|台灣|好|未成功|謝謝您,完成了",
        "zh-CN|我想买运动鞋|我有优惠码 WELCOME100|我要结账|台湾|好的|未成功|谢谢您,完成了"})
    void aWholePurchaseByConversationWithACouponADeclineAndAGoodCard(String locale, String search, String coupon,
            String checkout, String country, String yes, String declinedWord, String paidWords) {
        String id = chat.start(locale, "talker-" + UUID.randomUUID());
        JsonObject first = Chat.messages(chat.say(id, search), "products").get(0).getJsonArray("items").getJsonObject(0);
        String sku = first.getString("sku");
        String cartId = chat.act(id, "{\"type\": \"add_to_cart\", \"sku\": \"" + sku + "\", \"quantity\": 1}")
                .getString("cartId");
        assertTrue(Chat.cart(chat.say(id, coupon)).orElseThrow().getJsonArray("discounts").toString().contains("WELCOME100"));

        JsonObject started = chat.say(id, checkout);
        assertTrue(Chat.cart(started).isPresent(), "the cart is shown first: " + started);
        chat.say(id, "mei@example.com");
        chat.say(id, "Lin Mei");
        chat.say(id, "No. 7, Sec. 1, Zhongxiao E. Rd.");
        chat.say(id, "Taipei");
        chat.say(id, "100");
        chat.say(id, country);
        JsonObject methods = chat.say(id, "0912345678");
        List<String> payloads = payloads(methods);
        assertTrue(payloads.contains("checkout:method:standard") && payloads.contains("checkout:method:express"),
                payloads.toString());

        JsonObject summary = chat.act(id, "{\"type\": \"quick_reply\", \"payload\": \"checkout:method:express\"}");
        // The summary's total is the cart quoted by the rules for this destination and method.
        JsonObject quoted = json(http.get("api/v1/carts/" + cartId));
        JsonObject express = json(chat.post("api/v1/quotes", "{\"items\": [{\"sku\": \"" + sku + "\", "
                + "\"quantity\": 1}], \"coupons\": [\"WELCOME100\"], \"shipping\": {\"country\": \"TW\", "
                + "\"postalCode\": \"100\", \"method\": \"express\"}}"));
        String total = express.getJsonObject("total").getString("amount");
        assertTrue(Chat.text(summary).contains("Lin Mei") && Chat.text(summary).contains("mei@example.com"),
                Chat.text(summary));
        assertTrue(payloads(summary).contains("checkout:confirm"), summary.toString());
        assertEquals(quoted.getJsonObject("subtotal"), express.getJsonObject("subtotal"));

        JsonObject askCard = chat.say(id, yes);
        assertTrue(Chat.text(askCard).contains("4242"), "the sandbox's test cards are named: " + Chat.text(askCard));
        JsonObject declined = chat.say(id, "4000 0000 0000 0002");
        assertTrue(Chat.text(declined).contains(declinedWord), Chat.text(declined));
        assertTrue(Chat.order(declined).isEmpty());
        JsonObject paid = chat.say(id, "4242 4242 4242 4242");
        JsonObject order = Chat.order(paid).orElseThrow(() -> new AssertionError(paid.toString()));
        assertEquals("paid", order.getString("status"));
        assertEquals(total, order.getJsonObject("total").getString("amount"), "the order costs what the rules quoted");
        assertTrue(List.of(paidWords.split(",")).stream().anyMatch(Chat.text(paid)::contains), Chat.text(paid));

        String number = order.getString("orderNumber");
        assertEquals(List.of(List.of("paid", new BigDecimal(total), "WELCOME100", "express", "mei@example.com")),
                Db.rows("select status, total, coupon_code, shipping_method, email from shop_order where order_number = ?",
                        number));
        assertEquals(List.of(List.of("DECLINED"), List.of("SUCCEEDED")), Db.rows("select p.status from payment p join "
                + "shop_order o on o.id = p.order_id where o.order_number = ? order by p.id", number));
        assertEquals(0, Db.number("select count(*) from conversation_message where conversation_id = ? and role = "
                + "'customer' and (text like '%4242 4242%' or text like '%0000 0002%' or payload like '%4242%4242%')",
                id), "no card number is stored");
        assertEquals(2, Db.number("select count(*) from conversation_message where conversation_id = ? and role = 'customer' "
                + "and text like '•••• %'", id), "the transcript keeps the last four digits");

        // A lost answer retried: the same card again makes no second order or charge.
        JsonObject retried = chat.say(id, "4242 4242 4242 4242");
        assertTrue(Chat.order(retried).isEmpty());
        assertEquals(1, Db.number("select count(*) from shop_order o join shop_order_line l on l.order_id = o.id "
                + "where o.cart_id = ?", cartId));
    }

    @Test
    void aReturningCustomerIsOfferedTheirSavedAddress() {
        String sku = shop.product("CH", 10, 900);
        String customer = "returning-" + UUID.randomUUID();
        String token = Chat.token(customer, "ret@example.com", "Ret");
        String first = chat.startSignedIn("en", null, token);
        chat.act(first, "{\"type\": \"add_to_cart\", \"sku\": \"" + sku + "\", \"quantity\": 1}");
        JsonObject paid = chat.act(first, Chat.checkout("it-" + UUID.randomUUID(), Chat.GOOD_CARD, "standard")
                .replace("shopper@example.com", "ret@example.com"));
        assertTrue(Chat.order(paid).isPresent(), paid.toString());

        String again = chat.startSignedIn("en", null, token);
        chat.act(again, "{\"type\": \"add_to_cart\", \"sku\": \"" + sku + "\", \"quantity\": 2}");
        JsonObject offered = chat.say(again, "checkout");
        String saved = payloads(offered).stream().filter(p -> p.matches("checkout:address:[0-9]+")).findFirst()
                .orElseThrow(() -> new AssertionError(offered.toString()));
        assertTrue(options(offered).contains("Lin Mei, No. 7, Sec. 1, Zhongxiao E. Rd., Taipei"), options(offered).toString());

        JsonObject methods = chat.act(again, "{\"type\": \"quick_reply\", \"payload\": \"" + saved + "\"}");
        assertTrue(payloads(methods).contains("checkout:method:standard"), "straight to the shipping method: " + methods);
        JsonObject summary = chat.act(again, "{\"type\": \"quick_reply\", \"payload\": \"checkout:method:standard\"}");
        assertTrue(Chat.text(summary).contains("ret@example.com") && Chat.text(summary).contains("Taipei"),
                Chat.text(summary));
        chat.act(again, "{\"type\": \"quick_reply\", \"payload\": \"checkout:confirm\"}");
        JsonObject order = Chat.order(chat.say(again, "4242424242424242")).orElseThrow();
        assertEquals(1, Db.number("select count(*) from shop_order where order_number = ? and customer_id = ?",
                order.getString("orderNumber"), customer));
        assertEquals(1, Db.number("select count(*) from customer_address where customer_id = ?", customer),
                "the same address is kept once");

        String stranger = chat.startSignedIn("en", null, Chat.token("stranger-" + UUID.randomUUID(), "s@example.com", null));
        chat.act(stranger, "{\"type\": \"add_to_cart\", \"sku\": \"" + sku + "\", \"quantity\": 1}");
        JsonObject theirs = chat.say(stranger, "checkout");
        assertFalse(payloads(theirs).stream().anyMatch(p -> p.matches("checkout:address:[0-9]+")),
                "another customer is never offered these addresses: " + theirs);
        HttpResponse<String> forged = chat.send(stranger, "{\"type\": \"quick_reply\", \"payload\": \""
                + saved + "\"}");
        assertEquals(200, forged.statusCode());
        assertFalse(forged.body().contains("Lin Mei"), "naming another customer's address id picks nothing: " + forged.body());
    }

    @Test
    void theShopperMayAskSomethingElseAnswerBadlyOrCancel() {
        String sku = shop.product("CI", 10, 700);
        String id = chat.start("en", "wanderer-" + UUID.randomUUID());
        chat.act(id, "{\"type\": \"add_to_cart\", \"sku\": \"" + sku + "\", \"quantity\": 1}");

        JsonObject card = chat.say(id, "4242 4242 4242 4242");
        assertTrue(Chat.text(card).contains("card numbers"), "a card outside checkout is refused: " + Chat.text(card));
        chat.say(id, "checkout");
        JsonObject bad = chat.say(id, "not an email");
        assertTrue(Chat.text(bad).contains("e-mail"), Chat.text(bad));
        chat.say(id, "a@example.com");
        chat.say(id, "Lin Mei");
        chat.say(id, "No. 7 Zhongxiao Rd.");
        chat.say(id, "Taipei");
        JsonObject badPostal = chat.say(id, "#!");
        assertTrue(Chat.text(badPostal).contains("postal code"), Chat.text(badPostal));
        chat.say(id, "100");
        JsonObject badCountry = chat.say(id, "Atlantis");
        assertTrue(Chat.text(badCountry).contains("country"), Chat.text(badCountry));
        chat.say(id, "TW");
        chat.act(id, "{\"type\": \"quick_reply\", \"payload\": \"checkout:skip\"}");
        chat.act(id, "{\"type\": \"quick_reply\", \"payload\": \"checkout:method:standard\"}");

        JsonObject aside = chat.say(id, "what is your return policy?");
        assertTrue(Chat.text(aside).contains("30 days"), "the question is answered: " + Chat.text(aside));
        assertTrue(payloads(aside).contains("checkout:confirm"), "then the summary again: " + aside);

        chat.act(id, "{\"type\": \"quick_reply\", \"payload\": \"checkout:confirm\"}");
        // The cart changes after the summary was agreed: nothing is charged until the new summary is agreed.
        chat.act(id, "{\"type\": \"add_to_cart\", \"sku\": \"" + sku + "\", \"quantity\": 1}");
        JsonObject changed = chat.say(id, "4242 4242 4242 4242");
        assertTrue(Chat.order(changed).isEmpty());
        assertTrue(Chat.text(changed).contains("changed"), Chat.text(changed));
        assertEquals(0, Shop.orders(sku));

        JsonObject cancelled = chat.say(id, "cancel");
        assertTrue(Chat.text(cancelled).contains("stopped the checkout"), Chat.text(cancelled));
        assertEquals(2, Chat.cart(chat.say(id, "show my cart")).orElseThrow().getJsonArray("items").getJsonObject(0)
                .getInt("quantity"), "the cart is kept");
        assertEquals(0, Db.number("select count(*) from conversation_message where conversation_id = ? and role = "
                + "'customer' and text like '%4242 4242%'", id), "the card sent outside checkout is not stored");

        // A shopper who starts a checkout and then moves on is reminded twice, then left alone.
        chat.say(id, "checkout");
        assertTrue(Chat.text(chat.say(id, "do you have hoodies?")).contains("Back to your checkout"));
        assertTrue(Chat.text(chat.say(id, "what about socks?")).contains("Back to your checkout"));
        JsonObject movedOn = chat.say(id, "any deals?");
        assertFalse(Chat.text(movedOn).contains("Back to your checkout"), Chat.text(movedOn));
        assertFalse(payloads(movedOn).contains("checkout:cancel"), movedOn.toString());
    }

    private static List<String> payloads(JsonObject turn) {
        return Chat.messages(turn, "quick_replies").stream().flatMap(m -> m.getJsonArray("options")
                .getValuesAs(JsonObject.class).stream()).map(o -> o.getString("payload")).toList();
    }

    private static List<String> options(JsonObject turn) {
        return Chat.messages(turn, "quick_replies").stream().flatMap(m -> m.getJsonArray("options")
                .getValuesAs(JsonObject.class).stream()).map(o -> o.getString("title")).toList();
    }
}
