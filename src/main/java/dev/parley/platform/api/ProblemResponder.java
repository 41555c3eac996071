package dev.parley.platform.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Response;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/**
 * Builds the problem response for a failure, logs server faults with their request id and counts
 * problems by status. The caller only ever sees the request id, never a stack trace.
 */
@ApplicationScoped
public class ProblemResponder {

    private static final Logger LOG = Logger.getLogger(ProblemResponder.class.getName());

    @Inject
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    MetricRegistry metrics;

    /** The {@code application/problem+json} response for {@code failure} during {@code request}. */
    public Response respond(Throwable failure, HttpServletRequest request) {
        String requestId = RequestIds.of(request);
        Object exceeded = request.getAttribute(BodySizeLimitFilter.EXCEEDED);
        Problem problem = exceeded instanceof Long limit
                ? Problems.tooLarge(limit, request.getRequestURI(), requestId)
                : Problems.from(failure, request.getRequestURI(), requestId);
        if (problem.status() >= 500) {
            LOG.log(Level.SEVERE, "Request " + requestId + " failed: " + request.getMethod() + " "
                    + request.getRequestURI(), failure);
        } else {
            LOG.log(Level.FINE, () -> "Request " + requestId + " rejected with " + problem.status() + ": "
                    + problem.detail());
        }
        count(problem.status());
        return Response.status(problem.status())
                .type(Problem.MEDIA_TYPE)
                .entity(problem.toJson())
                .build();
    }

    /** Counts one problem response with this status. */
    public void count(int status) {
        metrics.counter("parley.http.problems", new Tag("status", Integer.toString(status))).inc();
    }
}
