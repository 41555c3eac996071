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
 * ({@code en}, {@code zh-TW}, {@code zh-CN}), {@code title}, {@code description}, in batches of
 * {@value #BATCH_SIZE} rows per transaction; bad rows are reported by line.
 */
@ApplicationScoped
public class TranslationImporter {

    static final Set<String> LOCALES = Set.of("en", "zh-TW", "zh-CN");
    static final int BATCH_SIZE = 200;

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
            List<JpaCatalogWriter.Translation> batch = new ArrayList<>();
            List<Integer> lines = new ArrayList<>();
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
                } else {
                    batch.add(new JpaCatalogWriter.Translation(handle, locale, title,
                            description == null || description.isEmpty() ? null : description));
                    lines.add(row.line());
                    if (batch.size() == BATCH_SIZE) {
                        written += flush(batch, lines, errors);
                    }
                }
            }
            written += flush(batch, lines, errors);
        }
        if (written > 0) {
            changed.fire(new CatalogChanged());
        }
        return new ImportReport(written, 0, 0, written, 0, 0, errors, errors.size());
    }

    private int flush(List<JpaCatalogWriter.Translation> batch, List<Integer> lines, List<ImportError> errors) {
        if (batch.isEmpty()) {
            return 0;
        }
        List<Boolean> found = writer.putAll(List.copyOf(batch));
        int written = 0;
        for (int i = 0; i < found.size(); i++) {
            if (found.get(i)) {
                written++;
            } else {
                errors.add(new ImportError(lines.get(i), "No product with handle '" + batch.get(i).handle() + "'."));
            }
        }
        batch.clear();
        lines.clear();
        return written;
    }

    /** A batch of translations per transaction. */
    @ApplicationScoped
    public static class Writer {

        @Inject
        JpaCatalogWriter catalog;

        @Transactional(Transactional.TxType.REQUIRES_NEW)
        public List<Boolean> putAll(List<JpaCatalogWriter.Translation> translations) {
            return catalog.putTranslations(translations);
        }
    }
}
