package dev.parley.catalog;

import static dev.parley.testing.Http.admin;
import static dev.parley.testing.Http.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.testing.Deployments;
import dev.parley.testing.Http;
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
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Catalog import and the product endpoint on the real server and database. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CatalogImportIT {

    private static final String IMPORT = "api/v1/admin/catalog/import";
    private static final Path SAMPLES = Path.of("..", "shared", "data", "shopify-samples");

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.parley();
    }

    @ArquillianResource
    URL base;

    Http http;

    @BeforeEach
    void client() {
        http = new Http(base);
    }

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
