package dev.parley.platform.api;

import dev.parley.platform.DomainException;
import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonParsingException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import java.util.Comparator;
import java.util.List;

/**
 * Turns any failure into a {@link Problem}: the one place that decides statuses and wording of error
 * responses, used by the exception mapper and by the servlet filters that answer before JAX-RS.
 */
public final class Problems {

    private Problems() {
    }

    /** The problem for a failure while handling a request. Unknown failures become a bare 500. */
    public static Problem from(Throwable failure, String instance, String requestId) {
        BodyTooLargeException tooLarge = find(failure, BodyTooLargeException.class);
        if (tooLarge != null) {
            return tooLarge(tooLarge.limit(), instance, requestId);
        }
        if (failure instanceof DomainException domain) {
            return fromDomain(domain, instance, requestId);
        }
        if (failure instanceof ConstraintViolationException violations) {
            return new Problem(Problem.typeOf("invalid-request"), "Invalid request", 400,
                    "The request has invalid or missing fields.", instance, requestId, errorsOf(violations));
        }
        if (isMalformedJson(failure)) {
            return new Problem(Problem.typeOf("malformed-json"), "Malformed JSON", 400,
                    "The request body is not valid JSON for this endpoint: " + firstLine(innermost(failure)),
                    instance, requestId, List.of());
        }
        if (failure instanceof NotSupportedException) {
            return new Problem(Problem.typeOf("unsupported-media-type"), "Unsupported media type", 415,
                    "This endpoint does not accept that Content-Type.", instance, requestId, List.of());
        }
        if (failure instanceof NotAllowedException) {
            return new Problem("about:blank", "Method Not Allowed", 405,
                    "This endpoint does not support that HTTP method.", instance, requestId, List.of());
        }
        if (failure instanceof WebApplicationException web && web.getResponse().getStatus() < 500) {
            return ofStatus(web.getResponse().getStatus(), instance, requestId);
        }
        return new Problem("about:blank", "Internal Server Error", 500,
                "The server could not complete the request. Quote the request id when reporting it.",
                instance, requestId, List.of());
    }

    /** A plain problem that only says what the HTTP status says (for errors the container raises). */
    public static Problem ofStatus(int status, String instance, String requestId) {
        return new Problem("about:blank", titleOf(status), status, detailOf(status), instance, requestId, List.of());
    }

    /** The 413 problem for a body over {@code limit} bytes. */
    public static Problem tooLarge(long limit, String instance, String requestId) {
        return new Problem(Problem.typeOf("body-too-large"), "Request body too large", 413,
                "The request body exceeds the limit of " + limit + " bytes for this endpoint.",
                instance, requestId, List.of());
    }

    private static Problem fromDomain(DomainException e, String instance, String requestId) {
        int status = switch (e.kind()) {
            case INVALID -> 400;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case UNAUTHENTICATED -> 401;
            case FORBIDDEN -> 403;
            case UNPROCESSABLE -> 422;
            case RATE_LIMITED -> 429;
            case UNAVAILABLE -> 503;
        };
        String title = switch (e.kind()) {
            case INVALID -> "Invalid request";
            case NOT_FOUND -> "Not found";
            case CONFLICT -> "Conflict";
            case UNAUTHENTICATED -> "Unauthorized";
            case FORBIDDEN -> "Forbidden";
            case UNPROCESSABLE -> "Unprocessable content";
            case RATE_LIMITED -> "Too many requests";
            case UNAVAILABLE -> "Service unavailable";
        };
        List<Problem.FieldError> errors = e.findings().stream()
                .map(f -> new Problem.FieldError(f.field(), f.line(), f.column(), f.message()))
                .toList();
        return new Problem(Problem.typeOf(e.code()), title, status, e.getMessage(), instance, requestId, errors);
    }

    private static List<Problem.FieldError> errorsOf(ConstraintViolationException e) {
        return e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
    }

    /** The property path without the resource method and parameter prefix ({@code create.arg0.name}). */
    private static String fieldOf(ConstraintViolation<?> violation) {
        StringBuilder path = new StringBuilder();
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.PARAMETER) {
                continue;
            }
            if (!path.isEmpty()) {
                path.append('.');
            }
            path.append(node.getName());
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    private static boolean isMalformedJson(Throwable failure) {
        return find(failure, JsonbException.class) != null
                || find(failure, JsonParsingException.class) != null
                || find(failure, JsonException.class) != null
                || (failure instanceof ProcessingException && find(failure, NumberFormatException.class) != null);
    }

    static String titleOf(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 406 -> "Not Acceptable";
            case 413 -> "Content Too Large";
            case 415 -> "Unsupported Media Type";
            default -> status >= 500 ? "Internal Server Error" : "Error";
        };
    }

    static String detailOf(int status) {
        return switch (status) {
            case 401 -> "Authentication is required.";
            case 403 -> "Your account does not have the role this needs.";
            case 404 -> "There is nothing at this address.";
            case 405 -> "This address does not support that HTTP method.";
            case 406 -> "The server cannot produce a response in an accepted media type.";
            default -> status >= 500 ? "The server could not complete the request. It has been logged."
                    : "The request could not be processed.";
        };
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static Throwable innermost(Throwable failure) {
        Throwable t = failure;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    private static String firstLine(Throwable t) {
        String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        String line = message.lines().findFirst().orElse(message);
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }
}
