package dev.parley.catalog.jpa;

import dev.parley.catalog.search.IndexedProduct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Reads what the search index needs, a page of products at a time, with three queries per page. */
@ApplicationScoped
public class JpaSearchSource {

    private static final Pattern TAG = Pattern.compile("<[^>]*>");

    @PersistenceContext(unitName = "parley")
    EntityManager em;

    /** Ids of all products, ascending, after {@code afterId}, at most {@code limit}. */
    public List<Long> productIds(long afterId, int limit) {
        return em.createQuery("select p.id from ProductEntity p where p.id > :a order by p.id", Long.class)
                .setParameter("a", afterId).setMaxResults(limit).getResultList();
    }

    /**
     * Products whose product row, variants or stock changed at or after {@code since}, each with the time
     * of its latest change.
     */
    public Map<Long, Instant> changedSince(Instant since) {
        Map<Long, Instant> changed = new HashMap<>();
        merge(changed, em.createQuery("select p.id, p.updatedAt from ProductEntity p where p.updatedAt >= :t",
                Object[].class).setParameter("t", since).getResultList());
        merge(changed, em.createQuery("select v.product.id, max(v.updatedAt) from VariantEntity v "
                + "where v.updatedAt >= :t group by v.product.id", Object[].class).setParameter("t", since)
                .getResultList());
        merge(changed, em.createQuery("select i.variant.product.id, max(i.updatedAt) from InventoryEntity i "
                + "where i.updatedAt >= :t group by i.variant.product.id", Object[].class).setParameter("t", since)
                .getResultList());
        return changed;
    }

    private static void merge(Map<Long, Instant> changed, List<Object[]> rows) {
        for (Object[] r : rows) {
            Instant at = r[1] instanceof Instant i ? i
                    : r[1] instanceof java.time.LocalDateTime l ? l.toInstant(java.time.ZoneOffset.UTC)
                    : r[1] instanceof java.sql.Timestamp ts ? ts.toLocalDateTime().toInstant(java.time.ZoneOffset.UTC)
                    : Instant.MAX;
            changed.merge((Long) r[0], at, (a, b) -> a.isAfter(b) ? a : b);
        }
    }

    /** The active ones of these products, ready to index; the others are absent from the result. */
    public List<IndexedProduct> load(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, Object[]> products = new LinkedHashMap<>();
        for (Object[] r : em.createQuery("select p.id, p.title, p.bodyHtml, p.vendor, p.productType, p.gender, "
                + "p.tags, p.option1Name, p.option2Name, p.option3Name, p.popularity from ProductEntity p "
                + "where p.id in :ids and p.status = 'active' order by p.id", Object[].class)
                .setParameter("ids", ids).getResultList()) {
            products.put((Long) r[0], r);
        }
        Map<Long, List<String[]>> translations = new HashMap<>();
        for (Object[] r : em.createQuery("select t.key.productId, t.title, t.description from "
                + "ProductTranslationEntity t where t.key.productId in :ids", Object[].class)
                .setParameter("ids", products.keySet().isEmpty() ? List.of(-1L) : products.keySet()).getResultList()) {
            translations.computeIfAbsent((Long) r[0], k -> new ArrayList<>())
                    .add(new String[] {(String) r[1], (String) r[2]});
        }
        Map<Long, List<Object[]>> variants = new HashMap<>();
        for (Object[] r : em.createQuery("select v.product.id, v.sku, v.option1, v.option2, v.option3, v.price, "
                + "i.onHand, i.reserved from VariantEntity v left join v.inventory i where v.product.id in :ids "
                + "order by v.position, v.id", Object[].class)
                .setParameter("ids", products.keySet().isEmpty() ? List.of(-1L) : products.keySet()).getResultList()) {
            variants.computeIfAbsent((Long) r[0], k -> new ArrayList<>()).add(r);
        }
        List<IndexedProduct> result = new ArrayList<>(products.size());
        for (Object[] p : products.values()) {
            long id = (Long) p[0];
            List<String> titles = new ArrayList<>(List.of((String) p[1]));
            List<String> descriptions = new ArrayList<>();
            if (p[2] != null) {
                descriptions.add(plain((String) p[2]));
            }
            for (String[] t : translations.getOrDefault(id, List.of())) {
                titles.add(t[0]);
                if (t[1] != null) {
                    descriptions.add(plain(t[1]));
                }
            }
            String[] optionNames = {(String) p[7], (String) p[8], (String) p[9]};
            List<IndexedProduct.Variant> vs = new ArrayList<>();
            for (Object[] v : variants.getOrDefault(id, List.of())) {
                Map<String, String> options = new LinkedHashMap<>();
                for (int i = 0; i < 3; i++) {
                    String value = (String) v[2 + i];
                    if (optionNames[i] != null && value != null && !value.isEmpty()) {
                        options.put(optionNames[i], value);
                    }
                }
                int onHand = v[6] == null ? 0 : (Integer) v[6];
                int reserved = v[7] == null ? 0 : (Integer) v[7];
                vs.add(new IndexedProduct.Variant((String) v[1], options, (BigDecimal) v[5], onHand - reserved));
            }
            List<String> tags = p[6] == null ? List.of()
                    : java.util.Arrays.stream(((String) p[6]).split(",")).map(String::strip)
                            .filter(s -> !s.isEmpty()).toList();
            result.add(new IndexedProduct(id, titles, descriptions, (String) p[3], (String) p[4], (String) p[5],
                    tags, (Integer) p[10], vs));
        }
        return result;
    }

    /** HTML to plain text for indexing. */
    static String plain(String html) {
        return TAG.matcher(html).replaceAll(" ").replace("&amp;", "&").replace("&nbsp;", " ")
                .replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'");
    }
}
