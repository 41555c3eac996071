package dev.parley.rules.web;

import dev.parley.platform.DomainException;
import dev.parley.rules.LiveRules;
import dev.parley.rules.PricingRequest;
import dev.parley.rules.Quote;
import dev.parley.rules.RuleAuthoring;
import dev.parley.rules.RuleResource;
import dev.parley.rules.RuleStore;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.io.Serializable;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.primefaces.event.FileUploadEvent;
import org.primefaces.model.file.UploadedFile;

/**
 * The rules page: the draft's files in an editor with DRL highlighting and the compiler's messages by line,
 * decision-table upload, a cart simulated under the draft and the live version side by side, publish with
 * the pending diff, the version list with diffs and rollback, the audit log and alerts.
 */
@Named
@ViewScoped
public class RulesBean implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @Inject
    transient RuleAuthoring authoring;

    @Inject
    transient LiveRules live;

    private String selected;
    private String content;
    private boolean selectedIsText = true;
    private String newName;
    private final List<DomainException.Finding> problems = new ArrayList<>();
    private String uploadName;

    private String simItems;
    private String simCoupon;
    private String simTier = "standard";
    private boolean simFirstOrder = true;
    private String simCountry = "TW";
    private String simPostalCode;
    private String simMethod = "standard";
    private String simOn;
    private String simLocale = "en";
    private transient RuleAuthoring.Simulation simulation;
    private String simError;

    private String note;
    private Integer diffFrom;
    private Integer diffTo;
    private transient List<RuleAuthoring.FileDiff> versionDiff;

    // --- draft files and editor ---

    public List<RuleStore.DraftFile> getFiles() {
        return authoring.draft();
    }

    /** Opens a draft file in the editor. */
    public void open(String name) {
        RuleStore.DraftFile f = authoring.draftFile(name);
        selected = name;
        selectedIsText = f.resource().kind().isText();
        content = selectedIsText ? f.resource().text() : null;
        problems.clear();
    }

    /** Starts a new file (saved only when the draft with it compiles). */
    public void create() {
        try {
            String name = RuleResource.checkName(newName == null ? "" : newName.strip());
            if (authoring.draft().stream().anyMatch(f -> f.resource().name().equals(name))) {
                open(name);
                return;
            }
            selected = name;
            selectedIsText = RuleResource.ResourceKind.ofName(name).isText();
            int slash = name.lastIndexOf('/');
            String pkg = slash < 0 ? "" : name.substring(0, slash).replace('/', '.');
            content = name.endsWith(".drl") ? "package " + pkg + ";\n\nimport dev.parley.rules.facts.*;\n\n"
                    + "rule \"Describe the rule as a business sentence\"\nwhen\nthen\nend\n" : "";
            problems.clear();
            newName = null;
        } catch (DomainException e) {
            error(e.getMessage());
        }
    }

    /** Saves the editor's content to the draft if the draft then compiles; shows the compiler's messages if not. */
    public void save() {
        if (selected == null || !selectedIsText) {
            return;
        }
        problems.clear();
        try {
            // Browsers submit a textarea's line breaks as CRLF; the rule files use LF.
            String text = (content == null ? "" : content).replace("\r\n", "\n");
            authoring.save(selected, text.getBytes(StandardCharsets.UTF_8), actor());
            info("Saved " + selected + " to the draft. Publish to make it live.");
        } catch (DomainException e) {
            problems.addAll(e.findings());
            error(e.getMessage());
        }
    }

    /** Removes the selected file from the draft. */
    public void delete() {
        if (selected == null) {
            return;
        }
        try {
            authoring.delete(selected, actor());
            info("Removed " + selected + " from the draft.");
            selected = null;
            content = null;
            problems.clear();
        } catch (DomainException e) {
            problems.clear();
            problems.addAll(e.findings());
            error(e.getMessage());
        }
    }

    /** A decision table (CSV or XLSX) uploaded into the draft, under the name given or the file's own name. */
    public void upload(FileUploadEvent event) {
        UploadedFile file = event.getFile();
        String name = uploadName != null && !uploadName.isBlank() ? uploadName.strip()
                : "promotions/" + file.getFileName().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_.-]", "-");
        problems.clear();
        try {
            authoring.save(name, file.getContent(), actor());
            open(name);
            info("Uploaded " + name + " to the draft.");
        } catch (DomainException e) {
            problems.addAll(e.findings());
            error(e.getMessage());
        }
    }

    /** The compiler's messages for the editor's gutter: [{line, column, message}] for the selected file. */
    public String getProblemsJson() {
        JsonArrayBuilder a = Json.createArrayBuilder();
        for (DomainException.Finding f : problems) {
            if (f.line() != null && (f.field() == null || f.field().equals(selected))) {
                a.add(Json.createObjectBuilder().add("line", f.line()).add("column", f.column() == null ? 0 : f.column())
                        .add("message", f.message()));
            }
        }
        return a.build().toString();
    }

    public List<DomainException.Finding> getProblems() {
        return problems;
    }

    // --- simulation ---

    /** Prices the sample cart under the draft and the live version. */
    public void simulate() {
        simulation = null;
        simError = null;
        try {
            List<PricingRequest.Item> items = new ArrayList<>();
            for (String line : (simItems == null ? "" : simItems).split("\\R")) {
                if (line.isBlank()) {
                    continue;
                }
                String[] parts = line.strip().split("\\s*[x×*,]\\s*|\\s+");
                int qty = parts.length > 1 ? Integer.parseInt(parts[1]) : 1;
                items.add(new PricingRequest.Item(parts[0], qty));
            }
            if (items.isEmpty()) {
                simError = "Enter at least one SKU, one per line, optionally followed by a quantity (e.g. 'CS-CT-0101-BLK-M x 2').";
                return;
            }
            LocalDate on = simOn == null || simOn.isBlank() ? null : LocalDate.parse(simOn.strip());
            PricingRequest req = new PricingRequest(items,
                    simCoupon == null || simCoupon.isBlank() ? List.of() : List.of(simCoupon.strip()),
                    new PricingRequest.Destination(blank(simCountry), blank(simPostalCode), blank(simMethod)),
                    new PricingRequest.Shopper("simulation", simTier, simFirstOrder), on);
            simulation = authoring.simulate(req, simLocale);
        } catch (NumberFormatException e) {
            simError = "A quantity must be a whole number.";
        } catch (DateTimeParseException e) {
            simError = "The date must look like 2026-12-24.";
        } catch (DomainException e) {
            simError = e.getMessage();
        }
    }

    /** The rows comparing the two quotes: label, draft figure, live figure, whether they differ. */
    public List<String[]> getComparison() {
        List<String[]> rows = new ArrayList<>();
        if (simulation == null) {
            return rows;
        }
        Quote d = simulation.draft();
        Quote p = simulation.published();
        row(rows, "Subtotal", d == null ? null : d.subtotal(), p.subtotal());
        List<String> codes = new ArrayList<>();
        for (Quote q : new Quote[] {d, p}) {
            if (q != null) {
                q.discounts().forEach(x -> {
                    if (!codes.contains(x.code())) {
                        codes.add(x.code());
                    }
                });
            }
        }
        for (String code : codes) {
            row(rows, "− " + code + ": " + describe(d, p, code), sum(d, code), sum(p, code));
        }
        row(rows, "Shipping", d == null ? null : d.shippingFee(), p.shippingFee());
        row(rows, "Total", d == null ? null : d.total(), p.total());
        return rows;
    }

    public RuleAuthoring.Simulation getSimulation() {
        return simulation;
    }

    // --- publish, versions, audit ---

    /** Publishes the draft. */
    public void publish() {
        try {
            var served = authoring.publish(actor(), note);
            note = null;
            info("Published version " + served.version() + " (" + served.ruleCount() + " rules). Every node serves it within seconds.");
        } catch (DomainException e) {
            problems.clear();
            problems.addAll(e.findings());
            error(e.getMessage());
        }
    }

    /** What publishing would change: the live version against the draft. */
    public List<RuleAuthoring.FileDiff> getPendingDiff() {
        return authoring.diff(live.version().orElse(0), null);
    }

    public List<RuleStore.Version> getVersions() {
        return authoring.versions();
    }

    /** Makes a version live again. */
    public void rollback(int version) {
        try {
            authoring.rollback(version, actor());
            info("Version " + version + " is live again.");
        } catch (DomainException e) {
            error(e.getMessage());
        }
    }

    /** Shows what a version changed against the one before it. */
    public void showDiff(int version) {
        diffFrom = Math.max(0, version - 1);
        diffTo = version;
        versionDiff = authoring.diff(diffFrom, diffTo);
    }

    public List<RuleAuthoring.FileDiff> getVersionDiff() {
        return versionDiff;
    }

    public List<RuleStore.AuditEntry> getAudit() {
        return authoring.audit(50);
    }

    public List<RuleStore.Alert> getAlerts() {
        return authoring.alerts(20);
    }

    public Integer getLiveVersion() {
        return live.version().orElse(null);
    }

    /** A timestamp in the server's zone. */
    public String when(Instant at) {
        return at == null ? "" : WHEN.format(at.atZone(ZoneId.systemDefault()));
    }

    /** CSS class for a unified-diff line. */
    public String diffClass(String line) {
        if (line.startsWith("+++") || line.startsWith("---")) {
            return "diff-file";
        }
        return line.startsWith("+") ? "diff-add" : line.startsWith("-") ? "diff-del" : line.startsWith("@@") ? "diff-hunk" : "";
    }

    /** The lines of a diff. */
    public List<String> lines(String text) {
        return text == null ? List.of() : text.lines().toList();
    }

    private static void row(List<String[]> rows, String label, BigDecimal draft, BigDecimal published) {
        String a = draft == null ? "—" : draft.toPlainString();
        String b = published == null ? "—" : published.toPlainString();
        rows.add(new String[] {label, a, b, a.equals(b) ? "same" : "changed"});
    }

    private static BigDecimal sum(Quote q, String code) {
        if (q == null) {
            return null;
        }
        return q.discounts().stream().filter(x -> x.code().equals(code)).map(Quote.AppliedDiscount::amount)
                .reduce(BigDecimal::add).orElse(null);
    }

    private static String describe(Quote d, Quote p, String code) {
        for (Quote q : new Quote[] {d, p}) {
            if (q != null) {
                for (Quote.AppliedDiscount x : q.discounts()) {
                    if (x.code().equals(code)) {
                        return x.description();
                    }
                }
            }
        }
        return "";
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private String actor() {
        return FacesContext.getCurrentInstance().getExternalContext().getUserPrincipal().getName();
    }

    private static void info(String message) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, message, null));
    }

    private static void error(String message) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, message, null));
    }

    // --- plain accessors ---

    public String getSelected() {
        return selected;
    }

    public boolean isSelectedIsText() {
        return selectedIsText;
    }

    public String getContent() {
        return content;
    }

    public void setContent(String content) {
        this.content = content;
    }

    public String getNewName() {
        return newName;
    }

    public void setNewName(String newName) {
        this.newName = newName;
    }

    public String getUploadName() {
        return uploadName;
    }

    public void setUploadName(String uploadName) {
        this.uploadName = uploadName;
    }

    public String getSimItems() {
        return simItems;
    }

    public void setSimItems(String simItems) {
        this.simItems = simItems;
    }

    public String getSimCoupon() {
        return simCoupon;
    }

    public void setSimCoupon(String simCoupon) {
        this.simCoupon = simCoupon;
    }

    public String getSimTier() {
        return simTier;
    }

    public void setSimTier(String simTier) {
        this.simTier = simTier;
    }

    public boolean isSimFirstOrder() {
        return simFirstOrder;
    }

    public void setSimFirstOrder(boolean simFirstOrder) {
        this.simFirstOrder = simFirstOrder;
    }

    public String getSimCountry() {
        return simCountry;
    }

    public void setSimCountry(String simCountry) {
        this.simCountry = simCountry;
    }

    public String getSimPostalCode() {
        return simPostalCode;
    }

    public void setSimPostalCode(String simPostalCode) {
        this.simPostalCode = simPostalCode;
    }

    public String getSimMethod() {
        return simMethod;
    }

    public void setSimMethod(String simMethod) {
        this.simMethod = simMethod;
    }

    public String getSimOn() {
        return simOn;
    }

    public void setSimOn(String simOn) {
        this.simOn = simOn;
    }

    public String getSimLocale() {
        return simLocale;
    }

    public void setSimLocale(String simLocale) {
        this.simLocale = simLocale;
    }

    public String getSimError() {
        return simError;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }

    public Integer getDiffFrom() {
        return diffFrom;
    }

    public Integer getDiffTo() {
        return diffTo;
    }
}
