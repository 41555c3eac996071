package dev.parley.catalog.api;

import dev.parley.catalog.Catalog;
import dev.parley.platform.DomainException;
import dev.parley.platform.DomainException.Kind;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
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
        return catalog.product(id, headers.getAcceptableLanguages()).map(ProductDto::of)
                .orElseThrow(() -> notFound(productId));
    }

    private static DomainException notFound(String productId) {
        return new DomainException(Kind.NOT_FOUND, "product-not-found", "No product '" + productId + "'.");
    }
}
