package dev.parley.platform.api;

import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The request id of an HTTP request: the caller's {@code X-Request-Id} when it is a sane token,
 * otherwise a fresh one. Kept as a request attribute so every layer logs the same id.
 */
public final class RequestIds {

    /** Header carrying the id in both directions. */
    public static final String HEADER = "X-Request-Id";

    static final String ATTRIBUTE = RequestIds.class.getName();
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private RequestIds() {
    }

    /** The id of this request, assigned on first use. */
    public static String of(HttpServletRequest request) {
        Object existing = request.getAttribute(ATTRIBUTE);
        if (existing instanceof String id) {
            return id;
        }
        String id = accept(request.getHeader(HEADER));
        request.setAttribute(ATTRIBUTE, id);
        return id;
    }

    /** The caller's id if it is a safe token, else a new random id. */
    static String accept(String candidate) {
        if (candidate != null && SAFE.matcher(candidate).matches()) {
            return candidate;
        }
        return UUID.randomUUID().toString();
    }
}
