package dev.parley.nlu.review;

import dev.parley.nlu.entities.Entity;
import java.time.Instant;
import java.util.List;

/**
 * A customer turn waiting for review, with what the NLU read in it.
 *
 * @param messageId the stored message
 * @param conversationId its conversation
 * @param text what the customer wrote
 * @param language the language read
 * @param intent the intent read
 * @param confidence its confidence
 * @param fallback whether the assistant did not act on it (uncertain or out of scope)
 * @param entities the entities read, offsets into {@code text}
 * @param modelVersion the model version that read it
 * @param alternatives the next most likely intents, best first (at most two)
 * @param markup the text with its entities as seed markup, for a person to correct; null when the text
 *     holds markup characters
 * @param at when the customer wrote it
 */
public record ReviewItem(long messageId, String conversationId, String text, String language, String intent,
        double confidence, boolean fallback, List<Entity> entities, int modelVersion, List<String> alternatives,
        String markup, Instant at) {
}
