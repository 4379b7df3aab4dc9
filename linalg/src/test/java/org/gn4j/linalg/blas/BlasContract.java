package org.gn4j.linalg.blas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Arrays;
import java.util.Random;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.gn4j.testkit.RandomMatrices;
import org.gn4j.testkit.Seeds;
import org.gn4j.testkit.Tolerances;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The contract every {@link Blas} must meet, checked against naive loops: all transpose combinations on odd shapes,
 * α/β special cases (β = 0 never reads C), strided submatrices inside bigger arrays (entries outside the submatrix
 * untouched), k = 0, sizes above {@link CpuBlas#MT_THRESHOLD}, gemv, syrk (exactly symmetric), level 1, and shape
 * errors naming the argument. Subclass and implement {@link #blas()}.
 */
public abstract class BlasContract {
    /** Norm-wise relative tolerance against the naive loops. */
    protected static final double TOL = 1e-12;
    /** Value of the padding around a submatrix; any change to it is a bug. */
    private static final double PAD = -31.25;

    /** The implementation under test. */
    protected abstract Blas blas();

    /** A row-major {@code rows×cols} submatrix at {@code off} with leading dimension {@code ld} in a padded array. */
    protected static final class Strided {
        final int rows;
        final int cols;
        final int off;
        final int ld;
        final double[] data;

        Strided(int rows, int cols, int off, int ld, int tail, long seed) {
            this.rows = rows;
            this.cols = cols;
            this.off = off;
            this.ld = Math.max(1, ld); // BLAS: ld >= max(1, cols) even for an empty row
            int need = rows == 0 || cols == 0 ? off : off + (rows - 1) * this.ld + cols;
            data = new double[need + tail];
            Arrays.fill(data, PAD);
            Random r = new Random(seed);
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++) {
                    data[off + i * ld + j] = r.nextGaussian();
                }
            }
        }

        static Strided compact(int rows, int cols, long seed) {
            return new Strided(rows, cols, 0, Math.max(1, cols), 0, seed);
        }

        double get(int i, int j) {
            return data[off + i * ld + j];
        }

        void fill(double v) {
            for (int i = 0; i < rows; i++) {
                Arrays.fill(data, off + i * ld, off + i * ld + cols, v);
            }
        }

        void symmetrize() {
            for (int i = 0; i < rows; i++) {
                for (int j = i + 1; j < cols; j++) {
                    data[off + j * ld + i] = data[off + i * ld + j];
                }
            }
        }

        double[] compactCopy() {
            double[] out = new double[rows * cols];
            for (int i = 0; i < rows && cols > 0; i++) {
                System.arraycopy(data, off + i * ld, out, i * cols, cols);
            }
            return out;
        }

        boolean inside(int index) {
            int rel = index - off;
            if (rel < 0 || rows == 0 || cols == 0) {
                return false;
            }
            int i = rel / ld;
            int j = rel % ld;
            return i < rows && j < cols;
        }

        /** Asserts every entry outside the submatrix still holds the padding value. */
        void assertPaddingUntouched(String what) {
            for (int p = 0; p < data.length; p++) {
                if (!inside(p) && Double.doubleToRawLongBits(data[p]) != Double.doubleToRawLongBits(PAD)) {
                    fail(what + ": entry " + p + " outside the submatrix changed to " + data[p]);
                }
            }
        }
    }

    /** {@code α·op(A)·op(B) + β·C} by the textbook triple loop; C is not read when β = 0. */
    static double[] naiveGemm(boolean ta, boolean tb, int m, int n, int k, double alpha, Strided a, Strided b,
            double beta, Strided c) {
        double[] out = new double[m * n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int p = 0; p < k; p++) {
                    double aip = ta ? a.get(p, i) : a.get(i, p);
                    double bpj = tb ? b.get(j, p) : b.get(p, j);
                    s += aip * bpj;
                }
                out[i * n + j] = alpha * s + (beta == 0 ? 0 : beta * c.get(i, j));
            }
        }
        return out;
    }

    /** Runs one dgemm case on strided operands and checks the result and the padding. */
    protected void checkGemm(boolean ta, boolean tb, int m, int n, int k, double alpha, double beta, int padA,
            int padB, int padC, boolean nanC, long seed) {
        Strided a = ta ? new Strided(k, m, padA, m + padA, padA, seed) : new Strided(m, k, padA, k + padA, padA, seed);
        Strided b = tb ? new Strided(n, k, padB, k + padB, padB, seed + 1)
                : new Strided(k, n, padB, n + padB, padB, seed + 1);
        Strided c = new Strided(m, n, padC, n + padC, padC, seed + 2);
        if (nanC) {
            c.fill(Double.NaN);
        }
        double[] expected = naiveGemm(ta, tb, m, n, k, alpha, a, b, beta, c);
        double[] aBefore = a.data.clone();
        double[] bBefore = b.data.clone();
        String what = String.format("dgemm %s%s m=%d n=%d k=%d alpha=%s beta=%s pads=%d/%d/%d", ta ? "T" : "N",
                tb ? "T" : "N", m, n, k, alpha, beta, padA, padB, padC);
        blas().dgemm(Transpose.of(ta), Transpose.of(tb), m, n, k, alpha, a.data, a.off, a.ld, b.data, b.off, b.ld,
                beta, c.data, c.off, c.ld);
        double[] got = c.compactCopy();
        Tolerances.assertAllFinite(got, what);
        Tolerances.assertRelativeClose(expected, got, TOL, what);
        c.assertPaddingUntouched(what);
        assertTrue(Arrays.equals(aBefore, a.data), what + ": A changed");
        assertTrue(Arrays.equals(bBefore, b.data), what + ": B changed");
    }

    private static final boolean[] FLAGS = {false, true};

    @Test
    void dgemmAllTransposesOddShapes() {
        int[][] shapes = {{1, 1, 1}, {1, 3, 17}, {3, 1, 1}, {17, 3, 1}, {3, 17, 63}, {63, 17, 3}, {17, 63, 17},
            {1, 63, 1}, {257, 3, 5}, {3, 5, 257}};
        long seed = Seeds.of(100);
        for (boolean ta : FLAGS) {
            for (boolean tb : FLAGS) {
                for (int[] s : shapes) {
                    checkGemm(ta, tb, s[0], s[1], s[2], 1.0, 0.0, 0, 0, 0, false, seed++);
                    checkGemm(ta, tb, s[0], s[1], s[2], 1.3, -0.7, 0, 0, 0, false, seed++);
                }
            }
        }
    }

    @Test
    void dgemmAlphaBetaCombinations() {
        double[][] ab = {{0, 0}, {0, 1}, {0, -2}, {1, 0}, {2.5, 0}, {1, 1}, {-1.5, 1}, {0.75, -0.25}, {1, 2}};
        long seed = Seeds.of(200);
        for (boolean ta : FLAGS) {
            for (boolean tb : FLAGS) {
                for (double[] p : ab) {
                    checkGemm(ta, tb, 7, 5, 3, p[0], p[1], 0, 0, 0, false, seed++);
                    checkGemm(ta, tb, 17, 9, 12, p[0], p[1], 2, 1, 3, false, seed++);
                    if (p[1] == 0) {
                        // β = 0: C is not read, NaN in it must not propagate (reference BLAS semantics)
                        checkGemm(ta, tb, 7, 5, 3, p[0], 0, 0, 0, 0, true, seed++);
                        checkGemm(ta, tb, 17, 9, 12, p[0], 0, 1, 2, 3, true, seed++);
                    }
                }
            }
        }
    }

    @Test
    void dgemmStridedSubmatricesLeavePaddingUntouched() {
        long seed = Seeds.of(300);
        int[][] pads = {{1, 0, 0}, {0, 2, 0}, {0, 0, 3}, {3, 1, 2}, {5, 5, 5}};
        for (boolean ta : FLAGS) {
            for (boolean tb : FLAGS) {
                for (int[] p : pads) {
                    checkGemm(ta, tb, 6, 4, 5, 1.0, 0.0, p[0], p[1], p[2], false, seed++);
                    checkGemm(ta, tb, 6, 4, 5, -0.5, 1.0, p[0], p[1], p[2], false, seed++);
                    checkGemm(ta, tb, 3, 17, 9, 2.0, 0.25, p[0], p[1], p[2], false, seed++);
                }
            }
        }
    }

    @Test
    void dgemmWithKZeroScalesC() {
        long seed = Seeds.of(400);
        for (boolean ta : FLAGS) {
            for (boolean tb : FLAGS) {
                checkGemm(ta, tb, 4, 3, 0, 1.0, 0.0, 0, 0, 0, true, seed++);
                checkGemm(ta, tb, 4, 3, 0, 1.0, 0.5, 1, 1, 2, false, seed++);
                checkGemm(ta, tb, 4, 3, 0, 1.0, 1.0, 0, 0, 0, false, seed++);
                // empty output: nothing to do, nothing touched
                checkGemm(ta, tb, 0, 3, 5, 1.0, 0.5, 1, 1, 2, false, seed++);
                checkGemm(ta, tb, 4, 0, 5, 1.0, 0.5, 1, 1, 2, false, seed++);
            }
        }
    }

    @Test
    void dgemmAboveTheMultiThreadingThreshold() {
        assertTrue(100L * 90 * 80 >= CpuBlas.MT_THRESHOLD, "shape must cross the threshold");
        long seed = Seeds.of(500);
        for (boolean ta : FLAGS) {
            for (boolean tb : FLAGS) {
                checkGemm(ta, tb, 100, 90, 80, 1.0, 0.0, 0, 0, 0, true, seed++);
                checkGemm(ta, tb, 100, 90, 80, -0.3, 0.5, 0, 0, 0, false, seed++);
                checkGemm(ta, tb, 100, 90, 80, 1.0, 1.0, 0, 0, 0, false, seed++);
                checkGemm(ta, tb, 100, 90, 80, 0.7, 0.0, 2, 3, 1, true, seed++);
            }
        }
    }

    @Test
    void dgemmCompactOutputInsideALongerArray() {
        // offset 0 and ld == n but the array runs on: the tail must be left alone
        long seed = Seeds.of(550);
        for (boolean ta : FLAGS) {
            for (boolean tb : FLAGS) {
                for (double beta : new double[] {0, 1, -2}) {
                    for (int[] s : new int[][] {{5, 4, 3}, {100, 90, 80}}) {
                        int m = s[0], n = s[1], k = s[2];
                        Strided a = ta ? Strided.compact(k, m, seed) : Strided.compact(m, k, seed);
                        Strided b = tb ? Strided.compact(n, k, seed + 1) : Strided.compact(k, n, seed + 1);
                        Strided c = new Strided(m, n, 0, n, 7, seed + 2);
                        double[] expected = naiveGemm(ta, tb, m, n, k, 1.5, a, b, beta, c);
                        blas().dgemm(Transpose.of(ta), Transpose.of(tb), m, n, k, 1.5, a.data, 0, a.ld, b.data, 0,
                                b.ld, beta, c.data, 0, n);
                        String what = "long C " + ta + tb + " beta=" + beta + " " + Arrays.toString(s);
                        Tolerances.assertRelativeClose(expected, c.compactCopy(), TOL, what);
                        c.assertPaddingUntouched(what);
                        seed += 3;
                    }
                }
            }
        }
    }

    /** {@code α·op(A)·x + β·y} by a naive loop. */
    private static double[] naiveGemv(boolean t, int m, int n, double alpha, Strided a, double[] x, int xOff,
            double beta, double[] y, int yOff) {
        int yLen = t ? n : m;
        int xLen = t ? m : n;
        double[] out = new double[yLen];
        for (int i = 0; i < yLen; i++) {
            double s = 0;
            for (int p = 0; p < xLen; p++) {
                s += (t ? a.get(p, i) : a.get(i, p)) * x[xOff + p];
            }
            out[i] = alpha * s + (beta == 0 ? 0 : beta * y[yOff + i]);
        }
        return out;
    }

    @Test
    void dgemvBothTransposesWithOffsetsAndBeta() {
        long seed = Seeds.of(600);
        int[][] shapes = {{1, 1}, {1, 5}, {5, 1}, {3, 17}, {17, 3}, {63, 64}, {300, 900}};
        double[][] ab = {{1, 0}, {-2, 0}, {1, 1}, {0.5, -1.5}, {0, 0}, {0, 2}};
        for (boolean t : FLAGS) {
            for (int[] s : shapes) {
                for (double[] p : ab) {
                    for (int pad : new int[] {0, 3}) {
                        int m = s[0], n = s[1];
                        Strided a = new Strided(m, n, pad, n + pad, pad, seed++);
                        int xLen = t ? m : n;
                        int yLen = t ? n : m;
                        double[] x = RandomMatrices.gaussianVector(xLen + 2 * pad, seed++);
                        double[] y = RandomMatrices.gaussianVector(yLen + 2 * pad, seed++);
                        if (p[1] == 0) {
                            Arrays.fill(y, pad, pad + yLen, Double.NaN);
                        }
                        double[] yBefore = y.clone();
                        double[] xBefore = x.clone();
                        double[] expected = naiveGemv(t, m, n, p[0], a, x, pad, p[1], y, pad);
                        String what = String.format("dgemv %s %dx%d alpha=%s beta=%s pad=%d", t ? "T" : "N", m, n,
                                p[0], p[1], pad);
                        blas().dgemv(Transpose.of(t), m, n, p[0], a.data, a.off, a.ld, x, pad, p[1], y, pad);
                        Tolerances.assertRelativeClose(expected, Arrays.copyOfRange(y, pad, pad + yLen), TOL, what);
                        for (int i = 0; i < y.length; i++) {
                            if (i < pad || i >= pad + yLen) {
                                assertEquals(yBefore[i], y[i], 0.0, what + ": y[" + i + "] outside the range changed");
                            }
                        }
                        assertTrue(Arrays.equals(xBefore, x), what + ": x changed");
                        a.assertPaddingUntouched(what + " (A)");
                    }
                }
            }
        }
    }

    /** Runs one dsyrk case and checks the value, exact symmetry and the padding. */
    private void checkSyrk(boolean t, int n, int k, double alpha, double beta, int padA, int padC, long seed) {
        Strided a = t ? new Strided(k, n, padA, n + padA, padA, seed) : new Strided(n, k, padA, k + padA, padA, seed);
        Strided c = new Strided(n, n, padC, n + padC, padC, seed + 1);
        if (beta == 0) {
            c.fill(Double.NaN);
        } else {
            c.symmetrize();
        }
        // C = α·op(A)·op(A)ᵀ + β·C with op(A) = A (n×k) or Aᵀ
        double[] expected = naiveGemm(t, !t, n, n, k, alpha, a, a, beta, c);
        String what = String.format("dsyrk %s n=%d k=%d alpha=%s beta=%s pads=%d/%d", t ? "T" : "N", n, k, alpha,
                beta, padA, padC);
        blas().dsyrk(Transpose.of(t), n, k, alpha, a.data, a.off, a.ld, beta, c.data, c.off, c.ld);
        double[] got = c.compactCopy();
        Tolerances.assertAllFinite(got, what);
        Tolerances.assertRelativeClose(expected, got, TOL, what);
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (Double.doubleToRawLongBits(got[i * n + j]) != Double.doubleToRawLongBits(got[j * n + i])) {
                    fail(what + ": not exactly symmetric at (" + i + "," + j + "): " + got[i * n + j] + " vs "
                            + got[j * n + i]);
                }
            }
        }
        c.assertPaddingUntouched(what);
        a.assertPaddingUntouched(what + " (A)");
    }

    @Test
    void dsyrkBothTransposesSymmetricWithAlphaBeta() {
        long seed = Seeds.of(700);
        int[][] shapes = {{1, 1}, {1, 7}, {7, 1}, {3, 17}, {17, 3}, {63, 5}, {5, 63}};
        double[][] ab = {{1, 0}, {-0.5, 0}, {2, -0.5}, {1, 1}, {0, 3}, {0, 0}};
        for (boolean t : FLAGS) {
            for (int[] s : shapes) {
                for (double[] p : ab) {
                    checkSyrk(t, s[0], s[1], p[0], p[1], 0, 0, seed++);
                    checkSyrk(t, s[0], s[1], p[0], p[1], 2, 3, seed++);
                }
            }
        }
    }

    @Test
    void dsyrkWithKZeroAndAboveTheThreshold() {
        long seed = Seeds.of(800);
        assertTrue(70L * 70 * 60 >= CpuBlas.MT_THRESHOLD, "shape must cross the threshold");
        for (boolean t : FLAGS) {
            checkSyrk(t, 4, 0, 1.0, 0.0, 0, 0, seed++);
            checkSyrk(t, 4, 0, 1.0, 0.5, 1, 2, seed++);
            checkSyrk(t, 70, 60, 1.0, 0.0, 0, 0, seed++);
            checkSyrk(t, 70, 60, 0.5, 2.0, 1, 3, seed++);
        }
    }

    @Test
    void ddotAndDaxpyWithOffsets() {
        for (int n : new int[] {0, 1, 3, 4, 17, 100}) {
            double[] x = RandomMatrices.gaussianVector(n + 3, Seeds.of(900 + n));
            double[] y = RandomMatrices.gaussianVector(n + 5, Seeds.of(950 + n));
            double dot = 0;
            for (int i = 0; i < n; i++) {
                dot += x[3 + i] * y[1 + i];
            }
            Tolerances.assertRelativeClose(dot, blas().ddot(n, x, 3, y, 1), TOL, "ddot n=" + n);
            double[] expected = y.clone();
            for (int i = 0; i < n; i++) {
                expected[1 + i] += -0.25 * x[3 + i];
            }
            blas().daxpy(n, -0.25, x, 3, y, 1);
            Tolerances.assertRelativeClose(expected, y, TOL, "daxpy n=" + n);
            assertEquals(expected[0], y[0], 0.0);
        }
    }

    @Test
    void ejmlGemmAndSyrkConvenienceForms() {
        DMatrixRMaj a = RandomMatrices.gaussian(9, 5, Seeds.of(1000));
        DMatrixRMaj b = RandomMatrices.gaussian(5, 7, Seeds.of(1001));
        DMatrixRMaj c = RandomMatrices.gaussian(9, 7, Seeds.of(1002));
        DMatrixRMaj expected = c.copy();
        CommonOps_DDRM.scale(0.5, expected);
        CommonOps_DDRM.multAdd(2.0, a, b, expected);
        blas().gemm(false, false, 2.0, a, b, 0.5, c);
        Tolerances.assertRelativeClose(expected, c, TOL, "gemm NN");

        DMatrixRMaj at = CommonOps_DDRM.transpose(a, null);
        DMatrixRMaj c2 = new DMatrixRMaj(9, 7);
        blas().gemm(true, false, 2.0, at, b, 0.0, c2);
        DMatrixRMaj e2 = new DMatrixRMaj(9, 7);
        CommonOps_DDRM.mult(2.0, a, b, e2);
        Tolerances.assertRelativeClose(e2, c2, TOL, "gemm TN");

        DMatrixRMaj g = new DMatrixRMaj(5, 5);
        blas().syrk(true, 1.0, a, 0.0, g);
        DMatrixRMaj eg = new DMatrixRMaj(5, 5);
        CommonOps_DDRM.multTransA(a, a, eg);
        Tolerances.assertRelativeClose(eg, g, TOL, "syrk AᵀA");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> blas().gemm(false, false, 1.0, a, a, 0.0, new DMatrixRMaj(9, 5)));
        assertTrue(e.getMessage().contains("expected"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> blas().gemm(false, false, 1.0, a, b, 0.0, new DMatrixRMaj(9, 6)));
        assertTrue(e.getMessage().startsWith("c") && e.getMessage().contains("expected 9x7"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> blas().syrk(false, 1.0, a, 0.0, new DMatrixRMaj(5, 5)));
        assertTrue(e.getMessage().startsWith("c") && e.getMessage().contains("expected 9x9"), e.getMessage());
    }

    private static void assertNames(String arg, Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        String msg = e.getMessage();
        assertTrue(msg != null && (msg.startsWith(arg + ":") || msg.startsWith(arg + " ")),
                "message should name " + arg + ": " + msg);
    }

    @Test
    void shapeErrorsNameTheArgument() {
        Blas blas = blas();
        double[] a = new double[12]; // 3x4
        double[] b = new double[20]; // 4x5
        double[] c = new double[15]; // 3x5
        Transpose no = Transpose.NO;
        Transpose yes = Transpose.YES;
        // bad leading dimensions
        assertNames("a", () -> blas.dgemm(no, no, 3, 5, 4, 1, a, 0, 3, b, 0, 5, 0, c, 0, 5));
        assertNames("b", () -> blas.dgemm(no, no, 3, 5, 4, 1, a, 0, 4, b, 0, 4, 0, c, 0, 5));
        assertNames("c", () -> blas.dgemm(no, no, 3, 5, 4, 1, a, 0, 4, b, 0, 5, 0, c, 0, 4));
        assertNames("a", () -> blas.dgemm(yes, no, 3, 5, 4, 1, a, 0, 2, b, 0, 5, 0, c, 0, 5));
        // too-short arrays (also through an offset)
        assertNames("a", () -> blas.dgemm(no, no, 3, 5, 4, 1, new double[11], 0, 4, b, 0, 5, 0, c, 0, 5));
        assertNames("b", () -> blas.dgemm(no, no, 3, 5, 4, 1, a, 0, 4, b, 1, 5, 0, c, 0, 5));
        assertNames("c", () -> blas.dgemm(no, no, 3, 5, 4, 1, a, 0, 4, b, 0, 5, 0, new double[14], 0, 5));
        assertNames("b", () -> blas.dgemm(no, yes, 3, 5, 4, 1, a, 0, 4, new double[19], 0, 4, 0, c, 0, 5));
        assertNames("m", () -> blas.dgemm(no, no, -1, 5, 4, 1, a, 0, 4, b, 0, 5, 0, c, 0, 5));
        assertNames("k", () -> blas.dgemm(no, no, 3, 5, -4, 1, a, 0, 4, b, 0, 5, 0, c, 0, 5));
        assertNames("a", () -> blas.dgemm(no, no, 3, 5, 4, 1, a, -1, 4, b, 0, 5, 0, c, 0, 5));
        // a failed call writes nothing
        double[] c0 = c.clone();
        assertThrows(IllegalArgumentException.class,
                () -> blas.dgemm(no, no, 3, 5, 4, 1, a, 0, 4, new double[3], 0, 5, 0, c, 0, 5));
        assertTrue(Arrays.equals(c0, c), "C changed by a rejected call");

        double[] x4 = new double[4];
        double[] y3 = new double[3];
        assertNames("a", () -> blas.dgemv(no, 3, 4, 1, a, 0, 3, x4, 0, 0, y3, 0));
        assertNames("a", () -> blas.dgemv(no, 3, 4, 1, new double[11], 0, 4, x4, 0, 0, y3, 0));
        assertNames("x", () -> blas.dgemv(no, 3, 4, 1, a, 0, 4, new double[3], 0, 0, y3, 0));
        assertNames("y", () -> blas.dgemv(no, 3, 4, 1, a, 0, 4, x4, 0, 0, y3, 1));
        assertNames("x", () -> blas.dgemv(yes, 3, 4, 1, a, 0, 4, x4, 2, 0, x4, 0));
        assertNames("y", () -> blas.dgemv(yes, 3, 4, 1, a, 0, 4, y3, 0, 0, y3.clone(), 0));

        double[] s = new double[9]; // 3x3
        assertNames("a", () -> blas.dsyrk(no, 3, 4, 1, a, 0, 3, 0, s, 0, 3));
        assertNames("a", () -> blas.dsyrk(yes, 3, 5, 1, a, 0, 3, 0, s, 0, 3));
        assertNames("c", () -> blas.dsyrk(no, 3, 4, 1, a, 0, 4, 0, s, 0, 2));
        assertNames("c", () -> blas.dsyrk(no, 3, 4, 1, a, 0, 4, 0, new double[8], 0, 3));

        assertNames("x", () -> blas.ddot(5, x4, 0, new double[5], 0));
        assertNames("y", () -> blas.ddot(4, x4, 0, y3, 0));
        assertNames("y", () -> blas.daxpy(4, 1.0, x4, 0, y3, 0));
        assertNames("x", () -> blas.daxpy(3, 1.0, x4, 2, y3, 0));
    }

    @Test
    void nameIsNotBlank() {
        assertTrue(blas().name() != null && !blas().name().isBlank());
    }
}
