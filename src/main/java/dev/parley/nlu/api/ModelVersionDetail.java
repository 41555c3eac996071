package dev.parley.nlu.api;

import dev.parley.nlu.model.TrainingReport;
import dev.parley.nlu.runtime.ModelVersion;

/**
 * One model version with its training report (validation metrics overall and per language, per-intent
 * precision/recall/F1, confusion matrix, and the live model's figures it was compared with).
 *
 * @param version the version's summary
 * @param report its report; null while training or after a failure
 */
public record ModelVersionDetail(ModelVersion version, TrainingReport report) {
}
