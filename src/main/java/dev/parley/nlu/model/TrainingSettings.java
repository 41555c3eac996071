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
        return new TrainingSettings(Architecture.MLP, 128, 0.7, 10, 256, 5e-3, 1e-5, 20261123L);
    }

    /** An MLP with these settings. */
    public TrainingSettings(int hidden, double dropout, int epochs, int batchSize, double learningRate, double l2,
            long seed) {
        this(Architecture.MLP, hidden, dropout, epochs, batchSize, learningRate, l2, seed);
    }

    /** Example passes a run aims at: epochs shrink as data grows (at least 3, at most {@link #epochs()}). */
    public static final int PASS_BUDGET = 80_000;

    /**
     * These settings for a training set of {@code examples}: the epochs that make about {@link #PASS_BUDGET}
     * example passes, between 3 and this setting's epochs. Small sets (the seed: about 6,500) keep every
     * epoch; ten times the seed trains 3 epochs, where each utterance's many variants already repeat it.
     */
    public TrainingSettings forExamples(int examples) {
        int wanted = examples <= 0 ? epochs : (int) Math.ceil((double) PASS_BUDGET / examples);
        int e = Math.max(Math.min(3, epochs), Math.min(epochs, wanted));
        return new TrainingSettings(architecture, hidden, dropout, e, batchSize, learningRate, l2, seed);
    }

    /** These settings with another architecture. */
    public TrainingSettings withArchitecture(Architecture a) {
        return new TrainingSettings(a, hidden, dropout, epochs, batchSize, learningRate, l2, seed);
    }

    /** The settings as plain values, for storing with a model version. */
    public java.util.Map<String, Object> toMap() {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("architecture", architecture.name().toLowerCase(java.util.Locale.ROOT));
        m.put("hidden", hidden);
        m.put("dropout", dropout);
        m.put("epochs", epochs);
        m.put("batchSize", batchSize);
        m.put("learningRate", learningRate);
        m.put("l2", l2);
        m.put("seed", seed);
        return m;
    }

    /** Settings back from {@link #toMap()}. */
    public static TrainingSettings fromMap(java.util.Map<String, ?> m) {
        Architecture a = Architecture.valueOf(JsonValues.string(m, "architecture").toUpperCase(java.util.Locale.ROOT));
        return new TrainingSettings(a, (int) JsonValues.number(m, "hidden"), JsonValues.number(m, "dropout"),
                (int) JsonValues.number(m, "epochs"), (int) JsonValues.number(m, "batchSize"),
                JsonValues.number(m, "learningRate"), JsonValues.number(m, "l2"), ((Number) m.get("seed")).longValue());
    }

    public TrainingSettings {
        if (architecture == null || hidden < 1 || epochs < 1 || batchSize < 1 || dropout <= 0 || dropout > 1 || learningRate <= 0) {
            throw new IllegalArgumentException("Invalid training settings");
        }
    }
}
