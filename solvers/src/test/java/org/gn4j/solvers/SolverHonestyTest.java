package org.gn4j.solvers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.gn4j.linalg.op.Operators;
import org.gn4j.solvers.iterative.ConjugateGradient;
import org.gn4j.solvers.lowrank.LowRankSolver;
import org.junit.jupiter.api.Test;

/** Linear solvers never call a non-solution converged. */
class SolverHonestyTest {
    /** U (4×10) whose last row is a combination of the first three: rank 3. */
    private static double[] rankDeficientFactor() {
        int k = 4;
        int d = 10;
        double[] u = new double[k * d];
        java.util.Random rnd = new java.util.Random(7);
        for (int j = 0; j < d; j++) {
            u[j] = rnd.nextGaussian();
            u[d + j] = rnd.nextGaussian();
            u[2 * d + j] = rnd.nextGaussian();
            u[3 * d + j] = u[j] + u[d + j] - 0.5 * u[2 * d + j];
        }
        return u;
    }

    @Test
    void aRankDeficientFactorWithZeroDampingIsSingularOrNotPositiveDefinite() {
        LowRankSolver s = new LowRankSolver();
        assertTrue(s.setFactor(rankDeficientFactor(), 4, 10).hasSolution());
        SolveResult f = s.factor(0);
        assertFalse(f.hasSolution(), "factor(0) of a rank-deficient U: " + f);
        assertTrue(f.status() == SolveStatus.SINGULAR || f.status() == SolveStatus.NOT_POSITIVE_DEFINITE,
                f.toString());
        assertThrows(SolverException.class, f::orThrow);
        // with damping the same factor is fine, and the solve's residual is small
        assertTrue(s.factor(1e-3).hasSolution());
        double[] h = {1, 2, 3, 4};
        double[] y = new double[4];
        SolveResult r = s.solveSmall(h, y);
        assertEquals(SolveStatus.CONVERGED, r.status());
        assertTrue(r.relativeResidual() < 1e-10, r.toString());
    }

    @Test
    void conjugateGradientOnAnIndefiniteOperatorHasNoSolutionAndOrThrowThrows() {
        double[] b = {1, 1};
        double[] x = new double[2];
        SolveResult r = new ConjugateGradient().prepare(Operators.diagonal(1, -3)).solve(b, x);
        assertFalse(r.hasSolution(), r.toString());
        assertEquals(SolveStatus.NOT_POSITIVE_DEFINITE, r.status());
        assertThrows(SolverException.class, r::orThrow);
        // negative curvature after a first step keeps the documented truncated answer: a descent direction
        double[] b2 = {1, 0.01};
        SolveResult later = new ConjugateGradient().prepare(Operators.diagonal(1, -1e-6)).solve(b2, x);
        assertTrue(later.status() == SolveStatus.NEGATIVE_CURVATURE || later.status() == SolveStatus.NOT_POSITIVE_DEFINITE,
                later.toString());
    }
}
