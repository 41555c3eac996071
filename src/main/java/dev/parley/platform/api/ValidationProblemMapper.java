package dev.parley.platform.api;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Bean Validation failures, answered like every other failure. Needed only because the JAX-RS runtime
 * ships its own, more specific mapper for validation exceptions that would otherwise win.
 */
@Provider
public class ValidationProblemMapper implements ExceptionMapper<ConstraintViolationException> {

    @Context
    HttpServletRequest request;

    @Inject
    ProblemResponder responder;

    @Override
    public Response toResponse(ConstraintViolationException failure) {
        return responder.respond(failure, request);
    }
}
