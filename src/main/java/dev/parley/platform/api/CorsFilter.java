package dev.parley.platform.api;

import dev.parley.platform.ParleySettings;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.Set;

/**
 * Cross-origin access for the chat widget embedded in a shop's own pages: the shopper API (everything under
 * {@code /api/v1/} except {@code admin}) answers browsers from the origins in {@code PARLEY_WIDGET_ORIGINS}
 * and their preflight requests. Staff APIs never get CORS headers.
 */
@Provider
@PreMatching
public class CorsFilter implements ContainerRequestFilter, ContainerResponseFilter {

    @Inject
    ParleySettings settings;

    @Override
    public void filter(ContainerRequestContext request) {
        String origin = request.getHeaderString("Origin");
        if ("OPTIONS".equals(request.getMethod()) && origin != null && shopperApi(request)
                && request.getHeaderString("Access-Control-Request-Method") != null) {
            Response.ResponseBuilder preflight = Response.noContent();
            if (allowed(origin)) {
                preflight.header("Access-Control-Allow-Origin", allowAll() ? "*" : origin)
                        .header("Access-Control-Allow-Methods", "GET, POST")
                        .header("Access-Control-Allow-Headers", "Content-Type, Accept-Language, Last-Event-ID")
                        .header("Access-Control-Max-Age", "600");
            }
            request.abortWith(preflight.header("Vary", "Origin").build());
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        String origin = request.getHeaderString("Origin");
        if (origin == null || !shopperApi(request)) {
            return;
        }
        MultivaluedMap<String, Object> headers = response.getHeaders();
        headers.add("Vary", "Origin");
        if (allowed(origin) && !headers.containsKey("Access-Control-Allow-Origin")) {
            headers.putSingle("Access-Control-Allow-Origin", allowAll() ? "*" : origin);
            headers.putSingle("Access-Control-Expose-Headers", "Location, X-Request-Id");
        }
    }

    private static boolean shopperApi(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        String p = path.startsWith("/") ? path.substring(1) : path;
        return p.startsWith("v1/") && !p.startsWith("v1/admin");
    }

    private boolean allowAll() {
        return settings.widgetOrigins().contains("*");
    }

    private boolean allowed(String origin) {
        Set<String> origins = settings.widgetOrigins();
        return origins.contains("*") || origins.contains(origin);
    }
}
