package dev.parley.rules;

import dev.parley.rules.facts.Today;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.kie.api.KieBase;
import org.kie.api.command.Command;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.DefaultRuleRuntimeEventListener;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.runtime.ExecutionResults;
import org.kie.api.runtime.StatelessKieSession;
import org.kie.internal.command.CommandFactory;

/**
 * One compiled rule set version: the cached {@link KieBase} and the resources it came from. Evaluation runs
 * a fresh stateless session over the given facts with a fire limit and a time limit; the bases themselves are
 * immutable and shared by all requests.
 *
 * <p>Declarations (rules with an empty condition: "this promotion is on", "home delivery costs NT$100") do not
 * depend on the cart, so they are evaluated once per day and version (with the other rules that need only
 * the day, such as the withdrawal of promotions outside their dates) and their facts are inserted into each
 * cart's session, which runs a second base without the declaration rules. A cart with 1,000 catalog
 * promotions then costs their matching, not 1,000 rule firings. Declaration facts are shared by concurrent
 * sessions, so rules must not modify them (no rule in {@code rules/} does; they are read-only by design).
 */
public final class CompiledRules {

    private final int version;
    private final KieBase base;
    private final KieBase pricing;
    private final Set<String> declarationRules;
    private final List<RuleResource> resources;
    private final int ruleCount;
    private final long compileMillis;
    private final Map<LocalDate, Declarations> declarations;
    private final Map<String, Integer> ruleOrder;

    /** The facts the declarations produce on one day, and which rule declared each. */
    private record Declarations(List<Object> facts, Map<Object, String> insertedBy) {
    }

    /**
     * @param version the published version (0 for none; negative for drafts being tried)
     * @param base every rule
     * @param pricing every rule except the declarations (null: use {@code base} for everything)
     * @param declarationRules the names of the declaration rules left out of {@code pricing}
     * @param resources the source files
     * @param ruleCount how many rules the base holds
     * @param compileMillis how long compiling took
     * @param ruleOrder each rule's position in the rule set (files by name, rules in file order)
     */
    public CompiledRules(int version, KieBase base, KieBase pricing, Set<String> declarationRules,
            List<RuleResource> resources, int ruleCount, long compileMillis, Map<String, Integer> ruleOrder) {
        this(version, base, pricing, declarationRules, resources, ruleCount, compileMillis, new ConcurrentHashMap<>(),
                Map.copyOf(ruleOrder));
    }

    private CompiledRules(int version, KieBase base, KieBase pricing, Set<String> declarationRules,
            List<RuleResource> resources, int ruleCount, long compileMillis, Map<LocalDate, Declarations> declarations,
            Map<String, Integer> ruleOrder) {
        this.version = version;
        this.base = base;
        this.pricing = pricing;
        this.declarationRules = Set.copyOf(declarationRules);
        this.resources = List.copyOf(resources);
        this.ruleCount = ruleCount;
        this.compileMillis = compileMillis;
        this.declarations = declarations;
        this.ruleOrder = ruleOrder;
    }

    /** The same compiled rules under another version number (a draft becoming a published version). */
    public CompiledRules withVersion(int newVersion) {
        return new CompiledRules(newVersion, base, pricing, declarationRules, resources, ruleCount, compileMillis,
                declarations, ruleOrder);
    }

    /**
     * A rule's position in the rule set as written (files by name, rules in file order), for listing what
     * rules declare in the order their author wrote it; unknown rules come last.
     */
    public int positionOf(String rule) {
        return rule == null ? Integer.MAX_VALUE : ruleOrder.getOrDefault(rule, Integer.MAX_VALUE);
    }

    public int version() {
        return version;
    }

    public KieBase base() {
        return base;
    }

    public List<RuleResource> resources() {
        return resources;
    }

    public int ruleCount() {
        return ruleCount;
    }

    public long compileMillis() {
        return compileMillis;
    }

    /** The names of the declaration rules (empty condition). */
    public Set<String> declarationRules() {
        return declarationRules;
    }

    /** How far an evaluation may go before it is cut off. */
    public record Limits(int maxFirings, Duration timeout) {

        /** The defaults: 10,000 firings, 500 ms. */
        public static final Limits DEFAULT = new Limits(10_000, Duration.ofMillis(500));
    }

    /**
     * What the rules produced.
     *
     * @param objects every fact in working memory after firing (inputs and results)
     * @param firedRules the names of the rules that fired for these facts, in order (the day's declarations,
     *     evaluated once per day, are not repeated here; {@link #ruleOf} names the rule behind each of their facts)
     * @param insertedBy for each fact a rule inserted, that rule's name
     */
    public record Evaluation(List<Object> objects, List<String> firedRules, Map<Object, String> insertedBy) {

        /** The facts of one type, in working-memory order. */
        public <T> List<T> all(Class<T> type) {
            List<T> out = new ArrayList<>();
            for (Object o : objects) {
                if (type.isInstance(o)) {
                    out.add(type.cast(o));
                }
            }
            return out;
        }

        /** The name of the rule that inserted a fact, or null for an input fact. */
        public String ruleOf(Object fact) {
            return insertedBy.get(fact);
        }
    }

    /**
     * Inserts the facts, fires all rules within the limits and returns working memory. The day is the
     * {@link Today} among the facts; declarations for it come from the per-day cache.
     *
     * @throws RuleFailure when a limit is hit or a rule throws
     */
    public Evaluation evaluate(Collection<?> facts, Limits limits) {
        Today today = null;
        for (Object f : facts) {
            if (f instanceof Today t) {
                today = t;
            }
        }
        if (pricing == null || today == null) {
            return run(base, facts, limits);
        }
        Declarations d = declarations(today, limits);
        List<Object> all = new ArrayList<>(facts.size() + d.facts().size());
        all.addAll(facts);
        all.addAll(d.facts());
        Evaluation ev = run(pricing, all, limits);
        Map<Object, String> insertedBy = new IdentityHashMap<>(d.insertedBy());
        insertedBy.putAll(ev.insertedBy());
        return new Evaluation(ev.objects(), ev.firedRules(), insertedBy);
    }

    private Declarations declarations(Today today, Limits limits) {
        Declarations d = declarations.get(today.getDate());
        if (d != null) {
            return d;
        }
        Evaluation ev = run(base, List.of(today), limits);
        List<Object> facts = new ArrayList<>();
        Map<Object, String> insertedBy = new IdentityHashMap<>();
        for (Object o : ev.objects()) {
            String rule = ev.ruleOf(o);
            if (rule != null && declarationRules.contains(rule)) {
                facts.add(o);
                insertedBy.put(o, rule);
            }
        }
        d = new Declarations(List.copyOf(facts), insertedBy);
        if (declarations.size() > 3) {
            declarations.clear();
        }
        declarations.put(today.getDate(), d);
        return d;
    }

    private static Evaluation run(KieBase kieBase, Collection<?> facts, Limits limits) {
        StatelessKieSession session = kieBase.newStatelessKieSession();
        Guard guard = new Guard(limits);
        session.addEventListener(guard.agenda);
        session.addEventListener(guard.runtime);
        List<Command<?>> commands = List.of(
                CommandFactory.newInsertElements(new ArrayList<>(facts)),
                CommandFactory.newFireAllRules(),
                CommandFactory.newGetObjects("objects"));
        ExecutionResults results;
        try {
            results = session.execute(CommandFactory.newBatchExecution(commands));
        } catch (RuntimeException e) {
            if (guard.tripped != null) {
                throw guard.tripped;
            }
            throw new RuleFailure(RuleFailure.Cause.ERROR, guard.current,
                    "Rule '" + guard.current + "' failed: " + rootMessage(e), e);
        }
        if (guard.tripped != null) {
            throw guard.tripped;
        }
        @SuppressWarnings("unchecked")
        Collection<Object> objects = (Collection<Object>) results.getValue("objects");
        return new Evaluation(List.copyOf(objects), guard.fired, guard.insertedBy);
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }

    /** Counts firings, watches the clock and records which rule inserted what. */
    private static final class Guard {
        final List<String> fired = new ArrayList<>();
        final Map<Object, String> insertedBy = new IdentityHashMap<>();
        final long deadline;
        final int maxFirings;
        String current;
        RuleFailure tripped;

        final DefaultAgendaEventListener agenda = new DefaultAgendaEventListener() {
            @Override
            public void beforeMatchFired(BeforeMatchFiredEvent event) {
                current = event.getMatch().getRule().getName();
                fired.add(current);
                if (fired.size() > maxFirings) {
                    tripped = new RuleFailure(RuleFailure.Cause.FIRE_LIMIT, current, "Rules fired more than "
                            + maxFirings + " times (last: '" + current + "'); a rule probably re-triggers itself.", null);
                    throw tripped;
                }
                if (System.nanoTime() - deadline > 0) {
                    tripped = new RuleFailure(RuleFailure.Cause.TIMEOUT, current,
                            "Rules ran past their time limit (last: '" + current + "').", null);
                    throw tripped;
                }
            }
        };

        final DefaultRuleRuntimeEventListener runtime = new DefaultRuleRuntimeEventListener() {
            @Override
            public void objectInserted(ObjectInsertedEvent event) {
                if (event.getRule() != null) {
                    insertedBy.put(event.getObject(), event.getRule().getName());
                }
            }
        };

        Guard(Limits limits) {
            this.maxFirings = limits.maxFirings();
            this.deadline = System.nanoTime() + limits.timeout().toNanos();
        }
    }
}
