package org.gn4j.gn.ba;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.gn4j.gn.LevenbergMarquardt;
import org.gn4j.gn.TerminationReason;
import org.gn4j.gn.core.DampedSolver;
import org.gn4j.gn.core.DampedSolvers;
import org.gn4j.gn.core.GaussNewtonLoop;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The default Levenberg-Marquardt configuration on a small generated problem reaches the noise level. */
class BundleAdjustmentFitTest {

    @ParameterizedTest
    @ValueSource(strings = {"dense", "iterative"})
    void levenbergMarquardtReachesTheNoiseLevel(String solver) {
        double sigma = 0.5;
        BalGenerator gen = new BalGenerator(8, 150, 21).withViewsPerPoint(4).withPixelNoise(sigma);
        BalProblem p = gen.generate();
        BundleAdjustmentObjective obj = new BundleAdjustmentObjective(p);
        DampedSolver s = solver.equals("dense") ? DampedSolvers.denseSchur() : DampedSolvers.iterativeSchur(1e-8, 500);
        GaussNewtonLoop.State st = new LevenbergMarquardt().loop().withSolver(s).run(obj, p.parameters());
        int m = p.residualCount();
        // E[½‖r*‖²] ≈ ½σ²(m − rank J); rank J = n − 7 (gauge: rotation, translation, scale)
        double noise = 0.5 * sigma * sigma * (m - (p.parameterCount() - 7));
        double[] r = new double[m];
        double truthCost = p.residuals(gen.truth(), r);
        assertTrue(st.initialCost() > 100 * noise, "start cost " + st.initialCost());
        assertTrue(st.cost() < 1.3 * noise && st.cost() > 0.7 * noise,
                solver + ": cost " + st.cost() + ", noise level " + noise + ", " + st.reason() + " " + st.message());
        // the fit is at least as good as the true scene (it minimises over it)
        assertTrue(st.cost() <= truthCost * (1 + 1e-9), "cost " + st.cost() + " vs truth " + truthCost);
        assertTrue(st.reason() != TerminationReason.NON_FINITE && st.reason() != TerminationReason.LINEAR_SOLVER_FAILURE,
                st.reason() + ": " + st.message());
    }
}
