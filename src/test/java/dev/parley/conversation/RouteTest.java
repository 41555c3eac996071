package dev.parley.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.parley.catalog.search.SearchConstraints;
import dev.parley.conversation.memory.Preferences;
import dev.parley.nlu.EntityType;
import dev.parley.nlu.Intent;
import dev.parley.nlu.entities.Entity;
import dev.parley.nlu.runtime.ParseResult;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** How the conversation's context settles what a message means (ConversationService.route). */
class RouteTest {

    private static DialogueState searching() {
        DialogueState s = DialogueState.start("en");
        s.newSearch(SearchConstraints.none().withTypes(Set.of("coat")).inStock(true));
        s.shown(List.of(new DialogueState.Shown(1, "A"), new DialogueState.Shown(2, "B"), new DialogueState.Shown(3, "C")));
        s.lastIntent("product_search");
        return s;
    }

    private static Intent route(String text, String intent, double confidence, DialogueState state, Entity... entities) {
        ParseResult parse = new ParseResult(new ParseResult.Scored(intent, confidence),
                List.of(new ParseResult.Scored(intent, confidence)), List.of(entities), "en", 1, confidence < 0.5, 0.5);
        TurnContext t = new TurnContext("c", 2, Intent.parse(intent).orElseThrow(), text, parse, Cues.read(text), "en",
                Replies.of("en", 0), state, new Shopper(null, null, null, Preferences.none()));
        return ConversationService.route(t);
    }

    private static Entity entity(EntityType type, String value) {
        return new Entity(type, value, value, 0, value.length());
    }

    @Test
    void aPointerAtAShownProductAsksAboutItWhateverTheModelGuessed() {
        assertEquals(Intent.PRODUCT_QUESTION, route("the second one", "remove_from_cart", 0.56, searching()));
        assertEquals(Intent.PRODUCT_QUESTION, route("第二個", "affirm", 0.3, searching()));
        assertEquals(Intent.ADD_TO_CART, route("add the second one", "add_to_cart", 0.98, searching()));
    }

    @Test
    void aBareColourOrCheaperNarrowsTheActiveSearch() {
        assertEquals(Intent.PRODUCT_SEARCH, route("black ones", "affirm", 0.88, searching(), entity(EntityType.COLOR, "black")));
        assertEquals(Intent.PRODUCT_SEARCH, route("cheaper", "out_of_scope", 0.33, searching()));
        assertEquals(Intent.SHIPPING_INFO, route("shipping to black", "shipping_info", 0.9, searching(),
                entity(EntityType.COLOR, "black")));
    }

    @Test
    void rightAfterAQuestionAboutOneProductABareSizeAsksItAgainForThatSize() {
        DialogueState s = searching();
        s.select(new DialogueState.Shown(2, "B"));
        s.lastIntent("stock_check");
        assertEquals(Intent.STOCK_CHECK, route("and in M?", "out_of_scope", 0.2, s, entity(EntityType.SIZE, "M")));
    }

    @Test
    void anUnsureCartCommandPhrasedAsAQuestionAboutThisOneIsAQuestion() {
        DialogueState s = searching();
        s.select(new DialogueState.Shown(2, "B"));
        assertEquals(Intent.STOCK_CHECK, route("这双有9号吗", "add_to_cart", 0.45, s, entity(EntityType.SIZE, "9")));
        assertEquals(Intent.SIZE_FIT, route("do you have it in size M?", "size_fit", 0.45, s, entity(EntityType.SIZE, "M")));
    }

    @Test
    void oneMoreAddsAgainAndAnUnsettledUnsureReadingAsks() {
        DialogueState s = searching();
        s.lastAdded("B");
        assertEquals(Intent.ADD_TO_CART, route("再加一件", "out_of_scope", 0.3, s));
        assertNull(route("hmm what about that thing", "compare_products", 0.3, DialogueState.start("en")));
    }

    @Test
    void anOrderNumberOrTheEmailAskedForContinuesTheOrderQuestion() {
        assertEquals(Intent.ORDER_STATUS, route("PRL-1234567890", "out_of_scope", 0.2, DialogueState.start("en"),
                entity(EntityType.ORDER_NUMBER, "PRL-1234567890")));
        DialogueState asked = DialogueState.start("en");
        asked.orderQuestion("cancel");
        assertEquals(Intent.CANCEL_ORDER, route("mei@example.com", "complaint", 0.12, asked,
                entity(EntityType.EMAIL, "mei@example.com")));
        assertEquals(Intent.CANCEL_ORDER, route("cancel PRL-1234567890", "cancel_order", 0.95, DialogueState.start("en"),
                entity(EntityType.ORDER_NUMBER, "PRL-1234567890")));
        // An e-mail nobody asked for is not an order question.
        assertEquals(Intent.ACCOUNT, route("change my email to mei@example.com", "account", 0.9, DialogueState.start("en"),
                entity(EntityType.EMAIL, "mei@example.com")));
    }
}
