package org.gn4j.solvers.sparse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.gn4j.solvers.SolveResult;
import org.junit.jupiter.api.Test;

/**
 * The range-parallel factorization of a forest-structured matrix against the product it factors: {@code A·y = b}
 * to rounding, and a failing pivot named where it is.
 */
class SparseCholeskyRangesTest {
    /** Upper triangle (compressed columns) of a block-diagonal SPD matrix with blocks of 1 to 3 columns. */
    private static int[][] blockPattern(int n, Random rnd) {
        int[] start = new int[n + 1];
        int[] rows = new int[3 * n];
        int size = 0;
        int blockStart = 0;
        for (int j = 0; j < n; j++) {
            if (j - blockStart >= 1 + rnd.nextInt(3)) {
                blockStart = j;
            }
            for (int i = blockStart; i <= j; i++) {
                rows[size++] = i;
            }
            start[j + 1] = size;
        }
        return new int[][] {start, java.util.Arrays.copyOf(rows, size)};
    }

    @Test
    void blockDiagonalMatrixSplitsIntoRangesAndSolvesToRounding() {
        int n = 3 * SparseCholesky.MIN_RANGE + 17;
        Random rnd = new Random(3);
        int[][] p = blockPattern(n, rnd);
        int[] cs = p[0];
        int[] ri = p[1];
        double[] v = new double[cs[n]];
        int[] diag = new int[n];
        for (int j = 0; j < n; j++) {
            for (int q = cs[j]; q < cs[j + 1]; q++) {
                v[q] = ri[q] == j ? 4 + rnd.nextDouble() : rnd.nextDouble() - 0.5;
            }
            diag[j] = cs[j + 1] - 1;
        }
        SparseCholesky chol = new SparseCholesky(n, cs, ri);
        assertTrue(chol.independentRanges() > 1, "ranges " + chol.independentRanges());
        double[] shift = new double[n];
        java.util.Arrays.fill(shift, 0.25);
        assertTrue(chol.factor(v, shift, diag).hasSolution());
        double[] b = new double[n];
        for (int j = 0; j < n; j++) {
            b[j] = rnd.nextGaussian();
        }
        double[] y = new double[n];
        chol.solve(b, y);
        // A·y from the upper triangle plus the shift
        double[] ay = new double[n];
        for (int j = 0; j < n; j++) {
            ay[j] += shift[j] * y[j];
            for (int q = cs[j]; q < cs[j + 1]; q++) {
                int i = ri[q];
                ay[i] += v[q] * y[j];
                if (i != j) {
                    ay[j] += v[q] * y[i];
                }
            }
        }
        for (int j = 0; j < n; j++) {
            assertEquals(b[j], ay[j], 1e-12 * Math.max(1, Math.abs(b[j])), "row " + j);
        }
    }

    @Test
    void aFailingPivotInALaterRangeIsNamed() {
        int n = 3 * SparseCholesky.MIN_RANGE;
        int[] cs = new int[n + 1];
        int[] ri = new int[n];
        double[] v = new double[n];
        int[] diag = new int[n];
        for (int j = 0; j < n; j++) { // diagonal
            cs[j + 1] = j + 1;
            ri[j] = j;
            v[j] = 1;
            diag[j] = j;
        }
        int bad = n - 5;
        v[bad] = -2;
        SparseCholesky chol = new SparseCholesky(n, cs, ri);
        assertTrue(chol.independentRanges() > 1);
        SolveResult r = chol.factor(v, null, diag);
        assertFalse(r.hasSolution());
        assertTrue(r.message().contains("pivot " + bad + " is -2.0"), r.message());
        v[bad] = 1; // the work vector was left clean: the next factorization succeeds
        assertTrue(chol.factor(v, null, diag).hasSolution());
    }
}
