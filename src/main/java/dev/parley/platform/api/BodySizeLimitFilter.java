package dev.parley.platform.api;

import dev.parley.platform.ParleySettings;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Caps request bodies of the JSON APIs. A declared {@code Content-Length} over the limit is refused at
 * once with a 413 problem; a body without one (chunked) is counted while it is read and the read fails
 * with {@link BodyTooLargeException} and marks the request, so the exception mapper answers the same 413
 * whatever the JSON reader wrapped the failure in. Either way the
 * endpoint never acts on a partial body.
 */
public class BodySizeLimitFilter extends HttpFilter {

    /** Request attribute set once a body overran its limit; holds the limit. */
    static final String EXCEEDED = BodySizeLimitFilter.class.getName() + ".exceeded";
    /** Refused bodies up to this size are read and dropped before answering (like Tomcat's swallow size). */
    static final long MAX_DISCARD_BYTES = 8L * 1024 * 1024;

    @Inject
    ParleySettings settings;

    @Inject
    ProblemResponder responder;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        long limit = settings.maxBodyBytes(request.getRequestURI().substring(request.getContextPath().length()));
        long declared = request.getContentLengthLong();
        if (declared > limit) {
            discard(request, declared, response);
            Problem problem = Problems.tooLarge(limit, request.getRequestURI(), RequestIds.of(request));
            responder.count(problem.status());
            response.setStatus(problem.status());
            response.setContentType(Problem.MEDIA_TYPE);
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write(problem.toJson());
            return;
        }
        chain.doFilter(new LimitedRequest(request, limit), response);
    }

    /**
     * Reads and drops a refused body of moderate size, so that clients which send the whole body before
     * reading the answer (most HTTP/1.1 clients) receive the 413 instead of a reset connection. Larger
     * bodies are not read; the connection is closed after the answer.
     */
    private static void discard(HttpServletRequest request, long declared, HttpServletResponse response)
            throws IOException {
        if (declared > MAX_DISCARD_BYTES) {
            response.setHeader("Connection", "close");
            return;
        }
        byte[] buffer = new byte[8192];
        try (var in = request.getInputStream()) {
            while (in.read(buffer) >= 0) {
                // dropped
            }
        }
    }

    /** A request whose body stream fails once more than {@code limit} bytes were read. */
    static final class LimitedRequest extends HttpServletRequestWrapper {

        private final long limit;
        private ServletInputStream stream;

        LimitedRequest(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new CountingStream(super.getInputStream(), limit,
                        () -> getRequest().setAttribute(EXCEEDED, limit));
            }
            return stream;
        }
    }

    /** Counts bytes read and refuses to go past the limit. */
    static final class CountingStream extends ServletInputStream {

        private final ServletInputStream in;
        private final long limit;
        private final Runnable onExceeded;
        private long count;

        CountingStream(ServletInputStream in, long limit, Runnable onExceeded) {
            this.in = in;
            this.limit = limit;
            this.onExceeded = onExceeded;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                add(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                add(n);
            }
            return n;
        }

        private void add(int n) throws BodyTooLargeException {
            count += n;
            if (count > limit) {
                onExceeded.run();
                throw new BodyTooLargeException(limit);
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
