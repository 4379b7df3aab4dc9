package org.gn4j.pinn.train;

import org.gn4j.pinn.pde.CollocationProblem;

/** The loss {@code ½‖r(θ)‖²} and its gradient {@code J(θ)ᵀr(θ)} (one VJP), with owned buffers. */
final class LossGradient {
    private final CollocationProblem problem;
    private final double[] r;

    LossGradient(CollocationProblem problem) {
        this.problem = problem;
        this.r = new double[problem.residualCount()];
    }

    /** Loss at θ; the gradient into g when g is not null. */
    double evaluate(double[] theta, double[] g) {
        problem.residuals(theta, r);
        double c = Recorder.cost(r);
        if (g != null && Double.isFinite(c)) {
            problem.jacobianOperator(theta).applyTranspose(r, g);
        }
        return c;
    }
}
