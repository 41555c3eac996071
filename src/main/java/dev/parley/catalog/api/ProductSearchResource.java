package dev.parley.catalog.api;

import dev.parley.catalog.Catalog;
import dev.parley.catalog.search.Alternatives;
import dev.parley.catalog.search.CatalogSearch;
import dev.parley.catalog.search.SearchConstraints;
import dev.parley.catalog.search.SearchHit;
import dev.parley.platform.DomainException;
import dev.parley.platform.DomainException.Kind;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Product search for storefronts: every constraint honoured, alternatives clearly marked. */
@Path("v1/products")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Products")
public class ProductSearchResource {

    @Inject
    CatalogSearch search;

    @Inject
    Catalog catalog;

    @GET
    @Operation(summary = "Search products: free text (en, zh-TW, zh-CN) and exact filters; closest alternatives, "
            + "marked relaxed, when nothing matches")
    public SearchResultDto search(@QueryParam("q") String q, @QueryParam("type") List<String> types,
            @QueryParam("tag") List<String> tags, @QueryParam("brand") List<String> brands,
            @QueryParam("gender") String gender, @QueryParam("color") List<String> colors,
            @QueryParam("size") List<String> sizes, @QueryParam("minPrice") String minPrice,
            @QueryParam("maxPrice") String maxPrice, @QueryParam("inStock") @DefaultValue("false") boolean inStock,
            @QueryParam("limit") @DefaultValue("20") int limit, @Context HttpHeaders headers) {
        if (limit < 1 || limit > 100) {
            throw new DomainException(Kind.INVALID, "invalid-limit", "limit is 1 to 100.");
        }
        if (q != null && q.length() > 500) {
            throw new DomainException(Kind.INVALID, "query-too-long", "q is at most 500 characters.");
        }
        if (gender != null && !Set.of("male", "female", "unisex").contains(gender)) {
            throw new DomainException(Kind.INVALID, "invalid-gender", "gender is male, female or unisex.");
        }
        SearchConstraints c = new SearchConstraints(q, Set.copyOf(types), Set.copyOf(tags), Set.copyOf(brands),
                gender, Set.copyOf(colors), Set.copyOf(sizes), amount(minPrice, "minPrice"),
                amount(maxPrice, "maxPrice"), inStock, limit);
        List<Locale> languages = headers.getAcceptableLanguages();
        List<SearchHit> hits = search.search(c);
        if (!hits.isEmpty()) {
            return new SearchResultDto(false, null, cards(hits, languages));
        }
        Optional<Alternatives> alternatives = search.closestAlternatives(c);
        return alternatives.map(a -> new SearchResultDto(true, a.loosened(), cards(a.hits(), languages)))
                .orElseGet(() -> new SearchResultDto(false, null, List.of()));
    }

    private List<ProductCardDto> cards(List<SearchHit> hits, List<Locale> languages) {
        return catalog.cards(hits.stream().map(h -> Map.entry(h.productId(), h.sku())).toList(), languages).stream()
                .map(ProductCardDto::of).toList();
    }

    private static BigDecimal amount(String value, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            BigDecimal amount = new BigDecimal(value.strip());
            if (amount.signum() < 0) {
                throw new NumberFormatException();
            }
            return amount;
        } catch (NumberFormatException e) {
            throw new DomainException(Kind.INVALID, "invalid-price", name + " must be a non-negative number.");
        }
    }
}
