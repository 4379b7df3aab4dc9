package org.gn4j.nn.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Loads the MNIST-style pair of IDX files ({@code train-images-idx3-ubyte[.gz]} with {@code
 * train-labels-idx1-ubyte[.gz]}, or {@code t10k-*} for the test part) into a classification {@link Dataset}: pixels
 * scaled from {@code [0, 255]} to {@code [0, 1]}, feature shape {@code {1, rows, cols}} ({@code {1, 28, 28}} for MNIST
 * and Fashion-MNIST), one-hot targets over 10 classes, and the integer labels. Works for the official MNIST and
 * Fashion-MNIST files and for the subsets under {@code shared/datasets}.
 */
public final class MnistFormat {
    /** Number of classes of MNIST and Fashion-MNIST. */
    public static final int CLASS_COUNT = 10;

    private MnistFormat() {
    }

    /**
     * Loads one part of an MNIST-style data set.
     *
     * @param dir   folder holding the IDX files (gzip-compressed {@code .gz} preferred, uncompressed accepted)
     * @param part  {@code "train"} or {@code "test"} (the latter reads the {@code t10k-*} files)
     * @param split description of what these samples are, for example {@code "MNIST-10k train (8,000 of the
     *              10,000-image subset)"}
     * @return a data set named after the folder
     * @throws IllegalArgumentException if an argument is null, {@code split} is blank, {@code part} is unknown, a
     *                                  file is malformed, holds no images or images of zero rows or columns, the
     *                                  image and label counts differ or a label is not below 10 (messages name the
     *                                  file and byte offset)
     * @throws NoSuchFileException      if a file is missing
     * @throws IOException              if a file cannot be read
     */
    public static Dataset load(Path dir, String part, String split) throws IOException {
        if (dir == null) {
            throw new IllegalArgumentException("dir is null, expected the folder holding the IDX files");
        }
        if (split == null || split.isBlank()) {
            throw new IllegalArgumentException("split is " + (split == null ? "null" : "blank")
                    + ", expected a description of the samples");
        }
        String prefix;
        if ("train".equals(part)) {
            prefix = "train";
        } else if ("test".equals(part)) {
            prefix = "t10k";
        } else {
            throw new IllegalArgumentException("part is " + (part == null ? "null" : "'" + part + "'")
                    + ", expected \"train\" or \"test\"");
        }
        Path imagesFile = locate(dir, prefix + "-images-idx3-ubyte");
        Path labelsFile = locate(dir, prefix + "-labels-idx1-ubyte");
        String name = dir.getFileName() == null ? dir.toString() : dir.getFileName().toString();
        return toDataset(name, split, IdxReader.readImages(imagesFile), IdxReader.readLabels(labelsFile));
    }

    /**
     * The data set of an image file and a label file already read (their {@link IdxReader.IdxData#file()} name them
     * in messages).
     *
     * @throws IllegalArgumentException as {@link #load} for the pair
     */
    static Dataset toDataset(String name, String split, IdxReader.IdxData images, IdxReader.IdxData labels) {
        Path imagesFile = images.file();
        Path labelsFile = labels.file();
        if (images.count() != labels.count()) {
            throw new IllegalArgumentException(imagesFile + " holds " + images.count() + " images but " + labelsFile
                    + " holds " + labels.count() + " labels (count at byte offset 4 of each), expected equal counts");
        }
        int n = images.count();
        int[] dims = images.dimensions();
        if (n == 0 || dims[1] == 0 || dims[2] == 0) {
            throw new IllegalArgumentException(imagesFile + ": dimensions " + java.util.Arrays.toString(dims)
                    + " at byte offset 4, expected at least one image of at least one row and one column");
        }
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            int l = labels.unsigned(i);
            if (l >= CLASS_COUNT) {
                throw new IllegalArgumentException(labelsFile + ": label " + l + " at byte offset " + (8 + i)
                        + " (item " + i + "), expected < " + CLASS_COUNT);
            }
            y[i] = l;
        }
        byte[] raw = images.data();
        double[] features = new double[raw.length];
        for (int i = 0; i < raw.length; i++) {
            features[i] = (raw[i] & 0xFF) / 255.0;
        }
        return Dataset.wrapClassification(name, split, new int[] {1, dims[1], dims[2]}, features, y, CLASS_COUNT);
    }

    private static Path locate(Path dir, String base) throws NoSuchFileException {
        Path gz = dir.resolve(base + ".gz");
        if (Files.isRegularFile(gz)) {
            return gz;
        }
        Path plain = dir.resolve(base);
        if (Files.isRegularFile(plain)) {
            return plain;
        }
        throw new NoSuchFileException(gz.toString(), null, "neither " + gz.getFileName() + " nor " + base
                + " exists in " + dir);
    }
}
