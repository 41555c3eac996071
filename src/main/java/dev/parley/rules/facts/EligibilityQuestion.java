package dev.parley.rules.facts;

/**
 * "May this order (or this line of it) be returned / exchanged / cancelled?" Kind is {@code return},
 * {@code exchange} or {@code cancel}; {@code sku} is null for the whole order.
 */
public final class EligibilityQuestion {

    private final String kind;
    private final String orderNumber;
    private final String sku;

    public EligibilityQuestion(String kind, String orderNumber, String sku) {
        if (!kind.equals("return") && !kind.equals("exchange") && !kind.equals("cancel")) {
            throw new IllegalArgumentException("kind is return, exchange or cancel");
        }
        this.kind = kind;
        this.orderNumber = orderNumber;
        this.sku = sku;
    }

    /** Whether the question covers this line (the whole order covers every line). */
    public boolean covers(OrderLine line) {
        return line.getOrderNumber().equals(orderNumber) && (sku == null || sku.equals(line.getSku()));
    }

    public String getKind() {
        return kind;
    }

    public String getOrderNumber() {
        return orderNumber;
    }

    public String getSku() {
        return sku;
    }

    @Override
    public String toString() {
        return "EligibilityQuestion[" + kind + " " + orderNumber + (sku == null ? "" : " " + sku) + "]";
    }
}
