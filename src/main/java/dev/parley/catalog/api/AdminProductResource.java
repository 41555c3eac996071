package dev.parley.catalog.api;

import dev.parley.catalog.AdminProduct;
import dev.parley.catalog.Catalog;
import dev.parley.catalog.CatalogFilter;
import dev.parley.catalog.ProductSummary;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
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
    @Operation(summary = "List products (newest first): the one with the given handle, or those matching q (title, "
            + "handle or SKU), type, vendor, status and stock (in-stock, sold-out, partly-sold-out); the total "
            + "count is in the X-Total-Count header")
    public Response list(@QueryParam("handle") String handle, @QueryParam("q") String q,
            @QueryParam("type") String type, @QueryParam("vendor") String vendor,
            @QueryParam("status") String status, @QueryParam("stock") String stock,
            @QueryParam("offset") @DefaultValue("0") int offset, @QueryParam("limit") @DefaultValue("50") int limit) {
        if (handle != null && !handle.isBlank()) {
            List<ProductSummary> one = catalog.summaries(handle, offset, limit);
            return Response.ok(one).header("X-Total-Count", one.size()).build();
        }
        CatalogFilter filter = new CatalogFilter(q, type, vendor, status, stock);
        List<ProductSummary> page = catalog.summaries(filter, offset, limit);
        return Response.ok(page).header("X-Total-Count", catalog.count(filter)).build();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One product with every variant's stock (on hand, reserved) and its translations")
    public AdminProduct get(@PathParam("id") long id) {
        return catalog.adminProduct(id);
    }
}
