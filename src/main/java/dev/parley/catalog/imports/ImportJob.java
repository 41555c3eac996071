package dev.parley.catalog.imports;

import java.time.Duration;
import java.time.Instant;

/**
 * A background import as the admin sees it.
 *
 * @param id the job id
 * @param format {@code shopify}, {@code merchant} or {@code translations}
 * @param mode {@code upsert} or {@code replace}
 * @param fileName the uploaded file's name, may be null
 * @param status {@code queued}, {@code running}, {@code done}, {@code failed}, or {@code interrupted} when a
 *     running job has not reported progress for {@link #STALE_AFTER} (its node stopped)
 * @param totalBytes size of the file
 * @param readBytes bytes read so far
 * @param percent progress, 0 to 100
 * @param products products written so far
 * @param variants variants written so far
 * @param errorCount rejected lines so far
 * @param report the full report once done, else null
 * @param failure why the job failed, else null
 * @param createdBy who started it
 * @param createdAt when it started
 * @param finishedAt when it ended, else null
 */
public record ImportJob(String id, String format, String mode, String fileName, String status, long totalBytes,
        long readBytes, int percent, int products, int variants, int errorCount, ImportReport report, String failure,
        String createdBy, Instant createdAt, Instant finishedAt) implements java.io.Serializable {

    /** A running job that has not reported for this long is taken to have died with its node. */
    public static final Duration STALE_AFTER = Duration.ofMinutes(2);

    /** Whether the job has ended (done, failed or interrupted). */
    public boolean finished() {
        return !status.equals("queued") && !status.equals("running");
    }
}
