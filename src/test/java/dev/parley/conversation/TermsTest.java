package dev.parley.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class TermsTest {

    @Test
    void catalogWordsReadInTheShoppersLanguage() {
        assertEquals("black", Terms.name("black", "en"));
        assertEquals("黑色", Terms.name("black", "zh-TW"));
        assertEquals("深藍", Terms.name("navy", "zh-TW"));
        assertEquals("深蓝", Terms.name("navy", "zh-CN"));
        assertEquals("帽T", Terms.name("hoodie", "zh-TW"));
        assertEquals("帽T", Terms.name("hoodie", "zh-CN"));
        assertEquals("防水、深藍", Terms.list(List.of("waterproof", "navy"), "zh-TW"));
        assertEquals("Lantern Street", Terms.name("Lantern Street", "zh-TW"));
    }
}
