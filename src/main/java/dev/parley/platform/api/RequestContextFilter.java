package dev.parley.platform.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * First filter of every request: assigns the request id, echoes it in {@code X-Request-Id}, sets the
 * security headers and writes one structured access-log record for API calls ({@code dev.parley.access}).
 * The record's parameter map becomes JSON fields under the JSON log format.
 */
public class RequestContextFilter extends HttpFilter {

    private static final Logger ACCESS = Logger.getLogger("dev.parley.access");

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        long started = System.nanoTime();
        String requestId = RequestIds.of(request);
        response.setHeader(RequestIds.HEADER, requestId);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "same-origin");
        // Payara itself adds X-Frame-Options: SAMEORIGIN to every response.
        if (request.getRequestURI().startsWith(request.getContextPath() + "/admin")) {
            response.setHeader("Cache-Control", "no-store");
        }
        try {
            chain.doFilter(request, response);
        } finally {
            if (ACCESS.isLoggable(Level.INFO) && request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
                long millis = (System.nanoTime() - started) / 1_000_000;
                LogRecord record = new LogRecord(Level.INFO, "{0} {1} {2} {3}ms requestId={4}");
                record.setLoggerName(ACCESS.getName());
                record.setParameters(new Object[] {request.getMethod(), request.getRequestURI(), response.getStatus(),
                    // as a string: MessageFormat would group a number's digits ("1,013ms")
                    Long.toString(millis), requestId, Map.of("requestId", requestId, "method", request.getMethod(),
                        "path", request.getRequestURI(), "status", response.getStatus(), "durationMs", millis)});
                ACCESS.log(record);
            }
        }
    }
}
