package org.gn4j.pinn.train;

import org.gn4j.pinn.pde.CollocationProblem;

/** A training method for PINN problems (Gauss-Newton-type or first-order), behind one interface. */
public interface PinnOptimizer {
    /**
     * A short description for tables ("LM (cholesky, geodesic)", "Adam lr=1e-3").
     *
     * @return the name
     */
    String name();

    /**
     * Trains from {@code start} (not modified) within the options' budget.
     *
     * @param problem the problem at its starting collocation round
     * @param start initial parameters, length {@code problem.parameterCount()}, finite
     * @param options budget, iteration cap, evaluation and resampling options
     * @param listener receives every history sample; may be null
     * @return the result with the final parameters, history and termination reason
     * @throws IllegalArgumentException if start's length differs from the problem's parameter count
     */
    TrainingResult train(CollocationProblem problem, double[] start, TrainingOptions options, TrainingListener listener);
}
