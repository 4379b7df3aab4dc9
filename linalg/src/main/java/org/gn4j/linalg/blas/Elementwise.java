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
     * @throws IllegalArgumentException if {@code n} is negative or a range does not fit its array
     */
    void tanh(int n, double[] x, int xOff, double[] y, int yOff, double[] dy, int dyOff);

    /** "cpu-vector" or "cpu-scalar". */
    String name();

    /** Range checks shared by the implementations. */
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
