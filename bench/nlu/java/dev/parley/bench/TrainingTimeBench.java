package dev.parley.bench;

import dev.parley.nlu.Intent;
import dev.parley.nlu.model.IntentModel;
import dev.parley.nlu.model.IntentTrainer;
import dev.parley.nlu.model.ModelArtifact;
import dev.parley.nlu.model.TrainingSettings;
import dev.parley.nlu.text.VectorizerSettings;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * Training time and footprint of the production settings ({@link TrainingSettings#defaults()} with
 * {@link TrainingSettings#forExamples(int)},
 * {@link VectorizerSettings#defaults()}, the same split as a training run): on the authored training seed,
 * and on the seed grown {@code scale} times with typo-like variants (a swapped, dropped or doubled
 * character in one or two places, each variant distinct), for the "10× the seed in under 2 minutes" target.
 * Prints examples, wall time, validation accuracy, stored model size and heap in use after training; then,
 * for the seed model, in-process classification latency (vectorise + network, one thread) and how accuracy
 * on the held-out split rises with the confidence threshold (for {@code PARLEY_NLU_CONFIDENCE_THRESHOLD}).
 *
 * <pre>mvn -o -q -Pbench -Dbench.main=dev.parley.bench.TrainingTimeBench -Dbench.args="1 10"</pre>
 */
public final class TrainingTimeBench {

    private TrainingTimeBench() {
    }

    public static void main(String[] args) throws IOException {
        List<IntentTrainer.Labelled> seed = SeedSplit.read("train");
        List<Integer> scales = args.length == 0 ? List.of(1, 10)
                : Arrays.stream(String.join(" ", args).trim().split("\\s+")).map(Integer::valueOf).toList();
        List<String> labels = Arrays.stream(Intent.values()).map(Intent::wireName).toList();
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int scale : scales) {
            List<IntentTrainer.Labelled> data = grow(seed, scale);
            IntentTrainer.Split split = IntentTrainer.split(data, TrainingSettings.defaults().seed());
            TrainingSettings settings = TrainingSettings.defaults().forExamples(split.training().size());
            System.gc();
            long start = System.nanoTime();
            IntentTrainer.Result r = IntentTrainer.trainAndMeasure(split.training(), split.validation(), labels,
                    VectorizerSettings.defaults(), settings, epoch -> { });
            double seconds = (System.nanoTime() - start) / 1e9;
            ModelArtifact artifact = ModelArtifact.of(r.model());
            long stored = artifact.network().length + artifact.vectorizer().length() + artifact.labels().length()
                    + artifact.training().length();
            System.gc();
            System.out.printf(Locale.ROOT, "scale %d: %d examples (%d trained, %d validation), %d epochs: %.1f s; "
                    + "validation accuracy %.3f; stored model %.1f MiB; heap used after training %.0f MiB%n",
                    scale, data.size(), r.trainingExamples(), r.validationExamples(), settings.epochs(), seconds,
                    r.validation().accuracy(), stored / 1048576.0, memory.getHeapMemoryUsage().getUsed() / 1048576.0);
            if (scale == 1) {
                latency(r.model(), seed);
                calibration(r.model(), SeedSplit.read("heldout"));
            }
        }
    }

    private static void latency(IntentModel model, List<IntentTrainer.Labelled> texts) {
        for (int i = 0; i < 20_000; i++) {
            model.classify(texts.get(i % texts.size()).text());
        }
        long[] nanos = new long[20_000];
        for (int i = 0; i < nanos.length; i++) {
            long t = System.nanoTime();
            model.classify(texts.get((i * 7) % texts.size()).text());
            nanos[i] = System.nanoTime() - t;
        }
        Arrays.sort(nanos);
        System.out.printf(Locale.ROOT, "in-process classify (vectorise + network), one thread, %d calls: "
                + "p50 %.3f ms, p99 %.3f ms, p99.9 %.3f ms%n", nanos.length, nanos[nanos.length / 2] / 1e6,
                nanos[nanos.length * 99 / 100] / 1e6, nanos[nanos.length * 999 / 1000] / 1e6);
    }

    /** The seed plus scale − 1 typo-like variants of each utterance (all distinct). */
    static List<IntentTrainer.Labelled> grow(List<IntentTrainer.Labelled> seed, int scale) {
        List<IntentTrainer.Labelled> out = new ArrayList<>(seed);
        Set<String> seen = new HashSet<>();
        seed.forEach(l -> seen.add(l.language() + "\u0000" + l.text()));
        Random random = new Random(20261130L);
        for (IntentTrainer.Labelled l : seed) {
            int made = 0;
            for (int attempt = 0; made < scale - 1 && attempt < scale * 20; attempt++) {
                String variant = typo(l.text(), random, 1 + random.nextInt(2));
                if (seen.add(l.language() + "\u0000" + variant)) {
                    out.add(new IntentTrainer.Labelled(variant, l.language(), l.intent()));
                    made++;
                }
            }
        }
        return out;
    }

    private static String typo(String text, Random random, int edits) {
        StringBuilder s = new StringBuilder(text);
        for (int e = 0; e < edits && s.length() > 2; e++) {
            int i = 1 + random.nextInt(s.length() - 2);
            switch (random.nextInt(3)) {
                case 0 -> {
                    char c = s.charAt(i);
                    s.setCharAt(i, s.charAt(i + 1));
                    s.setCharAt(i + 1, c);
                }
                case 1 -> s.deleteCharAt(i);
                default -> s.insert(i, s.charAt(i));
            }
        }
        return s.toString();
    }

    /** Held-out accuracy above each confidence threshold and the share of answers above it. */
    private static void calibration(IntentModel model, List<IntentTrainer.Labelled> heldOut) {
        double[] thresholds = {0, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8};
        int[] above = new int[thresholds.length];
        int[] right = new int[thresholds.length];
        for (IntentTrainer.Labelled l : heldOut) {
            IntentModel.Scored top = model.classify(l.text()).get(0);
            for (int t = 0; t < thresholds.length; t++) {
                if (top.confidence() >= thresholds[t]) {
                    above[t]++;
                    right[t] += top.name().equals(l.intent()) ? 1 : 0;
                }
            }
        }
        for (int t = 0; t < thresholds.length; t++) {
            System.out.printf(Locale.ROOT, "held-out, confidence >= %.1f: %.1f%% of %d answered, accuracy %.3f%n",
                    thresholds[t], 100.0 * above[t] / heldOut.size(), heldOut.size(),
                    above[t] == 0 ? 0 : (double) right[t] / above[t]);
        }
    }
}
