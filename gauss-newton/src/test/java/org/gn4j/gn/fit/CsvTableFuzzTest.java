package org.gn4j.gn.fit;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.gn4j.testkit.Fuzz;
import org.gn4j.testkit.Seeds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 10,000 seeded mutations of small valid CSV tables (plain, quoted, with comments, a text column, a byte-order mark,
 * CRLF line ends): byte flips, truncation, insertions, duplicated and swapped lines, numbers replaced by huge or
 * malformed ones, quotes, commas and line breaks inserted. Each must parse or raise {@link IllegalArgumentException}
 * naming the source; on a parsed table every column must give its values or an {@link IllegalArgumentException} naming
 * the source. Never another exception, never more than 64 bytes per input byte (plus 1 MiB) allocated, and all within
 * the time limit.
 */
class CsvTableFuzzTest {
    @TempDir
    Path dir;

    private static final List<String> SEEDS = List.of(
            "# exponential decay\nt,y\n0,3.5\n0.25,2.9\n0.5,2.41\n1,1.63\n2,0.78\n",
            "\"time (s)\",\"y, measured\",note\n1,2.5e-1,\"a \"\"quoted\"\" note\"\n2,-3.25E+2,\"two\nlines\"\n3,.5,x\n",
            "\uFEFFx1,x2,y\r\n1,2,3\r\n4,5,6\r\n\r\n7,8,9\r\n",
            "date,t,y\n2024-01-01,0,1.5\n\"Jan 2, 2024\",1,0.75\n# comment\n  2024-01-03 , 2 , 0.5 \n");

    @Test
    void tenThousandMutatedTablesParseOrFailWithTheSource() {
        List<byte[]> seeds = SEEDS.stream().map(s -> s.getBytes(StandardCharsets.UTF_8)).toList();
        Path file = dir.resolve("fuzz.csv");
        Fuzz.Report report = Fuzz.of("CsvTable", seeds, Seeds.of(503),
                        List.of(",", "\"", "\"\"", "\n", "\r\n", "\r", "#", " ", "\t", "\uFEFF", "\u00e9", "1e5", "x"))
                .allowing(IllegalArgumentException.class)
                .messages(t -> t.getMessage() != null && (t.getMessage().startsWith("fuzz.csv")
                        || t.getMessage().startsWith(file.toString())))
                .allocationBound(64, 1 << 20)
                .run(input -> {
                    int route = Arrays.hashCode(input);
                    CsvTable t;
                    if ((route & 127) == 0) {
                        Files.write(file, input); // one in 128 through a file: disk writes are slow
                        t = CsvTable.read(file);
                    } else if ((route & 32) == 0) {
                        t = CsvTable.parseBytes("fuzz.csv", input);
                    } else {
                        t = CsvTable.parse("fuzz.csv",
                                Arrays.asList(new String(input, StandardCharsets.UTF_8).split("\n", -1)));
                    }
                    assertTrue(t.columns().size() > 0);
                    for (String c : t.columns()) {
                        try {
                            double[] v = t.column(c);
                            assertTrue(v.length == t.rowCount());
                            for (double d : v) {
                                assertTrue(Double.isFinite(d), c);
                            }
                        } catch (IllegalArgumentException e) {
                            // a column holding text: its error names the source
                            assertTrue(e.getMessage().startsWith("fuzz.csv") || e.getMessage().startsWith(
                                    file.toString()), e.getMessage());
                        }
                    }
                });
        System.out.println("CsvTable fuzz: " + report);
        assertTrue(report.valid() > 2000 && report.errors() > 500, report.toString());
    }
}
