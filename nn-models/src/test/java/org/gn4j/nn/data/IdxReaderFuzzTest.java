package org.gn4j.nn.data;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.gn4j.testkit.Fuzz;
import org.gn4j.testkit.Seeds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 10,000 seeded inputs for the IDX reader: mutations of small valid image and label files, plain and gzipped
 * (header words overwritten with huge or negative counts, bytes flipped, truncated, inserted), IDX files mutated
 * before compression (so that the gzip layer is valid and the content is not), and gzip streams with junk, a second
 * member or a wrong checksum after the data. Each must read, or raise {@link IllegalArgumentException} naming the
 * file; never another exception, never more than 64 bytes per input byte (plus 1 MiB) allocated, and all within the
 * time limit.
 */
class IdxReaderFuzzTest {
    @TempDir
    Path dir;

    private static final List<byte[]> RAW = List.of(
            IdxFiles.idx(8, new int[] {3, 4, 3}, IdxFiles.images(3, 4, 3, Seeds.of(20))),
            IdxFiles.idx(8, new int[] {5}, IdxFiles.labels(5, 10, Seeds.of(21))),
            IdxFiles.idx(8, new int[] {1, 1, 1}, new byte[] {7}),
            IdxFiles.idx(8, new int[] {12}, IdxFiles.labels(12, 10, Seeds.of(22))));

    private static final Fuzz RAW_MUTATOR = Fuzz.of("raw IDX", RAW, 0, List.of("\0\0\b\3", "\0\0\b\1", "\0"));

    /** An IDX file mutated, then compressed: the gzip layer is valid, the content need not be. */
    private static byte[] mutatedThenCompressed(SplittableRandom rng) {
        return IdxFiles.gzip(RAW_MUTATOR.mutate(RAW.get(rng.nextInt(RAW.size())), rng));
    }

    /** A valid gzip stream followed by junk, zeros, a second member or nothing, or with a damaged trailer. */
    private static byte[] gzipWithSomethingAfter(SplittableRandom rng) {
        byte[] raw = RAW.get(rng.nextInt(RAW.size()));
        byte[] gz = IdxFiles.gzip(raw);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        switch (rng.nextInt(5)) {
            case 0 -> { // junk
                out.writeBytes(gz);
                byte[] junk = new byte[1 + rng.nextInt(40)];
                rng.nextBytes(junk);
                out.writeBytes(junk);
            }
            case 1 -> { // zeros
                out.writeBytes(gz);
                out.writeBytes(new byte[1 + rng.nextInt(40)]);
            }
            case 2 -> { // the data split over two members (valid), or a second member after the data
                int cut = rng.nextInt(raw.length + 1);
                out.writeBytes(IdxFiles.gzip(Arrays.copyOf(raw, cut)));
                out.writeBytes(IdxFiles.gzip(rng.nextBoolean() ? Arrays.copyOfRange(raw, cut, raw.length) : raw));
            }
            case 3 -> { // a damaged trailer byte (CRC-32 or length)
                int at = gz.length - 1 - rng.nextInt(8);
                gz[at] ^= (byte) (1 + rng.nextInt(255));
                out.writeBytes(gz);
            }
            default -> { // the start of a second gzip header only
                out.writeBytes(gz);
                out.writeBytes(Arrays.copyOf(gz, 1 + rng.nextInt(12)));
            }
        }
        return out.toByteArray();
    }

    @Test
    void tenThousandMutatedFilesReadOrFailWithTheFile() {
        List<byte[]> seeds = new ArrayList<>(RAW);
        for (byte[] r : RAW) {
            seeds.add(IdxFiles.gzip(r));
        }
        Path file = dir.resolve("fuzz-idx-ubyte");
        Fuzz.Report report = Fuzz.of("IdxReader", seeds, Seeds.of(504), List.of("\u001f\u008b\b\0", "\0\0\b\3", "\0"))
                .generator(IdxReaderFuzzTest::mutatedThenCompressed)
                .generator(IdxReaderFuzzTest::gzipWithSomethingAfter)
                .allowing(IllegalArgumentException.class)
                .messages(t -> t.getMessage() != null && t.getMessage().startsWith(file.toString()))
                .allocationBound(64, 1 << 20)
                .run(input -> {
                    int route = Arrays.hashCode(input);
                    boolean images = input.length > 3 && (input[3] == 3 || (input[0] == 0x1f && (route & 64) == 0));
                    int magic = images ? IdxReader.IMAGES_MAGIC : IdxReader.LABELS_MAGIC;
                    IdxReader.IdxData d;
                    if ((route & 127) == 0) {
                        Files.write(file, input); // one in 128 through a file: disk writes are slow
                        d = IdxReader.read(file, magic);
                    } else {
                        d = IdxReader.read(file, input, magic);
                    }
                    assertTrue(d.dimensions().length == (magic & 0xFF));
                    if (images) {
                        // the pair check of MnistFormat, with labels of the same count
                        IdxReader.IdxData labels = new IdxReader.IdxData(file, new int[] {d.count()},
                                new byte[d.count()]);
                        MnistFormat.toDataset("fuzz", "fuzzed images", d, labels);
                    }
                });
        System.out.println("IdxReader fuzz: " + report);
        assertTrue(report.valid() > 300 && report.errors() > 3000, report.toString());
    }
}
