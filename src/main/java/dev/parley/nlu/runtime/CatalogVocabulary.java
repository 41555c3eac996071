package dev.parley.nlu.runtime;

import dev.parley.nlu.entities.EntityExtractor;
import dev.parley.nlu.entities.ProductTitles;
import dev.parley.nlu.entities.Vocabulary;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The entity extractor over the built-in vocabulary merged with the catalog's own: product types as
 * categories, vendors as brands, tags as attributes or materials, colour option values as colours, and every
 * active product's titles (all languages) as {@code product} entities naming its id. Rebuilt
 * when the catalog changes (polled by {@link NluRefreshTimer}: product count and latest change), and swapped
 * in with one reference write.
 */
@ApplicationScoped
public class CatalogVocabulary {

    private static final Logger LOG = Logger.getLogger(CatalogVocabulary.class.getName());
    private static final String COLOUR_NAMES = "('color', 'colour', '顏色', '颜色')";

    @Resource(lookup = "jdbc/parley")
    DataSource db;

    private final AtomicReference<EntityExtractor> extractor = new AtomicReference<>(EntityExtractor.builtIn());
    private volatile String stamp = "";

    /** The extractor to use now. */
    public EntityExtractor extractor() {
        return extractor.get();
    }

    /** Rebuilds the vocabulary when the catalog changed since the last look; returns whether it did. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public synchronized boolean refresh() {
        try (Connection c = db.getConnection()) {
            String seen = stamp(c);
            if (seen.equals(stamp)) {
                return false;
            }
            Vocabulary v = Vocabulary.builtIn().merge(
                    strings(c, "select distinct product_type from product where status = 'active' and product_type is not null"),
                    strings(c, "select distinct vendor from product where status = 'active' and vendor is not null"),
                    strings(c, "select distinct t.tag from product_tag t join product p on p.id = t.product_id "
                            + "where p.status = 'active'"),
                    strings(c, colourValues()));
            List<Map.Entry<String, String>> titles = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("select p.id, p.title from product p where p.status = 'active' "
                    + "union all select t.product_id, t.title from product_translation t join product p "
                    + "on p.id = t.product_id where p.status = 'active'"); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    titles.add(Map.entry(rs.getString(2), Long.toString(rs.getLong(1))));
                }
            }
            extractor.set(new EntityExtractor(v, ProductTitles.of(titles)));
            stamp = seen;
            LOG.fine(() -> "Entity vocabulary rebuilt from the catalog (" + seen + ")");
            return true;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the catalog vocabulary", e);
        }
    }

    private static String colourValues() {
        List<String> parts = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            parts.add("select distinct v.option" + i + " from variant v join product p on p.id = v.product_id "
                    + "where p.status = 'active' and lower(p.option" + i + "_name) in " + COLOUR_NAMES
                    + " and v.option" + i + " <> ''");
        }
        return String.join(" union ", parts);
    }

    private static String stamp(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select count(*), max(updated_at) from product");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1) + "@" + Objects.toString(rs.getTimestamp(2));
        }
    }

    private static List<String> strings(Connection c, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
