package dev.parley.nlu.entities;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.nlu.EntityType;
import java.util.List;
import org.junit.jupiter.api.Test;

class VocabularyTest {

    @Test
    void builtInCoversTheDemoCatalog() {
        Vocabulary v = Vocabulary.builtIn();
        assertEquals(21, v.categories().size(), v.categories().toString());
        assertEquals(17, v.colors().size(), v.colors().toString());
        assertEquals(List.of("women", "men", "unisex", "kids"), List.copyOf(v.genders()));
        assertEquals(new Vocabulary.Term(EntityType.CATEGORY, "coat"), v.lookup("羽绒服").orElseThrow());
        assertEquals(new Vocabulary.Term(EntityType.COLOR, "navy"), v.lookup("深藍").orElseThrow());
    }

    @Test
    void mergeAddsCatalogTermsAndLeavesTheOriginalAlone() {
        Vocabulary base = Vocabulary.builtIn();
        Vocabulary merged = base.merge(List.of("Coat", "Vest"), List.of("Yushan Ridge"),
                List.of("wool", "organic-cotton", "all-season", "vegan"), List.of("Teal", "navy"));
        assertTrue(merged.categories().contains("vest"));
        assertTrue(merged.brands().contains("yushan ridge"));
        assertTrue(merged.colors().contains("teal"));
        assertTrue(merged.attributes().contains("vegan"));
        assertFalse(merged.attributes().contains("all-season"));
        assertFalse(merged.attributes().contains("organic-cotton"));
        assertFalse(base.categories().contains("vest"));
        EntityExtractor extractor = new EntityExtractor(merged);
        assertEquals(List.of(new Entity(EntityType.BRAND, "yushan ridge", "YUSHAN RIDGE", 0, 12),
                new Entity(EntityType.CATEGORY, "vest", "vests", 13, 18)), extractor.extract("YUSHAN RIDGE vests", "en"));
    }

    @Test
    void gazetteerFoldsScriptsAndCase() {
        Gazetteer g = Gazetteer.of(Vocabulary.builtIn());
        assertEquals(List.of(new Gazetteer.Match(EntityType.CATEGORY, "coat", 0, 4)), g.find("羽絨外套"));
        assertEquals(List.of(new Gazetteer.Match(EntityType.CATEGORY, "coat", 0, 4)), g.find("羽绒外套"));
        assertEquals(List.of(new Gazetteer.Match(EntityType.COLOR, "red", 0, 3),
                new Gazetteer.Match(EntityType.CATEGORY, "coat", 4, 9)), g.find("RED COATS"));
    }
}
