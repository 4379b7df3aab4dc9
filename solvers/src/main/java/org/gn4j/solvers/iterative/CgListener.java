package org.gn4j.solvers.iterative;

import org.gn4j.linalg.VectorView;

/**
 * Receives one call per conjugate-gradient iteration. The iterate is a read-only view, valid only during the call;
 * copy it if it must be kept. Implementations should be cheap: they run inside the solver's loop.
 */
@FunctionalInterface
public interface CgListener {
    /**
     * @param iteration    iterations completed so far (1 after the first operator product)
     * @param residualNorm the recursive residual norm {@code ‖r_k‖₂} (the true residual is recomputed periodically)
     * @param x            the current iterate {@code x_k}
     */
    void iteration(int iteration, double residualNorm, VectorView x);
}
