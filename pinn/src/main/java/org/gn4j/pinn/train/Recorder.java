package org.gn4j.pinn.train;

import java.util.ArrayList;
import java.util.List;

import org.gn4j.linalg.ArgumentChecks;
import org.gn4j.pinn.pde.ErrorMetrics;
import org.gn4j.pinn.pde.PinnProblem;

/** The bookkeeping every trainer shares: clock, budget, error evaluations on schedule, target test, history. */
final class Recorder {
    private final PinnProblem problem;
    private final TrainingOptions options;
    private final TrainingListener listener;
    private final long start = System.nanoTime();
    private final long deadline;
    private final List<HistoryPoint> history = new ArrayList<>();
    private double lastEval = Double.NEGATIVE_INFINITY;
    private boolean targetReached;

    Recorder(PinnProblem problem, double[] start, TrainingOptions options, TrainingListener listener) {
        ArgumentChecks.requireLength("start", start, problem.parameterCount());
        ArgumentChecks.requireFinite("start", start);
        this.problem = problem;
        this.options = options;
        this.listener = listener;
        this.deadline = this.start + options.budget().toNanos();
    }

    double seconds() {
        return (System.nanoTime() - start) / 1e9;
    }

    boolean outOfTime() {
        return System.nanoTime() > deadline;
    }

    long deadlineNanos() {
        return deadline;
    }

    /** Records a sample when the schedule says so (or {@code force}); returns true once the target is reached. */
    boolean sample(int iteration, double loss, double[] theta, boolean force) {
        double now = seconds();
        if (!force && now - lastEval < options.evaluateEverySeconds()) {
            return targetReached;
        }
        lastEval = now;
        double l2 = Double.NaN;
        double max = Double.NaN;
        if (options.evaluationPoints() != null && problem.spec().exact() != null) {
            ErrorMetrics e = problem.errors(theta, options.evaluationPoints());
            l2 = e.relativeL2();
            max = e.maxAbs();
            if (options.targetRelativeL2() > 0 && l2 <= options.targetRelativeL2()) {
                targetReached = true;
            }
        }
        HistoryPoint h = new HistoryPoint(iteration, now, loss, l2, max);
        history.add(h);
        if (listener != null) {
            listener.progress(h);
        }
        return targetReached;
    }

    boolean targetReached() {
        return targetReached;
    }

    TrainingResult finish(String name, double[] theta, int iterations, double loss, TrainingStatus status,
            String message) {
        sample(iterations, loss, theta, true);
        TrainingStatus s = targetReached ? TrainingStatus.TARGET_REACHED : status;
        return new TrainingResult(name, theta.clone(), history, iterations, seconds(), s, message);
    }

    static double cost(double[] r) {
        double s = 0;
        for (double v : r) {
            s += v * v;
        }
        return 0.5 * s;
    }
}
