package org.gn4j.gn.fit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The CSV table of {@code gn4j fit --data}: format, and one test per reported defect. */
class CsvTableTest {
    @TempDir
    Path dir;

    private Path write(String text) throws IOException {
        return Files.writeString(dir.resolve("d.csv"), text, StandardCharsets.UTF_8);
    }

    private static String error(Runnable r) {
        return assertThrows(IllegalArgumentException.class, r::run).getMessage();
    }

    @Test
    void readsColumnsSkippingBlankAndCommentLines() throws IOException {
        CsvTable t = CsvTable.read(write("# decay\n t , y \n\n0, 3.5\n1,2.0\r\n  # note\n2,-1.3E0\n"));
        assertEquals(List.of("t", "y"), t.columns());
        assertEquals(3, t.rowCount());
        assertArrayEquals(new double[] {0, 1, 2}, t.column("t"));
        assertArrayEquals(new double[] {3.5, 2.0, -1.3}, t.column("y"));
        assertArrayEquals(new double[][] {{3.5, 0}, {2.0, 1}, {-1.3, 2}}, t.columns(List.of("y", "t")));
    }

    @Test
    void raggedRowNamesFileAndLine() throws IOException {
        Path f = write("x,y\n1,2\n2,3,4\n");
        String msg = error(() -> read(f));
        assertTrue(msg.startsWith(f + ":3: 3 values, expected 2"), msg);
    }

    @Test
    void numberTooLargeForItsUseNamesFileLineColumnAndText() throws IOException {
        // the reported message was only 'For input string: "99999999999"'; a double column takes it, a bad one names it
        Path f = write("x,y\n1,99999999999\n2,1e999\n");
        CsvTable t = CsvTable.read(f);
        String msg = error(() -> t.column("y"));
        assertTrue(msg.startsWith(f + ":3: column 'y' (field 2) holds '1e999', which overflows a double"), msg);
        assertArrayEquals(new double[] {1, 2}, t.column("x"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1d", "0x0p0", "2f", "1D", "0x1.8p1", "NaN", "-Infinity", "inf", "1_000", "\u0661",
        "1.2.3", "", "+", "e5", "1e"})
    void onlyPlainDecimalNumbersAreNumbers(String bad) throws IOException {
        Path f = write("x,y\n1,2\n3," + bad + "\n");
        CsvTable t = CsvTable.read(f);
        String msg = error(() -> t.column("y"));
        assertTrue(msg.startsWith(f + ":3: column 'y' (field 2) holds '" + bad + "'"), msg);
    }

    @Test
    void plainDecimalSpellingsAreAccepted() {
        CsvTable t = CsvTable.parse("s", List.of("v", "3", "-0.5", ".25", "+2.", "1E-3", "1e+2", "007"));
        assertArrayEquals(new double[] {3, -0.5, 0.25, 2, 1e-3, 100, 7}, t.column("v"));
    }

    @Test
    void utf8ByteOrderMarkIsNotPartOfTheFirstName() throws IOException {
        Path f = dir.resolve("bom.csv");
        Files.write(f, ("\uFEFFtime,y\n0,1\n").getBytes(StandardCharsets.UTF_8));
        CsvTable t = CsvTable.read(f);
        assertEquals(List.of("time", "y"), t.columns());
        assertArrayEquals(new double[] {0}, t.column("time"));
        assertEquals(List.of("a"), CsvTable.parse("s", List.of("\uFEFFa", "1")).columns());
    }

    @Test
    void quotedFieldsFollowRfc4180() throws IOException {
        Path f = write("\"time (s)\",\"y, measured\",\"say \"\"hi\"\"\"\n\"1\", 2 ,\"x,\ny\"\n3,4,z\n");
        CsvTable t = CsvTable.read(f);
        assertEquals(List.of("time (s)", "y, measured", "say \"hi\""), t.columns());
        assertEquals(2, t.rowCount());
        assertArrayEquals(new double[] {1, 3}, t.column("time (s)"));
        assertArrayEquals(new double[] {2, 4}, t.column("y, measured"));
        // the quoted comma and line break are part of the cell, and the record is named by its first line
        String msg = error(() -> t.column("say \"hi\""));
        assertTrue(msg.startsWith(f + ":2: column 'say \"hi\"' (field 3) holds 'x,\ny'"), msg);
    }

    @Test
    void unusedTextColumnDoesNotFailTheTable() throws IOException {
        Path f = write("date,t,y\n2024-01-01,0,1.5\n\"Jan 2, 2024\",1,0.75\n");
        CsvTable t = CsvTable.read(f);
        assertArrayEquals(new double[] {0, 1}, t.column("t"));
        assertArrayEquals(new double[][] {{0, 1.5}, {1, 0.75}}, t.columns(List.of("t", "y")));
        String msg = error(() -> t.column("date"));
        assertTrue(msg.startsWith(f + ":2: column 'date' (field 1) holds '2024-01-01'"), msg);
        msg = error(() -> t.columns(List.of("t", "date")));
        assertTrue(msg.contains("'date'"), msg);
    }

    @Test
    void quotingErrorsNameFileAndLine() throws IOException {
        Path open = write("a,b\n1,\"2\n3,4\n");
        String msg = error(() -> read(open));
        assertTrue(msg.startsWith(open + ":2: the quoted field 2 opened on this line is never closed"), msg);
        Path after = write("a,b\n1,\"2\"x\n");
        msg = error(() -> read(after));
        assertTrue(msg.startsWith(after + ":2: unexpected 'x' after the closing quote of field 2"), msg);
    }

    @Test
    void invalidUtf8NamesFileLineAndOffset() throws IOException {
        Path f = dir.resolve("latin1.csv");
        Files.write(f, new byte[] {'a', '\n', '1', '\n', (byte) 0xE9, '\n'});
        String msg = error(() -> read(f));
        assertTrue(msg.startsWith(f + ":3: not UTF-8 text: malformed byte 0xE9 at byte offset 4"), msg);
    }

    @Test
    void headerProblemsNameFileAndLine() {
        assertTrue(error(() -> CsvTable.parse("s", List.of("", "# c"))).startsWith("s:3: no header row"));
        assertTrue(error(() -> CsvTable.parse("s", List.of("a,,b"))).startsWith("s:1: empty column name"));
        assertTrue(error(() -> CsvTable.parse("s", List.of("# c", "a, a"))).startsWith("s:2: duplicate column 'a'"));
        assertTrue(error(() -> CsvTable.parse("s", List.of("a", "1")).column("b")).contains("no column 'b'"));
    }

    @Test
    void nullArgumentsAreIllegalArguments() {
        assertTrue(error(() -> read(null)).contains("file"));
        assertTrue(error(() -> CsvTable.parse(null, List.of())).contains("source"));
        assertTrue(error(() -> CsvTable.parse("s", null)).contains("lines"));
        assertTrue(error(() -> CsvTable.parse("s", Arrays.asList("a", null))).contains("lines[1]"));
        CsvTable t = CsvTable.parse("s", List.of("a", "1"));
        assertTrue(error(() -> t.column(null)).contains("null"));
        assertTrue(error(() -> t.columns(null)).contains("names"));
    }

    @Test
    void longFieldsAreScannedInLinearTime() {
        String digits = "1".repeat(300_000) + "x";
        CsvTable t = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> CsvTable.parse("s", List.of("a," + " ".repeat(300_000) + "b", digits + ",1")));
        assertTrue(error(() -> t.column("a")).contains("(300001 characters)"));
    }

    private static void read(Path f) {
        try {
            CsvTable.read(f);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
