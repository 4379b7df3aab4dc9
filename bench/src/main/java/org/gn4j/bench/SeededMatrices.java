package org.gn4j.bench;

import java.util.Random;

import org.ejml.data.DMatrixRMaj;

/**
 * Seeded inputs for the demo and the benchmarks. {@link Random} is specified bit for bit, so the same seed gives the
 * same matrix on every machine and every JDK. (The test kit in {@code linalg}'s test-jar has richer generators but
 * is not on the runtime class path.)
 */
public final class SeededMatrices {
    private SeededMatrices() {
    }

    /**
     * A {@code rows×cols} matrix with independent N(0, 1) entries.
     *
     * @throws IllegalArgumentException when a dimension is negative
     */
    public static DMatrixRMaj gaussian(int rows, int cols, long seed) {
        if (rows < 0 || cols < 0) {
            throw new IllegalArgumentException("shape is " + rows + "x" + cols + ", expected non-negative sizes");
        }
        Random r = new Random(seed);
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < m.data.length; i++) {
            m.data[i] = r.nextGaussian();
        }
        return m;
    }
}
