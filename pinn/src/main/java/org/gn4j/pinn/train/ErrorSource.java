package org.gn4j.pinn.train;

import org.gn4j.pinn.pde.ErrorMetrics;

/** What a training history measures: the errors of the network's solution against the exact one, where known. */
public interface ErrorSource {
    /**
     * Whether an exact solution is known (else no errors are measured).
     *
     * @return true if {@link #errors} can be called
     */
    boolean hasExactSolution();

    /**
     * Errors at parameters θ on the evaluation points (point-major).
     *
     * @param theta the parameters
     * @param points the evaluation points, point-major
     * @return the error metrics against the exact solution
     */
    ErrorMetrics errors(double[] theta, double[] points);
}
