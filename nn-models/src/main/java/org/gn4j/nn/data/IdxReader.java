package org.gn4j.nn.data;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Reads files in the IDX format of the MNIST distribution: a 4-byte magic number {@code 00 00 TT NN} (two zero bytes,
 * the element type {@code TT}, the number of dimensions {@code NN}), {@code NN} big-endian 32-bit dimension sizes, then
 * the elements in row-major order. Only the unsigned-byte type {@code 0x08} is supported, which is what MNIST,
 * Fashion-MNIST and their relatives use. A file compressed with gzip (recognised by its magic bytes {@code 1f 8b}, not
 * by its name) is decompressed on the fly; one or more complete gzip members (RFC 1952, each with a matching CRC-32
 * and length) must make up the whole file.
 *
 * <h2>Errors</h2>
 *
 * Malformed content raises {@link IllegalArgumentException} (never another runtime exception), naming the file and
 * the byte offset, counted in the decompressed IDX stream (and, for gzip faults, in the compressed file): wrong magic
 * number, wrong type byte, unexpected number of dimensions, a dimension of {@code 2^31} or more, more than {@code
 * 2^31 - 9} elements, data shorter than the header declares (truncated) and bytes left over after the data; for gzip
 * files also a corrupt header, corrupt deflate data, a CRC or length mismatch, a stream cut short and anything but
 * another gzip member after a member. {@link IOException} means only that the file cannot be read.
 *
 * <p><b>Memory.</b> The declared size is never allocated on trust: an uncompressed file's declared size is checked
 * against the file's length before the data array is allocated, and a gzip file's data array grows (by doubling, up
 * to the declared size) only as decompressed bytes arrive, so a header declaring two billion elements in a small file
 * fails fast. The memory of a read is at most about twice the decompressed data the file actually holds.
 */
public final class IdxReader {
    /** Magic number of an image file: unsigned bytes, 3 dimensions (count, rows, columns). */
    public static final int IMAGES_MAGIC = 0x00000803;
    /** Magic number of a label file: unsigned bytes, 1 dimension (count). */
    public static final int LABELS_MAGIC = 0x00000801;
    /** The element type byte for unsigned bytes. */
    public static final int TYPE_UNSIGNED_BYTE = 0x08;
    /** The most elements one file may declare (the capacity of one Java array, with headroom). */
    static final int MAX_ELEMENTS = Integer.MAX_VALUE - 8;
    /** The first allocation for decompressed data of unknown length; it doubles from there. */
    private static final int INITIAL_CHUNK = 1 << 16;

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
        /**
         * Validates that the data length is the product of the dimensions.
         *
         * @param file the file the content was read from; not null
         * @param dimensions the dimension sizes, outermost first, at least one, none negative; kept as given (not
         *                   copied)
         * @param data the elements, {@code product(dimensions)} bytes; kept as given (not copied)
         * @throws IllegalArgumentException if a component is null, there is no dimension, a dimension is negative, or
         *                                  the data length is not the product of the dimensions
         */
        public IdxData {
            if (file == null || dimensions == null || data == null) {
                throw new IllegalArgumentException((file == null ? "file" : dimensions == null ? "dimensions" : "data")
                        + " is null");
            }
            if (dimensions.length == 0) {
                throw new IllegalArgumentException(file + ": dimensions is empty, expected at least one dimension");
            }
            dimensions = dimensions.clone();
            long p = 1;
            for (int d : dimensions) {
                if (d < 0) {
                    throw new IllegalArgumentException(file + ": dimensions " + Arrays.toString(dimensions)
                            + " hold a negative size");
                }
                p = Math.min(p * d, 1L << 40); // saturate: any product above 2^31 mismatches every array length
            }
            if (data.length != p) {
                throw new IllegalArgumentException(file + ": data has " + data.length + " bytes, expected " + p
                        + " for dimensions " + Arrays.toString(dimensions));
            }
        }

        /**
         * The dimension sizes (a copy).
         *
         * @return a new array of the dimension sizes, outermost first
         */
        @Override
        public int[] dimensions() {
            return dimensions.clone();
        }

        /**
         * The outermost dimension: the number of items (images or labels).
         *
         * @return {@code dimensions()[0]}
         */
        public int count() {
            return dimensions[0];
        }

        /**
         * Element {@code i} as an unsigned value in {@code [0, 255]}.
         *
         * @param i the flat row-major element index, in {@code [0, data().length)}
         * @return the element, in {@code [0, 255]}
         */
        public int unsigned(int i) {
            return data[i] & 0xFF;
        }
    }

    /**
     * Reads an image file (magic {@code 0x00000803}: count × rows × columns unsigned bytes).
     *
     * @param file the image file, plain or gzip-compressed IDX; not null
     * @return the images: dimensions {count, rows, columns}
     * @throws IllegalArgumentException if {@code file} is null or the file is malformed (message names the file and
     *                                  the byte offset; see the class comment)
     * @throws IOException              if the file cannot be read
     */
    public static IdxData readImages(Path file) throws IOException {
        return read(file, IMAGES_MAGIC);
    }

    /**
     * Reads a label file (magic {@code 0x00000801}: count unsigned bytes).
     *
     * @param file the label file, plain or gzip-compressed IDX; not null
     * @return the labels: dimensions {count}
     * @throws IllegalArgumentException if {@code file} is null or the file is malformed (message names the file and
     *                                  the byte offset; see the class comment)
     * @throws IOException              if the file cannot be read
     */
    public static IdxData readLabels(Path file) throws IOException {
        return read(file, LABELS_MAGIC);
    }

    /**
     * Reads an IDX file and requires its magic number to be {@code expectedMagic} (which fixes the type byte and the
     * number of dimensions).
     *
     * @param file the IDX file, plain or gzip-compressed; not null
     * @param expectedMagic the required magic number, {@code 0x000008NN} with NN (1 to 255) the number of dimensions
     * @return the file's dimensions and elements
     * @throws IllegalArgumentException if {@code file} is null, {@code expectedMagic} is not an unsigned-byte magic
     *                                  number, or the file is malformed or has another magic number (see the class
     *                                  comment)
     * @throws IOException              if the file cannot be read
     */
    public static IdxData read(Path file, int expectedMagic) throws IOException {
        if (file == null) {
            throw new IllegalArgumentException("file is null, expected the path of an IDX file");
        }
        requireMagic(expectedMagic);
        long length = Files.size(file);
        try (BufferedInputStream raw = new BufferedInputStream(Files.newInputStream(file), INITIAL_CHUNK)) {
            return open(file, raw, length, expectedMagic);
        }
    }

    /**
     * Reads the bytes of an IDX file as {@link #read(Path, int)} reads the file; {@code file} names it in messages.
     */
    static IdxData read(Path file, byte[] content, int expectedMagic) throws IOException {
        requireMagic(expectedMagic);
        return open(file, new ByteArrayInputStream(content), content.length, expectedMagic);
    }

    private static void requireMagic(int expectedMagic) {
        if ((expectedMagic >>> 16) != 0 || ((expectedMagic >>> 8) & 0xFF) != TYPE_UNSIGNED_BYTE
                || (expectedMagic & 0xFF) == 0) {
            throw new IllegalArgumentException(String.format(
                    "expectedMagic is 0x%08X, expected 0x0000%02XNN with NN >= 1 dimensions (unsigned bytes)",
                    expectedMagic, TYPE_UNSIGNED_BYTE));
        }
    }

    /** Reads a file's stream of {@code length} bytes (supporting mark), looking through gzip when it starts 1f 8b. */
    private static IdxData open(Path file, InputStream raw, long length, int expectedMagic) throws IOException {
        raw.mark(2);
        int b0 = raw.read();
        int b1 = raw.read();
        raw.reset();
        if (b0 == 0x1f && b1 == 0x8b) {
            try (StrictGzipInputStream gz = new StrictGzipInputStream(file, raw, length)) {
                return parse(file, gz, expectedMagic, -1);
            }
        }
        return parse(file, raw, expectedMagic, length);
    }

    /**
     * Reads the IDX stream; {@code length} is the stream's length when known (an uncompressed file), else -1.
     */
    private static IdxData parse(Path file, InputStream in, int expectedMagic, long length) throws IOException {
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
            if (total > MAX_ELEMENTS) {
                throw new IllegalArgumentException(file + ": dimensions " + Arrays.toString(Arrays.copyOf(shape, k + 1))
                        + " (read up to byte offset " + r.position() + ") declare more than " + MAX_ELEMENTS
                        + " elements");
            }
        }
        long header = r.position();
        byte[] data;
        int got;
        if (length >= 0) {
            // the length is known: check the declared size against it before allocating anything for the data
            long held = length - header;
            if (total > held) {
                throw new IllegalArgumentException(file + ": truncated at byte offset " + length + ": the header"
                        + " declares dimensions " + Arrays.toString(shape) + ", i.e. " + total + " data bytes from"
                        + " offset " + header + " to " + (header + total) + ", but the file is " + length
                        + " bytes long and holds " + held);
            }
            if (total < held) {
                throw new IllegalArgumentException(file + ": unexpected data after byte offset " + (header + total)
                        + ": the header declares dimensions " + Arrays.toString(shape) + ", i.e. the file should end"
                        + " there, but it is " + length + " bytes long");
            }
            data = new byte[(int) total];
            got = r.fill(data, 0, data.length);
        } else {
            // unknown length (decompressing): grow with the bytes that actually arrive, never beyond the declared size
            data = new byte[(int) Math.min(total, INITIAL_CHUNK)];
            got = 0;
            while (true) {
                got += r.fill(data, got, data.length - got);
                if (got < data.length || got == total) {
                    break;
                }
                data = Arrays.copyOf(data, (int) Math.min(total, 2L * data.length));
            }
        }
        if (got < total) {
            throw new IllegalArgumentException(file + ": truncated at byte offset " + (header + got) + ": the header"
                    + " declares dimensions " + Arrays.toString(shape) + ", i.e. " + total + " data bytes from"
                    + " offset " + header + " to " + (header + total) + ", found " + got);
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
            int b = in.read();
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

        /** Reads up to {@code len} bytes into {@code dest[off..]}, stopping early only at the end of the stream. */
        int fill(byte[] dest, int off, int len) throws IOException {
            int got = 0;
            while (got < len) {
                int m = in.read(dest, off + got, len - got);
                if (m < 0) {
                    break;
                }
                got += m;
            }
            position += got;
            return got;
        }

        boolean readPastEnd() throws IOException {
            return in.read() >= 0;
        }
    }

    /**
     * A gzip decoder (RFC 1952) that, unlike {@link java.util.zip.GZIPInputStream}, refuses anything after a member
     * but another complete member, and checks every member's header flags, CRC-32 and length. Its faults are {@link
     * IllegalArgumentException}s naming the file and the compressed byte offset.
     */
    static final class StrictGzipInputStream extends InputStream {
        private static final int FHCRC = 2;
        private static final int FEXTRA = 4;
        private static final int FNAME = 8;
        private static final int FCOMMENT = 16;
        private static final int RESERVED = 0xE0;

        private final Path file;
        private final InputStream raw;
        private final long length;
        private final Inflater inflater = new Inflater(true);
        private final CRC32 crc = new CRC32();
        private final CRC32 headerCrc = new CRC32();
        private final byte[] buffer = new byte[INITIAL_CHUNK];
        private final byte[] one = new byte[1];
        /** Compressed offset of buffer[0]. */
        private long bufferStart;
        private int bufferPos;
        private int bufferLimit;
        /** Decompressed bytes of the current member. */
        private long memberBytes;
        /** Compressed offset where the current member starts. */
        private long memberStart;
        private boolean ended;

        StrictGzipInputStream(Path file, InputStream raw, long length) throws IOException {
            this.file = file;
            this.raw = raw;
            this.length = length;
            try {
                readHeader();
            } catch (IOException | RuntimeException e) {
                inflater.end();
                throw e;
            }
        }

        private long offset() {
            return bufferStart + bufferPos;
        }

        private IllegalArgumentException fault(long at, String what) {
            if (memberStart > 0 && at - memberStart < 10) {
                // in the fixed part of a header after a complete member: report what follows the member
                return new IllegalArgumentException(file + ": unexpected data after the gzip member that ends at"
                        + " compressed byte offset " + memberStart + " (of " + length + "), expected the end of the"
                        + " file or another gzip member: " + what + " at compressed byte offset " + at);
            }
            return new IllegalArgumentException(file + ": corrupt or truncated gzip stream at compressed byte offset "
                    + at + " (of " + length + "): " + what);
        }

        /** Refills the buffer once it is used up; false at the end of the file. */
        private boolean refill() throws IOException {
            if (bufferPos < bufferLimit) {
                return true;
            }
            bufferStart += bufferLimit;
            bufferPos = 0;
            bufferLimit = 0;
            int n;
            do {
                n = raw.read(buffer, 0, buffer.length);
            } while (n == 0);
            if (n < 0) {
                return false;
            }
            bufferLimit = n;
            return true;
        }

        private int rawByte(String what) throws IOException {
            if (!refill()) {
                throw fault(offset(), "the file ends inside the " + what);
            }
            int b = buffer[bufferPos++] & 0xFF;
            headerCrc.update(b);
            return b;
        }

        private void readHeader() throws IOException {
            memberStart = offset();
            headerCrc.reset();
            int id1 = rawByte("gzip header");
            int id2 = rawByte("gzip header");
            if (id1 != 0x1f || id2 != 0x8b) {
                throw fault(memberStart, String.format("bytes %02x %02x, expected the gzip magic 1f 8b", id1, id2));
            }
            int method = rawByte("gzip header");
            if (method != 8) {
                throw fault(memberStart + 2, "compression method " + method + ", expected 8 (deflate)");
            }
            int flags = rawByte("gzip header");
            if ((flags & RESERVED) != 0) {
                throw fault(memberStart + 3, String.format("reserved header flag bits set (flags 0x%02X)", flags));
            }
            for (int k = 0; k < 6; k++) {
                rawByte("gzip header"); // modification time, extra flags, operating system
            }
            if ((flags & FEXTRA) != 0) {
                int xlen = rawByte("gzip header extra field") | (rawByte("gzip header extra field") << 8);
                for (int k = 0; k < xlen; k++) {
                    rawByte("gzip header extra field");
                }
            }
            if ((flags & FNAME) != 0) {
                while (rawByte("gzip header file name") != 0) {
                    // skip the zero-terminated name
                }
            }
            if ((flags & FCOMMENT) != 0) {
                while (rawByte("gzip header comment") != 0) {
                    // skip the zero-terminated comment
                }
            }
            if ((flags & FHCRC) != 0) {
                long expected = headerCrc.getValue() & 0xFFFF;
                long at = offset();
                int found = rawByte("gzip header CRC") | (rawByte("gzip header CRC") << 8);
                if (found != expected) {
                    throw fault(at, String.format("header CRC 0x%04X, expected 0x%04X", found, expected));
                }
            }
            inflater.reset();
            crc.reset();
            memberBytes = 0;
        }

        private long trailerWord() throws IOException {
            long v = 0;
            for (int k = 0; k < 4; k++) {
                v |= (long) rawByte("gzip trailer") << (8 * k);
            }
            return v;
        }

        @Override
        public int read() throws IOException {
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            int stalls = 0;
            while (!ended) {
                int n;
                try {
                    n = inflater.inflate(b, off, len);
                } catch (DataFormatException e) {
                    throw fault(offset(), "corrupt deflate data in the member starting at compressed byte offset "
                            + memberStart + " (" + e.getMessage() + ")");
                }
                if (n > 0) {
                    crc.update(b, off, n);
                    memberBytes += n;
                    return n;
                }
                if (inflater.finished()) {
                    bufferPos = bufferLimit - inflater.getRemaining();
                    long at = offset();
                    long expectedCrc = trailerWord();
                    long expectedSize = trailerWord();
                    if (expectedCrc != crc.getValue()) {
                        throw fault(at, String.format("CRC-32 0x%08X in the trailer, the data has 0x%08X",
                                expectedCrc, crc.getValue()));
                    }
                    if (expectedSize != (memberBytes & 0xFFFFFFFFL)) {
                        throw fault(at + 4, "the trailer declares " + expectedSize + " bytes (mod 2^32), the member"
                                + " decompresses to " + memberBytes);
                    }
                    if (!refill()) {
                        ended = true;
                        return -1;
                    }
                    readHeader(); // another member, or an error naming what follows the member
                    continue;
                }
                if (inflater.needsDictionary()) {
                    throw fault(offset(), "deflate data asks for a preset dictionary, which gzip does not have");
                }
                if (inflater.needsInput()) {
                    if (!refill()) {
                        throw fault(offset(), "the file ends inside the compressed data of the member starting at"
                                + " compressed byte offset " + memberStart);
                    }
                    inflater.setInput(buffer, bufferPos, bufferLimit - bufferPos);
                    bufferPos = bufferLimit;
                    continue;
                }
                if (++stalls > 16) {
                    throw fault(offset(), "the deflate decoder makes no progress");
                }
            }
            return -1;
        }

        @Override
        public void close() {
            inflater.end();
        }
    }
}
