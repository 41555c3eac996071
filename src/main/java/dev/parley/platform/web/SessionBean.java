package dev.parley.platform.web;

import dev.parley.platform.security.StaffRole;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.security.Principal;
import java.util.Arrays;
import java.util.stream.Collectors;

/** Who is signed in, what they may see in the menu, and signing out. */
@Named("staffSession")
@RequestScoped
public class SessionBean {

    @Inject
    SecurityContext security;

    @Inject
    FacesContext faces;

    public String getUsername() {
        Principal p = security.getCallerPrincipal();
        return p == null ? "" : p.getName();
    }

    public String getRoles() {
        return Arrays.stream(StaffRole.values()).filter(r -> security.isCallerInRole(r.roleName()))
                .map(StaffRole::roleName).collect(Collectors.joining(", "));
    }

    public boolean isAdmin() {
        return security.isCallerInRole(StaffRole.ADMIN.roleName());
    }

    /** Whether the catalog pages are open to this user (admins and merchandisers). */
    public boolean isCatalogStaff() {
        return isAdmin() || security.isCallerInRole(StaffRole.MERCHANDISER.roleName());
    }

    /** Whether the rules page is open to this user (admins and merchandisers). */
    public boolean isRulesStaff() {
        return isCatalogStaff();
    }

    /** Whether the orders page is open to this user (admins and agents). */
    public boolean isOrderStaff() {
        return isAdmin() || security.isCallerInRole(StaffRole.AGENT.roleName());
    }

    /** Whether the intent model pages are open to this user (admins and analysts; only admins train). */
    public boolean isNluStaff() {
        return isAdmin() || security.isCallerInRole(StaffRole.ANALYST.roleName());
    }

    /** Signs out (a POST with the view state, so another site cannot sign a user out). */
    public void logout() throws IOException, ServletException {
        ExternalContext external = faces.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        request.logout();
        external.invalidateSession();
        external.redirect(external.getRequestContextPath() + "/admin/login.xhtml?signedOut=true");
    }
}
