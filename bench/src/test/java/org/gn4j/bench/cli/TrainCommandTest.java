package org.gn4j.bench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;


/** {@code gn4j train} on the built-in sine wave (no data files needed), checkpoints, resume, and bad options. */
class TrainCommandTest {


    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    @Test
    void trainsOnTheSineWaveAndResumesFromACheckpoint(@TempDir Path dir) throws Exception {
        Path ckpt = dir.resolve("sine.ckpt");
        Path csv = dir.resolve("metrics.csv");
        CliRun full = run("train", "--dataset", "sine", "--optimizer", "adam", "--lr", "0.01", "--batch", "50",
                "--epochs", "4", "--no-progress", "--metrics", csv.toString());
        assertEquals(0, full.exitCode(), full.err());
        assertTrue(full.out().contains("COMPLETED after 4 epochs"), full.out());
        assertEquals(5, Files.readAllLines(csv).size(), "header and one row per epoch");

        CliRun first = run("train", "--dataset", "sine", "--optimizer", "adam", "--lr", "0.01", "--batch", "50",
                "--epochs", "2", "--no-progress", "--checkpoint", ckpt.toString());
        assertEquals(0, first.exitCode(), first.err());
        CliRun resumed = run("train", "--dataset", "sine", "--optimizer", "adam", "--lr", "0.01", "--batch", "50",
                "--epochs", "4", "--no-progress", "--resume", ckpt.toString());
        assertEquals(0, resumed.exitCode(), resumed.err());
        // the resumed run ends exactly where the uninterrupted one did
        String lastFull = full.out().lines().filter(l -> l.startsWith("COMPLETED")).findFirst().orElseThrow();
        String lastResumed = resumed.out().lines().filter(l -> l.startsWith("COMPLETED")).findFirst().orElseThrow();
        assertEquals(lastFull.replaceAll("[0-9.]+ s:", ""), lastResumed.replaceAll("[0-9.]+ s:", ""));
    }

    @Test
    void trainsWithSgnAndEgnAndPrintsCgIterationsAndDamping() {
        CliRun sgn = run("train", "--dataset", "sine", "--optimizer", "sgn", "--batch", "100", "--epochs", "2",
                "--no-progress", "--cg-iterations", "adaptive", "--momentum", "0.1");
        assertEquals(0, sgn.exitCode(), sgn.err());
        assertTrue(sgn.out().contains("cg it/step   damping  rejected"), sgn.out());
        assertTrue(sgn.out().contains("COMPLETED after 2 epochs"), sgn.out());
        CliRun egn = run("train", "--dataset", "sine", "--optimizer", "egn", "--batch", "100", "--epochs", "1",
                "--no-progress", "--damping-rule", "fixed", "--damping", "0.01", "--line-search", "none");
        assertEquals(0, egn.exitCode(), egn.err());
        assertTrue(egn.out().contains("egn, batch 100"), egn.out());
        assertTrue(egn.out().contains("1.00e-02"), egn.out());
    }

    @Test
    void badOptionsAreReported(@TempDir Path dir) {
        CliRun unknown = run("train", "--dataset", "cifar-100");
        assertNotEquals(0, unknown.exitCode());
        assertTrue(unknown.err().contains("mnist-10k, fashion-mnist, cifar10 or sine"), unknown.err());
        CliRun noData = run("train", "--dataset", "mnist-10k", "--data-dir", dir.toString());
        assertNotEquals(0, noData.exitCode());
        assertTrue(noData.err().contains("mnist-10k"), noData.err());
        CliRun badOpt = run("train", "--dataset", "sine", "--optimizer", "lbfgs");
        assertNotEquals(0, badOpt.exitCode());
        assertTrue(badOpt.err().contains("sgd, adam, adamw, sgn or egn"), badOpt.err());
        CliRun badCg = run("train", "--dataset", "sine", "--optimizer", "sgn", "--cg-iterations", "some");
        assertNotEquals(0, badCg.exitCode());
        assertTrue(badCg.err().contains("expected a positive integer or adaptive"), badCg.err());
    }
}
