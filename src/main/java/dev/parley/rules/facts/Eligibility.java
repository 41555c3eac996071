package dev.parley.rules.facts;

/**
 * The answer to an {@link EligibilityQuestion}: allowed or refused, the policy clause that decided and its
 * statement. A refusal always wins over an allowance for the same question.
 */
public final class Eligibility {

    private final EligibilityQuestion question;
    private final boolean allowed;
    private final String clause;
    private final Text reason;

    private Eligibility(EligibilityQuestion question, boolean allowed, String clause, Text reason) {
        this.question = question;
        this.allowed = allowed;
        this.clause = clause;
        this.reason = reason;
    }

    public static Eligibility allowed(EligibilityQuestion q, PolicyTerm term) {
        return new Eligibility(q, true, term.getClause(), term.getStatement());
    }

    public static Eligibility refused(EligibilityQuestion q, PolicyTerm term) {
        return new Eligibility(q, false, term.getClause(), term.getStatement());
    }

    public EligibilityQuestion getQuestion() {
        return question;
    }

    public boolean isAllowed() {
        return allowed;
    }

    public String getClause() {
        return clause;
    }

    public Text getReason() {
        return reason;
    }

    @Override
    public String toString() {
        return "Eligibility[" + question.getKind() + " " + (allowed ? "allowed" : "refused") + " " + clause + "]";
    }
}
