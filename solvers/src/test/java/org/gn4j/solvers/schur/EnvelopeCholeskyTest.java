package org.gn4j.solvers.schur;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.gn4j.solvers.SolveStatus;
import org.junit.jupiter.api.Test;

/**
 * The envelope Cholesky against the blocked dense one ({@link BlockedCholesky}) on a random SPD matrix with a ragged
 * profile (each row starting at a random column), by the residual {@code ‖b − Ax‖} of its solve, and its statuses.
 */
class EnvelopeCholeskyTest {
    @Test
    void solveMatchesDenseCholeskyOnARaggedProfile() {
        int n = 150;
        SplittableRandom rnd = new SplittableRandom(7);
        int[] first = new int[n];
        int[] start = new int[n + 1];
        double[] a = new double[n * n];
        for (int i = 0; i < n; i++) {
            first[i] = Math.max(0, i - rnd.nextInt(25));
            start[i + 1] = start[i] + i - first[i] + 1;
            for (int j = first[i]; j < i; j++) {
                double v = rnd.nextDouble(-1, 1);
                a[i * n + j] = v;
                a[j * n + i] = v;
            }
        }
        for (int i = 0; i < n; i++) {
            double s = 1;
            for (int j = 0; j < n; j++) {
                s += Math.abs(a[i * n + j]);
            }
            a[i * n + i] = s; // diagonally dominant: SPD
        }
        double[] env = new double[start[n]];
        for (int i = 0; i < n; i++) {
            for (int j = first[i]; j <= i; j++) {
                env[start[i] + j - first[i]] = a[i * n + j];
            }
        }
        EnvelopeCholesky c = new EnvelopeCholesky(first, start);
        assertEquals(SolveStatus.CONVERGED, c.factor(env).status());
        double[] b = rnd.doubles(n, -1, 1).toArray();
        double[] x = new double[n];
        c.solve(env, b, x);
        BlockedCholesky d = new BlockedCholesky();
        assertEquals(SolveStatus.CONVERGED, d.factor(a.clone(), n).status());
        double[] xd = new double[n];
        d.solve(b, xd);
        double diff = 0;
        double norm = 0;
        double res = 0;
        for (int i = 0; i < n; i++) {
            diff += (x[i] - xd[i]) * (x[i] - xd[i]);
            norm += xd[i] * xd[i];
            double s = b[i];
            for (int j = 0; j < n; j++) {
                s -= a[i * n + j] * x[j];
            }
            res += s * s;
        }
        assertTrue(Math.sqrt(diff / norm) < 1e-12, "relative difference " + Math.sqrt(diff / norm));
        assertTrue(Math.sqrt(res) < 1e-12, "residual " + Math.sqrt(res));
    }

    @Test
    void statusesAndShapeChecks() {
        // [[1, 2], [2, 1]] is indefinite
        EnvelopeCholesky c = new EnvelopeCholesky(new int[] {0, 0}, new int[] {0, 1, 3});
        assertEquals(SolveStatus.NOT_POSITIVE_DEFINITE, c.factor(new double[] {1, 2, 1}).status());
        assertEquals(SolveStatus.NON_FINITE, c.factor(new double[] {Double.NaN, 0, 1}).status());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new EnvelopeCholesky(new int[] {0, 2}, new int[] {0, 1, 2}));
        assertTrue(e.getMessage().contains("first[1]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new EnvelopeCholesky(new int[] {0, 0},
                new int[] {0, 1, 2}));
        assertTrue(e.getMessage().contains("row 1"), e.getMessage());
    }
}
