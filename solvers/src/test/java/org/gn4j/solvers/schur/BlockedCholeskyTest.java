package org.gn4j.solvers.schur;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.ejml.data.DMatrixRMaj;
import org.gn4j.solvers.SolveResult;
import org.gn4j.solvers.SolveStatus;
import org.gn4j.solvers.dense.DenseCholeskySolver;
import org.junit.jupiter.api.Test;

/**
 * The blocked in-place Cholesky against EJML's Cholesky ({@link DenseCholeskySolver}) and against the residual
 * {@code ‖b − Ax‖} of its own solve, at sizes below, at and across the block size (one, two and three block columns,
 * a partial last block), and its statuses on matrices that are not positive definite.
 */
class BlockedCholeskyTest {
    /** A random SPD matrix {@code GᵀG/n + I·shift}, full (both triangles). */
    private static double[] spd(int n, double shift, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] g = rnd.doubles((long) n * n, -1, 1).toArray();
        double[] a = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double s = 0;
                for (int q = 0; q < n; q++) {
                    s += g[q * n + i] * g[q * n + j];
                }
                a[i * n + j] = s / n;
                a[j * n + i] = s / n;
            }
            a[i * n + i] += shift;
        }
        return a;
    }

    @Test
    void solvesMatchEjmlCholeskyAcrossBlockBoundaries() {
        int b = BlockedCholesky.BLOCK;
        for (int n : new int[] {1, 7, b - 1, b, b + 1, 2 * b + 37}) {
            double[] a = spd(n, 0.1, n);
            double[] b0 = new SplittableRandom(n + 1).doubles(n, -1, 1).toArray();
            DenseCholeskySolver ref = new DenseCholeskySolver();
            assertTrue(ref.factor(DMatrixRMaj.wrap(n, n, a.clone())).hasSolution());
            double[] xr = new double[n];
            ref.solve(b0, xr);
            BlockedCholesky c = new BlockedCholesky();
            double[] work = a.clone();
            // the strict upper triangle is never read: garbage there must not matter
            for (int i = 0; i < n; i++) {
                for (int j = i + 1; j < n; j++) {
                    work[i * n + j] = Double.NaN;
                }
            }
            SolveResult f = c.factor(work, n);
            assertEquals(SolveStatus.CONVERGED, f.status(), "n " + n + ": " + f);
            double[] x = new double[n];
            c.solve(b0, x);
            double diff = 0;
            double norm = 0;
            double res = 0;
            double bn = 0;
            for (int i = 0; i < n; i++) {
                diff += (x[i] - xr[i]) * (x[i] - xr[i]);
                norm += xr[i] * xr[i];
                double s = b0[i];
                for (int j = 0; j < n; j++) {
                    s -= a[i * n + j] * x[j];
                }
                res += s * s;
                bn += b0[i] * b0[i];
            }
            assertTrue(Math.sqrt(diff / norm) < 1e-10, "n " + n + ": relative difference " + Math.sqrt(diff / norm));
            assertTrue(Math.sqrt(res / bn) < 1e-11, "n " + n + ": relative residual " + Math.sqrt(res / bn));
            // solve in place (x = b)
            double[] y = b0.clone();
            c.solve(y, y);
            for (int i = 0; i < n; i++) {
                assertEquals(x[i], y[i], 0.0);
            }
        }
    }

    @Test
    void indefiniteAndSingularMatricesGiveStatuses() {
        int n = BlockedCholesky.BLOCK + 20;
        double[] a = spd(n, 0.1, 3);
        // a negative pivot in the second block column
        a[(n - 5) * n + n - 5] = -100;
        assertEquals(SolveStatus.NOT_POSITIVE_DEFINITE, new BlockedCholesky().factor(a, n).status());
        // rank one: x xᵀ plus a tiny shift
        double[] r = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                r[i * n + j] = (i + 1.0) * (j + 1.0);
            }
            r[i * n + i] += 1e-13;
        }
        SolveStatus s = new BlockedCholesky().factor(r, n).status();
        assertTrue(s == SolveStatus.SINGULAR || s == SolveStatus.NOT_POSITIVE_DEFINITE, s.toString());
        double[] nan = spd(4, 1, 4);
        nan[5] = Double.NaN;
        assertEquals(SolveStatus.NON_FINITE, new BlockedCholesky().factor(nan, 4).status());
    }
}
