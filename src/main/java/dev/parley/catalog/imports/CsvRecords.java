package dev.parley.catalog.imports;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads CSV records one at a time, keeping the physical line each starts on, without holding the file in
 * memory. Unlike a plain CSV parser it survives a broken row: a record whose quotes never balance (or
 * whose field count is wrong) is reported as {@link Row#malformed()} at its first line, and reading
 * resumes at the next line, so one bad row cannot swallow the rest of the file. Accepts a UTF-8 byte-order
 * mark and CRLF or LF line ends. Quoted fields may span lines (HTML bodies do).
 */
public final class CsvRecords implements AutoCloseable {

    /** Most physical lines one record may span before its quotes are declared broken. */
    static final int MAX_LINES_PER_RECORD = 500;
    /** Most characters one record may hold. */
    static final int MAX_RECORD_CHARS = 1 << 20;

    private static final CSVFormat CSV = CSVFormat.RFC4180.builder().setIgnoreSurroundingSpaces(false).get();

    /**
     * One record, or the reason a stretch of input is not one.
     *
     * @param line physical line (1-based) the record starts on
     * @param fields the values, empty when malformed
     * @param error why the record is malformed, or null
     */
    public record Row(int line, List<String> fields, String error) {

        public boolean malformed() {
            return error != null;
        }
    }

    private final BufferedReader in;
    private final CSVFormat format;
    private final Deque<Line> pushedBack = new ArrayDeque<>();
    private int lineNumber;
    private boolean first = true;
    private int expectedFields = -1;

    private record Line(int number, String text) {
    }

    /** Reads comma-separated records. */
    public CsvRecords(Reader reader) {
        this(reader, ',');
    }

    /** Reads records separated by {@code delimiter} ({@code '\t'} for a tab-separated feed). */
    public CsvRecords(Reader reader, char delimiter) {
        this.in = reader instanceof BufferedReader b ? b : new BufferedReader(reader, 1 << 16);
        this.format = delimiter == ',' ? CSV : CSV.builder().setDelimiter(delimiter).get();
    }

    /** Sets how many fields every record must have (the header's count); -1 accepts any. */
    public void expectFields(int count) {
        this.expectedFields = count;
    }

    /** The next record, or null at the end of input. */
    public Row next() {
        Line start;
        do {
            start = readLine();
            if (start == null) {
                return null;
            }
        } while (start.text().isBlank());

        if (balanced(start.text())) {
            return parse(start.number(), start.text(), List.of());
        }
        // A lone unbalanced line may still be a valid record (a stray quote inside an unquoted field).
        Row alone = tryParse(start.number(), start.text());
        if (alone != null && !alone.malformed()) {
            return alone;
        }
        StringBuilder text = new StringBuilder(start.text());
        List<Line> joined = new ArrayList<>();
        while (!balanced(text)) {
            Line more = readLine();
            if (more == null || joined.size() >= MAX_LINES_PER_RECORD || text.length() > MAX_RECORD_CHARS) {
                if (more != null) {
                    joined.add(more);
                }
                resync(joined);
                return malformed(start.number(), "a quoted field is never closed");
            }
            joined.add(more);
            text.append('\n').append(more.text());
        }
        return parse(start.number(), text.toString(), joined);
    }

    private Row parse(int line, String text, List<Line> joined) {
        Row row = tryParse(line, text);
        if (row == null) {
            resync(joined);
            return malformed(line, "the quotes in this row are broken");
        }
        if (row.malformed()) {
            resync(joined);
        }
        return row;
    }

    /** Parses one record's text; null if the CSV syntax is broken, malformed if the field count is wrong. */
    private Row tryParse(int line, String text) {
        List<String> fields;
        try (CSVParser parser = CSVParser.parse(text, format)) {
            List<CSVRecord> records = parser.getRecords();
            if (records.size() != 1) {
                return null;
            }
            fields = records.get(0).toList();
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            return null;
        }
        if (expectedFields >= 0 && fields.size() != expectedFields) {
            return malformed(line, "expected " + expectedFields + " columns, found " + fields.size());
        }
        return new Row(line, fields, null);
    }

    /** Lines taken while looking for the end of a broken record are read again as records of their own. */
    private void resync(List<Line> joined) {
        for (int i = joined.size() - 1; i >= 0; i--) {
            pushedBack.push(joined.get(i));
        }
    }

    private static Row malformed(int line, String message) {
        return new Row(line, List.of(), message);
    }

    private Line readLine() {
        if (!pushedBack.isEmpty()) {
            return pushedBack.pop();
        }
        try {
            String text = in.readLine();
            if (text == null) {
                return null;
            }
            lineNumber++;
            if (first) {
                first = false;
                if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
                    text = text.substring(1);
                }
            }
            return new Line(lineNumber, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the quotes in {@code text} are balanced ("" inside a quoted field counts twice). */
    static boolean balanced(CharSequence text) {
        int quotes = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '"') {
                quotes++;
            }
        }
        return quotes % 2 == 0;
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads all remaining rows (for small inputs and tests). */
    public List<Row> readAll() {
        List<Row> rows = new ArrayList<>();
        for (Row r = next(); r != null; r = next()) {
            rows.add(r);
        }
        return rows;
    }
}
