package dev.parley.nlu.runtime;

import dev.parley.nlu.model.IntentModel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The intent model this node serves: the version marked live in the database, loaded and warmed up off the
 * request path, then swapped in with one reference write. A request takes one {@link Snapshot} and uses it
 * throughout, so it is answered wholly by the old or wholly by the new version, and never waits for a load.
 * Every node polls the live version ({@link NluRefreshTimer}), so a promotion reaches all of them within
 * seconds without a restart or a message bus.
 */
@ApplicationScoped
public class LiveIntentModel {

    private static final Logger LOG = Logger.getLogger(LiveIntentModel.class.getName());
    private static final List<String> WARM_UP = List.of("hello", "do you have this jacket in M?", "有沒有黑色的外套",
            "我要退货", "where is my order 1042");

    @Inject
    ModelVersions versions;

    private final AtomicReference<Snapshot> current = new AtomicReference<>();

    /** A loaded version. */
    public record Snapshot(int version, IntentModel model) {
    }

    /** The model being served, if one is loaded. */
    public Optional<Snapshot> current() {
        return Optional.ofNullable(current.get());
    }

    /**
     * Loads the live version when it differs from the one served. Returns the version served afterwards.
     * Synchronised: one load at a time on this node.
     */
    public synchronized Optional<Integer> refresh() {
        Optional<Integer> live = versions.liveVersion();
        Snapshot now = current.get();
        if (live.isEmpty() || now != null && now.version() == live.get()) {
            return Optional.ofNullable(now).map(Snapshot::version);
        }
        int version = live.get();
        try {
            long start = System.nanoTime();
            IntentModel model = versions.load(version).artifact().restore();
            WARM_UP.forEach(model::classify);
            current.set(new Snapshot(version, model));
            LOG.info(() -> String.format("Intent model version %d is live on this node (loaded in %d ms)", version,
                    (System.nanoTime() - start) / 1_000_000));
            return Optional.of(version);
        } catch (RuntimeException e) {
            // Keep serving what this node has; the next poll tries again.
            LOG.log(Level.WARNING, "Could not load intent model version " + version, e);
            return Optional.ofNullable(now).map(Snapshot::version);
        }
    }

    /** Serves an already loaded model (used right after training, to spare a reload). */
    synchronized void install(int version, IntentModel model) {
        Snapshot now = current.get();
        boolean stillLive = versions.liveVersion().filter(v -> v == version).isPresent();
        if (stillLive && (now == null || now.version() != version)) {
            WARM_UP.forEach(model::classify);
            current.set(new Snapshot(version, model));
            LOG.info(() -> "Intent model version " + version + " is live on this node");
        }
    }
}
