package dev.parley.platform.api;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.util.List;
import java.util.Objects;

/**
 * An RFC 9457 problem detail. {@code type} is a stable URN per problem kind; {@code requestId} and
 * {@code errors} are extension members.
 *
 * @param type problem type URI ({@code about:blank} when the status says it all)
 * @param title short summary of the problem type
 * @param status HTTP status
 * @param detail what happened in this case, safe for the caller to read
 * @param instance the request path
 * @param requestId the id under which this request was logged
 * @param errors per-field or per-line findings, may be empty
 */
public record Problem(String type, String title, int status, String detail, String instance, String requestId,
        List<FieldError> errors) {

    /** The media type of problem bodies. */
    public static final String MEDIA_TYPE = "application/problem+json";

    /**
     * One finding inside a problem: the field (or resource) it concerns, where in it (line, column; null
     * when not applicable) and what is wrong.
     */
    public record FieldError(String field, Integer line, Integer column, String message) {

        /** A finding about a field, without a position. */
        public FieldError(String field, String message) {
            this(field, null, null, message);
        }
    }

    public Problem {
        Objects.requireNonNull(type);
        Objects.requireNonNull(title);
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    /** The URN for a Parley problem slug, e.g. {@code urn:parley:problem:malformed-json}. */
    public static String typeOf(String slug) {
        return "urn:parley:problem:" + slug;
    }

    /** This problem as a JSON document. */
    public String toJson() {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("type", type)
                .add("title", title)
                .add("status", status);
        if (detail != null) {
            json.add("detail", detail);
        }
        if (instance != null) {
            json.add("instance", instance);
        }
        if (requestId != null) {
            json.add("requestId", requestId);
        }
        if (!errors.isEmpty()) {
            JsonArrayBuilder array = Json.createArrayBuilder();
            for (FieldError e : errors) {
                JsonObjectBuilder item = Json.createObjectBuilder();
                if (e.field() != null) {
                    item.add("field", e.field());
                }
                if (e.line() != null) {
                    item.add("line", e.line());
                }
                if (e.column() != null) {
                    item.add("column", e.column());
                }
                array.add(item.add("message", e.message()));
            }
            json.add("errors", array);
        }
        return json.build().toString();
    }
}
