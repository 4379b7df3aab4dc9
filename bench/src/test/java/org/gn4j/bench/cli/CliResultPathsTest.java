package org.gn4j.bench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Over the result paths of the command line (fit: CSV and NIST, converged and not; train: every optimizer, and a
 * diverging learning rate; pinn: second-order and first-order, and a diverging one): no command exits 0 with a
 * non-finite cost, loss or error in its output.
 */
class CliResultPathsTest {
    /** A non-finite number as Java formats it, standing alone (not part of a word such as "|g|inf"). */
    private static final Pattern NON_FINITE = Pattern.compile("(?<![\\w|])[-+]?(NaN|Infinity)(?!\\w)");

    /** Fails when the run exited 0 and its output holds a non-finite number. */
    static void assertNoNonFiniteOnSuccess(CliRun r) {
        if (r.exitCode() != 0) {
            return;
        }
        Matcher m = NON_FINITE.matcher(r.out());
        if (m.find()) {
            int from = r.out().lastIndexOf('\n', m.start()) + 1;
            int to = r.out().indexOf('\n', m.end());
            throw new AssertionError("exit 0 with a non-finite number: " + r.out().substring(from,
                    to < 0 ? r.out().length() : to));
        }
    }

    @Test
    void fitResultPaths(@TempDir Path dir) throws IOException {
        Path csv = dir.resolve("ok.csv");
        Files.writeString(csv, "t,y\n0.0,2.51\n0.5,1.534091553522032\n1.0,1.055063586068025\n1.5,0.774548143173027\n"
                + "2.0,0.6585471564286678\n2.5,0.567548415663444\n");
        String[][] models = {{"a*exp(-k*t) + c", "1,1,0"}, {"a*sqrt(k)*t+c", "1,0.001,0"},
            {"a*exp(k*t*1000) + c", "1,1,0"}, {"a*log(k*t) + c", "1,1,0"}};
        for (String[] model : models) {
            for (String solver : new String[] {"lm", "gn", "dogleg"}) {
                for (String loss : new String[] {"linear", "cauchy"}) {
                    assertNoNonFiniteOnSuccess(CliRun.of("fit", "--data", csv.toString(), "--model", model[0],
                            "--params", "a,k,c", "--start", model[1], "--solver", solver, "--loss", loss));
                }
            }
        }
        for (String nist : new String[] {"MGH10", "MGH09", "Eckerle4", "Misra1a"}) {
            for (String solver : new String[] {"lm", "gn", "dogleg"}) {
                assertNoNonFiniteOnSuccess(CliRun.of("fit", "--nist", nist, "--solver", solver));
            }
        }
    }

    @Test
    void trainResultPaths() {
        for (String opt : new String[] {"sgd", "adam", "adamw", "sgn", "egn"}) {
            assertNoNonFiniteOnSuccess(CliRun.of("train", "--dataset", "sine", "--optimizer", opt, "--batch", "100",
                    "--epochs", "1", "--no-progress"));
        }
        CliRun diverging = CliRun.of("train", "--dataset", "sine", "--optimizer", "sgd", "--lr", "1e200", "--batch",
                "50", "--epochs", "2", "--no-progress");
        assertNoNonFiniteOnSuccess(diverging);
        assertNotEquals(0, diverging.exitCode(), diverging.out());
    }

    @Test
    void pinnResultPaths() {
        CliRun ok = CliRun.of("pinn", "--problem", "heat1d", "--optimizer", "lm,adam", "--budget", "2",
                "--no-progress");
        assertNoNonFiniteOnSuccess(ok);
        CliRun diverging = CliRun.of("pinn", "--problem", "heat1d", "--optimizer", "adam", "--lr", "1e200",
                "--budget", "1", "--no-progress");
        assertNoNonFiniteOnSuccess(diverging);
        assertTrue(diverging.out().contains("NON_FINITE"), diverging.out());
        assertEquals(PinnCommand.FAILED_RUN, diverging.exitCode(), diverging.out() + diverging.err());
    }
}
