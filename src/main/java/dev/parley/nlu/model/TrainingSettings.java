package dev.parley.nlu.model;

/**
 * How the intent network is built and trained; stored with each model version so a run can be repeated.
 *
 * @param hidden units in the hidden layer
 * @param dropout probability of keeping a hidden unit's input during training (1 for none)
 * @param epochs passes over the training data
 * @param batchSize examples per update
 * @param learningRate Adam's learning rate
 * @param l2 weight decay
 * @param seed seed of weight initialisation, dropout and shuffling: the same data and settings give the
 *     same model
 */
public record TrainingSettings(int hidden, double dropout, int epochs, int batchSize, double learningRate, double l2,
        long seed) {

    /** The settings chosen by measured held-out accuracy (docs/benchmarks.md). */
    public static TrainingSettings defaults() {
        return new TrainingSettings(256, 0.7, 12, 32, 1e-3, 1e-5, 20261123L);
    }

    public TrainingSettings {
        if (hidden < 1 || epochs < 1 || batchSize < 1 || dropout <= 0 || dropout > 1 || learningRate <= 0) {
            throw new IllegalArgumentException("Invalid training settings");
        }
    }
}
