package dev.parley.nlu.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.parley.nlu.Intent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The authored NLU seed (db/seed/nlu): every intent of the contract in every language, at least 60 training
 * utterances each, valid markup, and a held-out split that shares no utterance with training.
 */
class SeedUtteranceFilesTest {

    static final Path SEED = Path.of("db", "seed", "nlu");

    @ParameterizedTest
    @ValueSource(strings = {"en", "zh-TW", "zh-CN"})
    void everyIntentHasEnoughParseableUtterancesAndHeldOutNeverOverlapsTraining(String language) throws IOException {
        Map<String, String> training = new HashMap<>();
        for (Intent intent : Intent.values()) {
            List<String> lines = read("train", language, intent);
            assertTrue(lines.size() >= 60, language + "/" + intent.wireName() + ": " + lines.size() + " training lines");
            for (String line : lines) {
                String previous = training.put(key(line), intent.wireName());
                if (previous != null) {
                    fail(language + ": '" + line + "' appears twice in training (" + previous + ")");
                }
            }
        }
        int heldOut = 0;
        for (Intent intent : Intent.values()) {
            List<String> lines = read("heldout", language, intent);
            assertTrue(lines.size() >= 15, language + "/" + intent.wireName() + ": " + lines.size() + " held-out");
            for (String line : lines) {
                String inTraining = training.get(key(line));
                if (inTraining != null) {
                    fail(language + ": held-out '" + line + "' is also training data (" + inTraining + ")");
                }
                heldOut++;
            }
        }
        assertTrue(heldOut >= 28 * 15);
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "zh-TW", "zh-CN"})
    void theHeldOutSplitNeverShipsWithTheApplication(String language) {
        // The WAR's resources come from target/classes: the held-out files must not be there.
        assertEquals(false, Files.exists(Path.of("target", "classes", "db", "seed", "nlu", "heldout", language)));
        assertTrue(Files.isDirectory(Path.of("target", "classes", "db", "seed", "nlu", "train", language)));
    }

    private static List<String> read(String split, String language, Intent intent) throws IOException {
        Path file = SEED.resolve(split).resolve(language).resolve(intent.wireName() + ".txt");
        assertTrue(Files.isRegularFile(file), "missing " + file);
        List<String> utterances = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            utterances.add(AnnotatedUtterance.parse(line.strip()).text());
        }
        return utterances;
    }

    private static String key(String text) {
        return TextKey.normalise(text);
    }
}
