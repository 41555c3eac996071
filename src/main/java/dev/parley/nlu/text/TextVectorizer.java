package dev.parley.nlu.text;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.seg.Segment;
import com.hankcs.hanlp.seg.common.Term;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.en.EnglishMinimalStemmer;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.StringHelper;
import org.tartarus.snowball.ext.PorterStemmer;

/**
 * Turns an utterance into the sparse feature vector an intent model sees; the same instance (or one
 * {@linkplain #fromMap restored} from a model artifact) serves training and serving, so the two cannot
 * drift apart.
 *
 * <p>Steps: Unicode NFKC; Traditional Chinese folded to Simplified (HanLP); lower case. The text is then cut
 * into runs of CJK characters (Han, Bopomofo, Kana, Hangul), words of other letters and digits (inner
 * {@code - ' . @ _} kept: {@code t-shirt}, {@code prl-10234}), {@code ?} / {@code !}, and symbols such as
 * emoji and currency signs, each its own word. CJK runs are segmented into words by HanLP (person-name
 * recognition off) or split into characters; other words lose a possessive {@code 's} and apostrophes and
 * are stemmed. Features: each word ({@code w:}), adjacent word pairs ({@code b:}), character n-grams within
 * CJK runs ({@code c:}) and within {@code <word>} ({@code g:}), and the shape of words with digits
 * ({@code s:a-000}). Each feature is hashed (MurmurHash3 x86 32-bit of its UTF-8 bytes, seed
 * {@value #SEED}) into {@link VectorizerSettings#dimension()} buckets; counts are optionally damped
 * ({@code 1 + ln tf}), weighted by IDF ({@code ln((1 + n) / (1 + df)) + 1}, fitted by {@link #fit}) and
 * scaled to unit length. Deterministic across JVMs for a given HanLP version and dictionary.
 *
 * <p>Immutable and thread-safe: HanLP segmenters and stemmers are created per call.
 */
public final class TextVectorizer {

    /** Seed of the feature hash; part of the artifact's meaning, never to change. */
    public static final int SEED = 0x5EED;

    private static final EnglishMinimalStemmer MINIMAL = new EnglishMinimalStemmer();
    private static final Set<String> STATE_KEYS = Set.of("settings", "idf");

    private final VectorizerSettings settings;
    private final float[] idf;

    /** An unfitted vectorizer; with {@link VectorizerSettings#idf()} on, {@link #fit} it before vectorising. */
    public TextVectorizer(VectorizerSettings settings) {
        this(settings, null);
    }

    private TextVectorizer(VectorizerSettings settings, float[] idf) {
        if (settings == null) {
            throw new IllegalArgumentException("settings are required");
        }
        if (idf != null && (!settings.idf() || idf.length != settings.dimension())) {
            throw new IllegalArgumentException(settings.idf()
                    ? "IDF has " + idf.length + " weights for dimension " + settings.dimension()
                    : "IDF weights given but the settings do not use IDF");
        }
        this.settings = settings;
        this.idf = idf;
    }

    /**
     * A fitted vectorizer from stored state.
     *
     * @param idf the weights {@link #idf()} returned (copied), or null when the settings use no IDF
     */
    public static TextVectorizer restore(VectorizerSettings settings, float[] idf) {
        return new TextVectorizer(settings, idf == null ? null : idf.clone());
    }

    /** The settings. */
    public VectorizerSettings settings() {
        return settings;
    }

    /** Whether this vectorizer can {@link #vectorize}: fitted, or its settings need no fitting. */
    public boolean ready() {
        return !settings.idf() || idf != null;
    }

    /** A copy of the fitted IDF weights, one per hashed dimension; null when not fitted or not used. */
    public float[] idf() {
        return idf == null ? null : idf.clone();
    }

    /**
     * Fits the IDF weights on training texts. Returns this vectorizer unchanged when its settings use no IDF.
     *
     * @throws IllegalArgumentException for no texts
     */
    public TextVectorizer fit(List<String> texts) {
        if (!settings.idf()) {
            return this;
        }
        if (texts.isEmpty()) {
            throw new IllegalArgumentException("Cannot fit on no texts");
        }
        int[] df = new int[settings.dimension()];
        for (String text : texts) {
            int[] hashed = hashedFeatures(text);
            for (int i = 0; i < hashed.length; i++) {
                if (i == 0 || hashed[i] != hashed[i - 1]) {
                    df[hashed[i]]++;
                }
            }
        }
        float[] weights = new float[df.length];
        double n = texts.size();
        for (int i = 0; i < df.length; i++) {
            weights[i] = (float) (Math.log((1 + n) / (1 + df[i])) + 1);
        }
        return new TextVectorizer(settings, weights);
    }

    /**
     * The feature vector of {@code text}.
     *
     * @throws IllegalStateException if the settings use IDF and this vectorizer is not fitted
     */
    public SparseVector vectorize(String text) {
        if (!ready()) {
            throw new IllegalStateException("The settings use IDF: fit the vectorizer first");
        }
        int[] hashed = hashedFeatures(text);
        int distinct = 0;
        for (int i = 0; i < hashed.length; i++) {
            if (i == 0 || hashed[i] != hashed[i - 1]) {
                distinct++;
            }
        }
        int[] indices = new int[distinct];
        float[] values = new float[distinct];
        int k = -1;
        for (int i = 0; i < hashed.length; i++) {
            if (i == 0 || hashed[i] != hashed[i - 1]) {
                indices[++k] = hashed[i];
            }
            values[k]++;
        }
        double sum = 0;
        for (int i = 0; i < distinct; i++) {
            double v = settings.sublinearTf() ? 1 + Math.log(values[i]) : values[i];
            if (idf != null) {
                v *= idf[indices[i]];
            }
            values[i] = (float) v;
            sum += v * v;
        }
        if (settings.l2Normalize() && sum > 0) {
            float scale = (float) (1 / Math.sqrt(sum));
            for (int i = 0; i < distinct; i++) {
                values[i] *= scale;
            }
        }
        return SparseVector.wrap(settings.dimension(), indices, values);
    }

    /** The feature vector as a dense array of {@link VectorizerSettings#dimension()} floats (small dimensions). */
    public float[] dense(String text) {
        return vectorize(text).toDense();
    }

    /** The text after NFKC, Traditional-to-Simplified folding (if set) and lower-casing. */
    public String normalize(String text) {
        String s = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFKC);
        if (settings.foldTraditional() && s.codePoints().anyMatch(TextVectorizer::isCjk)) {
            s = HanLP.convertToSimplifiedChinese(s);
        }
        return s.toLowerCase(Locale.ROOT);
    }

    /** The words of {@code text} in order, as the features see them (segmented, stemmed); for inspection. */
    public List<String> tokens(String text) {
        List<String> words = new ArrayList<>();
        analyze(text, words, null);
        return words;
    }

    /** The named features of {@code text} before hashing, repeats included; for inspection. */
    public List<String> features(String text) {
        List<String> features = new ArrayList<>();
        analyze(text, new ArrayList<>(), features::add);
        return features;
    }

    /**
     * The state to store with a model version: {@code settings} ({@link VectorizerSettings#toMap()}) and,
     * when fitted, {@code idf}: the weights as Base64 of little-endian 32-bit floats.
     */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("settings", settings.toMap());
        if (idf != null) {
            ByteBuffer bytes = ByteBuffer.allocate(idf.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
            bytes.asFloatBuffer().put(idf);
            m.put("idf", Base64.getEncoder().encodeToString(bytes.array()));
        }
        return m;
    }

    /**
     * A vectorizer back from {@link #toMap()} output.
     *
     * @throws IllegalArgumentException for state that is incomplete, unknown or inconsistent
     */
    @SuppressWarnings("unchecked")
    public static TextVectorizer fromMap(Map<String, ?> m) {
        for (String key : m.keySet()) {
            if (!STATE_KEYS.contains(key)) {
                throw new IllegalArgumentException("Unknown vectorizer state '" + key + "'");
            }
        }
        if (!(m.get("settings") instanceof Map<?, ?> settings)) {
            throw new IllegalArgumentException("Vectorizer state without settings");
        }
        Object encoded = m.get("idf");
        float[] idf = null;
        if (encoded != null) {
            if (!(encoded instanceof String s)) {
                throw new IllegalArgumentException("Vectorizer IDF must be a Base64 string");
            }
            byte[] bytes = Base64.getDecoder().decode(s);
            if (bytes.length % Float.BYTES != 0) {
                throw new IllegalArgumentException("Vectorizer IDF of " + bytes.length + " bytes");
            }
            idf = new float[bytes.length / Float.BYTES];
            ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(idf);
        }
        VectorizerSettings s = VectorizerSettings.fromMap((Map<String, ?>) settings);
        if (s.idf() && idf == null) {
            throw new IllegalArgumentException("The settings use IDF but the state has no weights");
        }
        return new TextVectorizer(s, idf);
    }

    @Override
    public String toString() {
        return "TextVectorizer" + settings.toMap() + (idf == null ? "" : " fitted");
    }

    // ------------------------------------------------------------------------------------------------

    /** The hashed indices of every feature, sorted, repeats included. */
    private int[] hashedFeatures(String text) {
        int[][] buffer = {new int[64]};
        int[] size = {0};
        int dimension = settings.dimension();
        analyze(text, new ArrayList<>(), feature -> {
            if (size[0] == buffer[0].length) {
                buffer[0] = Arrays.copyOf(buffer[0], size[0] * 2);
            }
            buffer[0][size[0]++] = Math.floorMod(StringHelper.murmurhash3_x86_32(new BytesRef(feature), SEED),
                    dimension);
        });
        int[] hashed = Arrays.copyOf(buffer[0], size[0]);
        Arrays.sort(hashed);
        return hashed;
    }

    private interface FeatureSink {
        void accept(String feature);
    }

    /** Cuts the text into words (appended to {@code words}) and emits its features to {@code sink} (if any). */
    private void analyze(String text, List<String> words, FeatureSink sink) {
        String s = normalize(text);
        Analysis a = new Analysis(words, sink);
        int n = s.length();
        int i = 0;
        while (i < n) {
            int c = s.codePointAt(i);
            if (isCjk(c)) {
                int end = i;
                while (end < n && isCjk(s.codePointAt(end))) {
                    end += Character.charCount(s.codePointAt(end));
                }
                a.cjkRun(s.substring(i, end));
                i = end;
            } else if (Character.isLetterOrDigit(c)) {
                int end = i + Character.charCount(c);
                while (end < n) {
                    int d = s.codePointAt(end);
                    if ((Character.isLetterOrDigit(d) || isMark(d)) && !isCjk(d)) {
                        end += Character.charCount(d);
                    } else if (isConnector(d) && end + 1 < n && Character.isLetterOrDigit(s.codePointAt(end + 1))
                            && !isCjk(s.codePointAt(end + 1))
                            && (d != ',' || (Character.isDigit(s.codePointAt(end - 1))
                                    && Character.isDigit(s.codePointAt(end + 1))))) {
                        end++;
                    } else {
                        break;
                    }
                }
                a.word(s.substring(i, end));
                i = end;
            } else {
                if (c == '?' || c == '!') {
                    String mark = String.valueOf((char) c);
                    if (words.isEmpty() || !words.get(words.size() - 1).equals(mark)) {
                        a.symbol(mark);
                    }
                } else if (isSymbol(c)) {
                    a.symbol(new String(Character.toChars(c)));
                }
                i += Character.charCount(c);
            }
        }
        a.bigrams();
    }

    /** One call's working state (segmenter and stemmer are not thread-safe). */
    private final class Analysis {
        private final List<String> words;
        private final FeatureSink sink;
        private Segment segment;
        private PorterStemmer porter;

        Analysis(List<String> words, FeatureSink sink) {
            this.words = words;
            this.sink = sink;
        }

        void cjkRun(String run) {
            int[] cps = run.codePoints().toArray();
            if (sink != null && settings.cjkNgramMax() > 0) {
                for (int len = settings.cjkNgramMin(); len <= settings.cjkNgramMax(); len++) {
                    for (int start = 0; start + len <= cps.length; start++) {
                        sink.accept("c:" + new String(cps, start, len));
                    }
                }
            }
            if (settings.segmentChinese() && run.codePoints().anyMatch(c -> Character.UnicodeScript.of(c)
                    == Character.UnicodeScript.HAN)) {
                for (Term term : segment().seg(run)) {
                    if (!term.word.isBlank()) {
                        addWord(term.word);
                    }
                }
            } else {
                for (int cp : cps) {
                    addWord(new String(Character.toChars(cp)));
                }
            }
        }

        void word(String raw) {
            boolean digits = raw.chars().anyMatch(Character::isDigit);
            String w = raw;
            if (!digits) {
                if (w.endsWith("'s") || w.endsWith("\u2019s")) {
                    w = w.substring(0, w.length() - 2);
                }
                w = w.replace("'", "").replace("\u2019", "");
                if (w.isEmpty()) {
                    return;
                }
            }
            if (sink != null && settings.wordNgramMax() > 0) {
                int[] cps = ("<" + w + ">").codePoints().toArray();
                for (int len = settings.wordNgramMin(); len <= settings.wordNgramMax(); len++) {
                    for (int start = 0; start + len <= cps.length; start++) {
                        sink.accept("g:" + new String(cps, start, len));
                    }
                }
            }
            if (digits) {
                if (sink != null && settings.numberShapes()) {
                    sink.accept("s:" + shape(w));
                }
                addWord(w);
            } else {
                addWord(stem(w));
            }
        }

        void symbol(String symbol) {
            addWord(symbol);
        }

        void bigrams() {
            if (sink != null && settings.wordBigrams()) {
                for (int i = 1; i < words.size(); i++) {
                    sink.accept("b:" + words.get(i - 1) + " " + words.get(i));
                }
            }
        }

        private void addWord(String word) {
            words.add(word);
            if (sink != null) {
                sink.accept("w:" + word);
            }
        }

        private String stem(String word) {
            switch (settings.stemmer()) {
                case MINIMAL -> {
                    char[] chars = word.toCharArray();
                    return new String(chars, 0, MINIMAL.stem(chars, chars.length));
                }
                case PORTER -> {
                    if (porter == null) {
                        porter = new PorterStemmer();
                    }
                    porter.setCurrent(word);
                    porter.stem();
                    return porter.getCurrent();
                }
                default -> {
                    return word;
                }
            }
        }

        private Segment segment() {
            if (segment == null) {
                // As the catalog search segments: no person-name recognition, which merges ordinary words
                // into false names.
                segment = HanLP.newSegment().enablePartOfSpeechTagging(false).enableNameRecognize(false)
                        .enableTranslatedNameRecognize(false).enableJapaneseNameRecognize(false);
            }
            return segment;
        }
    }

    /** Letters become {@code a}, digit runs {@code 0} (1–2 digits), {@code 00} (3–4) or {@code 000} (5+). */
    static String shape(String word) {
        StringBuilder s = new StringBuilder();
        int i = 0;
        while (i < word.length()) {
            char c = word.charAt(i);
            if (Character.isDigit(c)) {
                int end = i;
                while (end < word.length() && Character.isDigit(word.charAt(end))) {
                    end++;
                }
                int len = end - i;
                s.append(len <= 2 ? "0" : len <= 4 ? "00" : "000");
                i = end;
            } else if (Character.isLetter(c)) {
                if (s.length() == 0 || s.charAt(s.length() - 1) != 'a') {
                    s.append('a');
                }
                i++;
            } else {
                s.append(c);
                i++;
            }
        }
        return s.toString();
    }

    private static boolean isCjk(int c) {
        Character.UnicodeScript script = Character.UnicodeScript.of(c);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.BOPOMOFO
                || script == Character.UnicodeScript.HIRAGANA || script == Character.UnicodeScript.KATAKANA
                || script == Character.UnicodeScript.HANGUL;
    }

    private static boolean isMark(int c) {
        int type = Character.getType(c);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK;
    }

    private static boolean isConnector(int c) {
        return c == '-' || c == '\'' || c == '\u2019' || c == '.' || c == '@' || c == '_' || c == ',';
    }

    private static boolean isSymbol(int c) {
        int type = Character.getType(c);
        return type == Character.OTHER_SYMBOL || type == Character.CURRENCY_SYMBOL;
    }
}
