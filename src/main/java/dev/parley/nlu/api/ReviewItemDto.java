package dev.parley.nlu.api;

import dev.parley.nlu.review.ReviewItem;
import java.time.Instant;
import java.util.List;

/** A turn waiting for review, as the admin API shows it (entity types by their contract names). */
public record ReviewItemDto(long messageId, String conversationId, String text, String language, String intent,
        double confidence, boolean fallback, List<ParseResponse.EntityDto> entities, int modelVersion, List<String> alternatives, String markup,
        Instant at) {

    static ReviewItemDto of(ReviewItem i) {
        return new ReviewItemDto(i.messageId(), i.conversationId(), i.text(), i.language(), i.intent(), i.confidence(),
                i.fallback(), i.entities().stream().map(ParseResponse.EntityDto::of).toList(), i.modelVersion(),
                i.alternatives(), i.markup(), i.at());
    }
}
