package dev.parley.nlu;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The entity types of CONTRACT.md; {@link #wireName()} is the name the API uses. */
public enum EntityType {
    CATEGORY, BRAND, COLOR, MATERIAL, ATTRIBUTE, GENDER, PRODUCT, SIZE, PRICE_MIN, PRICE_MAX, CURRENCY, QUANTITY,
    ORDER_NUMBER, COUPON_CODE, EMAIL, PHONE;

    /** The contract's name, e.g. {@code price_max}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The type with this contract name. */
    public static Optional<EntityType> parse(String wireName) {
        return Arrays.stream(values()).filter(t -> t.wireName().equals(wireName)).findFirst();
    }
}
