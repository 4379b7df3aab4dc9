package org.gn4j.bench.nlls;

import org.gn4j.gn.LeastSquaresProblem;

/**
 * One run of a suite: a problem, its starting point and how a finished run is judged.
 *
 * @param name    run name, unique in its suite, e.g. {@code "Misra1a start 1"} or {@code "Rosenbrock x10"}
 * @param family  the data set or function the run belongs to ({@code --problems} selects by it)
 * @param start   the start's label: {@code 1}/{@code 2} for NIST, the factor of x0 ({@code 1, 10, 100}) for MGH
 * @param problem the problem (dense Jacobian, plain least squares, possibly bounded)
 * @param x0      starting point, length n
 * @param judge   whether a final point and its cost count as solved
 */
public record NllsProblem(String name, String family, int start, LeastSquaresProblem problem, double[] x0,
        Judge judge) {

    /** Whether a finished run solved the problem. */
    @FunctionalInterface
    public interface Judge {
        /**
         * @param x    final point, length n
         * @param cost {@code ½‖r(x)‖²} (NaN when not finite)
         * @return whether the run counts as solved
         */
        boolean solved(double[] x, double cost);
    }

    /**
     * Checks the start's length and copies it.
     *
     * @param name run name, unique in its suite
     * @param family the data set or function the run belongs to
     * @param start the start's label
     * @param problem the problem
     * @param x0 starting point, length n (copied)
     * @param judge whether a final point and its cost count as solved
     * @throws IllegalArgumentException if x0 does not have n entries
     */
    public NllsProblem {
        if (x0.length != problem.parameterCount()) {
            throw new IllegalArgumentException(name + ": start has " + x0.length + " entries, expected "
                    + problem.parameterCount());
        }
        x0 = x0.clone();
    }

    /** @return a copy of the start */
    @Override
    public double[] x0() {
        return x0.clone();
    }
}
