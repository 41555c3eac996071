package dev.parley.platform;

/**
 * A business error that the edge turns into an RFC 9457 problem response. Services throw it (or a
 * subclass) with a {@link Kind}; the single exception mapper chooses the HTTP status from the kind.
 */
public class DomainException extends RuntimeException {

    /** What went wrong, independent of HTTP. */
    public enum Kind {
        /** The request is not acceptable as given (bad field, bad format). */
        INVALID,
        /** A thing the request names does not exist. */
        NOT_FOUND,
        /** The request clashes with the current state (duplicate, stale version). */
        CONFLICT,
        /** The caller's credentials are missing, malformed, forged or expired. */
        UNAUTHENTICATED,
        /** The caller may not do this. */
        FORBIDDEN,
        /** The request is well-formed but its content cannot be accepted (e.g. rules that do not compile). */
        UNPROCESSABLE,
        /** Too many attempts; try later. */
        RATE_LIMITED,
        /** A dependency (database, model) is not available right now. */
        UNAVAILABLE
    }

    /**
     * One finding behind the failure: the field or resource it concerns, where in it (line and column,
     * 1-based, may be null), and what is wrong.
     */
    public record Finding(String field, Integer line, Integer column, String message) {
    }

    private final Kind kind;
    private final String code;
    private final java.util.List<Finding> findings;

    /**
     * @param kind what kind of failure
     * @param code short stable slug for the problem type, e.g. {@code "username-taken"}
     * @param message human-readable detail, safe to show to the caller
     */
    public DomainException(Kind kind, String code, String message) {
        this(kind, code, message, java.util.List.of());
    }

    /** A failure with findings (compiler messages, per-row errors). */
    public DomainException(Kind kind, String code, String message, java.util.List<Finding> findings) {
        super(message);
        this.kind = kind;
        this.code = code;
        this.findings = java.util.List.copyOf(findings);
    }

    /** The findings behind the failure, may be empty. */
    public java.util.List<Finding> findings() {
        return findings;
    }

    public Kind kind() {
        return kind;
    }

    public String code() {
        return code;
    }
}
