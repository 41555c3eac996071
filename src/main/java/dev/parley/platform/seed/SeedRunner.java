package dev.parley.platform.seed;

import dev.parley.platform.seed.jpa.JpaSeedHistory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/** Runs one seed in its own transaction, together with its {@code seed_history} row. */
@ApplicationScoped
public class SeedRunner {

    @Inject
    JpaSeedHistory history;

    /** Applies the seed if it never ran and its target is empty; returns whether it ran. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean runOnce(DemoSeed seed) {
        if (history.applied(seed.name())) {
            return false;
        }
        history.record(seed.name());
        if (!seed.targetIsEmpty()) {
            return false;
        }
        seed.apply();
        return true;
    }
}
