package dev.parley.rules;

/**
 * Rules that did not finish normally: they fired more often than the limit (a loop), ran past the time
 * limit, or a consequence threw. The caller falls back to the last good version.
 */
public final class RuleFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** How the evaluation failed. */
    public enum Cause {
        /** More firings than the limit: almost always a rule that re-triggers itself. */
        FIRE_LIMIT,
        /** Longer than the time limit. */
        TIMEOUT,
        /** A rule's condition or consequence threw. */
        ERROR
    }

    private final Cause cause;
    private final String rule;

    public RuleFailure(Cause cause, String rule, String message, Throwable error) {
        super(message, error);
        this.cause = cause;
        this.rule = rule;
    }

    public Cause failure() {
        return cause;
    }

    /** The rule that was firing, when known. */
    public String rule() {
        return rule;
    }
}
