package dev.parley.catalog.api;

import dev.parley.catalog.Catalog;
import dev.parley.catalog.ProductSummary;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Catalog list for the admin: all products (including drafts and archived) with stock totals. */
@Path("v1/admin/catalog/products")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin: catalog")
public class AdminProductResource {

    @Inject
    Catalog catalog;

    @GET
    @Operation(summary = "List products (newest first), or the one with the given handle")
    public List<ProductSummary> list(@QueryParam("handle") String handle,
            @QueryParam("offset") @DefaultValue("0") int offset, @QueryParam("limit") @DefaultValue("50") int limit) {
        return catalog.summaries(handle, offset, limit);
    }
}
