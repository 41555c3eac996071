package dev.parley.customer.api;

import dev.parley.customer.CustomerIdentity;
import dev.parley.customer.CustomerTokens;
import dev.parley.order.CheckoutRequest;
import dev.parley.platform.DomainException;
import dev.parley.platform.DomainException.Kind;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code POST /api/v1/demo/sign-in}: the demo storefront's sign-in. In demo mode only (403 otherwise), it
 * issues the {@code customerToken} a real shop would sign for its logged-in customer, for the customer id
 * {@code demo:<e-mail>}, valid 8 hours. A real shop signs its own tokens with
 * {@code PARLEY_CUSTOMER_TOKEN_SECRET} and never calls this.
 */
@Path("v1/demo/sign-in")
@RequestScoped
@Tag(name = "Demo")
public class DemoSignInResource {

    @Inject
    CustomerTokens tokens;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Demo mode only: a customerToken for {email, name} (the demo storefront's sign-in)")
    public JsonObject signIn(JsonObject body) {
        String email = text(body, "email");
        if (!CheckoutRequest.isEmail(email)) {
            throw new DomainException(Kind.INVALID, "bad-email", "'email' must be an e-mail address.");
        }
        String name = text(body, "name");
        if (name != null && name.length() > 120) {
            throw new DomainException(Kind.INVALID, "bad-name", "'name' is at most 120 characters.");
        }
        String normalised = email.toLowerCase(Locale.ROOT);
        String token = tokens.issueDemoToken(new CustomerIdentity("demo:" + normalised, normalised, name),
                Duration.ofHours(8));
        return Json.createObjectBuilder().add("customerToken", token).add("customerId", "demo:" + normalised).build();
    }

    private static String text(JsonObject body, String field) {
        if (body == null || !body.containsKey(field) || body.isNull(field)) {
            return null;
        }
        if (!(body.get(field) instanceof JsonString s)) {
            throw new DomainException(Kind.INVALID, "bad-" + field, "'" + field + "' must be text.");
        }
        String v = s.getString().strip();
        return v.isEmpty() ? null : v;
    }
}
