package dev.parley.catalog.jpa;

import dev.parley.catalog.AdminProduct;
import dev.parley.catalog.CatalogFilter;
import dev.parley.catalog.ProductCard;
import dev.parley.catalog.ProductSummary;
import dev.parley.catalog.ProductView;
import dev.parley.platform.DomainException;
import dev.parley.platform.DomainException.Kind;
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
        if (handle == null) {
            return summaries(CatalogFilter.all(), offset, limit);
        }
        return summaries("p.handle = :h", Map.of("h", handle), offset, limit);
    }

    /** Products matching {@code filter}, newest first, {@code limit} from {@code offset}. */
    public List<ProductSummary> summaries(CatalogFilter filter, int offset, int limit) {
        Map<String, Object> params = new HashMap<>();
        return summaries(where(filter, params), params, offset, limit);
    }

    /** How many products match {@code filter}. */
    public long count(CatalogFilter filter) {
        Map<String, Object> params = new HashMap<>();
        String where = where(filter, params);
        var query = em.createQuery("select count(p) from ProductEntity p" + (where.isEmpty() ? "" : " where " + where),
                Long.class);
        params.forEach(query::setParameter);
        return query.getSingleResult();
    }

    /** Product types and brands in use, for filter lists. */
    public List<String> distinct(String field) {
        String column = switch (field) {
            case "type" -> "p.productType";
            case "vendor" -> "p.vendor";
            default -> throw new IllegalArgumentException(field);
        };
        return em.createQuery("select distinct " + column + " from ProductEntity p where " + column
                + " is not null order by " + column, String.class).getResultList();
    }

    private List<ProductSummary> summaries(String where, Map<String, Object> params, int offset, int limit) {
        var query = em.createQuery("select p.id, p.handle, p.title, p.productType, p.vendor, p.status, p.imageUrl, "
                + "count(v.id), coalesce(sum(i.onHand - i.reserved), 0), min(v.price), max(v.price), "
                + "sum(case when i.onHand - i.reserved <= 0 then 1 else 0 end) from ProductEntity p "
                + "left join p.variants v left join v.inventory i" + (where.isEmpty() ? "" : " where " + where)
                + " group by p.id, p.handle, p.title, p.productType, p.vendor, p.status, p.imageUrl "
                + "order by p.id desc", Object[].class);
        params.forEach(query::setParameter);
        return query.setFirstResult(offset).setMaxResults(limit).getResultList().stream()
                .map(r -> new ProductSummary((Long) r[0], (String) r[1], (String) r[2], (String) r[3], (String) r[4],
                        (String) r[5], ((Number) r[7]).intValue(), ((Number) r[8]).longValue(), (String) r[6],
                        (BigDecimal) r[9], (BigDecimal) r[10], r[11] == null ? 0 : ((Number) r[11]).intValue()))
                .toList();
    }

    private static final String AVAILABLE = "exists (select i2.variantId from InventoryEntity i2 "
            + "where i2.variant.product = p and i2.onHand - i2.reserved > 0)";
    private static final String SOME_SOLD_OUT = "exists (select i3.variantId from InventoryEntity i3 "
            + "where i3.variant.product = p and i3.onHand - i3.reserved <= 0)";

    private static String where(CatalogFilter f, Map<String, Object> params) {
        List<String> clauses = new ArrayList<>();
        if (f.text() != null) {
            String like = "%" + f.text().replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
            clauses.add("(p.title like :text escape '!' or p.handle like :text escape '!' or exists (select v4.id "
                    + "from VariantEntity v4 where v4.product = p and v4.sku like :text escape '!'))");
            params.put("text", like);
        }
        if (f.type() != null) {
            clauses.add("p.productType = :type");
            params.put("type", f.type());
        }
        if (f.vendor() != null) {
            clauses.add("p.vendor = :vendor");
            params.put("vendor", f.vendor());
        }
        if (f.status() != null) {
            clauses.add("p.status = :status");
            params.put("status", f.status());
        }
        if (f.stock() != null) {
            clauses.add(switch (f.stock()) {
                case "in-stock" -> AVAILABLE;
                case "sold-out" -> "not " + AVAILABLE;
                case "partly-sold-out" -> AVAILABLE + " and " + SOME_SOLD_OUT;
                default -> throw new DomainException(Kind.INVALID, "invalid-stock-filter",
                        "stock is 'in-stock', 'sold-out' or 'partly-sold-out', not '" + f.stock() + "'.");
            });
        }
        return String.join(" and ", clauses);
    }

    /** Everything about one product for staff, archived ones included. */
    public Optional<AdminProduct> adminProduct(long id) {
        ProductEntity p = em.find(ProductEntity.class, id);
        if (p == null) {
            return Optional.empty();
        }
        List<String> optionNames = Arrays.asList(p.option1Name, p.option2Name, p.option3Name).stream()
                .filter(n -> n != null).toList();
        List<AdminProduct.Variant> variants = p.variants.stream()
                .sorted(java.util.Comparator.comparingInt((VariantEntity v) -> v.position).thenComparing(v -> v.id))
                .map(v -> new AdminProduct.Variant(v.sku, String.join(" / ", java.util.stream.Stream
                        .of(v.option1, v.option2, v.option3).filter(o -> !o.isEmpty()).toList()), v.price,
                        v.compareAtPrice, v.inventory == null ? 0 : v.inventory.onHand,
                        v.inventory == null ? 0 : v.inventory.reserved))
                .toList();
        Map<String, String> translations = new java.util.TreeMap<>();
        p.translations.forEach(t -> translations.put(t.key.locale, t.title));
        List<String> tags = p.tags == null ? List.of()
                : Arrays.stream(p.tags.split(",")).map(String::strip).filter(t -> !t.isEmpty()).toList();
        return Optional.of(new AdminProduct(p.id, p.handle, p.title, p.bodyHtml, p.vendor, p.productType, p.category,
                p.gender, tags, optionNames, p.imageUrl, p.status, p.popularity, p.updatedAt, translations,
                variants));
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

    /** Priced items for SKUs of active products, by SKU, with two queries; unknown or archived SKUs are absent. */
    public Map<String, dev.parley.catalog.PricedItem> pricedItems(java.util.Collection<String> skus, Currency currency,
            String locale) {
        Map<String, dev.parley.catalog.PricedItem> out = new java.util.LinkedHashMap<>();
        if (skus.isEmpty()) {
            return out;
        }
        List<Object[]> rows = em.createQuery("select v.sku, p.id, p.handle, p.title, p.productType, p.vendor, p.tags, "
                + "v.option1, v.option2, v.option3, v.price from VariantEntity v join v.product p "
                + "where v.sku in :s and p.status <> 'archived'", Object[].class).setParameter("s", skus).getResultList();
        Map<Long, String> titles = new HashMap<>();
        if (!rows.isEmpty()) {
            List<Long> ids = rows.stream().map(r -> (Long) r[1]).distinct().toList();
            for (Object[] r : em.createQuery("select t.key.productId, t.title from ProductTranslationEntity t "
                    + "where t.key.productId in :ids and t.key.locale = :l", Object[].class).setParameter("ids", ids)
                    .setParameter("l", locale).getResultList()) {
                titles.put((Long) r[0], (String) r[1]);
            }
        }
        for (Object[] r : rows) {
            long id = (Long) r[1];
            String tagText = (String) r[6];
            List<String> tags = tagText == null || tagText.isBlank() ? List.of()
                    : java.util.Arrays.stream(tagText.split(",")).map(String::strip).filter(t -> !t.isEmpty()).toList();
            List<String> options = new ArrayList<>();
            for (int i = 7; i <= 9; i++) {
                if (r[i] != null && !((String) r[i]).isEmpty()) {
                    options.add((String) r[i]);
                }
            }
            out.put((String) r[0], new dev.parley.catalog.PricedItem((String) r[0], id, (String) r[2],
                    titles.getOrDefault(id, (String) r[3]), (String) r[4], (String) r[5], tags, options,
                    new Money((BigDecimal) r[10], currency)));
        }
        return out;
    }
}
