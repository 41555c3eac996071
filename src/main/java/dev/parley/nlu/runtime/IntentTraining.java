package dev.parley.nlu.runtime;

import dev.parley.nlu.Intent;
import dev.parley.nlu.model.IntentMetrics;
import dev.parley.nlu.model.IntentTrainer;
import dev.parley.nlu.model.ModelArtifact;
import dev.parley.nlu.model.TrainingReport;
import dev.parley.nlu.model.TrainingSettings;
import dev.parley.nlu.text.VectorizerSettings;
import dev.parley.nlu.training.TrainingExample;
import dev.parley.nlu.training.TrainingExamples;
import dev.parley.platform.DomainException;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Training runs of the intent model, in the background on the container's managed executor: read every
 * training example from the database, split it (stratified, seeded), train, measure on the validation part,
 * store the version with its artifact and report, and promote it when it is not worse than the live model
 * on the same validation examples. A run reports its progress in {@code nlu_model}, so the admin page on any
 * node can follow it. One run at a time across the cluster.
 */
@ApplicationScoped
public class IntentTraining {

    /** Who promotes a version that passed validation. */
    public static final String AUTO = "auto";
    private static final Logger LOG = Logger.getLogger(IntentTraining.class.getName());

    @Resource
    ManagedExecutorService executor;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    ModelVersions versions;

    @Inject
    TrainingExamples examples;

    @Inject
    LiveIntentModel live;

    /** The version this node is training, if any. */
    private final AtomicInteger running = new AtomicInteger();

    /**
     * Starts a training run and returns its version at once.
     *
     * @throws DomainException CONFLICT while another run trains, INVALID when there is nothing to train on
     */
    public int start(String startedBy) {
        if (examples.count() == 0) {
            throw new DomainException(DomainException.Kind.INVALID, "no-training-data",
                    "There are no training examples to train on.");
        }
        int version = versions.begin(startedBy, ManagementFactory.getRuntimeMXBean().getName());
        executor.execute(() -> run(version));
        LOG.info(() -> "Intent model version " + version + " is training (started by " + startedBy + ")");
        return version;
    }

    /** A run still going when the server stops is recorded as interrupted, so the next start can retrain. */
    @PreDestroy
    void stopping() {
        int version = running.get();
        if (version > 0) {
            try {
                versions.failed(version, "Interrupted: the server stopped while it trained.");
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "Could not record the interruption of version " + version, e);
            }
        }
    }

    private void run(int version) {
        running.set(version);
        ScheduledFuture<?> heartbeat = scheduler.scheduleAtFixedRate(() -> versions.heartbeat(version),
                ModelVersions.HEARTBEAT.toSeconds(), ModelVersions.HEARTBEAT.toSeconds(), TimeUnit.SECONDS);
        try {
            List<TrainingExample> stored = examples.all();
            List<IntentTrainer.Labelled> all = stored.stream()
                    .map(e -> new IntentTrainer.Labelled(e.utterance().text(), e.language(), e.intent())).toList();
            versions.progress(version, 1, all.size());
            List<String> labels = Arrays.stream(Intent.values()).map(Intent::wireName).toList();
            IntentTrainer.Split split = IntentTrainer.split(all, TrainingSettings.defaults().seed());
            // The measured defaults (docs/benchmarks.md, "Intent model"), epochs scaled to the data.
            TrainingSettings settings = TrainingSettings.defaults().forExamples(split.training().size());
            long start = System.nanoTime();
            IntentTrainer.Result result = IntentTrainer.trainAndMeasure(split.training(), split.validation(), labels,
                    VectorizerSettings.defaults(), settings,
                    epoch -> versions.progress(version, 2 + 96 * epoch / settings.epochs(), all.size()));
            double seconds = (System.nanoTime() - start) / 1e9;

            Optional<LiveIntentModel.Snapshot> baseline = baseline();
            IntentMetrics baselineMetrics = baseline
                    .map(b -> IntentTrainer.measure(b.model(), split.validation(), labels)).orElse(null);
            TrainingReport report = new TrainingReport(result.validation(), result.validationByLanguage(),
                    result.trainingExamples(), result.validationExamples(), seconds,
                    baseline.map(LiveIntentModel.Snapshot::version).orElse(0), baselineMetrics);
            boolean promote = report.notWorseThanBaseline();
            String decision = decision(report, promote);
            versions.finish(version, ModelArtifact.of(result.model()), report, all.size(),
                    promote ? "trained" : "rejected", decision);
            if (promote) {
                versions.promote(version, AUTO);
                live.install(version, result.model());
            }
            LOG.info(() -> "Intent model version " + version + ": " + decision);
        } catch (RuntimeException | Error e) {
            LOG.log(Level.WARNING, "Training intent model version " + version + " failed", e);
            try {
                versions.failed(version, "Training stopped: " + e);
            } catch (RuntimeException again) {
                LOG.log(Level.WARNING, "Could not record the failure of version " + version, again);
            }
        } finally {
            heartbeat.cancel(false);
            running.set(0);
        }
    }

    /** The live model to compare with: the one this node serves, when it is the live one. */
    private Optional<LiveIntentModel.Snapshot> baseline() {
        live.refresh();
        return live.current();
    }

    private static String decision(TrainingReport r, boolean promote) {
        IntentMetrics v = r.validation();
        if (r.baseline() == null) {
            return String.format(Locale.ROOT, "Promoted: the first model (validation accuracy %.3f, macro-F1 %.3f "
                    + "on %d examples).", v.accuracy(), v.macroF1(), r.validationExamples());
        }
        IntentMetrics b = r.baseline();
        return String.format(Locale.ROOT, "%s: validation accuracy %.3f, macro-F1 %.3f against live version %d's "
                + "%.3f, %.3f on the same %d examples.", promote ? "Promoted (not worse)" : "Kept back (worse)",
                v.accuracy(), v.macroF1(), r.baselineVersion(), b.accuracy(), b.macroF1(), r.validationExamples());
    }
}
