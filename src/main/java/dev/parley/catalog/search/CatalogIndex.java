package dev.parley.catalog.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexOrDocValuesQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * The in-memory Lucene index of one node: a document per variant carrying its product's fields, so a
 * query's variant-level constraints are all met by one variant. Thread-safe: writes are serialised by
 * Lucene's writer, searches use the latest refreshed searcher.
 */
public final class CatalogIndex implements AutoCloseable {

    static final String PRODUCT = "product";
    static final String SKU = "sku";
    static final String TITLE = "title";
    static final String TEXT = "text";
    static final String TYPE = "type";
    static final String BRAND = "brand";
    static final String GENDER = "gender";
    static final String TAG = "tag";
    static final String COLOR = "color";
    static final String SIZE = "size";
    static final String PRICE = "price";
    static final String AVAILABLE = "available";
    static final String POPULARITY = "popularity";
    static final String AVAILABLE_DV = "available_dv";
    static final String PRICE_DV = "price_dv";
    static final String PRODUCT_DV = "product_dv";

    /** At least one unit available: points when few variants qualify, doc values when another clause leads. */
    private static final Query IN_STOCK = new IndexOrDocValuesQuery(IntPoint.newRangeQuery(AVAILABLE, 1,
            Integer.MAX_VALUE), NumericDocValuesField.newSlowRangeQuery(AVAILABLE_DV, 1, Integer.MAX_VALUE));

    /** Most variant documents one search examines: enough for any catalog query's full answer. */
    static final int MAX_VARIANT_HITS = 100_000;
    private static final Set<String> STOP_WORDS = Set.of("a", "an", "the", "for", "with", "and", "or", "in", "of",
            "to", "some", "any", "i", "me", "my", "want", "need", "looking", "show", "find", "have", "do", "you",
            "is", "are", "please", "under", "below", "over", "above", "than", "less", "more");

    private final ByteBuffersDirectory directory = new ByteBuffersDirectory();
    private final CatalogAnalyzer indexAnalyzer = CatalogAnalyzer.forIndexing();
    private final CatalogAnalyzer queryAnalyzer = CatalogAnalyzer.forQuery();
    private final IndexWriter writer;
    /** Analysed option values ("M\nblack" recurs across thousands of variants), bounded. */
    private final Map<String, CachedTokens> optionTokens = new java.util.concurrent.ConcurrentHashMap<>();
    private static final int OPTION_CACHE_SIZE = 20_000;
    private final SearcherManager searchers;

    public CatalogIndex() {
        try {
            writer = new IndexWriter(directory, new IndexWriterConfig(indexAnalyzer)
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE).setRAMBufferSizeMB(64));
            searchers = new SearcherManager(writer, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces whatever the index holds for these products (an inactive product is just removed). */
    public void put(Collection<IndexedProduct> products, Collection<Long> removed) {
        write(products, removed);
        refresh();
    }

    /**
     * Like {@link #put} but not yet visible to searches until {@link #refresh()}: for a full build, which
     * refreshes once at the end rather than after every page.
     */
    public void write(Collection<IndexedProduct> products, Collection<Long> removed) {
        try {
            for (Long id : removed) {
                writer.deleteDocuments(new Term(PRODUCT, Long.toString(id)));
            }
            // Analysis (segmentation, synonyms) is most of the cost and is independent per product: it runs
            // on all cores; the writer, which is thread-safe, takes the documents as they come.
            products.parallelStream().forEach(p -> {
                try {
                    writer.updateDocuments(new Term(PRODUCT, Long.toString(p.productId())),
                            documents(p, indexAnalyzer, optionTokens));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Makes everything written so far visible to searches. */
    public void refresh() {
        try {
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Empties the index (before a full rebuild); visible to searches at the next {@link #refresh()}. */
    public void clear() {
        try {
            // searches keep seeing the old content until the rebuild's final refresh
            writer.deleteAll();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Number of variant documents. */
    public int variantCount() {
        return writer.getDocStats().numDocs;
    }

    /** Products satisfying every constraint, best first, at most {@code limit} of them. */
    public List<SearchHit> search(SearchConstraints c) {
        Query query = query(c);
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                // Most queries fill their page from the first few hundred variants; only when the page is not
                // full and more variants matched is the search repeated over all of them.
                int want = Math.min(MAX_VARIANT_HITS, Math.max(200, c.limit() * 40));
                TopFieldDocs top = searcher.search(query, want, RANKING, false);
                List<SearchHit> hits = collapse(searcher, top, c.limit());
                if (hits.size() < c.limit() && top.totalHits.value >= want) {
                    hits = collapse(searcher, searcher.search(query, MAX_VARIANT_HITS, RANKING, false), c.limit());
                }
                return hits;
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * In-stock products like {@code product}: the same type (when it has one), available in one of
     * {@code sizes} when sizes are given, never the product itself; ranked by shared title words, tags,
     * brand and gender, then by nearness in price and popularity.
     */
    public List<SearchHit> similar(IndexedProduct product, Set<String> sizes, int limit) {
        BooleanQuery.Builder q = new BooleanQuery.Builder();
        q.add(new TermQuery(new Term(PRODUCT, Long.toString(product.productId()))), Occur.MUST_NOT);
        q.add(IN_STOCK, Occur.FILTER);
        if (product.type() != null) {
            q.add(new TermQuery(new Term(TYPE, product.type().toLowerCase(Locale.ROOT))), Occur.FILTER);
        }
        anyOf(q, SIZE, sizes, Facets::size);
        BooleanQuery.Builder like = new BooleanQuery.Builder();
        for (String title : product.titles()) {
            for (String word : words(title)) {
                like.add(new TermQuery(new Term(TITLE, word)), Occur.SHOULD);
            }
        }
        product.tags().forEach(t -> like.add(new BoostQuery(new TermQuery(new Term(TAG, t)), 2f), Occur.SHOULD));
        if (product.vendor() != null) {
            like.add(new TermQuery(new Term(BRAND, product.vendor().toLowerCase(Locale.ROOT))), Occur.SHOULD);
        }
        if (product.gender() != null) {
            like.add(new BoostQuery(new TermQuery(new Term(GENDER, product.gender())), 2f), Occur.SHOULD);
        }
        BigDecimal price = product.variants().stream().map(IndexedProduct.Variant::price)
                .min(BigDecimal::compareTo).orElse(null);
        if (price != null) {
            long cents = cents(price);
            like.add(new BoostQuery(LongPoint.newRangeQuery(PRICE, cents * 7 / 10, cents * 13 / 10), 3f),
                    Occur.SHOULD);
        }
        like.add(new MatchAllDocsQuery(), Occur.SHOULD);
        q.add(like.build(), Occur.MUST);
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return collapse(searcher, searcher.search(q.build(), Math.max(200, limit * 40), RANKING, false), limit);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Ranking: relevance, then popularity, then units available; the product id comes last so that each hit's
     * sort values carry everything {@link #collapse} needs, without reading stored fields.
     */
    private static final Sort RANKING = new Sort(SortField.FIELD_SCORE,
            new SortField(POPULARITY, SortField.Type.INT, true), new SortField(AVAILABLE_DV, SortField.Type.INT, true),
            new SortField(PRODUCT_DV, SortField.Type.LONG));

    private static List<SearchHit> collapse(IndexSearcher searcher, TopFieldDocs top, int limit) throws IOException {
        // Products keep the rank of their best variant; the variant shown is the best one in stock.
        Map<Long, int[]> shown = new LinkedHashMap<>();
        Map<Long, Float> scores = new LinkedHashMap<>();
        int notInStock = 0;
        int examinedAfterFull = 0;
        for (ScoreDoc sd : top.scoreDocs) {
            FieldDoc fd = (FieldDoc) sd;
            if (shown.size() >= limit && (notInStock == 0 || ++examinedAfterFull > limit * 20)) {
                break;
            }
            long id = (Long) fd.fields[3];
            boolean inStock = (Integer) fd.fields[2] > 0;
            int[] best = shown.get(id);
            if (best == null) {
                if (shown.size() >= limit) {
                    continue;
                }
                shown.put(id, new int[] {fd.doc, inStock ? 1 : 0});
                scores.put(id, (Float) fd.fields[0]);
                notInStock += inStock ? 0 : 1;
            } else if (inStock && best[1] == 0) {
                best[0] = fd.doc;
                best[1] = 1;
                notInStock--;
            }
        }
        var stored = searcher.storedFields();
        List<SearchHit> hits = new ArrayList<>(shown.size());
        for (Map.Entry<Long, int[]> e : shown.entrySet()) {
            String sku = stored.document(e.getValue()[0], Set.of(SKU)).get(SKU);
            hits.add(new SearchHit(e.getKey(), sku, scores.get(e.getKey())));
        }
        return hits;
    }

    Query query(SearchConstraints c) {
        BooleanQuery.Builder q = new BooleanQuery.Builder();
        boolean any = false;
        List<String> words = words(c.text());
        for (String word : words) {
            q.add(new BooleanQuery.Builder()
                    .add(new BoostQuery(new TermQuery(new Term(TITLE, word)), 3f), Occur.SHOULD)
                    .add(new TermQuery(new Term(TEXT, word)), Occur.SHOULD)
                    .build(), Occur.MUST);
            any = true;
        }
        any |= anyOf(q, TYPE, c.types(), s -> s.toLowerCase(Locale.ROOT));
        any |= anyOf(q, BRAND, c.brands(), s -> s.toLowerCase(Locale.ROOT));
        any |= anyOf(q, COLOR, c.colors(), Facets::color);
        any |= anyOf(q, SIZE, c.sizes(), Facets::size);
        for (String tag : c.attributes()) {
            q.add(new TermQuery(new Term(TAG, tag.toLowerCase(Locale.ROOT))), Occur.FILTER);
            any = true;
        }
        if (c.gender() != null) {
            q.add(new BooleanQuery.Builder()
                    .add(new TermQuery(new Term(GENDER, c.gender())), Occur.SHOULD)
                    .add(new TermQuery(new Term(GENDER, "unisex")), Occur.SHOULD).build(), Occur.FILTER);
            any = true;
        }
        if (c.priceMin() != null || c.priceMax() != null) {
            long min = c.priceMin() == null ? Long.MIN_VALUE : cents(c.priceMin());
            long max = c.priceMax() == null ? Long.MAX_VALUE : cents(c.priceMax());
            q.add(new IndexOrDocValuesQuery(LongPoint.newRangeQuery(PRICE, min, max),
                    NumericDocValuesField.newSlowRangeQuery(PRICE_DV, min, max)), Occur.FILTER);
            any = true;
        }
        if (c.inStockOnly()) {
            q.add(IN_STOCK, Occur.FILTER);
            any = true;
        }
        if (!any) {
            return new MatchAllDocsQuery();
        }
        if (words.isEmpty()) {
            q.add(new MatchAllDocsQuery(), Occur.SHOULD);
        }
        return q.build();
    }

    private static boolean anyOf(BooleanQuery.Builder q, String field, Set<String> values,
            java.util.function.UnaryOperator<String> normalise) {
        if (values.isEmpty()) {
            return false;
        }
        BooleanQuery.Builder or = new BooleanQuery.Builder();
        values.forEach(v -> or.add(new TermQuery(new Term(field, normalise.apply(v))), Occur.SHOULD));
        q.add(or.build(), Occur.FILTER);
        return true;
    }

    /** The query's words as the index holds them, without English filler words. */
    List<String> words(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        List<String> words = new ArrayList<>();
        try (TokenStream ts = queryAnalyzer.tokenStream(TEXT, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                String w = term.toString();
                if (!STOP_WORDS.contains(w) && !words.contains(w)) {
                    words.add(w);
                }
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return words;
    }

    private static List<Document> documents(IndexedProduct p, CatalogAnalyzer analyzer,
            Map<String, CachedTokens> optionCache) {
        String productId = Long.toString(p.productId());
        StringBuilder text = new StringBuilder();
        p.titles().forEach(t -> text.append(t).append('\n'));
        p.descriptions().forEach(t -> text.append(t).append('\n'));
        if (p.type() != null) {
            text.append(p.type()).append('\n');
        }
        if (p.vendor() != null) {
            text.append(p.vendor()).append('\n');
        }
        p.tags().forEach(t -> text.append(t).append('\n'));
        // Analysed once per product, replayed into every variant's document.
        CachedTokens titleTokens = CachedTokens.of(analyzer, TITLE, String.join("\n", p.titles()));
        CachedTokens textTokens = CachedTokens.of(analyzer, TEXT, text.toString());
        List<Document> docs = new ArrayList<>();
        for (IndexedProduct.Variant v : p.variants()) {
            Document d = new Document();
            d.add(new StringField(PRODUCT, productId, Field.Store.YES));
            d.add(new StringField(SKU, v.sku(), Field.Store.YES));
            d.add(new TextField(TITLE, titleTokens.stream(null)));
            String options = String.join("\n", v.options().values());
            CachedTokens optionTokens = optionCache.get(options);
            if (optionTokens == null) {
                optionTokens = CachedTokens.of(analyzer, TEXT, options);
                if (optionCache.size() < OPTION_CACHE_SIZE) {
                    optionCache.put(options, optionTokens);
                }
            }
            d.add(new TextField(TEXT, textTokens.stream(optionTokens)));
            if (p.type() != null) {
                d.add(new StringField(TYPE, p.type().toLowerCase(Locale.ROOT), Field.Store.NO));
            }
            if (p.vendor() != null) {
                d.add(new StringField(BRAND, p.vendor().toLowerCase(Locale.ROOT), Field.Store.NO));
            }
            if (p.gender() != null) {
                d.add(new StringField(GENDER, p.gender(), Field.Store.NO));
            }
            p.tags().forEach(t -> d.add(new StringField(TAG, t, Field.Store.NO)));
            v.options().forEach((name, value) -> {
                if (Facets.isColorOption(name)) {
                    d.add(new StringField(COLOR, Facets.color(value), Field.Store.NO));
                } else if (Facets.isSizeOption(name)) {
                    d.add(new StringField(SIZE, Facets.size(value), Field.Store.NO));
                }
            });
            d.add(new LongPoint(PRICE, cents(v.price())));
            d.add(new IntPoint(AVAILABLE, v.available()));
            d.add(new NumericDocValuesField(AVAILABLE_DV, Math.max(0, v.available())));
            d.add(new NumericDocValuesField(PRICE_DV, cents(v.price())));
            d.add(new NumericDocValuesField(PRODUCT_DV, p.productId()));
            d.add(new NumericDocValuesField(POPULARITY, p.popularity()));
            docs.add(d);
        }
        return docs;
    }

    static long cents(BigDecimal amount) {
        return amount.movePointRight(2).setScale(0, java.math.RoundingMode.HALF_UP).longValueExact();
    }

    @Override
    public void close() {
        try {
            searchers.close();
            writer.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            indexAnalyzer.close();
            queryAnalyzer.close();
        }
    }
}
