package dev.parley.nlu.review;

import dev.parley.platform.seed.DemoSeed;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The demo store's past conversations ({@code db/seed/transcripts/<language>.txt}, customer messages only,
 * {@code ---} between conversations), stored as channel {@code demo} so the learning-loop page has turns to
 * review. The NLU reads them once a model is served ({@link TurnReviews#readUnread(int)}).
 */
@ApplicationScoped
public class DemoTranscriptSeed implements DemoSeed {

    static final List<String> LANGUAGES = List.of("en", "zh-TW", "zh-CN");

    @Resource(lookup = "jdbc/parley")
    DataSource db;

    @Override
    public String name() {
        return "demo-transcripts";
    }

    @Override
    public int order() {
        return 40;
    }

    @Override
    public boolean targetIsEmpty() {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement("select 1 from conversation limit 1");
                ResultSet rs = ps.executeQuery()) {
            return !rs.next();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read conversations", e);
        }
    }

    @Override
    public void apply() {
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
        int n = 0;
        try (Connection c = db.getConnection();
                PreparedStatement conversation = c.prepareStatement("insert into conversation (id, channel, locale, "
                        + "anonymous_id, created_at, updated_at) values (?, 'demo', ?, ?, ?, ?)");
                PreparedStatement message = c.prepareStatement("insert into conversation_message (conversation_id, seq, "
                        + "turn, role, kind, text, created_at) values (?, ?, ?, 'customer', 'text', ?, ?)")) {
            for (String language : LANGUAGES) {
                for (List<String> lines : read(language)) {
                    n++;
                    String id = UUID.nameUUIDFromBytes(("demo-transcript-" + language + "-" + n)
                            .getBytes(StandardCharsets.UTF_8)).toString();
                    // Spread over the last weeks, one conversation every few hours, messages a minute apart.
                    LocalDateTime start = now.minusHours(5L * n);
                    conversation.setString(1, id);
                    conversation.setString(2, language);
                    conversation.setString(3, "demo-shopper-" + n);
                    conversation.setTimestamp(4, Timestamp.valueOf(start));
                    conversation.setTimestamp(5, Timestamp.valueOf(start.plusMinutes(lines.size())));
                    conversation.executeUpdate();
                    for (int i = 0; i < lines.size(); i++) {
                        message.setString(1, id);
                        message.setInt(2, i + 1);
                        message.setInt(3, i + 1);
                        message.setString(4, lines.get(i));
                        message.setTimestamp(5, Timestamp.valueOf(start.plusMinutes(i)));
                        message.addBatch();
                    }
                    message.executeBatch();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not store the demo transcripts", e);
        }
    }

    /** The conversations of one language, each a list of customer messages. */
    static List<List<String>> read(String language) {
        String path = "db/seed/transcripts/" + language + ".txt";
        List<List<String>> out = new ArrayList<>();
        try (InputStream in = DemoTranscriptSeed.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("Missing seed file " + path);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<String> current = new ArrayList<>();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                if (line.strip().equals("---")) {
                    if (!current.isEmpty()) {
                        out.add(current);
                    }
                    current = new ArrayList<>();
                } else {
                    current.add(line.strip());
                }
            }
            if (!current.isEmpty()) {
                out.add(current);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
