package dev.parley.catalog.jpa;

import dev.parley.catalog.ProductCard;
import dev.parley.catalog.ProductSummary;
import dev.parley.catalog.ProductView;
import dev.parley.platform.Money;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads products for display. */
@ApplicationScoped
public class JpaCatalogReader {

    @PersistenceContext(unitName = "parley")
    EntityManager em;

    /** The product, unless missing or archived; {@code locale} picks a translation when there is one. */
    public Optional<ProductView> product(long id, Currency currency, String locale, String storefrontUrl) {
        ProductEntity p = em.find(ProductEntity.class, id);
        if (p == null || "archived".equals(p.status)) {
            return Optional.empty();
        }
        String title = p.title;
        String description = p.bodyHtml;
        String textLocale = null;
        for (ProductTranslationEntity t : p.translations) {
            if (t.key.locale.equals(locale)) {
                title = t.title;
                description = t.description;
                textLocale = locale;
            }
        }
        List<String> optionNames = Arrays.asList(p.option1Name, p.option2Name, p.option3Name);
        List<ProductView.Variant> variants = new ArrayList<>();
        VariantEntity cheapest = null;
        for (VariantEntity v : p.variants) {
            Map<String, String> options = new LinkedHashMap<>();
            List<String> values = List.of(v.option1, v.option2, v.option3);
            for (int i = 0; i < 3; i++) {
                if (optionNames.get(i) != null && !values.get(i).isEmpty()) {
                    options.put(optionNames.get(i), values.get(i));
                }
            }
            boolean inStock = v.inventory != null && v.inventory.onHand - v.inventory.reserved > 0;
            variants.add(new ProductView.Variant(v.sku, options, new Money(v.price, currency),
                    v.compareAtPrice == null ? null : new Money(v.compareAtPrice, currency), inStock));
            if (cheapest == null || v.price.compareTo(cheapest.price) < 0) {
                cheapest = v;
            }
        }
        Money price = cheapest == null ? null : new Money(cheapest.price, currency);
        Money compareAt = cheapest == null || cheapest.compareAtPrice == null ? null
                : new Money(cheapest.compareAtPrice, currency);
        List<String> tags = p.tags == null ? List.of()
                : Arrays.stream(p.tags.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        String url = storefrontUrl == null ? null
                : storefrontUrl.replaceAll("/+$", "") + "/products/" + p.handle;
        return Optional.of(new ProductView(p.id, p.handle, title, description, textLocale, p.productType, tags,
                p.vendor, price, compareAt, p.imageUrl, url, variants));
    }

    /** Products for admin lists, by handle when given, newest first, {@code limit} from {@code offset}. */
    public List<ProductSummary> summaries(String handle, int offset, int limit) {
        String where = handle == null ? "" : " where p.handle = :h";
        var query = em.createQuery("select p.id, p.handle, p.title, p.productType, p.vendor, p.status, "
                + "count(v.id), coalesce(sum(i.onHand - i.reserved), 0) from ProductEntity p "
                + "left join p.variants v left join v.inventory i" + where
                + " group by p.id, p.handle, p.title, p.productType, p.vendor, p.status order by p.id desc",
                Object[].class);
        if (handle != null) {
            query.setParameter("h", handle);
        }
        return query.setFirstResult(offset).setMaxResults(limit).getResultList().stream()
                .map(r -> new ProductSummary((Long) r[0], (String) r[1], (String) r[2], (String) r[3], (String) r[4],
                        (String) r[5], ((Number) r[6]).intValue(), ((Number) r[7]).longValue()))
                .toList();
    }

    /**
     * Cards for several (product, SKU) pairs, in the given order, with two queries in all. Pairs whose product
     * is gone or archived are left out.
     */
    public List<ProductCard> cards(List<Map.Entry<Long, String>> picks, Currency currency, String locale,
            String storefrontUrl) {
        if (picks.isEmpty()) {
            return List.of();
        }
        List<String> skus = picks.stream().map(Map.Entry::getValue).toList();
        Map<String, Object[]> bySku = new HashMap<>();
        for (Object[] r : em.createQuery("select v.sku, p.id, p.title, p.handle, p.imageUrl, v.price, "
                + "v.compareAtPrice, i.onHand, i.reserved, p.status from VariantEntity v join v.product p "
                + "left join v.inventory i where v.sku in :s", Object[].class).setParameter("s", skus)
                .getResultList()) {
            bySku.put((String) r[0], r);
        }
        List<Long> ids = picks.stream().map(Map.Entry::getKey).toList();
        Map<Long, String> titles = new HashMap<>();
        for (Object[] r : em.createQuery("select t.key.productId, t.title from ProductTranslationEntity t "
                + "where t.key.productId in :ids and t.key.locale = :l", Object[].class).setParameter("ids", ids)
                .setParameter("l", locale).getResultList()) {
            titles.put((Long) r[0], (String) r[1]);
        }
        List<ProductCard> cards = new ArrayList<>();
        for (Map.Entry<Long, String> pick : picks) {
            Object[] r = bySku.get(pick.getValue());
            if (r == null || "archived".equals(r[9]) || !pick.getKey().equals(r[1])) {
                continue;
            }
            long id = (Long) r[1];
            int available = (r[7] == null ? 0 : (Integer) r[7]) - (r[8] == null ? 0 : (Integer) r[8]);
            String url = storefrontUrl == null ? null : storefrontUrl.replaceAll("/+$", "") + "/products/" + r[3];
            cards.add(new ProductCard(id, pick.getValue(), titles.getOrDefault(id, (String) r[2]),
                    new Money((BigDecimal) r[5], currency),
                    r[6] == null ? null : new Money((BigDecimal) r[6], currency), available > 0, (String) r[4], url));
        }
        return cards;
    }
}
