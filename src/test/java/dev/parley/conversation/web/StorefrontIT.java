package dev.parley.conversation.web;

import static dev.parley.testing.Http.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.testing.BlackBoxIT;
import dev.parley.testing.Browser;
import dev.parley.testing.Db;
import dev.parley.testing.Http;
import dev.parley.testing.ParleyServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpRequest.BodyPublishers;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The demo storefront and its chat widget in real headless Chromium: chat a search, add a product card to the
 * cart and see the cart (and the header count) update, also after a reload; shopper markup stays text in the
 * widget and the transcript; an agent's message arrives on the push channel; the widget works at phone width
 * by keyboard alone. Screenshots go to {@code target/screenshots/storefront-*.png}.
 */
@BlackBoxIT
class StorefrontIT {

    @ParleyServer.Base
    URL base;

    @ParleyServer.Base
    Http http;

    ChromeDriver browser;
    WebDriverWait wait;

    @BeforeEach
    void open() {
        browser = Browser.start();
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    @AfterEach
    void close(TestInfo test) {
        if (browser != null) {
            Browser.screenshot(browser, "storefront-" + test.getTestMethod().map(java.lang.reflect.Method::getName)
                    .orElse("page"));
            browser.quit();
        }
    }

    private void openShopAndChat() {
        browser.get(base.toString());
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#grid .tile")));
        browser.findElement(By.cssSelector(".parley-bubble")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".parley-log .parley-bot")));
    }

    private void type(String text) {
        WebElement input = browser.findElement(By.id("parley-input"));
        input.sendKeys(text);
        input.sendKeys(Keys.ENTER);
    }

    /** Chats a search, presses the first card's add-to-cart and waits for the header count; returns its SKU. */
    private String addTheFirstHoodie() {
        type("show me hoodies");
        List<WebElement> cards = wait.until(ExpectedConditions.numberOfElementsToBeMoreThan(
                By.cssSelector(".parley-products .parley-card"), 0));
        String sku = cards.get(0).getAttribute("data-sku");
        cards.get(0).findElement(By.cssSelector(".parley-add")).click();
        wait.until(ExpectedConditions.textToBe(By.id("cart-count"), "1"));
        return sku;
    }

    private String conversationId() {
        return (String) browser.executeScript("for (var i = 0; i < localStorage.length; i++) {"
                + " var k = localStorage.key(i); if (k.endsWith(':conversation')) return localStorage.getItem(k); }"
                + " return null;");
    }

    @Test
    void aChattedSearchsCardGoesIntoTheCartAndTheCartSurvivesAReload() {
        openShopAndChat();
        type("show me hoodies");
        List<WebElement> cards = wait.until(ExpectedConditions.numberOfElementsToBeMoreThan(
                By.cssSelector(".parley-products .parley-card"), 0));
        Browser.screenshot(browser, "storefront-search");
        String sku = cards.get(0).getAttribute("data-sku");
        cards.get(0).findElement(By.cssSelector(".parley-add")).click();

        wait.until(ExpectedConditions.textToBe(By.id("cart-count"), "1"));
        WebElement cart = browser.findElement(By.cssSelector(".parley-cart"));
        assertTrue(cart.isDisplayed());
        assertTrue(cart.findElement(By.cssSelector(".parley-cart-item")).getText().startsWith("1 × "));
        String state = (String) Db.rows("select state from conversation where id = ?", conversationId()).get(0).get(0);
        String cartId = Json.createReader(new java.io.StringReader(state)).readObject().getString("cartId");
        assertEquals(1L, Db.number("select quantity from cart_line where cart_id = ? and sku = ?", cartId, sku));
        JsonObject api = json(http.get("api/v1/carts/" + cartId));
        assertEquals(sku, api.getJsonArray("items").getJsonObject(0).getString("sku"));
        String total = browser.findElement(By.cssSelector(".parley-cart-total")).getText();
        assertTrue(total.replace(",", "").contains(api.getJsonObject("total").getString("amount").replace(".00", "")),
                total + " vs " + api);
        Browser.screenshot(browser, "storefront-cart");

        String conversation = conversationId();
        browser.navigate().refresh();
        wait.until(ExpectedConditions.textToBe(By.id("cart-count"), "1"));
        browser.findElement(By.cssSelector(".parley-bubble")).click();
        assertEquals(conversation, conversationId());
        assertTrue(browser.findElements(By.cssSelector(".parley-log .parley-customer")).stream()
                .anyMatch(e -> e.getText().equals("show me hoodies")));
    }

    @Test
    void theWidgetsCheckoutFormPaysAfterADeclinedCard() {
        openShopAndChat();
        String sku = addTheFirstHoodie();

        fillCheckout("4000 0000 0000 0002");
        Browser.screenshot(browser, "storefront-checkout-form");
        browser.findElement(By.cssSelector(".parley-pay")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".parley-log"), "declined"));
        assertTrue(browser.findElement(By.cssSelector(".parley-cart")).isDisplayed(), "the cart is kept");
        assertTrue(browser.findElements(By.cssSelector(".parley-order")).isEmpty());

        fillCheckout("4242 4242 4242 4242");
        browser.findElement(By.cssSelector(".parley-pay")).click();
        WebElement order = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".parley-order")));
        Browser.screenshot(browser, "storefront-order");
        String heading = order.findElement(By.tagName("h3")).getText();
        String number = heading.replaceAll(".*(PRL-[0-9]+).*", "$1");
        assertTrue(heading.contains("paid"), heading);
        assertEquals(List.of(List.of("paid", "lin.mei@example.com")), Db.rows("select status, email from shop_order "
                + "where order_number = ?", number));
        assertEquals(sku, Db.rows("select l.sku from shop_order_line l join shop_order o on o.id = l.order_id "
                + "where o.order_number = ?", number).get(0).get(0));
        assertTrue(order.getText().contains("1 × "), order.getText());
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".parley-cart")));
    }

    private void fillCheckout(String card) {
        browser.findElement(By.cssSelector(".parley-open-checkout")).click();
        WebElement form = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".parley-checkout")));
        wait.until(d -> !form.findElements(By.cssSelector("select[name=shippingMethod] option")).isEmpty());
        for (WebElement option : form.findElements(By.cssSelector("select[name=shippingMethod] option"))) {
            // Each method with its fee (from the shipping rules) and delivery days.
            assertTrue(option.getText().matches(".+ — NT\\$[0-9,]+ · [0-9]+(–[0-9]+)? days"), option.getText());
        }
        java.util.Map<String, String> values = java.util.Map.of("email", "lin.mei@example.com", "name", "Lin Mei",
                "line1", "No. 7, Sec. 1, Zhongxiao E. Rd.", "city", "Taipei", "postalCode", "100", "card", card);
        values.forEach((name, value) -> {
            WebElement field = form.findElement(By.name(name));
            field.clear();
            field.sendKeys(value);
        });
    }

    @Test
    void aCheckoutByConversationInTheWidget() {
        openShopAndChat();
        addTheFirstHoodie();

        for (String answer : List.of("checkout", "chat.buyer@example.com", "Lin Mei", "No. 7, Sec. 1, Zhongxiao E. Rd.",
                "Taipei", "100", "Taiwan")) {
            int bots = browser.findElements(By.cssSelector(".parley-log .parley-bot")).size();
            type(answer);
            wait.until(ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector(".parley-log .parley-bot"), bots));
        }
        quickReply("Skip");
        WebElement express = wait.until(d -> d.findElements(By.cssSelector(".parley-quick button")).stream()
                .filter(b -> b.getText().startsWith("Express")).findFirst().orElse(null));
        assertTrue(express.getText().matches("Express.* NT\\$[0-9,]+ .*"), express.getText());
        express.click();
        quickReply("Place order");
        Browser.screenshot(browser, "storefront-chat-checkout-summary");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".parley-log"), "card number"));
        type("4242 4242 4242 4242");
        WebElement order = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".parley-order")));
        Browser.screenshot(browser, "storefront-chat-checkout-order");
        String number = order.findElement(By.tagName("h3")).getText().replaceAll(".*(PRL-[0-9]+).*", "$1");
        assertEquals(List.of(List.of("paid", "express", "chat.buyer@example.com")), Db.rows("select status, "
                + "shipping_method, email from shop_order where order_number = ?", number));
        assertEquals(0, Db.number("select count(*) from conversation_message where conversation_id = ? and role = "
                + "'customer' and text like '%4242 4242%'", conversationId()), "the card number is not in the transcript");
    }

    private void quickReply(String title) {
        WebElement button = wait.until(d -> d.findElements(By.cssSelector(".parley-quick button")).stream()
                .filter(b -> b.getText().equals(title)).findFirst().orElse(null));
        button.click();
    }

    @Test
    void signingInKeepsTheCartAndItsLinkRestoresItInAnotherBrowser() {
        openShopAndChat();
        String sku = addTheFirstHoodie();

        String email = "browser-" + java.util.UUID.randomUUID() + "@example.com";
        browser.findElement(By.id("sign-in-button")).click();
        browser.findElement(By.id("sign-in-email")).sendKeys(email);
        browser.findElement(By.id("sign-in-name")).sendKeys("Mei");
        browser.findElement(By.cssSelector("#sign-in-form button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".parley-log"), "Welcome back, Mei"));
        wait.until(ExpectedConditions.textToBe(By.id("signed-in-name"), "Hi, Mei"));
        assertEquals("1", browser.findElement(By.id("cart-count")).getText(), "the cart came along");
        Browser.screenshot(browser, "storefront-signed-in");
        assertEquals(1, Db.number("select count(*) from conversation where id = ? and customer_id = ?", conversationId(),
                "demo:" + email));
        String cartId = (String) Db.rows("select id from cart where customer_id = ? and status = 'open'", "demo:" + email)
                .get(0).get(0);

        var issued = http.send(http.request("api/v1/carts/" + cartId + "/link").POST(BodyPublishers.noBody()));
        assertEquals(201, issued.statusCode(), issued.body());
        String path = json(issued).getString("path");
        ChromeDriver other = Browser.start();
        try {
            other.get(base.toString().replaceAll("/$", "") + path);
            WebDriverWait otherWait = new WebDriverWait(other, Duration.ofSeconds(30));
            otherWait.until(ExpectedConditions.textToBe(By.id("cart-count"), "1"));
            otherWait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".parley-log"),
                    "your saved cart"));
            assertTrue(other.findElement(By.cssSelector(".parley-cart .parley-cart-item")).getText().startsWith("1 × "));
            assertFalse(other.getCurrentUrl().contains("cart="), "the token leaves the address bar: " + other.getCurrentUrl());
            Browser.screenshot(other, "storefront-cart-link");
        } finally {
            other.quit();
        }
        assertEquals(sku, Db.rows("select sku from cart_line where cart_id = ?", cartId).get(0).get(0),
                "the customer's own cart is untouched");

        browser.findElement(By.id("sign-out-button")).click();
        wait.until(ExpectedConditions.textToBe(By.id("cart-count"), "0"));
        assertTrue(browser.findElement(By.id("sign-in-button")).isDisplayed());
    }

    @Test
    void shopperMarkupIsShownAsTextInTheWidgetAndTheTranscript() {
        openShopAndChat();
        String hostile = "<script>window.__pwned=1</script><img src=x onerror=\"window.__pwned=2\"> hi";
        type(hostile);
        wait.until(ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector(".parley-log .parley-bot"), 1));
        List<WebElement> mine = browser.findElements(By.cssSelector(".parley-log .parley-customer"));
        assertEquals(hostile, mine.get(mine.size() - 1).getText());
        assertNull(browser.executeScript("return window.__pwned;"));
        assertTrue(browser.findElements(By.cssSelector(".parley-log img, .parley-log script")).isEmpty());

        JsonObject transcript = json(http.get("api/v1/conversations/" + conversationId()));
        assertTrue(transcript.getJsonArray("messages").getValuesAs(JsonObject.class).stream()
                .anyMatch(m -> m.getString("role").equals("customer") && hostile.equals(m.getString("text", null))));
    }

    @Test
    void anAgentsMessageReachesTheOpenWidgetOnThePushChannel() {
        openShopAndChat();
        type("hello");
        wait.until(ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector(".parley-log .parley-bot"), 1));
        String text = "Hi, this is Mei from the shop <b>team</b>.";
        var r = http.asAdmin(http.request("api/v1/admin/conversations/" + conversationId() + "/messages")
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString(Json.createObjectBuilder().add("text", text).build().toString())));
        assertEquals(204, r.statusCode(), r.body());
        WebElement agent = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".parley-log .parley-agent")));
        assertTrue(agent.getText().endsWith(text), agent.getText());
        assertTrue(browser.findElements(By.cssSelector(".parley-log b")).isEmpty());

        var anonymous = http.send(http.request("api/v1/admin/conversations/" + conversationId() + "/messages")
                .header("Content-Type", "application/json").POST(BodyPublishers.ofString("{\"text\": \"x\"}")));
        assertEquals(401, anonymous.statusCode());
    }

    @Test
    void atPhoneWidthTheWidgetWorksByKeyboardAlone() {
        browser.manage().window().setSize(new Dimension(390, 844));
        browser.get(base.toString());
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#grid .tile")));
        WebElement bubble = browser.findElement(By.cssSelector(".parley-bubble"));
        assertEquals("false", bubble.getAttribute("aria-expanded"));
        bubble.sendKeys(Keys.ENTER);
        wait.until(ExpectedConditions.attributeToBe(bubble, "aria-expanded", "true"));
        assertEquals("parley-input", browser.switchTo().activeElement().getAttribute("id"));
        WebElement panel = browser.findElement(By.id("parley-panel"));
        assertEquals("dialog", panel.getAttribute("role"));
        assertTrue(panel.getRect().getWidth() <= 390, "panel is " + panel.getRect().getWidth() + " wide");
        assertEquals("log", browser.findElement(By.cssSelector(".parley-log")).getAttribute("role"));

        browser.switchTo().activeElement().sendKeys("any deals?", Keys.ENTER);
        wait.until(ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector(".parley-log .parley-bot"), 1));
        Browser.screenshot(browser, "storefront-phone");
        browser.switchTo().activeElement().sendKeys(Keys.ESCAPE);
        wait.until(ExpectedConditions.attributeToBe(bubble, "aria-expanded", "false"));
        assertFalse(panel.isDisplayed());
        assertEquals(bubble, browser.switchTo().activeElement());
    }
}
