package org.gn4j.bench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The CSV forms {@code gn4j fit --data} reads (through Commons CSV): a quoted header, an unused text column, a
 * {@code sigma} column used as weights, a UTF-8 byte-order mark and Windows line endings. The data lie exactly on
 * {@code y = 2 + 3t} except one outlier row, so each fit must return a = 2, b = 3 when the outlier is weighted away
 * (sigma 1e6) and something else when it is not.
 */
class FitCsvInputTest {
    @TempDir
    Path dir;

    private static final double[] T = {0, 1, 2, 3, 4, 5, 6};
    private static final int OUTLIER = 4;

    /** Rows "label, t, y, sigma" with the given header names, line ending and optional byte-order mark. */
    private Path file(String header, String eol, boolean bom, double outlierSigma) throws IOException {
        StringBuilder sb = new StringBuilder(bom ? "\uFEFF" : "").append(header).append(eol);
        for (int i = 0; i < T.length; i++) {
            double y = 2 + 3 * T[i] + (i == OUTLIER ? 40 : 0);
            double sigma = i == OUTLIER ? outlierSigma : 0.1;
            sb.append("\"point ").append(i).append(", \"\"run A\"\"\",").append(T[i]).append(',').append(y)
                    .append(',').append(sigma).append(eol);
        }
        return Files.write(dir.resolve("line.csv"), sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static JsonNode fit(Path data, String... extra) throws IOException {
        Path out = data.resolveSibling("fit.json");
        String[] base = {"fit", "--data", data.toString(), "--model", "a + b*t", "--params", "a,b", "--start", "0,0",
            "--output", out.toString()};
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        CliRun r = CliRun.of(args);
        assertEquals(0, r.exitCode(), r.out() + r.err());
        return new ObjectMapper().readTree(out.toFile());
    }

    private static double param(JsonNode j, int k) {
        return j.get("parameters").get(k).get("estimate").asDouble();
    }

    private void assertExactLine(Path data) throws IOException {
        JsonNode j = fit(data, "--sigma", "sigma");
        assertEquals(2, param(j, 0), 1e-6, j.toString());
        assertEquals(3, param(j, 1), 1e-6, j.toString());
    }

    @Test
    void quotedHeaderAndUnusedTextColumn() throws IOException {
        assertExactLine(file("\"label, text\",\"t\",\"y\",\"sigma\"", "\n", false, 1e6));
    }

    @Test
    void sigmaColumnWeightsTheRows() throws IOException {
        // the same rows: the outlier weighted away gives the exact line; unweighted, or with an ordinary sigma, not
        assertExactLine(file("label,t,y,sigma", "\n", false, 1e6));
        JsonNode unweighted = fit(file("label,t,y,sigma", "\n", false, 1e6));
        JsonNode equal = fit(file("label,t,y,sigma", "\n", false, 0.1), "--sigma", "sigma");
        double shift = 40.0 / T.length; // least squares spreads the outlier over the intercept at least partly
        assertEquals(param(unweighted, 0), param(equal, 0), 1e-6, "equal sigmas give the unweighted fit");
        org.junit.jupiter.api.Assertions.assertTrue(Math.abs(param(unweighted, 0) - 2) > 0.1 * shift,
                "the outlier moves the unweighted fit: a = " + param(unweighted, 0));
    }

    @Test
    void utf8ByteOrderMark() throws IOException {
        assertExactLine(file("label,t,y,sigma", "\n", true, 1e6));
    }

    @Test
    void windowsLineEndings() throws IOException {
        assertExactLine(file("label,t,y,sigma", "\r\n", false, 1e6));
        assertExactLine(file("\"label\",\"t\",\"y\",\"sigma\"", "\r\n", true, 1e6));
    }
}
