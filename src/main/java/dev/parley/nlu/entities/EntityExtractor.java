package dev.parley.nlu.entities;

import dev.parley.nlu.EntityType;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Extracts the entities of CONTRACT.md from a shopper's message in English, Traditional or Simplified Chinese
 * (code-mixed text too): rules for e-mail, order numbers, phone numbers, coupon codes, prices and currencies,
 * sizes and quantities, then the {@link Gazetteer} of a {@link Vocabulary} for categories, brands, colours,
 * materials, attributes and gender. Entities never overlap, are sorted by start and carry offsets into the
 * original text. Immutable and thread-safe; a catalog change makes a new one with {@link #withVocabulary}.
 */
public final class EntityExtractor {

    private static final Set<EntityType> DESCRIPTIVE = Set.of(EntityType.CATEGORY, EntityType.MATERIAL,
            EntityType.ATTRIBUTE, EntityType.COLOR, EntityType.GENDER);

    private final Vocabulary vocabulary;
    private final Gazetteer gazetteer;
    private final ProductTitles products;

    /** An extractor over this vocabulary. */
    public EntityExtractor(Vocabulary vocabulary) {
        this(vocabulary, ProductTitles.empty());
    }

    /** An extractor over this vocabulary that also finds these product titles ({@code product} entities). */
    public EntityExtractor(Vocabulary vocabulary, ProductTitles products) {
        this.vocabulary = Objects.requireNonNull(vocabulary, "vocabulary");
        this.gazetteer = Gazetteer.of(vocabulary);
        this.products = Objects.requireNonNull(products, "products");
    }

    /** An extractor over {@link Vocabulary#builtIn()}. */
    public static EntityExtractor builtIn() {
        return new EntityExtractor(Vocabulary.builtIn());
    }

    /** A new extractor over another vocabulary; this one is unchanged. */
    public EntityExtractor withVocabulary(Vocabulary other) {
        return new EntityExtractor(other);
    }

    /** The vocabulary it matches. */
    public Vocabulary vocabulary() {
        return vocabulary;
    }

    /**
     * The entities in {@code text}.
     *
     * @param text the shopper's message as received
     * @param language {@code en}, {@code zh-TW} or {@code zh-CN} (null reads as {@code en}); the rules read all
     *     three scripts whatever it says, it only settles what {@code ¥} means
     * @return non-overlapping entities sorted by start, offsets into {@code text}
     */
    public List<Entity> extract(String text, String language) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        Extraction x = new Extraction(text, language);
        // A product's whole title first: the words inside it name the product, not a size, colour or category.
        for (ProductTitles.Match m : products.find(x.low)) {
            x.claim(EntityType.PRODUCT, m.productId(), m.start(), m.end());
        }
        List<Gazetteer.Match> matches = gazetteer.findFolded(FoldedText.of(text, true));
        boolean[] categoryAt = new boolean[x.s.length() + 1];
        boolean[] vocabCover = new boolean[x.s.length() + 1];
        boolean apparel = false;
        for (Gazetteer.Match m : matches) {
            if (m.type() == EntityType.CATEGORY || m.type() == EntityType.GENDER) {
                categoryAt[m.start()] = true;
            }
            apparel |= m.type() != EntityType.BRAND && !"umbrella".equals(m.value());
            for (int i = m.start(); i < m.end(); i++) {
                vocabCover[i] = true;
            }
        }
        IdentifierRules.run(x);
        MoneyRules.run(x);
        SizeQuantityRules.run(x, categoryAt, vocabCover, apparel);
        boolean[] productName = ProductNames.mark(x.s, matches);
        for (Gazetteer.Match m : matches) {
            if (DESCRIPTIVE.contains(m.type()) && productName[m.start()]) {
                continue;
            }
            x.claim(m.type(), m.value(), m.start(), m.end());
        }
        return x.entities();
    }
}
