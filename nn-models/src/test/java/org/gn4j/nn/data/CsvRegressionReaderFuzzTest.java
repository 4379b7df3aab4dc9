package org.gn4j.nn.data;

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
 * 10,000 seeded mutations of small valid regression CSV files (plain, quoted, CRLF with a byte-order mark, an unused
 * text column): byte flips, truncation, insertions, duplicated and swapped lines, numbers replaced by huge or
 * malformed ones, quotes, commas and line breaks inserted. Each is read by named columns and by last-columns-as-targets
 * and must give a data set or raise {@link IllegalArgumentException} naming the file; never another exception, never
 * more than 64 bytes per input byte (plus 1 MiB) allocated, and all within the time limit.
 */
class CsvRegressionReaderFuzzTest {
    @TempDir
    Path dir;

    private static final List<String> SEEDS = List.of(
            "a, b, y, c\n1, 2, 3, 4\n\n-5e-1, .25, 7, +8\n",
            "\"a\",\"b, second\",\"y\",\"c\"\n1,\"2\",3,4\n5,6,7,8\n",
            "\uFEFFa,b,y,c\r\n1,2,3,4\r\n5,6,7,8\r\n",
            "a,note,y,c\n1,\"text, with comma\",3,4\n2,\"say \"\"hi\"\"\",5,6\n");

    @Test
    void tenThousandMutatedFilesReadOrFailWithTheFile() {
        List<byte[]> seeds = SEEDS.stream().map(s -> s.getBytes(StandardCharsets.UTF_8)).toList();
        Path file = dir.resolve("fuzz.csv");
        Fuzz.Report report = Fuzz.of("CsvRegressionReader", seeds, Seeds.of(506),
                        List.of(",", "\"", "\"\"", "\n", "\r\n", "\r", " ", "\t", "\uFEFF", "\u00e9", "1e5", "a", "y"))
                .allowing(IllegalArgumentException.class)
                .messages(t -> t.getMessage() != null && t.getMessage().startsWith(file.toString()))
                .allocationBound(64, 1 << 20)
                .run(input -> {
                    int route = Arrays.hashCode(input);
                    Dataset d;
                    boolean named = (route & 32) == 0;
                    if ((route & 127) == 0) {
                        Files.write(file, input); // one in 128 through a file: disk writes are slow
                        d = named ? CsvRegressionReader.read(file, List.of("a", "c"), List.of("y"), "fuzzed")
                                : CsvRegressionReader.readLastColumnsAsTargets(file, 1, "fuzzed");
                    } else {
                        d = named ? CsvRegressionReader.parse(file, input, List.of("a", "c"), List.of("y"), "fuzzed")
                                : CsvRegressionReader.parseLastColumnsAsTargets(file, input, 1, "fuzzed");
                    }
                    assertTrue(d.size() > 0);
                    for (double v : d.features()) {
                        assertTrue(Double.isFinite(v));
                    }
                });
        System.out.println("CsvRegressionReader fuzz: " + report);
        assertTrue(report.valid() > 1000 && report.errors() > 1000, report.toString());
    }
}
