package org.gn4j.nn.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.gn4j.testkit.Seeds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Cifar10ReaderTest {
    @TempDir
    Path dir;

    private static byte[] batch(int records, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        byte[] b = new byte[records * Cifar10Reader.RECORD_BYTES];
        for (int r = 0; r < records; r++) {
            int off = r * Cifar10Reader.RECORD_BYTES;
            b[off] = (byte) rng.nextInt(10);
            for (int k = 1; k < Cifar10Reader.RECORD_BYTES; k++) {
                b[off + k] = (byte) rng.nextInt(256);
            }
        }
        return b;
    }

    @Test
    void readsSeveralBatchesInOrder() throws IOException {
        byte[] b1 = batch(3, Seeds.of(10));
        byte[] b2 = batch(2, Seeds.of(11));
        Path f1 = Files.write(dir.resolve("data_batch_1.bin"), b1);
        Path f2 = Files.write(dir.resolve("data_batch_2.bin"), b2);
        Dataset d = Cifar10Reader.load(List.of(f1, f2), "cifar-10", "generated");
        assertEquals(5, d.size());
        assertArrayEquals(new int[] {3, 32, 32}, d.featureShape());
        assertEquals(3072, d.featureSize());
        assertEquals(10, d.targetWidth());
        byte[] all = new byte[b1.length + b2.length];
        System.arraycopy(b1, 0, all, 0, b1.length);
        System.arraycopy(b2, 0, all, b1.length, b2.length);
        for (int i = 0; i < 5; i++) {
            int off = i * Cifar10Reader.RECORD_BYTES;
            assertEquals(all[off], d.label(i));
            assertEquals(1.0, d.target(i, all[off]));
            // channel-height-width as stored: red plane first, then green, then blue
            for (int k : new int[] {0, 1, 1023, 1024, 2048, 3071}) {
                assertEquals((all[off + 1 + k] & 0xFF) / 255.0, d.feature(i, k), 0.0);
            }
        }
    }

    @Test
    void officialFileNamesAreUsedByLoadTrainAndLoadTest() throws IOException {
        for (String f : Cifar10Reader.TRAIN_FILES) {
            Files.write(dir.resolve(f), batch(1, f.hashCode()));
        }
        Files.write(dir.resolve(Cifar10Reader.TEST_FILE), batch(2, Seeds.of(12)));
        assertEquals(5, Cifar10Reader.loadTrain(dir, "generated train").size());
        assertEquals(2, Cifar10Reader.loadTest(dir, "generated test").size());
    }

    @Test
    void lengthNotAMultipleOfTheRecordIsRejected() throws IOException {
        byte[] b = batch(2, Seeds.of(13));
        Path f = Files.write(dir.resolve("cut.bin"), Arrays.copyOf(b, b.length - 100));
        String msg = assertThrows(IllegalArgumentException.class,
                () -> Cifar10Reader.load(List.of(f), "c", "s")).getMessage();
        assertTrue(msg.contains(f.toString()) && msg.contains("3073") && msg.contains("byte offset 3073"), msg);
    }

    @Test
    void emptyFileIsRejected() throws IOException {
        Path f = Files.write(dir.resolve("empty.bin"), new byte[0]);
        assertThrows(IllegalArgumentException.class, () -> Cifar10Reader.load(List.of(f), "c", "s"));
        assertThrows(IllegalArgumentException.class, () -> Cifar10Reader.load(List.of(), "c", "s"));
    }

    @Test
    void labelOutOfRangeNamesFileAndOffset() throws IOException {
        byte[] b = batch(3, Seeds.of(14));
        b[2 * Cifar10Reader.RECORD_BYTES] = 10;
        Path f = Files.write(dir.resolve("bad.bin"), b);
        String msg = assertThrows(IllegalArgumentException.class,
                () -> Cifar10Reader.load(List.of(f), "c", "s")).getMessage();
        assertTrue(msg.contains(f.toString()) && msg.contains("label 10")
                && msg.contains("byte offset " + 2 * Cifar10Reader.RECORD_BYTES), msg);
    }
}
