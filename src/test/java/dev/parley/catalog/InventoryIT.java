package dev.parley.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.catalog.alerts.BackInStock;
import dev.parley.catalog.alerts.StockAlert;
import dev.parley.catalog.alerts.StockAlerts;
import dev.parley.catalog.imports.CatalogImporter;
import dev.parley.catalog.search.CatalogSearch;
import dev.parley.platform.DomainException;
import dev.parley.testing.Deployments;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Stock reservations, back-in-stock alerts and sold-out alternatives inside the real server against the real
 * database, under concurrency.
 */
@ExtendWith(ArquillianExtension.class)
@Tag("in-container")
class InventoryIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.parleyWith(InventoryIT.class);
    }

    @Inject
    CatalogImporter importer;

    @Inject
    Inventory inventory;

    @Inject
    StockAlerts alerts;

    @Inject
    BackInStockRecorder recorder;

    @Inject
    Catalog catalog;

    @Inject
    CatalogSearch search;

    @Inject
    Popularity popularity;

    @jakarta.annotation.Resource(lookup = "jdbc/parley")
    javax.sql.DataSource db;

    @Test
    void twoHundredConcurrentReservationsOfTwentyUnitsNeverOversell() throws Exception {
        String sku = newVariant(20);
        int shoppers = 200;
        ExecutorService pool = Executors.newFixedThreadPool(32);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> attempts = new ArrayList<>();
        for (int i = 0; i < shoppers; i++) {
            Callable<Boolean> attempt = () -> {
                start.await();
                return inventory.reserve(sku, 1);
            };
            attempts.add(pool.submit(attempt));
        }
        start.countDown();
        int succeeded = 0;
        for (Future<Boolean> f : attempts) {
            if (f.get()) {
                succeeded++;
            }
        }
        pool.shutdown();
        assertEquals(20, succeeded, "exactly the stock is sold");
        StockLevel level = inventory.level(sku).orElseThrow();
        assertEquals(20, level.onHand());
        assertEquals(20, level.reserved());
        assertEquals(0, level.available());
    }

    @Test
    void reservationsAreReleasedOrCommittedAndNeverGoNegative() {
        String sku = newVariant(3);
        assertTrue(inventory.reserve(sku, 2));
        assertFalse(inventory.reserve(sku, 2), "only one left");
        inventory.release(sku, 1);
        inventory.commit(sku, 1);
        StockLevel level = inventory.level(sku).orElseThrow();
        assertEquals(2, level.onHand());
        assertEquals(0, level.reserved());
        assertThrows(DomainException.class, () -> inventory.release(sku, 1), "nothing is reserved");
        assertThrows(DomainException.class, () -> inventory.reserve(sku, 0));
        assertThrows(DomainException.class, () -> inventory.reserve("NO-SUCH-SKU", 1));
        assertTrue(inventory.reserve(sku, 2));
        DomainException below = assertThrows(DomainException.class, () -> inventory.setOnHand(sku, 1));
        assertEquals("below-reserved", below.code());
        assertEquals(5, inventory.setOnHand(sku, 5).onHand());
    }

    @Test
    void aBackInStockAlertFiresOnceWhenStockReturns() throws Exception {
        String sku = newVariant(0);
        StockAlert alert = alerts.subscribe(sku, "anonymous:it-" + sku, "shopper@example.com", "zh-TW");
        assertEquals("waiting", alert.status());
        assertEquals(alert.id(), alerts.subscribe(sku, "anonymous:it-" + sku, "shopper@example.com", "zh-TW").id(),
                "asking again renews the same alert");
        String inStock = newVariant(1);
        DomainException conflict = assertThrows(DomainException.class,
                () -> alerts.subscribe(inStock, "anonymous:it-" + sku, null, "en"));
        assertEquals("already-in-stock", conflict.code());

        Thread.sleep(4000);
        assertEquals("waiting", alerts.get(alert.id()).status(), "nothing fires while it is sold out");
        inventory.setOnHand(sku, 2);
        StockAlert fired = awaitNotified(alert.id());
        assertTrue(fired.notifiedAt() != null);
        Thread.sleep(4000);
        assertEquals(1, recorder.forAlert(alert.id()).size(), "fires exactly once");
        BackInStock event = recorder.forAlert(alert.id()).get(0);
        assertEquals(sku, event.sku());
        assertEquals(2, event.available());
        assertEquals("shopper@example.com", event.email());
        assertEquals("zh-TW", event.locale());
    }

    @Test
    void manyAlertsClaimedByConcurrentPassesFireExactlyOnceEach() throws Exception {
        String sku = newVariant(0);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            ids.add(alerts.subscribe(sku, "anonymous:crowd-" + i + "-" + sku, null, "en").id());
        }
        inventory.setOnHand(sku, 1);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> passes = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            passes.add(pool.submit(() -> {
                start.await();
                return alerts.fireDue();
            }));
        }
        start.countDown();
        for (Future<Integer> pass : passes) {
            pass.get();
        }
        pool.shutdown();
        for (String id : ids) {
            awaitNotified(id);
            assertEquals(1, recorder.forAlert(id).size(), "alert " + id);
        }
    }

    @Test
    void aSoldOutProductGetsSimilarInStockAlternativesOfItsType() {
        for (long soldOut : soldOutProducts()) {
            ProductView product = catalog.product(soldOut, List.of(java.util.Locale.ENGLISH)).orElseThrow();
            List<dev.parley.catalog.search.SearchHit> like = search.similarInStock(soldOut, java.util.Set.of(), 6);
            assertFalse(like.isEmpty(), "alternatives for " + product.handle());
            for (dev.parley.catalog.search.SearchHit hit : like) {
                assertFalse(hit.productId() == soldOut, "never the sold-out product itself");
                ProductView other = catalog.product(hit.productId(), List.of(java.util.Locale.ENGLISH)).orElseThrow();
                assertEquals(product.type(), other.type(), other.handle());
                assertTrue(inventory.level(hit.sku()).orElseThrow().available() > 0, hit.sku());
            }
        }
    }

    @Test
    void salesAndViewsRaiseAProductsPopularity() {
        String sku = newVariant(10);
        long productId = productOf(sku);
        assertEquals(0, catalog.adminProduct(productId).popularity());
        assertTrue(inventory.reserve(sku, 3));
        inventory.commit(sku, 3);
        popularity.viewed(productId);
        popularity.viewed(productId);
        popularity.flushViews();
        popularity.recompute();
        assertEquals(3 * 10 + 2, catalog.adminProduct(productId).popularity(), "3 units sold and 2 views today");
        assertEquals(0, popularity.recompute(), "recomputing again changes nothing");
    }

    private long productOf(String sku) {
        try (var c = db.getConnection(); var st = c.prepareStatement("select product_id from variant where sku = ?")) {
            st.setString(1, sku);
            try (var rs = st.executeQuery()) {
                assertTrue(rs.next());
                return rs.getLong(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Up to three demo products with nothing available and in-stock products of the same type. */
    private List<Long> soldOutProducts() {
        try (var c = db.getConnection(); var st = c.prepareStatement("select p.id from product p "
                + "where p.status = 'active' and not exists (select 1 from variant v join inventory i "
                + "on i.variant_id = v.id where v.product_id = p.id and i.on_hand - i.reserved > 0) "
                + "and exists (select 1 from product q join variant w on w.product_id = q.id join inventory j "
                + "on j.variant_id = w.id where q.status = 'active' and q.product_type = p.product_type "
                + "and j.on_hand - j.reserved > 0) and exists (select 1 from variant x where x.product_id = p.id) "
                + "order by p.id limit 3"); var rs = st.executeQuery()) {
            List<Long> ids = new ArrayList<>();
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
            assertFalse(ids.isEmpty(), "the demo catalog has sold-out products");
            return ids;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private StockAlert awaitNotified(String id) throws InterruptedException {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
        while (true) {
            StockAlert a = alerts.get(id);
            if (a.status().equals("notified")) {
                return a;
            }
            assertTrue(System.nanoTime() < deadline, "alert " + id + " never fired");
            Thread.sleep(250);
        }
    }

    /** A fresh single-variant product with {@code units} in stock, through the real import. */
    private String newVariant(int units) {
        String sku = "INV-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String csv = "Handle,Title,Option1 Name,Option1 Value,Variant SKU,Variant Price,Variant Inventory Qty\n"
                + sku.toLowerCase() + ",Stock test,Title,Default Title," + sku + ",100.00," + units + "\n";
        var report = importer.importShopifyCsv(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)),
                CatalogImporter.Mode.UPSERT);
        assertEquals(List.of(), report.errors());
        return sku;
    }
}
