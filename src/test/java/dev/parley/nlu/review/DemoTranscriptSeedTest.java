package dev.parley.nlu.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class DemoTranscriptSeedTest {

    @Test
    void eachLanguageHasFortyConversationsOfRealisticLength() {
        for (String language : DemoTranscriptSeed.LANGUAGES) {
            List<List<String>> conversations = DemoTranscriptSeed.read(language);
            assertEquals(40, conversations.size(), language);
            for (List<String> c : conversations) {
                assertTrue(c.size() >= 2 && c.size() <= 7, language + ": " + c);
                c.forEach(line -> assertTrue(!line.isBlank() && line.length() <= 300, line));
            }
        }
    }

    @Test
    void noTranscriptLineIsAlsoTrainingOrHeldOutData() throws IOException {
        Set<String> seed = new HashSet<>();
        try (Stream<Path> files = Files.walk(Path.of("db", "seed", "nlu"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".txt")).toList()) {
                for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                    seed.add(line.replaceAll("\\[([^\\]]*)\\]\\{[^}]*\\}", "$1").strip());
                }
            }
        }
        for (String language : DemoTranscriptSeed.LANGUAGES) {
            for (List<String> c : DemoTranscriptSeed.read(language)) {
                c.forEach(line -> assertTrue(!seed.contains(line), language + " transcript line is seed data: " + line));
            }
        }
    }
}
