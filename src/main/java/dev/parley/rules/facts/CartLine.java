package dev.parley.rules.facts;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One line of the cart: a variant, its product's category (Shopify type), brand (vendor) and tags, all
 * lower-cased so rules compare plainly, and the catalog price.
 */
public final class CartLine {

    private final String sku;
    private final String handle;
    private final String title;
    private final String category;
    private final String brand;
    private final Set<String> tags;
    private final int quantity;
    private final BigDecimal unitPrice;

    public CartLine(String sku, String handle, String title, String category, String brand, Set<String> tags,
            int quantity, BigDecimal unitPrice) {
        if (quantity < 1) {
            throw new IllegalArgumentException("quantity must be at least 1");
        }
        if (unitPrice.signum() < 0) {
            throw new IllegalArgumentException("price must not be negative");
        }
        this.sku = Objects.requireNonNull(sku);
        this.handle = handle;
        this.title = title;
        this.category = lower(category);
        this.brand = lower(brand);
        this.tags = tags.stream().map(CartLine::lower).collect(Collectors.toUnmodifiableSet());
        this.quantity = quantity;
        this.unitPrice = Amounts.money(unitPrice);
    }

    public String getSku() {
        return sku;
    }

    public String getHandle() {
        return handle;
    }

    public String getTitle() {
        return title;
    }

    public String getCategory() {
        return category;
    }

    public String getBrand() {
        return brand;
    }

    public Set<String> getTags() {
        return tags;
    }

    public boolean hasTag(String tag) {
        return tag != null && tags.contains(lower(tag));
    }

    public int getQuantity() {
        return quantity;
    }

    public BigDecimal getUnitPrice() {
        return unitPrice;
    }

    public BigDecimal getLineTotal() {
        return Amounts.money(unitPrice.multiply(BigDecimal.valueOf(quantity)));
    }

    static String lower(String s) {
        return s == null ? null : s.strip().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return "CartLine[" + sku + " x" + quantity + " @" + unitPrice + " " + category + "/" + brand + "]";
    }
}
