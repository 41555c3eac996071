package dev.parley.platform.web;

import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Page object of {@code /admin/staff.xhtml}. */
final class StaffPage {

    private final WebDriver driver;

    StaffPage(WebDriver driver) {
        this.driver = driver;
        new WebDriverWait(driver, Duration.ofSeconds(30))
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("staff:accounts")));
    }

    void add(String username, String name, String password, String role) {
        driver.findElement(By.id("staff:username")).sendKeys(username);
        driver.findElement(By.id("staff:displayName")).sendKeys(name);
        driver.findElement(By.id("staff:password")).sendKeys(password);
        for (WebElement label : driver.findElements(By.cssSelector("#staff\\:roles label"))) {
            if (label.getText().equals(role)) {
                label.click();
            }
        }
        driver.findElement(By.id("staff:create")).click();
    }

    String message() {
        return new WebDriverWait(driver, Duration.ofSeconds(30))
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#staff\\:messages .ui-messages-info")))
                .getText();
    }

    String accountsTable() {
        return driver.findElement(By.id("staff:accounts")).getText();
    }
}
