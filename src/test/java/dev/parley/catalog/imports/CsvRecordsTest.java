package dev.parley.catalog.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvRecordsTest {

    @Test
    void quotedFieldsMaySpanLinesAndRowsKeepTheirStartingLine() {
        List<CsvRecords.Row> rows = read("a,b\n1,\"two\nlines\"\n3,x\n");
        assertEquals(3, rows.size());
        assertEquals(List.of("1", "two\nlines"), rows.get(1).fields());
        assertEquals(2, rows.get(1).line());
        assertEquals(4, rows.get(2).line());
    }

    @Test
    void aByteOrderMarkAndCrlfLineEndsAreAccepted() {
        List<CsvRecords.Row> rows = read("\uFEFFHandle,Title\r\nx,\"y\r\nz\"\r\nq,w\r\n");
        assertEquals(List.of("Handle", "Title"), rows.get(0).fields());
        assertEquals("x", rows.get(1).fields().get(0));
        assertEquals(List.of("q", "w"), rows.get(2).fields());
    }

    @Test
    void anUnclosedQuoteCostsOnlyItsOwnRow() {
        CsvRecords csv = new CsvRecords(new StringReader("h1,h2\n\"broken,1\nok,2\nfine,3\n"));
        csv.expectFields(2);
        List<CsvRecords.Row> rows = csv.readAll();
        assertEquals(4, rows.size());
        assertTrue(rows.get(1).malformed());
        assertEquals(2, rows.get(1).line());
        assertEquals(List.of("ok", "2"), rows.get(2).fields());
        assertEquals(3, rows.get(2).line());
        assertEquals(List.of("fine", "3"), rows.get(3).fields());
    }

    @Test
    void aStrayQuoteInsideAnUnquotedFieldIsKept() {
        CsvRecords csv = new CsvRecords(new StringReader("a,b\n5\" screen,2\n"));
        csv.expectFields(2);
        List<CsvRecords.Row> rows = csv.readAll();
        assertFalse(rows.get(1).malformed());
        assertEquals("5\" screen", rows.get(1).fields().get(0));
    }

    @Test
    void aRowWithTheWrongNumberOfFieldsIsReported() {
        CsvRecords csv = new CsvRecords(new StringReader("a,b\n1,2,3\n4,5\n"));
        csv.expectFields(2);
        List<CsvRecords.Row> rows = csv.readAll();
        assertTrue(rows.get(1).malformed());
        assertTrue(rows.get(1).error().contains("expected 2 columns, found 3"));
        assertEquals(List.of("4", "5"), rows.get(2).fields());
    }

    @Test
    void escapedQuotesBalance() {
        assertTrue(CsvRecords.balanced("\"say \"\"hi\"\"\",x"));
        assertFalse(CsvRecords.balanced("\"open,x"));
    }

    private static List<CsvRecords.Row> read(String text) {
        return new CsvRecords(new StringReader(text)).readAll();
    }
}
