package dev.parley.nlu.entities;

import dev.parley.nlu.EntityType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Leftmost-longest lookup of a {@link Vocabulary}'s surface forms in text. Matching is on folded text
 * (NFKC, lower case, Traditional → Simplified), so {@code 羽絨外套} and {@code 羽绒外套} find each other and
 * {@code Coat} finds {@code coat}; offsets of the {@link Match}es are into the original text. A match that begins
 * or ends with a Latin letter or digit must sit on a word boundary there ({@code coat} is not found in
 * {@code coating}); Chinese needs no boundary. English category and gender names also match their plural and
 * possessive forms. Stop phrases are matched like surfaces and shadow what they cover, but are not returned.
 * Immutable and thread-safe.
 */
public final class Gazetteer {

    /**
     * One found surface form.
     *
     * @param type its type
     * @param value its canonical value
     * @param start offset in the original text
     * @param end offset after it in the original text
     */
    public record Match(EntityType type, String value, int start, int end) {
    }

    private static final Vocabulary.Term STOP = new Vocabulary.Term(EntityType.PRODUCT, "");

    private static final class Node {
        final Map<Character, Node> next = new HashMap<>(4);
        Vocabulary.Term term;
    }

    private final Node root = new Node();
    private final int size;

    private Gazetteer(Vocabulary vocabulary) {
        int n = 0;
        for (EntityType type : Vocabulary.TYPES) {
            for (String canonical : vocabulary.set(type)) {
                n += addWithVariants(canonical, new Vocabulary.Term(type, canonical));
            }
        }
        for (Map.Entry<String, Vocabulary.Term> e : vocabulary.surfaces().entrySet()) {
            n += addWithVariants(e.getKey(), e.getValue());
        }
        for (String stop : vocabulary.stopPhrases()) {
            n += add(stop, STOP, true);
        }
        size = n;
    }

    /** A gazetteer of the vocabulary's surface forms. */
    public static Gazetteer of(Vocabulary vocabulary) {
        return new Gazetteer(vocabulary);
    }

    /** How many folded surface forms it holds (with generated plurals). */
    public int size() {
        return size;
    }

    private int addWithVariants(String surface, Vocabulary.Term term) {
        int n = add(surface, term, false);
        String folded = FoldedText.fold(surface);
        boolean english = folded.chars().allMatch(c -> c < 0x80) && Character.isLetter(folded.charAt(folded.length() - 1));
        if (english && (term.type() == EntityType.CATEGORY || term.type() == EntityType.GENDER)) {
            for (String variant : englishVariants(folded)) {
                n += add(variant, term, false);
            }
        }
        return n;
    }

    static List<String> englishVariants(String word) {
        List<String> out = new ArrayList<>();
        if (word.endsWith("s") || word.endsWith("x") || word.endsWith("ch") || word.endsWith("sh")) {
            if (!word.endsWith("ss")) {
                out.add(word + "'");
            }
            out.add(word + "es");
        } else if (word.endsWith("y") && word.length() > 2 && "aeiou".indexOf(word.charAt(word.length() - 2)) < 0) {
            out.add(word.substring(0, word.length() - 1) + "ies");
        } else {
            out.add(word + "s");
            out.add(word + "s'");
        }
        out.add(word + "'s");
        return out;
    }

    private int add(String surface, Vocabulary.Term term, boolean overwrite) {
        String folded = FoldedText.fold(surface).strip().replaceAll("\\s+", " ");
        if (folded.isEmpty()) {
            return 0;
        }
        Node node = root;
        for (int i = 0; i < folded.length(); i++) {
            node = node.next.computeIfAbsent(folded.charAt(i), c -> new Node());
        }
        if (node.term == null || overwrite) {
            node.term = term;
            return 1;
        }
        return 0;
    }

    /** All non-overlapping matches in the text, leftmost-longest, in order; offsets into {@code text}. */
    public List<Match> find(String text) {
        FoldedText folded = FoldedText.of(text, true);
        return findFolded(folded).stream().map(m -> new Match(m.type(), m.value(), folded.originalStart(m.start()),
                folded.originalEnd(m.end()))).toList();
    }

    /** Matches with offsets into the folded text. */
    List<Match> findFolded(FoldedText text) {
        String s = text.folded();
        List<Match> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            if (!startsToken(s, i)) {
                i++;
                continue;
            }
            Node node = root;
            int bestEnd = -1;
            Vocabulary.Term best = null;
            for (int j = i; j < s.length(); j++) {
                char c = s.charAt(j);
                Node next = node.next.get(c);
                if (next == null && isSpace(c) && j > i && !isSpace(s.charAt(j - 1))) {
                    next = node.next.get(' ');
                }
                if (next == null) {
                    break;
                }
                node = next;
                if (node.term != null && (FoldedText.isHan(s.charAt(i)) || endsToken(s, j + 1))) {
                    bestEnd = j + 1;
                    best = node.term;
                }
            }
            if (best == null) {
                i++;
                continue;
            }
            if (best != STOP) {
                out.add(new Match(best.type(), best.value(), i, bestEnd));
            }
            i = bestEnd;
        }
        return out;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\u00a0' || c == '\u3000';
    }

    private static boolean isWordChar(char c) {
        return (c < 0x80 && Character.isLetterOrDigit(c)) || (Character.isLetter(c) && !FoldedText.isHan(c)
                && Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN);
    }

    private static boolean startsToken(String s, int i) {
        return !isWordChar(s.charAt(i)) || i == 0 || !isWordChar(s.charAt(i - 1));
    }

    private static boolean endsToken(String s, int end) {
        return !isWordChar(s.charAt(end - 1)) || end == s.length() || !isWordChar(s.charAt(end));
    }
}
