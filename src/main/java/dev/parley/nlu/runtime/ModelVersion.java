package dev.parley.nlu.runtime;

import java.time.Instant;

/**
 * One intent model version as listed: its state and headline figures (no artifact).
 *
 * @param version the version number (1, 2, …)
 * @param status {@code training}, {@code trained} (kept back by an admin's choice), {@code live},
 *     {@code retired} (was live), {@code rejected} (worse than the live model on validation) or {@code failed}
 * @param progress percent done while training
 * @param examples training examples the run read
 * @param accuracy validation accuracy, when trained
 * @param macroF1 validation macro-F1, when trained
 * @param startedBy who started the run ({@code system} for the first model)
 * @param node the server node that trained it
 * @param createdAt when the run started
 * @param finishedAt when it ended
 * @param promotedAt when it last went live
 * @param promotedBy who made it live ({@code auto} for a promotion by validation)
 * @param decision why it was or was not promoted
 * @param failure why the run failed
 */
public record ModelVersion(int version, String status, int progress, int examples, Double accuracy, Double macroF1,
        String startedBy, String node, Instant createdAt, Instant finishedAt, Instant promotedAt, String promotedBy,
        String decision, String failure) {

    /** Status of a run still training. */
    public static final String TRAINING = "training";
    /** Status of the version every node serves. */
    public static final String LIVE = "live";
}
