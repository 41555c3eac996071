package dev.parley.catalog.web;

import static dev.parley.testing.Http.admin;
import static dev.parley.testing.Http.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.testing.AdminLoginPage;
import dev.parley.testing.BlackBoxIT;
import dev.parley.testing.Browser;
import dev.parley.testing.Http;
import dev.parley.testing.ParleyServer;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.chrome.ChromeDriver;

/** The admin catalog pages in real headless Chromium, checked against the admin API's view of the database. */
@BlackBoxIT
class CatalogPagesIT {

    @ParleyServer.Base
    URL base;

    ChromeDriver browser;
    @ParleyServer.Base
    Http http;
    String testName;

    @BeforeEach
    void open(TestInfo test) {
        testName = test.getTestMethod().map(m -> m.getName()).orElse("catalog");
        browser = Browser.start();
    }

    @AfterEach
    void close() throws Exception {
        if (browser != null) {
            shot(testName);
            browser.quit();
        }
    }

    @Test
    void staffSearchFilterAndCorrectStock() {
        browser.get(base + "admin/catalog/products.xhtml");
        new AdminLoginPage(browser).signIn("admin", "it-admin-secret");
        CatalogPages.ListPage list = new CatalogPages.ListPage(browser);
        long all = total("");
        assertTrue(list.pageReport().endsWith("of " + all + " products"), list.pageReport() + ", API total " + all);

        JsonObject product = firstOf("stock=in-stock");
        JsonObject detail = detail(product);
        String sku = detail.getJsonArray("variants").getJsonObject(0).getString("sku");
        list.search(sku);
        assertEquals(1, list.rows().size(), "a SKU finds its one product");
        assertTrue(list.rows().get(0).getText().contains(product.getString("title")));

        list.clearText();
        list.chooseStock("Sold out");
        list.submit();
        assertTrue(list.pageReport().endsWith("of " + total("stock=sold-out") + " products"), list.pageReport());
        list.rows().forEach(r -> assertTrue(r.getText().contains("sold out"), r.getText()));
        shot("catalog-list-sold-out");

        list.search(sku);
        assertEquals(0, list.rows().size(), "the in-stock product is not among the sold-out ones");
        list.chooseStock("In stock");
        list.submit();
        CatalogPages.ProductPage page = list.open(0);
        assertEquals(product.getString("title"), page.title());
        List<String> skus = detail.getJsonArray("variants").getValuesAs(JsonObject.class).stream()
                .map(v -> v.getString("sku")).toList();
        assertEquals(skus, page.skus());
        JsonObject first = detail.getJsonArray("variants").getJsonObject(0);
        assertEquals(Integer.toString(first.getInt("onHand") - first.getInt("reserved")), page.available().get(0));

        int before = first.getInt("onHand");
        try {
            page.setOnHand(0, before + 3);
            assertEquals("Saved stock of 1 variant(s).", page.save());
            assertEquals(before + 3, detail(product).getJsonArray("variants").getJsonObject(0).getInt("onHand"));
            shot("catalog-product");
        } finally {
            HttpResponse<String> restore = http.send(http.request("api/v1/admin/inventory/" + sku)
                    .header("Authorization", admin()).header("Content-Type", "application/json")
                    .PUT(BodyPublishers.ofString("{\"onHand\":" + before + "}")));
            assertEquals(200, restore.statusCode(), restore.body());
        }
    }

    @Test
    void anUploadShowsProgressThenEachRejectedLine() throws Exception {
        browser.get(base + "admin/catalog/import.xhtml");
        new AdminLoginPage(browser).signIn("admin", "it-admin-secret");
        CatalogPages.ImportPage page = new CatalogPages.ImportPage(browser);

        assertEquals("done", page.upload(resource("catalog/broken.csv")));
        assertEquals("100%", page.progressLabel());
        assertEquals(List.of(5, 6, 7, 8), page.errorLines());
        assertTrue(page.summary().contains("2 products, 3 variants, 4 rejected line(s)"), page.summary());
        shot("catalog-import-report");

        page.chooseFormat("Google Merchant Center feed (TSV)");
        assertEquals("done", page.upload(resource("catalog/merchant-feed.tsv")));
        assertEquals(List.of(11), page.errorLines());
        assertTrue(page.summary().contains("7 products, 13 variants, 1 rejected line(s)"), page.summary());
    }

    @Test
    void agentsCannotOpenTheCatalogPages() {
        String name = "agent" + System.nanoTime() % 100000;
        HttpResponse<String> created = http.send(http.request("api/v1/admin/staff").header("Authorization", admin())
                .header("Content-Type", "application/json").POST(BodyPublishers.ofString(
                        "{\"username\":\"" + name + "\",\"password\":\"a-long-password\",\"roles\":[\"agent\"]}")));
        assertEquals(201, created.statusCode(), created.body());
        browser.get(base + "admin/catalog/products.xhtml");
        new AdminLoginPage(browser).signIn(name, "a-long-password");
        new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(30))
                .until(d -> !d.getCurrentUrl().contains("login.xhtml"));
        assertFalse(browser.getPageSource().contains("catalog:products"), "the catalog is not shown to an agent");
        assertTrue(browser.getPageSource().contains("403"), browser.getPageSource());
    }

    private long total(String query) {
        HttpResponse<String> r = http.send(http.request("api/v1/admin/catalog/products?limit=1&" + query)
                .header("Authorization", admin()).GET());
        assertEquals(200, r.statusCode(), r.body());
        return Long.parseLong(r.headers().firstValue("X-Total-Count").orElseThrow());
    }

    private JsonObject firstOf(String query) {
        HttpResponse<String> r = http.send(http.request("api/v1/admin/catalog/products?limit=1&" + query)
                .header("Authorization", admin()).GET());
        return ((JsonArray) Http.jsonAny(r)).getJsonObject(0);
    }

    private JsonObject detail(JsonObject product) {
        return json(http.send(http.request("api/v1/admin/catalog/products/" + product.getJsonNumber("productId"))
                .header("Authorization", admin()).GET()));
    }

    private Path resource(String name) throws URISyntaxException {
        return Path.of(getClass().getClassLoader().getResource(name).toURI());
    }

    private void shot(String name) {
        Browser.screenshot(browser, name);
    }
}
