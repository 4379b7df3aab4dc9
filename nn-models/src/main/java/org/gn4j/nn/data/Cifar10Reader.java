package org.gn4j.nn.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the CIFAR-10 binary format: each file is a sequence of 3073-byte records, one label byte in {@code [0, 9]}
 * followed by 3072 pixel bytes (1024 red, 1024 green, 1024 blue, each a 32 × 32 row-major plane). The result is a
 * classification {@link Dataset} with feature shape {@code {3, 32, 32}} (channel-height-width, as stored), pixels
 * scaled to {@code [0, 1]} and one-hot targets over 10 classes.
 *
 * <p>Errors: malformed content raises {@link IllegalArgumentException} naming the file and, where it applies, the
 * byte offset (a length that is not a positive multiple of the record, a label byte of 10 or more); null or blank
 * arguments raise it too, naming the argument. {@link IOException} means only that a file is missing or cannot be
 * read. No other exception escapes for any file content. Lengths are checked before anything is allocated, and the
 * memory of a read is a fixed multiple (about 8 bytes per pixel byte) of the files' total length.
 */
public final class Cifar10Reader {
    /** Number of classes. */
    public static final int CLASS_COUNT = 10;
    /** Pixel bytes per image: 3 channels × 32 × 32. */
    public static final int IMAGE_BYTES = 3 * 32 * 32;
    /** Bytes per record: one label byte and the image. */
    public static final int RECORD_BYTES = 1 + IMAGE_BYTES;
    /** The five training batch file names of the official binary release. */
    public static final List<String> TRAIN_FILES = List.of("data_batch_1.bin", "data_batch_2.bin",
            "data_batch_3.bin", "data_batch_4.bin", "data_batch_5.bin");
    /** The test batch file name of the official binary release. */
    public static final String TEST_FILE = "test_batch.bin";

    private Cifar10Reader() {
    }

    /**
     * Reads the five official training batches from {@code dir} (50,000 images).
     *
     * @param dir the folder holding {@link #TRAIN_FILES}; not null
     * @param split description of the samples; not blank
     * @return the 50,000 training images, feature shape {@code {3, 32, 32}} scaled to {@code [0, 1]}, 10 classes
     * @throws IllegalArgumentException if a file is malformed
     * @throws IOException              if a file is missing or cannot be read
     */
    public static Dataset loadTrain(Path dir, String split) throws IOException {
        requireDir(dir);
        List<Path> files = new ArrayList<>();
        for (String f : TRAIN_FILES) {
            files.add(dir.resolve(f));
        }
        return load(files, "cifar-10", split);
    }

    /**
     * Reads the official test batch from {@code dir} (10,000 images).
     *
     * @param dir the folder holding {@link #TEST_FILE}; not null
     * @param split description of the samples; not blank
     * @return the 10,000 test images, feature shape {@code {3, 32, 32}} scaled to {@code [0, 1]}, 10 classes
     * @throws IllegalArgumentException if the file is malformed
     * @throws IOException              if the file is missing or cannot be read
     */
    public static Dataset loadTest(Path dir, String split) throws IOException {
        requireDir(dir);
        return load(List.of(dir.resolve(TEST_FILE)), "cifar-10", split);
    }

    /**
     * Reads and concatenates the records of {@code files}, in order.
     *
     * @param files batch files, at least one
     * @param name  data set name
     * @param split description of the samples
     * @return the images of all files in order, feature shape {@code {3, 32, 32}} scaled to {@code [0, 1]}, 10 classes
     * @throws IllegalArgumentException if an argument or a file is null, {@code name} or {@code split} is blank, no
     *                                  file is given, a file's length is not a positive multiple of 3073 bytes
     *                                  (message names the file, its length and where the last whole record ends) or
     *                                  a label byte is not below 10 (message names the file and byte offset)
     * @throws IOException              if a file is missing or cannot be read
     */
    public static Dataset load(List<Path> files, String name, String split) throws IOException {
        if (files == null) {
            throw new IllegalArgumentException("files is null, expected a list of CIFAR-10 batch files");
        }
        long[] lengths = new long[files.size()];
        for (int i = 0; i < lengths.length; i++) {
            Path f = files.get(i);
            if (f == null) {
                throw new IllegalArgumentException("files[" + i + "] is null, expected a CIFAR-10 batch file");
            }
            lengths[i] = Files.size(f);
        }
        return build(files, lengths, i -> Files.readAllBytes(files.get(i)), name, split);
    }

    /** Reads the bytes of one batch file as {@link #load} reads the file; {@code file} names it in messages. */
    static Dataset parse(Path file, byte[] content, String name, String split) throws IOException {
        return build(List.of(file), new long[] {content.length}, i -> content, name, split);
    }

    /** The bytes of file {@code i}, read only after every length has been checked. */
    private interface Contents {
        byte[] get(int i) throws IOException;
    }

    private static Dataset build(List<Path> files, long[] lengths, Contents contents, String name, String split)
            throws IOException {
        requireText("name", name);
        requireText("split", split);
        if (files.isEmpty()) {
            throw new IllegalArgumentException("files is empty, expected at least one CIFAR-10 batch file");
        }
        long total = 0;
        for (int i = 0; i < lengths.length; i++) {
            long len = lengths[i];
            if (len == 0 || len % RECORD_BYTES != 0) {
                throw new IllegalArgumentException(files.get(i) + ": length " + len + " bytes is not a positive"
                        + " multiple of the " + RECORD_BYTES + "-byte record; the last whole record ends at byte offset "
                        + (len / RECORD_BYTES) * RECORD_BYTES + " (truncated or not a CIFAR-10 binary batch)");
            }
            total += len / RECORD_BYTES;
        }
        if (total * IMAGE_BYTES > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(total + " images in " + files + " exceed the capacity of one array");
        }
        int n = (int) total;
        double[] features = new double[n * IMAGE_BYTES];
        int[] labels = new int[n];
        int sample = 0;
        for (int i = 0; i < lengths.length; i++) {
            Path f = files.get(i);
            byte[] bytes = contents.get(i);
            if (bytes.length != lengths[i]) {
                throw new IllegalArgumentException(f + ": length changed while reading, now " + bytes.length
                        + " bytes, was " + lengths[i]);
            }
            for (int off = 0; off < bytes.length; off += RECORD_BYTES, sample++) {
                int label = bytes[off] & 0xFF;
                if (label >= CLASS_COUNT) {
                    throw new IllegalArgumentException(f + ": label " + label + " at byte offset " + off + " (record "
                            + off / RECORD_BYTES + "), expected < " + CLASS_COUNT);
                }
                labels[sample] = label;
                int base = sample * IMAGE_BYTES;
                for (int k = 0; k < IMAGE_BYTES; k++) {
                    features[base + k] = (bytes[off + 1 + k] & 0xFF) / 255.0;
                }
            }
        }
        return Dataset.wrapClassification(name, split, new int[] {3, 32, 32}, features, labels, CLASS_COUNT);
    }

    private static void requireDir(Path dir) {
        if (dir == null) {
            throw new IllegalArgumentException("dir is null, expected the folder holding the CIFAR-10 batches");
        }
    }

    private static void requireText(String what, String s) {
        if (s == null || s.isBlank()) {
            throw new IllegalArgumentException(what + " is " + (s == null ? "null" : "blank")
                    + ", expected a non-empty description");
        }
    }
}
