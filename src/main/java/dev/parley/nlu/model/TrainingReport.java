package dev.parley.nlu.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a training run measured, stored as its version's metrics: validation figures overall and per
 * language, the split sizes, the training time, and (when a model was live) the live model's figures on
 * the same validation examples, which decide the promotion.
 *
 * @param validation the new model on the validation split
 * @param byLanguage the same per language
 * @param trainingExamples examples trained on
 * @param validationExamples examples measured on
 * @param trainingSeconds wall time of vectorising and training
 * @param baselineVersion the live version compared with, or 0 when there was none
 * @param baseline the live model on the same validation split, or null when there was none
 */
public record TrainingReport(IntentMetrics validation, Map<String, IntentMetrics> byLanguage, int trainingExamples,
        int validationExamples, double trainingSeconds, int baselineVersion, IntentMetrics baseline) {

    /** Whether the new model is not worse than the baseline: macro-F1, then accuracy, at least as high. */
    public boolean notWorseThanBaseline() {
        if (baseline == null) {
            return true;
        }
        return validation.macroF1() >= baseline.macroF1() - 1e-9 && validation.accuracy() >= baseline.accuracy() - 1e-9;
    }

    /** The report as JSON text. */
    public String toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("validation", validation.toMap());
        Map<String, Object> langs = new LinkedHashMap<>();
        byLanguage.forEach((k, v) -> langs.put(k, v.toMap()));
        m.put("byLanguage", langs);
        m.put("trainingExamples", trainingExamples);
        m.put("validationExamples", validationExamples);
        m.put("trainingSeconds", trainingSeconds);
        m.put("baselineVersion", baselineVersion);
        if (baseline != null) {
            m.put("baseline", baseline.toMap());
        }
        return JsonValues.write(m);
    }

    /** A report back from {@link #toJson()}. */
    public static TrainingReport fromJson(String json) {
        Map<String, Object> m = JsonValues.parseObject(json);
        Map<String, IntentMetrics> langs = new LinkedHashMap<>();
        JsonValues.object(m, "byLanguage").forEach((k, v) -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> o = (Map<String, Object>) v;
            langs.put(k, IntentMetrics.fromMap(o));
        });
        IntentMetrics baseline = m.get("baseline") == null ? null : IntentMetrics.fromMap(JsonValues.object(m, "baseline"));
        return new TrainingReport(IntentMetrics.fromMap(JsonValues.object(m, "validation")), langs,
                (int) JsonValues.number(m, "trainingExamples"), (int) JsonValues.number(m, "validationExamples"),
                JsonValues.number(m, "trainingSeconds"), (int) JsonValues.number(m, "baselineVersion"), baseline);
    }

    /** Labels of the validation metrics. */
    public List<String> labels() {
        return validation.labels();
    }
}
