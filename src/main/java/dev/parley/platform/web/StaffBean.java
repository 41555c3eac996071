package dev.parley.platform.web;

import dev.parley.platform.DomainException;
import dev.parley.platform.security.StaffAccounts;
import dev.parley.platform.security.StaffRole;
import dev.parley.platform.security.StaffUser;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Staff accounts page (admins only): list, add, enable/disable. */
@Named
@ViewScoped
public class StaffBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient StaffAccounts accounts;

    private transient List<StaffUser> users;
    private String username;
    private String displayName;
    private String password;
    private List<String> roles = new ArrayList<>();

    public List<StaffUser> getUsers() {
        if (users == null) {
            users = accounts.list();
        }
        return users;
    }

    public List<String> getAllRoles() {
        return EnumSet.allOf(StaffRole.class).stream().map(StaffRole::roleName).toList();
    }

    /** Adds the account described by the form. */
    public void create() {
        try {
            Set<StaffRole> chosen = EnumSet.noneOf(StaffRole.class);
            roles.forEach(r -> StaffRole.parse(r).ifPresent(chosen::add));
            StaffUser user = accounts.create(username, displayName, password, chosen);
            info("Created " + user.username() + ".");
            username = null;
            displayName = null;
            roles = new ArrayList<>();
            users = null;
        } catch (DomainException e) {
            error(e.getMessage());
        } finally {
            password = null;
        }
    }

    /** Enables a disabled account or disables an enabled one. */
    public void toggle(String name, boolean enable) {
        try {
            accounts.setEnabled(name, enable);
            info((enable ? "Enabled " : "Disabled ") + name + ".");
            users = null;
        } catch (DomainException e) {
            error(e.getMessage());
        }
    }

    private static void info(String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text, null));
    }

    private static void error(String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public List<String> getRoles() {
        return roles;
    }

    public void setRoles(List<String> roles) {
        this.roles = roles;
    }
}
