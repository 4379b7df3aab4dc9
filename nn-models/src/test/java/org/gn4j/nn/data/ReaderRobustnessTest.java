package org.gn4j.nn.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

import org.gn4j.testkit.Fuzz;
import org.gn4j.testkit.Seeds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The reported defects of the IDX, CIFAR-10 and regression-CSV readers, one test each. */
class ReaderRobustnessTest {
    @TempDir
    Path dir;

    private static String error(Executable e) {
        return assertThrows(IllegalArgumentException.class, e).getMessage();
    }

    /** A label file that declares two billion labels and holds ten. */
    private static byte[] hugeCountLabels() {
        byte[] lb = IdxFiles.labels(10, 10, Seeds.of(40));
        return IdxFiles.idx(8, new int[] {2_000_000_000}, lb);
    }

    @ParameterizedTest(name = "gzip={0}")
    @ValueSource(booleans = {false, true})
    void hugeDeclaredCountFailsFastWithoutAllocatingIt(boolean gzip) throws IOException {
        // it took 27-43 s and 4.3 GB before the error (OutOfMemoryError at -Xmx1g)
        byte[] raw = hugeCountLabels();
        Path f = IdxFiles.write(dir.resolve("huge-labels-idx1-ubyte" + (gzip ? ".gz" : "")),
                gzip ? IdxFiles.gzip(raw) : raw);
        Fuzz.AllocationCounter counter = Fuzz.AllocationCounter.forCurrentThread();
        String[] msg = new String[1];
        long bytes = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> counter.measure(() -> msg[0] = error(() -> IdxReader.readLabels(f))));
        assertTrue(msg[0].startsWith(f + ": truncated at byte offset 18: the header declares dimensions"
                + " [2000000000], i.e. 2000000000 data bytes"), msg[0]);
        assertTrue(msg[0].contains(gzip ? "found 10" : "holds 10"), msg[0]);
        assertTrue(bytes < 64 * Files.size(f) + (1 << 20), bytes + " bytes allocated");
    }

    @Test
    void trailingJunkAfterGzipDataIsRejected() throws IOException {
        byte[] raw = IdxFiles.idx(8, new int[] {5}, IdxFiles.labels(5, 10, Seeds.of(41)));
        byte[] gz = IdxFiles.gzip(raw);
        for (byte[] tail : List.of("junk".getBytes(StandardCharsets.US_ASCII), new byte[8], new byte[] {0x1f})) {
            Path f = IdxFiles.write(dir.resolve("tail.gz"), concat(gz, tail));
            String msg = error(() -> IdxReader.readLabels(f));
            assertTrue(msg.startsWith(f + ": ") && msg.contains("compressed byte offset " + gz.length), msg);
        }
        // a second member holding more data: the IDX content is too long
        Path twice = IdxFiles.write(dir.resolve("twice.gz"), concat(gz, IdxFiles.gzip(new byte[] {1, 2})));
        assertTrue(error(() -> IdxReader.readLabels(twice)).contains("unexpected data after byte offset 13"));
        // a damaged CRC-32
        byte[] bad = gz.clone();
        bad[bad.length - 8] ^= 1;
        Path crc = IdxFiles.write(dir.resolve("crc.gz"), bad);
        assertTrue(error(() -> IdxReader.readLabels(crc)).contains("CRC-32"));
        // the content split over two members is valid gzip
        Path split = IdxFiles.write(dir.resolve("split.gz"),
                concat(IdxFiles.gzip(Arrays.copyOf(raw, 6)), IdxFiles.gzip(Arrays.copyOfRange(raw, 6, raw.length))));
        assertArrayEquals(Arrays.copyOfRange(raw, 8, raw.length), IdxReader.readLabels(split).data());
    }

    @Test
    void gzipHeaderWithNameExtraCommentAndHeaderCrcIsRead() throws IOException {
        byte[] raw = IdxFiles.idx(8, new int[] {4}, new byte[] {1, 2, 3, 4});
        ByteArrayOutputStream header = new ByteArrayOutputStream();
        header.writeBytes(new byte[] {0x1f, (byte) 0x8b, 8, 2 | 4 | 8 | 16, 0, 0, 0, 0, 0, (byte) 255});
        header.writeBytes(new byte[] {3, 0, 'a', 'b', 'c'});
        header.writeBytes("name\0".getBytes(StandardCharsets.US_ASCII));
        header.writeBytes("comment\0".getBytes(StandardCharsets.US_ASCII));
        CRC32 hcrc = new CRC32();
        hcrc.update(header.toByteArray());
        header.write((int) hcrc.getValue() & 0xFF);
        header.write((int) (hcrc.getValue() >>> 8) & 0xFF);
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        deflater.setInput(raw);
        deflater.finish();
        byte[] body = new byte[256];
        int n = deflater.deflate(body);
        deflater.end();
        CRC32 crc = new CRC32();
        crc.update(raw);
        ByteBuffer trailer = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        trailer.putInt((int) crc.getValue()).putInt(raw.length);
        Path f = IdxFiles.write(dir.resolve("flags.gz"), concat(header.toByteArray(), Arrays.copyOf(body, n),
                trailer.array()));
        assertArrayEquals(new byte[] {1, 2, 3, 4}, IdxReader.readLabels(f).data());
    }

    @Test
    void mnistImagesWithoutRowsOrColumnsAreRejected() throws IOException {
        IdxFiles.write(dir.resolve("train-images-idx3-ubyte"), IdxFiles.idx(8, new int[] {2, 0, 5}, new byte[0]));
        IdxFiles.write(dir.resolve("train-labels-idx1-ubyte"), IdxFiles.idx(8, new int[] {2}, new byte[] {1, 2}));
        String msg = error(() -> MnistFormat.load(dir, "train", "s"));
        assertTrue(msg.contains("train-images-idx3-ubyte: dimensions [2, 0, 5]"), msg);
    }

    @Test
    void nullArgumentsAreIllegalArguments() throws IOException {
        assertTrue(error(() -> IdxReader.readImages(null)).contains("file"));
        assertTrue(error(() -> IdxReader.readLabels(null)).contains("file"));
        assertTrue(error(() -> new IdxReader.IdxData(null, new int[] {1}, new byte[1])).contains("file"));
        assertTrue(error(() -> new IdxReader.IdxData(dir, null, new byte[1])).contains("dimensions"));
        assertTrue(error(() -> MnistFormat.load(null, "train", "s")).contains("dir"));
        assertTrue(error(() -> MnistFormat.load(dir, null, "s")).contains("part"));
        assertTrue(error(() -> MnistFormat.load(dir, "train", null)).contains("split"));
        assertTrue(error(() -> Cifar10Reader.loadTrain(null, "s")).contains("dir"));
        assertTrue(error(() -> Cifar10Reader.loadTest(null, "s")).contains("dir"));
        assertTrue(error(() -> Cifar10Reader.load(null, "c", "s")).contains("files"));
        assertTrue(error(() -> Cifar10Reader.load(Arrays.asList((Path) null), "c", "s")).contains("files[0]"));
        Path batch = Files.write(dir.resolve("b.bin"), new byte[Cifar10Reader.RECORD_BYTES]);
        assertTrue(error(() -> Cifar10Reader.load(List.of(batch), "c", null)).contains("split"));
        assertTrue(error(() -> Cifar10Reader.load(List.of(batch), null, "s")).contains("name"));
        Path csv = Files.writeString(dir.resolve("d.csv"), "a,y\n1,2\n");
        assertTrue(error(() -> CsvRegressionReader.read(null, List.of("a"), List.of("y"), "s")).contains("file"));
        assertTrue(error(() -> CsvRegressionReader.read(csv, null, List.of("y"), "s")).contains("featureColumns"));
        assertTrue(error(() -> CsvRegressionReader.read(csv, List.of("a"), null, "s")).contains("targetColumns"));
        assertTrue(error(() -> CsvRegressionReader.read(csv, List.of("a"), List.of("y"), null)).contains("split"));
        assertTrue(error(() -> CsvRegressionReader.readLastColumnsAsTargets(null, 1, "s")).contains("file"));
    }

    @Test
    void csvByteOrderMarkQuotedHeaderAndUnusedTextColumn() throws IOException {
        Path f = dir.resolve("q.csv");
        Files.write(f, ("\uFEFF\"a\",\"label, text\",\"y\"\r\n1,\"first, \"\"one\"\"\",2\r\n3,second,4\r\n")
                .getBytes(StandardCharsets.UTF_8));
        Dataset d = CsvRegressionReader.read(f, List.of("a"), List.of("y"), "s");
        assertArrayEquals(new double[] {1, 3}, d.features());
        assertArrayEquals(new double[] {2, 4}, d.targets());
        // the text column is used here: its field names file, line, column and text
        String msg = error(() -> CsvRegressionReader.read(f, List.of("label, text"), List.of("y"), "s"));
        assertTrue(msg.startsWith(f + ":2: column 'label, text' (field 2) holds 'first, \"one\"'"), msg);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1d", "0x0p0", "1f", "0x1.8p1", "99999999999999999999e999", "1_0", "\u0661"})
    void csvNumbersJavaAcceptsButTheFormatDoesNotNameFileLineColumnAndText(String bad) throws IOException {
        Path f = Files.writeString(dir.resolve("n.csv"), "a,x,y\n1,0,2\n" + bad + ",1,3\n", StandardCharsets.UTF_8);
        String msg = error(() -> CsvRegressionReader.read(f, List.of("a"), List.of("y"), "s"));
        assertTrue(msg.startsWith(f + ":3: column 'a' (field 1) holds '" + bad + "'"), msg);
        // the same file read without that column is fine
        assertEquals(2, CsvRegressionReader.read(f, List.of("x"), List.of("y"), "s").size());
    }

    @Test
    void csvInvalidUtf8AndOpenQuotesNameFileAndLine() throws IOException {
        Path f = dir.resolve("bad.csv");
        Files.write(f, new byte[] {'a', ',', 'y', '\n', '1', ',', (byte) 0xC3, '\n'});
        String msg = error(() -> CsvRegressionReader.read(f, List.of("a"), List.of("y"), "s"));
        assertTrue(msg.startsWith(f + ":2: not UTF-8 text"), msg);
        Path open = Files.writeString(dir.resolve("open.csv"), "a,y\n1,\"2\n");
        msg = error(() -> CsvRegressionReader.read(open, List.of("a"), List.of("y"), "s"));
        assertTrue(msg.startsWith(open + ":2: the quoted field 2 opened on this line is never closed"), msg);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
