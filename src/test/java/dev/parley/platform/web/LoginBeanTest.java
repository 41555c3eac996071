package dev.parley.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LoginBeanTest {

    @Test
    void onlyLocalAdminPagesAreRedirectTargets() {
        assertEquals("/admin/staff.xhtml", next("/admin/staff.xhtml"));
        assertEquals("/admin/index.xhtml", next("https://evil.example/"));
        assertEquals("/admin/index.xhtml", next("//evil.example/admin/"));
        assertEquals("/admin/index.xhtml", next("/admin/login.xhtml"));
        assertEquals("/admin/index.xhtml", next(null));
    }

    private static String next(String value) {
        LoginBean bean = new LoginBean();
        bean.setNext(value);
        return bean.safeNext();
    }
}
