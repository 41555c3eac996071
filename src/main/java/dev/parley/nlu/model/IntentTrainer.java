package dev.parley.nlu.model;

import dev.parley.nlu.Intent;
import dev.parley.nlu.text.SparseVector;
import dev.parley.nlu.text.TextVectorizer;
import dev.parley.nlu.text.VectorizerSettings;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntConsumer;

/**
 * Trains an intent model: a stratified train/validation split (per language and intent, seeded), the
 * vectorizer fitted on the training part only, the network trained on it, and metrics measured on the
 * validation part (overall and per language). Pure computation: the caller stores the result.
 */
public final class IntentTrainer {

    /** Share of each (language, intent) group kept for validation. */
    public static final double VALIDATION_SHARE = 0.15;

    private IntentTrainer() {
    }

    /** One labelled text to learn from. */
    public record Labelled(String text, String language, String intent) {
    }

    /**
     * A trained model and how it did on validation.
     *
     * @param model the model
     * @param validation metrics on the validation split, all languages
     * @param validationByLanguage the same per language
     * @param trainingExamples examples trained on
     * @param validationExamples examples measured on
     */
    public record Result(IntentModel model, IntentMetrics validation, Map<String, IntentMetrics> validationByLanguage,
            int trainingExamples, int validationExamples) {
    }

    /** Trains on {@code examples}; {@code epochDone} hears each finished epoch. */
    public static Result train(List<Labelled> examples, VectorizerSettings vectorizerSettings,
            TrainingSettings trainingSettings, IntConsumer epochDone) {
        List<String> labels = Arrays.stream(Intent.values()).map(Intent::wireName).toList();
        List<Labelled> training = new ArrayList<>();
        List<Labelled> validation = new ArrayList<>();
        split(examples, trainingSettings.seed(), training, validation);
        return trainAndMeasure(training, validation, labels, vectorizerSettings, trainingSettings, epochDone);
    }

    /** Trains on {@code training} and measures on {@code test} (for held-out evaluations). */
    public static Result trainAndMeasure(List<Labelled> training, List<Labelled> test, List<String> labels,
            VectorizerSettings vectorizerSettings, TrainingSettings trainingSettings, IntConsumer epochDone) {
        TextVectorizer vectorizer = new TextVectorizer(vectorizerSettings)
                .fit(training.stream().map(Labelled::text).toList());
        Map<String, Integer> index = new LinkedHashMap<>();
        for (int i = 0; i < labels.size(); i++) {
            index.put(labels.get(i), i);
        }
        List<IntentNetwork.Example> vectors = new ArrayList<>(training.size());
        for (Labelled l : training) {
            SparseVector v = vectorizer.vectorize(l.text());
            Integer label = index.get(l.intent());
            if (label == null) {
                throw new IllegalArgumentException("Unknown intent '" + l.intent() + "'");
            }
            vectors.add(new IntentNetwork.Example(v.indices(), v.values(), label));
        }
        IntentNetwork network = IntentNetwork.train(vectors, vectorizerSettings.dimension(), labels.size(),
                trainingSettings, epochDone);
        IntentModel model = new IntentModel(network, vectorizer, labels, trainingSettings);
        return new Result(model, measure(model, test, labels), measureByLanguage(model, test, labels),
                training.size(), test.size());
    }

    /** Metrics of {@code model} on {@code test}. */
    public static IntentMetrics measure(IntentModel model, List<Labelled> test, List<String> labels) {
        int[] gold = new int[test.size()];
        int[] predicted = new int[test.size()];
        for (int i = 0; i < test.size(); i++) {
            gold[i] = labels.indexOf(test.get(i).intent());
            predicted[i] = labels.indexOf(model.classify(test.get(i).text()).get(0).name());
        }
        return IntentMetrics.of(labels, gold, predicted);
    }

    private static Map<String, IntentMetrics> measureByLanguage(IntentModel model, List<Labelled> test,
            List<String> labels) {
        Map<String, List<Labelled>> byLanguage = new TreeMap<>();
        test.forEach(l -> byLanguage.computeIfAbsent(l.language(), k -> new ArrayList<>()).add(l));
        Map<String, IntentMetrics> out = new LinkedHashMap<>();
        byLanguage.forEach((language, items) -> out.put(language, measure(model, items, labels)));
        return out;
    }

    /** Training and validation parts of the examples. */
    public record Split(List<Labelled> training, List<Labelled> validation) {
    }

    /**
     * Stratified, seeded split: each (language, intent) group gives VALIDATION_SHARE of its examples to
     * validation, chosen by a seeded hash of the text rather than by position. The choice is therefore
     * stable as data grows: an example kept for validation in one run stays there in the next unless its
     * group grew past it, so a live model is rarely measured on examples it trained on when the next run is
     * compared with it.
     */
    public static Split split(List<Labelled> examples, long seed) {
        List<Labelled> training = new ArrayList<>();
        List<Labelled> validation = new ArrayList<>();
        split(examples, seed, training, validation);
        return new Split(training, validation);
    }

    static void split(List<Labelled> examples, long seed, List<Labelled> training, List<Labelled> validation) {
        Map<String, List<Labelled>> groups = new TreeMap<>();
        examples.forEach(e -> groups.computeIfAbsent(e.language() + "/" + e.intent(), k -> new ArrayList<>()).add(e));
        for (List<Labelled> group : groups.values()) {
            List<Labelled> ranked = new ArrayList<>(group);
            ranked.sort(Comparator.comparingLong((Labelled l) -> rank(seed, l.text())).thenComparing(Labelled::text));
            int held = group.size() < 4 ? 0 : Math.max(1, (int) Math.round(group.size() * VALIDATION_SHARE));
            validation.addAll(ranked.subList(0, held));
            training.addAll(ranked.subList(held, ranked.size()));
        }
    }

    /** A seeded 64-bit hash of the text (FNV-1a, then SplitMix64's finaliser). */
    static long rank(long seed, String text) {
        long h = 0xcbf29ce484222325L ^ seed;
        for (int i = 0; i < text.length(); i++) {
            h ^= text.charAt(i);
            h *= 0x100000001b3L;
        }
        h ^= h >>> 30;
        h *= 0xbf58476d1ce4e5b9L;
        h ^= h >>> 27;
        h *= 0x94d049bb133111ebL;
        return h ^ (h >>> 31);
    }
}
