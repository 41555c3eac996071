package dev.parley.nlu.model;

import dev.parley.nlu.text.SparseVector;
import dev.parley.nlu.text.TextVectorizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A trained intent model ready to serve: the vectorizer it was trained with, the network and the labels.
 * Thread-safe.
 */
public final class IntentModel {

    private final IntentNetwork network;
    private final TextVectorizer vectorizer;
    private final List<String> labels;
    private final TrainingSettings training;

    public IntentModel(IntentNetwork network, TextVectorizer vectorizer, List<String> labels,
            TrainingSettings training) {
        if (network.classes() != labels.size() || network.inputs() != vectorizer.settings().dimension()) {
            throw new IllegalArgumentException("Network, vectorizer and labels do not fit together");
        }
        this.network = network;
        this.vectorizer = vectorizer;
        this.labels = List.copyOf(labels);
        this.training = training;
    }

    /** An intent and how sure the model is of it. */
    public record Scored(String name, double confidence) {
    }

    /** Every intent with its probability, most likely first. */
    public List<Scored> classify(String text) {
        SparseVector v = vectorizer.vectorize(text);
        float[] p = network.probabilities(v.indices(), v.values());
        List<Scored> ranking = new ArrayList<>(p.length);
        for (int i = 0; i < p.length; i++) {
            ranking.add(new Scored(labels.get(i), p[i]));
        }
        ranking.sort(Comparator.comparingDouble(Scored::confidence).reversed().thenComparing(Scored::name));
        return ranking;
    }

    public IntentNetwork network() {
        return network;
    }

    public TextVectorizer vectorizer() {
        return vectorizer;
    }

    public List<String> labels() {
        return labels;
    }

    public TrainingSettings training() {
        return training;
    }
}
