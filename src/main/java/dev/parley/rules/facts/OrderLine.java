package dev.parley.rules.facts;

import java.util.Set;
import java.util.stream.Collectors;

/** A line of an order as policy rules see it (inserted as its own fact beside the {@link Order}). */
public final class OrderLine {

    private final String orderNumber;
    private final String sku;
    private final String category;
    private final Set<String> tags;
    private final int quantity;

    public OrderLine(String orderNumber, String sku, String category, Set<String> tags, int quantity) {
        this.orderNumber = orderNumber;
        this.sku = sku;
        this.category = CartLine.lower(category);
        this.tags = tags.stream().map(CartLine::lower).collect(Collectors.toUnmodifiableSet());
        this.quantity = quantity;
    }

    public boolean hasTag(String tag) {
        return tag != null && tags.contains(CartLine.lower(tag));
    }

    public String getOrderNumber() {
        return orderNumber;
    }

    public String getSku() {
        return sku;
    }

    public String getCategory() {
        return category;
    }

    public Set<String> getTags() {
        return tags;
    }

    public int getQuantity() {
        return quantity;
    }

    @Override
    public String toString() {
        return "OrderLine[" + sku + "]";
    }
}
