package org.gn4j.bench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gn4j ba}: warm-up solves repeat the reported solve exactly, and the trace's times count from the start. */
class BaCommandTest {
    private static final Pattern ITER = Pattern.compile("(?m)^(warmup (\\d+) )?iter (\\d+) cost (\\S+) accepted \\S+ "
            + "seconds (\\S+)$");
    private static final Pattern RESULT = Pattern.compile("(?m)^result .*final_cost=(\\S+) iterations=(\\d+) .*"
            + "seconds=(\\S+) ");

    private static Path generate(Path dir) {
        Path f = dir.resolve("small.bal");
        CliRun g = CliRun.of("ba", "generate", "--cameras", "6", "--points", "60", "--seed", "4", "--out",
                f.toString());
        assertEquals(0, g.exitCode(), g.err());
        return f;
    }

    @Test
    void warmupSolvesRepeatTheReportedSolveAndTheTraceCountsFromTheStart(@TempDir Path dir) {
        Path f = generate(dir);
        CliRun r = CliRun.of("ba", "--file", f.toString(), "--solver", "sparse-schur", "--damping", "nielsen",
                "--scaling", "current", "--no-geodesic", "--max-iterations", "8", "--warmup", "2", "--trace");
        assertEquals(0, r.exitCode(), r.err());
        // per solve (warm-up 1, warm-up 2, reported = 0): its iterations' costs, in order
        List<List<String>> costs = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
            costs.add(new ArrayList<>());
        }
        double lastReported = 0;
        Matcher m = ITER.matcher(r.out());
        while (m.find()) {
            int solve = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
            costs.get(solve).add(m.group(4));
            if (solve == 0) {
                lastReported = Double.parseDouble(m.group(5));
            }
        }
        assertTrue(!costs.get(0).isEmpty(), r.out());
        // every solve starts from the file's start with a fresh solver: the same iterates to the last digit
        assertEquals(costs.get(0), costs.get(1), r.out());
        assertEquals(costs.get(0), costs.get(2), r.out());
        for (int k = 1; k <= 2; k++) {
            assertTrue(r.out().contains("warmup " + k + " final_cost="), r.out());
        }
        Matcher res = RESULT.matcher(r.out());
        assertTrue(res.find(), r.out());
        assertEquals(costs.get(0).size(), Integer.parseInt(res.group(2)), r.out());
        // the trace's clock and the result's clock both start before the objective is built
        assertTrue(lastReported <= Double.parseDouble(res.group(3)) + 1e-3, r.out());
    }

    @Test
    void negativeWarmupIsRefusedNamingTheOption(@TempDir Path dir) {
        Path f = generate(dir);
        CliRun r = CliRun.of("ba", "--file", f.toString(), "--warmup", "-1");
        assertNotEquals(0, r.exitCode());
        assertTrue(r.err().contains("--warmup is -1"), r.err());
    }
}
