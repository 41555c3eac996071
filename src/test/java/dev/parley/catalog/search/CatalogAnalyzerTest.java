package dev.parley.catalog.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class CatalogAnalyzerTest {

    private static final CatalogAnalyzer QUERY = CatalogAnalyzer.forQuery();
    private static final CatalogAnalyzer INDEX = CatalogAnalyzer.forIndexing();

    @AfterAll
    static void close() {
        QUERY.close();
        INDEX.close();
    }

    @Test
    void traditionalAndSimplifiedChineseFoldToTheSameWords() throws IOException {
        assertEquals(tokens(QUERY, "运动鞋"), tokens(QUERY, "運動鞋"));
        assertEquals(tokens(QUERY, "羽绒外套"), tokens(QUERY, "羽絨外套"));
    }

    @Test
    void englishIsLowerCasedAndStemmed() throws IOException {
        assertEquals(List.of("waterproof", "winter", "coat"), tokens(QUERY, "Waterproof Winter Coats"));
        assertEquals(tokens(QUERY, "sneaker"), tokens(QUERY, "SNEAKERS"));
    }

    @Test
    void fullWidthCharactersAreNormalised() throws IOException {
        assertEquals(tokens(QUERY, "coat 9"), tokens(QUERY, "ｃｏａｔ ９"));
    }

    @Test
    void indexedTextCarriesEveryLanguageOfItsSynonymGroups() throws IOException {
        List<String> indexed = tokens(INDEX, "Black Running Sneakers");
        for (String query : List.of("運動鞋", "运动鞋", "sneakers", "球鞋")) {
            for (String token : tokens(QUERY, query)) {
                assertTrue(indexed.contains(token), query + " -> " + token + " not in " + indexed);
            }
        }
        List<String> coat = tokens(INDEX, "Alishan Down Parka");
        for (String query : List.of("外套", "大衣", "coat")) {
            assertTrue(coat.containsAll(tokens(QUERY, query)), query + " not in " + coat);
        }
    }

    @Test
    void punctuationAndWhitespaceAreDropped() throws IOException {
        assertEquals(List.of(), tokens(QUERY, " ,。！ "));
    }

    static List<String> tokens(Analyzer analyzer, String text) throws IOException {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream("text", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term.toString());
            }
            ts.end();
        }
        return out;
    }
}
