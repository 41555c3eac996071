package dev.parley.order.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.testing.AdminLoginPage;
import dev.parley.testing.BlackBoxIT;
import dev.parley.testing.Browser;
import dev.parley.testing.Chat;
import dev.parley.testing.Db;
import dev.parley.testing.Http;
import dev.parley.testing.ParleyServer;
import dev.parley.testing.Shop;
import jakarta.json.JsonObject;
import java.net.URL;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The orders page in the admin shell, in real headless Chromium: a paid order is packed, shipped with tracking, delivered. */
@BlackBoxIT
class OrdersPageIT {

    @ParleyServer.Base
    URL base;

    @ParleyServer.Base
    Http http;

    ChromeDriver browser;

    @AfterEach
    void close() {
        if (browser != null) {
            Browser.screenshot(browser, "orders-page");
            browser.quit();
        }
    }

    @Test
    void staffMoveAPaidOrderAlongAndTheShopperIsTold() {
        Chat chat = new Chat(http);
        String sku = new Shop(http).product("OP", 2, 990);
        String id = chat.start("en", "page-" + UUID.randomUUID());
        chat.act(id, "{\"type\": \"add_to_cart\", \"sku\": \"" + sku + "\", \"quantity\": 1}");
        JsonObject paid = chat.act(id, Chat.checkout("page-" + UUID.randomUUID(), Chat.GOOD_CARD, "standard"));
        String number = Chat.order(paid).orElseThrow().getString("orderNumber");

        browser = Browser.start();
        // The table is re-rendered by each move: a row found a moment ago may be gone, so look again.
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.ignoring(StaleElementReferenceException.class);
        browser.get(base + "admin/orders/index.xhtml");
        new AdminLoginPage(browser).signIn("admin", "it-admin-secret");
        By row = By.xpath("//tr[.//span[@class='order-number' and text()='" + number + "']]");
        wait.until(ExpectedConditions.visibilityOfElementLocated(row));
        assertEquals("paid", browser.findElement(row).findElement(By.className("status")).getText());

        wait.until(d -> {
            d.findElement(row).findElement(By.className("move-packed")).click();
            return true;
        });
        wait.until(d -> d.findElement(row).findElement(By.className("status")).getText().equals("packed"));
        wait.until(d -> {
            WebElement packed = d.findElement(row);
            packed.findElement(By.cssSelector("input.carrier")).sendKeys("Black Cat");
            packed.findElement(By.cssSelector("input.tracking")).sendKeys("BC-PAGE-1");
            packed.findElement(By.className("move-shipped")).click();
            return true;
        });
        wait.until(d -> d.findElement(row).findElement(By.className("status")).getText().equals("shipped"));
        wait.until(d -> d.findElement(row).getText().contains("BC-PAGE-1"));
        wait.until(d -> {
            d.findElement(row).findElement(By.className("move-delivered")).click();
            return true;
        });
        wait.until(d -> d.findElement(row).findElement(By.className("status")).getText().equals("delivered"));

        assertEquals("delivered", Db.rows("select status from shop_order where order_number = ?", number).get(0).get(0));
        String transcript = http.get("api/v1/conversations/" + id).body();
        assertTrue(transcript.contains("has shipped") && transcript.contains("BC-PAGE-1")
                && transcript.contains("has been delivered"), transcript);
    }
}
