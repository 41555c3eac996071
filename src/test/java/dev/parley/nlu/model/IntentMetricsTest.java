package dev.parley.nlu.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class IntentMetricsTest {

    @Test
    void computesAccuracyMacroF1PerClassAndConfusion() {
        // gold:      a a a b b c
        // predicted: a a b b c c
        IntentMetrics m = IntentMetrics.of(List.of("a", "b", "c"), new int[] {0, 0, 0, 1, 1, 2},
                new int[] {0, 0, 1, 1, 2, 2});
        assertEquals(4.0 / 6, m.accuracy(), 1e-9);
        assertArrayEquals(new int[] {2, 1, 0}, m.confusion()[0]);
        assertArrayEquals(new int[] {0, 1, 1}, m.confusion()[1]);
        assertArrayEquals(new int[] {0, 0, 1}, m.confusion()[2]);
        IntentMetrics.ClassMetrics a = m.perClass().get(0);
        assertEquals(1.0, a.precision(), 1e-9);
        assertEquals(2.0 / 3, a.recall(), 1e-9);
        assertEquals(0.8, a.f1(), 1e-9);
        IntentMetrics.ClassMetrics b = m.perClass().get(1);
        assertEquals(0.5, b.precision(), 1e-9);
        assertEquals(0.5, b.recall(), 1e-9);
        IntentMetrics.ClassMetrics c = m.perClass().get(2);
        assertEquals(0.5, c.precision(), 1e-9);
        assertEquals(1.0, c.recall(), 1e-9);
        assertEquals((0.8 + 0.5 + 2.0 / 3) / 3, m.macroF1(), 1e-9);
    }

    @Test
    void aClassThatNeverOccursDoesNotDragMacroF1Down() {
        IntentMetrics m = IntentMetrics.of(List.of("a", "b", "unused"), new int[] {0, 1}, new int[] {0, 1});
        assertEquals(1.0, m.macroF1(), 1e-9);
        assertEquals(0, m.perClass().get(2).support());
    }
}
