package dev.parley.bench;

import dev.parley.nlu.Intent;
import dev.parley.nlu.model.IntentTrainer;
import dev.parley.nlu.training.AnnotatedUtterance;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The authored seed utterances of one split ({@code train} or {@code heldout}), markup stripped. */
final class SeedSplit {

    private SeedSplit() {
    }

    /** Every utterance of {@code db/seed/nlu/<split>/<language>/<intent>.txt}, in language and intent order. */
    static List<IntentTrainer.Labelled> read(String split) throws IOException {
        List<IntentTrainer.Labelled> out = new ArrayList<>();
        for (String language : List.of("en", "zh-TW", "zh-CN")) {
            for (Intent intent : Intent.values()) {
                Path file = Path.of("db", "seed", "nlu", split, language, intent.wireName() + ".txt");
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    if (!line.isBlank() && !line.startsWith("#")) {
                        out.add(new IntentTrainer.Labelled(AnnotatedUtterance.parse(line.strip()).text(), language,
                                intent.wireName()));
                    }
                }
            }
        }
        return out;
    }
}
