package dev.parley.nlu.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How well predictions match gold labels: accuracy, macro-F1, per-intent precision, recall and F1, and the
 * confusion matrix ({@code confusion[gold][predicted]}).
 *
 * @param labels class names, in index order
 * @param accuracy share of examples predicted right
 * @param macroF1 unweighted mean of the per-class F1 over classes that occur in gold or predictions
 * @param perClass one row per label
 * @param confusion counts, gold label by predicted label
 */
public record IntentMetrics(List<String> labels, double accuracy, double macroF1, List<ClassMetrics> perClass,
        int[][] confusion) {

    /**
     * One class's figures.
     *
     * @param label the class
     * @param precision right predictions of it / all predictions of it (0 when never predicted)
     * @param recall right predictions of it / all gold examples of it (0 when none)
     * @param f1 harmonic mean of the two
     * @param support gold examples of it
     */
    public record ClassMetrics(String label, double precision, double recall, double f1, int support) {
    }

    /** Computes the metrics of {@code predicted} against {@code gold} (class indices into {@code labels}). */
    public static IntentMetrics of(List<String> labels, int[] gold, int[] predicted) {
        if (gold.length != predicted.length) {
            throw new IllegalArgumentException("gold and predicted differ in length");
        }
        int n = labels.size();
        int[][] confusion = new int[n][n];
        int right = 0;
        for (int i = 0; i < gold.length; i++) {
            confusion[gold[i]][predicted[i]]++;
            right += gold[i] == predicted[i] ? 1 : 0;
        }
        List<ClassMetrics> perClass = new ArrayList<>(n);
        double f1Sum = 0;
        int present = 0;
        for (int c = 0; c < n; c++) {
            int tp = confusion[c][c];
            int support = 0;
            int predictedAs = 0;
            for (int k = 0; k < n; k++) {
                support += confusion[c][k];
                predictedAs += confusion[k][c];
            }
            double precision = predictedAs == 0 ? 0 : (double) tp / predictedAs;
            double recall = support == 0 ? 0 : (double) tp / support;
            double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            perClass.add(new ClassMetrics(labels.get(c), precision, recall, f1, support));
            if (support > 0 || predictedAs > 0) {
                f1Sum += f1;
                present++;
            }
        }
        double accuracy = gold.length == 0 ? 0 : (double) right / gold.length;
        return new IntentMetrics(List.copyOf(labels), accuracy, present == 0 ? 0 : f1Sum / present,
                List.copyOf(perClass), confusion);
    }

    /** The metrics as plain values (for JSON). */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("accuracy", accuracy);
        m.put("macroF1", macroF1);
        List<Object> classes = new ArrayList<>();
        for (ClassMetrics c : perClass) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("label", c.label());
            row.put("precision", c.precision());
            row.put("recall", c.recall());
            row.put("f1", c.f1());
            row.put("support", c.support());
            classes.add(row);
        }
        m.put("perClass", classes);
        List<Object> rows = new ArrayList<>();
        for (int[] row : confusion) {
            rows.add(Arrays.stream(row).boxed().toList());
        }
        m.put("confusion", rows);
        return m;
    }

    /** Metrics back from {@link #toMap()}. */
    public static IntentMetrics fromMap(Map<String, ?> m) {
        List<ClassMetrics> perClass = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (Object o : JsonValues.list(m, "perClass")) {
            @SuppressWarnings("unchecked")
            Map<String, Object> row = (Map<String, Object>) o;
            labels.add(JsonValues.string(row, "label"));
            perClass.add(new ClassMetrics(JsonValues.string(row, "label"), JsonValues.number(row, "precision"),
                    JsonValues.number(row, "recall"), JsonValues.number(row, "f1"),
                    (int) JsonValues.number(row, "support")));
        }
        List<Object> rows = JsonValues.list(m, "confusion");
        int[][] confusion = new int[rows.size()][];
        for (int i = 0; i < confusion.length; i++) {
            confusion[i] = ((List<?>) rows.get(i)).stream().mapToInt(x -> ((Number) x).intValue()).toArray();
        }
        return new IntentMetrics(List.copyOf(labels), JsonValues.number(m, "accuracy"), JsonValues.number(m, "macroF1"),
                List.copyOf(perClass), confusion);
    }
}
