package dev.parley.order.api;

import dev.parley.order.Orders;
import dev.parley.platform.api.MoneyDto;
import java.math.BigDecimal;
import java.util.List;

/**
 * An order as a shopper sees it: CONTRACT.md's {@code order} message ({@code orderNumber, status, total, items,
 * tracking}) plus the amounts, the shipping method and the key dates.
 */
public record OrderDto(String orderNumber, String status, MoneyDto total, List<Item> items, Tracking tracking,
        MoneyDto subtotal, MoneyDto discountTotal, MoneyDto shipping, String shippingMethod, String placedAt,
        String paidAt, String shippedAt, String deliveredAt) {

    /** A line as sold. */
    public record Item(String sku, String title, String options, int quantity, MoneyDto unitPrice, MoneyDto lineTotal) {
    }

    /** Where the parcel is. */
    public record Tracking(String carrier, String number) {
    }

    /** The shopper's view of a stored order. */
    public static OrderDto of(Orders.StoredOrder o, List<Orders.Line> lines) {
        String c = o.currency();
        return new OrderDto(o.orderNumber(), o.status().wireName(), money(o.total(), c),
                lines.stream().map(l -> new Item(l.sku(), l.title(), l.options(), l.quantity(), money(l.unitPrice(), c),
                        money(l.lineTotal(), c))).toList(),
                o.trackingNumber() == null ? null : new Tracking(o.carrier(), o.trackingNumber()),
                money(o.subtotal(), c), money(o.discountTotal(), c), money(o.shippingFee(), c), o.shippingMethod(),
                text(o.placedAt()), text(o.paidAt()), text(o.shippedAt()), text(o.deliveredAt()));
    }

    /** As JSON, with {@code tracking} and the dates present (null) before they are known. */
    public jakarta.json.JsonObject toJson() {
        var items = jakarta.json.Json.createArrayBuilder();
        for (Item i : this.items) {
            items.add(jakarta.json.Json.createObjectBuilder().add("sku", i.sku()).add("title", i.title())
                    .add("options", i.options() == null ? "" : i.options()).add("quantity", i.quantity())
                    .add("unitPrice", money(i.unitPrice())).add("lineTotal", money(i.lineTotal())));
        }
        var b = jakarta.json.Json.createObjectBuilder().add("orderNumber", orderNumber).add("status", status)
                .add("total", money(total)).add("items", items);
        if (tracking == null) {
            b.addNull("tracking");
        } else {
            b.add("tracking", jakarta.json.Json.createObjectBuilder().add("carrier", tracking.carrier() == null ? ""
                    : tracking.carrier()).add("number", tracking.number()));
        }
        b.add("subtotal", money(subtotal)).add("discountTotal", money(discountTotal)).add("shipping", money(shipping))
                .add("shippingMethod", shippingMethod);
        addOrNull(b, "placedAt", placedAt);
        addOrNull(b, "paidAt", paidAt);
        addOrNull(b, "shippedAt", shippedAt);
        addOrNull(b, "deliveredAt", deliveredAt);
        return b.build();
    }

    private static jakarta.json.JsonObject money(MoneyDto m) {
        return jakarta.json.Json.createObjectBuilder().add("amount", m.amount()).add("currency", m.currency()).build();
    }

    private static void addOrNull(jakarta.json.JsonObjectBuilder b, String key, String value) {
        if (value == null) {
            b.addNull(key);
        } else {
            b.add(key, value);
        }
    }

    private static MoneyDto money(BigDecimal amount, String currency) {
        return new MoneyDto(amount.setScale(2, java.math.RoundingMode.UNNECESSARY).toPlainString(), currency);
    }

    private static String text(java.time.Instant at) {
        return at == null ? null : at.toString();
    }
}
