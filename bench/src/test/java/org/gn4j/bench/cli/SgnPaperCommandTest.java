package org.gn4j.bench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SgnPaperCommandTest {
    @Test
    void aShortSineRunWritesCsvPlotsAndTable(@TempDir Path dir) throws Exception {
        CliRun r = CliRun.of("bench", "sgn-paper", "--problems", "sine", "--seeds", "2", "--budget-scale", "0.04",
                "--only", "sgd lr=0.1,sgn cg=2", "--no-progress", "--out", dir.toString());
        assertEquals(0, r.exitCode(), r.err());
        for (String f : List.of("sine-epochs.csv", "sine.md", "sgn-paper.md", "sine-train-loss-vs-seconds.png",
                "sine-test-metric-vs-seconds.png", "sine-train-loss-vs-epochs.png", "sine-test-metric-vs-epochs.png")) {
            assertTrue(Files.size(dir.resolve(f)) > 0, f);
        }
        String table = Files.readString(dir.resolve("sine.md"));
        assertTrue(table.contains("| sgd lr=0.1 |") && table.contains("| sgn cg=2 |"), table);
        assertTrue(table.contains("Target: test loss"), table);
        assertTrue(Files.readString(dir.resolve("sgn-paper.md")).contains("Network products in f32"));
        // header + 2 configurations x 2 seeds x at least one epoch
        long rows = Files.readAllLines(dir.resolve("sine-epochs.csv")).size();
        assertTrue(rows >= 5, "csv rows " + rows);
    }

    @Test
    void unknownProblemsAndConfigurationsAreNamed(@TempDir Path dir) {
        CliRun r = CliRun.of("bench", "sgn-paper", "--problems", "cifar100", "--out", dir.toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("problem 'cifar100' unknown"), r.err());
        r = CliRun.of("bench", "sgn-paper", "--problems", "sine", "--only", "lbfgs", "--out", dir.toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("matches no configuration"), r.err());
        r = CliRun.of("bench", "sgn-paper", "--problems", "sine", "--precision", "f16", "--out", dir.toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("precision is 'f16', expected f32 or f64"), r.err());
    }
}
