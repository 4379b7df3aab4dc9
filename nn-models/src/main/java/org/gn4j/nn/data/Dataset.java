package org.gn4j.nn.data;

import java.util.Arrays;
import java.util.Objects;

/**
 * An immutable data set of {@code n} samples: features as one flat row-major {@code double[]} of {@code n ×
 * featureSize()} entries (sample {@code i} occupies {@code [i·featureSize, (i+1)·featureSize)}), targets as one flat
 * {@code double[]} of {@code n × targetWidth()} entries, a per-sample feature shape (for example {@code {1, 28, 28}}
 * for a grey image in channel-height-width order, or {@code {d}} for a vector), and, for classification, integer class
 * labels in {@code [0, classCount())} whose one-hot encodings are the targets.
 *
 * <p>The {@link #split()} string says where the samples come from, for example
 * {@code "MNIST-10k train (8,000 of the 10,000-image subset)"}, so a reported number can always be traced to its data.
 *
 * <p>The public factories copy their arrays; accessors that return arrays return copies. Mini-batches are gathered
 * without allocation by {@link #copyFeatures(int[], int, int, double[])} and {@link #copyTargets(int[], int, int,
 * double[])} into caller-owned buffers.
 */
public final class Dataset {
    private final String name;
    private final String split;
    private final int size;
    private final int[] featureShape;
    private final int featureSize;
    private final double[] features;
    private final int targetWidth;
    private final double[] targets;
    private final int[] labels;
    private final int classCount;

    /** No-copy constructor for the package's readers; every argument has been validated by the caller. */
    private Dataset(String name, String split, int size, int[] featureShape, double[] features, int targetWidth,
            double[] targets, int[] labels, int classCount) {
        this.name = name;
        this.split = split;
        this.size = size;
        this.featureShape = featureShape;
        this.featureSize = product(featureShape);
        this.features = features;
        this.targetWidth = targetWidth;
        this.targets = targets;
        this.labels = labels;
        this.classCount = classCount;
    }

    /**
     * A regression (or any real-target) data set. The sample count is {@code targets.length / targetWidth}.
     *
     * @param name         short name, for example {@code "sine-wave"}
     * @param split        where the samples come from
     * @param featureShape per-sample feature shape, every dimension positive
     * @param features     {@code n × product(featureShape)} finite values, row-major (copied)
     * @param targetWidth  number of target values per sample, positive
     * @param targets      {@code n × targetWidth} finite values, row-major (copied)
     * @return the new data set, independent of the arrays passed
     * @throws IllegalArgumentException if a shape or length does not fit, or a value is not finite
     */
    public static Dataset of(String name, String split, int[] featureShape, double[] features, int targetWidth,
            double[] targets) {
        requireText("name", name);
        requireText("split", split);
        int[] shape = checkShape(featureShape);
        if (targetWidth <= 0) {
            throw new IllegalArgumentException("targetWidth is " + targetWidth + ", expected > 0");
        }
        Objects.requireNonNull(targets, "targets");
        if (targets.length % targetWidth != 0) {
            throw new IllegalArgumentException("targets has length " + targets.length
                    + ", expected a multiple of targetWidth " + targetWidth);
        }
        int n = targets.length / targetWidth;
        checkFeatures(features, n, product(shape));
        requireFinite("targets", targets);
        return new Dataset(name, split, n, shape, features.clone(), targetWidth, targets.clone(), null, 0);
    }

    /**
     * A classification data set; the targets are the one-hot encodings of the labels ({@code targetWidth() ==
     * classCount}).
     *
     * @param name         short name, for example {@code "mnist-10k"}; not blank
     * @param split        where the samples come from; not blank
     * @param featureShape per-sample feature shape, every dimension positive
     * @param features     {@code n × product(featureShape)} finite values, row-major (copied)
     * @param labels       {@code n} class labels in {@code [0, classCount)} (copied)
     * @param classCount   number of classes, positive
     * @return the new data set, independent of the arrays passed
     * @throws IllegalArgumentException if a shape or length does not fit, a feature is not finite or a label is out of
     *                                  range
     */
    public static Dataset classification(String name, String split, int[] featureShape, double[] features,
            int[] labels, int classCount) {
        requireText("name", name);
        requireText("split", split);
        int[] shape = checkShape(featureShape);
        Objects.requireNonNull(labels, "labels");
        checkFeatures(features, labels.length, product(shape));
        double[] targets = OneHot.encode(labels, classCount);
        return new Dataset(name, split, labels.length, shape, features.clone(), classCount, targets, labels.clone(),
                classCount);
    }

    /** Package-private no-copy factory for classification sets built by the readers (labels already checked). */
    static Dataset wrapClassification(String name, String split, int[] featureShape, double[] features, int[] labels,
            int classCount) {
        return new Dataset(name, split, labels.length, featureShape, features, classCount,
                OneHot.encode(labels, classCount), labels, classCount);
    }

    /** Package-private no-copy factory for real-target sets built by the readers and generators. */
    static Dataset wrap(String name, String split, int[] featureShape, double[] features, int targetWidth,
            double[] targets) {
        return new Dataset(name, split, targets.length / targetWidth, featureShape, features, targetWidth, targets,
                null, 0);
    }

    /** The same samples, labels and targets with new features of the same shape (no copy; for transforms). */
    Dataset withFeaturesUnsafe(double[] newFeatures) {
        return new Dataset(name, split, size, featureShape, newFeatures, targetWidth, targets, labels, classCount);
    }

    /** Read-only access for the package's transforms; callers must not modify the array. */
    double[] featuresUnsafe() {
        return features;
    }

    /**
     * Short name of the data set, for example {@code "mnist-10k"}.
     *
     * @return the short name, never blank
     */
    public String name() {
        return name;
    }

    /**
     * Where the samples come from, for example {@code "Fashion-MNIST test (non-official 60,000/10,000 split)"}.
     *
     * @return the split description, never blank
     */
    public String split() {
        return split;
    }

    /**
     * The same data set with another split description.
     *
     * @param newSplit the new split description; not blank (else {@link IllegalArgumentException})
     * @return a data set sharing this one's (immutable) arrays, with the new split
     */
    public Dataset withSplit(String newSplit) {
        requireText("split", newSplit);
        return new Dataset(name, newSplit, size, featureShape, features, targetWidth, targets, labels, classCount);
    }

    /**
     * Number of samples {@code n}.
     *
     * @return the number of samples, {@code >= 0}
     */
    public int size() {
        return size;
    }

    /**
     * Per-sample feature shape (a copy), for example {@code {1, 28, 28}} or {@code {d}}.
     *
     * @return a new array holding the feature shape
     */
    public int[] featureShape() {
        return featureShape.clone();
    }

    /**
     * Number of feature values per sample: the product of {@link #featureShape()}.
     *
     * @return the number of feature values per sample, {@code >= 1}
     */
    public int featureSize() {
        return featureSize;
    }

    /**
     * Number of target values per sample (the class count for classification sets).
     *
     * @return the number of target values per sample, {@code >= 1}
     */
    public int targetWidth() {
        return targetWidth;
    }

    /**
     * Whether the set carries integer class labels (classification).
     *
     * @return true for a classification set, false for a real-target set
     */
    public boolean hasLabels() {
        return labels != null;
    }

    /**
     * Number of classes, or 0 for a set without labels.
     *
     * @return the number of classes, or 0 without labels
     */
    public int classCount() {
        return classCount;
    }

    /**
     * The class labels (a copy), one per sample.
     *
     * @return a new array of {@code size()} labels in {@code [0, classCount())}
     * @throws IllegalStateException if the set has no labels (see {@link #hasLabels()})
     */
    public int[] labels() {
        return requireLabels().clone();
    }

    /**
     * The class label of sample {@code i}.
     *
     * @param i the sample index
     * @return the label, in {@code [0, classCount())}
     * @throws IllegalStateException     if the set has no labels
     * @throws IndexOutOfBoundsException if {@code i} is outside {@code [0, size())}
     */
    public int label(int i) {
        int[] l = requireLabels();
        Objects.checkIndex(i, size);
        return l[i];
    }

    /**
     * Number of samples per class, {@code classCount()} entries that sum to {@link #size()}.
     *
     * @return a new array of {@code classCount()} counts
     * @throws IllegalStateException if the set has no labels
     */
    public int[] classHistogram() {
        int[] counts = new int[classCount];
        for (int l : requireLabels()) {
            counts[l]++;
        }
        return counts;
    }

    /**
     * All features (a copy of the {@code n × featureSize()} row-major array).
     *
     * @return a new array of {@code size() × featureSize()} values
     */
    public double[] features() {
        return features.clone();
    }

    /**
     * All targets (a copy of the {@code n × targetWidth()} row-major array).
     *
     * @return a new array of {@code size() × targetWidth()} values
     */
    public double[] targets() {
        return targets.clone();
    }

    /**
     * Feature {@code j} (flat index within the sample's shape) of sample {@code i}.
     *
     * @param i the sample index, in {@code [0, size())}
     * @param j the flat feature index, in {@code [0, featureSize())}
     * @return the feature value
     * @throws IndexOutOfBoundsException if an index is out of range
     */
    public double feature(int i, int j) {
        Objects.checkIndex(i, size);
        Objects.checkIndex(j, featureSize);
        return features[i * featureSize + j];
    }

    /**
     * Target {@code j} of sample {@code i}.
     *
     * @param i the sample index, in {@code [0, size())}
     * @param j the target index, in {@code [0, targetWidth())}
     * @return the target value
     * @throws IndexOutOfBoundsException if an index is out of range
     */
    public double target(int i, int j) {
        Objects.checkIndex(i, size);
        Objects.checkIndex(j, targetWidth);
        return targets[i * targetWidth + j];
    }

    /**
     * Gathers the features of samples {@code indices[from], …, indices[from + count − 1]} into rows {@code 0 … count −
     * 1} of {@code dest} (row-major, {@code featureSize()} values per row). Allocates nothing.
     *
     * @param indices the sample indices, each in {@code [0, size())}; not modified
     * @param from position in {@code indices} of the first sample gathered
     * @param count number of samples gathered, {@code >= 0}
     * @param dest receives {@code count × featureSize()} values from index 0; entries beyond are left untouched
     * @throws IllegalArgumentException if the range lies outside {@code indices}, {@code dest} holds fewer than {@code
     *                                  count × featureSize()} values, or an index is outside {@code [0, size())}
     */
    public void copyFeatures(int[] indices, int from, int count, double[] dest) {
        gather(features, featureSize, "features", indices, from, count, dest);
    }

    /**
     * Gathers the targets of samples {@code indices[from], …, indices[from + count − 1]} into rows {@code 0 … count −
     * 1} of {@code dest} (row-major, {@code targetWidth()} values per row). Allocates nothing.
     *
     * @param indices the sample indices, each in {@code [0, size())}; not modified
     * @param from position in {@code indices} of the first sample gathered
     * @param count number of samples gathered, {@code >= 0}
     * @param dest receives {@code count × targetWidth()} values from index 0; entries beyond are left untouched
     * @throws IllegalArgumentException as {@link #copyFeatures(int[], int, int, double[])}
     */
    public void copyTargets(int[] indices, int from, int count, double[] dest) {
        gather(targets, targetWidth, "targets", indices, from, count, dest);
    }

    /**
     * Gathers the labels of samples {@code indices[from], …, indices[from + count − 1]} into {@code dest[0 … count −
     * 1]}. Allocates nothing.
     *
     * @param indices the sample indices, each in {@code [0, size())}; not modified
     * @param from position in {@code indices} of the first sample gathered
     * @param count number of samples gathered, {@code >= 0}
     * @param dest receives {@code count} labels from index 0
     * @throws IllegalStateException    if the set has no labels
     * @throws IllegalArgumentException if a range or index is out of bounds
     */
    public void copyLabels(int[] indices, int from, int count, int[] dest) {
        int[] l = requireLabels();
        checkBatch(indices, from, count);
        Objects.requireNonNull(dest, "dest");
        if (dest.length < count) {
            throw new IllegalArgumentException("dest has length " + dest.length + ", expected >= " + count);
        }
        for (int k = 0; k < count; k++) {
            dest[k] = l[checkSample(indices, from + k)];
        }
    }

    /**
     * A new data set holding the samples {@code indices[0], indices[1], …} in that order (repeats allowed), with the
     * split description extended by the subset size.
     *
     * @param indices the sample indices, each in {@code [0, size())}; not null
     * @return a new data set with {@code indices.length} samples, copied out of this one
     * @throws IllegalArgumentException if an index is outside {@code [0, size())}
     */
    public Dataset subset(int[] indices) {
        Objects.requireNonNull(indices, "indices");
        return subset(indices, split + " [subset of " + indices.length + " samples]");
    }

    /**
     * As {@link #subset(int[])} with an explicit split description.
     *
     * @param indices the sample indices, each in {@code [0, size())}; not null
     * @param newSplit the new split description; not blank
     * @return a new data set with {@code indices.length} samples, copied out of this one
     * @throws IllegalArgumentException if an index is outside {@code [0, size())}
     */
    public Dataset subset(int[] indices, String newSplit) {
        Objects.requireNonNull(indices, "indices");
        requireText("split", newSplit);
        int m = indices.length;
        double[] f = new double[Math.multiplyExact(m, featureSize)];
        double[] t = new double[Math.multiplyExact(m, targetWidth)];
        copyFeatures(indices, 0, m, f);
        copyTargets(indices, 0, m, t);
        int[] l = null;
        if (labels != null) {
            l = new int[m];
            copyLabels(indices, 0, m, l);
        }
        return new Dataset(name, newSplit, m, featureShape, f, targetWidth, t, l, classCount);
    }

    /** Name, split, size and shapes, for logs and reports. */
    @Override
    public String toString() {
        return "Dataset[" + name + ", " + split + ", n=" + size + ", featureShape=" + Arrays.toString(featureShape)
                + ", targetWidth=" + targetWidth + (labels != null ? ", classes=" + classCount : "") + "]";
    }

    private void gather(double[] src, int width, String what, int[] indices, int from, int count, double[] dest) {
        checkBatch(indices, from, count);
        Objects.requireNonNull(dest, "dest");
        long needed = (long) count * width;
        if (dest.length < needed) {
            throw new IllegalArgumentException("dest for " + what + " has length " + dest.length + ", expected >= "
                    + needed + " (" + count + " samples x " + width + ")");
        }
        for (int k = 0; k < count; k++) {
            int i = checkSample(indices, from + k);
            System.arraycopy(src, i * width, dest, k * width, width);
        }
    }

    private static void checkBatch(int[] indices, int from, int count) {
        Objects.requireNonNull(indices, "indices");
        if (from < 0 || count < 0 || (long) from + count > indices.length) {
            throw new IllegalArgumentException("batch range [" + from + ", " + ((long) from + count)
                    + ") found, expected within indices [0, " + indices.length + ")");
        }
    }

    private int checkSample(int[] indices, int k) {
        int i = indices[k];
        if (i < 0 || i >= size) {
            throw new IllegalArgumentException("indices[" + k + "] is " + i + ", expected in [0, " + size + ")");
        }
        return i;
    }

    private int[] requireLabels() {
        if (labels == null) {
            throw new IllegalStateException("data set " + name + " has no class labels (it is not a classification"
                    + " set)");
        }
        return labels;
    }

    static int[] checkShape(int[] featureShape) {
        Objects.requireNonNull(featureShape, "featureShape");
        if (featureShape.length == 0) {
            throw new IllegalArgumentException("featureShape is empty, expected at least one dimension");
        }
        long p = 1;
        for (int k = 0; k < featureShape.length; k++) {
            if (featureShape[k] <= 0) {
                throw new IllegalArgumentException("featureShape[" + k + "] is " + featureShape[k] + ", expected > 0");
            }
            p *= featureShape[k];
            if (p > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("featureShape " + Arrays.toString(featureShape)
                        + " has more than " + Integer.MAX_VALUE + " elements");
            }
        }
        return featureShape.clone();
    }

    private static void checkFeatures(double[] features, int n, int featureSize) {
        Objects.requireNonNull(features, "features");
        long expected = (long) n * featureSize;
        if (features.length != expected) {
            throw new IllegalArgumentException("features has length " + features.length + ", expected " + expected
                    + " (" + n + " samples x " + featureSize + ")");
        }
        requireFinite("features", features);
    }

    private static void requireFinite(String what, double[] a) {
        for (int i = 0; i < a.length; i++) {
            if (!Double.isFinite(a[i])) {
                throw new IllegalArgumentException(what + "[" + i + "] is " + a[i] + ", expected a finite value");
            }
        }
    }

    private static void requireText(String what, String s) {
        if (s == null || s.isBlank()) {
            throw new IllegalArgumentException(what + " is " + (s == null ? "null" : "blank")
                    + ", expected a non-empty description");
        }
    }

    private static int product(int[] shape) {
        int p = 1;
        for (int d : shape) {
            p *= d;
        }
        return p;
    }
}
