package org.gn4j.gn.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.gn4j.gn.Dogleg;
import org.gn4j.gn.LevenbergMarquardt;
import org.gn4j.gn.Optimum;
import org.gn4j.gn.suites.MoreGarbowHillstrom;
import org.gn4j.gn.suites.TestProblem;
import org.junit.jupiter.api.Test;

/**
 * The two-dimensional subspace step of {@link GaussNewtonLoop.Descent#SUBSPACE}: it lies in the trust region and
 * decreases the model at least as much as Powell's dogleg point for the same radius (the dogleg path lies in the same
 * subspace), and dogleg with it reaches published minima.
 */
class SubspaceDescentTest {

    /** A fixed radius whose steps are all refused, so that the state keeps the start's linearization. */
    private record RefuseAll(double radius) implements StepControl {
        @Override
        public double[] initialState(double scaledStartNorm) {
            return new double[] {radius};
        }

        @Override
        public double damping(double[] state) {
            return state[0];
        }

        @Override
        public boolean acceptable(double gainRatio, double actualReduction) {
            return false;
        }

        @Override
        public void accepted(double[] state, double gainRatio, double stepNorm, long nextStep) {
        }

        @Override
        public boolean rejected(double[] state, double gainRatio, double stepNorm, long nextStep) {
            return true;
        }

        @Override
        public boolean usesGainRatio() {
            return true;
        }

        @Override
        public boolean isRadius() {
            return true;
        }
    }

    /** One refused trial step at radius Δ; returns {model decrease, ‖Dδ‖}. */
    private static double[] firstStep(TestProblem t, GaussNewtonLoop.Descent descent, double radius) {
        GaussNewtonLoop loop = new Dogleg().loop().withDescent(descent).withControl(new RefuseAll(radius));
        org.gn4j.gn.LeastSquaresObjective objective = new org.gn4j.gn.LeastSquaresObjective(t.problem(), false);
        GaussNewtonLoop.State st = loop.init(objective, t.start());
        loop.step(st);
        double[] delta = st.delta;
        double[] g = st.lin.gradient();
        double gd = 0;
        for (int j = 0; j < g.length; j++) {
            gd += g[j] * delta[j];
        }
        double decrease = -(gd + 0.5 * st.lin.curvature(delta));
        return new double[] {decrease, GaussNewtonLoop.scaledNorm(st.d, delta)};
    }

    @Test
    void stepStaysInTheRegionAndBeatsTheDoglegPointOnTheModel() {
        int compared = 0;
        for (TestProblem t : List.of(MoreGarbowHillstrom.rosenbrock(), MoreGarbowHillstrom.helicalValley(),
                MoreGarbowHillstrom.brownDennis(), MoreGarbowHillstrom.meyer())) {
            for (double radius : new double[] {1e-3, 1e-1, 1, 10}) {
                double[] sub = firstStep(t, GaussNewtonLoop.Descent.SUBSPACE, radius);
                double[] dog = firstStep(t, GaussNewtonLoop.Descent.DOGLEG, radius);
                assertTrue(sub[1] <= radius * (1 + 1e-12), t.name() + ": |Ds| " + sub[1] + " > radius " + radius);
                assertTrue(sub[0] >= dog[0] * (1 - 1e-9), String.format("%s radius %g: subspace model decrease "
                        + "%.10e < dogleg's %.10e", t.name(), radius, sub[0], dog[0]));
                assertTrue(sub[0] > 0, t.name() + ": no model decrease");
                compared++;
            }
        }
        assertEquals(16, compared);
    }

    @Test
    void reachesPublishedMinimaAndAgreesWithLm() {
        for (TestProblem t : List.of(MoreGarbowHillstrom.rosenbrock(), MoreGarbowHillstrom.helicalValley(),
                MoreGarbowHillstrom.bard(), MoreGarbowHillstrom.kowalikOsborne())) {
            Optimum o = new Dogleg().withSubspace(true).optimize(t.problem(), t.start());
            assertTrue(o.reason().converged() && t.isAcceptable(o.cost()), t.name() + ": " + o + " " + o.message());
            Optimum lm = new LevenbergMarquardt().optimize(t.problem(), t.start());
            assertEquals(lm.cost(), o.cost(), 1e-8 * Math.max(lm.cost(), 1e-300) + 1e-20, t.name());
        }
    }
}
