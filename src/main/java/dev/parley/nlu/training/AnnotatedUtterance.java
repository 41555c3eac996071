package dev.parley.nlu.training;

import dev.parley.nlu.EntityType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A training or test utterance with its entity spans, read from the seed markup
 * {@code [surface text]{type}} or {@code [surface text]{type:value}} (see {@code db/seed/nlu/README.md}).
 *
 * @param text the utterance without markup
 * @param spans the marked entities, offsets into {@code text}
 */
public record AnnotatedUtterance(String text, List<Span> spans) {

    /**
     * One marked entity.
     *
     * @param type its type
     * @param value its canonical value (the lower-cased surface text when the markup gives none)
     * @param start offset of its first character in the text
     * @param end offset after its last character
     */
    public record Span(EntityType type, String value, int start, int end) {
    }

    public AnnotatedUtterance {
        spans = List.copyOf(spans);
    }

    /** Reads one line of markup; a clear {@link IllegalArgumentException} for broken markup. */
    public static AnnotatedUtterance parse(String line) {
        StringBuilder text = new StringBuilder(line.length());
        List<Span> spans = new ArrayList<>();
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == ']' || c == '{' || c == '}') {
                throw new IllegalArgumentException("Stray '" + c + "' at column " + (i + 1) + " in: " + line);
            }
            if (c != '[') {
                text.append(c);
                i++;
                continue;
            }
            int close = line.indexOf(']', i);
            if (close < 0 || close + 1 >= line.length() || line.charAt(close + 1) != '{') {
                throw new IllegalArgumentException("A '[' at column " + (i + 1) + " is not followed by ']{type}' in: "
                        + line);
            }
            int end = line.indexOf('}', close);
            if (end < 0) {
                throw new IllegalArgumentException("Unclosed '{' at column " + (close + 2) + " in: " + line);
            }
            String surface = line.substring(i + 1, close);
            if (surface.isEmpty() || surface.contains("[")) {
                throw new IllegalArgumentException("Empty or nested span at column " + (i + 1) + " in: " + line);
            }
            String label = line.substring(close + 2, end);
            int colon = label.indexOf(':');
            String typeName = colon < 0 ? label : label.substring(0, colon);
            EntityType type = EntityType.parse(typeName).orElseThrow(() -> new IllegalArgumentException(
                    "Unknown entity type '" + typeName + "' in: " + line));
            String value = colon < 0 ? surface.toLowerCase(Locale.ROOT) : label.substring(colon + 1).strip();
            if (value.isEmpty()) {
                throw new IllegalArgumentException("Empty value for '" + surface + "' in: " + line);
            }
            spans.add(new Span(type, value, text.length(), text.length() + surface.length()));
            text.append(surface);
            i = end + 1;
        }
        return new AnnotatedUtterance(text.toString(), spans);
    }

    /** The text a span covers. */
    public String surface(Span span) {
        return text.substring(span.start(), span.end());
    }

    /** Whether the text can be written as markup (it holds none of the markup characters {@code [ ] { }}). */
    public boolean markupSafe() {
        return text.chars().noneMatch(c -> c == '[' || c == ']' || c == '{' || c == '}');
    }

    /**
     * The utterance as markup, {@link #parse(String)}'s inverse: {@code [surface]{type:value}} per span.
     *
     * @throws IllegalStateException when the text is not {@link #markupSafe()} or spans overlap
     */
    public String toMarkup() {
        if (!markupSafe()) {
            throw new IllegalStateException("The text holds markup characters");
        }
        List<Span> ordered = new ArrayList<>(spans);
        ordered.sort(java.util.Comparator.comparingInt(Span::start));
        StringBuilder out = new StringBuilder(text.length() + 24 * ordered.size());
        int at = 0;
        for (Span s : ordered) {
            if (s.start() < at) {
                throw new IllegalStateException("Overlapping spans");
            }
            out.append(text, at, s.start()).append('[').append(text, s.start(), s.end()).append("]{")
                    .append(s.type().wireName()).append(':').append(s.value()).append('}');
            at = s.end();
        }
        return out.append(text.substring(at)).toString();
    }
}
