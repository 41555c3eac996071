package dev.parley.catalog.search;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.core.FlattenGraphFilter;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;

/**
 * The one analyzer for catalog text, used for indexing and for queries so the two cannot drift apart:
 * {@link HanLpTokenizer} (NFKC, Traditional to Simplified, word segmentation), lower case, English
 * possessives and Porter stemming. The indexing flavour also expands the bilingual synonym groups of
 * {@code synonyms.txt} (外套 = 大衣 = coat …), so a query in any member's language finds the product
 * without query-time expansion.
 */
public final class CatalogAnalyzer extends Analyzer {

    private final SynonymMap synonyms;

    private CatalogAnalyzer(SynonymMap synonyms) {
        this.synonyms = synonyms;
    }

    /** For queries: no synonym expansion (the index holds every member of a group). */
    public static CatalogAnalyzer forQuery() {
        return new CatalogAnalyzer(null);
    }

    /** For indexing: expands the bilingual synonyms. */
    public static CatalogAnalyzer forIndexing() {
        return new CatalogAnalyzer(loadSynonyms());
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source = new HanLpTokenizer();
        TokenStream stream = new LowerCaseFilter(source);
        stream = new EnglishPossessiveFilter(stream);
        stream = new PorterStemFilter(stream);
        if (synonyms != null) {
            stream = new FlattenGraphFilter(new SynonymGraphFilter(stream, synonyms, true));
        }
        return new TokenStreamComponents(source, stream);
    }

    private static SynonymMap loadSynonyms() {
        try (CatalogAnalyzer base = forQuery();
                Reader in = new InputStreamReader(CatalogAnalyzer.class.getResourceAsStream("synonyms.txt"),
                        StandardCharsets.UTF_8)) {
            SolrSynonymParser parser = new SolrSynonymParser(true, true, base);
            parser.parse(in);
            return parser.build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ParseException e) {
            throw new IllegalStateException("synonyms.txt line " + e.getErrorOffset() + ": " + e.getMessage(), e);
        }
    }
}
