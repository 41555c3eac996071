package dev.parley.rules;

import dev.parley.platform.seed.DemoSeed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * Demo store only: the rule files shipped in {@code rules/} become published version 1 (and the draft) on a
 * database that has no rules yet. After that the database is the source of truth.
 */
@ApplicationScoped
public class DemoRulesSeed implements DemoSeed {

    /** Who the seed's version and audit entry are attributed to. */
    static final String SYSTEM = "system";

    @Inject
    RuleStore store;

    @Override
    public String name() {
        return "demo-rules";
    }

    @Override
    public int order() {
        return 25;
    }

    @Override
    public boolean targetIsEmpty() {
        return store.versions().isEmpty() && store.draft().isEmpty();
    }

    @Override
    public void apply() {
        List<RuleResource> files = RuleFiles.demo();
        CompiledRules compiled = new RuleCompiler().compile(1, files);
        store.publish(files, compiled.ruleCount(), SYSTEM, "seed", "The demo store's rules (rules/)", true);
    }
}
