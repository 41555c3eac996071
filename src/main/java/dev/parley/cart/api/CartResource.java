package dev.parley.cart.api;

import dev.parley.cart.CartService;
import dev.parley.platform.store.StoreProfiles;
import dev.parley.rules.api.PricingResource;
import dev.parley.rules.api.QuoteDto;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
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
}
