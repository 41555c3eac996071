package dev.parley.rules;

import dev.parley.platform.DomainException;
import dev.parley.platform.DomainException.Kind;
import dev.parley.platform.ParleySettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;

/**
 * The rules this node serves: the live published version, compiled once into a cached KieBase, and the last
 * good version before it. A switch replaces both in one atomic reference, so a request that took the
 * snapshot finishes on the version it started with. When the live version fails (fire limit, time limit, a
 * throwing rule) the evaluation is answered by the last good version and an alert is recorded.
 */
@ApplicationScoped
public class LiveRules {

    private static final Logger LOG = Logger.getLogger(LiveRules.class.getName());
    private static final int CACHED_VERSIONS = 4;
    private static final Duration ALERT_EVERY = Duration.ofSeconds(30);

    @Inject
    RuleStore store;

    @Inject
    ParleySettings settings;

    @Inject
    RuleTrial trial;

    private final RuleCompiler compiler = new RuleCompiler();
    private final AtomicReference<Serving> serving = new AtomicReference<>();
    private final Map<Integer, CompiledRules> cache = new LinkedHashMap<>(8, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, CompiledRules> eldest) {
            return size() > CACHED_VERSIONS;
        }
    };
    private final Map<String, Instant> lastAlert = new ConcurrentHashMap<>();

    /**
     * What a node serves.
     *
     * @param current the live version
     * @param fallback the last version that served without failing, may be null
     */
    public record Serving(CompiledRules current, CompiledRules fallback) {
    }

    /**
     * A finished evaluation.
     *
     * @param evaluation what the rules produced
     * @param version the version that produced it
     * @param fellBack whether the live version failed and the fallback answered
     * @param rules the rules that answered
     */
    public record Outcome(CompiledRules.Evaluation evaluation, int version, boolean fellBack, CompiledRules rules) {
    }

    /** The served rules, empty until the first load. */
    public Optional<Serving> serving() {
        return Optional.ofNullable(serving.get());
    }

    /** The live version's number on this node, empty until loaded. */
    public Optional<Integer> version() {
        return serving().map(s -> s.current().version());
    }

    /**
     * Serves the live version from the database if this node does not serve it yet (compiling it, or taking
     * it from the cache after a rollback). Version 0, an empty rule set, is served when nothing was published.
     */
    public synchronized int refresh() {
        int live = store.liveVersion().orElse(0);
        Serving s = serving.get();
        if (s != null && s.current().version() == live) {
            return live;
        }
        CompiledRules compiled = cache.get(live);
        if (compiled == null) {
            compiled = compiler.compile(live, live == 0 ? List.of() : store.files(live));
            try {
                trial.run(compiled, limits().maxFirings());
            } catch (RuleFailure e) {
                LOG.warning(() -> "Rules version " + live + " failed its warm-up: " + e.getMessage());
            }
        }
        install(compiled);
        return live;
    }

    /** Serves freshly compiled rules (the publishing node does this without compiling twice). */
    public synchronized void install(CompiledRules compiled) {
        cache.put(compiled.version(), compiled);
        Serving old = serving.get();
        CompiledRules fallback = old == null ? null
                : old.current().version() == 0 ? old.fallback() : old.current();
        if (fallback != null && fallback.version() == compiled.version()) {
            fallback = old.fallback();
        }
        serving.set(new Serving(compiled, fallback));
        LOG.info(() -> "Serving rules version " + compiled.version() + " (" + compiled.ruleCount() + " rules, compiled in "
                + compiled.compileMillis() + " ms)");
    }

    /** The limits every evaluation runs under (fire limit, time limit). */
    public CompiledRules.Limits limits() {
        return new CompiledRules.Limits(settings.rulesMaxFirings(), Duration.ofMillis(settings.rulesTimeoutMillis()));
    }

    /**
     * Runs facts through the live rules, or through the last good version when the live one fails.
     *
     * @throws DomainException UNAVAILABLE before rules are loaded, or when no version can answer
     */
    public Outcome evaluate(Collection<?> facts) {
        Serving s = serving.get();
        if (s == null) {
            throw new DomainException(Kind.UNAVAILABLE, "rules-not-loaded", "The business rules are still loading.");
        }
        try {
            return new Outcome(s.current().evaluate(facts, limits()), s.current().version(), false, s.current());
        } catch (RuleFailure failure) {
            CompiledRules fallback = s.fallback();
            alert(s.current().version(), failure, fallback == null ? null : fallback.version());
            if (fallback == null) {
                throw new DomainException(Kind.UNAVAILABLE, "rules-failed", "The live rules failed ("
                        + failure.getMessage() + ") and there is no earlier version to answer from.");
            }
            try {
                return new Outcome(fallback.evaluate(facts, limits()), fallback.version(), true, fallback);
            } catch (RuleFailure again) {
                alert(fallback.version(), again, null);
                throw new DomainException(Kind.UNAVAILABLE, "rules-failed",
                        "The live rules and the last good version both failed: " + again.getMessage());
            }
        }
    }

    private void alert(int version, RuleFailure failure, Integer fallback) {
        String key = version + "|" + failure.failure() + "|" + failure.rule();
        Instant now = Instant.now();
        Instant last = lastAlert.get(key);
        LOG.warning(() -> "Rules version " + version + " failed (" + failure.failure() + "): " + failure.getMessage()
                + (fallback == null ? "" : "; answered by version " + fallback));
        if (last != null && Duration.between(last, now).compareTo(ALERT_EVERY) < 0) {
            return;
        }
        lastAlert.put(key, now);
        try {
            store.alert(version, failure.failure().name(), failure.rule(), failure.getMessage(), fallback,
                    ManagementFactory.getRuntimeMXBean().getName());
        } catch (RuntimeException e) {
            LOG.warning(() -> "Could not record the rules alert: " + e.getMessage());
        }
    }
}
