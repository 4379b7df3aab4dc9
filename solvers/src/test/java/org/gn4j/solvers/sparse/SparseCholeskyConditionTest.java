package org.gn4j.solvers.sparse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

/**
 * The condition estimate of {@link SparseCholesky} against the exact 1-norm condition number of the equilibrated
 * matrix, computed densely: never above it, and within a factor 3 of it on these matrices.
 */
class SparseCholeskyConditionTest {

    /** A factored sparse Cholesky of the dense symmetric a (its non-zero upper triangle as the pattern). */
    private record Factored(SparseCholesky chol, double[] values) {
    }

    private static Factored factor(double[] a, int n, double[] shift) {
        int[] start = new int[n + 1];
        int[] rows = new int[n * n];
        double[] values = new double[n * n];
        int[] diagonal = new int[n];
        int size = 0;
        for (int j = 0; j < n; j++) {
            for (int i = 0; i <= j; i++) {
                if (a[i * n + j] != 0 || i == j) {
                    if (i == j) {
                        diagonal[j] = size;
                    }
                    rows[size] = i;
                    values[size++] = a[i * n + j];
                }
            }
            start[j + 1] = size;
        }
        SparseCholesky chol = new SparseCholesky(n, start, java.util.Arrays.copyOf(rows, size));
        double[] v = java.util.Arrays.copyOf(values, size);
        assertTrue(chol.factor(v, shift, diagonal).hasSolution());
        return new Factored(chol, v);
    }

    /** κ₁(S(A + diag(shift))S) with S the inverse square root of the diagonal, densely. */
    private static double exactCondition(double[] a, int n, double[] shift) {
        DMatrixRMaj b = new DMatrixRMaj(n, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double aii = a[i * n + i] + (shift == null ? 0 : shift[i]);
                double ajj = a[j * n + j] + (shift == null ? 0 : shift[j]);
                double aij = a[i * n + j] + (i == j && shift != null ? shift[i] : 0);
                b.set(i, j, aij / Math.sqrt(aii * ajj));
            }
        }
        DMatrixRMaj inv = b.copy();
        assertTrue(CommonOps_DDRM.invert(inv));
        return norm1(b) * norm1(inv);
    }

    private static double norm1(DMatrixRMaj m) {
        double best = 0;
        for (int j = 0; j < m.numCols; j++) {
            double s = 0;
            for (int i = 0; i < m.numRows; i++) {
                s += Math.abs(m.get(i, j));
            }
            best = Math.max(best, s);
        }
        return best;
    }

    private static void assertEstimates(double[] a, int n, double[] shift) {
        Factored f = factor(a, n, shift);
        double estimate = f.chol().conditionEstimate(f.values(), shift);
        double exact = exactCondition(a, n, shift);
        assertTrue(estimate <= exact * (1 + 1e-6), "estimate " + estimate + " above the exact " + exact);
        assertTrue(estimate >= exact / 3, "estimate " + estimate + " below a third of the exact " + exact);
    }

    /**
     * The square of the second-difference matrix tridiag(−1, 2, −1), densely: rows (1, −4, 6, −4, 1), 5 on the first
     * and last diagonal entries; κ₂ ≈ (4(n+1)²/π²)².
     */
    private static double[] squaredLaplacian(int n) {
        double[] a = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = Math.max(0, i - 2); j <= Math.min(n - 1, i + 2); j++) {
                int offset = Math.abs(i - j);
                a[i * n + j] = offset == 0 ? (i == 0 || i == n - 1 ? 5 : 6) : offset == 1 ? -4 : 1;
            }
        }
        return a;
    }

    @Test
    void estimatesTheConditionOfASquaredLaplacianWithAndWithoutAShift() {
        int n = 60;
        double[] a = squaredLaplacian(n);
        assertEstimates(a, n, null);
        double[] shift = new double[n];
        java.util.Arrays.fill(shift, 1e-3);
        assertEstimates(a, n, shift);
        Factored f = factor(a, n, null);
        // κ₂(T²) ≈ (4·61²/π²)² ≈ 2.3e6 at n = 60, and the unit diagonal of the scaled matrix does not lower it
        assertTrue(f.chol().conditionEstimate(f.values(), null) > 1e6);
    }

    @Test
    void estimatesTheConditionOfRandomSparseMatrices() {
        Random rnd = new Random(5);
        for (int trial = 0; trial < 5; trial++) {
            int n = 30 + 10 * trial;
            double[] m = new double[n * n]; // random sparse M, A = MᵀM + 1e-6·I
            for (int i = 0; i < n; i++) {
                m[i * n + i] = rnd.nextGaussian();
                for (int j = 0; j < n; j++) {
                    if (rnd.nextDouble() < 0.05) {
                        m[i * n + j] = rnd.nextGaussian();
                    }
                }
            }
            double[] a = new double[n * n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    double s = i == j ? 1e-6 : 0;
                    for (int k = 0; k < n; k++) {
                        s += m[k * n + i] * m[k * n + j];
                    }
                    a[i * n + j] = s;
                }
            }
            assertEstimates(a, n, null);
        }
    }

    @Test
    void aBadlyScaledButWellConditionedMatrixIsNotIllConditioned() {
        // A = D M D with D from 1e-6 to 1e6 and M = tridiag(0.3, 1, 0.3): κ(A) ≈ 1e24, κ₁(SAS) = κ₁(M) ≤ 1.6 · 2.5 = 4
        // (‖M⁻¹‖₁ ≤ 1/(1 − 0.6) by the Neumann series)
        int n = 40;
        double[] a = new double[n * n];
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = Math.pow(10, -6 + 12.0 * i / (n - 1));
        }
        for (int i = 0; i < n; i++) {
            a[i * n + i] = d[i] * d[i];
            if (i > 0) {
                a[i * n + i - 1] = 0.3 * d[i] * d[i - 1];
                a[(i - 1) * n + i] = 0.3 * d[i] * d[i - 1];
            }
        }
        Factored f = factor(a, n, null);
        double estimate = f.chol().conditionEstimate(f.values(), null);
        assertTrue(estimate <= 4 + 1e-9, "estimate " + estimate);
        assertEstimates(a, n, null);
    }

    @Test
    void findsOneNearlySingularBlockAmongManyWellConditionedOnes() {
        // 2×2 blocks [[1, c], [c, 1]] with c = 0.5, one of them with c = −(1 − 1e-9) (κ ≈ 2e9, its near-null vector
        // (1, 1)): the average over e/n dilutes that block by n/2, the largest entry of Hager's gradient finds it
        int n = 400;
        double[] a = new double[n * n];
        for (int b = 0; b < n; b += 2) {
            double c = b == 250 ? -(1 - 1e-9) : 0.5;
            a[b * n + b] = 1;
            a[(b + 1) * n + b + 1] = 1;
            a[b * n + b + 1] = c;
            a[(b + 1) * n + b] = c;
        }
        assertEstimates(a, n, null);
        Factored f = factor(a, n, null);
        assertTrue(f.chol().conditionEstimate(f.values(), null) > 1e9);
    }

    @Test
    void oneByOneAndNoFactorization() {
        Factored f = factor(new double[] {4}, 1, null);
        assertEquals(1, f.chol().conditionEstimate(f.values(), null), 1e-15);
        SparseCholesky unfactored = new SparseCholesky(1, new int[] {0, 1}, new int[] {0});
        assertThrows(IllegalStateException.class, () -> unfactored.conditionEstimate(new double[] {1}, null));
    }
}
