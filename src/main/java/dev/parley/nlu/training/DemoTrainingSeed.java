package dev.parley.nlu.training;

import dev.parley.nlu.Intent;
import dev.parley.platform.seed.DemoSeed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The base training data every shop starts from (seeded in any mode, not only the demo store): the authored utterances of {@code db/seed/nlu/train} (never the held-out
 * split, which does not ship), each recorded with source {@code seed} and its file as provenance.
 */
@ApplicationScoped
public class DemoTrainingSeed implements DemoSeed {

    static final List<String> LANGUAGES = List.of("en", "zh-TW", "zh-CN");
    private static final int BATCH = 500;

    @Inject
    TrainingExamples examples;

    @Override
    public String name() {
        return "nlu-training-data";
    }

    /** The intent model needs it in every shop, demo or not. */
    @Override
    public boolean demoOnly() {
        return false;
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public boolean targetIsEmpty() {
        return examples.count() == 0;
    }

    @Override
    public void apply() {
        List<TrainingExamples.NewExample> batch = new ArrayList<>(BATCH);
        for (TrainingExamples.NewExample e : read()) {
            batch.add(e);
            if (batch.size() == BATCH) {
                examples.addAll(batch);
                batch.clear();
            }
        }
        examples.addAll(batch);
    }

    /** Every seed utterance on the classpath, in language and intent order. */
    static List<TrainingExamples.NewExample> read() {
        List<TrainingExamples.NewExample> out = new ArrayList<>();
        for (String language : LANGUAGES) {
            for (Intent intent : Intent.values()) {
                String path = "db/seed/nlu/train/" + language + "/" + intent.wireName() + ".txt";
                try (InputStream in = DemoTrainingSeed.class.getClassLoader().getResourceAsStream(path)) {
                    if (in == null) {
                        throw new IllegalStateException("Missing seed file " + path);
                    }
                    BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                    int lineNo = 0;
                    for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                        lineNo++;
                        if (line.isBlank() || line.startsWith("#")) {
                            continue;
                        }
                        out.add(new TrainingExamples.NewExample(language, intent.wireName(),
                                AnnotatedUtterance.parse(line.strip()), "seed", path + ":" + lineNo, null));
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return out;
    }
}
