package dev.parley.rules;

import dev.parley.platform.DomainException;
import dev.parley.platform.DomainException.Finding;
import dev.parley.platform.DomainException.Kind;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.decisiontable.InputType;
import org.drools.decisiontable.SpreadsheetCompiler;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.KieContainer;

/**
 * Compiles a rule set (DRL files and decision tables) into a {@link KieBase} with Drools' classic engine,
 * or fails with every compiler message (resource, line, column). Decision tables are turned into DRL first
 * with Drools' spreadsheet compiler. A DRL's {@code package} must match its folder.
 *
 * <p>Each build uses a fresh release id that is removed from the KIE repository once the container holds the
 * KieBase, so publishing many versions does not pile up modules in memory.
 */
public final class RuleCompiler {

    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)\\s*;?\\s*$", Pattern.MULTILINE);
    private static final Pattern POSITION = Pattern.compile("\\[\\s*Line:\\s*(\\d+),\\s*Column:\\s*(\\d+)\\s*\\]");
    private static final Pattern RULE_NAME = Pattern.compile("^\\s*rule\\s+\"([^\"]+)\"", Pattern.MULTILINE);
    private static final String SOURCE_ROOT = "src/main/resources/";

    /** The DRL a resource stands for: itself, or the DRL generated from a decision table. */
    public String drlOf(RuleResource r) {
        return switch (r.kind()) {
            case DRL -> r.text();
            case DECISION_TABLE_CSV -> table(r, InputType.CSV);
            case DECISION_TABLE_XLSX -> table(r, InputType.XLS);
        };
    }

    /**
     * Compiles the resources.
     *
     * @throws DomainException UNPROCESSABLE ({@code rules-invalid}) with one finding per compiler message
     */
    public CompiledRules compile(int version, Collection<RuleResource> resources) {
        long started = System.nanoTime();
        List<Finding> findings = new ArrayList<>();
        Map<String, Integer> order = new HashMap<>();
        KieServices ks = KieServices.Factory.get();
        KieFileSystem kfs = ks.newKieFileSystem();
        ReleaseId releaseId = ks.newReleaseId("dev.parley.rules", "v" + version, "1.0.0-" + UUID.randomUUID());
        kfs.generateAndWritePomXML(releaseId);
        for (RuleResource r : resources) {
            String drl;
            try {
                drl = drlOf(r);
            } catch (RuntimeException e) {
                findings.add(new Finding(r.name(), null, null, "The decision table cannot be read: " + rootMessage(e)));
                continue;
            }
            String expected = r.folderPackage();
            Matcher m = PACKAGE.matcher(drl);
            String declared = m.find() ? m.group(1) : "";
            if (!declared.equals(expected)) {
                findings.add(new Finding(r.name(), m.find(0) ? lineOf(drl, m.start(1)) : 1, null,
                        expected.isEmpty()
                                ? "A rule file at the top level has no package; put it in a folder named after its package."
                                : "The package must match the folder: expected 'package " + expected + ";' but found "
                                        + (declared.isEmpty() ? "none" : "'" + declared + "'") + "."));
            }
            kfs.write(SOURCE_ROOT + r.name() + (r.kind() == RuleResource.ResourceKind.DRL ? "" : ".drl"), drl);
            Matcher names = RULE_NAME.matcher(drl);
            while (names.find()) {
                order.putIfAbsent(names.group(1), order.size());
            }
        }
        if (!findings.isEmpty()) {
            throw invalid(findings);
        }
        ClassLoader loader = RuleCompiler.class.getClassLoader();
        KieBuilder builder = ks.newKieBuilder(kfs, loader).buildAll();
        for (Message msg : builder.getResults().getMessages(Message.Level.ERROR)) {
            findings.add(finding(msg));
        }
        if (!findings.isEmpty()) {
            ks.getRepository().removeKieModule(releaseId);
            throw invalid(findings);
        }
        KieContainer container = ks.newKieContainer(releaseId, loader);
        KieBase base = container.getKieBase();
        // A second base without the declarations (rules with an empty condition), for carts: see CompiledRules.
        Set<String> declarations = new HashSet<>();
        List<RuleImpl> declarationRules = new ArrayList<>();
        for (KiePackage p : base.getKiePackages()) {
            for (Rule r : p.getRules()) {
                if (r instanceof RuleImpl impl && impl.getLhs().getChildren().isEmpty()) {
                    declarations.add(impl.getName());
                    declarationRules.add(impl);
                }
            }
        }
        KieBase pricing = null;
        if (!declarationRules.isEmpty() && declarations.size() == declarationRules.size()) {
            pricing = container.newKieBase(ks.newKieBaseConfiguration());
            for (RuleImpl r : declarationRules) {
                pricing.removeRule(r.getPackageName(), r.getName());
            }
        }
        ks.getRepository().removeKieModule(releaseId);
        int rules = base.getKiePackages().stream().mapToInt(p -> p.getRules().size()).sum();
        return new CompiledRules(version, base, pricing, pricing == null ? Set.of() : declarations, List.copyOf(resources),
                rules, (System.nanoTime() - started) / 1_000_000, order);
    }

    /** A compiler message as a finding; the position Drools puts in the text is used when it has no fields for it. */
    static Finding finding(Message msg) {
        String text = msg.getText() == null ? "" : msg.getText().strip();
        Integer line = msg.getLine() > 0 ? msg.getLine() : null;
        Integer column = msg.getColumn() > 0 ? msg.getColumn() : null;
        Matcher m = POSITION.matcher(text);
        if (m.find()) {
            line = line == null ? Integer.valueOf(m.group(1)) : line;
            column = column == null ? Integer.valueOf(m.group(2)) : column;
            text = (text.substring(0, m.start()) + text.substring(m.end())).strip();
        }
        text = text.replaceAll("\\s*\\R\\s*", " ");
        return new Finding(resourceName(msg.getPath()), line, column, text);
    }

    private static DomainException invalid(List<Finding> findings) {
        return new DomainException(Kind.UNPROCESSABLE, "rules-invalid",
                "The rules do not compile: " + findings.size() + " problem" + (findings.size() == 1 ? "" : "s")
                        + ". Nothing was changed.", findings);
    }

    private static String table(RuleResource r, InputType type) {
        return new SpreadsheetCompiler().compile(new ByteArrayInputStream(r.content()), type);
    }

    private static String resourceName(String path) {
        if (path == null) {
            return null;
        }
        String name = path.startsWith(SOURCE_ROOT) ? path.substring(SOURCE_ROOT.length()) : path;
        return name.endsWith(".csv.drl") || name.endsWith(".xlsx.drl") ? name.substring(0, name.length() - 4) : name;
    }

    private static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
