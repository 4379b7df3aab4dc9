package org.gn4j.bench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gn4j pinn}: option checks, budgets and the FBPINN dense comparison's cost. */
class PinnCommandTest {
    private static final String[] SMALL = {"pinn", "--problem", "poisson2d", "--hidden", "4", "--interior", "16",
        "--boundary", "8", "--optimizer", "lm", "--max-iterations", "2", "--no-progress"};

    private static CliRun small(String... more) {
        String[] args = java.util.Arrays.copyOf(SMALL, SMALL.length + more.length);
        System.arraycopy(more, 0, args, SMALL.length, more.length);
        return CliRun.of(args);
    }

    @Test
    void unknownProblemListsEveryChoiceIncludingTheFbpinnProblems() {
        CliRun r = CliRun.of("pinn", "--problem", "poisson3d");
        assertNotEquals(0, r.exitCode());
        for (String p : PinnCommand.problems()) {
            assertTrue(r.err().contains(p), p + " missing from: " + r.err());
        }
        assertTrue(r.err().contains("fbpinn1d") && r.err().contains("fbpinn2d"), r.err());
    }

    @Test
    void negativeCountsAreRefusedNamingTheOption() {
        for (String option : new String[] {"--interior", "--boundary", "--points", "--subdomains"}) {
            CliRun r = CliRun.of("pinn", option, "-5", "--no-progress");
            assertNotEquals(0, r.exitCode(), option);
            assertTrue(r.err().contains(option + " must be 0 (the default) or a positive count, found -5"), r.err());
        }
        CliRun fb = CliRun.of("pinn", "--problem", "fbpinn1d", "--subdomains", "-3", "--no-progress");
        assertNotEquals(0, fb.exitCode());
        assertTrue(fb.err().contains("--subdomains must be 0"), fb.err());
    }

    @Test
    void hugeAndInfiniteBudgetsRunWithoutOverflow() {
        for (String b : new String[] {"1e12", "Infinity"}) {
            CliRun r = small("--budget", b);
            assertEquals(0, r.exitCode(), b + ": " + r.err());
            assertTrue(r.out().contains("max_iterations"), r.out());
        }
    }

    @Test
    void invalidBudgetIsReportedUnderItsOptionName() {
        CliRun r = small("--budget", "NaN");
        assertNotEquals(0, r.exitCode());
        assertTrue(r.err().contains("--budget must be a positive number of seconds") && r.err().contains("NaN"),
                r.err());
        assertFalse(r.err().contains("PT0S"), r.err());
    }

    @Test
    void dampingOutOfRangeIsReportedWithTheOptionAndTheRange() {
        CliRun r = small("--damping", "1e308");
        assertNotEquals(0, r.exitCode());
        assertTrue(r.err().contains("--damping must be between 0 and 1e+12"), r.err());
    }

    @Test
    void outFolderThatIsAFileIsRefusedBeforeTraining(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("results"), "x");
        CliRun r = small("--out", file.toString());
        assertNotEquals(0, r.exitCode());
        assertTrue(r.err().contains("--out " + file) && r.err().contains("is a file"), r.err());
        assertFalse(r.out().contains("problem poisson2d"), r.out());
    }

    @Test
    void fbpinnDenseComparisonIsSkippedWhenTheBudgetCannotAffordIt() {
        CliRun r = assertTimeoutPreemptively(Duration.ofMinutes(3),
                () -> CliRun.of("pinn", "--problem", "fbpinn1d", "--optimizer", "lm", "--budget", "2",
                        "--no-progress"));
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("lm: dense comparison skipped"), r.out());
        assertFalse(r.out().contains("first system solved"), r.out());
        assertTrue(r.out().contains("TIME_BUDGET"), r.out());
    }
}
