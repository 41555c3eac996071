package dev.parley.cart.api;

import dev.parley.cart.CartLinks;
import dev.parley.cart.CartService;
import dev.parley.platform.store.StoreProfiles;
import dev.parley.rules.api.PricingResource;
import dev.parley.rules.api.QuoteDto;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code GET /api/v1/carts/{cartId}}: CONTRACT.md's Cart, priced now by the live rules. */
@Path("v1/carts")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Cart")
public class CartResource {

    @Inject
    CartService carts;

    @Inject
    StoreProfiles store;

    @Inject
    CartLinks links;

    @Context
    HttpHeaders headers;

    @GET
    @Path("{cartId}")
    @Operation(summary = "A cart with every amount computed by the live rules (titles in the requested language)")
    public QuoteDto cart(@PathParam("cartId") String cartId, @QueryParam("locale") String locale) {
        String language = PricingResource.locale(locale, headers, store.current().defaultLocale());
        CartService.Priced priced = carts.price(cartId, language);
        return priced.empty() ? QuoteDto.empty(cartId, store.current().currency().getCurrencyCode())
                : QuoteDto.of(priced.quote(), cartId, language);
    }

    @POST
    @Path("{cartId}/link")
    @Operation(summary = "A signed deep link (/cart/{token}, valid 30 days) that restores this cart on any device")
    public Response link(@PathParam("cartId") String cartId) {
        if (carts.find(cartId).isEmpty()) {
            throw new dev.parley.platform.DomainException(dev.parley.platform.DomainException.Kind.NOT_FOUND,
                    "unknown-cart", "There is no cart " + cartId + ".");
        }
        CartLinks.Link link = links.issue(cartId);
        return Response.status(Response.Status.CREATED).entity(Json.createObjectBuilder().add("token", link.token())
                .add("path", link.path()).add("expiresAt", link.expiresAt().toString()).build().toString()).build();
    }
}
