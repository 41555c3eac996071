package dev.parley.nlu.entities;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Tuning aid, off by default: scores the extractor on the TRAINING split and writes every line it gets wrong to
 * {@code target/entity-train-errors-<lang>.txt}. Rules are tuned on these lines only, never on the held-out split.
 * Run with {@code -Dentities.diagnose=true -Dtest=TrainDiagnostics}.
 */
@EnabledIfSystemProperty(named = "entities.diagnose", matches = "true")
class TrainDiagnostics {

    @Test
    void writeTrainingErrors() throws IOException {
        EntityExtractor extractor = EntityEvaluationTest.extractor();
        for (String language : SeedEvaluation.LANGUAGES) {
            SeedEvaluation.Result r = SeedEvaluation.evaluate(extractor, "train", language);
            System.out.println(SeedEvaluation.table(r));
            Files.writeString(Path.of("target", "entity-train-errors-" + language + ".txt"),
                    String.join("\n", r.errors()) + "\n", StandardCharsets.UTF_8);
        }
    }
}
