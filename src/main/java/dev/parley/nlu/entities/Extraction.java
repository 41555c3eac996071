package dev.parley.nlu.entities;

import dev.parley.nlu.EntityType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One run of the rules over one message: state of a single {@link EntityExtractor#extract} call. Every rule
 * works on the folded text (NFKC, Simplified Chinese, case kept) and claims the characters it marks, so the
 * rules that run later (and the gazetteer, last) never overlap an earlier entity. Order: e-mail, order number,
 * phone, coupon code, money and currency, size, quantity, vocabulary.
 */
final class Extraction {

    /** An entity in folded coordinates. */
    record Found(EntityType type, String value, int start, int end) {
    }

    final String language;
    final FoldedText folded;
    /** Folded text, case kept. */
    final String s;
    /** Folded text, lower case (same length and offsets as {@link #s}). */
    final String low;
    private final boolean[] taken;
    final List<Found> found = new ArrayList<>();

    Extraction(String text, String language) {
        this.language = language == null ? "en" : language;
        this.folded = FoldedText.of(text, false);
        this.s = folded.folded();
        this.low = lowerCharwise(s);
        this.taken = new boolean[s.length()];
    }

    private static String lowerCharwise(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            b.append(Character.toLowerCase(s.charAt(i)));
        }
        return b.toString();
    }

    boolean free(int start, int end) {
        for (int i = Math.max(0, start); i < Math.min(end, taken.length); i++) {
            if (taken[i]) {
                return false;
            }
        }
        return true;
    }

    boolean claim(EntityType type, String value, int start, int end) {
        if (start >= end || !free(start, end)) {
            return false;
        }
        for (int i = start; i < end; i++) {
            taken[i] = true;
        }
        found.add(new Found(type, value, start, end));
        return true;
    }

    /** Marks characters as used without an entity (a product name's words, a non-price amount). */
    void block(int start, int end) {
        for (int i = Math.max(0, start); i < Math.min(end, taken.length); i++) {
            taken[i] = true;
        }
    }

    boolean isTaken(int i) {
        return i >= 0 && i < taken.length && taken[i];
    }

    /** Entities in original offsets, sorted by start. */
    List<Entity> entities() {
        List<Entity> out = new ArrayList<>(found.size());
        String original = folded.original();
        for (Found f : found) {
            int a = folded.originalStart(f.start());
            int b = folded.originalEnd(f.end());
            if (a < b) {
                out.add(Entity.of(f.type(), f.value(), original, a, b));
            }
        }
        out.sort(Comparator.comparingInt(Entity::start).thenComparingInt(Entity::end));
        return out;
    }

    // ----- small helpers over the folded text -----

    static boolean isLatinOrDigit(char c) {
        return c < 0x80 && Character.isLetterOrDigit(c);
    }

    char at(int i) {
        return i >= 0 && i < s.length() ? s.charAt(i) : ' ';
    }

    /** Up to {@code n} characters before {@code i}, lower case. */
    String before(int i, int n) {
        return low.substring(Math.max(0, i - n), Math.max(0, i));
    }

    /** Up to {@code n} characters from {@code i}, lower case. */
    String after(int i, int n) {
        return low.substring(Math.min(low.length(), i), Math.min(low.length(), i + n));
    }

    /** The last word (Latin letters/digits/apostrophes) before {@code i}, skipping spaces, lower case. */
    String wordBefore(int i) {
        int j = i - 1;
        while (j >= 0 && low.charAt(j) == ' ') {
            j--;
        }
        int end = j + 1;
        while (j >= 0 && (isLatinOrDigit(low.charAt(j)) || low.charAt(j) == '\'')) {
            j--;
        }
        return low.substring(j + 1, end);
    }

    /** The first word after {@code i}, skipping spaces, lower case. */
    String wordAfter(int i) {
        int j = i;
        while (j < low.length() && low.charAt(j) == ' ') {
            j++;
        }
        int start = j;
        while (j < low.length() && (isLatinOrDigit(low.charAt(j)) || low.charAt(j) == '\'')) {
            j++;
        }
        return low.substring(start, j);
    }

    /** A set of words that tolerates repeats. */
    static java.util.Set<String> words(String... words) {
        return java.util.Set.copyOf(java.util.Arrays.asList(words));
    }

}
