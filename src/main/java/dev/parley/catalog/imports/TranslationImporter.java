package dev.parley.catalog.imports;

import dev.parley.catalog.jpa.JpaCatalogWriter;
import dev.parley.platform.DomainException;
import dev.parley.platform.DomainException.Kind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Imports localised titles and descriptions from a CSV with the columns {@code handle}, {@code locale}
 * ({@code en}, {@code zh-TW}, {@code zh-CN}), {@code title}, {@code description}. Each row is written in its own
 * transaction; bad rows are reported by line.
 */
@ApplicationScoped
public class TranslationImporter {

    static final Set<String> LOCALES = Set.of("en", "zh-TW", "zh-CN");

    @Inject
    Writer writer;

    @Inject
    Event<CatalogChanged> changed;

    /** Imports the CSV; returns the rows written and the rejected lines. */
    public ImportReport importCsv(Reader csv) {
        List<ImportError> errors = new ArrayList<>();
        int written = 0;
        try (CsvRecords records = new CsvRecords(csv)) {
            CsvRecords.Row header = records.next();
            if (header == null || header.malformed()) {
                throw new DomainException(Kind.INVALID, "not-a-translation-csv", "The file is empty.");
            }
            Map<String, Integer> columns = new java.util.HashMap<>();
            for (int i = 0; i < header.fields().size(); i++) {
                columns.put(header.fields().get(i).strip().toLowerCase(Locale.ROOT), i);
            }
            for (String required : List.of("handle", "locale", "title")) {
                if (!columns.containsKey(required)) {
                    throw new DomainException(Kind.INVALID, "not-a-translation-csv",
                            "A translation CSV needs the columns handle, locale, title (and description).");
                }
            }
            records.expectFields(header.fields().size());
            for (CsvRecords.Row row = records.next(); row != null; row = records.next()) {
                if (row.malformed()) {
                    errors.add(new ImportError(row.line(), "Not a valid CSV row: " + row.error() + "."));
                    continue;
                }
                String handle = row.fields().get(columns.get("handle")).strip();
                String locale = row.fields().get(columns.get("locale")).strip();
                String title = row.fields().get(columns.get("title")).strip();
                Integer d = columns.get("description");
                String description = d == null ? null : row.fields().get(d).strip();
                if (!LOCALES.contains(locale)) {
                    errors.add(new ImportError(row.line(), "Locale '" + locale + "' is not en, zh-TW or zh-CN."));
                } else if (title.isEmpty()) {
                    errors.add(new ImportError(row.line(), "Title is empty."));
                } else if (!writer.put(handle, locale, title, description == null || description.isEmpty()
                        ? null : description)) {
                    errors.add(new ImportError(row.line(), "No product with handle '" + handle + "'."));
                } else {
                    written++;
                }
            }
        }
        if (written > 0) {
            changed.fire(new CatalogChanged());
        }
        return new ImportReport(written, 0, 0, written, 0, 0, errors, errors.size());
    }

    /** One translation per transaction. */
    @ApplicationScoped
    public static class Writer {

        @Inject
        JpaCatalogWriter catalog;

        @Transactional(Transactional.TxType.REQUIRES_NEW)
        public boolean put(String handle, String locale, String title, String description) {
            return catalog.putTranslation(handle, locale, title, description);
        }
    }
}
