package org.gn4j.bench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gn4j fit} exits 0 only for a converged fit, and refuses options its mode does not read. */
class FitCommandHonestyTest {
    private static Path decay(Path dir) throws IOException {
        Path csv = dir.resolve("ok.csv");
        Files.writeString(csv, "t,y\n0.0,2.51\n0.5,1.534091553522032\n1.0,1.055063586068025\n1.5,0.774548143173027\n"
                + "2.0,0.6585471564286678\n2.5,0.567548415663444\n");
        return csv;
    }

    @Test
    void aRobustLossScaleThatOverflowsTheStartCostIsRefusedNotReported(@TempDir Path dir) throws IOException {
        Path csv = decay(dir);
        for (String[] loss : new String[][] {{"cauchy", "1e300"}, {"huber", "1e-160"}}) {
            CliRun r = CliRun.of("fit", "--data", csv.toString(), "--model", "a*exp(-k*t) + c", "--params", "a,k,c",
                    "--start", "1,1,0", "--loss", loss[0], "--loss-scale", loss[1]);
            assertEquals(1, r.exitCode(), loss[0] + ": " + r.out() + r.err());
            assertTrue(r.err().contains("cost is"), r.err());
            CliResultPathsTest.assertNoNonFiniteOnSuccess(r);
        }
    }

    @Test
    void stepsRefusedForNonFiniteResidualsDoNotExitZero(@TempDir Path dir) throws IOException {
        Path csv = decay(dir);
        for (String solver : new String[] {"lm", "dogleg", "gn"}) {
            CliRun r = CliRun.of("fit", "--data", csv.toString(), "--model", "a*sqrt(k)*t+c", "--params", "a,k,c",
                    "--start", "1,0.001,0", "--solver", solver);
            CliResultPathsTest.assertNoNonFiniteOnSuccess(r);
            if (r.exitCode() == 0) {
                assertFalse(r.out().contains("NON_FINITE") || r.out().contains("STALLED"), r.out());
            } else {
                assertEquals(FitCommand.NOT_CONVERGED, r.exitCode(), r.err());
            }
        }
    }

    @Test
    void nistFitThatDoesNotConvergeExitsNonZero() {
        CliRun r = CliRun.of("fit", "--nist", "MGH10", "--from", "1", "--solver", "gn");
        assertEquals(FitCommand.NOT_CONVERGED, r.exitCode(), r.out() + r.err());
        assertTrue(r.out().contains("STALLED"), r.out());
        CliRun ok = CliRun.of("fit", "--nist", "MGH10", "--from", "2", "--solver", "lm");
        assertEquals(0, ok.exitCode(), ok.out() + ok.err());
    }

    @Test
    void optionsTheNistModeDoesNotReadAreRefused() {
        for (String[] extra : new String[][] {{"--loss", "cauchy"}, {"--start", "1,2,3"}, {"--loss-scale", "2"},
            {"--params", "a,b,c"}, {"--csv", "x.csv"}}) {
            CliRun r = CliRun.of("fit", "--nist", "Misra1a", "--from", "1", extra[0], extra[1]);
            assertEquals(2, r.exitCode(), extra[0] + ": " + r.out() + r.err());
            assertTrue(r.err().contains(extra[0] + " does not apply"), r.err());
        }
    }

    @Test
    void theLreTableIsNeverWrittenOverAnInputOrIntoAMissingFolder(@TempDir Path dir) throws IOException {
        CliRun missing = CliRun.of("fit", "--nist-all", "--solvers", "lm", "--csv", dir.resolve("no/such/lre.csv")
                .toString());
        assertEquals(2, missing.exitCode(), missing.out() + missing.err());
        assertTrue(missing.err().contains("--csv"), missing.err());
        assertTrue(missing.out().isEmpty(), "checked before the first fit: " + missing.out());
    }

    @Test
    void columnsTheModelDoesNotNameAreNotRead(@TempDir Path dir) throws IOException {
        Path csv = dir.resolve("labelled.csv");
        Files.writeString(csv, "\"site, name\",t,y,note\nA,0.0,2.51,ok\nA,0.5,1.534091553522032,ok\n"
                + "B,1.0,1.055063586068025,\"re-run, checked\"\nB,1.5,0.774548143173027,ok\n"
                + "C,2.0,0.6585471564286678,ok\nC,2.5,0.567548415663444,ok\n");
        CliRun r = CliRun.of("fit", "--data", csv.toString(), "--model", "a*exp(-k*t) + c", "--params", "a,k,c",
                "--start", "1,1,0");
        assertEquals(0, r.exitCode(), r.out() + r.err());
        assertTrue(r.out().contains("6 rows"), r.out());
    }

    @Test
    void aParameterNamedLikeADataColumnIsRefused(@TempDir Path dir) throws IOException {
        Path csv = dir.resolve("two.csv");
        Files.writeString(csv, "t,k,y\n0,1,2\n1,1,1.5\n2,1,1.2\n3,1,1.1\n4,1,1.0\n");
        CliRun r = CliRun.of("fit", "--data", csv.toString(), "--model", "a*exp(-k*t)", "--params", "a,k", "--start",
                "1,1");
        assertEquals(2, r.exitCode(), r.out() + r.err());
        assertTrue(r.err().contains("parameter 'k' is also a column"), r.err());
    }
}
