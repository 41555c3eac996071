package dev.parley.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.catalog.search.SearchConstraints;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DialogueStateTest {

    @Test
    void everythingSurvivesTheRoundTripThroughJson() {
        DialogueState s = DialogueState.start("zh-TW");
        SearchConstraints c = new SearchConstraints(null, Set.of("coat"), Set.of("waterproof", "winter"), Set.of(),
                "female", Set.of("black"), Set.of("M"), null, new BigDecimal("3279"), true, 60);
        s.newSearch(c);
        s.markAsked("budget");
        s.shown(List.of(new DialogueState.Shown(7, "A-1"), new DialogueState.Shown(9, "B-2")));
        s.select(new DialogueState.Shown(9, "B-2"));
        s.cartId("00000000-0000-0000-0000-000000000001");
        s.lastAdded("B-2");
        s.propose("B-3");
        s.lastIntent("stock_check");
        s.ask("hm", List.of("size_fit", "stock_check"));

        DialogueState back = DialogueState.fromJson(s.toJson());
        assertEquals(s.toJson(), back.toJson());
        assertEquals(c, back.search());
        assertEquals(List.of(new DialogueState.Shown(7, "A-1"), new DialogueState.Shown(9, "B-2")), back.shown());
        assertEquals(new DialogueState.Shown(9, "B-2"), back.selected());
        assertEquals("B-3", back.proposedSku());
        assertTrue(back.asked("budget"));
        assertFalse(back.asked("size"));
        assertEquals(List.of("size_fit", "stock_check"), back.offeredIntents());
    }

    @Test
    void aNewSearchForgetsTheOldOnesQuestionsAndStateFromTheFirstIncrementStillReads() {
        DialogueState s = DialogueState.fromJson("{\"language\":\"en\",\"lastIntent\":\"greeting\",\"offeredIntents\":[]}");
        assertEquals("en", s.language());
        assertNull(s.search());
        s.newSearch(SearchConstraints.none());
        s.markAsked("size");
        s.newSearch(SearchConstraints.none().withTypes(Set.of("hat")));
        assertFalse(s.asked("size"));
    }
}
