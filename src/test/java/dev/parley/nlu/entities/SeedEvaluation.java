package dev.parley.nlu.entities;

import dev.parley.nlu.EntityType;
import dev.parley.nlu.training.AnnotatedUtterance;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Scores an {@link EntityExtractor} against the annotated seed utterances of one split and language: per entity
 * type, precision, recall and F1 for an exact match (type, value and span) and a loose one (type and value).
 */
final class SeedEvaluation {

    static final Path SEED = Path.of("db", "seed", "nlu");
    static final List<String> LANGUAGES = List.of("en", "zh-TW", "zh-CN");

    /** Counts for one entity type. */
    static final class Score {
        int gold;
        int predicted;
        int exact;
        int loose;

        double precision(boolean exactMatch) {
            return predicted == 0 ? (gold == 0 ? 1 : 0) : (double) (exactMatch ? exact : loose) / predicted;
        }

        double recall(boolean exactMatch) {
            return gold == 0 ? 1 : (double) (exactMatch ? exact : loose) / gold;
        }

        double f1(boolean exactMatch) {
            double p = precision(exactMatch);
            double r = recall(exactMatch);
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }

        void add(Score o) {
            gold += o.gold;
            predicted += o.predicted;
            exact += o.exact;
            loose += o.loose;
        }
    }

    /** Scores of one split and language, with the lines that went wrong (for diagnosing the training split). */
    record Result(String split, String language, Map<EntityType, Score> byType, List<String> errors, int lines) {
        Score total() {
            Score t = new Score();
            byType.values().forEach(t::add);
            return t;
        }
    }

    static List<AnnotatedUtterance> read(String split, String language) {
        Path dir = SEED.resolve(split).resolve(language);
        List<AnnotatedUtterance> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
                for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                    if (!line.isBlank() && !line.startsWith("#")) {
                        out.add(AnnotatedUtterance.parse(line.strip()));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    static Result evaluate(EntityExtractor extractor, String split, String language) {
        Map<EntityType, Score> scores = new EnumMap<>(EntityType.class);
        List<String> errors = new ArrayList<>();
        List<AnnotatedUtterance> utterances = read(split, language);
        for (AnnotatedUtterance u : utterances) {
            List<Entity> predicted = extractor.extract(u.text(), language);
            Map<String, Integer> goldLoose = new HashMap<>();
            boolean wrong = false;
            for (AnnotatedUtterance.Span g : u.spans()) {
                if (g.type() == EntityType.PRODUCT) {
                    continue;
                }
                scores.computeIfAbsent(g.type(), t -> new Score()).gold++;
                goldLoose.merge(g.type() + "=" + g.value(), 1, Integer::sum);
            }
            for (Entity p : predicted) {
                Score s = scores.computeIfAbsent(p.type(), t -> new Score());
                s.predicted++;
                boolean exact = u.spans().stream().anyMatch(g -> g.type() == p.type() && g.value().equals(p.value())
                        && g.start() == p.start() && g.end() == p.end());
                if (exact) {
                    s.exact++;
                } else {
                    wrong = true;
                }
                String key = p.type() + "=" + p.value();
                Integer left = goldLoose.get(key);
                if (left != null && left > 0) {
                    s.loose++;
                    goldLoose.put(key, left - 1);
                }
            }
            if (predicted.size() != u.spans().size()) {
                wrong = true;
            }
            if (wrong) {
                errors.add(render(u) + "\n      got: " + predicted.stream()
                        .map(e -> "[" + e.text() + "]{" + e.type().wireName() + ":" + e.value() + "}").toList());
            }
        }
        return new Result(split, language, scores, errors, utterances.size());
    }

    static String render(AnnotatedUtterance u) {
        StringBuilder b = new StringBuilder();
        int at = 0;
        for (AnnotatedUtterance.Span s : u.spans()) {
            b.append(u.text(), at, s.start()).append('[').append(u.surface(s)).append("]{")
                    .append(s.type().wireName()).append(':').append(s.value()).append('}');
            at = s.end();
        }
        return b.append(u.text().substring(at)).toString();
    }

    /** A Markdown table: per type, gold count, exact P/R/F1 and loose (type+value) P/R/F1. */
    static String table(Result r) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "%n%s / %s (%d utterances)%n", r.split(), r.language(), r.lines()));
        b.append("| type | gold | predicted | exact P | exact R | exact F1 | type+value P | type+value R | type+value F1 |\n");
        b.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        List<Map.Entry<EntityType, Score>> rows = new ArrayList<>(r.byType().entrySet());
        rows.add(Map.entry(EntityType.PRODUCT, r.total()));
        for (Map.Entry<EntityType, Score> e : rows) {
            Score s = e.getValue();
            String name = e.getKey() == EntityType.PRODUCT && s == rows.get(rows.size() - 1).getValue() ? "**all**"
                    : e.getKey().wireName();
            b.append(String.format(Locale.ROOT, "| %s | %d | %d | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f |%n", name,
                    s.gold, s.predicted, s.precision(true), s.recall(true), s.f1(true), s.precision(false),
                    s.recall(false), s.f1(false)));
        }
        return b.toString();
    }
}
