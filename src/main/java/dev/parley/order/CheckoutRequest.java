package dev.parley.order;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The checkout form (CONTRACT.md's {@code checkout} action): who pays, where it ships, how, and with what.
 * {@link #problems()} names the fields a shopper must fix; the card number is never stored or logged.
 *
 * @param idempotencyKey the client's key for this checkout: the same key never makes a second order or charge
 * @param email where the confirmation goes
 * @param address the shipping address
 * @param shippingMethod a method the shipping rules offer, e.g. {@code standard}
 * @param provider the payment provider, e.g. {@code sandbox}
 * @param card the card number (spaces and dashes allowed)
 */
public record CheckoutRequest(String idempotencyKey, String email, Address address, String shippingMethod,
        String provider, String card) {

    /** Idempotency keys: 8 to 128 characters of letters, digits and {@code -_.:}. */
    public static final Pattern KEY = Pattern.compile("[A-Za-z0-9._:-]{8,128}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    private static final Pattern POSTAL = Pattern.compile("[A-Za-z0-9 -]{2,12}");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ()-]{6,24}");
    private static final Pattern METHOD = Pattern.compile("[a-z_]{1,32}");
    private static final Pattern STRIPE_PAYMENT_METHOD = Pattern.compile("pm_[A-Za-z0-9_]{3,200}");

    /**
     * A shipping address.
     *
     * @param country ISO 3166 alpha-2 code
     */
    public record Address(String name, String line1, String line2, String city, String postalCode, String country,
            String phone) {

        /** The address as one line per part, as stored with the order. */
        public String lines() {
            List<String> out = new ArrayList<>();
            for (String s : new String[] {name, line1, line2, (postalCode == null ? "" : postalCode + " ")
                    + (city == null ? "" : city), country, phone}) {
                if (s != null && !s.isBlank()) {
                    out.add(s.strip());
                }
            }
            return String.join("\n", out);
        }
    }

    /** The card number, digits only; or, for Stripe, the payment method id as given. */
    public String cardDigits() {
        return card == null ? "" : "stripe".equals(provider) ? card.strip() : card.replaceAll("[\\s-]", "");
    }

    /** The country code, upper case. */
    public String country() {
        return address == null || address.country() == null ? null : address.country().strip().toUpperCase(Locale.ROOT);
    }

    /** The fields a shopper must fix ({@code email}, {@code address.city}, {@code card} …); empty when none. */
    public List<String> problems() {
        List<String> out = new ArrayList<>();
        if (email == null || !isEmail(email.strip())) {
            out.add("email");
        }
        if (address == null) {
            out.add("shippingAddress");
        } else {
            require(out, "shippingAddress.name", address.name(), 120);
            require(out, "shippingAddress.line1", address.line1(), 200);
            if (address.line2() != null && address.line2().length() > 200) {
                out.add("shippingAddress.line2");
            }
            require(out, "shippingAddress.city", address.city(), 100);
            if (address.postalCode() == null || !POSTAL.matcher(address.postalCode().strip()).matches()) {
                out.add("shippingAddress.postalCode");
            }
            if (country() == null || !COUNTRY.matcher(country()).matches()) {
                out.add("shippingAddress.country");
            }
            if (address.phone() != null && !address.phone().isBlank() && !PHONE.matcher(address.phone().strip()).matches()) {
                out.add("shippingAddress.phone");
            }
        }
        if (shippingMethod != null && !METHOD.matcher(shippingMethod).matches()) {
            out.add("shippingMethod");
        }
        String digits = cardDigits();
        if ("stripe".equals(provider)) {
            // Stripe.js turns the card into a PaymentMethod in the browser; the number never comes here.
            if (!STRIPE_PAYMENT_METHOD.matcher(digits).matches()) {
                out.add("payment.card");
            }
        } else if (!digits.matches("[0-9]{12,19}") || !luhn(digits)) {
            out.add("payment.card");
        }
        return out;
    }

    /** Whether a text is an e-mail address as the checkout takes one (at most 254 characters). */
    public static boolean isEmail(String text) {
        return text != null && text.length() <= 254 && EMAIL.matcher(text).matches();
    }

    /** The shipping method, {@code standard} when none was chosen. */
    public String method() {
        return shippingMethod == null || shippingMethod.isBlank() ? "standard" : shippingMethod.strip();
    }

    /**
     * A fingerprint of what is being bought and how (not the card), to refuse an idempotency key reused for a
     * different checkout.
     */
    public String fingerprint(String cartId) {
        String text = String.join("\u0000", cartId, norm(email), address == null ? "" : address.lines(), method(),
                norm(provider));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "CheckoutRequest[" + idempotencyKey + " " + method() + " " + provider + "]";
    }

    private static String norm(String s) {
        return s == null ? "" : s.strip().toLowerCase(Locale.ROOT);
    }

    private static void require(List<String> out, String field, String value, int max) {
        if (value == null || value.isBlank() || value.length() > max) {
            out.add(field);
        }
    }

    /** The Luhn check digit test every card number passes. */
    public static boolean luhn(String digits) {
        int sum = 0;
        boolean twice = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (twice) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            twice = !twice;
        }
        return sum % 10 == 0;
    }
}
