package dev.parley.rules;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import dev.parley.platform.DomainException;
import dev.parley.platform.DomainException.Finding;
import dev.parley.platform.DomainException.Kind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Authoring rules: the draft (every save and delete must leave a draft that compiles, or nothing changes),
 * publishing (compile, trial run, store as the next version, serve it here at once; other nodes follow
 * within a poll), rollback, simulation of a cart under the draft and the published version side by side,
 * and diffs between versions.
 */
@ApplicationScoped
public class RuleAuthoring {

    @Inject
    RuleStore store;

    @Inject
    LiveRules live;

    @Inject
    Pricing pricing;

    @Inject
    RuleTrial trial;

    private final RuleCompiler compiler = new RuleCompiler();
    private volatile DraftBuild lastDraft;

    private record DraftBuild(String hash, CompiledRules rules) {
    }

    /** A published version's summary with its files. */
    public record Published(RuleStore.Version version, List<RuleResource> files) {
    }

    /** One file's change between two versions. */
    public record FileDiff(String name, String change, String diff) {
    }

    /**
     * A simulation: the same cart priced by the draft and by the published version.
     *
     * @param draft the draft's quote, null when the draft failed
     * @param draftError why the draft could not price it, null when it did
     * @param published the live version's quote
     */
    public record Simulation(Quote draft, String draftError, Quote published) {
    }

    /** The draft files. */
    public List<RuleStore.DraftFile> draft() {
        return store.draft();
    }

    /** One draft file. */
    public RuleStore.DraftFile draftFile(String name) {
        return store.draft().stream().filter(f -> f.resource().name().equals(name)).findFirst()
                .orElseThrow(() -> new DomainException(Kind.NOT_FOUND, "unknown-rule-file",
                        "The draft has no file named " + name + "."));
    }

    /** The live version with its files, or null before anything was published. */
    public Published published() {
        return live.version().filter(v -> v > 0)
                .flatMap(v -> store.versions().stream().filter(x -> x.version() == v).findFirst())
                .map(v -> new Published(v, store.files(v.version())))
                .orElse(null);
    }

    /** Published versions, newest first. */
    public List<RuleStore.Version> versions() {
        return store.versions();
    }

    /** The files of a version. */
    public Published version(int version) {
        RuleStore.Version v = store.versions().stream().filter(x -> x.version() == version).findFirst()
                .orElseThrow(() -> unknownVersion(version));
        return new Published(v, store.files(version));
    }

    /**
     * Saves a file to the draft if the draft with it still compiles.
     *
     * @throws DomainException UNPROCESSABLE with the compiler's messages, nothing saved
     */
    public void save(String name, byte[] content, String actor) {
        RuleResource file = RuleResource.of(name, content);
        List<RuleResource> files = new ArrayList<>();
        for (RuleStore.DraftFile f : store.draft()) {
            if (!f.resource().name().equals(file.name())) {
                files.add(f.resource());
            }
        }
        files.add(file);
        compileDraft(files);
        store.saveDraft(file, actor);
    }

    /** Removes a file from the draft if what remains still compiles. */
    public void delete(String name, String actor) {
        RuleResource.checkName(name);
        List<RuleResource> remaining = new ArrayList<>();
        boolean found = false;
        for (RuleStore.DraftFile f : store.draft()) {
            if (f.resource().name().equals(name)) {
                found = true;
            } else {
                remaining.add(f.resource());
            }
        }
        if (!found) {
            throw new DomainException(Kind.NOT_FOUND, "unknown-rule-file", "The draft has no file named " + name + ".");
        }
        compileDraft(remaining);
        store.deleteDraft(name, actor);
    }

    /**
     * Publishes the draft: it must compile and pass a trial run (sample carts, offers, policies, eligibility)
     * within the fire and time limits. It is served on this node before this returns.
     *
     * @return the new version
     */
    public CompiledRules publish(String actor, String note) {
        List<RuleResource> files = store.draft().stream().map(RuleStore.DraftFile::resource).toList();
        if (files.isEmpty()) {
            throw new DomainException(Kind.UNPROCESSABLE, "empty-draft",
                    "The draft has no rule files; there is nothing to publish.");
        }
        if (note != null && note.length() > 500) {
            throw new DomainException(Kind.INVALID, "note-too-long", "A publish note is at most 500 characters.");
        }
        CompiledRules compiled = compiler.compile(-1, files);
        trial(compiled);
        int version = store.publish(files, compiled.ruleCount(), actor, "publish", note, false);
        CompiledRules served = compiled.withVersion(version);
        live.install(served);
        return served;
    }

    /** Makes a published version live again, here at once and on other nodes within a poll. */
    public void rollback(int version, String actor) {
        store.rollback(version, actor);
        live.refresh();
    }

    /** Prices a cart under the draft and the live version. */
    public Simulation simulate(PricingRequest request, String locale) {
        Quote published = pricing.quote(request, locale);
        List<RuleResource> files = store.draft().stream().map(RuleStore.DraftFile::resource).toList();
        try {
            CompiledRules draft = compileDraft(files);
            return new Simulation(pricing.quote(request, locale, draft), null, published);
        } catch (RuleFailure e) {
            return new Simulation(null, e.getMessage(), published);
        } catch (DomainException e) {
            if (e.kind() != Kind.UNPROCESSABLE) {
                throw e;
            }
            return new Simulation(null, e.getMessage(), published);
        }
    }

    /** What changed from one version to another ({@code to} null: the draft). */
    public List<FileDiff> diff(int from, Integer to) {
        Map<String, RuleResource> a = byName(from == 0 ? List.of() : version(from).files());
        Map<String, RuleResource> b = byName(to == null
                ? store.draft().stream().map(RuleStore.DraftFile::resource).toList() : version(to).files());
        Set<String> names = new TreeSet<>(a.keySet());
        names.addAll(b.keySet());
        List<FileDiff> out = new ArrayList<>();
        for (String name : names) {
            RuleResource x = a.get(name);
            RuleResource y = b.get(name);
            if (x != null && y != null && Arrays.equals(x.content(), y.content())) {
                continue;
            }
            String change = x == null ? "added" : y == null ? "removed" : "changed";
            out.add(new FileDiff(name, change, unified(name, x, y, from, to)));
        }
        return out;
    }

    /** The audit log, newest first. */
    public List<RuleStore.AuditEntry> audit(int limit) {
        return store.audit(Math.max(1, Math.min(limit, 1000)));
    }

    /** Alerts from live rules that failed, newest first. */
    public List<RuleStore.Alert> alerts(int limit) {
        return store.alerts(Math.max(1, Math.min(limit, 1000)));
    }

    private CompiledRules compileDraft(List<RuleResource> files) {
        String hash = hash(files);
        DraftBuild last = lastDraft;
        if (last != null && last.hash().equals(hash)) {
            return last.rules();
        }
        CompiledRules compiled = compiler.compile(-1, files);
        lastDraft = new DraftBuild(hash, compiled);
        return compiled;
    }

    /** The trial run of {@link RuleTrial}, as a 422 that names the failing rule. */
    void trial(CompiledRules rules) {
        try {
            trial.run(rules, live.limits().maxFirings());
        } catch (RuleFailure f) {
            throw new DomainException(Kind.UNPROCESSABLE, "rules-fail-trial", "The draft compiles but failed a "
                    + "trial run on a sample cart, so it was not published: " + f.getMessage(),
                    List.of(new Finding(f.rule(), null, null, f.getMessage())));
        }
    }

    private static Map<String, RuleResource> byName(List<RuleResource> files) {
        Map<String, RuleResource> out = new LinkedHashMap<>();
        for (RuleResource r : files) {
            out.put(r.name(), r);
        }
        return out;
    }

    private static String unified(String name, RuleResource x, RuleResource y, int from, Integer to) {
        if ((x != null && !x.kind().isText()) || (y != null && !y.kind().isText())) {
            return "Binary workbook " + (x == null ? "added" : y == null ? "removed" : "changed") + ".";
        }
        List<String> a = x == null ? List.of() : x.text().lines().toList();
        List<String> b = y == null ? List.of() : y.text().lines().toList();
        List<String> lines = UnifiedDiffUtils.generateUnifiedDiff("v" + from + "/" + name,
                (to == null ? "draft" : "v" + to) + "/" + name, a, DiffUtils.diff(a, b), 3);
        return String.join("\n", lines);
    }

    private static DomainException unknownVersion(int version) {
        return new DomainException(Kind.NOT_FOUND, "unknown-rule-version", "There is no published version " + version + ".");
    }

    private static String hash(List<RuleResource> files) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (RuleResource r : files) {
                md.update(r.name().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                md.update((byte) 0);
                md.update(r.content());
                md.update((byte) 0);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
