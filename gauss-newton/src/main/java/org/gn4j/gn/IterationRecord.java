package org.gn4j.gn;

/**
 * One iteration (one trial step) of a nonlinear least-squares solver, as kept in the trace and given to listeners.
 *
 * @param iteration    1-based trial number
 * @param cost         cost after the iteration (of the accepted point)
 * @param gradientNorm infinity norm of the gradient at the accepted point
 * @param stepNorm     Euclidean norm of the trial step
 * @param damping      the damping λ (Levenberg-Marquardt), trust radius Δ (dogleg) or step length t (Gauss-Newton)
 * @param gainRatio    actual / predicted reduction of the trial step (NaN when not computed)
 * @param accepted     whether the step was accepted
 * @param seconds      wall-clock seconds since the start
 */
public record IterationRecord(int iteration, double cost, double gradientNorm, double stepNorm, double damping,
        double gainRatio, boolean accepted, double seconds) {
}
