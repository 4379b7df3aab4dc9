package org.gn4j.gn.nist;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.gn4j.testkit.Fuzz;
import org.gn4j.testkit.Seeds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 10,000 seeded mutations of small valid StRD files (three of the shipped ones and a two-predictor file written
 * here): byte flips, truncation, insertions, duplicated, deleted and swapped lines, counts and values replaced by
 * huge, overflowing or malformed numbers. Each must parse, or raise {@link IllegalArgumentException} naming the file;
 * a parsed problem's model must compile or raise an {@link IllegalArgumentException} (a parse error of the model
 * text). Never another exception, never more than 64 bytes per input byte (plus 1 MiB) allocated, and all within the
 * time limit.
 */
class NistDatasetsFuzzTest {
    @TempDir
    Path dir;

    /** A small two-predictor file in the StRD layout (lines 1-based as declared). */
    static String twoPredictorFile() {
        List<String> lines = new ArrayList<>();
        lines.add("NIST/ITL StRD");
        lines.add("Dataset Name:  Tiny2           (Tiny2.dat)");
        lines.add("");
        lines.add("File Format:   ASCII");
        lines.add("               Starting Values   (lines 22 to 23)");
        lines.add("               Certified Values  (lines 22 to 28)");
        lines.add("               Data              (lines 32 to 35)");
        lines.add("");
        lines.add("Data:          1 Response  (y)");
        lines.add("               2 Predictors (x1, x2)");
        lines.add("               4 Observations");
        lines.add("               Lower Level of Difficulty");
        lines.add("");
        lines.add("Model:         Exponential Class");
        lines.add("               2 Parameters (b1 and b2)");
        lines.add("");
        lines.add("               y = b1*x1 + exp[-b2*x2]  +  e");
        lines.add("");
        lines.add("          Starting values                  Certified Values");
        lines.add("");
        lines.add("        Start 1     Start 2           Parameter     Standard Deviation");
        lines.add("  b1 =   1           1.5            2.0000000000E+00  1.0000000000E-02");
        lines.add("  b2 =   0.5         0.25           5.0000000000E-01  2.0000000000E-03");
        lines.add("");
        lines.add("Residual Sum of Squares:                    1.0000000000E-04");
        lines.add("Residual Standard Deviation:                7.0710678119E-03");
        lines.add("Degrees of Freedom:                                2");
        lines.add("Number of Observations:                            4");
        lines.add("");
        lines.add("");
        lines.add("Data:   y          x1        x2");
        lines.add("      3.0E0       1.0E0     0.0E0");
        lines.add("      4.6E0       2.0E0     1.0E0");
        lines.add("      6.37E0      3.0E0     2.0E0");
        lines.add("      8.22E0      4.0E0     3.0E0");
        return String.join("\n", lines) + "\n";
    }

    static byte[] resource(String name) throws IOException {
        try (InputStream in = NistDatasets.class.getResourceAsStream("/org/gn4j/gn/nist/" + name + ".dat")) {
            return in.readAllBytes();
        }
    }

    /** The lines of the bytes read as ISO-8859-1, split as {@link Files#readAllLines} splits them. */
    static List<String> lines(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                out.add(text.substring(start, i));
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                start = i + 1;
            }
        }
        if (start < text.length()) {
            out.add(text.substring(start));
        }
        return out;
    }

    @Test
    void tenThousandMutatedFilesParseOrFailWithFileAndLine() throws IOException {
        List<byte[]> seeds = List.of(resource("Misra1a"), resource("BoxBOD"), resource("DanWood"),
                twoPredictorFile().getBytes(StandardCharsets.ISO_8859_1));
        for (byte[] s : seeds) {
            NistDatasets.parse("seed.dat", lines(s)); // the seeds are valid
        }
        Path file = dir.resolve("fuzz.dat");
        Fuzz.Report report = Fuzz.of("NistDatasets", seeds, Seeds.of(502),
                        List.of("\n", "\r\n", "\r", " ", "=", "+  e", "(lines 1 to 2000000000)", "Observations",
                                "Parameters", "Data:", "y", "x", "b1 =", "lines", "\u00ef\u00bb\u00bf", "E+",
                                "Starting Values", "Certified Values", "Degrees of Freedom: ", "\t"))
                .allowing(IllegalArgumentException.class)
                .messages(t -> t.getMessage() != null && (t.getMessage().startsWith("fuzz.dat")
                        || t.getMessage().startsWith(file.toString())))
                .allocationBound(64, 1 << 20)
                .run(input -> {
                    // one in 128 through a file (disk writes are slow), the others through the bytes and lines parsers
                    NistProblem p;
                    int route = Arrays.hashCode(input);
                    if ((route & 127) == 0) {
                        Files.write(file, input);
                        p = NistDatasets.read(file);
                    } else if ((route & 32) == 0) {
                        p = NistDatasets.parseBytes("fuzz.dat", input);
                    } else {
                        p = NistDatasets.parse("fuzz.dat", lines(input));
                    }
                    assertTrue(p.observationCount() > 0 && p.parameterCount() > 0);
                    try {
                        p.compiledModel();
                    } catch (IllegalArgumentException e) {
                        // a model text that is not an expression: allowed, and it is a parse error, not a crash
                    }
                });
        System.out.println("NistDatasets fuzz: " + report);
        assertTrue(report.valid() > 500 && report.errors() > 2000, report.toString());
    }
}
