package dev.parley.catalog.alerts.api;

import dev.parley.catalog.alerts.StockAlert;
import dev.parley.catalog.alerts.StockAlerts;
import dev.parley.customer.CustomerIdentity;
import dev.parley.customer.CustomerTokens;
import dev.parley.platform.DomainException;
import dev.parley.platform.DomainException.Kind;
import dev.parley.platform.store.StoreProfiles;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /api/v1/stock-alerts}: a shopper asks to be told when a sold-out variant is back. */
@Path("v1/stock-alerts")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Products")
public class StockAlertResource {

    @Inject
    StockAlerts alerts;

    @Inject
    CustomerTokens tokens;

    @Inject
    StoreProfiles store;

    @Context
    UriInfo uri;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Ask to be told when a sold-out variant is back (201); 409 if it is in stock now. "
            + "The shopper is named by customerToken or anonymousId")
    public Response subscribe(@Valid @NotNull NewStockAlert request) {
        Optional<CustomerIdentity> customer = tokens.identify(request.customerToken);
        String shopper;
        if (customer.isPresent()) {
            shopper = "customer:" + customer.get().customerId();
        } else if (request.anonymousId != null && !request.anonymousId.isBlank()) {
            shopper = "anonymous:" + request.anonymousId.strip();
        } else {
            throw new DomainException(Kind.INVALID, "shopper-required",
                    "Name the shopper to tell: anonymousId or customerToken.");
        }
        String locale = request.locale == null ? store.current().defaultLocale() : request.locale;
        if (!StoreProfiles.LOCALES.contains(locale)) {
            throw new DomainException(Kind.INVALID, "invalid-locale", "locale is en, zh-TW or zh-CN.");
        }
        String email = request.email != null ? request.email
                : customer.map(CustomerIdentity::email).orElse(null);
        StockAlert alert = alerts.subscribe(request.sku.strip(), shopper, email, locale);
        return Response.created(uri.getAbsolutePathBuilder().path(alert.id()).build()).entity(alert).build();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "An alert: waiting, or notified (and when)")
    public StockAlert get(@PathParam("id") String id) {
        return alerts.get(id);
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Withdraw an alert")
    public Response cancel(@PathParam("id") String id) {
        alerts.cancel(id);
        return Response.noContent().build();
    }
}
