package dev.parley.nlu.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.nlu.text.VectorizerSettings;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class IntentTrainerTest {

    static List<IntentTrainer.Labelled> examples(int perGroup, String suffix) {
        List<IntentTrainer.Labelled> out = new ArrayList<>();
        for (String language : List.of("en", "zh-TW")) {
            for (String intent : List.of("greeting", "goodbye", "view_cart")) {
                for (int i = 0; i < perGroup; i++) {
                    out.add(new IntentTrainer.Labelled(intent + " " + i + suffix, language, intent));
                }
            }
        }
        return out;
    }

    @Test
    void theSplitIsStratifiedDisjointAndComplete() {
        List<IntentTrainer.Labelled> all = examples(40, "");
        IntentTrainer.Split s = IntentTrainer.split(all, 7);
        assertEquals(all.size(), s.training().size() + s.validation().size());
        Set<IntentTrainer.Labelled> overlap = new HashSet<>(s.training());
        overlap.retainAll(s.validation());
        assertTrue(overlap.isEmpty());
        Map<String, Long> perGroup = s.validation().stream()
                .collect(Collectors.groupingBy(l -> l.language() + "/" + l.intent(), Collectors.counting()));
        assertEquals(6, perGroup.size());
        perGroup.values().forEach(n -> assertEquals(6L, n)); // 15% of 40
    }

    @Test
    void theSplitIsStableAsDataGrows() {
        List<IntentTrainer.Labelled> before = examples(40, "");
        List<IntentTrainer.Labelled> after = new ArrayList<>(before);
        after.addAll(examples(3, " more"));
        Set<IntentTrainer.Labelled> trainedBefore = new HashSet<>(IntentTrainer.split(before, 7).training());
        List<IntentTrainer.Labelled> validationAfter = IntentTrainer.split(after, 7).validation();
        long leaked = validationAfter.stream().filter(trainedBefore::contains).count();
        // 43 per group now: 6 held as before, so at most the few displaced by new, lower-ranked examples move.
        assertTrue(leaked <= 6, leaked + " validation examples were trained on before");
        assertFalse(IntentTrainer.split(before, 7).validation().equals(IntentTrainer.split(before, 8).validation()),
                "another seed holds out other examples");
    }

    @Test
    void aReportAndAnArtifactSurviveTheirStoredForm() {
        List<IntentTrainer.Labelled> all = examples(20, "");
        IntentTrainer.Split s = IntentTrainer.split(all, 3);
        List<String> labels = List.of("greeting", "goodbye", "view_cart");
        IntentTrainer.Result r = IntentTrainer.trainAndMeasure(s.training(), s.validation(), labels,
                VectorizerSettings.defaults().withDimension(512), new TrainingSettings(8, 1.0, 3, 16, 1e-2, 0, 3),
                epoch -> { });
        TrainingReport report = new TrainingReport(r.validation(), r.validationByLanguage(), r.trainingExamples(),
                r.validationExamples(), 1.5, 2, r.validation());
        TrainingReport back = TrainingReport.fromJson(report.toJson());
        assertEquals(report.validation().accuracy(), back.validation().accuracy());
        assertEquals(report.validation().perClass(), back.validation().perClass());
        assertArrayEquals(report.validation().confusion(), back.validation().confusion());
        assertEquals(report.byLanguage().keySet(), back.byLanguage().keySet());
        assertEquals(2, back.baselineVersion());
        assertTrue(back.notWorseThanBaseline());

        IntentModel restored = ModelArtifact.of(r.model()).restore();
        assertEquals(r.model().labels(), restored.labels());
        assertEquals(r.model().training(), restored.training());
        assertEquals(r.model().classify("view_cart 3"), restored.classify("view_cart 3"));
        assertThrows(IllegalArgumentException.class, () -> new ModelArtifact(new byte[0], "[\"a\"]", "{}", "{}")
                .restore());
    }

    @Test
    void epochsShrinkAsTheTrainingSetGrows() {
        TrainingSettings d = TrainingSettings.defaults();
        assertEquals(d.epochs(), d.forExamples(5_500).epochs(), "the seed keeps every epoch");
        assertEquals(4, d.forExamples(20_000).epochs());
        assertEquals(3, d.forExamples(60_000).epochs(), "at least three");
        assertEquals(d.withArchitecture(d.architecture()), d.forExamples(5_500));
    }

    @Test
    void aWorseModelIsNotPromoted() {
        List<String> labels = List.of("a", "b");
        IntentMetrics good = IntentMetrics.of(labels, new int[] {0, 1, 1}, new int[] {0, 1, 1});
        IntentMetrics worse = IntentMetrics.of(labels, new int[] {0, 1, 1}, new int[] {0, 1, 0});
        assertFalse(new TrainingReport(worse, Map.of(), 10, 3, 1, 4, good).notWorseThanBaseline());
        assertTrue(new TrainingReport(good, Map.of(), 10, 3, 1, 4, good).notWorseThanBaseline());
        assertTrue(new TrainingReport(worse, Map.of(), 10, 3, 1, 0, null).notWorseThanBaseline());
    }
}
