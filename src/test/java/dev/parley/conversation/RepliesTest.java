package dev.parley.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.nlu.Intent;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Reply wording: every language has every key, variants vary by turn, and the reply language rule. */
class RepliesTest {

    private static Properties bundle(String suffix) throws IOException {
        Properties p = new Properties();
        try (InputStream in = RepliesTest.class.getResourceAsStream("/dev/parley/conversation/replies" + suffix + ".properties")) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void everyLanguageHasEveryKeyAndEveryIntentHasAName() throws IOException {
        Set<String> en = bundle("").stringPropertyNames();
        assertEquals(en, bundle("_zh_TW").stringPropertyNames());
        assertEquals(en, bundle("_zh_CN").stringPropertyNames());
        for (Intent i : Intent.values()) {
            assertTrue(en.contains("intent." + i.wireName()), i.wireName());
        }
    }

    @Test
    void apostrophesAreWrittenForHowEachTextIsFilledIn() throws IOException {
        // A text with {0}-style arguments goes through MessageFormat, where an apostrophe is written twice; a text
        // without arguments is used as it is, where a doubled apostrophe would show.
        Properties en = bundle("");
        for (String key : en.stringPropertyNames()) {
            String text = en.getProperty(key);
            if (text.matches("(?s).*\\{[0-9].*")) {
                assertFalse(text.replace("''", "").contains("'"), key + " loses its apostrophe: " + text);
            } else {
                assertFalse(text.contains("''"), key + " shows a doubled apostrophe: " + text);
            }
        }
    }

    @Test
    void variantsChangeWithTheTurnAndArgumentsAreFilledIn() {
        List<String> greetings = List.of(Replies.of("en", 0).text("greeting"), Replies.of("en", 1).text("greeting"));
        assertNotEquals(greetings.get(0), greetings.get(1));
        assertEquals(Replies.of("en", 4).text("greeting"), Replies.of("en", 4).text("greeting"), "same turn, same words");
        assertEquals("Code TAKE300: NT$300 off", Replies.of("en", 0).text("offers.coupon", "TAKE300", "NT$300 off"));
        assertEquals("優惠碼 TAKE300：折 NT$300", Replies.of("zh-TW", 0).text("offers.coupon", "TAKE300", "折 NT$300"));
        assertTrue(Replies.of("zh-CN", 0).text("welcome").contains("购物助理"));
    }

    @Test
    void aShortLatinReplyInAChineseConversationKeepsItsLanguage() {
        assertEquals("zh-TW", ConversationService.replyLanguage("ok", "en", "zh-TW"));
        assertEquals("zh-CN", ConversationService.replyLanguage("M", "en", "zh-CN"));
        assertEquals("en", ConversationService.replyLanguage("do you have this jacket in black", "en", "zh-TW"),
                "a whole English sentence switches to English");
        assertEquals("zh-TW", ConversationService.replyLanguage("有M號嗎", "zh-TW", "en"));
    }

    @Test
    void theDialogueStateSurvivesItsJson() {
        DialogueState s = DialogueState.start("zh-TW");
        s.lastIntent("promotions");
        s.ask("這個多少", List.of("product_question", "stock_check"));
        DialogueState back = DialogueState.fromJson(s.toJson());
        assertEquals("zh-TW", back.language());
        assertEquals("promotions", back.lastIntent());
        assertEquals("這個多少", back.pendingText());
        assertEquals(List.of("product_question", "stock_check"), back.offeredIntents());
        back.answered();
        assertEquals(List.of(), DialogueState.fromJson(back.toJson()).offeredIntents());
    }
}
