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

    /** Returns {@code Σ x[xOff+i]·y[yOff+i]} for {@code i < n}. Four partial sums break the dependency chain. */
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

    /** Returns the dot product of two whole arrays of equal length. */
    public static double dot(double[] x, double[] y) {
        ArgumentChecks.requireLength("y", y, x.length);
        return dotUnchecked(x.length, x, 0, y, 0);
    }

    /** {@code y[yOff+i] += alpha·x[xOff+i]} for {@code i < n}. */
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

    /** {@code y += alpha·x} on whole arrays of equal length. */
    public static void axpy(double alpha, double[] x, double[] y) {
        ArgumentChecks.requireLength("y", y, x.length);
        axpyUnchecked(x.length, alpha, x, 0, y, 0);
    }

    /** {@code y = x + beta·y} on whole arrays (the CG search-direction update {@code p = z + βp}). */
    public static void xpby(double[] x, double beta, double[] y) {
        ArgumentChecks.requireLength("y", y, x.length);
        for (int i = 0; i < x.length; i++) {
            y[i] = x[i] + beta * y[i];
        }
    }

    /** {@code x[xOff+i] *= alpha} for {@code i < n}. */
    public static void scal(int n, double alpha, double[] x, int xOff) {
        ArgumentChecks.requireRange("x", x, xOff, n);
        for (int i = 0; i < n; i++) {
            x[xOff + i] *= alpha;
        }
    }

    /** {@code x *= alpha} on the whole array. */
    public static void scal(double alpha, double[] x) {
        for (int i = 0; i < x.length; i++) {
            x[i] *= alpha;
        }
    }

    /** Copies {@code n} entries from {@code x} to {@code y}; overlapping ranges of one array are handled. */
    public static void copy(int n, double[] x, int xOff, double[] y, int yOff) {
        ArgumentChecks.requireRange("x", x, xOff, n);
        ArgumentChecks.requireRange("y", y, yOff, n);
        System.arraycopy(x, xOff, y, yOff, n);
    }

    /** Copies the whole of {@code x} into {@code y} (equal lengths). */
    public static void copy(double[] x, double[] y) {
        ArgumentChecks.requireLength("y", y, x.length);
        System.arraycopy(x, 0, y, 0, x.length);
    }

    /**
     * Euclidean norm {@code ‖x‖₂} of {@code n} entries, computed without overflow or harmful underflow: a plain sum
     * of squares when it is safely representable, otherwise a rescaled pass (as LAPACK's {@code dnrm2}).
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

    /** Euclidean norm of the whole array. */
    public static double norm2(double[] x) {
        return norm2(x.length, x, 0);
    }

    /** Infinity norm {@code max |x_i|}; NaN if any entry is NaN. */
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

    /** Infinity norm of the whole array. */
    public static double normInf(double[] x) {
        return normInf(x.length, x, 0);
    }

    /** One-norm {@code Σ |x_i|}. */
    public static double norm1(int n, double[] x, int xOff) {
        ArgumentChecks.requireRange("x", x, xOff, n);
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += Math.abs(x[xOff + i]);
        }
        return s;
    }

    /** Sets {@code n} entries to {@code value}. */
    public static void fill(int n, double value, double[] x, int xOff) {
        ArgumentChecks.requireRange("x", x, xOff, n);
        java.util.Arrays.fill(x, xOff, xOff + n, value);
    }

    /** True when every one of the {@code n} entries is finite. */
    public static boolean allFinite(int n, double[] x, int xOff) {
        ArgumentChecks.requireRange("x", x, xOff, n);
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(x[xOff + i])) {
                return false;
            }
        }
        return true;
    }

    /** True when every entry of the array is finite. */
    public static boolean allFinite(double[] x) {
        return allFinite(x.length, x, 0);
    }

    /** Elementwise product {@code z_i = x_i·y_i} on whole arrays of equal length; z may alias x or y. */
    public static void multiply(double[] x, double[] y, double[] z) {
        ArgumentChecks.requireLength("y", y, x.length);
        ArgumentChecks.requireLength("z", z, x.length);
        for (int i = 0; i < x.length; i++) {
            z[i] = x[i] * y[i];
        }
    }
}
