package org.gn4j.pinn.train;

import java.util.ArrayList;
import java.util.List;

import org.gn4j.gn.TerminationReason;
import org.gn4j.linalg.ArgumentChecks;
import org.gn4j.pinn.pde.ErrorMetrics;
import org.gn4j.pinn.pde.CollocationProblem;

/**
 * The bookkeeping every PINN trainer shares (single networks and domain decompositions): clock, budget, error
 * evaluations on schedule, target test, history. The clock stops while errors are measured: the budget and the
 * history's seconds count training only, so a large evaluation set or a wide network does not eat a method's budget.
 */
public final class Recorder {
    private final ErrorSource problem;
    private final TrainingOptions options;
    private final TrainingListener listener;
    private final long start = System.nanoTime();
    private final long budget;
    /** Nanoseconds spent measuring errors (not counted as training time). */
    private long measuring;
    private final List<HistoryPoint> history = new ArrayList<>();
    private double lastEval = Double.NEGATIVE_INFINITY;
    private boolean targetReached;

    Recorder(CollocationProblem problem, double[] start, TrainingOptions options, TrainingListener listener) {
        this(new ErrorSource() {
            @Override
            public boolean hasExactSolution() {
                return problem.hasExactSolution();
            }

            @Override
            public ErrorMetrics errors(double[] theta, double[] points) {
                return problem.errors(theta, points);
            }
        }, problem.parameterCount(), start, options, listener);
    }

    /**
     * A recorder for any problem with an error source.
     *
     * @param problem the source of error measurements against the reference
     * @param parameters the parameter count P
     * @param start the initial parameters, length P, finite (only checked, not kept)
     * @param options budget, evaluation schedule, evaluation points and target
     * @param listener receives every history sample, or null
     * @throws IllegalArgumentException if start does not have {@code parameters} finite entries
     */
    public Recorder(ErrorSource problem, int parameters, double[] start, TrainingOptions options,
            TrainingListener listener) {
        ArgumentChecks.requireLength("start", start, parameters);
        ArgumentChecks.requireFinite("start", start);
        this.problem = problem;
        this.options = options;
        this.listener = listener;
        this.budget = options.budget().toNanos();
    }

    /**
     * Training seconds since the recorder was made (time spent measuring errors left out).
     *
     * @return the training time in seconds
     */
    public double seconds() {
        return (System.nanoTime() - start - measuring) / 1e9;
    }

    /**
     * Whether the budget has run out.
     *
     * @return true once the training time exceeds the budget
     */
    public boolean outOfTime() {
        return System.nanoTime() > deadlineNanos();
    }

    /**
     * The deadline on {@link System#nanoTime()}: the budget after the start, moved by the time spent measuring.
     *
     * @return the deadline in nanoseconds on the {@link System#nanoTime()} clock
     */
    public long deadlineNanos() {
        return start + budget + measuring;
    }

    /**
     * Records a sample when the schedule says so (or {@code force}); returns true once the target is reached.
     *
     * @param iteration the iteration number of the sample
     * @param loss the current loss {@code ½‖r‖²}
     * @param theta the current parameters (errors are measured on them if the problem has a reference); not kept
     * @param force true to sample regardless of the schedule
     * @return true if this or an earlier sample reached the target relative L2 error
     */
    public boolean sample(int iteration, double loss, double[] theta, boolean force) {
        double now = seconds();
        if (!force && now - lastEval < options.evaluateEverySeconds()) {
            return targetReached;
        }
        lastEval = now;
        double l2 = Double.NaN;
        double max = Double.NaN;
        if (options.evaluationPoints() != null && problem.hasExactSolution()) {
            long t0 = System.nanoTime();
            ErrorMetrics e = problem.errors(theta, options.evaluationPoints());
            measuring += System.nanoTime() - t0;
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

    /**
     * Whether a sample reached the target error.
     *
     * @return true if a sample's relative L2 error was at or below the target
     */
    public boolean targetReached() {
        return targetReached;
    }

    /**
     * The final sample and the result (status TARGET_REACHED whenever a sample reached the target).
     *
     * @param name the trainer's name for the result
     * @param theta the final parameters; copied
     * @param iterations the number of iterations run
     * @param loss the final loss
     * @param status why the trainer stopped (replaced by TARGET_REACHED if the target was reached)
     * @param message a human-readable detail of the stop
     * @return the result with the full history
     */
    public TrainingResult finish(String name, double[] theta, int iterations, double loss, TerminationReason status,
            String message) {
        sample(iterations, loss, theta, true);
        TerminationReason s = targetReached ? TerminationReason.TARGET_REACHED : status;
        return new TrainingResult(name, theta.clone(), history, iterations, seconds(), s, message);
    }

    /**
     * {@code ½‖r‖²}.
     *
     * @param r residual vector
     * @return half the sum of squares of r
     */
    public static double cost(double[] r) {
        double s = 0;
        for (double v : r) {
            s += v * v;
        }
        return 0.5 * s;
    }
}
