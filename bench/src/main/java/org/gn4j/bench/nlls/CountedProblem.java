package org.gn4j.bench.nlls;

import org.ejml.data.DMatrixRMaj;
import org.gn4j.gn.LeastSquaresProblem;
import org.gn4j.gn.RobustLoss;

/**
 * A least-squares problem whose residual and Jacobian evaluations are counted and timed on the Java side: the
 * gn4j solvers run on {@link #problem()}, the SciPy bridge answers its requests through {@link #residuals} and
 * {@link #jacobian}, so both sides are counted the same way. One run at a time: {@link #reset()} before each.
 */
public final class CountedProblem {
    private final LeastSquaresProblem inner;
    private final LeastSquaresProblem counted;
    private int residualEvaluations;
    private int jacobianEvaluations;
    private long nanos;

    /**
     * Wraps {@code inner}.
     *
     * @param inner the problem to count, with a dense Jacobian, unweighted, with the linear loss; referenced, not
     *              copied
     * @throws IllegalArgumentException if the problem has no dense Jacobian, or has weights or a robust loss (the
     *                                  SciPy bridge evaluates plain least squares only)
     */
    public CountedProblem(LeastSquaresProblem inner) {
        if (inner.jacobianSource() != LeastSquaresProblem.JacobianSource.DENSE) {
            throw new IllegalArgumentException("problem Jacobian is " + inner.jacobianSource() + ", expected DENSE");
        }
        if (inner.weighted() || inner.loss() != RobustLoss.LINEAR) {
            throw new IllegalArgumentException("problem is weighted or has a robust loss, expected plain least squares");
        }
        this.inner = inner;
        int n = inner.parameterCount();
        int m = inner.residualCount();
        LeastSquaresProblem.Builder b = LeastSquaresProblem.builder(n, m).parameterNames(inner.parameterNames())
                .residuals(this::residuals).jacobian((x, j) -> jacobian(x, j.data));
        if (inner.bounded()) {
            b.bounds(inner.lowerBounds(), inner.upperBounds());
        }
        this.counted = b.build();
    }

    /**
     * The problem the gn4j solvers run on: the same functions, counted.
     *
     * @return a problem with the inner problem's sizes, names and bounds whose evaluations go through this counter
     */
    public LeastSquaresProblem problem() {
        return counted;
    }

    /**
     * Parameters n.
     *
     * @return n, the inner problem's parameter count
     */
    public int n() {
        return inner.parameterCount();
    }

    /**
     * Residuals m.
     *
     * @return m, the inner problem's residual count
     */
    public int m() {
        return inner.residualCount();
    }

    /** Zeroes the counts and the evaluation time. */
    public void reset() {
        residualEvaluations = 0;
        jacobianEvaluations = 0;
        nanos = 0;
    }

    /**
     * Evaluates (and counts) the residuals at {@code x} into {@code out} (length m).
     *
     * @param x the parameters, length n (not modified)
     * @param out receives the m residuals
     */
    public void residuals(double[] x, double[] out) {
        long t = System.nanoTime();
        residualEvaluations++;
        inner.residuals(x, out);
        nanos += System.nanoTime() - t;
    }

    /**
     * Evaluates (and counts) the Jacobian at {@code x} into {@code out} (length m·n, row-major).
     *
     * @param x the parameters, length n (not modified)
     * @param out receives the m×n Jacobian, row-major (length m·n)
     */
    public void jacobian(double[] x, double[] out) {
        long t = System.nanoTime();
        jacobianEvaluations++;
        inner.jacobian(x, null, DMatrixRMaj.wrap(m(), n(), out));
        nanos += System.nanoTime() - t;
    }

    /**
     * Residual evaluations since {@link #reset()}.
     *
     * @return the number of {@link #residuals} calls since the last reset
     */
    public int residualEvaluations() {
        return residualEvaluations;
    }

    /**
     * Jacobian evaluations since {@link #reset()}.
     *
     * @return the number of {@link #jacobian} calls since the last reset
     */
    public int jacobianEvaluations() {
        return jacobianEvaluations;
    }

    /**
     * Seconds spent evaluating since {@link #reset()}.
     *
     * @return the wall-clock seconds spent inside counted evaluations since the last reset
     */
    public double evaluationSeconds() {
        return nanos / 1e9;
    }

    /**
     * The cost {@code ½‖r(x)‖²} at {@code x}, not counted (NaN when a residual is not finite).
     *
     * @param x the parameters, length n (not modified)
     * @return ½ the sum of squared residuals, or NaN
     */
    public double cost(double[] x) {
        double[] r = new double[m()];
        inner.residuals(x, r);
        double s = 0;
        for (double v : r) {
            s += v * v;
        }
        return Double.isFinite(s) ? 0.5 * s : Double.NaN;
    }
}
