package org.gn4j.gn.core;

import java.util.concurrent.atomic.AtomicInteger;

import org.gn4j.gn.DampingRule;
import org.gn4j.gn.Dogleg;
import org.gn4j.gn.GaussNewton;
import org.gn4j.gn.LeastSquaresObjective;
import org.gn4j.gn.LevenbergMarquardt;
import org.gn4j.gn.StepSolver;
import org.gn4j.gn.stochastic.DampedObjectives;
import org.gn4j.gn.stochastic.Egn;
import org.gn4j.gn.stochastic.Sgn;
import org.junit.jupiter.api.Nested;

/** The loop contract for every configuration of the gauss-newton module (the PINN module runs its own). */
class ConfigurationContractTest {
    static Objective dense(AtomicInteger counter) {
        return new LeastSquaresObjective(ContractProblems.dense(GaussNewtonLoopContract.BLOCKS, counter), false);
    }

    static Objective matrixFree(AtomicInteger counter) {
        return new LeastSquaresObjective(ContractProblems.blockBanded(GaussNewtonLoopContract.BLOCKS, counter),
                true);
    }

    @Nested
    class LevenbergMarquardtQr extends GaussNewtonLoopContract {
        @Override
        protected GaussNewtonLoop loop() {
            return new LevenbergMarquardt().loop();
        }

        @Override
        protected Objective objective(AtomicInteger counter) {
            return dense(counter);
        }

    }

    @Nested
    class LevenbergMarquardtCholesky extends GaussNewtonLoopContract {
        @Override
        protected GaussNewtonLoop loop() {
            return new LevenbergMarquardt().withStepSolver(StepSolver.CHOLESKY)
                    .withScaling(org.gn4j.gn.ScalingRule.IDENTITY).loop();
        }

        @Override
        protected Objective objective(AtomicInteger counter) {
            return dense(counter);
        }
    }

    @Nested
    class LevenbergMarquardtCg extends GaussNewtonLoopContract {
        @Override
        protected GaussNewtonLoop loop() {
            return new LevenbergMarquardt().withStepSolver(StepSolver.CG).withScaling(org.gn4j.gn.ScalingRule.CURRENT)
                    .loop();
        }

        @Override
        protected Objective objective(AtomicInteger counter) {
            return matrixFree(counter);
        }
    }

    @Nested
    class LevenbergMarquardtMarquardtRule extends GaussNewtonLoopContract {
        @Override
        protected GaussNewtonLoop loop() {
            return new LevenbergMarquardt().withDampingRule(DampingRule.MARQUARDT)
                    .withScaling(org.gn4j.gn.ScalingRule.IDENTITY).withGeodesicAcceleration(false).loop();
        }

        @Override
        protected Objective objective(AtomicInteger counter) {
            return dense(counter);
        }
    }

    @Nested
    class LevenbergMarquardtTrustRegion extends GaussNewtonLoopContract {
        @Override
        protected GaussNewtonLoop loop() {
            return new LevenbergMarquardt().withDampingRule(DampingRule.TRUST_REGION).loop();
        }

        @Override
        protected Objective objective(AtomicInteger counter) {
            return dense(counter);
        }
    }

    @Nested
    class DoglegQr extends GaussNewtonLoopContract {
        @Override
        protected GaussNewtonLoop loop() {
            return new Dogleg().loop();
        }

        @Override
        protected Objective objective(AtomicInteger counter) {
            return dense(counter);
        }

    }

    @Nested
    class DoglegSubspace extends GaussNewtonLoopContract {
        @Override
        protected GaussNewtonLoop loop() {
            return new Dogleg().withSubspace(true).loop();
        }

        @Override
        protected Objective objective(AtomicInteger counter) {
            return dense(counter);
        }
    }

    @Nested
    class GaussNewtonArmijo extends GaussNewtonLoopContract {
        @Override
        protected GaussNewtonLoop loop() {
            return new GaussNewton().loop();
        }

        @Override
        protected Objective objective(AtomicInteger counter) {
            return dense(counter);
        }

    }

    @Nested
    class SgnHessianFree extends GaussNewtonLoopContract {
        @Override
        protected GaussNewtonLoop loop() {
            return new Sgn().loop();
        }

        @Override
        protected Objective objective(AtomicInteger counter) {
            return DampedObjectives.fullBatch(new Sgn(), BLOCKS, counter);
        }
    }

    @Nested
    class EgnPushThrough extends GaussNewtonLoopContract {
        @Override
        protected GaussNewtonLoop loop() {
            return new Egn().loop();
        }

        @Override
        protected Objective objective(AtomicInteger counter) {
            return DampedObjectives.fullBatch(new Egn(), BLOCKS, counter);
        }

        @Override
        protected double tolerance() {
            return 1e-7; // the damping floor 1e-3 makes convergence linear
        }
    }
}
