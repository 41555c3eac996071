package dev.parley.platform.security;

import dev.parley.platform.api.Problem;
import dev.parley.platform.api.RequestIds;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * How staff sign in. Admin pages use a form (the login page calls {@code SecurityContext.authenticate})
 * and a session that holds only the username; each request re-reads the account, so a disabled account
 * or a changed role takes effect at once. Admin APIs take HTTP Basic on every request and ignore the
 * session, so a browser's cookie can never be replayed against them by another site (CSRF).
 * Every attempt passes the cluster-wide {@link LoginThrottle}.
 */
@ApplicationScoped
public class ParleyAuthenticationMechanism implements HttpAuthenticationMechanism {

    /** Session attribute holding the signed-in username. */
    public static final String SESSION_USER = "dev.parley.staff.username";
    /** Request attribute set when a sign-in was refused by the throttle: minutes to wait. */
    public static final String THROTTLED = "dev.parley.staff.throttledMinutes";
    /** The sign-in page. */
    public static final String LOGIN_PAGE = "/admin/login.xhtml";

    private static final String REALM = "Basic realm=\"Parley admin\", charset=\"UTF-8\"";

    @Inject
    IdentityStoreHandler identities;

    @Inject
    LoginThrottle throttle;

    @Inject
    StaffAccounts accounts;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean api = path.startsWith("/api/");

        Credential given = context.getAuthParameters().getCredential();
        if (context.isAuthenticationRequest() && given instanceof UsernamePasswordCredential form) {
            return signIn(form, request, response, context, false);
        }
        String authorization = request.getHeader("Authorization");
        if (api && authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            Optional<UsernamePasswordCredential> basic = decodeBasic(authorization.substring(6).strip());
            if (basic.isEmpty()) {
                return problem(response, request, context, 401, "malformed-credentials", "Unauthorized",
                        "The Authorization header is not valid HTTP Basic.", null);
            }
            return signIn(basic.get(), request, response, context, true);
        }
        if (!api && (context.isProtected() || path.startsWith("/admin"))) {
            Optional<StaffUser> user = sessionUser(request);
            if (user.isPresent()) {
                return context.notifyContainerAboutLogin(user.get().username(), user.get().roleNames());
            }
        }
        if (!context.isProtected()) {
            return context.doNothing();
        }
        if (api) {
            return problem(response, request, context, 401, "authentication-required", "Unauthorized",
                    "Sign in with HTTP Basic as a staff account with the required role.", null);
        }
        String next = path + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        return context.redirect(request.getContextPath() + LOGIN_PAGE + "?next="
                + URLEncoder.encode(next, StandardCharsets.UTF_8));
    }

    private AuthenticationStatus signIn(UsernamePasswordCredential credential, HttpServletRequest request,
            HttpServletResponse response, HttpMessageContext context, boolean api) {
        String remote = request.getRemoteAddr();
        Optional<Duration> blocked = throttle.blockedFor(credential.getCaller(), remote);
        if (blocked.isPresent()) {
            long minutes = Math.max(1, (blocked.get().toSeconds() + 59) / 60);
            if (api) {
                return problem(response, request, context, 429, "too-many-sign-in-attempts", "Too many requests",
                        "Too many failed sign-ins. Try again in " + minutes + " minute(s).",
                        Long.toString(Math.max(1, blocked.get().toSeconds())));
            }
            request.setAttribute(THROTTLED, minutes);
            return AuthenticationStatus.SEND_FAILURE;
        }
        CredentialValidationResult result = identities.validate(credential);
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            throttle.recordFailure(credential.getCaller(), remote);
            if (api) {
                return problem(response, request, context, 401, "invalid-credentials", "Unauthorized",
                        "Unknown user or wrong password.", null);
            }
            return AuthenticationStatus.SEND_FAILURE;
        }
        throttle.recordSuccess(credential.getCaller());
        if (!api) {
            HttpSession existing = request.getSession(false);
            if (existing != null) {
                request.changeSessionId();
            }
            request.getSession(true).setAttribute(SESSION_USER, result.getCallerPrincipal().getName());
        }
        return context.notifyContainerAboutLogin(result);
    }

    private Optional<StaffUser> sessionUser(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null || !(session.getAttribute(SESSION_USER) instanceof String username)) {
            return Optional.empty();
        }
        Optional<StaffUser> user = accounts.find(username).filter(StaffUser::enabled);
        if (user.isEmpty()) {
            session.invalidate();
        }
        return user;
    }

    static Optional<UsernamePasswordCredential> decodeBasic(String encoded) {
        try {
            String decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            if (colon <= 0) {
                return Optional.empty();
            }
            return Optional.of(new UsernamePasswordCredential(decoded.substring(0, colon),
                    decoded.substring(colon + 1)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static AuthenticationStatus problem(HttpServletResponse response, HttpServletRequest request,
            HttpMessageContext context, int status, String slug, String title, String detail, String retryAfter) {
        Problem problem = new Problem(Problem.typeOf(slug), title, status, detail, request.getRequestURI(),
                RequestIds.of(request), List.of());
        try {
            response.setStatus(status);
            response.setHeader(RequestIds.HEADER, problem.requestId());
            if (status == 401) {
                response.setHeader("WWW-Authenticate", REALM);
            }
            if (retryAfter != null) {
                response.setHeader("Retry-After", retryAfter);
            }
            response.setContentType(Problem.MEDIA_TYPE);
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write(problem.toJson());
            response.flushBuffer();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return AuthenticationStatus.SEND_FAILURE;
    }
}
