package dev.parley.order.api;

import dev.parley.order.Returns;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /api/v1/admin/returns/{rma}/received}: the warehouse received a returned parcel. */
@Path("v1/admin/returns")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin: orders")
public class ReturnAdminResource {

    @Inject
    Returns returns;

    @POST
    @Path("{rma}/received")
    @Operation(summary = "The parcel arrived: units back on hand, the refund paid (return) or the reserved variant "
            + "sold (exchange); repeating it changes nothing")
    public JsonObject received(@PathParam("rma") String rma) {
        Returns.Stored r = returns.received(rma);
        var b = Json.createObjectBuilder().add("rma", r.rma()).add("kind", r.kind()).add("sku", r.sku())
                .add("quantity", r.quantity()).add("status", r.status())
                .add("refund", r.refundAmount().toPlainString());
        if (r.exchangeSku() != null) {
            b.add("exchangeSku", r.exchangeSku());
        }
        return b.build();
    }
}
