package dev.parley.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class CuesTest {

    @ParameterizedTest
    @CsvSource({"the second one,2", "I'll take the 2nd,2", "第二個,2", "第二个,2", "第3款,3", "number 4 please,4",
            "the last one,-1", "最後一個,-1", "show me coats,0", "my first order,0"})
    void ordinalsPointAtShownProducts(String text, int ordinal) {
        assertEquals(ordinal, Cues.read(text).ordinal());
    }

    @ParameterizedTest
    @CsvSource({"cheaper,-1", "anything less expensive?,-1", "便宜一點的,-1", "便宜一点的,-1", "more expensive ones,1",
            "貴一點的,1", "black ones,0"})
    void priceDirection(String text, int direction) {
        assertEquals(direction, Cues.read(text).direction());
    }

    @Test
    void oneMoreMemoryAndQuestions() {
        assertTrue(Cues.read("再加一件").oneMore());
        assertTrue(Cues.read("one more please").oneMore());
        assertFalse(Cues.read("add the M in black").oneMore());
        assertTrue(Cues.read("What do you remember about me?").recall());
        assertTrue(Cues.read("你記得我什麼").recall());
        assertTrue(Cues.read("你记得我什么").recall());
        assertTrue(Cues.read("forget me").forget());
        assertTrue(Cues.read("忘記我的資料").forget());
        assertTrue(Cues.read("请删除我的数据").forget());
        assertFalse(Cues.read("forget it, show me hats").forget());
        assertTrue(Cues.read("这双有9号吗").question());
        assertTrue(Cues.read("Do you have it in M").question());
        assertFalse(Cues.read("add it to my cart").question());
        assertTrue(Cues.read("這件有M號嗎").deictic());
        assertTrue(Cues.read("is it waterproof").deictic());
    }

    @Test
    void everyOrdinalInOrder() {
        assertEquals(List.of(1, 3), Cues.ordinals("compare the first and the third"));
        assertEquals(List.of(1, 2), Cues.ordinals("第一個和第二個有什麼不同"));
    }
}
