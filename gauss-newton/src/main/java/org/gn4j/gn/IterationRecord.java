package org.gn4j.gn;

/**
 * One iteration (one trial step) of a nonlinear least-squares solver, as kept in the trace and given to listeners.
 *
 * @param iteration    1-based trial number
 * @param cost         cost after the iteration (of the accepted point)
 * @param gradientNorm infinity norm of the gradient at the accepted point
 * @param stepNorm     scaled norm ‖Dδ‖ of the step taken (of the trial step when refused)
 * @param damping      the damping λ (or trust radius Δ of dogleg) the next step uses, after the control's update
 *                     for an accepted step, before it for a refused one (0 for Gauss-Newton)
 * @param gainRatio    actual / predicted reduction of the trial step (NaN when not computed)
 * @param accepted     whether the step was accepted
 * @param seconds      wall-clock seconds since the start
 * @param stepLength   the step length α of an accepted step (1 without a line search), 0 for a refused one
 */
public record IterationRecord(int iteration, double cost, double gradientNorm, double stepNorm, double damping,
        double gainRatio, boolean accepted, double seconds, double stepLength) {
}
