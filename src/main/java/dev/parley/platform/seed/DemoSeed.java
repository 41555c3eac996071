package dev.parley.platform.seed;

/**
 * One part of the demo store (store profile, catalog, rules, training data …), contributed by the
 * component that owns that data. Implementations are CDI beans; they run inside the seeder's transaction.
 */
public interface DemoSeed {

    /** Stable name recorded in {@code seed_history}; a seed with a recorded name never runs again. */
    String name();

    /** Order among seeds (lower first); catalog before rules before training data. */
    int order();

    /** Whether the data this seed fills is still empty, so seeding cannot overwrite a shop's own data. */
    boolean targetIsEmpty();

    /** Writes the demo data. */
    void apply();

    /**
     * Whether this seed belongs to the demo store only ({@code PARLEY_DEMO=true}). Data every shop starts
     * from, such as the base training data of the intent model, is seeded onto an empty database whatever
     * the mode.
     */
    default boolean demoOnly() {
        return true;
    }
}
