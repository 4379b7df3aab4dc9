package org.gn4j.linalg.blas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;

/**
 * One seeded random GEMM {@code C = α·op(A)·op(B) + β·C} for the float64 and float32 tests alike: operands at
 * offsets with leading dimensions wider than their rows, C surrounded by padding (and NaN where β = 0, which must not
 * be read), and the naive reference product summed in float64 together with the magnitudes
 * {@code Σ_p |α·a_ip·b_pj| + |β·c_ij|} that bound its rounding error. With {@code floatValues} every operand and
 * entry of C is a float, so the float32 tests can run on {@link #toFloat} copies against the same reference.
 */
final class GemmCase {
    /** What surrounds C and must stay as it is. */
    static final double PAD = 7.5;

    final boolean ta;
    final boolean tb;
    final int m;
    final int n;
    final int k;
    final double alpha;
    final double beta;
    final int aOff = 3;
    final int lda;
    final int bOff = 5;
    final int ldb;
    final int cOff = 2;
    final int ldc;
    final double[] a;
    final double[] b;
    final double[] c;
    private final double[] expect;
    private final double[] scale;

    GemmCase(boolean ta, boolean tb, int m, int n, int k, double alpha, double beta, boolean floatValues, Random r) {
        this.ta = ta;
        this.tb = tb;
        this.m = m;
        this.n = n;
        this.k = k;
        this.alpha = alpha;
        this.beta = beta;
        int aRows = ta ? k : m;
        int aCols = ta ? m : k;
        int bRows = tb ? n : k;
        int bCols = tb ? k : n;
        lda = aCols + 2;
        ldb = bCols + 1;
        ldc = n + 3;
        a = gaussian(aOff + aRows * lda, floatValues, r);
        b = gaussian(bOff + bRows * ldb, floatValues, r);
        c = new double[cOff + m * ldc + 4];
        Arrays.fill(c, PAD);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double v = r.nextGaussian();
                c[cOff + i * ldc + j] = beta == 0 ? Double.NaN : floatValues ? (float) v : v;
            }
        }
        expect = new double[m * n];
        scale = new double[m * n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                double abs = 0;
                for (int p = 0; p < k; p++) {
                    double av = ta ? a[aOff + p * lda + i] : a[aOff + i * lda + p];
                    double bv = tb ? b[bOff + j * ldb + p] : b[bOff + p * ldb + j];
                    s += av * bv;
                    abs += Math.abs(av * bv);
                }
                double c0 = beta == 0 ? 0 : c[cOff + i * ldc + j];
                expect[i * n + j] = alpha * s + beta * c0;
                scale[i * n + j] = Math.abs(alpha) * abs + Math.abs(beta * c0);
            }
        }
    }

    /** One case of {@link #sweep}. */
    interface Check {
        void run(boolean ta, boolean tb, int m, int n, int k, double alpha, double beta);
    }

    /**
     * Every {@code (m, n, k)} over {@code sizes} with {@code m·n·k ≤ maxWork}, each with all four transpose flags
     * and (α, β) cycling through (1, 0), (−0.75, 1), (2.5, −0.5).
     */
    static void sweep(int[] sizes, long maxWork, Check check) {
        double[][] alphaBeta = {{1, 0}, {-0.75, 1}, {2.5, -0.5}};
        int cases = 0;
        for (int m : sizes) {
            for (int n : sizes) {
                for (int k : sizes) {
                    if ((long) m * n * k > maxWork) {
                        continue;
                    }
                    for (int t = 0; t < 4; t++) {
                        double[] ab = alphaBeta[(cases++) % alphaBeta.length];
                        check.run((t & 1) != 0, (t & 2) != 0, m, n, k, ab[0], ab[1]);
                    }
                }
            }
        }
    }

    /** {@code op(A)} as the flag BLAS takes. */
    Transpose transA() {
        return Transpose.of(ta);
    }

    /** {@code op(B)} as the flag BLAS takes. */
    Transpose transB() {
        return Transpose.of(tb);
    }

    /**
     * Asserts C after the product: each entry within {@code relative·scale + absolute} of the reference, and the
     * padding unchanged.
     */
    void assertResult(double[] result, double relative, double absolute, String who) {
        String what = who + " ta=" + ta + " tb=" + tb + " m=" + m + " n=" + n + " k=" + k + " α=" + alpha + " β="
                + beta;
        for (int i = 0; i < result.length; i++) {
            int rel = i - cOff;
            boolean inside = rel >= 0 && rel / ldc < m && rel % ldc < n;
            if (inside) {
                int e = (rel / ldc) * n + rel % ldc;
                double bound = relative * scale[e] + absolute;
                assertTrue(Math.abs(result[i] - expect[e]) <= bound,
                        what + ": entry " + e + " is " + result[i] + ", expected " + expect[e] + " within " + bound);
            } else {
                assertEquals(PAD, result[i], 0.0, what + ": padding at " + i);
            }
        }
    }

    static float[] toFloat(double[] x) {
        float[] f = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            f[i] = (float) x[i];
        }
        return f;
    }

    static double[] toDouble(float[] x) {
        double[] d = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            d[i] = x[i];
        }
        return d;
    }

    static double[] gaussian(int len, boolean floatValues, Random r) {
        double[] x = new double[len];
        for (int i = 0; i < len; i++) {
            double v = r.nextGaussian();
            x[i] = floatValues ? (float) v : v;
        }
        return x;
    }
}
