package org.gn4j.nn.data;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads files in the IDX format of the MNIST distribution: a 4-byte magic number {@code 00 00 TT NN} (two zero bytes,
 * the element type {@code TT}, the number of dimensions {@code NN}), {@code NN} big-endian 32-bit dimension sizes, then
 * the elements in row-major order. Only the unsigned-byte type {@code 0x08} is supported, which is what MNIST,
 * Fashion-MNIST and their relatives use. A file compressed with gzip (recognised by its magic bytes {@code 1f 8b}, not
 * by its name) is decompressed on the fly.
 *
 * <p>Every check names the file and the byte offset, counted in the decompressed IDX stream: wrong magic number, wrong
 * type byte, unexpected number of dimensions, data shorter than the header declares (truncated) and bytes left over
 * after the data.
 */
public final class IdxReader {
    /** Magic number of an image file: unsigned bytes, 3 dimensions (count, rows, columns). */
    public static final int IMAGES_MAGIC = 0x00000803;
    /** Magic number of a label file: unsigned bytes, 1 dimension (count). */
    public static final int LABELS_MAGIC = 0x00000801;
    /** The element type byte for unsigned bytes. */
    public static final int TYPE_UNSIGNED_BYTE = 0x08;

    private IdxReader() {
    }

    /**
     * The content of an IDX file: its dimensions and its raw unsigned-byte elements.
     *
     * @param file       the file it was read from
     * @param dimensions the dimension sizes from the header, outermost first
     * @param data       the elements, row-major, {@code product(dimensions)} bytes (read them with {@code & 0xFF})
     */
    public record IdxData(Path file, int[] dimensions, byte[] data) {
        /** Validates that the data length is the product of the dimensions. */
        public IdxData {
            Objects.requireNonNull(file, "file");
            dimensions = dimensions.clone();
            long p = 1;
            for (int d : dimensions) {
                p *= d;
            }
            if (data.length != p) {
                throw new IllegalArgumentException(file + ": data has " + data.length + " bytes, expected " + p
                        + " for dimensions " + Arrays.toString(dimensions));
            }
        }

        /** The dimension sizes (a copy). */
        @Override
        public int[] dimensions() {
            return dimensions.clone();
        }

        /** The outermost dimension: the number of items (images or labels). */
        public int count() {
            return dimensions[0];
        }

        /** Element {@code i} as an unsigned value in {@code [0, 255]}. */
        public int unsigned(int i) {
            return data[i] & 0xFF;
        }
    }

    /**
     * Reads an image file (magic {@code 0x00000803}: count × rows × columns unsigned bytes).
     *
     * @throws IllegalArgumentException if the file is malformed (message names the file and the byte offset)
     * @throws IOException              if the file cannot be read
     */
    public static IdxData readImages(Path file) throws IOException {
        return read(file, IMAGES_MAGIC);
    }

    /**
     * Reads a label file (magic {@code 0x00000801}: count unsigned bytes).
     *
     * @throws IllegalArgumentException if the file is malformed (message names the file and the byte offset)
     * @throws IOException              if the file cannot be read
     */
    public static IdxData readLabels(Path file) throws IOException {
        return read(file, LABELS_MAGIC);
    }

    /**
     * Reads an IDX file and requires its magic number to be {@code expectedMagic} (which fixes the type byte and the
     * number of dimensions).
     *
     * @throws IllegalArgumentException if the file is malformed or has another magic number
     * @throws IOException              if the file cannot be read
     */
    public static IdxData read(Path file, int expectedMagic) throws IOException {
        Objects.requireNonNull(file, "file");
        if ((expectedMagic >>> 16) != 0 || ((expectedMagic >>> 8) & 0xFF) != TYPE_UNSIGNED_BYTE
                || (expectedMagic & 0xFF) == 0) {
            throw new IllegalArgumentException(String.format(
                    "expectedMagic is 0x%08X, expected 0x0000%02XNN with NN >= 1 dimensions (unsigned bytes)",
                    expectedMagic, TYPE_UNSIGNED_BYTE));
        }
        try (InputStream in = open(file)) {
            return read(file, in, expectedMagic);
        }
    }

    /** Opens the file, looking through gzip when the first two bytes are the gzip magic {@code 1f 8b}. */
    static InputStream open(Path file) throws IOException {
        BufferedInputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        raw.mark(2);
        int b0 = raw.read();
        int b1 = raw.read();
        raw.reset();
        if (b0 == 0x1f && b1 == 0x8b) {
            try {
                return new BufferedInputStream(new GZIPInputStream(raw, 1 << 16), 1 << 16);
            } catch (ZipException | EOFException e) {
                raw.close();
                throw new IllegalArgumentException(file + ": corrupt gzip header at byte offset 0 of the compressed"
                        + " file: " + e.getMessage(), e);
            }
        }
        return raw;
    }

    private static IdxData read(Path file, InputStream in, int expectedMagic) throws IOException {
        Reader r = new Reader(file, in);
        int expectedDims = expectedMagic & 0xFF;
        int z0 = r.u8("magic number");
        int z1 = r.u8("magic number");
        if (z0 != 0 || z1 != 0) {
            throw new IllegalArgumentException(String.format(
                    "%s: magic number starts with bytes %02x %02x at byte offset 0, expected 00 00 (magic 0x%08X);"
                            + " not an IDX file", file, z0, z1, expectedMagic));
        }
        int type = r.u8("type byte");
        if (type != TYPE_UNSIGNED_BYTE) {
            throw new IllegalArgumentException(String.format(
                    "%s: type byte 0x%02X at byte offset 2, expected 0x%02X (unsigned byte)", file, type,
                    TYPE_UNSIGNED_BYTE));
        }
        int dims = r.u8("number of dimensions");
        if (dims != expectedDims) {
            throw new IllegalArgumentException(String.format(
                    "%s: magic number 0x%08X at byte offset 0 declares %d dimension(s), expected 0x%08X (%d, %s)",
                    file, (type << 8) | dims, dims, expectedMagic, expectedDims,
                    expectedMagic == IMAGES_MAGIC ? "an image file" : expectedMagic == LABELS_MAGIC ? "a label file"
                            : "unsigned bytes"));
        }
        int[] shape = new int[dims];
        long total = 1;
        for (int k = 0; k < dims; k++) {
            long offset = r.position();
            int d = r.i32("dimension " + k);
            if (d < 0) {
                throw new IllegalArgumentException(file + ": dimension " + k + " is " + (d & 0xFFFFFFFFL)
                        + " at byte offset " + offset + ", expected < 2^31");
            }
            shape[k] = d;
            total *= d;
            if (total > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException(file + ": dimensions " + Arrays.toString(Arrays.copyOf(shape, k + 1))
                        + " (read up to byte offset " + r.position() + ") declare more than " + (Integer.MAX_VALUE - 8)
                        + " elements");
            }
        }
        long header = r.position();
        byte[] data = new byte[(int) total];
        int got = r.fill(data);
        if (got < data.length) {
            throw new IllegalArgumentException(file + ": truncated at byte offset " + (header + got) + ": the header"
                    + " declares dimensions " + Arrays.toString(shape) + ", i.e. " + data.length + " data bytes from"
                    + " offset " + header + " to " + (header + data.length) + ", found " + got);
        }
        if (r.readPastEnd()) {
            throw new IllegalArgumentException(file + ": unexpected data after byte offset " + (header + total)
                    + ": the header declares dimensions " + Arrays.toString(shape) + ", i.e. the file should end"
                    + " there");
        }
        return new IdxData(file, shape, data);
    }

    /** Tracks the byte offset in the (decompressed) stream and turns premature ends into offset-naming errors. */
    private static final class Reader {
        private final Path file;
        private final InputStream in;
        private long position;

        Reader(Path file, InputStream in) {
            this.file = file;
            this.in = in;
        }

        long position() {
            return position;
        }

        int u8(String what) throws IOException {
            int b = safeRead();
            if (b < 0) {
                throw new IllegalArgumentException(file + ": truncated at byte offset " + position + " while reading"
                        + " the " + what + " (file too short for an IDX header)");
            }
            position++;
            return b;
        }

        int i32(String what) throws IOException {
            int v = 0;
            for (int k = 0; k < 4; k++) {
                v = (v << 8) | u8(what);
            }
            return v;
        }

        int fill(byte[] dest) throws IOException {
            int got = 0;
            while (got < dest.length) {
                int m;
                try {
                    m = in.read(dest, got, dest.length - got);
                } catch (EOFException | ZipException e) {
                    throw new IllegalArgumentException(file + ": corrupt or truncated gzip stream at byte offset "
                            + (position + got) + " of the decompressed data: " + e.getMessage(), e);
                }
                if (m < 0) {
                    break;
                }
                got += m;
            }
            position += got;
            return got;
        }

        boolean readPastEnd() throws IOException {
            return safeRead() >= 0;
        }

        private int safeRead() throws IOException {
            try {
                return in.read();
            } catch (EOFException | ZipException e) {
                throw new IllegalArgumentException(file + ": corrupt or truncated gzip stream at byte offset "
                        + position + " of the decompressed data: " + e.getMessage(), e);
            }
        }
    }
}
