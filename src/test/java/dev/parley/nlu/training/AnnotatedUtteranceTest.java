package dev.parley.nlu.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.parley.nlu.EntityType;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnnotatedUtteranceTest {

    @Test
    void markupWrittenBackReadsTheSame() {
        for (String line : List.of("有沒有[黑色]{color:black}的[外套]{category:coat}？[兩千]{price_max:2000}以內",
                "do you have it in [M]{size:M}", "no entities at all", "[Plum Rain Co.]{brand:plum rain co.}")) {
            AnnotatedUtterance u = AnnotatedUtterance.parse(line);
            assertEquals(u, AnnotatedUtterance.parse(u.toMarkup()));
        }
        AnnotatedUtterance brackets = new AnnotatedUtterance("size [M] please", List.of());
        assertFalse(brackets.markupSafe());
        assertThrows(IllegalStateException.class, brackets::toMarkup);
    }

    @Test
    void markupBecomesTextWithSpanOffsets() {
        AnnotatedUtterance u = AnnotatedUtterance.parse(
                "do you have a [waterproof]{attribute} [coat]{category:coat} under [NT$4,000]{price_max:4000}");
        assertEquals("do you have a waterproof coat under NT$4,000", u.text());
        assertEquals(List.of(new AnnotatedUtterance.Span(EntityType.ATTRIBUTE, "waterproof", 14, 24),
                new AnnotatedUtterance.Span(EntityType.CATEGORY, "coat", 25, 29),
                new AnnotatedUtterance.Span(EntityType.PRICE_MAX, "4000", 36, 44)), u.spans());
        assertEquals("NT$4,000", u.surface(u.spans().get(2)));
    }

    @Test
    void chineseSpansCountCharactersOfTheTextWithoutMarkup() {
        AnnotatedUtterance u = AnnotatedUtterance.parse("這雙有[9號]{size:9}[黑色]{color:black}的嗎");
        assertEquals("這雙有9號黑色的嗎", u.text());
        assertEquals("9號", u.surface(u.spans().get(0)));
        assertEquals("黑色", u.surface(u.spans().get(1)));
        assertEquals("black", u.spans().get(1).value());
    }

    @Test
    void brokenMarkupIsRefusedWithItsPlace() {
        assertThrows(IllegalArgumentException.class, () -> AnnotatedUtterance.parse("a [coat]{category"));
        assertThrows(IllegalArgumentException.class, () -> AnnotatedUtterance.parse("a [coat] please"));
        assertThrows(IllegalArgumentException.class, () -> AnnotatedUtterance.parse("a [coat]{colour:black}"));
        assertThrows(IllegalArgumentException.class, () -> AnnotatedUtterance.parse("a coat] please"));
        assertThrows(IllegalArgumentException.class, () -> AnnotatedUtterance.parse("a [coat]{category:} please"));
    }
}
