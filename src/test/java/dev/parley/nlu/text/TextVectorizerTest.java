package dev.parley.nlu.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class TextVectorizerTest {

    private static final List<String> TEXTS = List.of("我想買運動鞋", "有没有两千以内的羽绒服", "do you have sneakers in size 9",
            "where is my order PRL-10234", "這件coat有M號嗎", "thanks!", "好的👌");

    private final TextVectorizer raw =
            new TextVectorizer(VectorizerSettings.defaults().withWeighting(false, false, false));
    private final TextVectorizer fitted = new TextVectorizer(VectorizerSettings.defaults()).fit(TEXTS);

    @Test
    void traditionalAndSimplifiedGiveIdenticalFeatures() {
        assertEquals(raw.features("我想買運動鞋"), raw.features("我想买运动鞋"));
        assertEquals(fitted.vectorize("運動鞋"), fitted.vectorize("运动鞋"));
        assertTrue(raw.tokens("運動鞋").contains("运动鞋"), raw.tokens("運動鞋").toString());
    }

    @Test
    void nfkcAndCaseFolding() {
        assertEquals(raw.features("ＷＡＴＥＲＰＲＯＯＦ Coat？"), raw.features("waterproof coat?"));
        assertEquals(raw.tokens("Ｍ號"), raw.tokens("m号"));
    }

    @Test
    void englishWordsAreStemmedSoInflectionsShareTheWordFeature() {
        assertTrue(raw.features("Sneakers").contains("w:sneaker"), raw.features("Sneakers").toString());
        assertTrue(raw.features("sneaker").contains("w:sneaker"));
        assertEquals(List.of("sneaker"), raw.tokens("sneaker's"));
        TextVectorizer minimal = new TextVectorizer(VectorizerSettings.defaults()
                .withStemmer(VectorizerSettings.Stemmer.MINIMAL).withWeighting(false, false, false));
        assertEquals(List.of("sneaker"), minimal.tokens("Sneakers"));
        assertEquals(List.of("running"), minimal.tokens("running"), "minimal stemming only undoes plurals");
        assertEquals(List.of("run"), raw.tokens("running"), "Porter");
        TextVectorizer none = new TextVectorizer(VectorizerSettings.defaults()
                .withStemmer(VectorizerSettings.Stemmer.NONE).withWeighting(false, false, false));
        assertEquals(List.of("sneakers"), none.tokens("Sneakers"));
    }

    @Test
    void codeMixedTextKeepsBothScripts() {
        assertEquals(List.of("这", "件", "coat", "有", "m", "号", "吗"), raw.tokens("這件coat有M號嗎"));
        List<String> features = raw.features("這件coat有M號嗎");
        assertTrue(features.contains("b:件 coat"), features.toString());
        assertTrue(features.contains("g:<coat") && features.contains("g:oat>"), features.toString());
        assertTrue(features.contains("c:号吗"), features.toString());
        assertEquals(List.of("我", "要", "talk", "to", "a", "human"), raw.tokens("我要talk to a human"));
    }

    @Test
    void chineseIsSegmentedByHanLpOrSplitIntoCharacters() {
        assertEquals(List.of("我", "想", "买", "一", "双", "运动鞋"), raw.tokens("我想買一雙運動鞋"));
        TextVectorizer chars = new TextVectorizer(VectorizerSettings.defaults().withSegmentChinese(false)
                .withWeighting(false, false, false));
        assertEquals(List.of("我", "想", "买", "一", "双", "运", "动", "鞋"), chars.tokens("我想買一雙運動鞋"));
        // The character n-grams do not depend on segmentation.
        assertEquals(raw.features("運動鞋").stream().filter(f -> f.startsWith("c:")).toList(),
                chars.features("運動鞋").stream().filter(f -> f.startsWith("c:")).toList());
    }

    @Test
    void numbersSymbolsAndPunctuation() {
        assertEquals(List.of("where", "i", "my", "order", "prl-10234"), raw.tokens("where is my order PRL-10234"),
                "Porter: is → i");
        assertTrue(raw.features("PRL-10234").contains("s:a-000"));
        assertTrue(raw.features("size 9.5").contains("s:0.0"));
        assertTrue(raw.features("0912345678").contains("s:000"));
        assertEquals(List.of("nt", "$", "4,000", "以下"), raw.tokens("NT$4,000以下"));
        assertEquals(List.of("好", "ㄛ", "👌", "👌"), raw.tokens("好ㄛ 👌👌"));
        assertEquals(List.of("ok", "?", "!"), raw.tokens("ok??!!"));
        assertEquals(List.of("i", "dont", "like", "the", "t-shirt"), raw.tokens("I don't like the T-shirts"));
        assertEquals(List.of("email", "jessie0520@gmail.com"), raw.tokens("email jessie0520@gmail.com."));
        assertEquals(List.of(), raw.tokens("  ～～ … "));
        assertEquals(0, fitted.vectorize("").size());
        assertEquals(0, fitted.vectorize(null).size());
    }

    @Test
    void featureHashingIsPinnedAcrossJvmsAndVersions() {
        TextVectorizer words = new TextVectorizer(VectorizerSettings.defaults().withCjkNgrams(0, 0)
                .withWordNgrams(0, 0).withWeighting(false, false, false));
        // MurmurHash3 x86_32 of the UTF-8 bytes of "w:coat" / "w:运动鞋", seed 0x5EED, modulo 2^15. If these
        // change, every stored model is invalid.
        assertEquals(new SparseVector(1 << 14, new int[] {39}, new float[] {1}), words.vectorize("coat"));
        assertEquals(new SparseVector(1 << 14, new int[] {3539}, new float[] {1}), words.vectorize("運動鞋"));
    }

    @Test
    void deterministicAndIndependentOfTheInstance() {
        TextVectorizer again = new TextVectorizer(VectorizerSettings.defaults()).fit(TEXTS);
        for (String text : TEXTS) {
            assertEquals(fitted.vectorize(text), fitted.vectorize(text));
            assertEquals(fitted.vectorize(text), again.vectorize(text));
        }
        assertArrayEquals(fitted.idf(), again.idf());
    }

    @Test
    void vectorsAreSortedUnitLengthAndMatchTheDenseForm() {
        TextVectorizer small = new TextVectorizer(VectorizerSettings.defaults().withDimension(256)).fit(TEXTS);
        for (String text : TEXTS) {
            SparseVector v = small.vectorize(text);
            int[] indices = v.indices();
            for (int i = 1; i < indices.length; i++) {
                assertTrue(indices[i] > indices[i - 1]);
            }
            assertEquals(1.0, v.norm(), 1e-5, text);
            float[] dense = small.dense(text);
            assertEquals(256, dense.length);
            assertArrayEquals(v.toDense(), dense);
            assertEquals(1.0, v.dot(dense), 1e-5);
            assertEquals(1.0, v.dot(v), 1e-5);
        }
    }

    @Test
    void sublinearTfAndIdfWeighting() {
        TextVectorizer counts = new TextVectorizer(VectorizerSettings.defaults().withCjkNgrams(0, 0)
                .withWordNgrams(0, 0).withWeighting(false, false, false));
        TextVectorizer damped = new TextVectorizer(VectorizerSettings.defaults().withCjkNgrams(0, 0)
                .withWordNgrams(0, 0).withWeighting(true, false, false));
        int coat = counts.vectorize("coat").index(0);
        assertEquals(3f, counts.vectorize("coat coat coat").get(coat));
        assertEquals((float) (1 + Math.log(3)), damped.vectorize("coat coat coat").get(coat), 1e-6);

        TextVectorizer idf = new TextVectorizer(VectorizerSettings.defaults().withCjkNgrams(0, 0).withWordNgrams(0, 0)
                .withWeighting(false, true, false)).fit(List.of("a coat", "a hat", "a scarf"));
        SparseVector v = idf.vectorize("a coat");
        float common = v.get(counts.vectorize("a").index(0));
        float rare = v.get(coat);
        assertEquals((float) (Math.log(4.0 / 4.0) + 1), common, 1e-6);
        assertEquals((float) (Math.log(4.0 / 2.0) + 1), rare, 1e-6);
    }

    @Test
    void anIdfVectorizerMustBeFittedFirst() {
        TextVectorizer unfitted = new TextVectorizer(VectorizerSettings.defaults());
        assertFalse(unfitted.ready());
        assertThrows(IllegalStateException.class, () -> unfitted.vectorize("coat"));
        assertFalse(unfitted.tokens("coat").isEmpty(), "inspection works before fitting");
        assertThrows(IllegalArgumentException.class, () -> unfitted.fit(List.of()));
        TextVectorizer noIdf = new TextVectorizer(VectorizerSettings.defaults().withWeighting(true, false, true));
        assertTrue(noIdf.ready());
        assertTrue(noIdf.fit(TEXTS) == noIdf);
    }

    @Test
    void settingsRoundTripThroughAMapAndJson() {
        List<VectorizerSettings> all = List.of(VectorizerSettings.defaults(),
                VectorizerSettings.defaults().withSegmentChinese(false).withCjkNgrams(1, 2).withWordNgrams(0, 0)
                        .withStemmer(VectorizerSettings.Stemmer.MINIMAL).withWeighting(false, false, true)
                        .withDimension(1000));
        for (VectorizerSettings s : all) {
            assertEquals(s, VectorizerSettings.fromMap(s.toMap()));
            assertEquals(s, VectorizerSettings.fromMap(fromJson(toJson(s.toMap()))));
        }
        String json = toJson(VectorizerSettings.defaults().toMap());
        assertTrue(json.contains("\"stemmer\":\"porter\""), json);
    }

    @Test
    void settingsFromAMapAreCheckedStrictly() {
        Map<String, Object> unknown = new LinkedHashMap<>(VectorizerSettings.defaults().toMap());
        unknown.put("lemmatize", true);
        assertThrows(IllegalArgumentException.class, () -> VectorizerSettings.fromMap(unknown));
        Map<String, Object> missing = new LinkedHashMap<>(VectorizerSettings.defaults().toMap());
        missing.remove("wordBigrams");
        assertThrows(IllegalArgumentException.class, () -> VectorizerSettings.fromMap(missing));
        Map<String, Object> badType = new LinkedHashMap<>(VectorizerSettings.defaults().toMap());
        badType.put("dimension", "32768");
        assertThrows(IllegalArgumentException.class, () -> VectorizerSettings.fromMap(badType));
        Map<String, Object> future = new LinkedHashMap<>(VectorizerSettings.defaults().toMap());
        future.put("format", 2);
        assertThrows(IllegalArgumentException.class, () -> VectorizerSettings.fromMap(future));
        assertThrows(IllegalArgumentException.class, () -> VectorizerSettings.defaults().withCjkNgrams(3, 1));
        assertThrows(IllegalArgumentException.class, () -> VectorizerSettings.defaults().withDimension(1));
    }

    @Test
    void aFittedVectorizerRoundTripsAsModelState() {
        Map<String, Object> state = fitted.toMap();
        TextVectorizer restored = TextVectorizer.fromMap(fromJson(toJson(state)));
        assertEquals(fitted.settings(), restored.settings());
        assertArrayEquals(fitted.idf(), restored.idf());
        for (String text : TEXTS) {
            assertEquals(fitted.vectorize(text), restored.vectorize(text));
        }
        assertEquals(fitted.vectorize("運動鞋"), TextVectorizer.restore(fitted.settings(), fitted.idf()).vectorize("运动鞋"));

        Map<String, Object> noIdf = new LinkedHashMap<>(state);
        noIdf.remove("idf");
        assertThrows(IllegalArgumentException.class, () -> TextVectorizer.fromMap(noIdf));
        assertThrows(IllegalArgumentException.class,
                () -> TextVectorizer.restore(VectorizerSettings.defaults(), new float[10]));
    }

    @Test
    void concurrentCallersGetTheSameVectors() throws Exception {
        List<String> texts = SeedCorpus.read("train").stream().map(SeedCorpus.Utterance::text).limit(1500).toList();
        List<SparseVector> expected = texts.stream().map(fitted::vectorize).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<SparseVector>>> runs = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                runs.add(pool.submit(() -> texts.stream().map(fitted::vectorize).toList()));
            }
            for (Future<List<SparseVector>> run : runs) {
                assertEquals(expected, run.get());
            }
        } finally {
            pool.shutdown();
        }
    }

    /** No timing assertions: every seed utterance gives a sound vector, and the numbers are printed. */
    @Test
    void everySeedUtteranceVectorisesSoundly() {
        List<String> texts = SeedCorpus.read("train").stream().map(SeedCorpus.Utterance::text).toList();
        long start = System.nanoTime();
        TextVectorizer v = new TextVectorizer(VectorizerSettings.defaults()).fit(texts);
        long fitted = System.nanoTime();
        long features = 0;
        Set<Integer> used = new HashSet<>();
        for (String text : texts) {
            SparseVector x = v.vectorize(text);
            assertTrue(x.size() > 0, text);
            assertEquals(1.0, x.norm(), 1e-4, text);
            for (int i = 0; i < x.size(); i++) {
                assertTrue(Float.isFinite(x.value(i)) && x.value(i) > 0, text);
                used.add(x.index(i));
            }
            features += x.size();
        }
        long done = System.nanoTime();
        System.out.printf("Vectorizer sanity: %d training utterances, fit %.0f ms, vectorise %.0f ms "
                + "(%.0f µs each), %.1f non-zero features per utterance, %d of %d buckets used%n", texts.size(),
                (fitted - start) / 1e6, (done - fitted) / 1e6, (done - fitted) / 1e3 / texts.size(),
                features / (double) texts.size(), used.size(), v.settings().dimension());
        assertNotEquals(0, used.size());
    }

    private static String toJson(Map<String, Object> map) {
        return Json.createObjectBuilder(map).build().toString();
    }

    private static Map<String, Object> fromJson(String json) {
        try (var reader = Json.createReader(new StringReader(json))) {
            return toJava(reader.readObject());
        }
    }

    private static Map<String, Object> toJava(JsonObject object) {
        Map<String, Object> m = new LinkedHashMap<>();
        object.forEach((k, v) -> m.put(k, toJava(v)));
        return m;
    }

    private static Object toJava(JsonValue v) {
        return switch (v.getValueType()) {
            case NUMBER -> ((JsonNumber) v).numberValue();
            case STRING -> ((JsonString) v).getString();
            case TRUE -> Boolean.TRUE;
            case FALSE -> Boolean.FALSE;
            case OBJECT -> toJava(v.asJsonObject());
            default -> throw new IllegalArgumentException("unexpected " + v);
        };
    }
}
