package dev.parley.order.api;

import dev.parley.order.OrderLookup;
import dev.parley.order.ReturnLabel;
import dev.parley.order.Returns;
import dev.parley.order.Orders;
import dev.parley.platform.DomainException;
import dev.parley.platform.DomainException.Kind;
import dev.parley.platform.store.StoreProfiles;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /api/v1/returns/{rma}/label}: the return label PDF, for whoever holds the link the chat gave. */
@Path("v1/returns")
@RequestScoped
@Tag(name = "Orders")
public class ReturnResource {

    @Inject
    Returns returns;

    @Inject
    OrderLookup lookup;

    @Inject
    StoreProfiles profiles;

    @GET
    @Path("{rma}/label")
    @Produces("application/pdf")
    @Operation(summary = "The return label (PDF) of an RMA; the token is the one in the link the chat gave (404 otherwise)")
    public Response label(@PathParam("rma") String rma, @QueryParam("token") String token) {
        Returns.Stored r = returns.byRma(rma, false).filter(x -> token != null && MessageDigest.isEqual(
                x.labelToken().getBytes(StandardCharsets.US_ASCII), token.getBytes(StandardCharsets.US_ASCII)))
                .orElseThrow(() -> new DomainException(Kind.NOT_FOUND, "unknown-rma", "There is no return " + rma + "."));
        Orders.StoredOrder o = lookup.byId(r.orderId());
        byte[] pdf = ReturnLabel.render(r, o, lookup.lines(o.id()), profiles.current().name());
        return Response.ok(pdf, "application/pdf")
                .header("Content-Disposition", "inline; filename=\"" + r.rma() + ".pdf\"")
                .header("Cache-Control", "private, no-store").build();
    }
}
