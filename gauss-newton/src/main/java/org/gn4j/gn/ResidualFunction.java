package org.gn4j.gn;

/** The residual vector {@code r(β) ∈ ℝᵐ} of a least-squares problem. Must overwrite every entry of {@code residuals}. */
@FunctionalInterface
public interface ResidualFunction {
    /**
     * @param beta      parameters, length n (read only)
     * @param residuals output, length m
     */
    void evaluate(double[] beta, double[] residuals);
}
