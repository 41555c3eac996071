package dev.parley.bench;

import dev.parley.nlu.Intent;
import dev.parley.nlu.model.IntentMetrics;
import dev.parley.nlu.model.IntentModel;
import dev.parley.nlu.model.IntentTrainer;
import dev.parley.nlu.model.TrainingSettings;
import dev.parley.nlu.text.VectorizerSettings;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Trains the intent model on the authored training split ({@code db/seed/nlu/train}) and measures it on the
 * held-out split ({@code db/seed/nlu/heldout}), which training never sees: accuracy and macro-F1 per
 * language, per-intent figures, training time and classification latency. Arguments pick the settings to
 * compare: {@code arch=<mlp|bag> dim=<n> hidden=<n> epochs=<n> dropout=<p> rate=<r> batch=<n> segment=<true|false>} (several sets separated by
 * {@code ;}).
 */
public final class EvaluateIntentModel {

    private EvaluateIntentModel() {
    }

    public static void main(String[] args) throws IOException {
        List<String> labels = Arrays.stream(Intent.values()).map(Intent::wireName).toList();
        List<IntentTrainer.Labelled> train = SeedSplit.read("train");
        List<IntentTrainer.Labelled> heldOut = SeedSplit.read("heldout");
        System.out.printf(Locale.ROOT, "training %d, held-out %d utterances%n", train.size(), heldOut.size());
        String spec = String.join(" ", args).strip();
        for (String set : (spec.isEmpty() ? "dim=8192" : spec).split(";")) {
            VectorizerSettings vs = VectorizerSettings.defaults();
            TrainingSettings d = TrainingSettings.defaults();
            int hidden = d.hidden();
            int epochs = d.epochs();
            double dropout = d.dropout();
            double rate = d.learningRate();
            int batch = d.batchSize();
            TrainingSettings.Architecture arch = d.architecture();
            for (String kv : set.strip().split("\\s+")) {
                String[] p = kv.split("=", 2);
                switch (p[0]) {
                    case "dim" -> vs = vs.withDimension(Integer.parseInt(p[1]));
                    case "segment" -> vs = vs.withSegmentChinese(Boolean.parseBoolean(p[1]));
                    case "hidden" -> hidden = Integer.parseInt(p[1]);
                    case "epochs" -> epochs = Integer.parseInt(p[1]);
                    case "dropout" -> dropout = Double.parseDouble(p[1]);
                    case "rate" -> rate = Double.parseDouble(p[1]);
                    case "batch" -> batch = Integer.parseInt(p[1]);
                    case "arch" -> arch = p[1].equals("bag") ? TrainingSettings.Architecture.EMBEDDING_BAG
                            : TrainingSettings.Architecture.MLP;
                    default -> throw new IllegalArgumentException("Unknown setting " + kv);
                }
            }
            TrainingSettings ts = new TrainingSettings(arch, hidden, dropout, epochs, batch, rate, d.l2(),
                    d.seed());
            long start = System.nanoTime();
            IntentTrainer.Result r = IntentTrainer.trainAndMeasure(train, heldOut, labels, vs, ts, epoch -> { });
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "%n== %s: trained in %.1f s; held-out accuracy %.3f, macro-F1 %.3f%n", set,
                    seconds, r.validation().accuracy(), r.validation().macroF1());
            for (Map.Entry<String, IntentMetrics> e : r.validationByLanguage().entrySet()) {
                System.out.printf(Locale.ROOT, "   %-6s accuracy %.3f, macro-F1 %.3f (%d)%n", e.getKey(),
                        e.getValue().accuracy(), e.getValue().macroF1(),
                        e.getValue().perClass().stream().mapToInt(IntentMetrics.ClassMetrics::support).sum());
            }
            for (IntentMetrics.ClassMetrics c : r.validation().perClass()) {
                System.out.printf(Locale.ROOT, "   %-18s P %.2f R %.2f F1 %.2f (%d)%n", c.label(), c.precision(),
                        c.recall(), c.f1(), c.support());
            }
            perIntentTable(r);
            latency(r.model(), heldOut);
        }
    }

    /** Markdown: per intent, F1 in each language and overall; accuracy and macro-F1 rows. */
    private static void perIntentTable(IntentTrainer.Result r) {
        List<String> languages = List.copyOf(r.validationByLanguage().keySet());
        StringBuilder b = new StringBuilder("\n| intent |");
        languages.forEach(l -> b.append(' ').append(l).append(" F1 |"));
        b.append(" all P / R / F1 |\n|---|");
        languages.forEach(l -> b.append("---|"));
        b.append("---|\n");
        List<IntentMetrics.ClassMetrics> all = r.validation().perClass();
        for (int c = 0; c < all.size(); c++) {
            b.append("| `").append(all.get(c).label()).append("` |");
            for (String l : languages) {
                b.append(String.format(Locale.ROOT, " %.2f |", r.validationByLanguage().get(l).perClass().get(c).f1()));
            }
            b.append(String.format(Locale.ROOT, " %.2f / %.2f / %.2f |%n", all.get(c).precision(), all.get(c).recall(),
                    all.get(c).f1()));
        }
        b.append("| **accuracy** |");
        languages.forEach(l -> b.append(String.format(Locale.ROOT, " **%.3f** |", r.validationByLanguage().get(l).accuracy())));
        b.append(String.format(Locale.ROOT, " **%.3f** |%n| **macro-F1** |", r.validation().accuracy()));
        languages.forEach(l -> b.append(String.format(Locale.ROOT, " **%.3f** |", r.validationByLanguage().get(l).macroF1())));
        b.append(String.format(Locale.ROOT, " **%.3f** |%n", r.validation().macroF1()));
        System.out.println(b);
    }

    private static void latency(IntentModel model, List<IntentTrainer.Labelled> texts) {
        for (int i = 0; i < 2000; i++) {
            model.classify(texts.get(i % texts.size()).text());
        }
        long[] nanos = new long[5000];
        for (int i = 0; i < nanos.length; i++) {
            long t = System.nanoTime();
            model.classify(texts.get(i % texts.size()).text());
            nanos[i] = System.nanoTime() - t;
        }
        Arrays.sort(nanos);
        System.out.printf(Locale.ROOT, "   classify latency (one thread, %d calls): p50 %.2f ms, p99 %.2f ms%n",
                nanos.length, nanos[nanos.length / 2] / 1e6, nanos[nanos.length * 99 / 100] / 1e6);
    }
}
