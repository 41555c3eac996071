package dev.parley.nlu.text;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * How {@link TextVectorizer} turns text into features. Stored with each model version ({@link #toMap()},
 * or JSON-B: a record of ints, booleans and an enum), so serving vectorises exactly as training did.
 *
 * @param dimension size of the hashed feature space (e.g. 2^15)
 * @param foldTraditional fold Traditional Chinese to Simplified (運動鞋 and 运动鞋 become one word)
 * @param stemmer how English words are stemmed
 * @param segmentChinese segment Chinese into words with HanLP; when off, each character is a word
 * @param wordBigrams add pairs of adjacent words
 * @param cjkNgramMin shortest character n-gram within runs of Chinese (CJK) characters; 0 with
 *        {@code cjkNgramMax} 0 turns them off
 * @param cjkNgramMax longest such n-gram
 * @param wordNgramMin shortest character n-gram within each other word, taken from {@code <word>} with
 *        boundary marks; 0 with {@code wordNgramMax} 0 turns them off
 * @param wordNgramMax longest such n-gram
 * @param numberShapes add the shape of each word with digits ({@code prl-10234} → {@code a-0}), so order
 *        numbers, sizes and amounts generalise
 * @param sublinearTf weigh a repeated feature {@code 1 + ln(count)} instead of its count
 * @param idf weigh features by inverse document frequency, fitted by {@link TextVectorizer#fit}
 * @param l2Normalize scale each vector to unit length
 */
public record VectorizerSettings(int dimension, boolean foldTraditional, Stemmer stemmer, boolean segmentChinese,
        boolean wordBigrams, int cjkNgramMin, int cjkNgramMax, int wordNgramMin, int wordNgramMax,
        boolean numberShapes, boolean sublinearTf, boolean idf, boolean l2Normalize) {

    /** English stemming. */
    public enum Stemmer {
        /** No stemming. */
        NONE,
        /** Plurals only (Lucene's {@code EnglishMinimalStemmer}: sneakers → sneaker). */
        MINIMAL,
        /** The Porter algorithm (Snowball's implementation), as the catalog search stems. */
        PORTER
    }

    /** Version of the {@link #toMap()} layout. */
    public static final int FORMAT = 1;

    private static final Set<String> KEYS = Set.of("format", "dimension", "foldTraditional", "stemmer",
            "segmentChinese", "wordBigrams", "cjkNgramMin", "cjkNgramMax", "wordNgramMin", "wordNgramMax",
            "numberShapes", "sublinearTf", "idf", "l2Normalize");

    public VectorizerSettings {
        if (dimension < 2 || dimension > 1 << 24) {
            throw new IllegalArgumentException("dimension must be within 2..2^24: " + dimension);
        }
        if (stemmer == null) {
            throw new IllegalArgumentException("stemmer is required");
        }
        checkRange("cjkNgram", cjkNgramMin, cjkNgramMax);
        checkRange("wordNgram", wordNgramMin, wordNgramMax);
    }

    /**
     * The recommended settings: 2^14 dimensions (the intent model measured no gain from 2^15, docs/benchmarks.md), folding, Porter stemming, HanLP segmentation, word bigrams,
     * character 1–3-grams in Chinese, 3–5-grams within other words, number shapes, sub-linear tf, IDF, L2.
     */
    public static VectorizerSettings defaults() {
        return new VectorizerSettings(1 << 14, true, Stemmer.PORTER, true, true, 1, 3, 3, 5, true, true, true, true);
    }

    /** These settings with another dimension. */
    public VectorizerSettings withDimension(int dimension) {
        return new VectorizerSettings(dimension, foldTraditional, stemmer, segmentChinese, wordBigrams, cjkNgramMin,
                cjkNgramMax, wordNgramMin, wordNgramMax, numberShapes, sublinearTf, idf, l2Normalize);
    }

    /** These settings with another stemmer. */
    public VectorizerSettings withStemmer(Stemmer stemmer) {
        return new VectorizerSettings(dimension, foldTraditional, stemmer, segmentChinese, wordBigrams, cjkNgramMin,
                cjkNgramMax, wordNgramMin, wordNgramMax, numberShapes, sublinearTf, idf, l2Normalize);
    }

    /** These settings with HanLP segmentation on or off. */
    public VectorizerSettings withSegmentChinese(boolean segmentChinese) {
        return new VectorizerSettings(dimension, foldTraditional, stemmer, segmentChinese, wordBigrams, cjkNgramMin,
                cjkNgramMax, wordNgramMin, wordNgramMax, numberShapes, sublinearTf, idf, l2Normalize);
    }

    /** These settings with another range of Chinese character n-grams ({@code 0, 0}: none). */
    public VectorizerSettings withCjkNgrams(int min, int max) {
        return new VectorizerSettings(dimension, foldTraditional, stemmer, segmentChinese, wordBigrams, min, max,
                wordNgramMin, wordNgramMax, numberShapes, sublinearTf, idf, l2Normalize);
    }

    /** These settings with another range of in-word character n-grams ({@code 0, 0}: none). */
    public VectorizerSettings withWordNgrams(int min, int max) {
        return new VectorizerSettings(dimension, foldTraditional, stemmer, segmentChinese, wordBigrams, cjkNgramMin,
                cjkNgramMax, min, max, numberShapes, sublinearTf, idf, l2Normalize);
    }

    /** These settings with the weighting steps on or off. */
    public VectorizerSettings withWeighting(boolean sublinearTf, boolean idf, boolean l2Normalize) {
        return new VectorizerSettings(dimension, foldTraditional, stemmer, segmentChinese, wordBigrams, cjkNgramMin,
                cjkNgramMax, wordNgramMin, wordNgramMax, numberShapes, sublinearTf, idf, l2Normalize);
    }

    /** These settings as plain values (Integer, Boolean, String), ready for any JSON writer. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", FORMAT);
        m.put("dimension", dimension);
        m.put("foldTraditional", foldTraditional);
        m.put("stemmer", stemmer.name().toLowerCase(Locale.ROOT));
        m.put("segmentChinese", segmentChinese);
        m.put("wordBigrams", wordBigrams);
        m.put("cjkNgramMin", cjkNgramMin);
        m.put("cjkNgramMax", cjkNgramMax);
        m.put("wordNgramMin", wordNgramMin);
        m.put("wordNgramMax", wordNgramMax);
        m.put("numberShapes", numberShapes);
        m.put("sublinearTf", sublinearTf);
        m.put("idf", idf);
        m.put("l2Normalize", l2Normalize);
        return m;
    }

    /**
     * Settings back from {@link #toMap()} output, as a JSON reader returns it (numbers of any
     * {@link Number} type, booleans, strings). Every key is required and an unknown key is refused: a model
     * must never be served with features it was not trained with.
     *
     * @throws IllegalArgumentException for a missing, unknown or ill-typed value
     */
    public static VectorizerSettings fromMap(Map<String, ?> m) {
        for (String key : m.keySet()) {
            if (!KEYS.contains(key)) {
                throw new IllegalArgumentException("Unknown vectorizer setting '" + key + "'");
            }
        }
        int format = integer(m, "format");
        if (format != FORMAT) {
            throw new IllegalArgumentException("Unsupported vectorizer settings format " + format);
        }
        String stemmer = string(m, "stemmer");
        Stemmer s;
        try {
            s = Stemmer.valueOf(stemmer.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown stemmer '" + stemmer + "'", e);
        }
        return new VectorizerSettings(integer(m, "dimension"), bool(m, "foldTraditional"), s,
                bool(m, "segmentChinese"), bool(m, "wordBigrams"), integer(m, "cjkNgramMin"),
                integer(m, "cjkNgramMax"), integer(m, "wordNgramMin"), integer(m, "wordNgramMax"),
                bool(m, "numberShapes"), bool(m, "sublinearTf"), bool(m, "idf"), bool(m, "l2Normalize"));
    }

    private static void checkRange(String name, int min, int max) {
        boolean off = min == 0 && max == 0;
        if (!off && (min < 1 || max < min || max > 8)) {
            throw new IllegalArgumentException(name + " range must be 0..0 (off) or within 1..8: " + min + ".." + max);
        }
    }

    private static Object required(Map<String, ?> m, String key) {
        Object v = m.get(key);
        if (v == null) {
            throw new IllegalArgumentException("Missing vectorizer setting '" + key + "'");
        }
        return v;
    }

    private static int integer(Map<String, ?> m, String key) {
        Object v = required(m, key);
        if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())
                && Math.abs(n.doubleValue()) <= Integer.MAX_VALUE) {
            return n.intValue();
        }
        throw new IllegalArgumentException("Vectorizer setting '" + key + "' must be an integer: " + v);
    }

    private static boolean bool(Map<String, ?> m, String key) {
        Object v = required(m, key);
        if (v instanceof Boolean b) {
            return b;
        }
        throw new IllegalArgumentException("Vectorizer setting '" + key + "' must be true or false: " + v);
    }

    private static String string(Map<String, ?> m, String key) {
        Object v = required(m, key);
        if (v instanceof String s) {
            return s;
        }
        throw new IllegalArgumentException("Vectorizer setting '" + key + "' must be a string: " + v);
    }
}
