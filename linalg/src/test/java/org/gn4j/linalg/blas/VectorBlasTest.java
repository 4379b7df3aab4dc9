package org.gn4j.linalg.blas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.gn4j.testkit.Seeds;
import org.gn4j.testkit.Tolerances;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * {@link VectorBlas} against the {@link BlasContract} with the vector micro-kernel (multi- and single-threaded) and
 * with the scalar fallback micro-kernel, plus odd shapes around the register tile and cache blocks against a naive
 * triple loop.
 */
class VectorBlasTest {

    @Nested
    class VectorMultiThreaded extends BlasContract {
        private final Blas blas = new VectorBlas(true, true);

        @Override
        protected Blas blas() {
            return blas;
        }
    }

    @Nested
    class VectorSingleThreaded extends BlasContract {
        private final Blas blas = new VectorBlas(true, false);

        @Override
        protected Blas blas() {
            return blas;
        }
    }

    @Nested
    class ScalarFallback extends BlasContract {
        private final Blas blas = new VectorBlas(false, true);

        @Override
        protected Blas blas() {
            return blas;
        }
    }

    @Test
    void nameAndDescription() {
        assertEquals("cpu-vector", new VectorBlas().name());
        assertEquals("jdk.incubator.vector, " + VectorBlas.VL + " doubles per vector", VectorBlas.description());
    }

    private static final int[] SIZES = {1, 3, 17, 63, 257};

    /** Every (m, n, k) over {@link #SIZES} except the largest cube, all transposes, α/β combos, offsets and lds. */
    @Test
    void oddShapesAgainstNaiveLoops() {
        Blas[] impls = {new VectorBlas(true, true), new VectorBlas(false, false)};
        Random r = new Random(Seeds.of(42));
        // all but the largest cube
        GemmCase.sweep(SIZES, 257L * 257 * 63, (ta, tb, m, n, k, alpha, beta) -> {
            for (Blas blas : impls) {
                check(blas, ta, tb, m, n, k, alpha, beta, r);
            }
        });
    }

    /** Within 1e-12 of the float64 reference relative to {@code Σ|α·a·b| + |β·c|} (k·2⁻⁵³ is at most 3e-14). */
    private static void check(Blas blas, boolean ta, boolean tb, int m, int n, int k, double alpha, double beta,
            Random r) {
        GemmCase g = new GemmCase(ta, tb, m, n, k, alpha, beta, false, r);
        blas.dgemm(g.transA(), g.transB(), m, n, k, alpha, g.a, g.aOff, g.lda, g.b, g.bOff, g.ldb, beta, g.c, g.cOff,
                g.ldc);
        g.assertResult(g.c, 1e-12, Double.MIN_NORMAL, blas.toString());
    }

    /** Short, wide products (conv layers: output channels × batch·pixels) are split over the columns. */
    @Test
    void shortWideProductsAcrossTheColumnSplit() {
        Random r = new Random(Seeds.of(11));
        Blas blas = new VectorBlas(true, true);
        for (int t = 0; t < 4; t++) {
            check(blas, (t & 1) != 0, (t & 2) != 0, 6, VectorBlas.NC + 37, 1400, 1.25, t == 0 ? 0 : -0.5, r);
        }
        check(blas, false, false, 1, 3001, 1500, 1, 0, r);
        // both products are large enough to be split (at least two threads' worth of work)
        assertTrue(6L * (VectorBlas.NC + 37) * 1400 >= 2 * VectorBlas.PARALLEL_WORK);
        assertTrue(3001L * 1500 >= 2 * VectorBlas.PARALLEL_WORK);
    }

    /**
     * The two unpacked paths: B read in place for short products (m ≤ DIRECT_B_ROWS, across KC and NC with a partial
     * last sliver) and dot products for A·Bᵀ with a long depth (odd remainders of rows, columns and vector lanes).
     */
    @Test
    void unpackedPathsAgainstNaiveLoops() {
        Random r = new Random(Seeds.of(12));
        Blas blas = new VectorBlas(true, true);
        int[][] shapes = {{VectorBlas.DIRECT_B_ROWS, VectorBlas.NC + 19, VectorBlas.KC + 3}, {5, 2 * VectorBlas.NR, 9},
            {7, 13, 1001}, {16, 150, 4203}, {1, 1, 67}, {2, 4, 64},
            // Aᵀ read in place (α = 1, at most DIRECT_A_COLUMNS columns): across MC and KC with a partial last sliver
            {VectorBlas.MC + 6, VectorBlas.DIRECT_A_COLUMNS, VectorBlas.KC + 5}, {37, 64, 64}, {576, 17, 3}};
        for (int[] sh : shapes) {
            for (int t = 0; t < 4; t++) {
                check(blas, (t & 1) != 0, (t & 2) != 0, sh[0], sh[1], sh[2], t == 3 ? -1.5 : 1, t == 0 ? 0 : 0.5, r);
            }
        }
    }

    @Test
    void vectorAndScalarKernelsAgreeAcrossBlocks() {
        // crosses MC, KC and NC boundaries with partial tiles at every edge
        int m = 2 * VectorBlas.MC + 5, n = VectorBlas.NC + 3, k = VectorBlas.KC + 7;
        Random r = new Random(Seeds.of(7));
        double[] a = GemmCase.gaussian(m * k, false, r);
        double[] b = GemmCase.gaussian(k * n, false, r);
        double[] c0 = GemmCase.gaussian(m * n, false, r);
        double[] c1 = c0.clone();
        new VectorBlas(true, true).dgemm(Transpose.NO, Transpose.NO, m, n, k, 1.5, a, 0, k, b, 0, n, -2, c0, 0, n);
        new VectorBlas(false, false).dgemm(Transpose.NO, Transpose.NO, m, n, k, 1.5, a, 0, k, b, 0, n, -2, c1, 0, n);
        Tolerances.assertRelativeClose(c1, c0, 1e-13, "vector vs scalar");
    }
}
