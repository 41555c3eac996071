package dev.parley.rules.api;

import dev.parley.customer.CustomerIdentity;
import dev.parley.customer.CustomerTokens;
import dev.parley.platform.DomainException;
import dev.parley.platform.DomainException.Kind;
import dev.parley.platform.store.StoreProfiles;
import dev.parley.rules.Pricing;
import dev.parley.rules.PricingRequest;
import dev.parley.rules.Quote;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Public pricing and policy reads (extensions of CONTRACT.md): price a cart without storing it, the offers in
 * force, policy clauses and shipping options, all from the live rules, in the requested language.
 */
@Path("v1")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Pricing and policies")
public class PricingResource {

    private static final Pattern TOPIC = Pattern.compile("[a-z][a-z0-9-]{0,39}");

    @Inject
    Pricing pricing;

    @Inject
    CustomerTokens tokens;

    @Inject
    StoreProfiles store;

    @Context
    HttpHeaders headers;

    @POST
    @Path("quotes")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Price a cart (not stored) with the live rules: a CONTRACT.md Cart plus coupon outcomes, "
            + "shipping quote and the rules that decided")
    public QuoteDto quote(QuoteRequest request) {
        if (request == null) {
            throw new DomainException(Kind.INVALID, "missing-body", "Send a cart: {\"items\": [{\"sku\": …, \"quantity\": 1}]}.");
        }
        PricingRequest req = request.toPricing(false);
        if (request.customerToken() != null && !request.customerToken().isBlank()) {
            CustomerIdentity who = tokens.identify(request.customerToken()).orElseThrow(() ->
                    new DomainException(Kind.UNAUTHENTICATED, "bad-customer-token", "The customer token is not valid."));
            req = new PricingRequest(req.items(), req.coupons(), req.destination(),
                    PricingRequest.Shopper.anonymous("customer:" + who.customerId()), null);
        }
        String locale = locale(request.locale(), headers, store.current().defaultLocale());
        Quote q = pricing.quote(req, locale);
        return QuoteDto.of(q, null, locale);
    }

    @GET
    @Path("offers")
    @Operation(summary = "The promotions and advertised coupons in force today, in the requested language")
    public Pricing.Offers offers(@QueryParam("locale") String locale) {
        return pricing.offers(locale(locale, headers, store.current().defaultLocale()));
    }

    @GET
    @Path("policies")
    @Operation(summary = "Every policy clause the assistant may quote")
    public List<Pricing.Statement> policies(@QueryParam("locale") String locale) {
        return pricing.policy(null, locale(locale, headers, store.current().defaultLocale()));
    }

    @GET
    @Path("policies/{topic}")
    @Operation(summary = "The clauses of one policy topic (returns, exchanges, cancellation, warranty, payment, privacy, store-hours)")
    public List<Pricing.Statement> policy(@PathParam("topic") String topic, @QueryParam("locale") String locale) {
        if (topic == null || !TOPIC.matcher(topic).matches()) {
            throw new DomainException(Kind.INVALID, "bad-topic", "A policy topic is a lower-case word such as 'returns'.");
        }
        List<Pricing.Statement> out = pricing.policy(topic, locale(locale, headers, store.current().defaultLocale()));
        if (out.isEmpty()) {
            throw new DomainException(Kind.NOT_FOUND, "unknown-policy-topic", "The published rules state no '" + topic + "' policy.");
        }
        return out;
    }

    @GET
    @Path("shipping/options")
    @Operation(summary = "Shipping methods to a destination with fee, delivery days and free-shipping threshold")
    public List<Pricing.ShippingOption> shipping(@QueryParam("country") String country,
            @QueryParam("postalCode") String postalCode, @QueryParam("locale") String locale) {
        if (country != null && !country.matches("[A-Za-z]{2}")) {
            throw new DomainException(Kind.INVALID, "bad-country", "'country' is an ISO 3166 two-letter code.");
        }
        if (postalCode != null && postalCode.length() > 16) {
            throw new DomainException(Kind.INVALID, "bad-postal-code", "'postalCode' is at most 16 characters.");
        }
        return pricing.shippingOptions(new PricingRequest.Destination(country, postalCode, null), locale(locale, headers, store.current().defaultLocale()));
    }

    /** The store locale for an explicit locale or the Accept-Language header. */
    /** The reply language: an explicit {@code locale}, else the best of Accept-Language, else the store's. */
    public static String locale(String explicit, HttpHeaders headers, String fallback) {
        if (explicit != null && !explicit.isBlank()) {
            String l = explicit.strip();
            if (l.equals("en") || l.equals("zh-TW") || l.equals("zh-CN")) {
                return l;
            }
            throw new DomainException(Kind.INVALID, "bad-locale", "'locale' is en, zh-TW or zh-CN.");
        }
        List<Locale> acceptable = headers == null ? List.of() : headers.getAcceptableLanguages();
        return Optional.ofNullable(storeLocale(acceptable)).orElse(fallback);
    }

    private static String storeLocale(List<Locale> acceptable) {
        for (Locale l : acceptable) {
            if (l.getLanguage().equals("en")) {
                return "en";
            }
            if (l.getLanguage().equals("zh")) {
                boolean simplified = l.getScript().equals("Hans") || l.getCountry().equals("CN") || l.getCountry().equals("SG");
                return simplified ? "zh-CN" : "zh-TW";
            }
        }
        return null;
    }
}
