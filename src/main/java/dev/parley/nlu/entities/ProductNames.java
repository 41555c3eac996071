package dev.parley.nlu.entities;

import dev.parley.nlu.EntityType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Finds English product names written in Title Case ("the Xueshan Expedition Down Coat", "the Paiyun boots",
 * "Merino Hoodie vs Grid Fleece Hoodie"), so the words of a name are not read as a category, colour, material or
 * attribute: the seed data marks no entity inside product names. A run of capitalised words is a name when it has
 * two or more words and does not open the sentence, or holds a capitalised word the vocabulary does not know
 * (other than the sentence's first word); a vocabulary match right after such a run belongs to it too. Runs that
 * are exactly a brand are not names.
 */
final class ProductNames {

    private ProductNames() {
    }

    private static final Set<String> FUNCTION_WORDS = Extraction.words("i", "i'm", "i'd", "i'll", "i've", "the", "a", "an",
            "is", "are", "do", "does", "did", "can", "could", "would", "will", "should", "any", "what", "which", "how",
            "my", "your", "please", "pls", "hi", "hello", "hey", "yes", "no", "ok", "okay", "and", "or", "vs", "but",
            "so", "if", "when", "where", "why", "who", "it", "this", "that", "these", "those", "we", "you", "they",
            "he", "she", "show", "find", "get", "add", "have", "need", "want", "looking", "search", "compare", "thanks",
            "thank", "sorry", "also", "just", "hmm", "cool", "great", "nice", "good", "hm", "oh", "ah", "well", "between",
            "difference", "for", "with", "in", "on", "at", "to", "from", "of", "by", "about", "not", "any", "some");

    private record Word(int start, int end, boolean capital, boolean sentenceStart) {
    }

    /** Per folded char: whether it lies in (or right after) a product name. */
    static boolean[] mark(String s, List<Gazetteer.Match> matches) {
        boolean[] out = new boolean[s.length() + 1];
        boolean[] known = new boolean[s.length() + 1];
        boolean[] brand = new boolean[s.length() + 1];
        for (Gazetteer.Match m : matches) {
            for (int i = m.start(); i < m.end(); i++) {
                known[i] = true;
                brand[i] = m.type() == EntityType.BRAND;
            }
        }
        List<Word> words = words(s);
        int i = 0;
        while (i < words.size()) {
            if (!words.get(i).capital() || isFunction(s, words.get(i))
                    || Character.isDigit(s.charAt(words.get(i).start()))) {
                i++;
                continue;
            }
            int j = i;
            while (j + 1 < words.size() && words.get(j + 1).capital() && adjacent(s, words.get(j), words.get(j + 1))) {
                j++;
            }
            boolean unknown = false;
            boolean allBrand = true;
            for (int k = i; k <= j; k++) {
                Word w = words.get(k);
                if (!known[w.start()] && !w.sentenceStart() && Character.isLetter(s.charAt(w.start()))
                        && !isFunction(s, w) && !isAllCapsCode(s, w)) {
                    unknown = true;
                }
                allBrand &= brand[w.start()];
            }
            boolean multi = j > i && !words.get(i).sentenceStart();
            if ((multi || unknown) && !allBrand) {
                int start = words.get(i).start();
                int end = words.get(j).end();
                for (int c = start; c < end; c++) {
                    out[c] = true;
                }
                if (unknown) {
                    // the match right after the run ("the Paiyun boots")
                    for (Gazetteer.Match m : matches) {
                        if (m.start() > end && s.substring(end, m.start()).isBlank()) {
                            out[m.start()] = true;
                        }
                    }
                }
            }
            i = j + 1;
        }
        return out;
    }

    private static boolean isFunction(String s, Word w) {
        return FUNCTION_WORDS.contains(s.substring(w.start(), w.end()).toLowerCase(java.util.Locale.ROOT));
    }

    private static boolean isAllCapsCode(String s, Word w) {
        String t = s.substring(w.start(), w.end());
        return t.length() <= 4 && t.equals(t.toUpperCase(java.util.Locale.ROOT));
    }

    private static boolean adjacent(String s, Word a, Word b) {
        String gap = s.substring(a.end(), b.start());
        return gap.equals(" ") || gap.equals(" & ");
    }

    private static List<Word> words(String s) {
        List<Word> out = new ArrayList<>();
        int i = 0;
        boolean sentenceStart = true;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Extraction.isLatinOrDigit(c)) {
                int j = i;
                while (j < s.length() && (Extraction.isLatinOrDigit(s.charAt(j)) || s.charAt(j) == '\''
                        || s.charAt(j) == '-' && j + 1 < s.length() && Extraction.isLatinOrDigit(s.charAt(j + 1)))) {
                    j++;
                }
                boolean capital = Character.isUpperCase(c) || Character.isDigit(c) && !out.isEmpty();
                out.add(new Word(i, j, capital, sentenceStart));
                sentenceStart = false;
                i = j;
                continue;
            }
            if (".!?:;\n。！？：；,，()\"".indexOf(c) >= 0 || FoldedText.isHan(c)) {
                sentenceStart = sentenceStart || ".!?\n。！？:：".indexOf(c) >= 0 || FoldedText.isHan(c);
                if (",，;；()\"".indexOf(c) >= 0) {
                    // a comma does not start a sentence but ends a run
                    out.add(new Word(i, i, false, false));
                }
            }
            i++;
        }
        return out;
    }
}
