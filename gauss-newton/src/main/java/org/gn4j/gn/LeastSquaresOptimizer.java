package org.gn4j.gn;

/** A nonlinear least-squares solver: Gauss-Newton, Levenberg-Marquardt, dogleg. */
public interface LeastSquaresOptimizer {
    /**
     * Minimizes the problem's cost from {@code start}.
     *
     * @param problem the problem; not {@code null}
     * @param start the starting point, length n (not modified)
     * @return the result: parameters, cost, counts, termination reason and trace
     * @throws IllegalArgumentException if {@code start} has the wrong length, is not finite, or gives non-finite
     *                                  residuals
     */
    Optimum optimize(LeastSquaresProblem problem, double[] start);

    /**
     * Short name for reports ("LM", "GN", "dogleg").
     *
     * @return the solver's short name
     */
    String name();
}
