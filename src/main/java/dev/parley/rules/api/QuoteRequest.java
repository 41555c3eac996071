package dev.parley.rules.api;

import dev.parley.platform.DomainException;
import dev.parley.platform.DomainException.Kind;
import dev.parley.rules.PricingRequest;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * A cart to price on the wire: {@code items} [{sku, quantity}], {@code coupon} or {@code coupons},
 * {@code shipping} {country, postalCode, method}, {@code locale}, {@code customerToken}; for simulation only,
 * {@code shopper} {tier, firstOrder} and {@code on} (ISO date).
 */
public record QuoteRequest(List<ItemDto> items, String coupon, List<String> coupons, ShippingDto shipping,
        String locale, String customerToken, ShopperDto shopper, String on) {

    /** A line. */
    public record ItemDto(String sku, Integer quantity) {
    }

    /** Destination and method. */
    public record ShippingDto(String country, String postalCode, String method) {
    }

    /** Who buys (simulation). */
    public record ShopperDto(String tier, Boolean firstOrder) {
    }

    /**
     * The pricing request.
     *
     * @param simulation whether shopper and day may be given (admin simulation); otherwise they are refused
     */
    PricingRequest toPricing(boolean simulation) {
        if (items == null || items.isEmpty()) {
            throw new DomainException(Kind.INVALID, "empty-cart", "Give at least one item: {\"items\": [{\"sku\": …, \"quantity\": 1}]}.");
        }
        List<PricingRequest.Item> lines = new ArrayList<>();
        for (ItemDto i : items) {
            if (i == null || i.sku() == null || i.sku().isBlank()) {
                throw new DomainException(Kind.INVALID, "missing-sku", "Every item needs a sku.");
            }
            lines.add(new PricingRequest.Item(i.sku(), i.quantity() == null ? 1 : i.quantity()));
        }
        List<String> codes = new ArrayList<>();
        if (coupon != null && !coupon.isBlank()) {
            codes.add(coupon);
        }
        if (coupons != null) {
            codes.addAll(coupons);
        }
        if (!simulation && (shopper != null || on != null)) {
            throw new DomainException(Kind.INVALID, "simulation-only",
                    "'shopper' and 'on' are for rule simulation by staff only.");
        }
        LocalDate day = null;
        if (on != null) {
            try {
                day = LocalDate.parse(on.strip());
            } catch (DateTimeParseException e) {
                throw new DomainException(Kind.INVALID, "bad-date", "'on' must be an ISO date such as 2026-12-01.");
            }
        }
        PricingRequest.Destination destination = shipping == null ? null
                : new PricingRequest.Destination(shipping.country(), shipping.postalCode(), shipping.method());
        PricingRequest.Shopper who = shopper == null ? null
                : new PricingRequest.Shopper("simulation", shopper.tier(),
                        shopper.firstOrder() == null || shopper.firstOrder());
        return new PricingRequest(lines, codes, destination, who, day);
    }
}
