package dev.parley.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.testing.AdminLoginPage;
import dev.parley.testing.BlackBoxIT;
import dev.parley.testing.Browser;
import dev.parley.testing.Http;
import dev.parley.testing.ParleyServer;
import java.net.URL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.chrome.ChromeDriver;

/** The admin shell in real headless Chromium: sign-in is required, a wrong password fails, sign-out works. */
@BlackBoxIT
class AdminLoginIT {

    @ParleyServer.Base
    URL base;

    ChromeDriver browser;
    String testName;

    @BeforeEach
    void open(TestInfo test) {
        testName = test.getTestMethod().map(m -> m.getName()).orElse("admin");
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
    void adminPagesRequireSignInAndAWrongPasswordIsRefused() {
        browser.get(base + "admin/");
        AdminLoginPage login = new AdminLoginPage(browser);
        assertTrue(browser.getCurrentUrl().contains("/admin/login.xhtml"), browser.getCurrentUrl());

        login.signIn("admin", "definitely-wrong");
        assertTrue(login.errorMessage().contains("wrong password"));
        assertTrue(browser.getCurrentUrl().contains("/admin/login.xhtml"));
    }

    @Test
    void adminSignsInSeesRealSystemFactsAndSignsOut() {
        browser.get(base + "admin/");
        new AdminLoginPage(browser).signIn("admin", "it-admin-secret");

        AdminShellPage shell = new AdminShellPage(browser);
        assertEquals("admin", shell.signedInAs());
        String facts = shell.facts();
        assertTrue(facts.contains("MariaDB"), facts);
        assertTrue(facts.contains("Schema version"), facts);
        assertTrue(facts.contains("Parley Demo Outfitters"), "demo store seeded: " + facts);
        shot("admin-dashboard");

        // CSRF: a script on the signed-in page (as a forged cross-site request would) cannot use the
        // session for the API. The 401 makes Chromium wait on a Basic prompt, so the script gives up
        // after a few seconds and the server's state is checked instead.
        browser.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const abort = new AbortController();
                setTimeout(() => abort.abort(), 3000);
                fetch('/api/v1/admin/staff', {method: 'POST', credentials: 'include', signal: abort.signal,
                    headers: {'Content-Type': 'application/json'},
                    body: JSON.stringify({username: 'csrf-victim', password: 'long-enough-1', roles: ['admin']})})
                  .then(r => done(r.status), e => done('aborted'));
                """);
        Http http = new Http(base);
        assertEquals(404, http.send(http.request("api/v1/admin/staff/csrf-victim")
                .header("Authorization", Http.admin()).GET()).statusCode(), "no account was created");

        shell.signOut();
        new AdminLoginPage(browser);
        browser.get(base + "admin/index.xhtml");
        new AdminLoginPage(browser);
        assertTrue(browser.getCurrentUrl().contains("/admin/login.xhtml"), "signed out for real");
    }

    @Test
    void anAdminAddsAStaffAccountThatCanThenSignIn() {
        String name = "clerk" + System.nanoTime() % 100000;
        browser.get(base + "admin/staff.xhtml");
        new AdminLoginPage(browser).signIn("admin", "it-admin-secret");
        StaffPage staff = new StaffPage(browser);
        staff.add(name, "Clerk " + name, "a-long-password", "agent");
        assertTrue(staff.message().contains("Created " + name), staff.message());
        assertTrue(staff.accountsTable().contains(name));
        shot("admin-staff");

        new AdminShellPage(browser).signOut();
        new AdminLoginPage(browser).signIn(name, "a-long-password");
        AdminShellPage shell = new AdminShellPage(browser);
        assertEquals(name, shell.signedInAs());
        // An agent may use the admin shell but not the admins-only staff page.
        browser.get(base + "admin/staff.xhtml");
        assertTrue(browser.getPageSource().contains("403"), "agent is refused the staff page");
    }

    private void shot(String name) {
        Browser.screenshot(browser, name);
    }
}
