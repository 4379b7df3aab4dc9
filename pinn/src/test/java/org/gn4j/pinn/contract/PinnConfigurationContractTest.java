package org.gn4j.pinn.contract;

import java.util.concurrent.atomic.AtomicInteger;

import org.gn4j.gn.LeastSquaresObjective;
import org.gn4j.gn.StoppingCriteria;
import org.gn4j.gn.core.ContractProblems;
import org.gn4j.gn.core.GaussNewtonLoop;
import org.gn4j.gn.core.GaussNewtonLoopContract;
import org.gn4j.gn.core.Objective;
import org.gn4j.pinn.dd.FbpinnTrainer;
import org.gn4j.pinn.train.GaussNewtonTrainer;
import org.gn4j.pinn.train.LevenbergMarquardtTrainer;
import org.junit.jupiter.api.Nested;

/**
 * The core loop contract for the PINN module's configurations: their parts (damped solver, control, step length,
 * scaling) on the contract's known-answer problem, with the standard tolerances in place of the PINN runs' (which
 * stop only on their budget or target error).
 */
class PinnConfigurationContractTest {
    static final int BLOCKS = 2;

    static Objective dense(AtomicInteger counter) {
        return new LeastSquaresObjective(ContractProblems.dense(BLOCKS, counter), false);
    }

    static GaussNewtonLoop standard(GaussNewtonLoop loop) {
        return loop.withTolerances(StoppingCriteria.defaults());
    }

    @Nested
    class Engd extends GaussNewtonLoopContract {
        @Override
        protected GaussNewtonLoop loop() {
            return standard(GaussNewtonTrainer.engd(1e-10, 10).loop());
        }

        @Override
        protected Objective objective(AtomicInteger counter) {
            return dense(counter);
        }
    }

    @Nested
    class PinnLevenbergMarquardt extends GaussNewtonLoopContract {
        @Override
        protected GaussNewtonLoop loop() {
            return standard(new LevenbergMarquardtTrainer().loop());
        }

        @Override
        protected Objective objective(AtomicInteger counter) {
            return dense(counter);
        }
    }

    @Nested
    class PinnWoodbury extends GaussNewtonLoopContract {
        @Override
        protected GaussNewtonLoop loop() {
            return standard(new GaussNewtonTrainer().withInnerSolve(GaussNewtonTrainer.InnerSolve.WOODBURY).loop());
        }

        @Override
        protected Objective objective(AtomicInteger counter) {
            return dense(counter);
        }
    }

    @Nested
    class FbpinnBlockBanded extends GaussNewtonLoopContract {
        @Override
        protected GaussNewtonLoop loop() {
            return standard(FbpinnTrainer.levenbergMarquardt(FbpinnTrainer.Solve.BLOCK_BANDED).loop());
        }

        @Override
        protected Objective objective(AtomicInteger counter) {
            return new LeastSquaresObjective(ContractProblems.blockBanded(BLOCKS, counter), true);
        }
    }
}
