package org.gn4j.bench.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.gn4j.gn.fit.CsvTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code gn4j fit --data} with {@code --sigma}, {@code --absolute-sigma}, {@code --output}, {@code --format json},
 * {@code --residuals}, {@code --verbose}, {@code --lower} and {@code --upper}. The data and the reference values are
 * those of {@code FitReportTest} (scipy 1.17 {@code curve_fit}, the script is in its comment).
 */
class FitCommandOutputsTest {
    @TempDir
    Path dir;

    private static final int M = 12;
    private static final double[] P_WEIGHTED = {3.0201005060447086, 0.6907469642744553, 0.48967363883462095};
    private static final double COV_RELATIVE_KK = 0.00029904582303768;
    private static final double COV_ABSOLUTE_KK = 0.00138117546605997;
    private static final double COV_ABSOLUTE_AC = -0.00177740509141271;

    private Path data() throws IOException {
        StringBuilder sb = new StringBuilder("# decay with measurement errors\nnote,t,y,dy\n");
        for (int i = 0; i < M; i++) {
            double t = 0.5 * i;
            double y = 3.0 * Math.exp(-0.7 * t) + 0.5 + 0.04 * Math.sin(7 * i);
            sb.append("\"run ").append(i).append(", A\",").append(t).append(',').append(y).append(',')
                    .append(0.05 + 0.02 * (i % 3)).append('\n');
        }
        return Files.writeString(dir.resolve("decay.csv"), sb.toString());
    }

    private CliRun fit(String... extra) throws IOException {
        List<String> args = new java.util.ArrayList<>(List.of("fit", "--data", data().toString(), "--model",
                "a*exp(-k*t) + c", "--params", "a,k,c", "--start", "1,1,0"));
        args.addAll(List.of(extra));
        return CliRun.of(args.toArray(new String[0]));
    }

    private static JsonNode json(Path file) throws IOException {
        return new ObjectMapper().readTree(file.toFile());
    }

    @Test
    void weightedFitWritesTheWholeResultAsJsonAndTheResidualsAsCsv() throws IOException {
        Path out = dir.resolve("fit.json");
        Path res = dir.resolve("res.csv");
        CliRun r = fit("--sigma", "dy", "--output", out.toString(), "--residuals", res.toString());
        assertEquals(0, r.exitCode(), r.out() + r.err());
        assertTrue(r.out().contains("reduced chi-square 2.165154"), r.out());
        assertTrue(r.out().contains("R^2 0.99932433") && r.out().contains("weighted sums"), r.out());
        assertTrue(r.out().contains("AIC -15.8133") && r.out().contains("BIC -14.3585"), r.out());
        assertTrue(r.out().contains("correlation"), r.out());

        JsonNode j = json(out);
        assertEquals("dy", j.get("sigma").asText());
        assertFalse(j.get("absoluteSigma").asBoolean());
        assertTrue(j.get("termination").get("converged").asBoolean());
        assertFalse(j.get("termination").get("reason").asText().isEmpty());
        assertEquals(M, j.get("counts").get("rows").asInt());
        assertEquals(9, j.get("counts").get("degreesOfFreedom").asInt());
        for (int k = 0; k < 3; k++) {
            JsonNode p = j.get("parameters").get(k);
            assertEquals(List.of("a", "k", "c").get(k), p.get("name").asText());
            assertEquals(P_WEIGHTED[k], p.get("estimate").asDouble(), 1e-8 * P_WEIGHTED[k]);
            assertTrue(p.get("lowerBound").isNull() && p.get("upperBound").isNull());
            assertEquals("free", p.get("bound").asText());
            assertTrue(p.get("interval95").get(0).asDouble() < P_WEIGHTED[k]);
        }
        assertEquals(Math.sqrt(COV_RELATIVE_KK), j.get("parameters").get(1).get("standardError").asDouble(),
                1e-6 * Math.sqrt(COV_RELATIVE_KK));
        assertEquals(COV_RELATIVE_KK, j.get("covariance").get("matrix").get(1).get(1).asDouble(),
                1e-6 * COV_RELATIVE_KK);
        assertEquals(1.0, j.get("covariance").get("correlation").get(2).get(2).asDouble());
        assertEquals(1.9486390205125872, j.get("statistics").get("chiSquare").asDouble(), 1e-8);
        assertEquals("weighted", j.get("statistics").get("rSquaredSums").asText());
        assertEquals(M, j.get("rows").get("residual").size());

        // the residual file: the columns the model reads, response, sigma, prediction, residual, weight
        CsvTable t = CsvTable.read(res);
        assertEquals(List.of("t", "y", "dy", "prediction", "residual", "weight"), t.columns());
        double[] y = t.column("y");
        double[] pred = t.column("prediction");
        double[] resid = t.column("residual");
        double[] dy = t.column("dy");
        double[] w = t.column("weight");
        for (int i = 0; i < M; i++) {
            double f = P_WEIGHTED[0] * Math.exp(-P_WEIGHTED[1] * 0.5 * i) + P_WEIGHTED[2];
            assertEquals(f, pred[i], 1e-7);
            assertEquals(y[i] - pred[i], resid[i], 1e-15);
            assertEquals(1 / (dy[i] * dy[i]), w[i], 1e-12 * w[i]);
            assertEquals(resid[i], j.get("rows").get("residual").get(i).asDouble());
        }
    }

    @Test
    void absoluteSigmaGivesScipysAbsoluteCovarianceOnStandardOutput() throws IOException {
        CliRun r = fit("--sigma", "dy", "--absolute-sigma", "--format", "json");
        assertEquals(0, r.exitCode(), r.out() + r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertTrue(j.get("absoluteSigma").asBoolean());
        JsonNode c = j.get("covariance").get("matrix");
        assertEquals(COV_ABSOLUTE_KK, c.get(1).get(1).asDouble(), 1e-6 * COV_ABSOLUTE_KK);
        assertEquals(COV_ABSOLUTE_AC, c.get(0).get(2).asDouble(), 1e-6 * Math.abs(COV_ABSOLUTE_AC));
    }

    @Test
    void unweightedFitReportsUnweightedRSquared() throws IOException {
        CliRun r = fit();
        assertEquals(0, r.exitCode(), r.out() + r.err());
        // scipy: R² = 0.9991018794530332, AIC = -80.77348064797181
        assertTrue(r.out().contains("R^2 0.999101879") && r.out().contains("unweighted sums"), r.out());
        assertTrue(r.out().contains("AIC -80.7734"), r.out());
    }

    @Test
    void verboseLogsEveryIterationOnStandardError() throws IOException {
        Path out = dir.resolve("fit.json");
        CliRun r = fit("--verbose", "--output", out.toString());
        assertEquals(0, r.exitCode(), r.out() + r.err());
        List<String> lines = r.err().lines().toList();
        assertTrue(lines.get(0).contains("iter") && lines.get(0).contains("|g|inf") && lines.get(0).contains("gain"),
                r.err());
        int iterations = json(out).get("counts").get("iterations").asInt();
        assertEquals(iterations, lines.size() - 1, r.err());
        assertTrue(lines.get(1).trim().startsWith("1 ") && (lines.get(1).endsWith("yes")
                || lines.get(1).endsWith("no")), lines.get(1));
        assertFalse(r.out().contains("|g|inf %"), "the log goes to standard error");
    }

    @Test
    void boundsAreParsedCheckedAndHandedToTheSolver() throws IOException {
        CliRun wrongLength = fit("--lower", "0,0");
        assertEquals(2, wrongLength.exitCode());
        assertTrue(wrongLength.err().contains("--lower has 2 values, expected 3"), wrongLength.err());
        CliRun badValue = fit("--upper", "inf,1x,inf");
        assertEquals(2, badValue.exitCode());
        assertTrue(badValue.err().contains("'1x'"), badValue.err());
        CliRun startOutside = fit("--lower", "2,-inf,-inf");
        assertEquals(2, startOutside.exitCode());
        assertTrue(startOutside.err().contains("--start value of a is 1.0"), startOutside.err());
        // c's upper bound below the free optimum (0.4977): at the solution the bound is active
        CliRun bounded = fit("--lower", "0,-inf,-inf", "--upper", "inf,inf,0.4");
        if (bounded.exitCode() == 0) {
            assertTrue(bounded.out().contains("active bounds: c at upper 0.4"), bounded.out());
            assertTrue(bounded.out().lines().anyMatch(l -> l.trim().startsWith("c ") && l.contains("at bound")),
                    bounded.out());
        } else {
            // the solvers refuse bounded problems until the core handles bounds: the refusal shows they arrived
            assertEquals(1, bounded.exitCode(), bounded.err());
            assertTrue(bounded.err().contains("bounds"), bounded.err());
        }
    }

    @Test
    void newOptionsAreRefusedOutsideACsvFitAndOutputsCheckedFirst() throws IOException {
        for (String[] extra : new String[][] {{"--sigma", "dy"}, {"--absolute-sigma"}, {"--lower", "0"},
            {"--upper", "1"}, {"--output", "f.json"}, {"--format", "json"}, {"--residuals", "r.csv"}}) {
            List<String> args = new java.util.ArrayList<>(List.of("fit", "--nist", "Misra1a", "--from", "1"));
            args.addAll(List.of(extra));
            CliRun r = CliRun.of(args.toArray(new String[0]));
            assertEquals(2, r.exitCode(), String.join(" ", extra) + ": " + r.err());
            assertTrue(r.err().contains(extra[0] + " does not apply with --nist"), r.err());
        }
        CliRun all = CliRun.of("fit", "--nist-all", "--verbose");
        assertEquals(2, all.exitCode());
        CliRun missing = fit("--output", dir.resolve("no/such/fit.json").toString());
        assertEquals(2, missing.exitCode(), missing.err());
        assertTrue(missing.out().isEmpty(), "checked before the fit: " + missing.out());
        Path csv = data();
        CliRun overInput = fit("--residuals", csv.toString());
        assertEquals(2, overInput.exitCode(), overInput.err());
        CliRun badFormat = fit("--format", "xml");
        assertEquals(2, badFormat.exitCode());
        assertTrue(badFormat.err().toLowerCase(Locale.ROOT).contains("text or json"), badFormat.err());
    }

    @Test
    void badSigmaColumnNamesTheColumnAndRow() throws IOException {
        Path csv = Files.writeString(dir.resolve("bad.csv"), "t,y,dy\n0,1,0.1\n1,0.5,0\n2,0.2,0.1\n3,0.1,0.1\n");
        CliRun r = CliRun.of("fit", "--data", csv.toString(), "--model", "a*exp(-k*t)", "--params", "a,k",
                "--start", "1,1", "--sigma", "dy");
        assertEquals(1, r.exitCode(), r.err());
        assertTrue(r.err().contains("--sigma column 'dy'") && r.err().contains("row 2"), r.err());
        assertArrayEquals(new double[] {0.1, 0, 0.1, 0.1}, CsvTable.read(csv).column("dy"));
    }
}
