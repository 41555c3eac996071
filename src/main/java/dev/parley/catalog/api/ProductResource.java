package dev.parley.catalog.api;

import dev.parley.catalog.Catalog;
import dev.parley.catalog.Popularity;
import dev.parley.catalog.search.CatalogSearch;
import dev.parley.catalog.search.SearchHit;
import dev.parley.platform.DomainException;
import dev.parley.platform.DomainException.Kind;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The public product endpoint. */
@Path("v1/products")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Products")
public class ProductResource {

    @Inject
    Catalog catalog;

    @Inject
    CatalogSearch search;

    @Inject
    Popularity popularity;

    @GET
    @Path("{productId}")
    @Operation(summary = "One product with its variants, title in the Accept-Language where translated")
    public ProductDto product(@PathParam("productId") String productId, @Context HttpHeaders headers) {
        long id;
        try {
            id = Long.parseLong(productId);
        } catch (NumberFormatException e) {
            throw notFound(productId);
        }
        ProductDto product = catalog.product(id, headers.getAcceptableLanguages()).map(ProductDto::of)
                .orElseThrow(() -> notFound(productId));
        popularity.viewed(id);
        return product;
    }

    @GET
    @Path("{productId}/alternatives")
    @Operation(summary = "Similar products in stock now (in one of the given sizes), for a sold-out product; "
            + "marked relaxed with loosened=product, since none of them is the product asked for")
    public SearchResultDto alternatives(@PathParam("productId") String productId,
            @QueryParam("size") List<String> sizes, @QueryParam("limit") @DefaultValue("6") int limit,
            @Context HttpHeaders headers) {
        if (limit < 1 || limit > 50) {
            throw new DomainException(Kind.INVALID, "invalid-limit", "limit is 1 to 50.");
        }
        long id;
        try {
            id = Long.parseLong(productId);
        } catch (NumberFormatException e) {
            throw notFound(productId);
        }
        List<Locale> languages = headers.getAcceptableLanguages();
        if (catalog.product(id, languages).isEmpty()) {
            throw notFound(productId);
        }
        List<SearchHit> hits = search.similarInStock(id, Set.copyOf(sizes), limit);
        return new SearchResultDto(true, "product", catalog.cards(hits.stream()
                .map(h -> Map.entry(h.productId(), h.sku())).toList(), languages).stream()
                .map(ProductCardDto::of).toList());
    }

    private static DomainException notFound(String productId) {
        return new DomainException(Kind.NOT_FOUND, "product-not-found", "No product '" + productId + "'.");
    }
}
