package dev.parley.conversation;

import static dev.parley.testing.Http.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.testing.BlackBoxIT;
import dev.parley.testing.Chat;
import dev.parley.testing.Db;
import dev.parley.testing.Http;
import dev.parley.testing.ParleyServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Shopping by chat on the real server, in English, Traditional and Simplified Chinese: search, refine
 * ("cheaper", "black"), pick "the second one", ask its stock in a size, add it, view the cart. Every product
 * shown is checked against the database (type, tags, colour, price bounds, stock); every cart against the
 * rules' own quote. Button actions, shopper memory across conversations with "forget me", and a server
 * restart in the middle of a conversation.
 */
@BlackBoxIT
class ShoppingConversationIT {

    @ParleyServer.Base
    Http http;

    Chat chat;

    @org.junit.jupiter.api.BeforeEach
    void client() {
        chat = new Chat(http);
    }

    /** One shopping script per language. */
    static Stream<Arguments> scripts() {
        return Stream.of(
                Arguments.of("en", "I'm looking for a waterproof coat", "coat", Set.of("waterproof"), "cheaper",
                        "black ones", "the second one", "do you have it in size %s?", "add it to my cart",
                        "what's in my cart?"),
                Arguments.of("zh-TW", "我想找外套", "jacket", Set.of(), "便宜一點的", "黑色的", "第二個", "這件有%s號嗎",
                        "加入購物車", "看一下購物車"),
                Arguments.of("zh-CN", "我想买运动鞋", "sneakers", Set.of(), "便宜一点的", "黑色的", "第二个", "这双有%s号吗",
                        "加入购物车", "看看购物车"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scripts")
    void searchRefinePickAskStockAddAndViewTheCart(String locale, String search, String type, Set<String> tags,
            String cheaper, String black, String second, String stockInSize, String add, String view) {
        String id = chat.start(locale, "shopper-" + locale + "-" + System.nanoTime());

        JsonObject found = chat.say(id, search);
        List<JsonObject> all = items(found);
        assertTrue(all.size() >= 3, found.toString());
        all.forEach(item -> assertSatisfies(item, type, tags, null, null));

        JsonObject cheaperTurn = chat.say(id, cheaper);
        List<JsonObject> cheaperItems = items(cheaperTurn);
        List<BigDecimal> before = all.stream().map(ShoppingConversationIT::price).sorted().toList();
        BigDecimal bound = before.get((before.size() - 1) / 2);
        assertFalse(cheaperItems.isEmpty(), cheaperTurn.toString());
        cheaperItems.forEach(item -> assertSatisfies(item, type, tags, null, bound.subtract(BigDecimal.ONE)));

        JsonObject blackTurn = chat.say(id, black);
        List<JsonObject> blackItems = items(blackTurn);
        assertTrue(blackItems.size() >= 2, blackTurn.toString());
        blackItems.forEach(item -> assertSatisfies(item, type, tags, "black", bound.subtract(BigDecimal.ONE)));

        JsonObject picked = chat.say(id, second);
        List<JsonObject> pickedItems = items(picked);
        assertEquals(1, pickedItems.size(), picked.toString());
        String productId = blackItems.get(1).getString("productId");
        assertEquals(productId, pickedItems.get(0).getString("productId"));
        assertTrue(Chat.text(picked).contains(blackItems.get(1).getString("title")), Chat.text(picked));

        // A size of the picked product that is in stock in black, from the product API.
        JsonObject product = json(http.get("api/v1/products/" + productId + "?locale=" + locale));
        JsonObject variant = product.getJsonArray("variants").getValuesAs(JsonObject.class).stream()
                .filter(v -> v.getBoolean("inStock") && v.getJsonObject("options").containsValue(Json.createValue("black")))
                .filter(v -> v.getJsonObject("options").containsKey("Size"))
                .findFirst().orElseThrow(() -> new AssertionError("no black size in stock: " + product));
        String size = variant.getJsonObject("options").getString("Size");
        JsonObject stock = chat.say(id, String.format(stockInSize, size));
        String offered = quickReplies(stock).stream().filter(p -> p.startsWith("add:")).findFirst()
                .orElseThrow(() -> new AssertionError("no add-to-cart offer: " + stock)).substring("add:".length());
        assertEquals(variant.getString("sku"), offered, stock.toString());
        assertTrue(available(offered) > 0);

        JsonObject added = chat.say(id, add);
        JsonObject cart = Chat.cart(added).orElseThrow(() -> new AssertionError("no cart: " + added));
        assertEquals(List.of(offered), cart.getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .map(i -> i.getString("sku")).toList());
        String cartId = added.getString("cartId");
        assertNotNull(cartId);
        assertEquals(1L, Db.number("select quantity from cart_line where cart_id = ? and sku = ?", cartId, offered));

        JsonObject viewed = chat.say(id, view);
        JsonObject shown = Chat.cart(viewed).orElseThrow(() -> new AssertionError("no cart: " + viewed));
        assertEquals(cartId, viewed.getString("cartId"));
        JsonObject api = json(http.get("api/v1/carts/" + cartId + "?locale=" + locale));
        JsonObject quote = json(chat.post("api/v1/quotes", "{\"items\": [{\"sku\": \"" + offered + "\", \"quantity\": 1}]}"));
        assertEquals(quote.getJsonObject("total").getString("amount"), shown.getJsonObject("total").getString("amount"));
        assertEquals(quote.getJsonObject("total").getString("amount"), api.getJsonObject("total").getString("amount"));
        assertTrue(Chat.text(viewed).contains(formatted(quote.getJsonObject("total").getString("amount"))), Chat.text(viewed));
    }

    @Test
    void cartButtonsAddAndRemoveWithinStockAndBadActionsChangeNothing() {
        String id = chat.start("en", "buttons-" + System.nanoTime());
        List<JsonObject> hoodies = items(chat.say(id, "show me hoodies"));
        String sku = hoodies.get(0).getString("sku");

        JsonObject added = chat.act(id, "{\"type\": \"add_to_cart\", \"sku\": \"" + sku + "\", \"quantity\": 2}");
        String cartId = added.getString("cartId");
        assertEquals(2, Chat.cart(added).orElseThrow().getJsonArray("items").getJsonObject(0).getInt("quantity"));
        JsonObject less = chat.act(id, "{\"type\": \"remove_from_cart\", \"sku\": \"" + sku + "\", \"quantity\": 1}");
        assertEquals(1, Chat.cart(less).orElseThrow().getJsonArray("items").getJsonObject(0).getInt("quantity"));

        JsonObject tooMany = chat.act(id, "{\"type\": \"add_to_cart\", \"sku\": \"" + sku + "\", \"quantity\": "
                + (available(sku) + 1) + "}");
        assertTrue(Chat.cart(tooMany).isEmpty(), tooMany.toString());
        JsonObject unknown = chat.act(id, "{\"type\": \"add_to_cart\", \"sku\": \"NO-SUCH-SKU\", \"quantity\": 1}");
        assertTrue(Chat.cart(unknown).isEmpty());
        assertEquals(1L, Db.number("select coalesce(sum(quantity), 0) from cart_line where cart_id = ?", cartId));

        long messages = Db.number("select count(*) from conversation_message where conversation_id = ?", id);
        List<Integer> statuses = new ArrayList<>();
        for (String bad : List.of("{\"type\": \"add_to_cart\", \"sku\": \"" + sku + "\", \"quantity\": 0}",
                "{\"type\": \"add_to_cart\", \"sku\": \"" + sku + "\", \"quantity\": 1.5}",
                "{\"type\": \"add_to_cart\", \"quantity\": 1}",
                "{\"type\": \"remove_from_cart\", \"sku\": \"" + sku + "\", \"quantity\": -1}",
                "{\"type\": \"teleport\"}",
                "{\"type\": \"quick_reply\", \"payload\": \"add:" + sku + ":0\"}",
                "{\"type\": \"quick_reply\", \"payload\": \"refine:price_max=cheap\"}")) {
            statuses.add(chat.post("api/v1/conversations/" + id + "/messages", "{\"action\": " + bad + "}").statusCode());
        }
        assertEquals(List.of(400, 400, 400, 400, 400, 400, 400), statuses);
        for (String bad : List.of("{\"type\": \"rate\", \"score\": 6}", "{\"type\": \"rate\"}")) {
            assertEquals(400, chat.post("api/v1/conversations/" + id + "/messages", "{\"action\": " + bad + "}").statusCode());
        }
        assertEquals(messages, Db.number("select count(*) from conversation_message where conversation_id = ?", id));
        assertEquals(1L, Db.number("select coalesce(sum(quantity), 0) from cart_line where cart_id = ?", cartId));
        JsonObject rated = chat.act(id, "{\"type\": \"rate\", \"score\": 5}");
        assertFalse(Chat.text(rated).isBlank());
        assertEquals(1L, Db.number("select count(*) from conversation_message where conversation_id = ? and kind = 'action' "
                + "and payload like '%\"rate\"%'", id));
        assertEquals(404, http.get("api/v1/carts/00000000-0000-0000-0000-000000000000").statusCode());
        assertEquals(404, http.get("api/v1/carts/not-a-cart").statusCode());
    }

    @Test
    void preferencesCarryToTheShoppersNextConversationUntilForgotten() {
        String shopper = "memory-" + System.nanoTime();
        chat.say(chat.start("en", shopper), "black hoodies under 1500 in size M");

        String next = chat.start("en", shopper);
        JsonObject hoodies = chat.say(next, "show me hoodies");
        List<JsonObject> items = items(hoodies);
        assertFalse(items.isEmpty(), hoodies.toString());
        for (JsonObject item : items) {
            assertTrue(price(item).compareTo(new BigDecimal("1500")) <= 0, item.toString());
            assertTrue(options(item.getString("sku")).contains("M"), item.toString());
        }
        assertTrue(Chat.text(hoodies).contains("M") && Chat.text(hoodies).contains("1,500"), Chat.text(hoodies));

        String recalled = Chat.text(chat.say(next, "What do you remember about me?"));
        assertTrue(recalled.contains("M") && recalled.contains("1,500") && recalled.contains("black"), recalled);
        assertEquals(1L, Db.number("select count(*) from shopper_memory where shopper_key = ?", "anonymous:" + shopper));

        chat.say(next, "forget me");
        assertEquals(0L, Db.number("select count(*) from shopper_memory where shopper_key = ?", "anonymous:" + shopper));
        String third = chat.start("zh-TW", shopper);
        assertFalse(Chat.text(chat.say(third, "我想找帽T")).contains("1,500"));
        assertTrue(Chat.text(chat.say(third, "你記得我什麼")).contains("還沒有"));
    }

    @Test
    void aServerRestartInTheMiddleOfAConversationLosesNothing() {
        String id = chat.start("en", "restart-" + System.nanoTime());
        List<JsonObject> shown = items(chat.say(id, "show me black sneakers"));
        assertTrue(shown.size() >= 2);
        JsonObject added = chat.act(id, "{\"type\": \"add_to_cart\", \"sku\": \"" + shown.get(0).getString("sku")
                + "\", \"quantity\": 1}");
        String cartId = added.getString("cartId");

        ParleyServer.restart();

        // The next turn continues where the conversation was: the products shown and the cart are still its own.
        JsonObject picked = chat.act(id, "{\"type\": \"quick_reply\", \"payload\": \"select:2:product_question\"}");
        assertEquals(shown.get(1).getString("productId"), items(picked).get(0).getString("productId"), picked.toString());
        JsonObject more = chat.act(id, "{\"type\": \"add_to_cart\", \"sku\": \"" + shown.get(0).getString("sku")
                + "\", \"quantity\": 1}");
        assertEquals(cartId, more.getString("cartId"));
        JsonObject cart = json(http.get("api/v1/carts/" + cartId));
        assertEquals(shown.get(0).getString("sku"), cart.getJsonArray("items").getJsonObject(0).getString("sku"));
        assertEquals(2, cart.getJsonArray("items").getJsonObject(0).getInt("quantity"));
        assertEquals(4, json(http.get("api/v1/conversations/" + id)).getJsonArray("messages").getValuesAs(JsonObject.class)
                .stream().filter(m -> m.getString("role").equals("customer")).count());
    }

    /** A products item meets every constraint, read from the database. */
    private static void assertSatisfies(JsonObject item, String type, Set<String> tags, String color, BigDecimal max) {
        String sku = item.getString("sku");
        List<List<Object>> rows = Db.rows("select p.product_type, p.status, v.price, p.id from variant v "
                + "join product p on p.id = v.product_id where v.sku = ?", sku);
        assertEquals(1, rows.size(), sku);
        List<Object> r = rows.get(0);
        assertEquals(type, r.get(0), item.toString());
        assertEquals("active", r.get(1));
        BigDecimal price = (BigDecimal) r.get(2);
        assertEquals(0, price.compareTo(price(item)), item.toString());
        if (max != null) {
            assertTrue(price.compareTo(max) <= 0, item + " over " + max);
        }
        Set<String> productTags = new HashSet<>();
        Db.rows("select tag from product_tag where product_id = ?", r.get(3))
                .forEach(t -> productTags.add(((String) t.get(0)).toLowerCase(Locale.ROOT)));
        assertTrue(productTags.containsAll(tags), item + " lacks " + tags);
        if (color != null) {
            assertTrue(options(sku).contains(color), item + " is not " + color);
        }
        assertTrue(available(sku) > 0, item + " is not in stock");
        assertTrue(item.getBoolean("inStock"));
    }

    private static List<String> options(String sku) {
        List<Object> r = Db.rows("select option1, option2, option3 from variant where sku = ?", sku).get(0);
        return r.stream().map(o -> (String) o).toList();
    }

    private static long available(String sku) {
        return Db.number("select coalesce(sum(i.on_hand - i.reserved), 0) from variant v left join inventory i "
                + "on i.variant_id = v.id where v.sku = ?", sku);
    }

    private static BigDecimal price(JsonObject item) {
        return new BigDecimal(item.getJsonObject("price").getString("amount"));
    }

    /** An amount as the replies write it ("NT$1,580"), without the currency sign. */
    private static String formatted(String amount) {
        BigDecimal a = new BigDecimal(amount);
        return a.stripTrailingZeros().scale() <= 0 ? String.format(Locale.ROOT, "%,d", a.longValue())
                : String.format(Locale.ROOT, "%,.2f", a);
    }





    private static List<JsonObject> items(JsonObject turn) {
        return turn.getJsonArray("messages").getValuesAs(JsonObject.class).stream()
                .filter(m -> m.getString("type").equals("products")).findFirst()
                .map(m -> {
                    assertFalse(m.getBoolean("relaxed"), "expected exact matches: " + turn);
                    return m.getJsonArray("items").getValuesAs(JsonObject.class);
                }).orElse(List.of());
    }


    private static List<String> quickReplies(JsonObject turn) {
        return turn.getJsonArray("messages").getValuesAs(JsonObject.class).stream()
                .filter(m -> m.getString("type").equals("quick_replies"))
                .flatMap(m -> m.getJsonArray("options").getValuesAs(JsonObject.class).stream())
                .map(o -> o.getString("payload")).toList();
    }

}
