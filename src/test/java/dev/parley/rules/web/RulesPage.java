package dev.parley.rules.web;

import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Page object of {@code /admin/rules/index.xhtml}. */
final class RulesPage {

    private final ChromeDriver driver;
    private final WebDriverWait wait;

    RulesPage(ChromeDriver driver) {
        this.driver = driver;
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("rules:tabs")));
    }

    String liveVersion() {
        return driver.findElement(By.id("live-version")).getText();
    }

    /** Opens a draft file in the editor and waits for CodeMirror. */
    void open(String file) {
        driver.findElements(By.cssSelector("a.rule-file")).stream().filter(a -> a.getText().equals(file)).findFirst()
                .orElseThrow().click();
        wait.until(d -> d.findElement(By.id("editing")).getText().equals(file));
        Object loaded = ((JavascriptExecutor) driver).executeScript(
                "return typeof CodeMirror + '/' + typeof parleyRules + '/' + typeof jQuery;");
        if (!"function/object/function".equals(loaded)) {
            throw new AssertionError("editor scripts not loaded: " + loaded);
        }
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".parley-rules-source .CodeMirror")));
    }

    /** The editor's text (through CodeMirror's API, as the shopper of the page would see it). */
    String source() {
        return (String) ((JavascriptExecutor) driver).executeScript(
                "return document.querySelector('.parley-rules-source .CodeMirror').CodeMirror.getValue();");
    }

    /** Replaces the editor's text. */
    void type(String text) {
        ((JavascriptExecutor) driver).executeScript(
                "document.querySelector('.parley-rules-source .CodeMirror').CodeMirror.setValue(arguments[0]);", text);
    }

    /** Highlighted DRL keywords in the visible editor. */
    List<String> keywords() {
        return driver.findElements(By.cssSelector(".CodeMirror .cm-keyword")).stream().map(WebElement::getText).toList();
    }

    void save() {
        updating(() -> driver.findElement(By.id("rules:tabs:save")).click());
    }

    /** Runs an action that re-renders the form and waits until it has (the old messages element goes stale). */
    private void updating(Runnable action) {
        WebElement before = driver.findElement(By.id("rules:messages"));
        action.run();
        wait.until(ExpectedConditions.stalenessOf(before));
    }

    String message() {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#rules\\:messages .ui-messages-info, "
                + "#rules\\:messages .ui-messages-error"))).getText();
    }

    List<String> problems() {
        return driver.findElements(By.cssSelector(".parley-problems .problem")).stream().map(WebElement::getText).toList();
    }

    /** The 1-based numbers of editor lines marked as problems. */
    List<Integer> markedLines() {
        @SuppressWarnings("unchecked")
        List<Long> lines = (List<Long>) ((JavascriptExecutor) driver).executeScript(
                "var cm = document.querySelector('.parley-rules-source .CodeMirror').CodeMirror; var out = [];"
                        + "for (var i = 0; i < cm.lineCount(); i++) { var info = cm.lineInfo(i);"
                        + " if (info.bgClass && info.bgClass.indexOf('parley-problem-line') >= 0) out.push(i + 1); } return out;");
        return lines.stream().map(Long::intValue).toList();
    }

    void tab(String title) {
        driver.findElements(By.cssSelector("#rules\\:tabs .ui-tabs-nav li a")).stream()
                .filter(a -> a.getText().equals(title)).findFirst().orElseThrow().click();
    }

    void simulate(String items) {
        tab("Simulate");
        WebElement area = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("rules:tabs:simItems")));
        area.clear();
        area.sendKeys(items);
        driver.findElement(By.id("rules:tabs:simulate")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("comparison")));
    }

    /** The comparison row whose label starts with {@code label}: [label, draft, live, same|changed]. */
    String[] comparison(String label) {
        for (WebElement row : driver.findElements(By.cssSelector("#comparison tbody tr"))) {
            String th = row.findElement(By.tagName("th")).getText();
            if (th.startsWith(label)) {
                return new String[] {th, row.findElement(By.className("draft")).getText(),
                        row.findElement(By.className("live")).getText(), row.getAttribute("class")};
            }
        }
        throw new AssertionError("no comparison row " + label);
    }

    /** Publishes from the Publish tab, confirming the dialog; returns the message. */
    String publish(String note) {
        tab("Publish");
        WebElement field = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("rules:tabs:note")));
        field.sendKeys(note);
        driver.findElement(By.id("rules:tabs:publish")).click();
        updating(this::confirm);
        return message();
    }

    String pendingDiff() {
        tab("Publish");
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".parley-diff"))).getText();
    }

    /** Makes a version live from the Versions tab. */
    void makeLive(int version) {
        tab("Versions");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("rules:tabs:versions")));
        for (WebElement row : driver.findElements(By.cssSelector("#rules\\:tabs\\:versions_data tr"))) {
            if (row.findElement(By.className("version")).getText().equals(String.valueOf(version))) {
                row.findElement(By.cssSelector(".make-live")).click();
                updating(this::confirm);
                return;
            }
        }
        throw new AssertionError("no version " + version);
    }

    List<String> auditActions() {
        tab("Audit log");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("rules:tabs:audit")));
        return driver.findElements(By.cssSelector("#rules\\:tabs\\:audit_data tr")).stream()
                .map(r -> r.getText()).toList();
    }

    private void confirm() {
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".ui-confirmdialog-yes"))).click();
    }
}
