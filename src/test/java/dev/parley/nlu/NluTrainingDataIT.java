package dev.parley.nlu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.nlu.training.AnnotatedUtterance;
import dev.parley.nlu.training.TextKey;
import dev.parley.testing.Deployments;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The demo store's training data as the real server seeded it into the real database. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class NluTrainingDataIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.parley();
    }

    @Test
    void theSeedIsTrainingDataWithProvenanceAndTheHeldOutSplitNeverTouchesIt() throws Exception {
        Set<String> trainingKeys = new HashSet<>();
        Map<String, Integer> perLanguageIntent = new HashMap<>();
        try (Connection db = DriverManager.getConnection(System.getenv("PARLEY_DB_URL"),
                System.getenv("PARLEY_DB_USER"), System.getenv("PARLEY_DB_PASSWORD"));
                ResultSet rs = db.createStatement().executeQuery(
                        "select language, intent, text, text_key, source, source_ref from nlu_example")) {
            while (rs.next()) {
                String language = rs.getString(1);
                trainingKeys.add(language + " " + rs.getString(4));
                perLanguageIntent.merge(language + "/" + rs.getString(2), 1, Integer::sum);
                assertEquals("seed", rs.getString(5));
                assertTrue(rs.getString(6).startsWith("db/seed/nlu/train/" + language + "/" + rs.getString(2)
                        + ".txt:"), rs.getString(6));
                assertEquals(TextKey.of(rs.getString(3)), rs.getString(4));
            }
        } catch (SQLException e) {
            throw new AssertionError("Could not read the integration-test database", e);
        }
        for (String language : new String[] {"en", "zh-TW", "zh-CN"}) {
            for (Intent intent : Intent.values()) {
                int n = perLanguageIntent.getOrDefault(language + "/" + intent.wireName(), 0);
                assertTrue(n >= 60, language + "/" + intent.wireName() + " has " + n + " training examples");
            }
        }
        int heldOut = 0;
        for (String language : new String[] {"en", "zh-TW", "zh-CN"}) {
            for (Intent intent : Intent.values()) {
                Path file = Path.of("db", "seed", "nlu", "heldout", language, intent.wireName() + ".txt");
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    if (line.isBlank() || line.startsWith("#")) {
                        continue;
                    }
                    String key = TextKey.of(AnnotatedUtterance.parse(line.strip()).text());
                    assertFalse(trainingKeys.contains(language + " " + key), "held-out line in training: " + line);
                    heldOut++;
                }
            }
        }
        assertTrue(heldOut > 1000, "the held-out split was read: " + heldOut);
    }
}
