package dev.parley.catalog.search;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The search the conversation layer calls. {@link #search} returns only products that satisfy every
 * constraint; {@link #closestAlternatives} is the separate, explicitly labelled answer for when nothing
 * does: it loosens one constraint at a time, most dispensable first, and says which.
 */
@ApplicationScoped
public class CatalogSearch {

    /** How far over a budget an alternative may be. */
    static final BigDecimal PRICE_SLACK = new BigDecimal("1.25");

    @Inject
    CatalogIndexer indexer;

    /** Products satisfying every constraint, best first. */
    public List<SearchHit> search(SearchConstraints constraints) {
        return indexer.search(constraints);
    }

    /** The closest alternatives, or empty when even the loosest search finds nothing. */
    public Optional<Alternatives> closestAlternatives(SearchConstraints c) {
        for (Alternatives candidate : relaxations(c)) {
            List<SearchHit> hits = indexer.search(candidate.constraints());
            if (!hits.isEmpty()) {
                return Optional.of(new Alternatives(candidate.loosened(), candidate.constraints(), hits));
            }
        }
        return Optional.empty();
    }

    /**
     * Similar products a shopper can buy now, for a product that is sold out (or sold out in their size):
     * the same type, in stock (in one of {@code sizes} when given), most alike first. Empty for an unknown or
     * archived product.
     */
    public List<SearchHit> similarInStock(long productId, java.util.Set<String> sizes, int limit) {
        return indexer.similar(productId, sizes == null ? java.util.Set.of() : sizes, Math.min(Math.max(limit, 1), 50));
    }

    /** One loosening per constraint, most dispensable first; then everything but the product type. */
    static List<Alternatives> relaxations(SearchConstraints c) {
        List<Alternatives> steps = new ArrayList<>();
        if (c.priceMax() != null || c.priceMin() != null) {
            BigDecimal max = c.priceMax() == null ? null : c.priceMax().multiply(PRICE_SLACK)
                    .setScale(0, RoundingMode.CEILING);
            BigDecimal min = c.priceMin() == null ? null : c.priceMin().divide(PRICE_SLACK, 0, RoundingMode.FLOOR);
            steps.add(step("price", c.withPrice(min, max)));
        }
        if (!c.colors().isEmpty()) {
            steps.add(step("color", c.withColors(null)));
        }
        if (!c.sizes().isEmpty()) {
            steps.add(step("size", c.withSizes(null)));
        }
        if (!c.attributes().isEmpty()) {
            steps.add(step("attributes", c.withAttributes(null)));
        }
        if (!c.brands().isEmpty()) {
            steps.add(step("brand", c.withBrands(null)));
        }
        if (c.gender() != null) {
            steps.add(step("gender", c.withGender(null)));
        }
        if (c.inStockOnly()) {
            steps.add(step("stock", c.inStock(false)));
        }
        if (c.text() != null && !c.text().isBlank()) {
            steps.add(step("text", c.withText(null)));
        }
        SearchConstraints typeOnly = SearchConstraints.none().withTypes(c.types()).inStock(true).withLimit(c.limit());
        steps.add(step("all", typeOnly));
        return steps;
    }

    private static Alternatives step(String loosened, SearchConstraints constraints) {
        return new Alternatives(loosened, constraints, List.of());
    }
}
