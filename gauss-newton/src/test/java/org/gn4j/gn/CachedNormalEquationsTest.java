package org.gn4j.gn;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;
import org.gn4j.solvers.SolveResult;
import org.junit.jupiter.api.Test;

/**
 * The Cholesky step caches {@code J̃ᵀJ̃} per Jacobian and the factor per (λ, D): every step it returns must equal the
 * step from normal equations formed afresh (EJML {@code multInner}, LU solve), across changes of λ, of D, of the
 * right-hand side (geodesic acceleration) and of the point (a stale Gram matrix would fail the last case).
 */
class CachedNormalEquationsTest {
    static final int M = 90;
    static final int N = 17;
    static final DMatrixRMaj A = new DMatrixRMaj(M, N);
    static final double[] Y = new double[M];

    static {
        Random rnd = new Random(3);
        for (int i = 0; i < A.data.length; i++) {
            A.data[i] = rnd.nextGaussian() / Math.sqrt(N);
        }
        for (int i = 0; i < M; i++) {
            Y[i] = rnd.nextGaussian() * 0.3;
        }
    }

    /** r_i = tanh(a_i·x) + 0.1·x_(i mod n)² − y_i. */
    static void residuals(double[] x, double[] r) {
        for (int i = 0; i < M; i++) {
            double s = 0;
            for (int j = 0; j < N; j++) {
                s += A.get(i, j) * x[j];
            }
            double xj = x[i % N];
            r[i] = Math.tanh(s) + 0.1 * xj * xj - Y[i];
        }
    }

    static void jacobian(double[] x, DMatrixRMaj jac) {
        for (int i = 0; i < M; i++) {
            double s = 0;
            for (int j = 0; j < N; j++) {
                s += A.get(i, j) * x[j];
            }
            double t = Math.tanh(s);
            double dt = 1 - t * t;
            for (int j = 0; j < N; j++) {
                jac.set(i, j, dt * A.get(i, j));
            }
            jac.set(i, i % N, jac.get(i, i % N) + 0.2 * x[i % N]);
        }
    }

    static LeastSquaresProblem problem() {
        return LeastSquaresProblem.builder(N, M).residuals(CachedNormalEquationsTest::residuals)
                .jacobian(CachedNormalEquationsTest::jacobian).build();
    }

    /** (JᵀJ + λD²)δ = −Jᵀres formed from scratch at x. */
    static double[] reference(double[] x, double[] res, double lambda, double[] d) {
        DMatrixRMaj j = new DMatrixRMaj(M, N);
        jacobian(x, j);
        DMatrixRMaj a = new DMatrixRMaj(N, N);
        CommonOps_DDRM.multInner(j, a);
        for (int k = 0; k < N; k++) {
            a.add(k, k, lambda * d[k] * d[k]);
        }
        DMatrixRMaj b = new DMatrixRMaj(N, 1);
        CommonOps_DDRM.multTransA(j, new DMatrixRMaj(M, 1, true, res), b);
        CommonOps_DDRM.scale(-1, b);
        LinearSolverDense<DMatrixRMaj> lu = LinearSolverFactory_DDRM.lu(N);
        assertTrue(lu.setA(a));
        DMatrixRMaj out = new DMatrixRMaj(N, 1);
        lu.solve(b, out);
        return out.data;
    }

    static void assertClose(double[] expected, double[] actual, String what) {
        double diff = 0;
        double norm = 0;
        for (int k = 0; k < expected.length; k++) {
            diff = Math.max(diff, Math.abs(expected[k] - actual[k]));
            norm = Math.max(norm, Math.abs(expected[k]));
        }
        assertTrue(diff <= 1e-10 * norm, what + ": max difference " + diff + " against max entry " + norm);
    }

    @Test
    void cachedCholeskyStepsEqualFreshNormalEquations() {
        Random rnd = new Random(11);
        double[] x0 = new double[N];
        for (int k = 0; k < N; k++) {
            x0[k] = rnd.nextGaussian();
        }
        LeastSquaresObjective w = new LeastSquaresObjective(problem(), false);
        double[] x = x0.clone();
        w.start(x);
        org.gn4j.gn.core.Linearization lin = w.linearize(x);
        org.gn4j.gn.core.DampedSolver chol = org.gn4j.gn.core.DampedSolvers.cholesky();
        assertTrue(chol.prepare(lin).hasSolution());
        double[] d = new double[N];
        for (int k = 0; k < N; k++) {
            d[k] = 0.5 + rnd.nextDouble();
        }
        double[] other = new double[M];
        for (int i = 0; i < M; i++) {
            other[i] = rnd.nextGaussian();
        }
        double[] otherGradient = new double[N];
        double[] delta = new double[N];
        for (int round = 0; round < 2; round++) {
            lin.jacobian().applyTranspose(other, otherGradient);
            for (double lambda : new double[] {1e-3, 1e-1, 1e-3, 10}) {
                SolveResult s = chol.solve(lambda, d, lin.residuals(), lin.gradient(), delta);
                assertTrue(s.hasSolution(), s.toString());
                assertClose(reference(x, w.residuals(), lambda, d), delta, "step, lambda " + lambda + ", round "
                        + round);
                // same λ and D, another right-hand side: the factor is reused
                s = chol.solve(lambda, d, other, otherGradient, delta);
                assertTrue(s.hasSolution(), s.toString());
                assertClose(reference(x, other, lambda, d), delta, "second rhs, lambda " + lambda);
            }
            // same λ, another D: must refactor
            d[3] *= 7;
            chol.solve(10, d, lin.residuals(), lin.gradient(), delta);
            assertClose(reference(x, w.residuals(), 10, d), delta, "changed D");
            // move the point: the Gram matrix must be re-formed
            for (int k = 0; k < N; k++) {
                x[k] = x[k] + 0.3 * rnd.nextGaussian();
            }
            assertTrue(Double.isFinite(w.trialCost(x)));
            w.keepTrial();
            w.acceptTrial();
            lin = w.linearize(x);
            assertTrue(chol.prepare(lin).hasSolution());
            chol.solve(10, d, lin.residuals(), lin.gradient(), delta);
            assertClose(reference(x, w.residuals(), 10, d), delta, "after a new Jacobian, same lambda and D");
        }
    }

    @Test
    void choleskyAndQrLevenbergMarquardtAgree() {
        double[] x0 = new double[N];
        java.util.Arrays.fill(x0, 0.2);
        Optimum qr = new LevenbergMarquardt().optimize(problem(), x0);
        Optimum ch = new LevenbergMarquardt().withStepSolver(StepSolver.CHOLESKY).optimize(problem(), x0);
        assertTrue(Math.abs(qr.cost() - ch.cost()) <= 1e-9 * qr.cost(), qr.cost() + " vs " + ch.cost());
    }
}
