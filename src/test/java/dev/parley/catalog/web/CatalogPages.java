package dev.parley.catalog.web;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Page objects of the admin catalog pages. */
final class CatalogPages {

    private CatalogPages() {
    }

    private static WebDriverWait waiting(WebDriver driver, int seconds) {
        return new WebDriverWait(driver, Duration.ofSeconds(seconds));
    }

    /** {@code /admin/catalog/products.xhtml}. */
    static final class ListPage {
        private final WebDriver driver;

        ListPage(WebDriver driver) {
            this.driver = driver;
            waiting(driver, 30).until(ExpectedConditions.visibilityOfElementLocated(By.id("catalog:products")));
        }

        /** The "1–25 of N products" report. */
        String pageReport() {
            return driver.findElement(By.cssSelector("#catalog\\:products .ui-paginator-current")).getText();
        }

        void search(String text) {
            WebElement field = driver.findElement(By.id("catalog:text"));
            field.clear();
            field.sendKeys(text);
            submit();
        }

        void chooseStock(String label) {
            choose("catalog:stock", label);
        }

        void clearText() {
            driver.findElement(By.id("catalog:text")).clear();
        }

        void submit() {
            String before = driver.findElement(By.id("catalog:products")).getText();
            driver.findElement(By.id("catalog:search")).click();
            waiting(driver, 30).until(d -> !d.findElement(By.id("catalog:products")).getText().equals(before));
        }

        /**
         * Picks the option with {@code label} in a PrimeFaces select menu through its widget (clicking the
         * overlay item proved unreliable in headless Chromium), then waits until the menu shows it.
         */
        private void choose(String menuId, String label) {
            ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("""
                    var w = PrimeFaces.widgets[arguments[0]], options = w.input[0].options;
                    for (var i = 0; i < options.length; i++) {
                        if (options[i].text === arguments[1]) { w.selectValue(options[i].value); return; }
                    }
                    throw new Error('no option ' + arguments[1]);""", "widget_" + menuId.replace(':', '_'), label);
            waiting(driver, 10).until(ExpectedConditions.textToBe(By.id(menuId + "_label"), label));
        }

        List<WebElement> rows() {
            return driver.findElements(By.cssSelector("#catalog\\:products_data tr[data-ri]"));
        }

        ProductPage open(int row) {
            rows().get(row).findElement(By.cssSelector("a.product-link")).click();
            return new ProductPage(driver);
        }
    }

    /** {@code /admin/catalog/product.xhtml}. */
    static final class ProductPage {
        private final WebDriver driver;

        ProductPage(WebDriver driver) {
            this.driver = driver;
            waiting(driver, 30).until(ExpectedConditions.visibilityOfElementLocated(By.id("product-title")));
        }

        String title() {
            return driver.findElement(By.id("product-title")).getText();
        }

        List<String> skus() {
            return driver.findElements(By.cssSelector("#product\\:variants span.sku")).stream()
                    .map(WebElement::getText).toList();
        }

        List<String> available() {
            return driver.findElements(By.cssSelector("#product\\:variants span.available")).stream()
                    .map(WebElement::getText).toList();
        }

        void setOnHand(int row, int units) {
            WebElement input = driver.findElement(By.id("product:variants:" + row + ":onHand_input"));
            input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
            input.sendKeys(Integer.toString(units));
        }

        String save() {
            driver.findElement(By.id("product:saveStock")).click();
            return waiting(driver, 30).until(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector("#product\\:messages .ui-messages-info, #product\\:messages .ui-messages-error")))
                    .getText();
        }
    }

    /** {@code /admin/catalog/import.xhtml}. */
    static final class ImportPage {
        private final WebDriver driver;

        ImportPage(WebDriver driver) {
            this.driver = driver;
            waiting(driver, 30).until(ExpectedConditions.presenceOfElementLocated(By.id("import:file_input")));
        }

        void chooseFormat(String label) {
            driver.findElement(By.xpath("//label[normalize-space(.)='" + label + "']")).click();
        }

        /** Uploads the file and waits until its job (not an earlier one) has ended; returns its status. */
        String upload(Path file) {
            List<WebElement> shown = driver.findElements(By.id("status"));
            String previous = shown.isEmpty() ? "" : shown.get(0).getAttribute("data-job");
            driver.findElement(By.id("import:file_input")).sendKeys(file.toAbsolutePath().toString());
            return waiting(driver, 120).ignoring(StaleElementReferenceException.class).until(d -> {
                List<WebElement> status = d.findElements(By.id("status"));
                if (status.isEmpty() || status.get(0).getAttribute("data-job").equals(previous)) {
                    return null;
                }
                String s = status.get(0).getAttribute("data-status");
                return List.of("done", "failed", "interrupted").contains(s) ? s : null;
            });
        }

        String progressLabel() {
            return driver.findElement(By.id("import:progress")).getText();
        }

        String summary() {
            return driver.findElement(By.id("status")).getText();
        }

        List<Integer> errorLines() {
            return driver.findElements(By.cssSelector("#import\\:errors span.line")).stream()
                    .map(e -> Integer.valueOf(e.getText().strip())).toList();
        }
    }
}
