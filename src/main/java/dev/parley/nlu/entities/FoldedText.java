package dev.parley.nlu.entities;

import com.hankcs.hanlp.HanLP;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A message folded for matching, with a map back to the original's offsets: NFKC (full-width digits and
 * letters become ASCII), Traditional Chinese to Simplified character by character, and optionally lower case.
 * Folding goes code point by code point, so each folded char knows the original code point it came from even
 * when NFKC changes the length (rare: {@code ㎏} becomes {@code kg}).
 */
final class FoldedText {

    private static final ConcurrentHashMap<Integer, String> SIMPLIFIED = new ConcurrentHashMap<>();

    private final String original;
    private final String folded;
    private final int[] sourceStart;
    private final int[] sourceEnd;

    private FoldedText(String original, String folded, int[] sourceStart, int[] sourceEnd) {
        this.original = original;
        this.folded = folded;
        this.sourceStart = sourceStart;
        this.sourceEnd = sourceEnd;
    }

    /** Folds {@code text}; {@code lowerCase} also lower-cases (char by char, so lengths never change). */
    static FoldedText of(String text, boolean lowerCase) {
        StringBuilder out = new StringBuilder(text.length());
        int[] starts = new int[text.length() + 4];
        int[] ends = new int[text.length() + 4];
        int n = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int next = i + Character.charCount(cp);
            String piece = foldCodePoint(cp);
            for (int k = 0; k < piece.length(); k++) {
                char c = piece.charAt(k);
                if (lowerCase) {
                    c = Character.toLowerCase(c);
                }
                if (n == starts.length) {
                    starts = Arrays.copyOf(starts, n * 2);
                    ends = Arrays.copyOf(ends, n * 2);
                }
                out.append(c);
                starts[n] = i;
                ends[n] = next;
                n++;
            }
            i = next;
        }
        return new FoldedText(text, out.toString(), Arrays.copyOf(starts, n), Arrays.copyOf(ends, n));
    }

    /** Folds a vocabulary surface form the way {@link #of(String, boolean)} folds text, lower-cased. */
    static String fold(String surface) {
        return of(surface, true).folded();
    }

    private static String foldCodePoint(int cp) {
        if (cp < 0x80) {
            return String.valueOf((char) cp);
        }
        if (cp == 0x2018 || cp == 0x2019 || cp == 0x2032) {
            return "'";
        }
        if (cp == 0x2013 || cp == 0x2014 || cp == 0x2212) {
            return "-";
        }
        String nfkc = Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFKC);
        if (nfkc.length() == 1 && isHan(nfkc.charAt(0))) {
            return SIMPLIFIED.computeIfAbsent((int) nfkc.charAt(0), c -> {
                String s = HanLP.convertToSimplifiedChinese(String.valueOf((char) c.intValue()));
                return s.length() == 1 ? s : String.valueOf((char) c.intValue());
            });
        }
        return nfkc.isEmpty() ? " " : nfkc;
    }

    static boolean isHan(char c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
    }

    String original() {
        return original;
    }

    String folded() {
        return folded;
    }

    int length() {
        return folded.length();
    }

    /** Original offset of the folded range's start. */
    int originalStart(int foldedStart) {
        return foldedStart >= sourceStart.length ? original.length() : sourceStart[foldedStart];
    }

    /** Original offset after the folded range {@code [.., foldedEnd)}. */
    int originalEnd(int foldedEnd) {
        return foldedEnd == 0 ? 0 : sourceEnd[foldedEnd - 1];
    }
}
