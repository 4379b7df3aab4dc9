package org.gn4j.nn.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;

/** Builds IDX files in memory for tests. */
final class IdxFiles {
    private IdxFiles() {
    }

    /** An IDX byte stream: magic {@code 00 00 type dims}, dimensions, then data. */
    static byte[] idx(int type, int[] dims, byte[] data) {
        ByteBuffer b = ByteBuffer.allocate(4 + 4 * dims.length + data.length);
        b.put((byte) 0).put((byte) 0).put((byte) type).put((byte) dims.length);
        for (int d : dims) {
            b.putInt(d);
        }
        b.put(data);
        return b.array();
    }

    static byte[] images(int n, int rows, int cols, long seed) {
        byte[] data = new byte[n * rows * cols];
        SplittableRandom rng = new SplittableRandom(seed);
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) rng.nextInt(256);
        }
        return data;
    }

    static byte[] labels(int n, int classes, long seed) {
        byte[] data = new byte[n];
        SplittableRandom rng = new SplittableRandom(seed);
        for (int i = 0; i < n; i++) {
            data[i] = (byte) rng.nextInt(classes);
        }
        return data;
    }

    static byte[] gzip(byte[] raw) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
                gz.write(raw);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path write(Path file, byte[] bytes) throws IOException {
        Files.write(file, bytes);
        return file;
    }
}
