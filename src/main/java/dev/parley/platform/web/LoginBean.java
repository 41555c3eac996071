package dev.parley.platform.web;

import static jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters.withParams;

import dev.parley.platform.security.ParleyAuthenticationMechanism;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** The sign-in form. */
@Named
@RequestScoped
public class LoginBean {

    @Inject
    SecurityContext security;

    @Inject
    FacesContext faces;

    private String username;
    private String password;
    private String next;

    /** Checks the credentials; on success goes to the page asked for, else shows why not. */
    public void login() throws IOException {
        ExternalContext external = faces.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        AuthenticationStatus status = security.authenticate(request, (HttpServletResponse) external.getResponse(),
                withParams().newAuthentication(true)
                        .credential(new UsernamePasswordCredential(username == null ? "" : username.strip(),
                                password == null ? "" : password)));
        password = null;
        switch (status) {
            case SUCCESS -> external.redirect(external.getRequestContextPath() + safeNext());
            case SEND_CONTINUE -> faces.responseComplete();
            default -> {
                Object minutes = request.getAttribute(ParleyAuthenticationMechanism.THROTTLED);
                String message = minutes != null
                        ? "Too many failed sign-ins. Try again in " + minutes + " minute(s)."
                        : "Unknown user or wrong password.";
                faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, message, null));
            }
        }
    }

    /** Only local admin pages are valid targets, so the form cannot be used as an open redirect. */
    String safeNext() {
        if (next != null && next.startsWith("/admin/") && !next.startsWith("//") && !next.contains("\\")
                && !next.startsWith(ParleyAuthenticationMechanism.LOGIN_PAGE)) {
            return next;
        }
        return "/admin/index.xhtml";
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getNext() {
        return next;
    }

    public void setNext(String next) {
        this.next = next;
    }
}
