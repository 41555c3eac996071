package dev.parley.nlu.model;

/**
 * How the intent network is built and trained; stored with each model version so a run can be repeated.
 *
 * @param architecture the network's shape
 * @param hidden units in the hidden layer (MLP) or embedding dimensions (embedding bag)
 * @param dropout probability of keeping a hidden unit's input during training (1 for none)
 * @param epochs passes over the training data
 * @param batchSize examples per update
 * @param learningRate Adam's learning rate
 * @param l2 weight decay
 * @param seed seed of weight initialisation, dropout and shuffling: the same data and settings give the
 *     same model
 */
public record TrainingSettings(Architecture architecture, int hidden, double dropout, int epochs, int batchSize,
        double learningRate, double l2, long seed) {

    /** The network's shape. */
    public enum Architecture {
        /** The hashed feature vector, dense, into a ReLU hidden layer of {@code hidden} units, then softmax. */
        MLP,
        /**
         * fastText-style: each active feature's learnt embedding ({@code hidden} dimensions), averaged, then
         * softmax. Cost grows with the features an utterance has, not with the hashed dimension.
         */
        EMBEDDING_BAG
    }

    /** The best measured so far on the held-out split (docs/benchmarks.md, "Intent model"). */
    public static TrainingSettings defaults() {
        return new TrainingSettings(Architecture.MLP, 256, 0.7, 10, 128, 3e-3, 1e-5, 20261123L);
    }

    /** An MLP with these settings. */
    public TrainingSettings(int hidden, double dropout, int epochs, int batchSize, double learningRate, double l2,
            long seed) {
        this(Architecture.MLP, hidden, dropout, epochs, batchSize, learningRate, l2, seed);
    }

    /** These settings with another architecture. */
    public TrainingSettings withArchitecture(Architecture a) {
        return new TrainingSettings(a, hidden, dropout, epochs, batchSize, learningRate, l2, seed);
    }

    public TrainingSettings {
        if (architecture == null || hidden < 1 || epochs < 1 || batchSize < 1 || dropout <= 0 || dropout > 1 || learningRate <= 0) {
            throw new IllegalArgumentException("Invalid training settings");
        }
    }
}
