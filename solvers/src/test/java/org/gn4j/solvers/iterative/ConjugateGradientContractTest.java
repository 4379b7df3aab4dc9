package org.gn4j.solvers.iterative;

import org.ejml.data.DMatrixRMaj;
import org.gn4j.linalg.op.DenseOperator;
import org.gn4j.solvers.LinearSolver;
import org.gn4j.solvers.LinearSolverContract;
import org.junit.jupiter.api.Nested;

/** CG run through the shared linear-solver contract, plain and Jacobi-preconditioned. */
class ConjugateGradientContractTest {

    /**
     * CG stops on the residual, so its forward error is bounded by cond·relTol (plus round-off); the tolerance is set
     * to 1e-15 here and the contract's error budget widened accordingly (cond·1e-13 against the dense cond·1e-14).
     */
    abstract static class CgContract extends LinearSolverContract {
        abstract ConjugateGradient configure(ConjugateGradient cg);

        @Override
        protected LinearSolver prepareSpd(DMatrixRMaj spd) {
            DMatrixRMaj copy = spd.copy();
            org.gn4j.testkit.RandomMatrices.symmetrize(copy);
            return configure(new ConjugateGradient().withRelativeTolerance(1e-15).withMaxIterations(
                    Math.max(100, 50 * spd.numRows))).prepare(DenseOperator.symmetric(copy, true));
        }

        @Override
        protected double forwardErrorTolerance(double cond) {
            return cond * 1e-13;
        }
    }

    @Nested
    class Plain extends CgContract {
        @Override
        ConjugateGradient configure(ConjugateGradient cg) {
            return cg;
        }
    }

    @Nested
    class Jacobi extends CgContract {
        @Override
        ConjugateGradient configure(ConjugateGradient cg) {
            return cg.withJacobiPreconditioner();
        }
    }
}
