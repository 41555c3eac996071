package dev.parley.rules.facts;

import java.math.BigDecimal;
import java.util.List;

/** The cart being priced: its merchandise subtotal (sum of line totals) and size. Lines are separate facts. */
public final class Cart {

    private final String currency;
    private final BigDecimal subtotal;
    private final int lineCount;
    private final int totalQuantity;

    public Cart(String currency, List<CartLine> lines) {
        this.currency = currency;
        this.subtotal = Amounts.sum(lines.stream().map(CartLine::getLineTotal).toList());
        this.lineCount = lines.size();
        this.totalQuantity = lines.stream().mapToInt(CartLine::getQuantity).sum();
    }

    public String getCurrency() {
        return currency;
    }

    public BigDecimal getSubtotal() {
        return subtotal;
    }

    public int getLineCount() {
        return lineCount;
    }

    public int getTotalQuantity() {
        return totalQuantity;
    }

    @Override
    public String toString() {
        return "Cart[" + subtotal + " " + currency + ", " + lineCount + " lines]";
    }
}
