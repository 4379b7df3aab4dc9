package org.gn4j.bench.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

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

        // 20 steps per epoch: the first run stops after two epochs
        CliRun first = run("train", "--dataset", "sine", "--optimizer", "adam", "--lr", "0.01", "--batch", "50",
                "--epochs", "4", "--max-steps", "40", "--no-progress", "--checkpoint", ckpt.toString());
        assertEquals(0, first.exitCode(), first.err());
        assertTrue(first.out().contains("MAX_ITERATIONS after 2 epochs"), first.out());
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
        CliRun badPrecision = run("train", "--dataset", "sine", "--precision", "f16");
        assertTrue(badPrecision.exitCode() != 0 && badPrecision.err().contains("--precision")
                && badPrecision.err().contains("expected f32 or f64"), badPrecision.err());
    }

    private static final String[] SINE = {"train", "--dataset", "sine", "--optimizer", "adam", "--lr", "0.01",
        "--batch", "50", "--no-progress"};

    private static CliRun sine(String... more) {
        String[] args = java.util.Arrays.copyOf(SINE, SINE.length + more.length);
        System.arraycopy(more, 0, args, SINE.length, more.length);
        return run(args);
    }

    /** A tiny MNIST-format folder: 20 training and 10 test images of 28 × 28 pixels. */
    static Path fakeMnist(Path parent, String name) throws IOException {
        Path dir = Files.createDirectories(parent.resolve(name));
        for (String[] part : new String[][] {{"train", "20"}, {"t10k", "10"}}) {
            int n = Integer.parseInt(part[1]);
            ByteBuffer images = ByteBuffer.allocate(16 + n * 784).putInt(0x803).putInt(n).putInt(28).putInt(28);
            ByteBuffer labels = ByteBuffer.allocate(8 + n).putInt(0x801).putInt(n);
            for (int i = 0; i < n; i++) {
                for (int k = 0; k < 784; k++) {
                    images.put((byte) ((i * 31 + k * 7) & 0xFF));
                }
                labels.put((byte) (i % 10));
            }
            Files.write(dir.resolve(part[0] + "-images-idx3-ubyte"), images.array());
            Files.write(dir.resolve(part[0] + "-labels-idx1-ubyte"), labels.array());
        }
        return dir;
    }

    @Test
    void checkpointOverAnExistingFileThatIsNotACheckpointIsRefusedBeforeWork(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data.csv");
        Files.writeString(data, "x,y\n1,2\n");
        CliRun r = sine("--epochs", "1", "--checkpoint", data.toString());
        assertNotEquals(0, r.exitCode());
        assertTrue(r.err().contains(data.toString()) && r.err().contains("not a gn4j checkpoint"), r.err());
        assertEquals("x,y\n1,2\n", Files.readString(data));
        assertFalse(r.out().contains("epoch"), "refused before training:\n" + r.out());
    }

    @Test
    void checkpointOverAnInputDataFileIsRefused(@TempDir Path dir) throws Exception {
        Path mnist = fakeMnist(dir, "mnist-10k");
        Path images = mnist.resolve("train-images-idx3-ubyte");
        byte[] before = Files.readAllBytes(images);
        for (String option : new String[] {"--checkpoint", "--metrics"}) {
            CliRun r = run("train", "--dataset", "mnist-10k", "--data-dir", dir.toString(), "--epochs", "1",
                    "--batch", "10", "--no-progress", option, images.toString());
            assertNotEquals(0, r.exitCode(), option);
            assertTrue(r.err().contains(option) && r.err().contains(images.toString()), r.err());
            assertArrayEquals(before, Files.readAllBytes(images), option + " replaced the data file");
        }
    }

    @Test
    void outputPathsAreCheckedBeforeTheFirstEpoch(@TempDir Path dir) throws Exception {
        CliRun folder = sine("--epochs", "1", "--checkpoint", dir.toString());
        assertNotEquals(0, folder.exitCode());
        assertTrue(folder.err().contains("--checkpoint " + dir) && folder.err().contains("is a folder"), folder.err());
        assertFalse(folder.out().contains("COMPLETED") || folder.out().contains("epoch"), folder.out());

        Path missing = dir.resolve("no-such-folder").resolve("m.csv");
        CliRun noParent = sine("--epochs", "1", "--metrics", missing.toString());
        assertNotEquals(0, noParent.exitCode());
        assertTrue(noParent.err().contains("--metrics") && noParent.err().contains("does not exist"), noParent.err());
        assertFalse(noParent.out().contains("epoch"), noParent.out());

        Path ck = dir.resolve("run.ckpt");
        assertEquals(0, sine("--epochs", "1", "--checkpoint", ck.toString()).exitCode());
        CliRun overResume = sine("--epochs", "1", "--resume", ck.toString(), "--metrics", ck.toString());
        assertNotEquals(0, overResume.exitCode());
        assertTrue(overResume.err().contains("--metrics") && overResume.err().contains("--resume"), overResume.err());
    }

    @Test
    void metricsAndCheckpointOnOnePathAreRefusedNamingBothOptions(@TempDir Path dir) {
        Path same = dir.resolve("out.bin");
        CliRun r = sine("--epochs", "1", "--metrics", same.toString(), "--checkpoint", same.toString());
        assertNotEquals(0, r.exitCode());
        assertTrue(r.err().contains("--metrics") && r.err().contains("--checkpoint") && r.err().contains(same.toString()),
                r.err());
        assertFalse(Files.exists(same));
    }

    @Test
    void resumeWithAChangedOptionIsRefusedNamingEachOldAndNewValue(@TempDir Path dir) throws Exception {
        Path ck = dir.resolve("run.ckpt");
        assertEquals(0, sine("--epochs", "4", "--max-steps", "20", "--checkpoint", ck.toString()).exitCode());
        CliRun r = run("train", "--dataset", "sine", "--optimizer", "adam", "--lr", "0.02", "--batch", "50",
                "--no-progress", "--epochs", "6", "--schedule", "cosine", "--resume", ck.toString());
        assertNotEquals(0, r.exitCode());
        assertTrue(r.err().contains("--lr 0.01 in the checkpoint, 0.02 now")
                && r.err().contains("--epochs 4 in the checkpoint, 6 now")
                && r.err().contains("--schedule constant in the checkpoint, cosine now"), r.err());
        // a longer budget or another metrics file may change
        CliRun ok = sine("--epochs", "4", "--budget", "1000", "--metrics", dir.resolve("m.csv").toString(),
                "--resume", ck.toString(), "--checkpoint", ck.toString());
        assertEquals(0, ok.exitCode(), ok.err());
        assertEquals(5, Files.readAllLines(dir.resolve("m.csv")).size(), "header and four epochs");
    }

    @Test
    void infiniteAndHugeBudgetsRunWithoutOverflow() {
        for (String b : new String[] {"Infinity", "1e12", "1e300"}) {
            CliRun r = sine("--epochs", "1", "--budget", b);
            assertEquals(0, r.exitCode(), b + ": " + r.err());
            assertTrue(r.out().contains("COMPLETED after 1 epochs"), r.out());
        }
    }

    @Test
    void invalidBudgetIsReportedUnderItsOptionName() {
        for (String b : new String[] {"NaN", "0", "-3", "-Infinity"}) {
            CliRun r = sine("--epochs", "1", "--budget", b);
            assertNotEquals(0, r.exitCode(), b);
            assertTrue(r.err().contains("--budget must be a positive number of seconds") && r.err().contains(
                    "found " + Double.parseDouble(b)), r.err());
            assertFalse(r.err().contains("timeBudget"), r.err());
        }
    }

    @Test
    void dampingOutOfRangeIsReportedWithTheOptionAndTheRange() {
        for (String d : new String[] {"1e308", "-1", "NaN", "Infinity"}) {
            CliRun r = run("train", "--dataset", "sine", "--optimizer", "egn", "--epochs", "1", "--no-progress",
                    "--damping", d);
            assertNotEquals(0, r.exitCode(), d);
            assertTrue(r.err().contains("--damping must be between 0 and 1e+12"), r.err());
        }
    }

    @Test
    void optionsAnotherOptimizerReadsAreRefusedNotIgnored() {
        String[][] cases = {{"adam", "--momentum", "0.9"}, {"sgn", "--lr", "0.1"}, {"egn", "--schedule", "cosine"},
            {"sgd", "--cg-iterations", "5"}, {"adamw", "--damping", "1e-3"}, {"sgd", "--line-search", "none"},
            {"egn", "--warm-start"}};
        for (String[] c : cases) {
            java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("train", "--dataset", "sine",
                    "--optimizer", c[0], "--epochs", "1", "--no-progress"));
            args.addAll(java.util.Arrays.asList(c).subList(1, c.length));
            CliRun r = run(args.toArray(new String[0]));
            assertEquals(2, r.exitCode(), String.join(" ", c) + ": " + r.err());
            assertTrue(r.err().contains(c[1] + " applies to --optimizer"), r.err());
        }
        assertEquals(0, run("train", "--dataset", "sine", "--optimizer", "sgn", "--momentum", "0.5", "--batch", "100",
                "--epochs", "1", "--no-progress").exitCode());
    }

    @Test
    void nesterovWithAnotherOptimizerThanSgdIsRefused() {
        for (String o : new String[] {"adam", "adamw", "sgn"}) {
            CliRun r = run("train", "--dataset", "sine", "--optimizer", o, "--nesterov", "--epochs", "1",
                    "--no-progress");
            assertNotEquals(0, r.exitCode(), o);
            assertTrue(r.err().contains("--nesterov applies to --optimizer sgd only"), r.err());
        }
        assertEquals(0, run("train", "--dataset", "sine", "--optimizer", "sgd", "--momentum", "0.9", "--nesterov",
                "--epochs", "1", "--no-progress").exitCode());
    }

    @Test
    void datasetNameInAnotherLetterCaseIsLabelledWithItsOwnSplit(@TempDir Path dir) throws Exception {
        fakeMnist(dir, "mnist-10k");
        CliRun r = run("train", "--dataset", "MNIST-10K", "--data-dir", dir.toString(), "--epochs", "1", "--batch",
                "10", "--no-progress");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("MNIST-10k (10,000-image subset"), r.out());
        assertFalse(r.out().contains("Fashion"), r.out());
    }

    @Test
    void missingResumeFileIsReportedWithOptionPathAndReason(@TempDir Path dir) {
        Path nope = dir.resolve("nope.ckpt");
        CliRun r = sine("--epochs", "1", "--resume", nope.toString());
        assertNotEquals(0, r.exitCode());
        assertTrue(r.err().contains("gn4j train: cannot read --resume " + nope + ": no such file or directory"),
                r.err());
    }

    @Test
    void invalidThreadAndBlasPropertiesWarnAndTrainingStillRuns() throws Exception {
        for (String[] props : new String[][] {{"-Dgn4j.threads=0"}, {"-Dgn4j.threads=-1"}, {"-Dgn4j.threads=abc"},
            {"-Dgn4j.threads=100000"}, {"-Dgn4j.blas=foo"}}) {
            List<String> cmd = new ArrayList<>();
            cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            cmd.add("-XX:TieredStopAtLevel=1");
            cmd.addAll(List.of(props));
            cmd.add("-cp");
            cmd.add(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
            cmd.add(Gn4jCommand.class.getName());
            cmd.addAll(List.of("train", "--dataset", "sine", "--epochs", "1", "--no-progress"));
            Process p = new ProcessBuilder(cmd).start();
            String err;
            String out;
            try (var e = p.getErrorStream(); var o = p.getInputStream()) {
                out = new String(o.readAllBytes(), StandardCharsets.UTF_8);
                err = new String(e.readAllBytes(), StandardCharsets.UTF_8);
            }
            assertTrue(p.waitFor(120, TimeUnit.SECONDS), "child JVM did not finish");
            String prop = props[0].substring(2, props[0].indexOf('='));
            assertEquals(0, p.exitValue(), props[0] + "\n" + err);
            assertTrue(out.contains("COMPLETED after 1 epochs"), out);
            assertTrue(err.contains("gn4j train: warning: system property " + prop), err);
            assertEquals(1, err.lines().filter(l -> l.contains("warning")).count(), "printed once:\n" + err);
        }
    }
}
