package dev.parley.platform.api;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * The one exception mapper: every failure inside a JAX-RS resource leaves as an RFC 9457
 * {@code application/problem+json} response (see {@link Problems} for the mapping).
 */
@Provider
public class ProblemExceptionMapper implements ExceptionMapper<Throwable> {

    @Context
    HttpServletRequest request;

    @Inject
    ProblemResponder responder;

    @Override
    public Response toResponse(Throwable failure) {
        return responder.respond(failure, request);
    }
}
