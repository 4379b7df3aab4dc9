package org.gn4j.nn.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The checkpoint file: checksum, versions, safe replacement, concurrent writers, argument checks and fuzzing. */
class CheckpointTest {
    @TempDir
    Path dir;

    /** Offsets of the documented layout: magic 8, version 4, payload length 8, payload, CRC32C 4, end 8. */
    private static final int HEADER = 20;
    private static final int TRAILER = 12;

    private static Checkpoint sample(int d) {
        double[] theta = new double[d];
        double[] state = new double[2 * d];
        Random r = new Random(3);
        for (int i = 0; i < d; i++) {
            theta[i] = r.nextGaussian();
            state[i] = r.nextGaussian();
            state[d + i] = r.nextDouble();
        }
        Map<String, String> options = new LinkedHashMap<>();
        options.put("--lr", "0.01");
        options.put("--epochs", "4");
        options.put("--schedule", "cosine");
        return new Checkpoint("adam", 17, state, theta, 42, 30, false, 2, 3, 21, 600, 1.25, 3.5, 90,
                List.of(new EpochMetrics(1, 9, 256, 0.5, 0.9, 0.8, Double.NaN, 0.01),
                        new EpochMetrics(2, 18, 512, 1.0, 0.7, 0.6, Double.NaN, 0.01)),
                options);
    }

    private static void assertSameCheckpoint(Checkpoint a, Checkpoint b) {
        assertEquals(a.optimizerName(), b.optimizerName());
        assertEquals(a.optimizerStep(), b.optimizerStep());
        assertArrayEquals(a.optimizerState(), b.optimizerState());
        assertArrayEquals(a.theta(), b.theta());
        assertEquals(a.seed(), b.seed());
        assertEquals(a.batchSize(), b.batchSize());
        assertEquals(a.dropLast(), b.dropLast());
        assertEquals(a.epoch(), b.epoch());
        assertEquals(a.batchInEpoch(), b.batchInEpoch());
        assertEquals(a.step(), b.step());
        assertEquals(a.samplesSeen(), b.samplesSeen());
        assertEquals(a.seconds(), b.seconds(), 0.0);
        assertEquals(a.epochLossSum(), b.epochLossSum(), 0.0);
        assertEquals(a.epochSamples(), b.epochSamples());
        assertEquals(a.history(), b.history());
        assertEquals(a.runOptions(), b.runOptions());
    }

    private static void setCrc(byte[] file) {
        int length = file.length - HEADER - TRAILER;
        CRC32C crc = new CRC32C();
        crc.update(file, HEADER, length);
        ByteBuffer.wrap(file).putInt(HEADER + length, (int) crc.getValue());
    }

    @Test
    void roundTripKeepsEveryFieldAndSortsTheRunOptions() throws IOException {
        Checkpoint c = sample(50);
        Path f = dir.resolve("a.ckpt");
        c.write(f);
        Checkpoint back = Checkpoint.read(f);
        assertSameCheckpoint(c, back);
        assertEquals(List.of("--epochs", "--lr", "--schedule"), new ArrayList<>(back.runOptions().keySet()));
    }

    @Test
    void bitFlipInThetaIsAChecksumErrorNamingTheFile() throws IOException {
        Path f = dir.resolve("flip.ckpt");
        sample(50).write(f);
        byte[] b = Files.readAllBytes(f);
        // a low mantissa bit of a value in the middle of θ: the file still parses field by field
        int at = b.length - TRAILER - 400;
        b[at] ^= 0x01;
        Files.write(f, b);
        IOException e = assertThrows(IOException.class, () -> Checkpoint.read(f));
        assertTrue(e.getMessage().contains(f.toString()) && e.getMessage().contains("checksum"), e.getMessage());
    }

    @Test
    void formatVersionOneIsRefusedWithAClearMessage() throws IOException {
        Path f = dir.resolve("v1.ckpt");
        sample(5).write(f);
        byte[] b = Files.readAllBytes(f);
        ByteBuffer.wrap(b).putInt(8, 1);
        Files.write(f, b);
        IOException e = assertThrows(IOException.class, () -> Checkpoint.read(f));
        assertTrue(e.getMessage().contains(f.toString()) && e.getMessage().contains("format version 1")
                && e.getMessage().contains("start a fresh run"), e.getMessage());
    }

    @Test
    void checkpointOverAFileThatIsNotACheckpointIsRefused() throws IOException {
        Path data = dir.resolve("train.csv");
        Files.writeString(data, "x,y\n1,2\n");
        IOException e = assertThrows(IOException.class, () -> sample(5).write(data));
        assertTrue(e.getMessage().contains(data.toString()) && e.getMessage().contains("not a gn4j checkpoint"),
                e.getMessage());
        assertEquals("x,y\n1,2\n", Files.readString(data), "the data file is left as it was");
        assertThrows(IOException.class, () -> Checkpoint.requireReplaceable(data));
        // an existing checkpoint and an empty file may be replaced
        Path ck = dir.resolve("run.ckpt");
        sample(5).write(ck);
        sample(7).write(ck);
        assertEquals(7, Checkpoint.read(ck).theta().length);
        Path empty = Files.createFile(dir.resolve("empty.ckpt"));
        sample(5).write(empty);
        assertEquals(5, Checkpoint.read(empty).theta().length);
    }

    @Test
    void concurrentWritersToOneCheckpointNeverShareATemporaryFile() throws Exception {
        Path f = dir.resolve("shared.ckpt");
        Checkpoint a = sample(2000);
        Checkpoint b = sample(3000);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> jobs = new ArrayList<>();
            for (Checkpoint c : List.of(a, b)) {
                jobs.add(pool.submit(() -> {
                    go.await();
                    for (int k = 0; k < 60; k++) {
                        c.write(f);
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> j : jobs) {
                j.get();
            }
        } finally {
            pool.shutdownNow();
        }
        int d = Checkpoint.read(f).theta().length;
        assertTrue(d == 2000 || d == 3000, "theta length " + d);
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(List.of(f.getFileName().toString()), left.map(p -> p.getFileName().toString()).toList(),
                    "temporary files left behind");
        }
    }

    @Test
    void failedWriteLeavesNoTemporaryFile() throws IOException {
        Path target = dir.resolve("busy.ckpt");
        Files.createDirectory(target);
        Files.writeString(target.resolve("inside"), "x");
        assertThrows(IOException.class, () -> sample(5).write(target));
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(List.of("busy.ckpt"), left.map(p -> p.getFileName().toString()).toList());
        }
    }

    @Test
    void nullArgumentsAreIllegalArgumentsNamingThem() throws IOException {
        Checkpoint c = sample(3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> c.write(null));
        assertTrue(e.getMessage().contains("file"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Checkpoint.read(null));
        assertTrue(e.getMessage().contains("file"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Checkpoint.requireReplaceable(null));
        assertTrue(e.getMessage().contains("file"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Checkpoint(null, 0, new double[0], new double[0],
                0, 1, false, 0, 0, 0, 0, 0, 0, 0, List.of()));
        assertTrue(e.getMessage().contains("optimizerName"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Checkpoint("sgd", 0, new double[0], null,
                0, 1, false, 0, 0, 0, 0, 0, 0, 0, List.of()));
        assertTrue(e.getMessage().contains("theta"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Checkpoint("sgd", 0, null, new double[0],
                0, 1, false, 0, 0, 0, 0, 0, 0, 0, List.of()));
        assertTrue(e.getMessage().contains("optimizerState"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Checkpoint("sgd", 0, new double[0], new double[0],
                0, 1, false, 0, 0, 0, 0, 0, 0, 0, null));
        assertTrue(e.getMessage().contains("history"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Checkpoint("sgd", 0, new double[0], new double[0],
                0, 1, false, 0, 0, 0, 0, 0, 0, 0, List.of(), null));
        assertTrue(e.getMessage().contains("runOptions"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Checkpoint.optionDifferences(null, Map.of()));
        assertTrue(e.getMessage().contains("stored"), e.getMessage());
    }

    @Test
    void optionDifferencesListEveryDifferingOptionWithBothValues() {
        List<String> d = Checkpoint.optionDifferences(Map.of("--lr", "0.1", "--epochs", "4", "--seed", "1"),
                Map.of("--lr", "0.2", "--epochs", "6", "--seed", "1", "--nesterov", "true"));
        assertEquals(List.of("--epochs 4 in the checkpoint, 6 now", "--lr 0.1 in the checkpoint, 0.2 now",
                "--nesterov (unset) in the checkpoint, true now"), d);
    }

    /** One mutation of a valid file: byte flips, truncation, insertion or a changed size field. */
    private static byte[] mutate(byte[] valid, Random r, int[] fieldOffsets) {
        byte[] b = valid.clone();
        switch (r.nextInt(6)) {
            case 0: { // flip 1-4 random bits
                int flips = 1 + r.nextInt(4);
                for (int k = 0; k < flips; k++) {
                    b[r.nextInt(b.length)] ^= (byte) (1 << r.nextInt(8));
                }
                return b;
            }
            case 1: // truncate
                return Arrays.copyOf(b, r.nextInt(b.length));
            case 2: { // insert random bytes
                int at = r.nextInt(b.length + 1);
                byte[] extra = new byte[1 + r.nextInt(16)];
                r.nextBytes(extra);
                byte[] out = new byte[b.length + extra.length];
                System.arraycopy(b, 0, out, 0, at);
                System.arraycopy(extra, 0, out, at, extra.length);
                System.arraycopy(b, at, out, at + extra.length, b.length - at);
                return out;
            }
            case 3: { // payload length field
                long[] values = {-1, 0, Long.MAX_VALUE, Integer.MAX_VALUE, b.length, r.nextLong()};
                ByteBuffer.wrap(b).putLong(12, values[r.nextInt(values.length)]);
                return b;
            }
            default: { // a count or length field inside the payload, with the checksum made to match
                int at = fieldOffsets[r.nextInt(fieldOffsets.length)];
                int[] values = {-1, Integer.MIN_VALUE, Integer.MAX_VALUE, 1 << 28, r.nextInt(), r.nextInt(100)};
                ByteBuffer.wrap(b).putInt(at, values[r.nextInt(values.length)]);
                if (r.nextBoolean()) {
                    b[HEADER + r.nextInt(b.length - HEADER - TRAILER)] ^= (byte) (1 << r.nextInt(8));
                }
                setCrc(b);
                return b;
            }
        }
    }

    @Test
    void fuzzedCheckpointsEndInAnIoErrorNamingTheFileOrAValidParse() throws IOException {
        Checkpoint c = sample(40);
        Path good = dir.resolve("good.ckpt");
        c.write(good);
        byte[] valid = Files.readAllBytes(good);
        // offsets of the int32 count/length fields in the payload (name, state, theta, history rows, options)
        int name = HEADER;
        int state = name + 4 + "adam".length() + 8;
        int theta = state + 4 + 8 * 80;
        int rows = theta + 4 + 8 * 40 + 8 + 4 + 1 + 4 + 4 + 8 + 8 + 8 + 8 + 8;
        int options = rows + 4 + 2 * 60;
        int firstOptionName = options + 4;
        int[] fields = {name, state, theta, rows, options, firstOptionName, 8};
        assertEquals(40, ByteBuffer.wrap(valid).getInt(theta), "layout offsets of the test");
        assertEquals(3, ByteBuffer.wrap(valid).getInt(options), "layout offsets of the test");

        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        Random r = new Random(20240611L);
        Path f = dir.resolve("mutant.ckpt");
        int[] outcomes = new int[2];
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            // warm-up on this thread: class loading and first-call allocations (formatters, stack traces) are not
            // the reader's, so these mutants are read but their allocation is not checked
            Random warm = new Random(1);
            for (int k = 0; k < 300; k++) {
                Files.write(f, mutate(valid, warm, fields));
                try {
                    Checkpoint.read(f);
                } catch (IOException e) {
                    // expected for most
                }
            }
            for (int k = 0; k < 10_000; k++) {
                byte[] m = mutate(valid, r, fields);
                Files.write(f, m);
                long before = threads.getCurrentThreadAllocatedBytes();
                try {
                    Checkpoint back = Checkpoint.read(f);
                    assertEquals(40, back.theta().length, "mutation " + k + " parsed with another θ length");
                    outcomes[0]++;
                } catch (IOException e) {
                    if (e.getMessage() == null || !e.getMessage().contains(f.toString())) {
                        fail("mutation " + k + ": message does not name the file: " + e.getMessage());
                    }
                    outcomes[1]++;
                } catch (RuntimeException | Error e) {
                    throw new AssertionError("mutation " + k + " (" + m.length + " bytes): " + e, e);
                }
                long allocated = threads.getCurrentThreadAllocatedBytes() - before;
                // the file's bytes, θ and the state once more, and small change (streams, decoders, messages)
                if (allocated > 8L * Math.max(m.length, valid.length) + (256 << 10)) {
                    fail("mutation " + k + " allocated " + allocated + " bytes for a file of " + m.length);
                }
            }
        });
        assertEquals(10_000, outcomes[0] + outcomes[1]);
        assertTrue(outcomes[1] > 9_000, "most mutations are errors: " + Arrays.toString(outcomes));
    }
}
