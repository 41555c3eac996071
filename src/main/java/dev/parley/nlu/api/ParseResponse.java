package dev.parley.nlu.api;

import dev.parley.nlu.EntityType;
import dev.parley.nlu.entities.Entity;
import dev.parley.nlu.runtime.ParseResult;
import java.math.BigDecimal;
import java.util.List;

/**
 * The parse answer of CONTRACT.md: {@code intent}, {@code ranking}, {@code entities}, {@code language},
 * {@code modelVersion}; extended with {@code uncertain} and {@code threshold}.
 *
 * @param intent the most likely intent and its confidence (0–1)
 * @param ranking the five most likely intents, best first
 * @param entities entities with character offsets (UTF-16 units, as JavaScript counts) into the text sent
 * @param language en, zh-TW or zh-CN
 * @param modelVersion the intent model version that answered
 * @param uncertain the confidence is below the threshold: ask the shopper rather than act
 * @param threshold the configured confidence threshold
 */
public record ParseResponse(ParseResult.Scored intent, List<ParseResult.Scored> ranking, List<EntityDto> entities,
        String language, String modelVersion, boolean uncertain, double threshold) {

    /**
     * One entity. {@code value} is a number for {@code price_min}, {@code price_max} and {@code quantity},
     * a string otherwise.
     */
    public record EntityDto(String type, Object value, String text, int start, int end) {

        static EntityDto of(Entity e) {
            Object value = e.value();
            try {
                if (e.type() == EntityType.PRICE_MIN || e.type() == EntityType.PRICE_MAX) {
                    BigDecimal amount = new BigDecimal(e.value()).stripTrailingZeros();
                    value = amount.scale() < 0 ? amount.setScale(0) : amount;
                } else if (e.type() == EntityType.QUANTITY) {
                    value = Integer.valueOf(e.value());
                }
            } catch (NumberFormatException notANumber) {
                value = e.value();
            }
            return new EntityDto(e.type().wireName(), value, e.text(), e.start(), e.end());
        }
    }

    /** The wire form of a parse (also embedded in chat replies). */
    public static ParseResponse of(ParseResult r) {
        return new ParseResponse(r.intent(), r.ranking(), r.entities().stream().map(EntityDto::of).toList(),
                r.language(), String.valueOf(r.modelVersion()), r.uncertain(), r.threshold());
    }
}
