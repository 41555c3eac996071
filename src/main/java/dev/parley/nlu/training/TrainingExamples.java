package dev.parley.nlu.training;

import dev.parley.nlu.EntityType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.StringReader;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** The training data in {@code nlu_example}: adding examples (once per language and text) and reading them all. */
@ApplicationScoped
public class TrainingExamples {

    private static final int CHUNK = 250;

    @PersistenceContext(unitName = "parley")
    EntityManager em;

    /** A new example, before it is stored. */
    public record NewExample(String language, String intent, AnnotatedUtterance utterance, String source,
            String sourceRef, String confirmedBy) {
    }

    /** Stores the examples whose text is not yet known in their language; returns how many were new. */
    @Transactional
    public int addAll(List<NewExample> examples) {
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
        int added = 0;
        // One multi-row statement per chunk: a demo seed of thousands of lines costs a few round trips.
        for (int from = 0; from < examples.size(); from += CHUNK) {
            List<NewExample> chunk = examples.subList(from, Math.min(examples.size(), from + CHUNK));
            StringBuilder sql = new StringBuilder("insert ignore into nlu_example (language, intent, text, text_key, "
                    + "entities, source, source_ref, confirmed_by, created_at) values ");
            for (int i = 0; i < chunk.size(); i++) {
                sql.append(i == 0 ? "" : ", ").append("(?, ?, ?, ?, ?, ?, ?, ?, ?)");
            }
            var query = em.createNativeQuery(sql.toString());
            int p = 1;
            for (NewExample e : chunk) {
                query.setParameter(p++, e.language()).setParameter(p++, e.intent())
                        .setParameter(p++, e.utterance().text()).setParameter(p++, TextKey.of(e.utterance().text()))
                        .setParameter(p++, spansJson(e.utterance())).setParameter(p++, e.source())
                        .setParameter(p++, e.sourceRef()).setParameter(p++, e.confirmedBy()).setParameter(p++, now);
            }
            added += query.executeUpdate();
        }
        return added;
    }

    /** Every example, in id order (the order training sees before its seeded shuffle). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<TrainingExample> all() {
        List<?> rows = em.createNativeQuery("select id, language, intent, text, entities, source, source_ref "
                + "from nlu_example order by id").getResultList();
        List<TrainingExample> out = new ArrayList<>(rows.size());
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            out.add(new TrainingExample(((Number) r[0]).longValue(), (String) r[1], (String) r[2],
                    new AnnotatedUtterance((String) r[3], spans((String) r[4])), (String) r[5], (String) r[6]));
        }
        return out;
    }

    /** Number of examples. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public long count() {
        return ((Number) em.createNativeQuery("select count(*) from nlu_example").getSingleResult()).longValue();
    }

    static String spansJson(AnnotatedUtterance u) {
        if (u.spans().isEmpty()) {
            return null;
        }
        JsonArrayBuilder a = Json.createArrayBuilder();
        u.spans().forEach(s -> a.add(Json.createObjectBuilder().add("type", s.type().wireName())
                .add("value", s.value()).add("start", s.start()).add("end", s.end())));
        return a.build().toString();
    }

    static List<AnnotatedUtterance.Span> spans(String json) {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        List<AnnotatedUtterance.Span> spans = new ArrayList<>();
        try (var reader = Json.createReader(new StringReader(json))) {
            JsonArray array = reader.readArray();
            for (JsonObject o : array.getValuesAs(JsonObject.class)) {
                EntityType.parse(o.getString("type")).ifPresent(t -> spans.add(new AnnotatedUtterance.Span(t,
                        o.getString("value"), o.getInt("start"), o.getInt("end"))));
            }
        }
        return spans;
    }
}
