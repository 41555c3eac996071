package dev.parley.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/** The merchant's side for black-box tests: products of a test's own, and what the database says of their stock. */
public final class Shop {

    private final Http http;

    public Shop(Http http) {
        this.http = http;
    }

    /**
     * Imports (as admin) a product of its own for one test: one variant in size M, {@code units} on hand, at
     * {@code price}. Returns its SKU, {@code prefix} plus a random tag.
     */
    public String product(String prefix, int units, int price) {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String sku = prefix + "-" + tag;
        String csv = "Handle,Title,Type,Option1 Name,Option1 Value,Variant SKU,Variant Price,Variant Inventory Qty\n"
                + "test-" + sku.toLowerCase() + ",Test Tee " + tag + ",t-shirt,Size,M," + sku + "," + price + "," + units + "\n";
        HttpResponse<String> r = http.send(http.request("api/v1/admin/catalog/import").header("Authorization", Http.admin())
                .header("Content-Type", "text/csv").POST(BodyPublishers.ofString(csv, StandardCharsets.UTF_8)));
        assertEquals(200, r.statusCode(), r.body());
        return sku;
    }

    /** A variant's units on hand and reserved, as stored. */
    public static List<Long> stock(String sku) {
        List<Object> r = Db.rows("select i.on_hand, i.reserved from inventory i join variant v on v.id = i.variant_id "
                + "where v.sku = ?", sku).get(0);
        return List.of(((Number) r.get(0)).longValue(), ((Number) r.get(1)).longValue());
    }

    /** How many orders hold a line of this variant. */
    public static long orders(String sku) {
        return Db.number("select count(*) from shop_order o join shop_order_line l on l.order_id = o.id where l.sku = ?",
                sku);
    }

    /** How many orders in {@code status} hold a line of this variant. */
    public static long orders(String sku, String status) {
        return Db.number("select count(*) from shop_order o join shop_order_line l on l.order_id = o.id where l.sku = ? "
                + "and o.status = ?", sku, status);
    }
}
