package org.gn4j.nn.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import org.gn4j.testkit.Seeds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdxReaderTest {
    @TempDir
    Path dir;

    private static final int N = 7;
    private static final int R = 5;
    private static final int C = 4;

    private byte[] pixels() {
        return IdxFiles.images(N, R, C, Seeds.of(1));
    }

    private byte[] labelBytes() {
        return IdxFiles.labels(N, 10, Seeds.of(2));
    }

    private void writePair(String prefix, boolean gzip, byte[] images, byte[] labels) throws IOException {
        String suffix = gzip ? ".gz" : "";
        IdxFiles.write(dir.resolve(prefix + "-images-idx3-ubyte" + suffix), gzip ? IdxFiles.gzip(images) : images);
        IdxFiles.write(dir.resolve(prefix + "-labels-idx1-ubyte" + suffix), gzip ? IdxFiles.gzip(labels) : labels);
    }

    @ParameterizedTest(name = "gzip={0}")
    @ValueSource(booleans = {false, true})
    void roundTripOfImagesAndLabels(boolean gzip) throws IOException {
        byte[] px = pixels();
        byte[] lb = labelBytes();
        writePair("train", gzip, IdxFiles.idx(8, new int[] {N, R, C}, px), IdxFiles.idx(8, new int[] {N}, lb));

        String suffix = gzip ? ".gz" : "";
        IdxReader.IdxData images = IdxReader.readImages(dir.resolve("train-images-idx3-ubyte" + suffix));
        assertArrayEquals(new int[] {N, R, C}, images.dimensions());
        assertArrayEquals(px, images.data());
        assertEquals(N, images.count());

        Dataset d = MnistFormat.load(dir, "train", "generated train");
        assertEquals(N, d.size());
        assertArrayEquals(new int[] {1, R, C}, d.featureShape());
        assertEquals(R * C, d.featureSize());
        assertEquals(10, d.targetWidth());
        assertEquals("generated train", d.split());
        for (int i = 0; i < N; i++) {
            assertEquals(lb[i], d.label(i));
            for (int c = 0; c < 10; c++) {
                assertEquals(c == lb[i] ? 1.0 : 0.0, d.target(i, c));
            }
            for (int j = 0; j < R * C; j++) {
                assertEquals((px[i * R * C + j] & 0xFF) / 255.0, d.feature(i, j), 0.0);
            }
        }
    }

    @Test
    void testPartReadsT10kFiles() throws IOException {
        writePair("t10k", false, IdxFiles.idx(8, new int[] {N, R, C}, pixels()),
                IdxFiles.idx(8, new int[] {N}, labelBytes()));
        assertEquals(N, MnistFormat.load(dir, "test", "generated test").size());
        assertThrows(NoSuchFileException.class, () -> MnistFormat.load(dir, "train", "x"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MnistFormat.load(dir, "validation", "x"));
        assertTrue(e.getMessage().contains("validation"), e.getMessage());
    }

    @ParameterizedTest(name = "gzip={0}")
    @ValueSource(booleans = {false, true})
    void badMagicNamesFileAndOffset(boolean gzip) throws IOException {
        byte[] bytes = IdxFiles.idx(8, new int[] {N, R, C}, pixels());
        bytes[0] = 0x12;
        Path f = IdxFiles.write(dir.resolve("bad.idx"), gzip ? IdxFiles.gzip(bytes) : bytes);
        String msg = assertThrows(IllegalArgumentException.class, () -> IdxReader.readImages(f)).getMessage();
        assertTrue(msg.contains(f.toString()) && msg.contains("byte offset 0") && msg.contains("magic"), msg);
    }

    @Test
    void labelFileReadAsImagesIsRejectedByItsMagic() throws IOException {
        Path f = IdxFiles.write(dir.resolve("labels.idx"), IdxFiles.idx(8, new int[] {N}, labelBytes()));
        String msg = assertThrows(IllegalArgumentException.class, () -> IdxReader.readImages(f)).getMessage();
        assertTrue(msg.contains(f.toString()) && msg.contains("0x00000801") && msg.contains("0x00000803")
                && msg.contains("byte offset 0"), msg);
    }

    @Test
    void wrongTypeByteNamesFileAndOffset() throws IOException {
        Path f = IdxFiles.write(dir.resolve("float.idx"), IdxFiles.idx(0x0D, new int[] {N, R, C}, pixels()));
        String msg = assertThrows(IllegalArgumentException.class, () -> IdxReader.readImages(f)).getMessage();
        assertTrue(msg.contains(f.toString()) && msg.contains("type byte 0x0D") && msg.contains("byte offset 2"),
                msg);
    }

    @ParameterizedTest(name = "gzip={0}")
    @ValueSource(booleans = {false, true})
    void truncatedDataNamesFileAndOffset(boolean gzip) throws IOException {
        byte[] full = IdxFiles.idx(8, new int[] {N, R, C}, pixels());
        byte[] cut = Arrays.copyOf(full, full.length - 9);
        Path f = IdxFiles.write(dir.resolve("cut.idx"), gzip ? IdxFiles.gzip(cut) : cut);
        String msg = assertThrows(IllegalArgumentException.class, () -> IdxReader.readImages(f)).getMessage();
        assertTrue(msg.contains(f.toString()) && msg.contains("truncated at byte offset " + cut.length), msg);
    }

    @Test
    void truncatedGzipStreamNamesFileAndOffset() throws IOException {
        byte[] gz = IdxFiles.gzip(IdxFiles.idx(8, new int[] {N, R, C}, pixels()));
        Path f = IdxFiles.write(dir.resolve("cut.idx.gz"), Arrays.copyOf(gz, gz.length / 2));
        String msg = assertThrows(IllegalArgumentException.class, () -> IdxReader.readImages(f)).getMessage();
        assertTrue(msg.contains(f.toString()) && msg.contains("byte offset"), msg);
    }

    @Test
    void truncatedHeaderNamesFileAndOffset() throws IOException {
        byte[] full = IdxFiles.idx(8, new int[] {N, R, C}, pixels());
        Path f = IdxFiles.write(dir.resolve("head.idx"), Arrays.copyOf(full, 6));
        String msg = assertThrows(IllegalArgumentException.class, () -> IdxReader.readImages(f)).getMessage();
        assertTrue(msg.contains(f.toString()) && msg.contains("truncated at byte offset 6"), msg);
    }

    @Test
    void trailingBytesAreRejected() throws IOException {
        byte[] full = IdxFiles.idx(8, new int[] {N}, labelBytes());
        Path f = IdxFiles.write(dir.resolve("long.idx"), Arrays.copyOf(full, full.length + 3));
        String msg = assertThrows(IllegalArgumentException.class, () -> IdxReader.readLabels(f)).getMessage();
        assertTrue(msg.contains(f.toString()) && msg.contains("byte offset " + full.length), msg);
    }

    @Test
    void negativeDimensionIsRejected() throws IOException {
        Path f = IdxFiles.write(dir.resolve("neg.idx"), IdxFiles.idx(8, new int[] {-1}, new byte[0]));
        String msg = assertThrows(IllegalArgumentException.class, () -> IdxReader.readLabels(f)).getMessage();
        assertTrue(msg.contains(f.toString()) && msg.contains("byte offset 4"), msg);
    }

    @Test
    void imageAndLabelCountMismatchNamesBothFiles() throws IOException {
        writePair("train", true, IdxFiles.idx(8, new int[] {N, R, C}, pixels()),
                IdxFiles.idx(8, new int[] {N - 1}, Arrays.copyOf(labelBytes(), N - 1)));
        String msg = assertThrows(IllegalArgumentException.class, () -> MnistFormat.load(dir, "train", "x"))
                .getMessage();
        assertTrue(msg.contains("train-images-idx3-ubyte.gz") && msg.contains("train-labels-idx1-ubyte.gz")
                && msg.contains(N + " images") && msg.contains((N - 1) + " labels")
                && msg.contains("byte offset 4"), msg);
    }

    @Test
    void labelOutOfRangeNamesFileAndOffset() throws IOException {
        byte[] lb = labelBytes();
        lb[3] = 10;
        writePair("train", false, IdxFiles.idx(8, new int[] {N, R, C}, pixels()), IdxFiles.idx(8, new int[] {N}, lb));
        String msg = assertThrows(IllegalArgumentException.class, () -> MnistFormat.load(dir, "train", "x"))
                .getMessage();
        assertTrue(msg.contains("train-labels-idx1-ubyte") && msg.contains("label 10")
                && msg.contains("byte offset 11"), msg);
    }
}
