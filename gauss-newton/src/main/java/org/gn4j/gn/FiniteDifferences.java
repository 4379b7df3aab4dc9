package org.gn4j.gn;

import org.ejml.data.DMatrixRMaj;

/**
 * Finite-difference Jacobians with a relative step per parameter: {@code h_j = s·|β_j|} ({@code s} itself when
 * {@code β_j = 0}) with {@code s = √ε} for forward differences (error O(h)) and {@code s = ∛ε} for central
 * differences (error O(h²), twice the evaluations). Unlike scipy's {@code s·max(1, |β_j|)}, the step stays relative
 * for small parameters: a parameter of size 1e-9 (NIST Hahn1) is not moved by 6e-6. The step is rounded so that {@code β_j + h_j} is exactly
 * representable, which removes the representation error of the step itself.
 */
public enum FiniteDifferences {
    /** {@code (r(β + h e_j) − r(β)) / h}: n extra residual evaluations. */
    FORWARD(Math.sqrt(Math.ulp(1.0))),
    /** {@code (r(β + h e_j) − r(β − h e_j)) / 2h}: 2n residual evaluations. */
    CENTRAL(Math.cbrt(Math.ulp(1.0)));

    private final double relativeStep;

    FiniteDifferences(double relativeStep) {
        this.relativeStep = relativeStep;
    }

    /**
     * The relative step s.
     *
     * @return s: √ε for forward, ∛ε for central differences; the step is {@code h_j = s·|β_j|} (s where β_j = 0)
     */
    public double relativeStep() {
        return relativeStep;
    }

    /**
     * Residual evaluations per Jacobian.
     *
     * @param n the number of parameters
     * @return n for forward, 2n for central differences
     */
    public int evaluationsPerJacobian(int n) {
        return this == FORWARD ? n : 2 * n;
    }

    /**
     * Fills {@code jac} (m×n) by differencing {@code f}.
     *
     * @param r0   residuals at {@code beta} (used by {@link #FORWARD}; may be null for {@link #CENTRAL})
     * @param work two work vectors of length m
     */
    void jacobian(ResidualFunction f, double[] beta, double[] r0, DMatrixRMaj jac, double[] work1, double[] work2) {
        int m = jac.numRows;
        int n = jac.numCols;
        for (int j = 0; j < n; j++) {
            double bj = beta[j];
            double h = relativeStep * (bj != 0 ? Math.abs(bj) : 1.0);
            double plus = bj + h;
            h = plus - bj; // exactly representable step
            try {
                beta[j] = plus;
                f.evaluate(beta, work1);
                if (this == FORWARD) {
                    for (int i = 0; i < m; i++) {
                        jac.data[i * n + j] = (work1[i] - r0[i]) / h;
                    }
                } else {
                    double minus = bj - h;
                    double h2 = plus - minus;
                    beta[j] = minus;
                    f.evaluate(beta, work2);
                    for (int i = 0; i < m; i++) {
                        jac.data[i * n + j] = (work1[i] - work2[i]) / h2;
                    }
                }
            } finally {
                beta[j] = bj;
            }
        }
    }
}
