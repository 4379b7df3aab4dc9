package org.gn4j.linalg.blas;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;

import org.gn4j.testkit.Seeds;
import org.junit.jupiter.api.Test;

/**
 * Float32 GEMM ({@link Blas#sgemm} on float storage, {@link Blas#dgemmF32} on double storage) against a naive loop
 * that accumulates in float64, for odd shapes around the register tile (8 × 32 on AVX-512) and the cache blocks,
 * zero sizes, all transpose flags, several α/β, offsets and leading dimensions.
 *
 * <p>Bound, entry by entry: {@code |c − ĉ| ≤ (k + 4)·2⁻²⁴·(Σ_p |α·a_ip·b_pj| + |β·c_ij|)}, the classical
 * {@code k·u} bound of a float dot product plus the roundings of α·a, b (double storage only), the β-update and the
 * result. A kernel that drops a term, misplaces a tile or sums in the wrong order of magnitude breaks it by orders of
 * magnitude.
 */
class SgemmTest {
    private static final int[] SIZES = {0, 1, 3, 17, 33, 70, 257};
    private static final double U = 0x1p-24;

    private static final Blas MULTI = new VectorBlas(true, true);
    private static final Blas SINGLE = new VectorBlas(true, false);
    private static final Blas PLAIN = new CpuBlas(false);

    /** The packed kernels (multi- and single-threaded) and, for small products, the interface's plain loop. */
    private static Blas[] implementations(int work) {
        return work <= 33 * 33 * 33 ? new Blas[] {MULTI, SINGLE, PLAIN} : new Blas[] {MULTI, SINGLE};
    }

    @Test
    void floatStorageOddShapesAgainstDoubleAccumulation() {
        Random r = new Random(Seeds.of(21));
        GemmCase.sweep(SIZES, 17L * 70 * 257, (ta, tb, m, n, k, alpha, beta) -> {
            for (Blas blas : implementations(m * n * k)) {
                checkFloat(blas, ta, tb, m, n, k, (float) alpha, (float) beta, r);
            }
        });
    }

    @Test
    void doubleStorageFloatProductsOddShapes() {
        Random r = new Random(Seeds.of(22));
        GemmCase.sweep(SIZES, 17L * 70 * 257, (ta, tb, m, n, k, alpha, beta) -> {
            for (Blas blas : implementations(m * n * k)) {
                checkMixed(blas, ta, tb, m, n, k, alpha, beta, r);
            }
        });
    }

    /** A product deeper than one cache slice and wider than one panel, split across threads. */
    @Test
    void largeProductAcrossBlocksAndThreads() {
        Random r = new Random(Seeds.of(23));
        for (int t = 0; t < 4; t++) {
            checkFloat(MULTI, (t & 1) != 0, (t & 2) != 0, 100, 1030, 270, 1f, 0f, r);
            checkMixed(MULTI, (t & 1) != 0, (t & 2) != 0, 40, 1030, 270, 1.0, 0.5, r);
        }
    }

    /**
     * The shapes of convolutions' weight gradients {@code Ȳ·Colsᵀ} on double storage (few rows, depth above n: the
     * float64 kernel's dot products of rows), with depths across several cache slices and not a multiple of the
     * vector length.
     */
    @Test
    void doubleStorageWeightGradientShapes() {
        Random r = new Random(Seeds.of(25));
        int[][] shapes = {{6, 25, 784}, {16, 150, 203}, {32, 27, 1024}, {5, 64, 130}, {31, 7, 517}};
        double[][] alphaBeta = {{1, 0}, {-0.75, 1}, {2.5, -0.5}};
        for (int[] s : shapes) {
            for (double[] ab : alphaBeta) {
                checkMixed(SINGLE, false, true, s[0], s[1], s[2], ab[0], ab[1], r);
                checkMixed(MULTI, false, true, s[0], s[1], s[2], ab[0], ab[1], r);
            }
        }
    }

    /** The float32 view rounds: its result differs from float64 DGEMM, by at most the float bound. */
    @Test
    void float32ViewComputesInFloat() {
        Blas base = new VectorBlas(true, false);
        Blas f32 = base.withPrecision(Precision.F32);
        assertSame(base, base.withPrecision(Precision.F64));
        assertSame(base, f32.withPrecision(Precision.F64));
        assertEquals(Precision.F32, f32.precision());
        assertEquals(Precision.F64, base.precision());
        Random r = new Random(Seeds.of(24));
        int m = 64, n = 96, k = 128;
        double[] a = GemmCase.gaussian(m * k, false, r);
        double[] b = GemmCase.gaussian(k * n, false, r);
        double[] c64 = new double[m * n];
        double[] c32 = new double[m * n];
        base.dgemm(Transpose.NO, Transpose.NO, m, n, k, 1, a, 0, k, b, 0, n, 0, c64, 0, n);
        f32.dgemm(Transpose.NO, Transpose.NO, m, n, k, 1, a, 0, k, b, 0, n, 0, c32, 0, n);
        double worst = 0;
        for (int i = 0; i < m * n; i++) {
            worst = Math.max(worst, Math.abs(c64[i] - c32[i]));
        }
        // rounding the operands alone moves entries of size ~√k by ~√k·2⁻²⁴; float64 would agree to ~1e-14
        assertTrue(worst > 1e-9, "float32 products should differ from float64 ones, max difference " + worst);
        assertTrue(worst < (k + 4) * U * 4 * k, "max difference " + worst);
    }

    /**
     * On double storage the products float arithmetic does not speed up (short, wide B read in place, dot products
     * of rows, depth at most 64) are the float64 DGEMM's, bit for bit; a deep product with many rows is the float
     * kernel's and differs from it.
     */
    @Test
    void doubleStorageRunsFloat64WhereFloatCannotGain() {
        Blas base = new VectorBlas(true, false);
        Blas f32 = base.withPrecision(Precision.F32);
        Random r = new Random(Seeds.of(26));
        // {ta, tb, m, n, k}: im2col forward (6 × 784 × 25), weight gradient (16 × 150 × 200), Winograd (64 × 96 × 32),
        // input cotangent Wᵀ·Ȳ (150 × 200 × 16); then a product the float kernel runs (64 × 96 × 128)
        int[][] shapes = {{0, 0, 6, 784, 25}, {0, 1, 16, 150, 200}, {1, 0, 64, 96, 32}, {1, 0, 150, 200, 16},
            {0, 0, 64, 96, 128}};
        for (int[] s : shapes) {
            boolean ta = s[0] == 1;
            boolean tb = s[1] == 1;
            int m = s[2];
            int n = s[3];
            int k = s[4];
            assertEquals(k <= 64 || m <= 32, VectorBlas.float64Faster(ta, tb, m, n, k), Arrays.toString(s));
            double[] a = GemmCase.gaussian(m * k, false, r);
            double[] b = GemmCase.gaussian(k * n, false, r);
            double[] c64 = new double[m * n];
            double[] c32 = new double[m * n];
            Transpose tA = ta ? Transpose.YES : Transpose.NO;
            Transpose tB = tb ? Transpose.YES : Transpose.NO;
            int lda = ta ? m : k;
            int ldb = tb ? k : n;
            base.dgemm(tA, tB, m, n, k, 0.5, a, 0, lda, b, 0, ldb, 0, c64, 0, n);
            f32.dgemm(tA, tB, m, n, k, 0.5, a, 0, lda, b, 0, ldb, 0, c32, 0, n);
            if (VectorBlas.float64Faster(ta, tb, m, n, k)) {
                assertArrayEquals(c64, c32, 0.0, Arrays.toString(s));
            } else {
                assertFalse(Arrays.equals(c64, c32), Arrays.toString(s));
            }
        }
    }

    @Test
    void badShapesNameTheArgument() {
        Blas blas = new VectorBlas(true, false);
        float[] a = new float[6];
        float[] b = new float[6];
        float[] c = new float[3];
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> blas.sgemm(Transpose.NO, Transpose.NO, 2, 2, 3, 1f, a, 0, 3, b, 0, 2, 0f, c, 0, 2));
        assertTrue(e.getMessage().startsWith("c:"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> blas.sgemm(Transpose.NO, Transpose.NO, 2, 2, 3, 1f, a, 0, 2, b, 0, 2, 0f, new float[4], 0, 2));
        assertThrows(IllegalArgumentException.class, () -> blas.withPrecision(null));
        assertThrows(IllegalArgumentException.class, () -> Precision.parse("f16"));
        assertEquals(Precision.F32, Precision.parse("F32"));
        assertEquals(Precision.F64, Precision.parse("float64"));
    }

    private static void checkFloat(Blas blas, boolean ta, boolean tb, int m, int n, int k, float alpha, float beta,
            Random r) {
        GemmCase g = new GemmCase(ta, tb, m, n, k, alpha, beta, true, r);
        float[] c = GemmCase.toFloat(g.c);
        blas.sgemm(g.transA(), g.transB(), m, n, k, alpha, GemmCase.toFloat(g.a), g.aOff, g.lda,
                GemmCase.toFloat(g.b), g.bOff, g.ldb, beta, c, g.cOff, g.ldc);
        g.assertResult(GemmCase.toDouble(c), (k + 4) * U, Float.MIN_NORMAL, blas + " sgemm");
    }

    private static void checkMixed(Blas blas, boolean ta, boolean tb, int m, int n, int k, double alpha, double beta,
            Random r) {
        GemmCase g = new GemmCase(ta, tb, m, n, k, alpha, beta, false, r);
        blas.dgemmF32(g.transA(), g.transB(), m, n, k, alpha, g.a, g.aOff, g.lda, g.b, g.bOff, g.ldb, beta, g.c,
                g.cOff, g.ldc);
        g.assertResult(g.c, (k + 4) * U, Float.MIN_NORMAL, blas + " dgemmF32");
    }
}
