package dev.parley.rules.facts;

import java.util.Locale;

/**
 * Where and how the cart is to be shipped: ISO country, postal code (may be null), method ({@code standard},
 * {@code express}, {@code store_pickup}, …). Region rules set {@link #getRegion() region} from the address.
 */
public final class ShippingRequest {

    private final String country;
    private final String postalCode;
    private final String method;
    private String region;

    public ShippingRequest(String country, String postalCode, String method) {
        this.country = country == null ? null : country.strip().toUpperCase(Locale.ROOT);
        this.postalCode = postalCode == null || postalCode.isBlank() ? null : postalCode.strip();
        this.method = method == null || method.isBlank() ? "standard" : method.strip().toLowerCase(Locale.ROOT);
    }

    /** Whether the postal code starts with any of the comma-separated prefixes. */
    public boolean postalCodeStartsWithAny(String prefixes) {
        if (postalCode == null) {
            return false;
        }
        for (String p : prefixes.split(",")) {
            if (!p.isBlank() && postalCode.startsWith(p.strip())) {
                return true;
            }
        }
        return false;
    }

    public String getCountry() {
        return country;
    }

    public String getPostalCode() {
        return postalCode;
    }

    public String getMethod() {
        return method;
    }

    public String getRegion() {
        return region;
    }

    public void setRegion(String region) {
        this.region = region;
    }

    @Override
    public String toString() {
        return "ShippingRequest[" + country + " " + postalCode + " " + method + " -> " + region + "]";
    }
}
