package dev.parley.nlu;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The 28 intents of CONTRACT.md; {@link #wireName()} is the name the API uses. */
public enum Intent {
    GREETING, GOODBYE, THANKS, AFFIRM, DENY, PRODUCT_SEARCH, PRODUCT_QUESTION, SIZE_FIT, STOCK_CHECK,
    RECOMMENDATION, COMPARE_PRODUCTS, ADD_TO_CART, REMOVE_FROM_CART, VIEW_CART, CHECKOUT, APPLY_COUPON, PROMOTIONS,
    ORDER_STATUS, CANCEL_ORDER, RETURN_REFUND, EXCHANGE, SHIPPING_INFO, PAYMENT_ISSUE, STORE_POLICY, ACCOUNT,
    COMPLAINT, HUMAN_HANDOFF, OUT_OF_SCOPE;

    /** The contract's name, e.g. {@code product_search}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The intent with this contract name. */
    public static Optional<Intent> parse(String wireName) {
        return Arrays.stream(values()).filter(i -> i.wireName().equals(wireName)).findFirst();
    }
}
