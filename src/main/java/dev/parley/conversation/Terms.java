package dev.parley.conversation;

import com.hankcs.hanlp.HanLP;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Catalog words (colours, categories, materials, features) in the shopper's language, from the NLU's own
 * built-in vocabulary: its first Chinese surface for Traditional Chinese, converted by HanLP for Simplified.
 * A word the vocabulary does not know (a shop's own tag or colour) is shown as the catalog has it.
 */
public final class Terms {

    private static final String VOCABULARY = "dev/parley/nlu/entities/built-in-vocabulary.txt";
    private static final Map<String, String> TRADITIONAL = load();
    private static final Map<String, String> SIMPLIFIED = new ConcurrentHashMap<>();

    private Terms() {
    }

    /** A catalog word ({@code black}, {@code waterproof}, {@code coat}) in a store language. */
    public static String name(String word, String language) {
        if (word == null || language == null || !language.startsWith("zh")) {
            return word;
        }
        String zh = TRADITIONAL.get(word.toLowerCase(Locale.ROOT));
        if (zh == null) {
            return word;
        }
        return language.equals("zh-CN") ? SIMPLIFIED.computeIfAbsent(zh, HanLP::convertToSimplifiedChinese) : zh;
    }

    /** Each word in a store language, joined with the language's list separator. */
    public static String list(List<String> words, String language) {
        String sep = language != null && language.startsWith("zh") ? "、" : ", ";
        return String.join(sep, words.stream().map(w -> name(w, language)).toList());
    }

    private static Map<String, String> load() {
        Map<String, String> out = new HashMap<>();
        try (InputStream in = Terms.class.getClassLoader().getResourceAsStream(VOCABULARY)) {
            if (in == null) {
                return out;
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = r.readLine()) != null; ) {
                String[] parts = line.split("\t");
                if (line.startsWith("#") || parts.length < 3) {
                    continue;
                }
                for (String surface : parts[2].split("\\|")) {
                    String s = surface.strip();
                    if (s.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN)) {
                        out.putIfAbsent(parts[1].strip().toLowerCase(Locale.ROOT), s.toUpperCase(Locale.ROOT));
                        break;
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
