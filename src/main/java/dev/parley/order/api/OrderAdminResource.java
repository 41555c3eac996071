package dev.parley.order.api;

import dev.parley.order.OrderAdmin;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /api/v1/admin/orders}: read orders and move them along in fulfilment. */
@Path("v1/admin/orders")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin: orders")
public class OrderAdminResource {

    @Inject
    OrderAdmin admin;

    @GET
    @Operation(summary = "Orders, newest first; ?status= filters (pending_payment, paid, packed, shipped, delivered, "
            + "expired, cancelled, returned, refunded)")
    public JsonObject list(@QueryParam("status") String status, @QueryParam("limit") @DefaultValue("100") int limit) {
        JsonArrayBuilder a = Json.createArrayBuilder();
        admin.list(status, limit).forEach(o -> a.add(o.toJson()));
        return Json.createObjectBuilder().add("orders", a).build();
    }

    @GET
    @Path("{number}")
    @Operation(summary = "One order")
    public JsonObject get(@PathParam("number") String number) {
        return admin.get(number).toJson();
    }

    @POST
    @Path("{number}/status")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Move an order on: paid → packed → shipped (trackingNumber required) → delivered; 409 for a "
            + "move the lifecycle does not allow")
    public JsonObject move(@PathParam("number") String number, @Valid @NotNull OrderStatusChange change) {
        return admin.move(number, change.status, change.carrier, change.trackingNumber).toJson();
    }
}
