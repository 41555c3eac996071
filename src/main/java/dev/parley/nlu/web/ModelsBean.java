package dev.parley.nlu.web;

import dev.parley.nlu.model.IntentMetrics;
import dev.parley.nlu.model.TrainingReport;
import dev.parley.nlu.runtime.IntentTraining;
import dev.parley.nlu.runtime.LiveIntentModel;
import dev.parley.nlu.runtime.ModelVersion;
import dev.parley.nlu.runtime.ModelVersions;
import dev.parley.nlu.runtime.NluService;
import dev.parley.nlu.runtime.ParseResult;
import dev.parley.platform.DomainException;
import dev.parley.platform.store.StoreProfiles;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The intent model page: versions with their status and validation figures, training a new version with
 * a progress bar, making a version live, the selected version's report (per language, per intent,
 * confusion matrix) and a "try it" box that parses a message with the live model.
 */
@Named
@ViewScoped
public class ModelsBean implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @Inject
    transient ModelVersions versions;

    @Inject
    transient IntentTraining training;

    @Inject
    transient LiveIntentModel live;

    @Inject
    transient NluService nlu;

    @Inject
    transient StoreProfiles store;

    private transient List<ModelVersion> list;
    private Integer selected;
    private transient TrainingReport report;
    private String text;
    private String locale;
    private ParseResult parsed;

    /** Every version, newest first (read once per request cycle). */
    public List<ModelVersion> getVersions() {
        if (list == null) {
            list = versions.list(50);
        }
        return list;
    }

    /** Whether a run is training now (the page polls while it is). */
    public boolean isTraining() {
        return getVersions().stream().anyMatch(v -> ModelVersion.TRAINING.equals(v.status()));
    }

    /** Re-reads the versions (the page's poll). */
    public void refresh() {
        list = null;
        report = null;
    }

    /** Starts a training run. */
    public void train() {
        if (!adminCaller()) {
            return;
        }
        try {
            int version = training.start(FacesContext.getCurrentInstance().getExternalContext().getRemoteUser());
            selected = version;
            message(FacesMessage.SEVERITY_INFO, "Version " + version + " is training.");
        } catch (DomainException e) {
            message(FacesMessage.SEVERITY_WARN, e.getMessage());
        }
        refresh();
    }

    /** Makes a version live (overrides the validation check). */
    public void promote(int version) {
        if (!adminCaller()) {
            return;
        }
        try {
            versions.promote(version, FacesContext.getCurrentInstance().getExternalContext().getRemoteUser());
            live.refresh();
            message(FacesMessage.SEVERITY_INFO, "Version " + version + " is live.");
        } catch (DomainException e) {
            message(FacesMessage.SEVERITY_WARN, e.getMessage());
        }
        refresh();
    }

    /** Shows a version's report. */
    public void select(int version) {
        selected = version;
        report = null;
    }

    /** Whether a version may be made live from here. */
    public boolean promotable(ModelVersion v) {
        return List.of("trained", "rejected", "retired").contains(v.status());
    }

    /** The version whose report is shown: the chosen one, else the live one, else the newest. */
    public Integer getSelected() {
        if (selected == null) {
            selected = getVersions().stream().filter(v -> ModelVersion.LIVE.equals(v.status())).findFirst()
                    .or(() -> getVersions().stream().findFirst()).map(ModelVersion::version).orElse(null);
        }
        return selected;
    }

    /** The shown version's report, if it has one. */
    public TrainingReport getReport() {
        if (report == null && getSelected() != null) {
            report = versions.report(getSelected()).orElse(null);
        }
        return report;
    }

    /** Language rows of the report. */
    public List<Map.Entry<String, IntentMetrics>> getLanguages() {
        return getReport() == null ? List.of() : new ArrayList<>(getReport().byLanguage().entrySet());
    }

    /** Confusion matrix rows: the gold intent and its counts by predicted intent. */
    public List<ConfusionRow> getConfusion() {
        TrainingReport r = getReport();
        if (r == null) {
            return List.of();
        }
        List<ConfusionRow> rows = new ArrayList<>();
        int[][] m = r.validation().confusion();
        for (int i = 0; i < m.length; i++) {
            List<Integer> cells = new ArrayList<>();
            for (int c : m[i]) {
                cells.add(c);
            }
            rows.add(new ConfusionRow(i, r.labels().get(i), cells));
        }
        return rows;
    }

    /** A confusion matrix row. */
    public record ConfusionRow(int index, String label, List<Integer> cells) implements Serializable {
    }

    /** Parses the "try it" text with the live model. */
    public void tryIt() {
        try {
            parsed = nlu.parse(text, locale == null || locale.isBlank() ? null : locale);
        } catch (DomainException e) {
            parsed = null;
            message(FacesMessage.SEVERITY_WARN, e.getMessage());
        }
    }

    /** A figure as a percentage with one decimal. */
    public String percent(Double value) {
        return value == null ? "–" : String.format(Locale.ROOT, "%.1f%%", value * 100);
    }

    /** A time in the store's time zone. */
    public String when(Instant t) {
        return t == null ? "" : WHEN.withZone(ZoneId.of(store.current().timeZone())).format(t);
    }

    /** Colour intensity of a confusion cell (0–1), relative to its row's total. */
    public double shade(ConfusionRow row, int cell) {
        int total = row.cells().stream().mapToInt(Integer::intValue).sum();
        return total == 0 ? 0 : (double) cell / total;
    }

    public ParseResult getParsed() {
        return parsed;
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }

    public String getLocale() {
        return locale;
    }

    public void setLocale(String locale) {
        this.locale = locale;
    }

    /** Only admins change model versions; analysts read. */
    private static boolean adminCaller() {
        if (FacesContext.getCurrentInstance().getExternalContext().isUserInRole("admin")) {
            return true;
        }
        message(FacesMessage.SEVERITY_WARN, "Only an admin can train or promote a model.");
        return false;
    }

    private static void message(FacesMessage.Severity severity, String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(severity, text, null));
    }
}
