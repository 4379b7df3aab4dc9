package org.gn4j.bench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;


/** {@code gn4j fit}: NIST files, CSV data with a model expression, and the errors a user can make. */
class FitCommandTest {


    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    @Test
    void fitsABuiltInNistProblemToCertifiedAccuracy() {
        CliRun r = run("fit", "--nist", "Misra1a", "--from", "2");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("Levenberg-Marquardt"), r.out());
        assertTrue(r.out().contains("2.3894212918"), r.out());
        assertTrue(r.out().contains("min LRE"), r.out());
    }

    @Test
    void fitsANistFileFromDisk(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("DanWood.dat");
        try (var in = org.gn4j.gn.nist.NistDatasets.class.getResourceAsStream("DanWood.dat")) {
            Files.copy(in, file);
        }
        CliRun r = run("fit", file.toString(), "--solver", "dogleg");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("start 1") && r.out().contains("start 2"), r.out());
    }

    @Test
    void fitsCsvDataWithAModelExpression(@TempDir Path dir) throws IOException {
        Path csv = dir.resolve("decay.csv");
        StringBuilder sb = new StringBuilder("# exponential decay\nt,y\n");
        for (int i = 0; i < 20; i++) {
            double t = 0.25 * i;
            sb.append(t).append(',').append(3.0 * Math.exp(-0.7 * t) + 0.5 + 1e-3 * Math.sin(13 * i)).append('\n');
        }
        Files.writeString(csv, sb.toString());
        CliRun r = run("fit", "--data", csv.toString(), "--model", "a*exp(-k*t) + c", "--params", "a,k,c", "--start",
                "1,1,0");
        assertEquals(0, r.exitCode(), r.out() + r.err());
        assertTrue(r.out().contains("95% interval"), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.trim().startsWith("k ") && l.contains("6.99")), r.out());
        // the same with a robust loss
        CliRun robust = run("fit", "--data", csv.toString(), "--model", "a*exp(-k*t) + c", "--params", "a,k,c",
                "--start", "1,1,0", "--loss", "cauchy", "--loss-scale", "0.01");
        assertEquals(0, robust.exitCode(), robust.out() + robust.err());
    }

    @Test
    void reportsBadInputClearly(@TempDir Path dir) throws IOException {
        Path csv = dir.resolve("d.csv");
        Files.write(csv, List.of("x,y", "1,2", "2,3,4"));
        CliRun ragged = run("fit", "--data", csv.toString(), "--model", "b1*x", "--start", "1");
        assertNotEquals(0, ragged.exitCode());
        assertTrue(ragged.err().contains("d.csv:3") && ragged.err().contains("expected 2"), ragged.err());

        Files.write(csv, List.of("x,y", "1,2", "2,3"));
        CliRun badModel = run("fit", "--data", csv.toString(), "--model", "b1*(x+", "--start", "1");
        assertNotEquals(0, badModel.exitCode());
        assertTrue(badModel.err().contains("column"), badModel.err());

        CliRun unknown = run("fit", "--data", csv.toString(), "--model", "b1*z", "--start", "1");
        assertNotEquals(0, unknown.exitCode());
        assertTrue(unknown.err().contains("'z'"), unknown.err());

        CliRun tooFew = run("fit", "--data", csv.toString(), "--model", "b1*x+b2+b3*x*x", "--start", "1,1,1");
        assertNotEquals(0, tooFew.exitCode());
        assertTrue(tooFew.err().contains("observations"), tooFew.err());

        CliRun noMode = run("fit");
        assertNotEquals(0, noMode.exitCode());
        CliRun badSolver = run("fit", "--nist", "Misra1a", "--solver", "newton");
        assertNotEquals(0, badSolver.exitCode());
        assertTrue(badSolver.err().contains("lm, gn or dogleg"), badSolver.err());
    }
}
