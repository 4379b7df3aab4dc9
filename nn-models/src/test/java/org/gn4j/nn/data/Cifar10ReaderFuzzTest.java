package org.gn4j.nn.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.gn4j.testkit.Fuzz;
import org.gn4j.testkit.Seeds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 10,000 seeded inputs for the CIFAR-10 reader: mutations of one- and two-record batches (flips, truncation,
 * insertion, duplicated ranges: mostly a length that is not a whole number of records) and length-preserving
 * mutations (label bytes of 10 or more anywhere). Each must read, or raise {@link IllegalArgumentException} naming the
 * file; never another exception, never more than 64 bytes per input byte (plus 1 MiB) allocated, and all within the
 * time limit.
 */
class Cifar10ReaderFuzzTest {
    @TempDir
    Path dir;

    private static byte[] batch(int records, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        byte[] b = new byte[records * Cifar10Reader.RECORD_BYTES];
        rng.nextBytes(b);
        for (int r = 0; r < records; r++) {
            b[r * Cifar10Reader.RECORD_BYTES] = (byte) rng.nextInt(10);
        }
        return b;
    }

    private static final List<byte[]> SEEDS = List.of(batch(1, Seeds.of(30)), batch(2, Seeds.of(31)));

    /** A whole number of records with a few bytes replaced, often a label byte. */
    private static byte[] sameLength(SplittableRandom rng) {
        byte[] b = SEEDS.get(rng.nextInt(SEEDS.size())).clone();
        int edits = 1 + rng.nextInt(4);
        for (int k = 0; k < edits; k++) {
            int at = rng.nextBoolean() ? Cifar10Reader.RECORD_BYTES * rng.nextInt(b.length / Cifar10Reader.RECORD_BYTES)
                    : rng.nextInt(b.length);
            b[at] = (byte) rng.nextInt(256);
        }
        return b;
    }

    @Test
    void tenThousandMutatedBatchesReadOrFailWithTheFile() {
        Path file = dir.resolve("data_batch_fuzz.bin");
        Fuzz.Report report = Fuzz.of("Cifar10Reader", SEEDS, Seeds.of(505), List.of("\n", "\u0009", "\u00ff"))
                .generator(Cifar10ReaderFuzzTest::sameLength)
                .generator(Cifar10ReaderFuzzTest::sameLength)
                .allowing(IllegalArgumentException.class)
                .messages(t -> t.getMessage() != null && t.getMessage().startsWith(file.toString()))
                .allocationBound(64, 1 << 20)
                .run(input -> {
                    Dataset d;
                    if ((Arrays.hashCode(input) & 127) == 0) {
                        Files.write(file, input); // one in 128 through a file: disk writes are slow
                        d = Cifar10Reader.load(List.of(file), "cifar-10", "fuzzed");
                    } else {
                        d = Cifar10Reader.parse(file, input, "cifar-10", "fuzzed");
                    }
                    assertEquals(input.length / Cifar10Reader.RECORD_BYTES, d.size());
                });
        System.out.println("Cifar10Reader fuzz: " + report);
        assertTrue(report.valid() > 2000 && report.errors() > 2000, report.toString());
    }
}
