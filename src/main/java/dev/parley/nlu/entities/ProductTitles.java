package dev.parley.nlu.entities;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The catalog's product titles (in every language the catalog has them), each naming its product id: a
 * message that writes a title whole ("Is the Alpine Down Hooded Jacket waterproof?", "阿爾卑斯連帽羽絨外套有M嗎")
 * gets a {@code product} entity whose value is that id. Matching is on folded text (case, full-width forms and
 * Traditional/Simplified), longest title first, on word boundaries for Latin letters and digits. Titles are
 * indexed by their first two folded characters, so a message costs one lookup per character whatever the
 * catalog's size. Immutable.
 */
public final class ProductTitles {

    /** Titles shorter than this (folded) are not matched: too likely to be ordinary words. */
    static final int MIN_LENGTH = 4;
    private static final ProductTitles EMPTY = new ProductTitles(Map.of());

    private record Title(String folded, String productId) {
    }

    /** A title found in a message: folded offsets and the product id. */
    record Match(int start, int end, String productId) {
    }

    private final Map<String, List<Title>> byPrefix;

    private ProductTitles(Map<String, List<Title>> byPrefix) {
        this.byPrefix = byPrefix;
    }

    /** No titles. */
    public static ProductTitles empty() {
        return EMPTY;
    }

    /**
     * Titles to match.
     *
     * @param titles pairs of a title as written and its product id (a product may have several titles)
     */
    public static ProductTitles of(List<Map.Entry<String, String>> titles) {
        Map<String, List<Title>> index = new HashMap<>();
        for (Map.Entry<String, String> t : titles) {
            if (t.getKey() == null || t.getValue() == null) {
                continue;
            }
            String folded = FoldedText.fold(t.getKey().strip()).replaceAll("\\s+", " ");
            if (folded.length() < MIN_LENGTH) {
                continue;
            }
            index.computeIfAbsent(folded.substring(0, 2), k -> new ArrayList<>()).add(new Title(folded, t.getValue()));
        }
        index.values().forEach(l -> l.sort(Comparator.comparingInt((Title x) -> x.folded().length()).reversed()));
        return new ProductTitles(Map.copyOf(index));
    }

    /** Number of distinct title prefixes indexed (for diagnostics). */
    public int size() {
        return byPrefix.values().stream().mapToInt(List::size).sum();
    }

    /** Titles written in {@code low} (folded, lower-case text), left to right, not overlapping. */
    List<Match> find(String low) {
        if (byPrefix.isEmpty()) {
            return List.of();
        }
        List<Match> out = new ArrayList<>();
        int i = 0;
        while (i + 1 < low.length()) {
            Title hit = null;
            if (boundaryBefore(low, i)) {
                List<Title> candidates = byPrefix.get(low.substring(i, i + 2));
                if (candidates != null) {
                    for (Title t : candidates) {
                        int end = i + t.folded().length();
                        if (low.startsWith(t.folded(), i) && boundaryAfter(low, end)) {
                            hit = t;
                            break;
                        }
                    }
                }
            }
            if (hit != null) {
                out.add(new Match(i, i + hit.folded().length(), hit.productId()));
                i += hit.folded().length();
            } else {
                i++;
            }
        }
        return out;
    }

    private static boolean boundaryBefore(String s, int i) {
        return i == 0 || !Extraction.isLatinOrDigit(s.charAt(i)) || !Extraction.isLatinOrDigit(s.charAt(i - 1));
    }

    private static boolean boundaryAfter(String s, int end) {
        return end >= s.length() || !Extraction.isLatinOrDigit(s.charAt(end))
                || !Extraction.isLatinOrDigit(s.charAt(end - 1));
    }
}
