package org.gn4j.linalg.blas;

import org.gn4j.linalg.ArgumentChecks;

/**
 * Elementwise transcendental functions over arrays, the activation functions' hot loops ({@link Math#tanh} is one
 * library call per entry, about 30 ns here). {@link BlasProvider#elementwise()} gives the Vector API implementation
 * when the JVM runs with {@code --add-modules jdk.incubator.vector}, else a scalar one; both evaluate the same
 * sequence of correctly rounded operations ({@link Tanh}), so they return the same bits, before and after the JIT
 * compiles them, with or without the module.
 *
 * <p>Accuracy: within 4 ulps of {@link Math#tanh}; exact on ±0, ±∞, NaN, tiny arguments and at saturation.
 */
public interface Elementwise {
    /**
     * {@code y[yOff+i] = tanh(x[xOff+i])} and {@code dy[dyOff+i] = 1 − y[yOff+i]²} (one rounding) for
     * {@code i < n}; {@code dy} may be null (then only y is written).
     *
     * @param n number of entries, {@code >= 0}
     * @param x the arguments; not modified
     * @param xOff index of the first argument in {@code x}
     * @param y receives {@code tanh} of each argument
     * @param yOff index of the first result in {@code y}
     * @param dy receives the derivatives {@code 1 − tanh²}, or null to skip them
     * @param dyOff index of the first derivative in {@code dy} (ignored when {@code dy} is null)
     * @throws IllegalArgumentException if {@code n} is negative or a range does not fit its array
     */
    void tanh(int n, double[] x, int xOff, double[] y, int yOff, double[] dy, int dyOff);

    /**
     * "cpu-vector" or "cpu-scalar".
     *
     * @return the implementation's short name: {@code "cpu-vector"} or {@code "cpu-scalar"}
     */
    String name();

    /**
     * Range checks shared by the implementations.
     *
     * @param n number of entries; negative throws {@link IllegalArgumentException}
     * @param x the arguments
     * @param xOff index of the first argument in {@code x}
     * @param y the results array
     * @param yOff index of the first result in {@code y}
     * @param dy the derivatives array, or null (then not checked)
     * @param dyOff index of the first derivative in {@code dy}
     */
    static void checkTanh(int n, double[] x, int xOff, double[] y, int yOff, double[] dy, int dyOff) {
        if (n < 0) {
            throw new IllegalArgumentException("n must be non-negative, found " + n);
        }
        ArgumentChecks.requireRange("x", x, xOff, n);
        ArgumentChecks.requireRange("y", y, yOff, n);
        if (dy != null) {
            ArgumentChecks.requireRange("dy", dy, dyOff, n);
        }
    }

    /** {@link Tanh#tanh} per entry: the same bits as the vector implementation. */
    final class Scalar implements Elementwise {
        @Override
        public void tanh(int n, double[] x, int xOff, double[] y, int yOff, double[] dy, int dyOff) {
            checkTanh(n, x, xOff, y, yOff, dy, dyOff);
            for (int i = 0; i < n; i++) {
                double t = Tanh.tanh(x[xOff + i]);
                y[yOff + i] = t;
                if (dy != null) {
                    dy[dyOff + i] = Math.fma(-t, t, 1.0);
                }
            }
        }

        @Override
        public String name() {
            return "cpu-scalar";
        }
    }
}
