package org.gn4j.gn;

/** A nonlinear least-squares solver: Gauss-Newton, Levenberg-Marquardt, dogleg. */
public interface LeastSquaresOptimizer {
    /**
     * Minimizes the problem's cost from {@code start}.
     *
     * @throws IllegalArgumentException if {@code start} has the wrong length, is not finite, or gives non-finite
     *                                  residuals
     */
    Optimum optimize(LeastSquaresProblem problem, double[] start);

    /** Short name for reports ("LM", "GN", "dogleg"). */
    String name();
}
