package dev.parley.nlu.text;

import dev.parley.nlu.Intent;
import dev.parley.nlu.training.AnnotatedUtterance;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The authored NLU seed utterances (db/seed/nlu), without markup, for evaluations. */
final class SeedCorpus {

    /** One utterance with its language and intent. */
    record Utterance(String language, Intent intent, String text) {
    }

    private static final Path SEED = Path.of("db", "seed", "nlu");

    private SeedCorpus() {
    }

    /** All utterances of a split ({@code train} or {@code heldout}) in every language, in a fixed order. */
    static List<Utterance> read(String split) {
        List<Utterance> out = new ArrayList<>();
        for (String language : LanguageDetector.LANGUAGES) {
            for (Intent intent : Intent.values()) {
                Path file = SEED.resolve(split).resolve(language).resolve(intent.wireName() + ".txt");
                try {
                    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                        if (!line.isBlank() && !line.startsWith("#")) {
                            out.add(new Utterance(language, intent, AnnotatedUtterance.parse(line.strip()).text()));
                        }
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return out;
    }
}
