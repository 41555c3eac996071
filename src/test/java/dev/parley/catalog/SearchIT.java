package dev.parley.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.catalog.imports.CatalogImporter;
import dev.parley.catalog.search.Alternatives;
import dev.parley.catalog.search.CatalogSearch;
import dev.parley.catalog.search.SearchConstraints;
import dev.parley.catalog.search.SearchHit;
import dev.parley.testing.Deployments;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Constraint search on the real server over everything in the catalog (the demo catalog plus a small
 * fixture): every result satisfies every constraint, and no qualifying product is missing — the expected
 * sets are computed from the database with SQL, independently of the search code.
 */
@ExtendWith(ArquillianExtension.class)
@Tag("in-container")
class SearchIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.parleyWith(SearchIT.class).addAsResource("catalog/search-fixture.csv");
    }

    @Inject
    CatalogImporter importer;

    @Inject
    CatalogSearch search;

    @Inject
    Inventory inventory;

    @Resource(lookup = "jdbc/parley")
    DataSource db;

    @BeforeEach
    void fixture() throws Exception {
        var report = importer.importShopifyCsv(getClass().getClassLoader()
                .getResourceAsStream("catalog/search-fixture.csv"), CatalogImporter.Mode.UPSERT);
        assertEquals(List.of(), report.errors());
    }

    @Test
    void waterproofCoatsAtOrBelowAPrice() throws Exception {
        SearchConstraints c = SearchConstraints.none().withTypes(Set.of("coat")).withAttributes(Set.of("waterproof"))
                .withPrice(null, new BigDecimal("4000")).withLimit(1000);
        Set<Long> expected = sql("select distinct p.id from product p join product_tag t on t.product_id = p.id "
                + "join variant v on v.product_id = p.id where p.status = 'active' and lower(p.product_type) = 'coat' "
                + "and t.tag = 'waterproof' and v.price <= 4000");
        assertTrue(expected.size() >= 2, "fixture has two: " + expected);
        assertEquals(expected, ids(search.search(c)));
    }

    @Test
    void blackSneakersWithSizeNineInStock() throws Exception {
        SearchConstraints c = SearchConstraints.none().withTypes(Set.of("sneakers")).withColors(Set.of("black"))
                .withSizes(Set.of("9")).inStock(true).withLimit(1000);
        Set<Long> expected = sql("select distinct p.id from product p join variant v on v.product_id = p.id "
                + "join inventory i on i.variant_id = v.id where p.status = 'active' "
                + "and lower(p.product_type) = 'sneakers' and i.on_hand - i.reserved > 0 and ("
                + option("color", "colour", "'black'") + ") and (" + option("size", "size", "'9'") + ")");
        assertEquals(expected, ids(search.search(c)));
        assertTrue(expected.contains(productId("sx-trail-run")));
        assertFalse(expected.contains(productId("sx-court-low")), "its black 9 is sold out");
    }

    @Test
    void aQueryWithNoAnswerFindsNothingAndOffersLabelledAlternatives() {
        SearchConstraints c = SearchConstraints.none().withTypes(Set.of("coat")).withAttributes(Set.of("waterproof"))
                .withPrice(null, new BigDecimal("100"));
        assertEquals(List.of(), search.search(c));
        Alternatives alt = search.closestAlternatives(c).orElseThrow();
        assertFalse(alt.hits().isEmpty());
        assertTrue(List.of("price", "attributes", "all").contains(alt.loosened()), alt.loosened());
    }

    @Test
    void chineseInEitherScriptAndEnglishFindTheSameProducts() {
        Set<Long> sneakers = ids(search.search(SearchConstraints.none().withText("sneakers").withLimit(1000)));
        assertTrue(sneakers.containsAll(Set.of(productId("sx-court-low"), productId("sx-trail-run"))));
        assertEquals(sneakers, ids(search.search(SearchConstraints.none().withText("運動鞋").withLimit(1000))));
        assertEquals(sneakers, ids(search.search(SearchConstraints.none().withText("运动鞋").withLimit(1000))));

        Set<Long> coats = ids(search.search(SearchConstraints.none().withText("coat").withLimit(1000)));
        assertTrue(coats.contains(productId("sx-storm-parka")));
        assertEquals(coats, ids(search.search(SearchConstraints.none().withText("外套").withLimit(1000))));
        assertEquals(coats, ids(search.search(SearchConstraints.none().withText("大衣").withLimit(1000))));
    }

    @Test
    void stockChangesReachTheIndexWithoutAnImport() throws Exception {
        String sku = "SX-TR-95-BLK";
        SearchConstraints c = SearchConstraints.none().withSizes(Set.of("9.5")).withTypes(Set.of("sneakers"))
                .inStock(true).withLimit(1000);
        inventory.setOnHand(sku, 1);
        awaitIndex(c, true);
        assertTrue(inventory.reserve(sku, 1));
        awaitIndex(c, false);
        inventory.release(sku, 1);
        awaitIndex(c, true);
    }

    private void awaitIndex(SearchConstraints c, boolean present) throws InterruptedException {
        long trail = productId("sx-trail-run");
        for (int i = 0; i < 50; i++) {
            if (ids(search.search(c)).contains(trail) == present) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("index did not follow the stock change within 10 s (expected present=" + present
                + ")");
    }

    private static String option(String name, String alias, String value) {
        StringBuilder or = new StringBuilder();
        for (int i = 1; i <= 3; i++) {
            if (i > 1) {
                or.append(" or ");
            }
            or.append("(lower(p.option").append(i).append("_name) in ('").append(name).append("','").append(alias)
                    .append("') and lower(v.option").append(i).append(") = ").append(value).append(")");
        }
        return or.toString();
    }

    private long productId(String handle) {
        try {
            return sql("select id from product where handle = '" + handle + "'").iterator().next();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private Set<Long> sql(String query) throws Exception {
        Set<Long> ids = new HashSet<>();
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(query);
                ResultSet r = s.executeQuery()) {
            while (r.next()) {
                ids.add(r.getLong(1));
            }
        }
        return ids;
    }

    private static Set<Long> ids(List<SearchHit> hits) {
        return hits.stream().map(SearchHit::productId).collect(Collectors.toSet());
    }
}
