package dev.parley.catalog.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionLengthAttribute;

/**
 * A product's text analysed once and replayed into each of its variant documents: segmentation and
 * synonym expansion are the expensive part of indexing, and every variant carries the same product text.
 */
final class CachedTokens {

    private record Token(String term, int positionIncrement, int positionLength) {
    }

    private final List<Token> tokens;

    private CachedTokens(List<Token> tokens) {
        this.tokens = tokens;
    }

    /** Analyses {@code text} with {@code analyzer} for {@code field}. */
    static CachedTokens of(Analyzer analyzer, String field, String text) {
        List<Token> tokens = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
            PositionLengthAttribute len = ts.addAttribute(PositionLengthAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                tokens.add(new Token(term.toString(), inc.getPositionIncrement(), len.getPositionLength()));
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new CachedTokens(List.copyOf(tokens));
    }

    /** A fresh stream replaying the tokens, followed by {@code extra} (also replayed). */
    TokenStream stream(CachedTokens extra) {
        return new TokenStream() {
            private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
            private final PositionIncrementAttribute inc = addAttribute(PositionIncrementAttribute.class);
            private final PositionLengthAttribute len = addAttribute(PositionLengthAttribute.class);
            private int next;

            @Override
            public boolean incrementToken() {
                int total = tokens.size() + (extra == null ? 0 : extra.tokens.size());
                if (next >= total) {
                    return false;
                }
                clearAttributes();
                Token t = next < tokens.size() ? tokens.get(next) : extra.tokens.get(next - tokens.size());
                next++;
                term.setEmpty().append(t.term());
                inc.setPositionIncrement(t.positionIncrement());
                len.setPositionLength(t.positionLength());
                return true;
            }

            @Override
            public void reset() throws IOException {
                super.reset();
                next = 0;
            }
        };
    }
}
