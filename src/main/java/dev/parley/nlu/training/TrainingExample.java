package dev.parley.nlu.training;

/**
 * One labelled utterance of the training data.
 *
 * @param id database id
 * @param language en, zh-TW or zh-CN
 * @param intent the intent's contract name
 * @param utterance the text with its entity spans
 * @param source {@code seed} (authored), {@code transcript} (a confirmed customer turn) or {@code admin}
 * @param sourceRef where it came from: a seed file, a conversation message id
 */
public record TrainingExample(long id, String language, String intent, AnnotatedUtterance utterance, String source,
        String sourceRef) {
}
