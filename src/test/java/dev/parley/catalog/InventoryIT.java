package dev.parley.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.catalog.imports.CatalogImporter;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Stock reservations inside the real server against the real database, under concurrency. */
@ExtendWith(ArquillianExtension.class)
class InventoryIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.parleyWith(InventoryIT.class);
    }

    @Inject
    CatalogImporter importer;

    @Inject
    Inventory inventory;

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
