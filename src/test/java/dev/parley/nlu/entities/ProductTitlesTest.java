package dev.parley.nlu.entities;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.nlu.EntityType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProductTitlesTest {

    static final EntityExtractor EXTRACTOR = new EntityExtractor(Vocabulary.builtIn().merge(List.of("jacket", "coat"),
            List.of(), List.of("waterproof"), List.of("black")), ProductTitles.of(List.of(
                    Map.entry("Alpine Down Hooded Jacket", "17"), Map.entry("阿爾卑斯連帽羽絨外套", "17"),
                    Map.entry("Alpine Down", "99"), Map.entry("Tote", "5"))));

    @Test
    void aWholeTitleNamesItsProductAndHidesTheWordsInside() {
        String text = "Is the ALPINE  down hooded jacket waterproof? in black";
        List<Entity> e = EXTRACTOR.extract("Is the Alpine Down Hooded Jacket in black waterproof?", "en");
        Entity product = e.stream().filter(x -> x.type() == EntityType.PRODUCT).findFirst().orElseThrow();
        assertEquals("17", product.value(), "the longest title wins");
        assertEquals("Alpine Down Hooded Jacket", product.text());
        assertTrue(e.stream().noneMatch(x -> x.type() == EntityType.CATEGORY), e.toString());
        assertTrue(e.stream().anyMatch(x -> x.type() == EntityType.ATTRIBUTE && x.value().equals("waterproof")), e.toString());
        assertTrue(e.stream().anyMatch(x -> x.type() == EntityType.COLOR && x.value().equals("black")), e.toString());
        assertTrue(EXTRACTOR.extract(text, "en").stream().noneMatch(x -> x.type() == EntityType.PRODUCT),
                "spaces inside a title must match as written");
    }

    @Test
    void chineseTitlesMatchInEitherScriptWithOffsetsIntoTheOriginal() {
        String simplified = "阿尔卑斯连帽羽绒外套有M号吗";
        Entity p = EXTRACTOR.extract(simplified, "zh-CN").stream().filter(x -> x.type() == EntityType.PRODUCT)
                .findFirst().orElseThrow();
        assertEquals("17", p.value());
        assertEquals(simplified.substring(p.start(), p.end()), p.text());
        assertEquals(0, p.start());
        assertEquals(10, p.end());
    }

    @Test
    void titlesNeedWordBoundariesAndAMinimumLength() {
        assertTrue(EXTRACTOR.extract("totes amazing", "en").stream().noneMatch(x -> x.type() == EntityType.PRODUCT));
        assertEquals("5", EXTRACTOR.extract("the tote please", "en").stream()
                .filter(x -> x.type() == EntityType.PRODUCT).findFirst().orElseThrow().value());
        assertEquals(0, ProductTitles.of(List.of(Map.entry("Hat", "1"))).size(), "too short to match safely");
    }
}
