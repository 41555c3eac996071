package dev.parley.platform.web;

import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Page object of the signed-in admin shell (dashboard). */
final class AdminShellPage {

    private final WebDriver driver;

    AdminShellPage(WebDriver driver) {
        this.driver = driver;
        new WebDriverWait(driver, Duration.ofSeconds(30))
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("signed-in-as")));
    }

    String signedInAs() {
        return driver.findElement(By.id("signed-in-as")).getText();
    }

    String facts() {
        return driver.findElement(By.id("facts")).getText();
    }

    void signOut() {
        driver.findElement(By.id("session:logout")).click();
    }
}
