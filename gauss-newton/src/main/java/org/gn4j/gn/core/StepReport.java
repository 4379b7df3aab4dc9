package org.gn4j.gn.core;

import org.gn4j.gn.TerminationReason;

/**
 * What one step of the {@link GaussNewtonLoop} did.
 *
 * @param outcome           accepted, refused, failed, or given up
 * @param cost              the cost before the step
 * @param gradientNorm      Euclidean norm of the gradient before the step
 * @param stepNorm          Euclidean norm of the change of x (0 when not accepted)
 * @param damping           the damping λ (or radius Δ) the step used
 * @param stepLength        the step length α (0 when refused)
 * @param gainRatio         {@link GainRatio#of}, NaN where not computed
 * @param solverIterations  iterations of the damped solve (0 for a direct solve)
 * @param solverResidual    relative residual of the damped solve, NaN where there was none
 * @param termination       why a deterministic run ends after this step, or null
 */
public record StepReport(StepOutcome outcome, double cost, double gradientNorm, double stepNorm, double damping,
        double stepLength, double gainRatio, int solverIterations, double solverResidual,
        TerminationReason termination) {
}
