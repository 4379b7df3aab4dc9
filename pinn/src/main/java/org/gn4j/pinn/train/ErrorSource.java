package org.gn4j.pinn.train;

import org.gn4j.pinn.pde.ErrorMetrics;

/** What a training history measures: the errors of the network's solution against the exact one, where known. */
public interface ErrorSource {
    /** Whether an exact solution is known (else no errors are measured). */
    boolean hasExactSolution();

    /** Errors at parameters θ on the evaluation points (point-major). */
    ErrorMetrics errors(double[] theta, double[] points);
}
