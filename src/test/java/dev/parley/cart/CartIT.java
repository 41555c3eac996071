package dev.parley.cart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.testing.BlackBoxIT;
import dev.parley.testing.Chat;
import dev.parley.testing.Db;
import dev.parley.testing.Http;
import dev.parley.testing.ParleyServer;
import dev.parley.testing.Shop;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Carts across devices and sign-in, on the real server: an anonymous cart joins the customer's when they sign
 * in (mid-conversation or at the start), and a signed {@code /cart/{token}} link restores the exact cart on
 * another device; forged tokens and bad sign-ins change nothing.
 */
@BlackBoxIT
class CartIT {

    @ParleyServer.Base
    Http http;

    @ParleyServer.Base
    Chat chat;

    @ParleyServer.Base
    Shop shop;

    @ParameterizedTest(name = "{0}")
    @CsvSource({"en,Welcome back", "zh-TW,歡迎回來", "zh-CN,欢迎回来"})
    void signingInMergesTheAnonymousCartIntoTheCustomersCart(String locale, String welcome) {
        String a = shop.product("CA", 10, 300);
        String b = shop.product("CB", 10, 400);
        String c = shop.product("CC", 10, 500);
        String customer = "merge-" + UUID.randomUUID();
        // Earlier, on another device, the customer left B ×1 and C ×1 in their cart.
        String earlier = chat.startSignedIn(locale, "phone-" + UUID.randomUUID(), Chat.token(customer, "m@example.com", "Mei"));
        add(earlier, b, 1);
        add(earlier, c, 1);

        String browser = "laptop-" + UUID.randomUUID();
        String id = chat.start(locale, browser);
        add(id, a, 1);
        String guestCart = add(id, b, 2).getString("cartId");

        JsonObject signedIn = chat.act(id, "{\"type\": \"sign_in\", \"customerToken\": \""
                + Chat.token(customer, "m@example.com", "Mei") + "\"}");
        assertTrue(Chat.text(signedIn).contains(welcome) && Chat.text(signedIn).contains("Mei"), Chat.text(signedIn));
        JsonObject cart = Chat.cart(signedIn).orElseThrow(() -> new AssertionError(signedIn.toString()));
        assertEquals(Map.of(a, 1, b, 2, c, 1), quantities(cart),
                "the anonymous lines join the customer's; a variant in both keeps the larger quantity");
        assertNotEquals(guestCart, signedIn.getString("cartId"), "the customer's own cart carries on");
        assertEquals(List.of(List.of("merged", signedIn.getString("cartId"))),
                Db.rows("select status, merge_target from cart where id = ?", guestCart));
        assertEquals(1, Db.number("select count(*) from conversation where id = ? and customer_id = ?", id, customer));

        // Any other device the customer signs in on sees the same cart, and the amounts are the rules' own.
        String elsewhere = chat.startSignedIn(locale, null, Chat.token(customer, "m@example.com", "Mei"));
        JsonObject viewed = Http.json(http.get("api/v1/carts/" + signedIn.getString("cartId")));
        assertEquals(Map.of(a, 1, b, 2, c, 1), quantities(viewed));
        assertEquals("1600.00", viewed.getJsonObject("subtotal").getString("amount"));
        assertEquals(signedIn.getString("cartId"), add(elsewhere, a, 1).getString("cartId"));
    }

    @Test
    void startingSignedInFromABrowserWithAnAnonymousCartMergesIt() {
        String a = shop.product("CS", 10, 300);
        String browser = "tablet-" + UUID.randomUUID();
        String guest = chat.start("en", browser);
        String guestCart = add(guest, a, 3).getString("cartId");
        String customer = "start-" + UUID.randomUUID();

        String id = chat.startSignedIn("en", browser, Chat.token(customer, "s@example.com", null));
        JsonObject shown = chat.say(id, "show my cart");
        assertEquals(Map.of(a, 3), quantities(Chat.cart(shown).orElseThrow(() -> new AssertionError(shown.toString()))));
        assertEquals(guestCart, shown.getString("cartId"), "with no cart of their own, the customer takes the anonymous one");
        assertEquals(List.of(List.of("open", customer)), Db.rows("select status, customer_id from cart where id = ?", guestCart));
    }

    @Test
    void aBadSignInIsRefusedAndChangesNothing() {
        String a = shop.product("CX", 10, 300);
        String id = chat.start("en", "guest-" + UUID.randomUUID());
        String cartId = add(id, a, 1).getString("cartId");
        String forged = Chat.token("victim-" + UUID.randomUUID(), "v@example.com", "V");
        forged = forged.substring(0, forged.length() - 3) + (forged.endsWith("AAA") ? "BBB" : "AAA");

        HttpResponse<String> bad = chat.send(id, "{\"type\": \"sign_in\", \"customerToken\": \"" + forged + "\"}");
        assertEquals(401, bad.statusCode(), bad.body());
        assertTrue(bad.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        HttpResponse<String> none = chat.send(id, "{\"type\": \"sign_in\"}");
        assertEquals(400, none.statusCode(), none.body());
        assertEquals(List.of(List.of("open")), Db.rows("select status from cart where id = ? and customer_id is null", cartId));
        assertEquals(1, Db.number("select count(*) from conversation where id = ? and customer_id is null", id));

        chat.act(id, "{\"type\": \"sign_in\", \"customerToken\": \"" + Chat.token("first-" + UUID.randomUUID(),
                "f@example.com", "F") + "\"}");
        HttpResponse<String> other = chat.send(id, "{\"type\": \"sign_in\", \"customerToken\": \""
                + Chat.token("second-" + UUID.randomUUID(), "s@example.com", "S") + "\"}");
        assertEquals(409, other.statusCode(), "a conversation never changes hands: " + other.body());
    }

    @Test
    void theDemoSignInRefusesBadInputAndItsTokenSignsAShopperIn() {
        for (String bad : new String[] {"{\"email\": \"not-an-address\"}", "{\"name\": \"Mei\"}",
            "{\"email\": 42}", "{\"email\": \"m@example.com\", \"name\": [\"Mei\"]}",
            "{\"email\": \"m@example.com\", \"name\": \"" + "x".repeat(121) + "\"}", "{\"email\": "}) {
            HttpResponse<String> r = chat.post("api/v1/demo/sign-in", bad);
            assertEquals(400, r.statusCode(), bad + " -> " + r.body());
            assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"), bad);
        }
        HttpResponse<String> ok = chat.post("api/v1/demo/sign-in", "{\"email\": \"Demo.Shopper@Example.com\", "
                + "\"name\": \"Mei\"}");
        assertEquals(200, ok.statusCode(), ok.body());
        assertEquals("demo:demo.shopper@example.com", Http.json(ok).getString("customerId"));
        String id = chat.startSignedIn("en", null, Http.json(ok).getString("customerToken"));
        assertEquals(1, Db.number("select count(*) from conversation where id = ? and customer_id = ?", id,
                "demo:demo.shopper@example.com"));
    }

    @Test
    void aCartLinkRestoresTheExactCartOnAnotherDevice() {
        String a = shop.product("CL", 10, 700);
        String b = shop.product("CM", 10, 450);
        String phone = chat.start("en", "phone-" + UUID.randomUUID());
        add(phone, a, 2);
        String cartId = add(phone, b, 1).getString("cartId");
        chat.say(phone, "use coupon WELCOME100");
        JsonObject original = Http.json(http.get("api/v1/carts/" + cartId));

        HttpResponse<String> issued = chat.post("api/v1/carts/" + cartId + "/link", "");
        assertEquals(201, issued.statusCode(), issued.body());
        String path = Http.json(issued).getString("path");
        String token = Http.json(issued).getString("token");
        assertEquals("/cart/" + token, path);
        HttpResponse<String> opened = http.get(path);
        assertEquals(303, opened.statusCode());
        assertEquals("/?cart=" + token, opened.headers().firstValue("Location").orElseThrow());

        String laptop = chat.start("en", "laptop-" + UUID.randomUUID());
        add(laptop, b, 5); // whatever was in the laptop's cart is replaced by the linked one
        JsonObject restored = chat.act(laptop, "{\"type\": \"restore_cart\", \"token\": \"" + token + "\"}");
        JsonObject copy = Chat.cart(restored).orElseThrow(() -> new AssertionError(restored.toString()));
        assertEquals(quantities(original), quantities(copy));
        assertEquals(codes(original), codes(copy), "the coupon comes along");
        assertEquals(original.get("total"), copy.get("total"));
        assertNotEquals(cartId, restored.getString("cartId"), "another shopper's cart is copied, never shared");
        assertEquals(quantities(original), quantities(Http.json(http.get("api/v1/carts/" + cartId))),
                "the original cart is untouched");

        JsonObject own = chat.act(phone, "{\"type\": \"restore_cart\", \"token\": \"" + token + "\"}");
        assertEquals(cartId, own.getString("cartId"), "on the shopper's own device the link brings back the cart itself");
    }

    @Test
    void forgedExpiredAndCheckedOutLinksRestoreNothing() {
        String a = shop.product("CF", 10, 300);
        String id = chat.start("zh-TW", "guest-" + UUID.randomUUID());
        String cartId = add(id, a, 1).getString("cartId");
        String token = Http.json(chat.post("api/v1/carts/" + cartId + "/link", "")).getString("token");
        String forged = token.substring(0, token.length() - 1) + (token.endsWith("A") ? "B" : "A");

        assertEquals(404, http.get("cart/" + forged).statusCode());
        assertEquals(404, http.get("cart/not-a-token").statusCode());
        assertEquals(404, chat.post("api/v1/carts/" + UUID.randomUUID() + "/link", "").statusCode());
        String other = chat.start("zh-TW", "other-" + UUID.randomUUID());
        HttpResponse<String> bad = chat.send(other, "{\"type\": \"restore_cart\", \"token\": \"" + forged + "\"}");
        assertEquals(400, bad.statusCode(), bad.body());
        assertEquals(0, Db.number("select count(*) from cart where anonymous_id like 'other-%' and id in "
                + "(select cart_id from cart_line where sku = ?)", a), "nothing was copied");

        // A genuine link past its expiry (signed with the store's secret and a clock 31 days back).
        String secret = (String) Db.rows("select secret from app_secret where name = 'cart-link'").get(0).get(0);
        String old = new CartLinks(secret, Clock.fixed(Instant.now().minus(Duration.ofDays(31)), ZoneOffset.UTC))
                .issue(cartId).token();
        JsonObject expired = chat.act(other, "{\"type\": \"restore_cart\", \"token\": \"" + old + "\"}");
        assertTrue(Chat.text(expired).contains("過期"), Chat.text(expired));
        assertTrue(Chat.cart(expired).isEmpty());

        chat.act(id, Chat.checkout("it-" + UUID.randomUUID(), Chat.GOOD_CARD, "standard"));
        JsonObject ordered = chat.act(other, "{\"type\": \"restore_cart\", \"token\": \"" + token + "\"}");
        assertTrue(Chat.text(ordered).contains("已經結帳"), Chat.text(ordered));
        assertTrue(Chat.cart(ordered).isEmpty());
    }

    private JsonObject add(String conversation, String sku, int quantity) {
        JsonObject turn = chat.act(conversation, "{\"type\": \"add_to_cart\", \"sku\": \"" + sku + "\", \"quantity\": "
                + quantity + "}");
        assertTrue(Chat.cart(turn).isPresent(), turn.toString());
        return turn;
    }

    private static List<String> codes(JsonObject cart) {
        return cart.getJsonArray("discounts").getValuesAs(JsonObject.class).stream()
                .map(d -> d.getString("code") + " " + d.getJsonObject("amount").getString("amount")).toList();
    }

    private static Map<String, Integer> quantities(JsonObject cart) {
        Map<String, Integer> out = new LinkedHashMap<>();
        cart.getJsonArray("items").getValuesAs(JsonObject.class).forEach(i -> out.put(i.getString("sku"), i.getInt("quantity")));
        return out;
    }
}
