package dev.parley.nlu.model;

import java.util.ArrayList;
import java.util.List;

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
}
