package dev.parley.catalog;

import static dev.parley.testing.Http.admin;
import static dev.parley.testing.Http.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.testing.BlackBoxIT;
import dev.parley.testing.Http;
import dev.parley.testing.ParleyServer;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Catalog import and the product endpoint on the real server and database. */
@BlackBoxIT
class CatalogImportIT {

    private static final String IMPORT = "api/v1/admin/catalog/import";
    private static final Path SAMPLES = Path.of("..", "shared", "data", "shopify-samples");

    @ParleyServer.Base
    URL base;

    @ParleyServer.Base
    Http http;

    @ParameterizedTest
    @CsvSource({"apparel.csv,20,22", "home-and-garden.csv,20,21", "jewelery.csv,20,23"})
    void eachShopifySampleImportsWithTheRightCountsAndTwiceChangesNothing(String file, int products, int variants)
            throws IOException {
        Path path = SAMPLES.resolve(file);
        Assumptions.assumeTrue(Files.isRegularFile(path), "shared Shopify samples not present");
        String csv = Files.readString(path, StandardCharsets.UTF_8);

        JsonObject first = json(importCsv(csv, "upsert", 200));
        assertEquals(products, first.getInt("products"), first.toString());
        assertEquals(variants, first.getInt("variants"));
        assertEquals(0, first.getJsonArray("errors").size(), first.toString());

        JsonObject again = json(importCsv(csv, "upsert", 200));
        assertEquals(products, again.getInt("products"));
        assertEquals(variants, again.getInt("variants"));
        assertEquals(0, again.getInt("created"), "re-import never duplicates");
        assertEquals(0, again.getInt("updated"), "re-import of the same file changes nothing");
        assertEquals(products, again.getInt("unchanged"));
    }

    @Test
    void badRowsAreReportedByLineWhileGoodRowsLand() throws IOException {
        for (String resource : List.of("catalog/broken.csv", "catalog/broken-bom-crlf.csv")) {
            JsonObject report = json(importCsv(resource(resource), "upsert", 200));
            Map<Integer, String> errors = new TreeMap<>();
            report.getJsonArray("errors").getValuesAs(JsonObject.class)
                    .forEach(e -> errors.put(e.getInt("line"), e.getString("message")));
            // 5: price 'abc'; 6: unclosed quote; 7: negative stock; 8: SKU already on the rain jacket
            assertEquals(List.of(5, 6, 7, 8), List.copyOf(errors.keySet()), report.toString());
            assertTrue(errors.get(8).contains("IT-RJ-S-BLK"), errors.get(8));
            assertEquals(2, report.getInt("products"), "rain jacket and linen shirt");
            assertEquals(3, report.getInt("variants"));
        }
        JsonObject jacket = product(productIdOf("it-rain-jacket"), "en");
        assertEquals("Rain Jacket", jacket.getString("title"));
        assertEquals(2, jacket.getJsonArray("variants").size());
        JsonObject small = jacket.getJsonArray("variants").getJsonObject(0);
        assertEquals("IT-RJ-S-BLK", small.getString("sku"));
        assertEquals("S", small.getJsonObject("options").getString("Size"));
        assertEquals("black", small.getJsonObject("options").getString("Color"));
        assertEquals("1990.00", small.getJsonObject("price").getString("amount"));
        assertEquals("TWD", small.getJsonObject("price").getString("currency"));
        assertEquals("2490.00", small.getJsonObject("compareAtPrice").getString("amount"));
        assertTrue(small.getBoolean("inStock"));
        assertFalse(jacket.getJsonArray("variants").getJsonObject(1).getBoolean("inStock"), "M has 0 on hand");
        assertEquals(List.of("waterproof", "lightweight"),
                jacket.getJsonArray("tags").getValuesAs(jakarta.json.JsonString::getString));
    }

    @Test
    void replaceArchivesProductsAbsentFromTheFile() {
        String header = "Handle,Title,Option1 Name,Option1 Value,Variant SKU,Variant Price,Variant Inventory Qty\n";
        importCsv(header + "it-keep,Keep Me,Title,Default Title,IT-KEEP,100.00,1\n"
                + "it-drop,Drop Me,Title,Default Title,IT-DROP,100.00,1\n", "upsert", 200);
        String drop = productIdOf("it-drop");
        try {
            JsonObject report = json(importCsv(header + "it-keep,Keep Me,Title,Default Title,IT-KEEP,100.00,1\n",
                    "replace", 200));
            assertTrue(report.getInt("archived") >= 1, report.toString());
            assertEquals(404, http.get("api/v1/products/" + drop).statusCode(), "archived products are never shown");
            assertEquals(200, http.get("api/v1/products/" + productIdOf("it-keep")).statusCode());
        } finally {
            // The database is shared by the integration tests: bring the demo catalog back.
            JsonObject restored = json(importCsv(demoCatalog(), "upsert", 200));
            assertEquals(0, restored.getInt("errorCount"), restored.toString());
        }
    }

    private static String demoCatalog() {
        try {
            return Files.readString(Path.of("db", "seed", "demo-catalog.csv"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void theSearchEndpointHonoursEveryConstraintOrSaysItRelaxed() {
        importCsv(resourceUnchecked("catalog/search-fixture.csv"), "upsert", 200);
        JsonObject found = json(http.get("api/v1/products?type=coat&tag=waterproof&maxPrice=4000&limit=100"));
        assertFalse(found.getBoolean("relaxed"));
        assertFalse(found.getJsonArray("items").isEmpty());
        for (JsonObject item : found.getJsonArray("items").getValuesAs(JsonObject.class)) {
            assertTrue(new java.math.BigDecimal(item.getJsonObject("price").getString("amount"))
                    .compareTo(new java.math.BigDecimal("4000")) <= 0, item.toString());
        }
        JsonObject none = json(http.get("api/v1/products?type=coat&tag=waterproof&maxPrice=10"));
        assertTrue(none.getBoolean("relaxed"), none.toString());
        assertTrue(none.containsKey("loosened"));
        HttpResponse<String> bad = http.get("api/v1/products?maxPrice=cheap");
        assertEquals(400, bad.statusCode());
        assertEquals("urn:parley:problem:invalid-price", json(bad).getString("type"));
    }

    @Test
    void badRequestsAreProblemsAndChangeNothing() {
        assertEquals(415, http.send(http.request(IMPORT).header("Authorization", admin())
                .header("Content-Type", "application/json").POST(BodyPublishers.ofString("{}"))).statusCode());
        HttpResponse<String> notCsv = importCsv("name,price\nx,1\n", "upsert", 400);
        assertEquals("urn:parley:problem:not-a-product-csv", json(notCsv).getString("type"));
        HttpResponse<String> badMode = importCsv("Handle,Title,Variant Price\n", "merge", 400);
        assertEquals("urn:parley:problem:invalid-import-mode", json(badMode).getString("type"));
        assertEquals(401, http.send(http.request(IMPORT).header("Content-Type", "text/csv")
                .POST(BodyPublishers.ofString("Handle,Title,Variant Price\n"))).statusCode());
        assertEquals(404, http.get("api/v1/products/999999999").statusCode());
        assertEquals(404, http.get("api/v1/products/not-a-number").statusCode());
    }

    @Test
    void aMerchantCenterFeedImportsGroupsAsVariantsAndReportsBadLines() throws IOException {
        String feed = resource("catalog/merchant-feed.tsv");
        JsonObject first = json(importFeed(feed, 200));
        assertEquals(7, first.getInt("products"), first.toString());
        assertEquals(13, first.getInt("variants"));
        assertEquals(1, first.getInt("errorCount"));
        JsonObject error = first.getJsonArray("errors").getJsonObject(0);
        assertEquals(11, error.getInt("line"));
        assertTrue(error.getString("message").contains("價格洽詢"), error.toString());

        JsonObject again = json(importFeed(feed, 200));
        assertEquals(7, again.getInt("unchanged"), "re-import of the same feed changes nothing: " + again);

        JsonObject coat = product(productIdOf("gm-wc24"), "zh-TW");
        assertEquals("經典羊毛大衣", coat.getString("title"));
        assertEquals(4, coat.getJsonArray("variants").size());
        assertEquals("大衣", coat.getString("type"));
        JsonObject shirt = product(productIdOf("gm-ls"), "zh-TW");
        JsonObject sale = shirt.getJsonArray("variants").getJsonObject(0);
        assertEquals("990.00", sale.getJsonObject("price").getString("amount"));
        assertEquals("1290.00", sale.getJsonObject("compareAtPrice").getString("amount"));
        JsonObject scarf = product(productIdOf("gm-scarf-red"), "zh-TW");
        assertFalse(scarf.getJsonArray("variants").getJsonObject(0).getBoolean("inStock"), "out of stock item");

        HttpResponse<String> notAFeed = importFeed("name\tprice\nx\t1\n", 400);
        assertEquals("urn:parley:problem:not-a-product-feed", json(notAFeed).getString("type"));
    }

    @Test
    void aBackgroundImportReportsProgressThenTheSameReportAsASynchronousOne() throws Exception {
        String csv = resource("catalog/broken.csv");
        HttpResponse<String> started = http.send(http.request("api/v1/admin/catalog/import-jobs?format=shopify"
                + "&fileName=broken.csv").header("Authorization", admin()).header("Content-Type", "text/csv")
                .POST(BodyPublishers.ofString(csv, StandardCharsets.UTF_8)));
        assertEquals(202, started.statusCode(), started.body());
        String location = started.headers().firstValue("Location").orElseThrow();
        JsonObject job = json(started);
        assertEquals("broken.csv", job.getString("fileName"));
        assertTrue(location.endsWith("/api/v1/admin/catalog/import-jobs/" + job.getString("id")), location);

        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
        while (!List.of("done", "failed", "interrupted").contains(job.getString("status"))) {
            assertTrue(System.nanoTime() < deadline, "job did not finish: " + job);
            Thread.sleep(200);
            job = json(http.send(http.request("api/v1/admin/catalog/import-jobs/" + job.getString("id"))
                    .header("Authorization", admin()).GET()));
        }
        assertEquals("done", job.getString("status"), job.toString());
        assertEquals(100, job.getInt("percent"));
        assertEquals("admin", job.getString("createdBy"));
        JsonObject report = job.getJsonObject("report");
        JsonObject direct = json(importCsv(csv, "upsert", 200));
        assertEquals(direct.getJsonArray("errors"), report.getJsonArray("errors"));
        assertEquals(direct.getInt("products"), report.getInt("products"));

        HttpResponse<String> list = http.send(http.request("api/v1/admin/catalog/import-jobs")
                .header("Authorization", admin()).GET());
        assertTrue(list.body().contains(job.getString("id")), list.body());
        assertEquals(404, http.send(http.request("api/v1/admin/catalog/import-jobs/no-such-job")
                .header("Authorization", admin()).GET()).statusCode());
        HttpResponse<String> badFormat = http.send(http.request("api/v1/admin/catalog/import-jobs?format=xls")
                .header("Authorization", admin()).header("Content-Type", "text/csv")
                .POST(BodyPublishers.ofString(csv)));
        assertEquals(400, badFormat.statusCode());
        assertEquals("urn:parley:problem:invalid-import-format", json(badFormat).getString("type"));
        HttpResponse<String> empty = http.send(http.request("api/v1/admin/catalog/import-jobs?format=shopify")
                .header("Authorization", admin()).header("Content-Type", "text/csv")
                .POST(BodyPublishers.noBody()));
        assertEquals(400, empty.statusCode(), empty.body());
    }

    @Test
    void theAdminListFiltersByTextTypeAndStock() {
        HttpResponse<String> soldOut = http.send(http.request("api/v1/admin/catalog/products?stock=sold-out&limit=200")
                .header("Authorization", admin()).GET());
        assertEquals(200, soldOut.statusCode(), soldOut.body());
        jakarta.json.JsonArray items = (jakarta.json.JsonArray) Http.jsonAny(soldOut);
        assertFalse(items.isEmpty(), "the demo catalog has sold-out products");
        long total = Long.parseLong(soldOut.headers().firstValue("X-Total-Count").orElseThrow());
        assertTrue(total >= items.size());
        for (JsonObject p : items.getValuesAs(JsonObject.class)) {
            assertTrue(p.getJsonNumber("available").longValue() <= 0, p.toString());
            assertEquals(p.getInt("variants"), p.getInt("soldOutVariants"), p.toString());
        }
        JsonObject one = items.getJsonObject(0);
        String type = one.getString("type");
        HttpResponse<String> ofType = http.send(http.request("api/v1/admin/catalog/products?limit=200&type="
                + java.net.URLEncoder.encode(type, StandardCharsets.UTF_8)).header("Authorization", admin()).GET());
        for (JsonObject p : ((jakarta.json.JsonArray) Http.jsonAny(ofType)).getValuesAs(JsonObject.class)) {
            assertEquals(type, p.getString("type"));
        }
        JsonObject detail = json(http.send(http.request("api/v1/admin/catalog/products/" + one.getJsonNumber(
                "productId")).header("Authorization", admin()).GET()));
        assertEquals(one.getString("handle"), detail.getString("handle"));
        String sku = detail.getJsonArray("variants").getJsonObject(0).getString("sku");
        for (JsonObject v : detail.getJsonArray("variants").getValuesAs(JsonObject.class)) {
            assertTrue(v.getInt("onHand") - v.getInt("reserved") <= 0, v.toString());
        }
        HttpResponse<String> bySku = http.send(http.request("api/v1/admin/catalog/products?q="
                + java.net.URLEncoder.encode(sku, StandardCharsets.UTF_8)).header("Authorization", admin()).GET());
        assertTrue(bySku.body().contains("\"handle\":\"" + one.getString("handle") + "\""), bySku.body());
        HttpResponse<String> badStock = http.send(http.request("api/v1/admin/catalog/products?stock=plenty")
                .header("Authorization", admin()).GET());
        assertEquals(400, badStock.statusCode());
        assertEquals(404, http.send(http.request("api/v1/admin/catalog/products/999999999")
                .header("Authorization", admin()).GET()).statusCode());
    }

    @Test
    void stockAlertsAndAlternativesOverHttp() {
        String header = "Handle,Title,Type,Option1 Name,Option1 Value,Variant SKU,Variant Price,Variant Inventory Qty\n";
        importCsv(header + "it-alert,Alert Me,it-alert-type,Title,Default Title,IT-ALERT,100.00,0\n"
                + "it-alert-twin,Alert Twin,it-alert-type,Title,Default Title,IT-ALERT-TWIN,120.00,4\n", "upsert", 200);
        HttpResponse<String> created = postAlert("{\"sku\":\"IT-ALERT\",\"anonymousId\":\"anon-1\",\"locale\":\"en\"}");
        assertEquals(201, created.statusCode(), created.body());
        JsonObject alert = json(created);
        assertEquals("waiting", alert.getString("status"));
        assertEquals("IT-ALERT", alert.getString("sku"));
        String location = created.headers().firstValue("Location").orElseThrow();
        assertTrue(location.endsWith("/api/v1/stock-alerts/" + alert.getString("id")), location);
        assertEquals("waiting", json(http.get("api/v1/stock-alerts/" + alert.getString("id"))).getString("status"));

        assertProblem(postAlert("{\"sku\":\"IT-ALERT-TWIN\",\"anonymousId\":\"anon-1\"}"), 409, "already-in-stock");
        assertProblem(postAlert("{\"sku\":\"NO-SUCH-SKU\",\"anonymousId\":\"anon-1\"}"), 404, "sku-not-found");
        assertProblem(postAlert("{\"sku\":\"IT-ALERT\"}"), 400, "shopper-required");
        assertEquals(400, postAlert("{\"sku\":\"IT-ALERT\",\"anonymousId\":\"a\",\"email\":\"not-an-email\"}")
                .statusCode());
        assertEquals(400, postAlert("{\"sku\": ").statusCode(), "malformed JSON");

        JsonObject like = json(http.get("api/v1/products/" + productIdOf("it-alert") + "/alternatives"));
        assertTrue(like.getBoolean("relaxed"));
        assertEquals("product", like.getString("loosened"));
        assertEquals(List.of("IT-ALERT-TWIN"), like.getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .map(i -> i.getString("sku")).toList(), "the one in-stock product of its type");
        assertEquals(404, http.get("api/v1/products/999999999/alternatives").statusCode());
        assertEquals(400, http.get("api/v1/products/" + productIdOf("it-alert") + "/alternatives?limit=0")
                .statusCode());

        delete("api/v1/stock-alerts/" + alert.getString("id"), 204);
        delete("api/v1/stock-alerts/" + alert.getString("id"), 404);
    }

    private void delete(String path, int expected) {
        HttpResponse<String> r = http.send(http.request(path).DELETE());
        assertEquals(expected, r.statusCode(), r.body());
    }

    private HttpResponse<String> postAlert(String body) {
        return http.send(http.request("api/v1/stock-alerts").header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    private static void assertProblem(HttpResponse<String> r, int status, String slug) {
        assertEquals(status, r.statusCode(), r.body());
        assertEquals("urn:parley:problem:" + slug, json(r).getString("type"));
    }

    private HttpResponse<String> importFeed(String tsv, int expectedStatus) {
        HttpResponse<String> r = http.send(http.request(IMPORT).header("Authorization", admin())
                .header("Content-Type", "text/tab-separated-values")
                .POST(BodyPublishers.ofString(tsv, StandardCharsets.UTF_8)));
        assertEquals(expectedStatus, r.statusCode(), r.body());
        return r;
    }

    private HttpResponse<String> importCsv(String csv, String mode, int expectedStatus) {
        HttpResponse<String> r = http.send(http.request(IMPORT + "?mode=" + mode).header("Authorization", admin())
                .header("Content-Type", "text/csv").POST(BodyPublishers.ofString(csv, StandardCharsets.UTF_8)));
        assertEquals(expectedStatus, r.statusCode(), r.body());
        return r;
    }

    private JsonObject product(String id, String language) {
        HttpResponse<String> r = http.send(http.request("api/v1/products/" + id).header("Accept-Language", language)
                .GET());
        assertEquals(200, r.statusCode(), r.body());
        return json(r);
    }

    private String productIdOf(String handle) {
        HttpResponse<String> r = http.send(http.request("api/v1/admin/catalog/products?handle=" + handle)
                .header("Authorization", admin()).GET());
        assertEquals(200, r.statusCode(), r.body());
        jakarta.json.JsonArray found = (jakarta.json.JsonArray) Http.jsonAny(r);
        assertEquals(1, found.size(), "one product " + handle);
        return found.getJsonObject(0).getJsonNumber("productId").toString();
    }

    private String resourceUnchecked(String name) {
        try {
            return resource(name);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private String resource(String name) throws IOException {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
