package dev.parley.nlu.text;

import static dev.parley.nlu.text.LanguageDetector.EN;
import static dev.parley.nlu.text.LanguageDetector.ZH_CN;
import static dev.parley.nlu.text.LanguageDetector.ZH_TW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class LanguageDetectorTest {

    private final LanguageDetector detector = new LanguageDetector();

    @Test
    void latinOnlyTextIsEnglishWhateverTheFallback() {
        assertEquals(EN, detector.detect("Do you have this coat in M?", ZH_TW));
        assertEquals(EN, detector.detect("ok", ZH_CN));
        assertEquals(EN, detector.detect("ｏｋ ｔｈａｎｋｓ", ZH_TW), "full-width letters are Latin after NFKC");
        assertEquals(EN, detector.detect("café crème", EN));
    }

    @Test
    void textWithoutLettersTakesTheFallback() {
        for (String text : new String[] {"👍👍", "123", "!!!", "", "   ", null, "886"}) {
            assertEquals(ZH_CN, detector.detect(text, ZH_CN), String.valueOf(text));
            assertEquals(ZH_TW, detector.detect(text, ZH_TW), String.valueOf(text));
            assertEquals(EN, detector.detect(text, null), String.valueOf(text));
        }
    }

    @Test
    void scriptSpecificCharactersDecideTheChineseVariantOverTheFallback() {
        assertEquals(ZH_TW, detector.detect("這件coat有M號嗎", EN));
        assertEquals(ZH_TW, detector.detect("這件coat有M號嗎", ZH_CN));
        assertEquals(ZH_CN, detector.detect("这件coat有M号吗", ZH_TW));
        assertEquals(ZH_TW, detector.detect("請問運動鞋還有貨嗎", ZH_CN));
        assertEquals(ZH_CN, detector.detect("请问运动鞋还有货吗", ZH_TW));
        assertEquals(ZH_TW, detector.detect("乾洗可以嗎", ZH_CN));
        assertEquals(ZH_CN, detector.detect("亲，包邮吗", ZH_TW));
        assertEquals(ZH_CN, detector.detect("寄到台湾要多久", ZH_TW), "台 counts for neither script, 湾 for Simplified");
    }

    @Test
    void commonCharactersUseRegionalWordsThenAChineseFallbackThenTaiwan() {
        assertEquals(ZH_TW, detector.detect("好的", EN));
        assertEquals(ZH_CN, detector.detect("好的", ZH_CN));
        assertEquals(ZH_TW, detector.detect("好的", ZH_TW));
        assertEquals(ZH_TW, detector.detect("我在台北", "fr"));
        assertEquals(ZH_TW, detector.detect("好喔", ZH_CN), "喔 is Taiwanese");
        assertEquals(ZH_TW, detector.detect("可以寄到超商", ZH_CN));
        assertEquals(ZH_CN, detector.detect("在不在", ZH_TW));
        assertEquals(ZH_CN, detector.detect("早上好", ZH_TW));
        assertEquals(ZH_TW, detector.detect("我要cancel my order", ZH_TW), "'der' counts only as a word of its own");
        assertEquals(ZH_CN, detector.detect("我要cancel my order", ZH_CN));
    }

    @Test
    void bopomofoIsTaiwanese() {
        assertEquals(ZH_TW, detector.detect("有折扣ㄇ", ZH_CN));
        assertEquals(ZH_TW, detector.detect("好ㄛ", EN));
    }

    @Test
    void aFewHanCharactersInAnEnglishSentenceKeepItEnglish() {
        assertEquals(EN, detector.detect("can I return the 外套 I bought last week", ZH_TW));
        assertEquals(ZH_TW, detector.detect("我要talk to a human", EN), "two Han characters against four words");
        assertEquals(ZH_CN, detector.detect("where is my order 啊 等好久了", ZH_CN));
    }

    @Test
    void fallbackLocaleTagsAreUnderstood() {
        assertEquals(ZH_TW, detector.detect("😊", "zh_Hant_TW"));
        assertEquals(ZH_TW, detector.detect("😊", "zh-HK"));
        assertEquals(ZH_TW, detector.detect("😊", "zh"));
        assertEquals(ZH_CN, detector.detect("😊", "zh-Hans"));
        assertEquals(ZH_CN, detector.detect("😊", "ZH-cn"));
        assertEquals(EN, detector.detect("😊", "en-US"));
        assertEquals(EN, detector.detect("😊", "ja"));
    }

    @Test
    void concurrentCallersGetTheSameAnswers() throws Exception {
        List<String> texts = SeedCorpus.read("train").stream().map(SeedCorpus.Utterance::text).toList();
        List<String> expected = texts.stream().map(t -> new LanguageDetector().detect(t, EN)).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<String>>> runs = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                runs.add(pool.submit(() -> texts.stream().map(t -> detector.detect(t, EN)).toList()));
            }
            for (Future<List<String>> run : runs) {
                assertEquals(expected, run.get());
            }
        } finally {
            pool.shutdown();
        }
    }

    /**
     * Accuracy on every held-out seed utterance, per language, in two situations: no locale known
     * (fallback {@code en}, so text of characters common to both scripts counts as zh-TW), and the
     * conversation's locale as the fallback. The held-out zh files hold a few messages without any Chinese
     * character ("okay", "3Q3Q", "see u next time"): by rule those are English, which caps zh-TW at 0.98.
     */
    @Test
    void heldOutAccuracyPerLanguage() {
        List<SeedCorpus.Utterance> heldOut = SeedCorpus.read("heldout");
        Map<String, Double> noHint = report("no locale hint (fallback en)", heldOut, u -> EN, false);
        Map<String, Double> hint = report("conversation locale as fallback", heldOut, SeedCorpus.Utterance::language,
                false);
        Map<String, Double> hanNoHint = report("messages with Chinese characters, no hint", heldOut, u -> EN, true);
        Map<String, Double> hanHint = report("messages with Chinese characters, locale as fallback", heldOut,
                SeedCorpus.Utterance::language, true);

        assertTrue(noHint.get(EN) >= 0.98, "en " + noHint.get(EN));
        assertTrue(hint.get(EN) >= 0.98, "en " + hint.get(EN));
        assertTrue(hint.get(ZH_CN) >= 0.98, "zh-CN with the locale " + hint.get(ZH_CN));
        assertTrue(hint.get(ZH_TW) >= 0.975, "zh-TW with the locale " + hint.get(ZH_TW));
        assertTrue(hanHint.get(ZH_TW) >= 0.99 && hanHint.get(ZH_CN) >= 0.99, "Chinese text with the locale " + hanHint);
        assertTrue(hanNoHint.get(ZH_TW) >= 0.99, "zh-TW Chinese text without a hint " + hanNoHint);
        // Without a locale, Simplified text of common characters only (好的, 不用了, 晚安) cannot be told apart.
        assertTrue(noHint.get(ZH_TW) >= 0.97, "zh-TW without a hint " + noHint.get(ZH_TW));
        assertTrue(noHint.get(ZH_CN) >= 0.92, "zh-CN without a hint " + noHint.get(ZH_CN));
    }

    private Map<String, Double> report(String title, List<SeedCorpus.Utterance> utterances,
            Function<SeedCorpus.Utterance, String> fallback, boolean chineseOnly) {
        Map<String, Map<String, Integer>> confusion = new LinkedHashMap<>();
        LanguageDetector.LANGUAGES.forEach(l -> confusion.put(l, new LinkedHashMap<>()));
        for (SeedCorpus.Utterance u : utterances) {
            if (chineseOnly && (u.language().equals(EN) || u.text().codePoints().noneMatch(c ->
                    Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN))) {
                continue;
            }
            confusion.get(u.language()).merge(detector.detect(u.text(), fallback.apply(u)), 1, Integer::sum);
        }
        StringBuilder out = new StringBuilder("Language detection, held-out, " + title + "\n");
        out.append(String.format("%-8s %6s %6s %6s %7s %9s%n", "actual", EN, ZH_TW, ZH_CN, "n", "accuracy"));
        Map<String, Double> accuracy = new LinkedHashMap<>();
        confusion.forEach((actual, row) -> {
            int n = row.values().stream().mapToInt(Integer::intValue).sum();
            if (n == 0) {
                return;
            }
            double acc = row.getOrDefault(actual, 0) / (double) n;
            accuracy.put(actual, acc);
            out.append(String.format("%-8s %6d %6d %6d %7d %9.4f%n", actual, row.getOrDefault(EN, 0),
                    row.getOrDefault(ZH_TW, 0), row.getOrDefault(ZH_CN, 0), n, acc));
        });
        System.out.println(out);
        return accuracy;
    }
}
