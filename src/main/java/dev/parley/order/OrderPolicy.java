package dev.parley.order;

import dev.parley.catalog.Catalog;
import dev.parley.catalog.PricedItem;
import dev.parley.rules.Pricing;
import dev.parley.rules.facts.Order;
import dev.parley.rules.facts.OrderLine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Whether an order (or one line) may be cancelled, returned or exchanged today, as the published policy rules
 * decide: the order and its lines become rule facts (each line with its product's category and tags).
 */
@ApplicationScoped
public class OrderPolicy {

    @Inject
    Pricing pricing;

    @Inject
    Catalog catalog;

    /**
     * The rules' decision.
     *
     * @param kind {@code cancel}, {@code return} or {@code exchange}
     * @param sku the line asked about, null for the whole order
     */
    public Pricing.Decision decide(Orders.StoredOrder o, List<Orders.Line> lines, String kind, String sku, String locale) {
        Map<String, PricedItem> items = catalog.pricedItems(lines.stream().map(Orders.Line::sku).toList(), locale);
        List<OrderLine> facts = lines.stream().map(l -> {
            PricedItem p = items.get(l.sku());
            return new OrderLine(o.orderNumber(), l.sku(), p == null ? null : p.type(),
                    p == null ? Set.of() : Set.copyOf(p.tags()), l.quantity());
        }).toList();
        Order order = new Order(o.orderNumber(), o.status().wireName(), LocalDate.ofInstant(o.placedAt(), ZoneOffset.UTC),
                o.deliveredAt() == null ? null : LocalDate.ofInstant(o.deliveredAt(), ZoneOffset.UTC), facts);
        return pricing.eligibility(order, facts, kind, sku, locale);
    }
}
