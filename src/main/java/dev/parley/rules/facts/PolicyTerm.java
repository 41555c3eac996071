package dev.parley.rules.facts;

/**
 * One clause of a store policy, declared by a rule: its topic ({@code returns}, {@code exchanges},
 * {@code cancellation}, {@code warranty}, {@code payment}, {@code privacy}, …), a stable clause id, an
 * optional value eligibility rules read (e.g. the return window in days), and the statement shown to
 * shoppers. The assistant answers policy questions only with these.
 */
public final class PolicyTerm {

    private final String topic;
    private final String clause;
    private final String value;
    private final Text statement;

    public PolicyTerm(String topic, String clause, Object value, Text statement) {
        this.topic = topic;
        this.clause = clause;
        this.value = value == null ? null : String.valueOf(value);
        this.statement = statement;
    }

    /** A clause with no value. */
    public PolicyTerm(String topic, String clause, Text statement) {
        this(topic, clause, null, statement);
    }

    public String getTopic() {
        return topic;
    }

    public String getClause() {
        return clause;
    }

    public String getValue() {
        return value;
    }

    /** The value as a whole number (days, counts). */
    public int getIntValue() {
        return Integer.parseInt(value.strip());
    }

    public Text getStatement() {
        return statement;
    }

    @Override
    public String toString() {
        return "PolicyTerm[" + clause + (value == null ? "" : "=" + value) + "]";
    }
}
