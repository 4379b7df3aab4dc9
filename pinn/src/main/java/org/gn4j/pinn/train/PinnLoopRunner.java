package org.gn4j.pinn.train;

import java.time.Duration;

import org.gn4j.gn.LeastSquaresObjective;
import org.gn4j.gn.StoppingCriteria;
import org.gn4j.gn.TerminationReason;
import org.gn4j.gn.core.CallbackReturn;
import org.gn4j.gn.core.GaussNewtonLoop;
import org.gn4j.pinn.pde.CollocationProblem;

/**
 * Runs a configuration of the gauss-newton module's {@link GaussNewtonLoop} on a PINN: the loop's budget from the
 * training options, a callback that records the error history on schedule and stops the run once the target error
 * is reached, and rounds over freshly sampled collocation points (every {@code resampleEvery} iterations) that keep
 * the parameters and the control's state (the damping).
 */
final class PinnLoopRunner {
    private PinnLoopRunner() {
    }

    /** The PINN's least-squares problem, dense or matrix-free. */
    static LeastSquaresObjective objective(CollocationProblem p, boolean matrixFree) {
        return new LeastSquaresObjective(matrixFree ? p.leastSquaresMatrixFree() : p.leastSquares(), matrixFree);
    }

    static TrainingResult run(String name, GaussNewtonLoop configured, boolean matrixFree, CollocationProblem problem,
            double[] start, TrainingOptions options, TrainingListener listener) {
        Recorder rec = new Recorder(problem, start, options, listener);
        double[] theta = start.clone();
        double[] r0 = new double[problem.residualCount()];
        problem.residuals(theta, r0);
        double cost = Recorder.cost(r0);
        rec.sample(0, cost, theta, true);
        int done = 0;
        int round = 0;
        double[] control = null;
        CollocationProblem current = problem;
        double[] th = new double[theta.length];
        while (true) {
            long left = rec.deadlineNanos() - System.nanoTime();
            if (left <= 0) {
                return rec.finish(name, theta, done, cost, TerminationReason.TIME_BUDGET, "budget reached");
            }
            int cap = options.maxIterations() - done;
            if (cap <= 0) {
                return rec.finish(name, theta, done, cost, TerminationReason.MAX_ITERATIONS, "iteration cap");
            }
            if (options.resampleEvery() > 0) {
                cap = Math.min(cap, options.resampleEvery());
            }
            final int offset = done;
            GaussNewtonLoop loop = configured
                    .withBudget(options.caps().withMaxIterations(cap).withWallClock(Duration.ofNanos(left)))
                    .withCallback((ir, x) -> {
                        if (!ir.accepted()) {
                            return CallbackReturn.CONTINUE;
                        }
                        x.copyTo(th, 0);
                        return rec.sample(offset + ir.iteration(), ir.cost(), th, false) ? CallbackReturn.STOP
                                : CallbackReturn.CONTINUE;
                    });
            LeastSquaresObjective objective = objective(current, matrixFree);
            GaussNewtonLoop.State st = loop.init(objective, theta);
            if (control != null && st.reason() == null) {
                st.restoreControlState(control);
            }
            while (st.reason() == null) {
                loop.step(st);
            }
            theta = st.x().clone();
            cost = st.cost();
            done += st.iterations();
            control = st.controlState().clone();
            TerminationReason why = st.reason();
            if (why == TerminationReason.USER_SUCCESS) {
                return rec.finish(name, theta, done, cost, TerminationReason.TARGET_REACHED, "target reached");
            }
            if (!why.success() && !why.budget()) {
                return rec.finish(name, theta, done, cost, why, st.message());
            }
            if (why.converged() && options.resampleEvery() == 0) {
                return rec.finish(name, theta, done, cost, why, st.message());
            }
            if (options.resampleEvery() > 0 && why != TerminationReason.TIME_BUDGET) {
                round++;
                current = problem.atRound(round);
                double[] r = new double[current.residualCount()];
                current.residuals(theta, r);
                cost = Recorder.cost(r);
            }
        }
    }

    /** Tolerances that never stop a PINN run early except on a vanishing step: the budget and target decide. */
    static StoppingCriteria tolerances(double parameterTolerance) {
        return StoppingCriteria.defaults().withFunctionTolerance(0).withGradientTolerance(0)
                .withParameterTolerance(parameterTolerance);
    }
}
