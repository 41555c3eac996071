package dev.parley.conversation.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class PreferencesTest {

    @ParameterizedTest
    @CsvSource({"M,clothing", "XXL,clothing", "xs,clothing", "9,shoes", "8.5,shoes", "12C,kids-shoes", "2Y,kids-shoes",
            "32,waist", "130,kids", "18L,other"})
    void sizesFallIntoTheirSystem(String size, String system) {
        assertEquals(system, Preferences.system(size));
    }

    @Test
    void aNewSizeReplacesOnlyItsOwnSystemAndListsKeepTheMostRecentFew() {
        Preferences p = Preferences.none().withSize("M").withSize("9").withSize("L")
                .withColor("black").withColor("navy").withColor("red").withColor("green").withColor("navy")
                .withBudget(new BigDecimal("1500")).withRejected(4).withRejected(5).withBrand("Swiftlet Run");
        assertEquals(Map.of("clothing", "L", "shoes", "9"), p.sizes());
        assertEquals(List.of("navy", "green", "red"), p.colors());
        assertEquals(List.of(5L, 4L), p.rejected());
        assertEquals(p, Preferences.fromJson(p.toJson()));
        assertTrue(Preferences.fromJson(null).isEmpty());
    }
}
