package dev.parley.bench;

import dev.parley.nlu.Intent;
import dev.parley.nlu.model.IntentMetrics;
import dev.parley.nlu.model.IntentModel;
import dev.parley.nlu.model.IntentTrainer;
import dev.parley.nlu.model.IntentTrainer.Labelled;
import dev.parley.nlu.model.TrainingSettings;
import dev.parley.nlu.text.VectorizerSettings;
import dev.parley.nlu.training.AnnotatedUtterance;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Side-by-side benchmark of Parley's intent pipeline and NLP.js ({@code node-nlp} 4.27 with its Chinese
 * support, in {@code bench/nlu/nlpjs}), for issue 4. One command, from the project folder:
 *
 * <pre>
 * mvn -o -q -Pbench -Dbench.main=dev.parley.bench.CompareNlu
 * mvn -o -q -Pbench -Dbench.main=dev.parley.bench.CompareNlu -Dbench.args="parts=seed,external"
 * </pre>
 *
 * <p>Parts ({@code parts=}, comma-separated, default all three):
 * <ul>
 * <li>{@code seed}: both trained on {@code db/seed/nlu/train} (en, zh-TW, zh-CN; NLP.js gets zh-TW and zh-CN
 * as its {@code zh}) and scored on {@code db/seed/nlu/heldout}: accuracy and macro-F1 per language, training
 * time, latency per utterance (one thread, 2,000 warm-up calls, then 5,000 timed).</li>
 * <li>{@code external}: the same seed-trained models, never trained on the public sets, scored on Bitext
 * (accuracy) and CLINC150 (out-of-scope recall) through {@code label_mapping.tsv}, {@code high} rows only.</li>
 * <li>{@code clinc}: the CLINC150 standard protocol: a throwaway model per pipeline trained on {@code train} +
 * {@code oos_train} (151 labels), scored on {@code test} (in-scope accuracy) and {@code oos_test} (recall of
 * {@code oos}).</li>
 * </ul>
 * Other arguments: {@code data=} the public data folder (default {@code ../shared/data}; when absent the
 * external and clinc parts are skipped with a message), {@code out=} (default {@code target/nlu-bench}),
 * {@code node=} and {@code npm=} (default from the PATH). Parley uses {@link VectorizerSettings#defaults()}
 * and {@link TrainingSettings#defaults()} (epochs scaled by {@code forExamples}, as production runs). Both
 * pipelines are scored by the same code ({@link IntentMetrics}).
 * The pipelines run one after the other, never at the same time. Files derived from the public sets go to a
 * temporary folder that is deleted at the end, never into the project. The Markdown report is printed and
 * written to {@code <out>/report.md}.
 */
public final class CompareNlu {

    private static final List<String> LANGUAGES = List.of("en", "zh-TW", "zh-CN");
    private static final String OUT_OF_SCOPE = Intent.OUT_OF_SCOPE.wireName();
    private static final String CLINC_OOS = "oos";
    private static final String NLPJS_NONE = "None";
    private static final double LOW_CONFIDENCE = 0.5;
    private static final int WARMUP = 2000;
    private static final int CALLS = 5000;
    private static final Path NLPJS_DIR = Path.of("bench", "nlu", "nlpjs");

    private final Set<String> parts;
    private final Path data;
    private final Path out;
    private final String node;
    private final String npm;
    private final StringBuilder report = new StringBuilder();
    private Path scratch;
    private String nlpjsUnavailable;
    private JsonObject nlpjsVersions;

    private CompareNlu(Map<String, String> options) {
        this.parts = new LinkedHashSet<>(Arrays.asList(options.getOrDefault("parts", "seed,external,clinc").split(",")));
        this.data = Path.of(options.getOrDefault("data", Path.of("..", "shared", "data").toString()));
        this.out = Path.of(options.getOrDefault("out", Path.of("target", "nlu-bench").toString()));
        this.node = options.getOrDefault("node", "node");
        this.npm = options.getOrDefault("npm", "npm");
        for (String p : parts) {
            if (!Set.of("seed", "external", "clinc").contains(p)) {
                throw new IllegalArgumentException("Unknown part '" + p + "' (seed, external, clinc)");
            }
        }
    }

    /** A set to classify: rows with their gold labels. */
    private record TestSet(String name, List<Labelled> rows, Path dir) {
    }

    /**
     * One pipeline's answer for one row.
     *
     * @param top the best-ranked label ({@code None} for NLP.js's none class)
     * @param confidence its score
     * @param served what the pipeline returns by default (NLP.js: {@code None} when the top score is below its
     *     threshold; Parley: the top label)
     */
    private record Answer(String top, double confidence, String served) {
    }

    /** A pipeline's training time, latency and answers per test set. */
    private record Run(String pipeline, double trainSeconds, double p50Millis, double p99Millis,
            Map<String, List<Answer>> answers) {
    }

    /** How an answer becomes a label. */
    private enum Rule {
        /** What the pipeline returns by default. */
        SERVED,
        /** The top label, no threshold. */
        TOP,
        /** The top label, but out of scope when its confidence is below {@link #LOW_CONFIDENCE}. */
        LOW_CONFIDENCE_OUT
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        Map<String, String> options = new LinkedHashMap<>();
        String spec = String.join(" ", args).strip();
        if (spec.startsWith("-")) {
            // Without -Dbench.args the bench profile passes JMH's default arguments (-rf json -rff …): not ours.
            spec = "";
        }
        for (String arg : spec.split("\\s+")) {
            if (!arg.isEmpty()) {
                String[] kv = arg.split("=", 2);
                if (kv.length != 2) {
                    throw new IllegalArgumentException("Expected key=value, got " + arg);
                }
                options.put(kv[0], kv[1]);
            }
        }
        preload(CompareNlu.class, "dev/parley/bench/CompareNlu");
        preload(IntentModel.class, "dev/parley/nlu/");
        new CompareNlu(options).run();
    }

    /**
     * Loads (without initialising) every class under {@code prefix} in the class-path folder that holds
     * {@code anchor}. The bench runs for minutes from {@code target/}, which another build on the same working
     * tree may recompile meanwhile; classes already loaded survive that.
     */
    private static void preload(Class<?> anchor, String prefix) throws IOException {
        Path root;
        try {
            root = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (java.net.URISyntaxException | RuntimeException e) {
            return;
        }
        if (!Files.isDirectory(root)) {
            return;
        }
        List<String> names;
        try (Stream<Path> files = Files.walk(root)) {
            names = files.map(f -> root.relativize(f).toString().replace(java.io.File.separatorChar, '/'))
                    .filter(n -> n.startsWith(prefix) && n.endsWith(".class") && !n.endsWith("package-info.class"))
                    .map(n -> n.substring(0, n.length() - ".class".length()).replace('/', '.'))
                    .toList();
        }
        for (String name : names) {
            try {
                Class.forName(name, false, anchor.getClassLoader());
            } catch (ClassNotFoundException | LinkageError e) {
                // Optional at run time (e.g. a class whose dependencies are provided by the server).
            }
        }
    }

    private void run() throws IOException, InterruptedException {
        Files.createDirectories(out);
        scratch = Files.createTempDirectory("parley-nlu-bench-");
        try {
            prepareNlpJs();
            header();
            if (parts.contains("seed") || parts.contains("external") && externalDataPresent()) {
                seedAndExternal();
            } else if (parts.contains("external")) {
                section("2. External sets, shipped-style model");
                line("Skipped: the public data folder `%s` is absent.", data);
            }
            if (parts.contains("clinc")) {
                clincStandard();
            }
        } finally {
            try (Stream<Path> files = Files.walk(scratch)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        Files.writeString(out.resolve("report.md"), report, StandardCharsets.UTF_8);
        System.out.println();
        System.out.print(report);
        System.out.println();
        System.out.println("Report written to " + out.resolve("report.md"));
    }

    // ---------------------------------------------------------------------------------------------- parts

    private void seedAndExternal() throws IOException, InterruptedException {
        List<String> labels = Arrays.stream(Intent.values()).map(Intent::wireName).toList();
        List<Labelled> train = readSeed("train");
        Path seedDir = out.resolve("seed");
        Files.createDirectories(seedDir);
        TestSet heldOut = new TestSet("heldout", readSeed("heldout"), seedDir);
        List<TestSet> tests = new ArrayList<>(List.of(heldOut));
        TestSet bitext = null;
        TestSet clincOos = null;
        TestSet clincTest = null;
        boolean external = parts.contains("external") && externalDataPresent();
        if (external) {
            Map<String, Map<String, String>> mapping = readMapping();
            bitext = new TestSet("bitext", readBitext(mapping.get("bitext")), scratch);
            JsonObject clinc = readClinc();
            clincOos = new TestSet("clinc-oos_test", clincRows(clinc, "oos_test", mapping.get("clinc150")), scratch);
            clincTest = new TestSet("clinc-test", clincRows(clinc, "test", mapping.get("clinc150")), scratch);
            tests.addAll(List.of(bitext, clincOos, clincTest));
        }
        progress("seed: %d training, %d held-out utterances", train.size(), heldOut.rows().size());
        Run parley = runParley(train, labels, tests, heldOut.name());
        Run nlpjs = runNlpJs("seed", train, tests, heldOut.name(), seedDir, OUT_OF_SCOPE);

        if (parts.contains("seed")) {
            seedReport(labels, train.size(), heldOut, parley, nlpjs);
        }
        if (parts.contains("external")) {
            if (external) {
                externalReport(labels, bitext, clincOos, clincTest, parley, nlpjs);
            } else {
                section("2. External sets, shipped-style model");
                line("Skipped: the public data folder `%s` is absent.", data);
            }
        }
    }

    private void clincStandard() throws IOException, InterruptedException {
        section("3. CLINC150 standard protocol (throwaway models trained on CLINC150)");
        if (!externalDataPresent()) {
            line("Skipped: the public data folder `%s` is absent.", data);
            return;
        }
        JsonObject clinc = readClinc();
        List<Labelled> train = new ArrayList<>(clincRows(clinc, "train", null));
        train.addAll(clincRows(clinc, "oos_train", null));
        List<String> labels = new ArrayList<>(new TreeSet<>(train.stream().map(Labelled::intent).toList()));
        TestSet test = new TestSet("test", clincRows(clinc, "test", null), scratch);
        TestSet oosTest = new TestSet("oos_test", clincRows(clinc, "oos_test", null), scratch);
        List<TestSet> tests = List.of(test, oosTest);
        progress("clinc: %d training utterances, %d labels", train.size(), labels.size());
        Run parley = runParley(train, labels, tests, test.name());
        Run nlpjs = runNlpJs("clinc", train, tests, test.name(), scratch, CLINC_OOS);

        line("Training: `train` + `oos_train` (%,d utterances, %d labels: 150 intents + `oos`). In-scope accuracy: "
                + "`test` (%,d), a prediction of `oos` counts as wrong. OOS recall: share of `oos_test` (%,d) "
                + "predicted `oos`. Latency over `test` utterances.", train.size(), labels.size(),
                test.rows().size(), oosTest.rows().size());
        line("");
        line("| pipeline | decision | in-scope accuracy | OOS recall | training | p50 | p99 |");
        line("|---|---|---|---|---|---|---|");
        for (Run r : present(parley, nlpjs)) {
            for (Rule rule : rulesFor(r)) {
                List<String> inScope = labelsOf(r, test, rule, CLINC_OOS);
                List<String> oos = labelsOf(r, oosTest, rule, CLINC_OOS);
                line("| %s | %s | %s | %s | %s | %s | %s |", r.pipeline(), describe(r, rule, "`oos`"),
                        pct(metrics(labels, test.rows(), inScope).accuracy()),
                        pct(share(oos, CLINC_OOS::equals)), seconds(r), ms(r.p50Millis()), ms(r.p99Millis()));
            }
        }
        line("");
        line("Reference measured earlier on this kind of machine: NLP.js 4.27, 84.4 %% in-scope accuracy, 26.6 %% "
                + "OOS recall, 72 s training, 0.34 ms p99.");
        unavailableNote(nlpjs);
    }

    // ---------------------------------------------------------------------------------------------- reports

    private void header() {
        report.append("# NLU comparison: Parley vs NLP.js\n\n");
        line("Measured %s by `dev.parley.bench.CompareNlu` (parts: %s).",
                ZonedDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z", Locale.ROOT)),
                String.join(", ", parts));
        line("");
        line("- Machine: %d cores, %s %s, Java %s (%s).", Runtime.getRuntime().availableProcessors(),
                System.getProperty("os.name"), System.getProperty("os.arch"), System.getProperty("java.version"),
                System.getProperty("java.vm.name"));
        line("- Parley: `VectorizerSettings.defaults()` = `%s`; `TrainingSettings.defaults()` = `%s`, epochs scaled "
                + "to the training set as in production (`forExamples`).", VectorizerSettings.defaults(),
                TrainingSettings.defaults());
        if (nlpjsUnavailable == null) {
            line("- NLP.js: `node-nlp` %s on Node %s; languages `en` and `zh` (zh-TW and zh-CN both go to `zh`, "
                    + "the language is passed with each utterance); NER, sentiment, answers and model saving "
                    + "off; its default threshold 0.5.", nlpjsVersions.getString("nodeNlp"),
                    nlpjsVersions.getString("node"));
        } else {
            line("- NLP.js: unavailable (%s).", nlpjsUnavailable);
        }
        line("- Latency: one call per utterance on one thread after %,d warm-up calls, %,d timed calls cycling "
                + "through the test utterances (Parley `IntentModel.classify`; NLP.js `NlpManager.process`).",
                WARMUP, CALLS);
        line("- Training time: wall clock of training alone (Parley: vectorizer fit + network; NLP.js: "
                + "`NlpManager.train`), in a fresh process each.");
    }

    private void seedReport(List<String> labels, int trainSize, TestSet heldOut, Run parley, Run nlpjs) {
        section("1. Seed held-out comparison");
        line("Both trained on `db/seed/nlu/train` (%,d utterances, %d intents, en / zh-TW / zh-CN) and scored on "
                + "`db/seed/nlu/heldout` (%,d: %s).", trainSize, labels.size(), heldOut.rows().size(),
                String.join(", ", LANGUAGES.stream().map(l -> l + " " + heldOut.rows().stream()
                        .filter(r -> r.language().equals(l)).count()).toList()));
        line("");
        StringBuilder head = new StringBuilder("| pipeline | decision |");
        StringBuilder rule = new StringBuilder("|---|---|");
        for (String l : LANGUAGES) {
            head.append(' ').append(l).append(" accuracy | ").append(l).append(" macro-F1 |");
            rule.append("---|---|");
        }
        line("%s all accuracy | all macro-F1 |", head);
        line("%s---|---|", rule);
        for (Run r : present(parley, nlpjs)) {
            for (Rule d : rulesFor(r)) {
                List<String> predicted = labelsOf(r, heldOut, d, OUT_OF_SCOPE);
                StringBuilder row = new StringBuilder("| " + r.pipeline() + " | " + describe(r, d, "`out_of_scope`")
                        + " |");
                for (String l : LANGUAGES) {
                    IntentMetrics m = metrics(labels, heldOut.rows(), predicted, x -> x.language().equals(l));
                    row.append(' ').append(pct(m.accuracy())).append(" | ").append(pct(m.macroF1())).append(" |");
                }
                IntentMetrics all = metrics(labels, heldOut.rows(), predicted);
                line("%s %s | %s |", row, pct(all.accuracy()), pct(all.macroF1()));
            }
        }
        line("");
        line("| pipeline | training | classify p50 | classify p99 |");
        line("|---|---|---|---|");
        for (Run r : present(parley, nlpjs)) {
            line("| %s | %s | %s | %s |", r.pipeline(), seconds(r), ms(r.p50Millis()), ms(r.p99Millis()));
        }
        if (nlpjs != null) {
            line("");
            line("Per-intent F1 (all languages, each pipeline as served):");
            line("");
            line("| intent | Parley F1 | NLP.js F1 | support |");
            line("|---|---|---|---|");
            IntentMetrics p = metrics(labels, heldOut.rows(), labelsOf(parley, heldOut, Rule.SERVED, OUT_OF_SCOPE));
            IntentMetrics n = metrics(labels, heldOut.rows(), labelsOf(nlpjs, heldOut, Rule.SERVED, OUT_OF_SCOPE));
            for (int i = 0; i < labels.size(); i++) {
                IntentMetrics.ClassMetrics pc = p.perClass().get(i);
                IntentMetrics.ClassMetrics nc = n.perClass().get(i);
                line("| %s | %s | %s | %d |", pc.label(), pct(pc.f1()), pct(nc.f1()), pc.support());
            }
        }
        unavailableNote(nlpjs);
    }

    private void externalReport(List<String> labels, TestSet bitext, TestSet clincOos, TestSet clincTest, Run parley,
            Run nlpjs) {
        section("2. External sets, shipped-style model (never trained on them)");
        line("The seed-trained models of part 1, scored on `%s` through `label_mapping.tsv` (rows with confidence "
                + "`high` only; `clinc150 *` maps every CLINC intent not listed to `out_of_scope`; labels listed "
                + "with another confidence are left out).", data);
        List<Labelled> clincInScope = clincTest.rows().stream().filter(r -> !r.intent().equals(OUT_OF_SCOPE)).toList();
        List<Labelled> clincOut = clincTest.rows().stream().filter(r -> r.intent().equals(OUT_OF_SCOPE)).toList();
        line("");
        line("- Bitext: %,d utterances with a high-confidence mapping (of 4,514), accuracy against the mapped intent.",
                bitext.rows().size());
        line("- CLINC150 `oos_test`: %,d utterances, OOS recall = share whose label is `out_of_scope`.",
                clincOos.rows().size());
        line("- CLINC150 `test` + `oos_test`, every row mapped to `out_of_scope`: %,d utterances (%,d from `test`), "
                + "OOS recall.", clincOut.size() + clincOos.rows().size(), clincOut.size());
        line("- CLINC150 `test` rows mapped to a shop intent (%s): %,d utterances, accuracy (the other side of "
                + "OOS recall).", String.join(", ", new TreeSet<>(clincInScope.stream().map(Labelled::intent)
                        .toList())), clincInScope.size());
        line("");
        line("| pipeline | decision | Bitext accuracy | CLINC `oos_test` OOS recall | CLINC all mapped-OOS recall "
                + "| CLINC mapped in-scope accuracy |");
        line("|---|---|---|---|---|---|");
        for (Run r : present(parley, nlpjs)) {
            for (Rule d : rulesFor(r)) {
                List<String> b = labelsOf(r, bitext, d, OUT_OF_SCOPE);
                List<String> o = labelsOf(r, clincOos, d, OUT_OF_SCOPE);
                List<String> t = labelsOf(r, clincTest, d, OUT_OF_SCOPE);
                int outRight = (int) o.stream().filter(OUT_OF_SCOPE::equals).count();
                int inRight = 0;
                for (int i = 0; i < t.size(); i++) {
                    String gold = clincTest.rows().get(i).intent();
                    if (gold.equals(OUT_OF_SCOPE)) {
                        outRight += t.get(i).equals(OUT_OF_SCOPE) ? 1 : 0;
                    } else {
                        inRight += t.get(i).equals(gold) ? 1 : 0;
                    }
                }
                line("| %s | %s | %s | %s | %s | %s |", r.pipeline(), describe(r, d, "`out_of_scope`"),
                        pct(metrics(labels, bitext.rows(), b).accuracy()), pct(share(o, OUT_OF_SCOPE::equals)),
                        pct((double) outRight / (clincOut.size() + clincOos.rows().size())),
                        pct((double) inRight / clincInScope.size()));
            }
        }
        line("");
        line("Bitext accuracy per mapped intent (each pipeline as served):");
        line("");
        line("| mapped intent | Bitext labels | utterances | Parley | Parley's most frequent other answer | NLP.js "
                + "| NLP.js's most frequent other answer |");
        line("|---|---|---|---|---|---|---|");
        List<String> p = labelsOf(parley, bitext, Rule.SERVED, OUT_OF_SCOPE);
        List<String> n = nlpjs == null ? null : labelsOf(nlpjs, bitext, Rule.SERVED, OUT_OF_SCOPE);
        Map<String, Set<String>> sources = bitextSources();
        for (String target : new TreeSet<>(bitext.rows().stream().map(Labelled::intent).toList())) {
            int total = 0;
            int pr = 0;
            int nr = 0;
            Map<String, Integer> pOther = new TreeMap<>();
            Map<String, Integer> nOther = new TreeMap<>();
            for (int i = 0; i < bitext.rows().size(); i++) {
                if (bitext.rows().get(i).intent().equals(target)) {
                    total++;
                    pr += p.get(i).equals(target) ? 1 : 0;
                    if (!p.get(i).equals(target)) {
                        pOther.merge(p.get(i), 1, Integer::sum);
                    }
                    if (n != null) {
                        nr += n.get(i).equals(target) ? 1 : 0;
                        if (!n.get(i).equals(target)) {
                            nOther.merge(n.get(i), 1, Integer::sum);
                        }
                    }
                }
            }
            line("| %s | %s | %,d | %s | %s | %s | %s |", target,
                    String.join(", ", sources.getOrDefault(target, Set.of())), total, pct((double) pr / total),
                    mostFrequent(pOther, total), n == null ? "–" : pct((double) nr / total),
                    n == null ? "–" : mostFrequent(nOther, total));
        }
        unavailableNote(nlpjs);
    }

    private static String mostFrequent(Map<String, Integer> counts, int total) {
        return counts.entrySet().stream().max(Map.Entry.<String, Integer>comparingByValue()
                        .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                .map(e -> String.format(Locale.ROOT, "%s (%.0f %%)", e.getKey(), 100.0 * e.getValue() / total))
                .orElse("–");
    }

    private void unavailableNote(Run nlpjs) {
        if (nlpjs == null) {
            line("");
            line("NLP.js was not run: %s.", nlpjsUnavailable);
        }
    }

    private static List<Rule> rulesFor(Run r) {
        return r.pipeline().equals("Parley") ? List.of(Rule.SERVED, Rule.LOW_CONFIDENCE_OUT)
                : List.of(Rule.SERVED, Rule.TOP);
    }

    private static String describe(Run r, Rule rule, String outLabel) {
        boolean parley = r.pipeline().equals("Parley");
        return switch (rule) {
            case SERVED -> parley ? "as served: top intent" : "as shipped: `process()`, below 0.5 → `None` → " + outLabel;
            case TOP -> parley ? "top intent" : "top classification, no threshold (`None` → " + outLabel + ")";
            case LOW_CONFIDENCE_OUT -> "top confidence < 0.5 → " + outLabel;
        };
    }

    private static List<Run> present(Run parley, Run nlpjs) {
        return nlpjs == null ? List.of(parley) : List.of(parley, nlpjs);
    }

    // ---------------------------------------------------------------------------------------------- pipelines

    private Run runParley(List<Labelled> train, List<String> labels, List<TestSet> tests, String latencyOn) {
        progress("Parley: training on %,d utterances, %d labels", train.size(), labels.size());
        long start = System.nanoTime();
        IntentTrainer.Result result = IntentTrainer.trainAndMeasure(train, List.of(), labels,
                VectorizerSettings.defaults(), TrainingSettings.defaults().forExamples(train.size()),
                epoch -> progress("Parley: epoch %d", epoch));
        double trainSeconds = (System.nanoTime() - start) / 1e9;
        progress("Parley: trained in %.1f s", trainSeconds);
        IntentModel model = result.model();
        Map<String, List<Answer>> answers = new LinkedHashMap<>();
        List<Labelled> latencyRows = null;
        for (TestSet t : tests) {
            List<Answer> a = new ArrayList<>(t.rows().size());
            for (Labelled row : t.rows()) {
                IntentModel.Scored top = model.classify(row.text()).get(0);
                a.add(new Answer(top.name(), top.confidence(), top.name()));
            }
            answers.put(t.name(), a);
            if (t.name().equals(latencyOn)) {
                latencyRows = t.rows();
            }
        }
        for (int i = 0; i < WARMUP; i++) {
            model.classify(latencyRows.get(i % latencyRows.size()).text());
        }
        long[] nanos = new long[CALLS];
        for (int i = 0; i < nanos.length; i++) {
            long t = System.nanoTime();
            model.classify(latencyRows.get(i % latencyRows.size()).text());
            nanos[i] = System.nanoTime() - t;
        }
        Arrays.sort(nanos);
        return new Run("Parley", trainSeconds, nanos[nanos.length / 2] / 1e6, nanos[nanos.length * 99 / 100] / 1e6,
                answers);
    }

    /** Runs nlpjs-bench.js on one job; {@code null} when NLP.js cannot run here. */
    private Run runNlpJs(String job, List<Labelled> train, List<TestSet> tests, String latencyOn, Path trainDir,
            String outLabel) throws IOException, InterruptedException {
        if (nlpjsUnavailable != null) {
            return null;
        }
        Path jobDir = out.resolve(job).toAbsolutePath();
        Files.createDirectories(jobDir);
        Path trainFile = writeTsv(trainDir.resolve(job + "-train.tsv"), train);
        JsonArrayBuilder testsJson = Json.createArrayBuilder();
        Map<String, Path> outputs = new LinkedHashMap<>();
        for (TestSet t : tests) {
            Path in = writeTsv(t.dir().resolve(job + "-" + t.name() + ".tsv"), t.rows());
            Path predictions = t.dir().toAbsolutePath().resolve(job + "-" + t.name() + ".nlpjs.tsv");
            outputs.put(t.name(), predictions);
            testsJson.add(Json.createObjectBuilder().add("name", t.name()).add("file", in.toAbsolutePath().toString())
                    .add("out", predictions.toString()));
        }
        Path summary = jobDir.resolve("nlpjs-summary.json");
        JsonObject jobJson = Json.createObjectBuilder()
                .add("train", trainFile.toAbsolutePath().toString())
                .add("tests", testsJson)
                .add("latency", latencyOn)
                .add("warmup", WARMUP)
                .add("calls", CALLS)
                .add("threshold", LOW_CONFIDENCE)
                .add("summary", summary.toString())
                .build();
        Path jobFile = jobDir.resolve("job.json");
        Files.writeString(jobFile, jobJson.toString(), StandardCharsets.UTF_8);
        Path log = jobDir.resolve("nlpjs.log");
        progress("NLP.js: training on %,d utterances (log: %s)", train.size(), log);
        Process p = new ProcessBuilder(node, "nlpjs-bench.js", jobFile.toString())
                .directory(NLPJS_DIR.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        int exit = p.waitFor();
        if (exit != 0) {
            throw new IllegalStateException("nlpjs-bench.js failed (exit " + exit + "): "
                    + Files.readString(log, StandardCharsets.UTF_8));
        }
        JsonObject s;
        try (JsonReader r = Json.createReader(Files.newBufferedReader(summary, StandardCharsets.UTF_8))) {
            s = r.readObject();
        }
        Map<String, List<Answer>> answers = new LinkedHashMap<>();
        for (TestSet t : tests) {
            List<Answer> a = new ArrayList<>(t.rows().size());
            for (String line : Files.readAllLines(outputs.get(t.name()), StandardCharsets.UTF_8)) {
                if (!line.isEmpty()) {
                    String[] f = line.split("\t", -1);
                    a.add(new Answer(f[2], Double.parseDouble(f[3]), f[0]));
                }
            }
            if (a.size() != t.rows().size()) {
                throw new IllegalStateException("NLP.js answered " + a.size() + " of " + t.rows().size() + " in "
                        + t.name());
            }
            answers.put(t.name(), a);
        }
        JsonObject latency = s.getJsonObject("latency");
        Run run = new Run("NLP.js", s.getJsonNumber("trainSeconds").doubleValue(),
                latency.getJsonNumber("p50Millis").doubleValue(), latency.getJsonNumber("p99Millis").doubleValue(),
                answers);
        progress("NLP.js: trained in %.1f s", run.trainSeconds());
        return run;
    }

    /** Installs node-nlp (npm ci) when missing and records the versions; notes why NLP.js cannot run if so. */
    private void prepareNlpJs() throws IOException, InterruptedException {
        try {
            if (!Files.isDirectory(NLPJS_DIR.resolve("node_modules").resolve("node-nlp"))) {
                progress("NLP.js: installing node-nlp (npm ci in %s)", NLPJS_DIR);
                Process p = new ProcessBuilder(npm, "ci", "--no-audit", "--no-fund").directory(NLPJS_DIR.toFile())
                        .inheritIO().start();
                if (p.waitFor() != 0) {
                    nlpjsUnavailable = "`npm ci` failed in " + NLPJS_DIR;
                    return;
                }
            }
            Process p = new ProcessBuilder(node, "-e", "console.log(JSON.stringify({node: process.version, "
                    + "nodeNlp: require('node-nlp/package.json').version}))").directory(NLPJS_DIR.toFile()).start();
            String versions = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0) {
                nlpjsUnavailable = "`node` cannot load node-nlp";
                return;
            }
            try (JsonReader r = Json.createReader(new java.io.StringReader(versions))) {
                nlpjsVersions = r.readObject();
            }
        } catch (IOException e) {
            nlpjsUnavailable = "cannot start `" + node + "` or `" + npm + "`: " + e.getMessage();
        }
    }

    // ---------------------------------------------------------------------------------------------- scoring

    /** The labels a run gives a test set under a rule; NLP.js's {@code None} becomes {@code outLabel}. */
    private static List<String> labelsOf(Run r, TestSet t, Rule rule, String outLabel) {
        List<String> labels = new ArrayList<>();
        for (Answer a : r.answers().get(t.name())) {
            String label = switch (rule) {
                case SERVED -> a.served();
                case TOP -> a.top();
                case LOW_CONFIDENCE_OUT -> a.confidence() < LOW_CONFIDENCE ? outLabel : a.top();
            };
            labels.add(label.equals(NLPJS_NONE) ? outLabel : label);
        }
        return labels;
    }

    private static IntentMetrics metrics(List<String> labels, List<Labelled> rows, List<String> predicted) {
        return metrics(labels, rows, predicted, r -> true);
    }

    private static IntentMetrics metrics(List<String> labels, List<Labelled> rows, List<String> predicted,
            Predicate<Labelled> which) {
        List<Integer> gold = new ArrayList<>();
        List<Integer> guess = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (which.test(rows.get(i))) {
                gold.add(index(labels, rows.get(i).intent()));
                guess.add(index(labels, predicted.get(i)));
            }
        }
        return IntentMetrics.of(labels, gold.stream().mapToInt(Integer::intValue).toArray(),
                guess.stream().mapToInt(Integer::intValue).toArray());
    }

    private static int index(List<String> labels, String label) {
        int i = labels.indexOf(label);
        if (i < 0) {
            throw new IllegalStateException("Unknown label " + label);
        }
        return i;
    }

    private static double share(List<String> labels, Predicate<String> which) {
        return labels.isEmpty() ? 0 : (double) labels.stream().filter(which).count() / labels.size();
    }

    // ---------------------------------------------------------------------------------------------- data

    private static List<Labelled> readSeed(String split) throws IOException {
        List<Labelled> out = new ArrayList<>();
        for (String language : LANGUAGES) {
            for (Intent intent : Intent.values()) {
                Path file = Path.of("db", "seed", "nlu", split, language, intent.wireName() + ".txt");
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    if (!line.isBlank() && !line.startsWith("#")) {
                        out.add(new Labelled(AnnotatedUtterance.parse(line.strip()).text(), language,
                                intent.wireName()));
                    }
                }
            }
        }
        return out;
    }

    private boolean externalDataPresent() {
        return Files.isRegularFile(data.resolve("label_mapping.tsv"))
                && Files.isRegularFile(data.resolve("clinc150").resolve("data_full.json"))
                && Files.isDirectory(data.resolve("bitext"));
    }

    /**
     * dataset → source label → target intent, from the rows with confidence {@code high}; a label listed with
     * another confidence maps to {@code null} (left out), and {@code *} stands for every label not listed.
     */
    private Map<String, Map<String, String>> readMapping() throws IOException {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(data.resolve("label_mapping.tsv"), StandardCharsets.UTF_8);
        List<String> header = List.of(lines.get(0).split("\t", -1));
        int dataset = header.indexOf("dataset");
        int source = header.indexOf("source_label");
        int target = header.indexOf("target_label");
        int confidence = header.indexOf("confidence");
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t", -1);
            out.computeIfAbsent(f[dataset].strip(), k -> new LinkedHashMap<>()).put(f[source].strip(),
                    f[confidence].strip().equals("high") ? f[target].strip() : null);
        }
        return out;
    }

    private static String mapped(Map<String, String> mapping, String label) {
        return mapping.containsKey(label) ? mapping.get(label) : mapping.get("*");
    }

    private Map<String, Set<String>> bitextSources() {
        try {
            Map<String, Set<String>> out = new LinkedHashMap<>();
            readMapping().get("bitext").forEach((source, target) -> {
                if (target != null) {
                    out.computeIfAbsent(target, k -> new TreeSet<>()).add(source);
                }
            });
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<Labelled> readBitext(Map<String, String> mapping) throws IOException {
        Path csv;
        try (Stream<Path> files = Files.list(data.resolve("bitext"))) {
            csv = files.filter(f -> f.getFileName().toString().endsWith(".csv")).sorted().findFirst()
                    .orElseThrow(() -> new IOException("No CSV in " + data.resolve("bitext")));
        }
        List<Labelled> out = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
                CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                        .parse(reader)) {
            for (CSVRecord r : parser) {
                String target = mapped(mapping, r.get("intent"));
                if (target != null) {
                    out.add(new Labelled(r.get("instruction"), "en", target));
                }
            }
        }
        return out;
    }

    private JsonObject readClinc() throws IOException {
        try (JsonReader r = Json.createReader(Files.newBufferedReader(
                data.resolve("clinc150").resolve("data_full.json"), StandardCharsets.UTF_8))) {
            return r.readObject();
        }
    }

    /** A CLINC150 split; with a mapping, only rows it maps (labels become shop intents), else CLINC's labels. */
    private static List<Labelled> clincRows(JsonObject clinc, String split, Map<String, String> mapping) {
        List<Labelled> out = new ArrayList<>();
        for (JsonArray pair : clinc.getJsonArray(split).getValuesAs(JsonArray.class)) {
            String label = pair.getString(1);
            String target = mapping == null ? label : mapped(mapping, label);
            if (target != null) {
                out.add(new Labelled(pair.getString(0), "en", target));
            }
        }
        return out;
    }

    private static Path writeTsv(Path file, List<Labelled> rows) throws IOException {
        Files.createDirectories(file.getParent());
        StringBuilder b = new StringBuilder();
        for (Labelled r : rows) {
            b.append(r.language()).append('\t').append(r.intent()).append('\t')
                    .append(r.text().replaceAll("[\\t\\r\\n]+", " ")).append('\n');
        }
        return Files.writeString(file, b, StandardCharsets.UTF_8);
    }

    // ---------------------------------------------------------------------------------------------- output

    private void section(String title) {
        report.append("\n## ").append(title).append("\n\n");
    }

    private void line(String format, Object... args) {
        report.append(String.format(Locale.ROOT, format, args)).append('\n');
    }

    private static void progress(String format, Object... args) {
        System.err.printf(Locale.ROOT, "[nlu-bench] " + format + "%n", args);
    }

    private static String pct(double share) {
        return String.format(Locale.ROOT, "%.1f %%", 100 * share);
    }

    private static String ms(double millis) {
        return String.format(Locale.ROOT, "%.3f ms", millis);
    }

    private static String seconds(Run r) {
        return String.format(Locale.ROOT, "%.1f s", r.trainSeconds());
    }
}
