package dev.parley.catalog.api;

import dev.parley.catalog.Inventory;
import dev.parley.catalog.StockLevel;
import dev.parley.platform.DomainException;
import dev.parley.platform.DomainException.Kind;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /api/v1/admin/inventory/{sku}}: read and set one variant's stock (a stock count from the warehouse). */
@Path("v1/admin/inventory/{sku}")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin: catalog")
public class InventoryResource {

    @Inject
    Inventory inventory;

    @GET
    @Operation(summary = "A variant's stock: on hand, reserved by open checkouts, available")
    public StockLevel get(@PathParam("sku") String sku) {
        return inventory.level(sku).orElseThrow(() -> new DomainException(Kind.NOT_FOUND, "sku-not-found",
                "No variant with SKU '" + sku + "'."));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set a variant's units on hand; 409 if below what open checkouts hold. Shoppers waiting "
            + "for the variant are told when it comes back")
    public StockLevel set(@PathParam("sku") String sku, @Valid @NotNull StockCount count) {
        return inventory.setOnHand(sku, count.onHand);
    }
}
