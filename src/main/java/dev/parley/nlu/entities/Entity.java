package dev.parley.nlu.entities;

import dev.parley.nlu.EntityType;
import java.util.Objects;

/**
 * One extracted entity, as CONTRACT.md describes it.
 *
 * @param type its type
 * @param value its canonical value ({@code "coat"}, {@code "M"}, {@code "2500"}, {@code "PRL-10234"})
 * @param text the span of the original message it was read from
 * @param start offset of the span's first character in the original message (UTF-16 chars)
 * @param end offset after the span's last character
 */
public record Entity(EntityType type, String value, String text, int start, int end) {

    public Entity {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(text, "text");
        if (start < 0 || end <= start || end - start != text.length()) {
            throw new IllegalArgumentException("Bad span [" + start + ", " + end + ") for '" + text + "'");
        }
    }

    /** The entity read from {@code original.substring(start, end)}. */
    static Entity of(EntityType type, String value, String original, int start, int end) {
        return new Entity(type, value, original.substring(start, end), start, end);
    }

    /** Whether the two spans share a character. */
    public boolean overlaps(Entity other) {
        return start < other.end && other.start < end;
    }
}
