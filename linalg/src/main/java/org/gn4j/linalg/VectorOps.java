package org.gn4j.linalg;

/**
 * Level-1 kernels on flat {@code double[]} vectors with offsets. All methods are allocation-free, work on
 * {@code n} consecutive entries and check their ranges once per call (never per element).
 *
 * <p>The two-array forms without offsets operate on whole arrays and require equal lengths.
 */
public final class VectorOps {
    private VectorOps() {
    }

    /**
     * Returns {@code Σ x[xOff+i]·y[yOff+i]} for {@code i < n}. Four partial sums break the dependency chain.
     *
     * @param n number of entries, {@code >= 0}
     * @param x the array holding x
     * @param xOff index of x's first entry in {@code x}
     * @param y the array holding y
     * @param yOff index of y's first entry in {@code y}
     * @return the dot product; 0 for {@code n == 0}
     */
    public static double dot(int n, double[] x, int xOff, double[] y, int yOff) {
        ArgumentChecks.requireRange("x", x, xOff, n);
        ArgumentChecks.requireRange("y", y, yOff, n);
        return dotUnchecked(n, x, xOff, y, yOff);
    }

    static double dotUnchecked(int n, double[] x, int xOff, double[] y, int yOff) {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            s0 += x[xOff + i] * y[yOff + i];
            s1 += x[xOff + i + 1] * y[yOff + i + 1];
            s2 += x[xOff + i + 2] * y[yOff + i + 2];
            s3 += x[xOff + i + 3] * y[yOff + i + 3];
        }
        for (; i < n; i++) {
            s0 += x[xOff + i] * y[yOff + i];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /**
     * Returns the dot product of two whole arrays of equal length.
     *
     * @param x first vector; not null
     * @param y second vector, of the length of {@code x} (else {@link IllegalArgumentException})
     * @return {@code Σ x_i·y_i}; 0 for empty arrays
     */
    public static double dot(double[] x, double[] y) {
        ArgumentChecks.requireLength("y", y, x.length);
        return dotUnchecked(x.length, x, 0, y, 0);
    }

    /**
     * {@code y[yOff+i] += alpha·x[xOff+i]} for {@code i < n}.
     *
     * @param n number of entries, {@code >= 0}
     * @param alpha scale of x
     * @param x the array holding x; not modified
     * @param xOff index of x's first entry in {@code x}
     * @param y the array holding y, updated in place
     * @param yOff index of y's first entry in {@code y}
     */
    public static void axpy(int n, double alpha, double[] x, int xOff, double[] y, int yOff) {
        ArgumentChecks.requireRange("x", x, xOff, n);
        ArgumentChecks.requireRange("y", y, yOff, n);
        axpyUnchecked(n, alpha, x, xOff, y, yOff);
    }

    static void axpyUnchecked(int n, double alpha, double[] x, int xOff, double[] y, int yOff) {
        for (int i = 0; i < n; i++) {
            y[yOff + i] += alpha * x[xOff + i];
        }
    }

    /**
     * {@code y += alpha·x} on whole arrays of equal length.
     *
     * @param alpha scale of x
     * @param x the vector added; not modified
     * @param y the vector updated in place, of the length of {@code x} (else {@link IllegalArgumentException})
     */
    public static void axpy(double alpha, double[] x, double[] y) {
        ArgumentChecks.requireLength("y", y, x.length);
        axpyUnchecked(x.length, alpha, x, 0, y, 0);
    }

    /**
     * {@code y = x + beta·y} on whole arrays (the CG search-direction update {@code p = z + βp}).
     *
     * @param x the vector added; not modified
     * @param beta scale of y
     * @param y the vector updated in place, of the length of {@code x} (else {@link IllegalArgumentException})
     */
    public static void xpby(double[] x, double beta, double[] y) {
        ArgumentChecks.requireLength("y", y, x.length);
        for (int i = 0; i < x.length; i++) {
            y[i] = x[i] + beta * y[i];
        }
    }

    /**
     * {@code x[xOff+i] *= alpha} for {@code i < n}.
     *
     * @param n number of entries, {@code >= 0}
     * @param alpha the scale factor
     * @param x the array holding x, scaled in place
     * @param xOff index of x's first entry in {@code x}
     */
    public static void scal(int n, double alpha, double[] x, int xOff) {
        ArgumentChecks.requireRange("x", x, xOff, n);
        for (int i = 0; i < n; i++) {
            x[xOff + i] *= alpha;
        }
    }

    /**
     * {@code x *= alpha} on the whole array.
     *
     * @param alpha the scale factor
     * @param x the vector, scaled in place; not null
     */
    public static void scal(double alpha, double[] x) {
        for (int i = 0; i < x.length; i++) {
            x[i] *= alpha;
        }
    }

    /**
     * Copies {@code n} entries from {@code x} to {@code y}; overlapping ranges of one array are handled.
     *
     * @param n number of entries, {@code >= 0}
     * @param x the source array
     * @param xOff index of the first entry copied
     * @param y the destination array (may be {@code x})
     * @param yOff index in {@code y} receiving the first entry
     */
    public static void copy(int n, double[] x, int xOff, double[] y, int yOff) {
        ArgumentChecks.requireRange("x", x, xOff, n);
        ArgumentChecks.requireRange("y", y, yOff, n);
        System.arraycopy(x, xOff, y, yOff, n);
    }

    /**
     * Copies the whole of {@code x} into {@code y} (equal lengths).
     *
     * @param x the source; not null
     * @param y the destination, of the length of {@code x} (else {@link IllegalArgumentException})
     */
    public static void copy(double[] x, double[] y) {
        ArgumentChecks.requireLength("y", y, x.length);
        System.arraycopy(x, 0, y, 0, x.length);
    }

    /**
     * Euclidean norm {@code ‖x‖₂} of {@code n} entries, computed without overflow or harmful underflow: a plain sum
     * of squares when it is safely representable, otherwise a rescaled pass (as LAPACK's {@code dnrm2}).
     *
     * @param n number of entries, {@code >= 0}
     * @param x the array holding x
     * @param xOff index of x's first entry in {@code x}
     * @return {@code ‖x‖₂ ≥ 0}; NaN if an entry is NaN (and no entry is infinite), +∞ if an entry is infinite; 0 for
     *         {@code n == 0}
     */
    public static double norm2(int n, double[] x, int xOff) {
        ArgumentChecks.requireRange("x", x, xOff, n);
        double s = dotUnchecked(n, x, xOff, x, xOff);
        if (s > 1e-280 && s < 1e280) {
            return Math.sqrt(s);
        }
        if (Double.isNaN(s)) {
            return s;
        }
        double scale = 0;
        for (int i = 0; i < n; i++) {
            scale = Math.max(scale, Math.abs(x[xOff + i]));
        }
        if (scale == 0 || Double.isInfinite(scale)) {
            return scale;
        }
        double inv = 1.0 / scale;
        double t = 0;
        for (int i = 0; i < n; i++) {
            double v = x[xOff + i] * inv;
            t += v * v;
        }
        return scale * Math.sqrt(t);
    }

    /**
     * Euclidean norm of the whole array.
     *
     * @param x the vector; not null
     * @return {@code ‖x‖₂}, as {@link #norm2(int, double[], int)}
     */
    public static double norm2(double[] x) {
        return norm2(x.length, x, 0);
    }

    /**
     * Infinity norm {@code max |x_i|}; NaN if any entry is NaN.
     *
     * @param n number of entries, {@code >= 0}
     * @param x the array holding x
     * @param xOff index of x's first entry in {@code x}
     * @return {@code max |x_i|}, NaN if an entry is NaN, 0 for {@code n == 0}
     */
    public static double normInf(int n, double[] x, int xOff) {
        ArgumentChecks.requireRange("x", x, xOff, n);
        double m = 0;
        for (int i = 0; i < n; i++) {
            double a = Math.abs(x[xOff + i]);
            if (!(a <= m)) {
                if (Double.isNaN(a)) {
                    return a;
                }
                m = a;
            }
        }
        return m;
    }

    /**
     * Infinity norm of the whole array.
     *
     * @param x the vector; not null
     * @return {@code max |x_i|}, NaN if an entry is NaN, 0 for an empty array
     */
    public static double normInf(double[] x) {
        return normInf(x.length, x, 0);
    }

    /**
     * One-norm {@code Σ |x_i|}.
     *
     * @param n number of entries, {@code >= 0}
     * @param x the array holding x
     * @param xOff index of x's first entry in {@code x}
     * @return {@code Σ |x_i|}; 0 for {@code n == 0}
     */
    public static double norm1(int n, double[] x, int xOff) {
        ArgumentChecks.requireRange("x", x, xOff, n);
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += Math.abs(x[xOff + i]);
        }
        return s;
    }

    /**
     * Sets {@code n} entries to {@code value}.
     *
     * @param n number of entries, {@code >= 0}
     * @param value the value written
     * @param x the array, filled in place
     * @param xOff index of the first entry written
     */
    public static void fill(int n, double value, double[] x, int xOff) {
        ArgumentChecks.requireRange("x", x, xOff, n);
        java.util.Arrays.fill(x, xOff, xOff + n, value);
    }

    /**
     * True when every one of the {@code n} entries is finite.
     *
     * @param n number of entries, {@code >= 0}
     * @param x the array holding x
     * @param xOff index of x's first entry in {@code x}
     * @return true when no entry is NaN or infinite (true for {@code n == 0})
     */
    public static boolean allFinite(int n, double[] x, int xOff) {
        ArgumentChecks.requireRange("x", x, xOff, n);
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(x[xOff + i])) {
                return false;
            }
        }
        return true;
    }

    /**
     * True when every entry of the array is finite.
     *
     * @param x the vector; not null
     * @return true when no entry is NaN or infinite (true for an empty array)
     */
    public static boolean allFinite(double[] x) {
        return allFinite(x.length, x, 0);
    }

    /**
     * Elementwise product {@code z_i = x_i·y_i} on whole arrays of equal length; z may alias x or y.
     *
     * @param x first factor; not null
     * @param y second factor, of the length of {@code x}
     * @param z receives the product, of the length of {@code x}; may be {@code x} or {@code y}
     */
    public static void multiply(double[] x, double[] y, double[] z) {
        ArgumentChecks.requireLength("y", y, x.length);
        ArgumentChecks.requireLength("z", z, x.length);
        for (int i = 0; i < x.length; i++) {
            z[i] = x[i] * y[i];
        }
    }
}
